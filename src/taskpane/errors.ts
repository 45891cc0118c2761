import { errorText as wordError, getLocale } from "../i18n/runtime";

/**
 * An error's words for the person in the current language: errors carrying their message as
 * data (profile, host, file-read errors) are worded in it, others give their message.
 */
export function errorText(e: unknown): string {
  return wordError(e, getLocale());
}
