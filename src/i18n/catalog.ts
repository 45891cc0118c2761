/**
 * The one catalog of user-facing strings: zh-CN first, en-US second. Diagnostic messages
 * of the scoring core are written by the core itself (in Chinese, naming the figures).
 * Keys are grouped by face; add keys to both locales, in the same section.
 */

const zhCN = {
  // --- common
  "app.name": "绩效自评助手",
  // --- cli
  // --- taskpane
  // --- office host
  // --- templates
} as const;

export type MessageKey = keyof typeof zhCN;

const enUS: Record<MessageKey, string> = {
  // --- common
  "app.name": "Performance Self-Evaluation Assistant",
  // --- cli
  // --- taskpane
  // --- office host
  // --- templates
};

export type Locale = "zh-CN" | "en-US";

const catalogs: Record<Locale, Record<MessageKey, string>> = { "zh-CN": zhCN, "en-US": enUS };

let current: Locale = "zh-CN";

export function setLocale(locale: Locale): void {
  current = locale;
}

export function getLocale(): Locale {
  return current;
}

/** Looks a key up in the current locale and fills `{name}` placeholders. */
export function t(
  key: MessageKey,
  params?: Record<string, string | number>,
  locale: Locale = current,
): string {
  const s = catalogs[locale][key] ?? zhCN[key];
  if (!params) return s;
  return s.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}
