/**
 * The workbook record (R-WRITE-6) as rows of the very hidden sheet, through the sheet
 * layer's one format.
 */
import { RECORD_SHEET, decodeRecord, emptyRecord, encodeRecord } from "../../sheet";
import type { CellValue, WorkbookRecord } from "../../sheet/types";
import type { WorkbookSettings } from "../host";

export { RECORD_SHEET };

export interface DecodedRecord {
  record: WorkbookRecord;
  settings: WorkbookSettings;
}

/** Decodes the record sheet's values; an absent or unreadable sheet gives an empty record. */
export function readRecord(rows: CellValue[][] | null): DecodedRecord {
  if (!rows || rows.length === 0) return { record: emptyRecord(), settings: {} };
  const { record, settings } = decodeRecord(rows);
  return { record, settings: settings as WorkbookSettings };
}

/** The record sheet's rows, rectangular (Excel writes a rectangle). */
export function recordRows(record: WorkbookRecord, settings: WorkbookSettings): (string | number)[][] {
  const rows = encodeRecord(record, settings as Record<string, unknown>);
  const width = Math.max(1, ...rows.map((r) => r.length));
  return rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? ""));
}
