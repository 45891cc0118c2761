/** The workbook settings kept in `Office.context.document.settings`. */
import { uiMessage } from "../../i18n/catalog";
import { HostError, type WorkbookSettings } from "../host";
import type { OfficeEnv } from "./env";

/** Key of the workbook settings in `Office.context.document.settings`. */
export const SETTINGS_KEY = "jixiao";

/** The settings saved in the document (none where there is no store or they do not parse). */
export function documentSettings(env: OfficeEnv): WorkbookSettings {
  const raw = env.settings?.get(SETTINGS_KEY);
  if (!raw) return {};
  if (typeof raw === "string") {
    try {
      return JSON.parse(raw) as WorkbookSettings;
    } catch {
      return {};
    }
  }
  return raw as WorkbookSettings;
}

/** Settings another runtime (the task pane) saved since this one loaded them. */
export async function refreshSettings(env: OfficeEnv): Promise<void> {
  const store = env.settings;
  if (!store?.refreshAsync) return;
  await new Promise<void>((resolve) => store.refreshAsync!(() => resolve()));
}

export async function saveSettings(env: OfficeEnv, settings: WorkbookSettings): Promise<void> {
  const store = env.settings;
  if (!store) return;
  store.set(SETTINGS_KEY, JSON.parse(JSON.stringify(settings)));
  await new Promise<void>((resolve, reject) =>
    store.saveAsync((r) => {
      // Office.AsyncResultStatus.Succeeded is the string "succeeded".
      if (String(r.status).toLowerCase() === "succeeded") resolve();
      else
        reject(
          new HostError("UNKNOWN", uiMessage("office.err.settings", { message: r.error?.message ?? "" })),
        );
    }),
  );
}
