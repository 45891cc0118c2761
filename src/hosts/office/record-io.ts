/**
 * The workbook record (R-WRITE-6) in its very hidden sheet, through the sheet layer's one
 * format: decoded from the sheet's values, encoded as rows, queued into a write batch, and
 * read on its own with whatever else a batch wants to know.
 */
/* The office-addins load/sync rules check one function at a time; here loads are queued by
 * helpers and read after their caller's sync. The tests' fake request context throws on any
 * property read before it was loaded and synced, which checks what these rules cannot. */
/* eslint-disable office-addins/call-sync-before-read */
import { RECORD_SHEET, decodeRecord, emptyRecord, encodeRecord } from "../../sheet";
import type { CellValue, WorkbookRecord } from "../../sheet/types";
import type { WorkbookSettings } from "../host";
import { utf8Length } from "./payload";
import { loadRecordRows } from "./read";
import type { OfficeSession } from "./session";

export { RECORD_SHEET };

/** Characters of record the web host writes in one request (the rest of the 5 MB is the cells). */
export const RECORD_WEB_BUDGET = 1_000_000;

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

function rowsBytes(rows: (string | number)[][]): number {
  return rows.reduce((n, row) => n + utf8Length(String(row[0])), 0);
}

/**
 * The record's rows; on the web the oldest backups give way until the record fits its
 * share of one request (measured in UTF-8 bytes).
 */
export function recordPlan(
  web: boolean,
  record: WorkbookRecord,
  settings: WorkbookSettings,
): { record: WorkbookRecord; rows: (string | number)[][] } {
  let rows = recordRows(record, settings);
  if (web) {
    while (rowsBytes(rows) > RECORD_WEB_BUDGET && record.backups.length > 1) {
      record = { ...record, backups: record.backups.slice(1) };
      rows = recordRows(record, settings);
    }
  }
  return { record, rows };
}

/** Queues the record sheet's new content (created very hidden when absent). */
export function queueRecordRows(
  session: OfficeSession,
  ctx: Excel.RequestContext,
  exists: boolean,
  rows: (string | number)[][],
): void {
  const ws = exists
    ? ctx.workbook.worksheets.getItem(RECORD_SHEET)
    : ctx.workbook.worksheets.add(RECORD_SHEET);
  if (exists) ws.getRange().clear("Contents");
  // Also when it exists: LibreOffice saves a very hidden sheet as merely hidden.
  ws.visibility = "VeryHidden";
  const target = ws.getRangeByIndexes(0, 0, rows.length, rows[0].length);
  target.numberFormat = rows.map((r) => r.map((v) => (typeof v === "string" ? "@" : "General")));
  target.values = rows;
  session.recordBytes = rowsBytes(rows);
}

/** Queues the record as it will be kept (see `recordPlan`); returns that record. */
export function queueRecord(
  session: OfficeSession,
  ctx: Excel.RequestContext,
  exists: boolean,
  record: WorkbookRecord,
  settings: WorkbookSettings,
): WorkbookRecord {
  const planned = recordPlan(session.env.web, record, settings);
  queueRecordRows(session, ctx, exists, planned.rows);
  return planned.record;
}

export interface RecordRead<T> {
  exists: boolean;
  record: WorkbookRecord;
  settings: WorkbookSettings;
  workbookProtected: boolean;
  extra: T;
}

/** Reads the record (and whether it exists) in one round trip, with extra loads queued by `also`. */
export async function readRecordWith<T>(
  session: OfficeSession,
  sheet: string | undefined,
  also: (ctx: Excel.RequestContext) => () => T,
): Promise<RecordRead<T>> {
  return session.run(sheet, async (ctx) => {
    const wb = ctx.workbook;
    wb.protection.load("protected");
    const rec = wb.worksheets.getItemOrNullObject(RECORD_SHEET);
    rec.load("name");
    const get = also(ctx);
    await ctx.sync();
    const values = rec.isNullObject ? null : await loadRecordRows(ctx, session.env.web);
    const { record, settings } = readRecord(values);
    return {
      exists: !rec.isNullObject,
      record,
      settings,
      workbookProtected: wb.protection.protected,
      extra: get(),
    };
  });
}
