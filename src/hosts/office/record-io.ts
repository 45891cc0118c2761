/**
 * The workbook record (R-WRITE-6) as rows of the very hidden sheet, through the sheet
 * layer's one format, plus the bookkeeping the Office host adds to it (restore,
 * highlights).
 */
import {
  RECORD_SHEET,
  decodeRecord,
  emptyRecord,
  encodeRecord,
  recordApplied,
  recordRestored,
} from "../../sheet";
import type { Backup, CellValue, WorkbookRecord, WritePlan } from "../../sheet/types";
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

export function withApplied(record: WorkbookRecord, plan: WritePlan, backup: Backup): WorkbookRecord {
  return recordApplied(record, plan, backup);
}

/** After a restore: the record as before the restored apply (`recordRestored`). */
export function withRestored(record: WorkbookRecord, backup: Backup): WorkbookRecord {
  return recordRestored(record, backup);
}

/**
 * Adds highlighted cells, keeping the fill a cell had before its first highlight (a cell
 * highlighted twice must go back to the user's fill, not to the first highlight colour).
 */
export function withHighlights(
  record: WorkbookRecord,
  sheet: string,
  cells: { cell: string; fill: string | null }[],
): WorkbookRecord {
  const highlights = record.highlights.map((h) => ({ sheet: h.sheet, cells: [...h.cells] }));
  let entry = highlights.find((h) => h.sheet === sheet);
  if (!entry) {
    entry = { sheet, cells: [] };
    highlights.push(entry);
  }
  const known = new Set(entry.cells.map((c) => c.cell));
  for (const c of cells) if (!known.has(c.cell)) entry.cells.push({ cell: c.cell, fill: c.fill });
  return { ...record, highlights };
}

export function withoutHighlights(record: WorkbookRecord, sheet: string): WorkbookRecord {
  return { ...record, highlights: record.highlights.filter((h) => h.sheet !== sheet) };
}
