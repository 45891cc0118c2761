import { ProfileError } from "../core/profile";
import { formatMessage, getLocale } from "../i18n/catalog";

/** An error's words for the person: a profile error in the current language, else its message. */
export function errorText(e: unknown): string {
  if (e instanceof ProfileError) return formatMessage(e.text, getLocale());
  if (e instanceof Error) return e.message;
  return String(e);
}
