import { useCallback, useState } from "react";
import type { Profile } from "../../core/types";
import type { WorkbookSettings } from "../../hosts/host";
import { t } from "../../i18n/catalog";
import type { Services } from "../services";
import type { ProfileChoice } from "../components/ProfilePicker";
import { errorText } from "../errors";

export interface ProfileState {
  choice: ProfileChoice;
  profile: Profile;
}

/** The scoring profile chosen (preset or custom file), its error in plain words, and saving it with the workbook. */
export function useProfileChoice(services: Services, save: (patch: Partial<WorkbookSettings>) => void) {
  const [ps, setPs] = useState<ProfileState>(() => ({
    choice: { kind: "preset", name: "central" },
    profile: services.resolveProfile("central"),
  }));
  const [error, setError] = useState<string | null>(null);

  /** Takes the profile remembered with the workbook (no save). */
  const adopt = useCallback(
    (saved: WorkbookSettings["profile"]) => {
      if (saved === undefined) return;
      try {
        const profile = services.resolveProfile(saved);
        setPs({
          choice:
            typeof saved === "string"
              ? { kind: "preset", name: saved }
              : { kind: "custom", name: profile.name, spec: saved },
          profile,
        });
      } catch (e) {
        setError(profileMessage(e, t("taskpane.profile.label")));
      }
    },
    [services],
  );

  function choosePreset(name: string) {
    try {
      setPs({ choice: { kind: "preset", name }, profile: services.resolveProfile(name) });
      setError(null);
      save({ profile: name });
    } catch (e) {
      setError(profileMessage(e, name));
    }
  }

  function chooseCustom(fileName: string, text: string) {
    let spec: unknown;
    try {
      spec = JSON.parse(text);
    } catch (e) {
      setError(jsonError(fileName, text, e));
      return;
    }
    try {
      const base = fileName.replace(/\.json$/i, "");
      const profile = services.resolveProfile(spec as Record<string, unknown>, base);
      const saved = { ...(spec as Record<string, unknown>), name: profile.name };
      setPs({ choice: { kind: "custom", name: profile.name, spec: saved }, profile });
      setError(null);
      save({ profile: saved });
    } catch (e) {
      setError(profileMessage(e, fileName));
    }
  }

  return { ps, error, adopt, choosePreset, chooseCustom };
}

/** A profile error in plain words, naming the file and (once) the setting. */
export function profileMessage(e: unknown, file: string): string {
  const key = (e as { key?: unknown }).key;
  const message = errorText(e);
  if (typeof key === "string" && key && !message.includes(key))
    return t("taskpane.profile.error", { file, key, message });
  return t("taskpane.profile.errorNoKey", { file, message });
}

/**
 * A file that is not valid JSON: where it breaks (line, column) in plain words, never the
 * parser's own English.
 */
export function jsonError(file: string, text: string, e: unknown): string {
  const m = /line (\d+) column (\d+)/.exec(String((e as Error)?.message ?? ""));
  let line: number | null = m ? Number(m[1]) : null;
  let col: number | null = m ? Number(m[2]) : null;
  const pos = /position (\d+)/.exec(String((e as Error)?.message ?? ""));
  if (line === null && pos) {
    const before = text.slice(0, Number(pos[1])).split("\n");
    line = before.length;
    col = before[before.length - 1].length + 1;
  }
  return line !== null
    ? t("taskpane.profile.badJsonAt", { file, line, col: col ?? 1 })
    : t("taskpane.profile.badJson", { file });
}
