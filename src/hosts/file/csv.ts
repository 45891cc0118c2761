/** CSV for spreadsheets: UTF-8 with a byte-order mark, CRLF, formula-like text neutralised. */
import { stringify } from "csv-stringify/sync";

/**
 * Text a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage
 * return, also after leading spaces) gets a leading apostrophe.
 */
export function neutralise(s: string): string {
  return /^(?:[ \t\r\n\u3000]*[=+\-@]|[\t\r])/.test(s) ? `'${s}` : s;
}

/** Rows as CSV text; string cells are neutralised, numbers written as they are. */
export function csvText(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  // A byte-order mark so that Excel opens the UTF-8 file with its Chinese intact.
  const safe = rows.map((r) => r.map((v) => (typeof v === "string" ? neutralise(v) : (v ?? null))));
  return "\uFEFF" + stringify(safe, { record_delimiter: "\r\n" });
}
