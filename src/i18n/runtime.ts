/**
 * Looking up and filling messages: the catalogs register their parts here when imported, so
 * each face's script holds only the wording it shows (the pane's initial script: the shell's).
 * Keys are typed over every part; a module that uses a key imports the part that words it
 * (test/i18n/parts.test.ts). The scoring core's messages are data (src/core/messages.ts)
 * worded in ./core-messages.ts.
 */
import type { CoreDiagnostic } from "../core/types";
import type { Message, MessageParam } from "../core/messages";
import type { PaneKey } from "./catalog";
import type { ShellKey } from "./shell-messages";
import type { CliKey } from "./cli-messages";
import type { ReviewKey } from "./review-messages";
import type { ReportKey } from "./report-messages";
import type { sheetZhCN } from "./sheet-messages";
import type { hostZhCN } from "./host-messages";

/** A key of the UI catalogs (faces, sheet layer, hosts); the core's keys are `CoreMessageKey`. */
export type MessageKey =
  ShellKey | PaneKey | CliKey | ReviewKey | ReportKey | keyof typeof sheetZhCN | keyof typeof hostZhCN;

export type Locale = "zh-CN" | "en-US";

const catalogs: Record<Locale, Record<string, string>> = { "zh-CN": {}, "en-US": {} };

/** Adds a part's wording (called once by each part when it is imported). */
export function registerMessages(
  zh: Readonly<Record<string, string>>,
  en: Readonly<Record<string, string>>,
): void {
  Object.assign(catalogs["zh-CN"], zh);
  Object.assign(catalogs["en-US"], en);
}

/** How each locale joins a list parameter. */
const LIST_SEPARATOR: Record<Locale, string> = { "zh-CN": "、", "en-US": ", " };

let current: Locale = "zh-CN";

export function setLocale(locale: Locale): void {
  current = locale;
}

export function getLocale(): Locale {
  return current;
}

/** The template of `key` in `locale`, else zh-CN's; the key itself if no loaded part has it. */
function template(key: string, locale: Locale): string {
  return catalogs[locale][key] ?? catalogs["zh-CN"][key] ?? key;
}

function fill(template: string, params: Readonly<Record<string, UiParam>>, locale: Locale): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => {
    if (!(name in params)) return m;
    const v = params[name];
    if (typeof v === "string" || typeof v === "number") return String(v);
    if (Array.isArray(v)) return v.join(LIST_SEPARATOR[locale]);
    return formatMessage(v as Message | UiMessage, locale);
  });
}

/**
 * A message of the sheet layer, a host or a face as data: a catalog key and the values it
 * names, worded by `formatMessage` in the locale of whoever shows it.
 */
export interface UiMessage {
  key: MessageKey;
  params: Readonly<Record<string, UiParam>>;
}

/** A value a UI message names: a figure or text, a list, or another message of any layer. */
export type UiParam = MessageParam | UiMessage;

/** A message: `key` with its parameters. */
export function uiMessage(key: MessageKey, params: Record<string, UiParam> = {}): UiMessage {
  return { key, params };
}

/** Looks a key up in the current locale (or the one given) and fills `{name}` placeholders. */
export function t(key: MessageKey, params?: Record<string, UiParam>, locale: Locale = current): string {
  // A count of one takes the key's `.one` form where the locale has one (English plurals).
  const one = params?.n === 1 ? catalogs[locale][`${key}.one`] : undefined;
  const s = one ?? template(key, locale);
  return params ? fill(s, params, locale) : s;
}

/** The wording of a message (data: catalog key + parameters) in `locale`. Pure. */
export function formatMessage(m: Message | UiMessage, locale: Locale): string {
  return fill(template(m.key, locale), m.params, locale);
}

/** The wording of a core diagnostic in `locale`. */
export function formatDiagnostic(d: Pick<CoreDiagnostic, "message">, locale: Locale): string {
  return formatMessage(d.message, locale);
}

/**
 * What an error says to a person in `locale`: errors that carry their message as data
 * (`text`: host, file-read and profile errors) are worded in it; others give `message`.
 */
export function errorText(e: unknown, locale: Locale): string {
  if (e && typeof e === "object" && "text" in e) {
    const m = (e as { text: unknown }).text;
    if (m && typeof m === "object" && "key" in m && "params" in m)
      return formatMessage(m as UiMessage, locale);
  }
  return e instanceof Error ? e.message : String(e);
}

/** True when a loaded part has the key (keys built from codes may name none). */
export function hasMessage(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(catalogs["zh-CN"], key);
}
