/**
 * The Excel add-in host (Office.js). Reading a sheet is one `context.sync`; applying a
 * plan is one more: the backup (value, formula, number format, fill of every cell about
 * to change, R-WRITE-4) comes from the snapshot taken by `readSheet`, and is written into
 * the very hidden record sheet in the same batch as the cells (R-WRITE-6).
 *
 * Staleness: after a read, the sheet's `onChanged` event (ExcelApi 1.7) marks the
 * snapshot out of date, so `apply` refuses (STALE) without another round trip. Where the
 * event could not be registered, `apply` compares the cells once more before writing.
 */
/*
 * The office-addins load/sync rules follow one function at a time: here loads are queued
 * by helpers (queueBlock, queueMerges, readRecordWith's callbacks) and read after the sync
 * by their callers, and some syncs are conditional. The tests' fake request context
 * throws on any property read before it was loaded and synced, which checks what these
 * rules cannot.
 */
/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load */
import { t } from "../../i18n/catalog";
import { isDraftNote, resolveProfile } from "../../core";
import {
  analyzeSheet,
  recordApplied,
  recordHighlighted,
  recordRestored,
  recordUnhighlighted,
} from "../../sheet";
import { address as a1, columnLetters, parseAddress, parseRange } from "../../sheet/address";
import type {
  Backup,
  BackupCell,
  BackupNote,
  CellValue,
  GridCell,
  GridSnapshot,
  MergeArea,
  PlannedNote,
  WorkbookRecord,
  WritePlan,
} from "../../sheet/types";
import { buildTemplate, splitTarget } from "../../templates";
import type { IndicatorTemplateRow, TemplateKind, TemplateSheet } from "../../templates/types";
import {
  HostError,
  type ApplyResult,
  type HighlightMark,
  type RestoreResult,
  type SheetRead,
  type WorkbookHost,
  type WorkbookSettings,
} from "../host";
import { officeEnv, type OfficeEnv } from "./env";
import { isPayloadError, sheetLabel, toHostError } from "./errors";
import { RECORD_SHEET, readRecord, recordRows } from "./record-io";

/** Key of the workbook settings in `Office.context.document.settings`. */
export const SETTINGS_KEY = "jixiao";

/** Estimated bytes per cell of a read (values, formulas, formats, text, types, fill). */
export const BYTES_PER_CELL = 90;
/** What one request/response may carry on Excel on the web (5 MB), with a margin. */
export const WEB_PAYLOAD_BUDGET = 4_500_000;
/** Rows per merged-area query: `getMergedAreasOrNullObject` fails above 512 areas. */
export const MERGE_CHUNK_ROWS = 100;
/** Rows covered by the merged-area queries of a first read, before the used range is known. */
export const MERGE_FRAME_ROWS = 10_000;
/** Characters of record the web host writes in one request (the rest of the 5 MB is the cells). */
export const RECORD_WEB_BUDGET = 1_000_000;
/**
 * Bytes of the largest record row on the wire: the record format cuts its JSON into cells
 * of 30,000 characters, and the quotes in it are escaped again in transit.
 */
const RECORD_ROW_CHARS = 45_000;

/** Fill of a cell: `#RRGGBB`, or null for no fill. */
type Fill = string | null;

interface SheetState {
  grid: GridSnapshot;
  sheetId: string;
  /** Fills per A1 address; absent where the API could not tell (ExcelApi < 1.9). */
  fills: Map<string, Fill>;
  record: WorkbookRecord;
  recordSettings: WorkbookSettings;
  recordExists: boolean;
  workbookProtected: boolean;
  /** Change counter of the sheet at the read; null when no change event is tracked. */
  version: number | null;
  /** Notes and comments on the sheet at the read (ExcelApi 1.18 / 1.10); null: not known. */
  noteCount: number | null;
  commentCount: number | null;
}

/** A cell's note or comment, as found before writing or restoring one. */
interface ExistingNote {
  kind: "note" | "comment";
  text: string;
}

/** `Sheet!$D$13` → `D13`. */
function localCell(address: string): string {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  return local.replace(/\$/g, "").toUpperCase();
}

interface UsedBox {
  row0: number;
  col0: number;
  rows: number;
  cols: number;
}

interface LoadedBlock {
  range: Excel.Range;
  cellProps: OfficeExtension.ClientResult<Excel.CellProperties[][]> | null;
  rowProps: OfficeExtension.ClientResult<Excel.RowProperties[]> | null;
  colProps: OfficeExtension.ClientResult<Excel.ColumnProperties[]> | null;
}

function emptyValue(v: unknown): boolean {
  return v === "" || v === null || v === undefined;
}

function sameValue(a: CellValue | undefined, b: CellValue | undefined): boolean {
  const x = emptyValue(a) ? null : a;
  const y = emptyValue(b) ? null : b;
  if (x instanceof Date || y instanceof Date) return String(x) === String(y);
  return x === y;
}

function fillOf(props: Excel.CellProperties | undefined): Fill | undefined {
  const fill = props?.format?.fill;
  if (!fill) return undefined;
  if (fill.pattern === "None" || !fill.color) return null;
  return fill.color.toUpperCase();
}

/** ExcelApi < 1.9 reports no fill as white: the best reading of it is "no fill". */
function legacyFill(color: string | null | undefined): Fill {
  if (!color || color.toUpperCase() === "#FFFFFF") return null;
  return color.toUpperCase();
}

/**
 * Text Excel would read as something else when set through `values` (a formula, a
 * number, a date such as `1-2`) keeps a leading apostrophe, as a person would type it:
 * Excel stores the text as is and does not show the apostrophe.
 */
export function literal(v: string | number | boolean): string | number | boolean {
  return typeof v === "string" && /^[=+\-@'\d.]/.test(v) ? `'${v}` : v;
}

function parseAreas(addressList: string): MergeArea[] {
  const out: MergeArea[] = [];
  for (const part of addressList.split(",")) {
    const local = part.includes("!") ? part.slice(part.lastIndexOf("!") + 1) : part;
    const r = parseRange(local.trim());
    if (r) out.push(r);
  }
  return out;
}

function boxOf(range: {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}): UsedBox {
  return { row0: range.rowIndex, col0: range.columnIndex, rows: range.rowCount, cols: range.columnCount };
}

export class OfficeHost implements WorkbookHost {
  readonly kind = "office" as const;
  private readonly env: OfficeEnv;
  private readonly states = new Map<string, SheetState>();
  /** Size of each sheet's used range at its last read (for the payload estimate). */
  private readonly sizes = new Map<string, UsedBox>();
  /** Change counters per worksheet id (bumped by `onChanged`). */
  private readonly versions = new Map<string, number>();
  private readonly trackedNames = new Set<string>();
  private readonly trackedIds = new Set<string>();
  /** Cells this add-in wrote last per worksheet id, to tell our own change events apart. */
  private readonly ownWrites = new Map<string, Set<string>>();
  private lastActive: string | null = null;
  /** Characters of the record sheet at the last read or write (part of the read's payload). */
  private recordChars = 0;
  /** Number of batches that failed to read in one go and were read in steps. */
  fallbackReads = 0;

  constructor(env?: OfficeEnv) {
    this.env = env ?? officeEnv();
  }

  private has(version: string): boolean {
    return this.env.isSetSupported("ExcelApi", version);
  }

  private requireApi(): void {
    if (!this.has("1.7")) throw new HostError("API_TOO_OLD", t("office.err.apiTooOld"));
  }

  private async run<T>(
    sheet: string | undefined,
    batch: (ctx: Excel.RequestContext) => Promise<T>,
  ): Promise<T> {
    try {
      return await this.env.run(batch);
    } catch (e) {
      throw toHostError(e, sheet ?? this.lastActive ?? undefined);
    }
  }

  // ---------------------------------------------------------------- reading

  async readSheet(sheet?: string): Promise<SheetRead> {
    this.requireApi();
    const state = await this.readState(sheet);
    return { grid: state.grid, record: state.record, settings: this.mergedSettings(state.recordSettings) };
  }

  private mergedSettings(fromRecord: WorkbookSettings): WorkbookSettings {
    return { ...fromRecord, ...this.documentSettings() };
  }

  private documentSettings(): WorkbookSettings {
    const raw = this.env.settings?.get(SETTINGS_KEY);
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

  private async readState(sheet?: string): Promise<SheetState> {
    const known = sheet ?? this.lastActive ?? undefined;
    const size = known ? this.sizes.get(known) : undefined;
    const big =
      this.env.web &&
      !!size &&
      size.rows * size.cols * BYTES_PER_CELL + this.recordChars > WEB_PAYLOAD_BUDGET;
    let state: SheetState;
    if (big) {
      state = await this.run(sheet, (ctx) => this.readInSteps(ctx, sheet));
    } else {
      try {
        state = await this.env.run((ctx) => this.readOnce(ctx, sheet, size));
      } catch (e) {
        const mapped = toHostError(e, sheet ?? this.lastActive ?? undefined);
        if (mapped.code === "CELL_EDIT_MODE" || mapped.code === "API_TOO_OLD") throw mapped;
        // Too large for one response, more than 512 merged areas in a block, or a client
        // that does not chain null objects (no record sheet): read in steps instead. A
        // missing sheet fails there again, with its own message.
        this.fallbackReads++;
        state = await this.run(sheet, (ctx) => this.readInSteps(ctx, sheet));
      }
    }
    this.states.set(state.grid.sheet, state);
    this.lastActive = sheet ? this.lastActive : state.grid.sheet;
    return state;
  }

  private trackChanges(ws: Excel.Worksheet, name: string | undefined): boolean {
    if (name && this.trackedNames.has(name)) return false;
    try {
      ws.onChanged.add(async (e) => this.onChanged(e));
      return true;
    } catch {
      return false;
    }
  }

  private onChanged(e: Excel.WorksheetChangedEventArgs): void {
    if (e.triggerSource === "ThisLocalAddin") return;
    const own = this.ownWrites.get(e.worksheetId);
    if (own && e.address) {
      const r = parseRange(e.address);
      if (r && (r.bottom - r.top + 1) * (r.right - r.left + 1) <= own.size) {
        let mine = true;
        for (let row = r.top; row <= r.bottom && mine; row++)
          for (let col = r.left; col <= r.right && mine; col++) mine = own.has(a1(row, col));
        if (mine) return;
      }
    }
    this.versions.set(e.worksheetId, (this.versions.get(e.worksheetId) ?? 0) + 1);
  }

  private queueBlock(range: Excel.Range): LoadedBlock {
    range.load(
      "address,rowIndex,columnIndex,rowCount,columnCount,values,formulas,numberFormat,text,valueTypes",
    );
    const cellProps = this.has("1.9")
      ? range.getCellProperties({ format: { fill: { color: true, pattern: true } } })
      : null;
    const rowProps = this.has("1.9") ? range.getRowProperties({ rowIndex: true, rowHidden: true }) : null;
    const colProps = this.has("1.9")
      ? range.getColumnProperties({ columnIndex: true, columnHidden: true })
      : null;
    return { range, cellProps, rowProps, colProps };
  }

  /**
   * Merged areas of sheet rows `from`..`to` (1-based, inclusive), queried in blocks of
   * whole rows: one query fails above 512 areas, and returns only the areas whose top-left
   * cell lies inside it, so blocks never report an area twice.
   */
  private queueMerges(ws: Excel.Worksheet, from: number, to: number): Excel.RangeAreas[] {
    if (!this.has("1.13")) return [];
    const out: Excel.RangeAreas[] = [];
    for (let r = from; r <= to; r += MERGE_CHUNK_ROWS) {
      const areas = ws
        .getRange(`${r}:${Math.min(to, r + MERGE_CHUNK_ROWS - 1)}`)
        .getMergedAreasOrNullObject();
      areas.load("address");
      out.push(areas);
    }
    return out;
  }

  /** The whole read in one `context.sync`. */
  private async readOnce(ctx: Excel.RequestContext, sheet: string | undefined, size: UsedBox | undefined) {
    const wb = ctx.workbook;
    const ws = sheet ? wb.worksheets.getItem(sheet) : wb.worksheets.getActiveWorksheet();
    ws.load("name,id");
    ws.protection.load("protected");
    wb.protection.load("protected");
    const used = ws.getUsedRange(true);
    const block = this.queueBlock(used);
    // The used range is not known before the sync: cover a frame that holds any real table.
    const frameEnd = size ? size.row0 + size.rows : MERGE_FRAME_ROWS;
    const merges = this.queueMerges(ws, size ? size.row0 + 1 : 1, frameEnd);
    const rec = wb.worksheets.getItemOrNullObject(RECORD_SHEET);
    rec.load("name");
    const recUsed = rec.getUsedRangeOrNullObject(true);
    recUsed.load("values");
    // How many notes and comments the sheet has: where none, notes are added without a lookup.
    const noteCount = this.has("1.18") ? ws.notes.getCount() : null;
    const commentCount = this.has("1.10") ? ws.comments.getCount() : null;
    const tracking = this.trackChanges(ws, sheet ?? this.lastActive ?? undefined);
    await ctx.sync();

    if (tracking) this.markTracked(ws.name, ws.id);
    const bottom = used.rowIndex + used.rowCount;
    if (bottom > frameEnd) {
      // A sheet longer than the frame: the rest of its merged areas in one more round trip.
      merges.push(...this.queueMerges(ws, frameEnd + 1, bottom));
      await ctx.sync();
    }
    const records = rec.isNullObject || recUsed.isNullObject ? null : (recUsed.values as CellValue[][]);
    const state = this.buildState(ws, wb.protection.protected, [block], merges, !rec.isNullObject, records);
    state.noteCount = noteCount ? noteCount.value : null;
    state.commentCount = commentCount ? commentCount.value : null;
    return state;
  }

  /** The read in steps: the size first, then blocks that each fit one response. */
  private async readInSteps(ctx: Excel.RequestContext, sheet: string | undefined): Promise<SheetState> {
    const wb = ctx.workbook;
    const ws = sheet ? wb.worksheets.getItem(sheet) : wb.worksheets.getActiveWorksheet();
    ws.load("name,id");
    ws.protection.load("protected");
    wb.protection.load("protected");
    const used = ws.getUsedRange(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    const rec = wb.worksheets.getItemOrNullObject(RECORD_SHEET);
    rec.load("name");
    // No change event here: if registering it is what failed the one-sync read, this read
    // must not fail again. `apply` then compares the cells once more before writing.
    await ctx.sync();

    const box = boxOf(used);
    const perSync = this.env.web
      ? Math.max(1, Math.floor(WEB_PAYLOAD_BUDGET / (BYTES_PER_CELL * Math.max(1, box.cols))))
      : box.rows;
    const records = rec.isNullObject ? null : await this.loadRecordRows(ctx);
    const blocks: LoadedBlock[] = [];
    const merges: Excel.RangeAreas[] = [];
    for (let r = 0; r < box.rows; r += perSync) {
      const n = Math.min(perSync, box.rows - r);
      const part = ws.getRangeByIndexes(box.row0 + r, box.col0, n, box.cols);
      blocks.push(this.queueBlock(part));
      merges.push(...this.queueMerges(ws, box.row0 + r + 1, box.row0 + r + n));
      await ctx.sync();
    }
    return this.buildState(ws, wb.protection.protected, blocks, merges, !rec.isNullObject, records);
  }

  /**
   * The record sheet's rows (the sheet exists). On the web the record may be larger than
   * one response (many backups of a long table): it is then read in blocks of rows.
   */
  private async loadRecordRows(ctx: Excel.RequestContext): Promise<CellValue[][] | null> {
    const sheet = ctx.workbook.worksheets.getItem(RECORD_SHEET);
    const used = sheet.getUsedRangeOrNullObject(true);
    if (!this.env.web) {
      used.load("values");
      await ctx.sync();
      return used.isNullObject ? null : (used.values as CellValue[][]);
    }
    used.load("rowIndex,rowCount");
    await ctx.sync();
    if (used.isNullObject) return null;
    const rows: CellValue[][] = [];
    const perSync = Math.max(1, Math.floor(WEB_PAYLOAD_BUDGET / RECORD_ROW_CHARS));
    for (let r = 0; r < used.rowCount; r += perSync) {
      const part = sheet.getRangeByIndexes(used.rowIndex + r, 0, Math.min(perSync, used.rowCount - r), 1);
      part.load("values");
      await ctx.sync();
      rows.push(...(part.values as CellValue[][]));
    }
    return rows;
  }

  private markTracked(name: string, id: string): void {
    this.trackedNames.add(name);
    this.trackedIds.add(id);
    if (!this.versions.has(id)) this.versions.set(id, 0);
  }

  private buildState(
    ws: Excel.Worksheet,
    workbookProtected: boolean,
    blocks: LoadedBlock[],
    mergeAreas: Excel.RangeAreas[],
    recordExists: boolean,
    recordValues: CellValue[][] | null,
  ): SheetState {
    const first = blocks[0].range;
    const top = first.rowIndex + 1;
    const left = first.columnIndex + 1;
    const cells: (GridCell | null)[][] = [];
    const fills = new Map<string, Fill>();
    const hiddenRows: number[] = [];
    for (const { range, cellProps, rowProps } of blocks) {
      const props = cellProps?.value;
      for (let r = 0; r < range.rowCount; r++) {
        const row: (GridCell | null)[] = [];
        const sheetRow = range.rowIndex + r + 1;
        for (let c = 0; c < range.columnCount; c++) {
          const v = range.values[r][c] as CellValue;
          const f = range.formulas[r][c];
          const fmt = range.numberFormat[r][c] as string;
          const text = range.text[r][c];
          const isFormula = typeof f === "string" && f.startsWith("=");
          const fill = fillOf(props?.[r]?.[c]);
          if (fill !== undefined) fills.set(a1(sheetRow, range.columnIndex + c + 1), fill);
          if (emptyValue(v) && !isFormula && (!fmt || fmt === "General")) {
            row.push(null);
            continue;
          }
          const cell: GridCell = { v: emptyValue(v) ? null : v };
          if (isFormula) cell.f = (f as string).slice(1);
          if (fmt && fmt !== "General") cell.fmt = fmt;
          if (text !== undefined && text !== "") cell.t = text;
          if (range.valueTypes[r][c] === "Error") cell.err = true;
          row.push(cell);
        }
        cells.push(row);
      }
      for (const p of rowProps?.value ?? [])
        if (p.rowHidden && p.rowIndex !== undefined) hiddenRows.push(p.rowIndex + 1);
    }
    const hiddenCols: number[] = [];
    for (const p of blocks[0].colProps?.value ?? [])
      if (p.columnHidden && p.columnIndex !== undefined) hiddenCols.push(p.columnIndex + 1);
    const merges: MergeArea[] = [];
    for (const m of mergeAreas) if (!m.isNullObject && m.address) merges.push(...parseAreas(m.address));
    const grid: GridSnapshot = {
      sheet: ws.name,
      top,
      left,
      cells,
      merges,
      hiddenRows,
      hiddenCols,
      protected: ws.protection.protected,
    };
    if (!this.has("1.13")) grid.mergesKnown = false;
    const total = blocks.reduce((n, b) => n + b.range.rowCount, 0);
    this.sizes.set(ws.name, { row0: top - 1, col0: left - 1, rows: total, cols: first.columnCount });
    const { record, settings } = readRecord(recordValues);
    this.recordChars = (recordValues ?? []).reduce((n, row) => n + String(row[0] ?? "").length, 0);
    return {
      grid,
      sheetId: ws.id,
      fills,
      record,
      recordSettings: settings,
      recordExists,
      workbookProtected,
      version: this.trackedIds.has(ws.id) ? (this.versions.get(ws.id) ?? 0) : null,
      noteCount: null,
      commentCount: null,
    };
  }

  // ---------------------------------------------------------------- writing

  private snapshotCell(state: SheetState, row: number, col: number): GridCell | null {
    const g = state.grid;
    return g.cells[row - g.top]?.[col - g.left] ?? null;
  }

  private staleError(sheet: string, cell: string): HostError {
    return new HostError("STALE", t("office.err.stale", { sheet: sheetLabel(sheet), cell }));
  }

  private recordWriteGuard(state: SheetState): void {
    if (state.grid.protected)
      throw new HostError("PROTECTED", t("office.err.protected", { sheet: sheetLabel(state.grid.sheet) }));
    if (state.workbookProtected && !state.recordExists)
      throw new HostError("PROTECTED", t("office.err.workbookProtected"));
  }

  /** Queues the record sheet's new content (created very hidden when absent). */
  private queueRecord(
    ctx: Excel.RequestContext,
    exists: boolean,
    record: WorkbookRecord,
    settings: WorkbookSettings,
  ): WorkbookRecord {
    let rows = recordRows(record, settings);
    if (this.env.web) {
      // One request carries at most 5 MB on the web: the oldest backups give way.
      const size = (r: (string | number)[][]) => r.reduce((n, row) => n + String(row[0]).length, 0);
      while (size(rows) > RECORD_WEB_BUDGET && record.backups.length > 1) {
        record = { ...record, backups: record.backups.slice(1) };
        rows = recordRows(record, settings);
      }
    }
    const ws = exists
      ? ctx.workbook.worksheets.getItem(RECORD_SHEET)
      : ctx.workbook.worksheets.add(RECORD_SHEET);
    if (exists) ws.getRange().clear("Contents");
    else ws.visibility = "VeryHidden";
    const target = ws.getRangeByIndexes(0, 0, rows.length, rows[0].length);
    target.numberFormat = rows.map((r) => r.map((v) => (typeof v === "string" ? "@" : "General")));
    target.values = rows;
    this.recordChars = rows.reduce((n, row) => n + String(row[0]).length, 0);
    return record;
  }

  async apply(plan: WritePlan): Promise<ApplyResult> {
    this.requireApi();
    let state = this.states.get(plan.sheet);
    if (!state) state = await this.readState(plan.sheet);
    const mode = this.noteMode();
    const wanted = mode ? uniqueNotes(plan.notes ?? []) : [];
    if (plan.writes.length === 0 && wanted.length === 0) return { written: 0, backupId: "" };
    this.recordWriteGuard(state);

    // The plan must come from this very snapshot.
    for (const w of plan.writes) {
      const cell = this.snapshotCell(state, w.row, w.col);
      if (!sameValue(cell?.v ?? null, w.before)) throw this.staleError(plan.sheet, w.cell);
      if (cell?.f !== undefined) throw this.staleError(plan.sheet, w.cell);
    }
    if (state.version === null) {
      await this.verifyUnchanged(state, plan);
    } else if ((this.versions.get(state.sheetId) ?? 0) !== state.version) {
      throw this.staleError(plan.sheet, plan.writes[0]?.cell ?? wanted[0].cell);
    }

    // R-DEV notes: a person's note or comment is never touched; one of ours is refreshed.
    const noteChanges: BackupNote[] = [];
    if (mode && wanted.length > 0) {
      const existing = await this.existingNotes(
        plan.sheet,
        wanted.map((n) => n.cell),
        { notes: state.noteCount, comments: state.commentCount },
      );
      for (const n of wanted) {
        const e = existing.get(n.cell);
        if (!e) noteChanges.push({ cell: n.cell, before: null, after: n.text, kind: mode });
        else if (isDraftNote(e.text) && e.text !== n.text)
          noteChanges.push({ cell: n.cell, before: e.text, after: n.text, kind: e.kind });
      }
    }
    if (plan.writes.length === 0 && noteChanges.length === 0) return { written: 0, backupId: "", notes: 0 };

    const cells: BackupCell[] = plan.writes.map((w) => {
      const c = this.snapshotCell(state, w.row, w.col);
      const b: BackupCell = { cell: w.cell, value: c?.v ?? null, numFmt: c?.fmt ?? "General" };
      if (c?.f !== undefined) b.formula = `=${c.f}`;
      const fill = state.fills.get(w.cell);
      if (fill !== undefined) b.fill = fill;
      return b;
    });
    const at = new Date().toISOString();
    const backup: Backup = {
      id: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
      sheet: plan.sheet,
      at,
      cells,
    };
    if (noteChanges.length > 0) backup.notes = noteChanges;
    const record = recordApplied(state.record, plan, backup);
    const settings = this.mergedSettings(state.recordSettings);
    const own = new Set(plan.writes.map((w) => w.cell));
    this.ownWrites.set(state.sheetId, own);
    let written = record;

    await this.run(plan.sheet, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(plan.sheet);
      // Notes first: should Excel refuse one, no cell and no record has changed yet.
      for (const n of noteChanges) this.queueNote(ws, n.kind ?? "note", n.cell, n.before !== null, n.after);
      for (const w of plan.writes) {
        const r = ws.getRange(w.cell);
        if (w.numFmt) r.numberFormat = [[w.numFmt]];
        r.values = [[literal(w.after)]];
      }
      written = this.queueRecord(ctx, state.recordExists, record, settings);
      await ctx.sync();
    });

    // The snapshot now holds what was written: a second apply of the same plan is stale.
    for (const w of plan.writes) {
      const g = state.grid;
      const r = w.row - g.top;
      const c = w.col - g.left;
      if (r >= 0 && r < g.cells.length && c >= 0 && c < (g.cells[r]?.length ?? 0)) {
        const prev = g.cells[r][c];
        g.cells[r][c] = {
          v: w.after,
          ...(w.numFmt ? { fmt: w.numFmt } : prev?.fmt ? { fmt: prev.fmt } : {}),
        };
      }
    }
    state.record = written;
    state.recordExists = true;
    if (noteChanges.length > 0) {
      state.noteCount = null;
      state.commentCount = null;
    }
    const result: ApplyResult = { written: plan.writes.length, backupId: backup.id };
    if (wanted.length > 0) result.notes = noteChanges.length;
    return result;
  }

  /** How this client holds a draft note: an Excel note (1.18), a comment (1.10), or not at all. */
  private noteMode(): "note" | "comment" | null {
    return this.has("1.18") ? "note" : this.has("1.10") ? "comment" : null;
  }

  supportsNotes(): boolean {
    return this.noteMode() !== null;
  }

  /**
   * The notes and comments on `cells`, in one round trip (two when the sheet's number of
   * comments is not known from the read). Where the read counted none of a kind, that kind is not looked up;
   * where neither is, nothing is read at all.
   */
  private async existingNotes(
    sheet: string,
    cells: string[],
    counts: { notes: number | null; comments: number | null },
  ): Promise<Map<string, ExistingNote>> {
    const out = new Map<string, ExistingNote>();
    const notesOn = this.has("1.18") && counts.notes !== 0;
    const commentsOn = this.has("1.10") && counts.comments !== 0;
    if (!notesOn && !commentsOn) return out;
    return this.run(sheet, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      const notes = notesOn
        ? cells.map((c) => {
            const n = ws.notes.getItemOrNullObject(c);
            n.load("content");
            return n;
          })
        : [];
      // Comments are found by position: CommentCollection has no null-object lookup by cell.
      const queueComments = (count: number) =>
        Array.from({ length: count }, (_, i) => {
          const c = ws.comments.getItemAt(i);
          c.load("content");
          const at = c.getLocation();
          at.load("address");
          return { c, at };
        });
      let comments = commentsOn && counts.comments ? queueComments(counts.comments) : [];
      const counted = commentsOn && counts.comments === null ? ws.comments.getCount() : null;
      await ctx.sync();
      notes.forEach((n, i) => {
        if (!n.isNullObject) out.set(cells[i], { kind: "note", text: n.content ?? "" });
      });
      if (counted && counted.value > 0) {
        comments = queueComments(counted.value);
        await ctx.sync();
      }
      const wanted = new Set(cells);
      for (const { c, at } of comments) {
        const cell = localCell(at.address);
        if (wanted.has(cell) && !out.has(cell)) out.set(cell, { kind: "comment", text: c.content ?? "" });
      }
      return out;
    });
  }

  /** Queues adding (or, with `exists`, replacing the text of) the program's note on a cell. */
  private queueNote(
    ws: Excel.Worksheet,
    kind: "note" | "comment",
    cell: string,
    exists: boolean,
    text: string,
  ): void {
    const range = ws.getRange(cell);
    if (kind === "note") {
      if (exists) ws.notes.getItem(cell).content = text;
      else ws.notes.add(range, text);
    } else if (exists) ws.comments.getItemByCell(range).content = text;
    else ws.comments.add(range, text);
  }

  /** Without change events: one more round trip comparing the cells about to change. */
  private async verifyUnchanged(state: SheetState, plan: WritePlan): Promise<void> {
    const changed = await this.run(plan.sheet, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(plan.sheet);
      ws.protection.load("protected");
      const ranges = plan.writes.map((w) => {
        const r = ws.getRange(w.cell);
        r.load("values,formulas");
        return r;
      });
      await ctx.sync();
      if (ws.protection.protected) return "protected";
      for (let i = 0; i < ranges.length; i++) {
        const f = ranges[i].formulas[0][0];
        const snap = this.snapshotCell(state, plan.writes[i].row, plan.writes[i].col);
        if (!sameValue(ranges[i].values[0][0] as CellValue, snap?.v ?? null)) return plan.writes[i].cell;
        if ((typeof f === "string" && f.startsWith("=")) !== (snap?.f !== undefined))
          return plan.writes[i].cell;
      }
      return null;
    });
    if (changed === "protected")
      throw new HostError("PROTECTED", t("office.err.protected", { sheet: sheetLabel(plan.sheet) }));
    if (changed) throw this.staleError(plan.sheet, changed);
  }

  /** Reads the record (and whether it exists) in one round trip, with extra loads queued by `also`. */
  private async readRecordWith<T>(
    sheet: string | undefined,
    also: (ctx: Excel.RequestContext) => () => T,
  ): Promise<{
    exists: boolean;
    record: WorkbookRecord;
    settings: WorkbookSettings;
    workbookProtected: boolean;
    extra: T;
  }> {
    return this.run(sheet, async (ctx) => {
      const wb = ctx.workbook;
      wb.protection.load("protected");
      const rec = wb.worksheets.getItemOrNullObject(RECORD_SHEET);
      rec.load("name");
      const get = also(ctx);
      await ctx.sync();
      const values = rec.isNullObject ? null : await this.loadRecordRows(ctx);
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

  async restore(): Promise<RestoreResult> {
    this.requireApi();
    const { exists, record, settings } = await this.readRecordWith(undefined, () => () => null);
    const backup = record.backups[record.backups.length - 1];
    if (!exists || !backup) throw new HostError("NOTHING_TO_RESTORE", t("office.err.nothingToRestore"));
    const next = recordRestored(record, backup);
    const merged = this.mergedSettings(settings);
    // Notes the apply added go, refreshed ones get their text back; a note a person has
    // changed since is left as it is.
    const notes = this.noteMode() ? (backup.notes ?? []) : [];
    const current = notes.length
      ? await this.existingNotes(
          backup.sheet,
          notes.map((n) => n.cell),
          { notes: null, comments: null },
        )
      : new Map<string, ExistingNote>();
    const undoNotes = notes.filter((n) => current.get(n.cell)?.text === n.after);
    await this.run(backup.sheet, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(backup.sheet);
      ws.protection.load("protected");
      ws.load("id");
      await ctx.sync();
      if (ws.protection.protected)
        throw new HostError("PROTECTED", t("office.err.protected", { sheet: sheetLabel(backup.sheet) }));
      for (const n of undoNotes) {
        const kind = current.get(n.cell)?.kind ?? "note";
        if (n.before !== null) this.queueNote(ws, kind, n.cell, true, n.before);
        else if (kind === "note") ws.notes.getItem(n.cell).delete();
        else ws.comments.getItemByCell(ws.getRange(n.cell)).delete();
      }
      this.queueRestoreCells(ws, backup);
      this.queueRecord(ctx, true, next, merged);
      this.ownWrites.set(ws.id, new Set(backup.cells.map((c) => c.cell)));
      await ctx.sync();
    });
    this.states.delete(backup.sheet);
    const result: RestoreResult = { restored: backup.cells.length };
    if (notes.length > 0) result.notes = undoNotes.length;
    return result;
  }

  private queueRestoreCells(ws: Excel.Worksheet, backup: Backup): void {
    for (const c of backup.cells) {
      const r = ws.getRange(c.cell);
      r.numberFormat = [[c.numFmt ?? "General"]];
      if (c.formula) r.formulas = [[c.formula]];
      else if (c.value === null) r.values = [[""]];
      else r.values = [[literal(c.value instanceof Date ? c.value.toISOString() : c.value)]];
      if (c.fill === null) r.format.fill.clear();
      else if (c.fill !== undefined) r.format.fill.color = c.fill;
    }
  }

  // ------------------------------------------------------------- highlights

  async highlight(sheet: string, marks: HighlightMark[]): Promise<void> {
    this.requireApi();
    if (marks.length === 0) return;
    const byCell = new Map<string, HighlightMark>();
    for (const m of marks) if (!byCell.has(m.cell)) byCell.set(m.cell, m);
    const cells = [...byCell.keys()];
    const rich = this.has("1.9");
    const read = await this.readRecordWith(sheet, (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.protection.load("protected");
      const getters = cells.map((cell) => {
        const r = ws.getRange(cell);
        if (rich) {
          const p = r.getCellProperties({ format: { fill: { color: true, pattern: true } } });
          return () => fillOf(p.value[0]?.[0]) ?? null;
        }
        r.format.fill.load("color");
        return () => legacyFill(r.format.fill.color);
      });
      return () => ({ protected: ws.protection.protected, fills: getters.map((g) => g()) });
    });
    if (read.extra.protected)
      throw new HostError("PROTECTED", t("office.err.protected", { sheet: sheetLabel(sheet) }));
    if (read.workbookProtected && !read.exists)
      throw new HostError("PROTECTED", t("office.err.workbookProtected"));
    const record = recordHighlighted(
      read.record,
      sheet,
      cells.map((cell, i) => ({ cell, fill: read.extra.fills[i] })),
    );
    const settings = this.mergedSettings(read.settings);
    await this.run(sheet, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      for (const [cell, m] of byCell) ws.getRange(cell).format.fill.color = m.color;
      this.queueRecord(ctx, read.exists, record, settings);
      await ctx.sync();
    });
    const state = this.states.get(sheet);
    if (state) state.record = record;
  }

  async clearHighlights(sheet: string): Promise<void> {
    this.requireApi();
    const read = await this.readRecordWith(sheet, (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.protection.load("protected");
      return () => ws.protection.protected;
    });
    const entry = read.record.highlights.find((h) => h.sheet === sheet);
    if (!entry || entry.cells.length === 0) return;
    if (read.extra) throw new HostError("PROTECTED", t("office.err.protected", { sheet: sheetLabel(sheet) }));
    const record = recordUnhighlighted(read.record, sheet);
    const settings = this.mergedSettings(read.settings);
    await this.run(sheet, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      for (const c of entry.cells) {
        const r = ws.getRange(c.cell);
        if (c.fill === null) r.format.fill.clear();
        else r.format.fill.color = c.fill;
      }
      this.queueRecord(ctx, true, record, settings);
      await ctx.sync();
    });
    const state = this.states.get(sheet);
    if (state) state.record = record;
  }

  // --------------------------------------------------------------- settings

  async saveSettings(settings: WorkbookSettings): Promise<void> {
    const store = this.env.settings;
    if (!store) return;
    store.set(SETTINGS_KEY, JSON.parse(JSON.stringify(settings)));
    await new Promise<void>((resolve, reject) =>
      store.saveAsync((r) => {
        // Office.AsyncResultStatus.Succeeded is the string "succeeded".
        if (String(r.status).toLowerCase() === "succeeded") resolve();
        else reject(new HostError("UNKNOWN", t("office.err.settings", { message: r.error?.message ?? "" })));
      }),
    );
  }

  // -------------------------------------------------------------- templates

  async insertTemplate(kind: TemplateKind): Promise<string> {
    this.requireApi();
    const tpl = buildTemplate(kind);
    const names = await this.run(undefined, async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name");
      ctx.workbook.protection.load("protected");
      await ctx.sync();
      if (ctx.workbook.protection.protected)
        throw new HostError("PROTECTED", t("office.err.workbookProtected"));
      return sheets.items.map((s) => s.name);
    });
    const name = uniqueName(tpl.name, names);
    await this.run(name, async (ctx) => {
      const ws = ctx.workbook.worksheets.add(name);
      this.queueTemplate(ws, tpl);
      ws.activate();
      await ctx.sync();
    });
    return name;
  }

  private queueTemplate(ws: Excel.Worksheet, tpl: TemplateSheet): void {
    tpl.widths.forEach((w, i) => {
      const col = columnLetters(i + 1);
      ws.getRange(`${col}:${col}`).format.columnWidth = Math.round(w * 5.6 + 4);
    });
    for (const h of tpl.heights ?? []) ws.getRange(`${h.row}:${h.row}`).format.rowHeight = h.height;
    for (const m of tpl.merges) ws.getRange(m).merge(false);
    for (const c of tpl.cells) {
      const r = ws.getRange(c.cell);
      if (c.numFmt) r.numberFormat = [[c.numFmt]];
      if (c.formula) r.formulas = [[c.formula.startsWith("=") ? c.formula : `=${c.formula}`]];
      else if (c.value !== null) r.values = [[c.value]];
      if (c.bold) r.format.font.bold = true;
      if (c.size) r.format.font.size = c.size;
      if (c.wrap) r.format.wrapText = true;
      if (c.align)
        r.format.horizontalAlignment = c.align === "left" ? "Left" : c.align === "right" ? "Right" : "Center";
      if (c.fill) r.format.fill.color = c.fill;
    }
    if (tpl.borderRange) {
      const b = ws.getRange(tpl.borderRange).format.borders;
      for (const edge of [
        "EdgeTop",
        "EdgeBottom",
        "EdgeLeft",
        "EdgeRight",
        "InsideVertical",
        "InsideHorizontal",
      ] as const)
        b.getItem(edge).style = "Continuous";
    }
    if (this.has("1.8")) {
      for (const v of tpl.validations) {
        const dv = ws.getRange(v.range).dataValidation;
        dv.rule = { list: { inCellDropDown: true, source: v.list.join(",") } };
        if (v.error)
          dv.errorAlert = { message: v.error, showAlert: true, style: "Stop", title: t("app.name") };
      }
      for (const v of tpl.decimalValidations ?? []) {
        const dv = ws.getRange(v.range).dataValidation;
        dv.rule = { decimal: { formula1: v.min, formula2: v.max, operator: "Between" } };
        if (v.error)
          dv.errorAlert = { message: v.error, showAlert: true, style: "Stop", title: t("app.name") };
      }
    }
  }

  async insertIndicators(rows: IndicatorTemplateRow[]): Promise<number> {
    this.requireApi();
    if (rows.length === 0) return 0;
    const selected = await this.run(undefined, async (ctx) => {
      const sel = ctx.workbook.getSelectedRange();
      sel.load("rowIndex");
      await ctx.sync();
      return sel.rowIndex + 1;
    });
    const state = await this.readState();
    const sheet = state.grid.sheet;
    if (state.grid.protected)
      throw new HostError("PROTECTED", t("office.err.protected", { sheet: sheetLabel(sheet) }));
    const settings = this.mergedSettings(state.recordSettings);
    const profile = resolveProfile(settings.profile ?? null);
    const analysis = analyzeSheet(state.grid, {
      profile,
      mapping: settings.mappings?.[sheet] ?? null,
      record: state.record,
    });
    const layout = analysis.layout;
    if (!layout) throw new HostError("UNREADABLE", t("office.err.noTable", { sheet: sheetLabel(sheet) }));
    const inside = selected >= layout.firstRow && selected <= layout.lastRow;
    const at = (inside ? selected : layout.lastRow) + 1;
    const n = rows.length;
    const cols = layout.columns;
    // Where merged areas cannot be read (ExcelApi < 1.13) a level cell may lie inside one:
    // the levels are then left to the person, never written into a hidden merged cell.
    const merged = (col: number | undefined) =>
      col !== undefined &&
      (state.grid.mergesKnown === false ||
        state.grid.merges.some((m) => m.left <= col && col <= m.right && m.top < at && at <= m.bottom));
    await this.run(sheet, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.getRange(`${at}:${at + n - 1}`).insert("Down");
      rows.forEach((row, i) => {
        const r = at + i;
        const put = (col: number | undefined, v: string | number | undefined) => {
          if (col !== undefined && v !== undefined && v !== "") ws.getRange(a1(r, col)).values = [[v]];
        };
        if (!merged(cols.level1)) put(cols.level1, row.level1);
        if (!merged(cols.level2)) put(cols.level2, row.level2);
        put(cols.name, row.name);
        if (cols.direction !== undefined || cols.unit !== undefined) {
          // L2: 指标性质 | 指标值 | 度量单位 in their own columns.
          const split = splitTarget(row);
          put(cols.direction, split.direction ?? undefined);
          put(cols.target, split.value ?? undefined);
          put(cols.unit, split.unit ?? undefined);
        } else {
          put(cols.target, row.target);
        }
        put(cols.weight, row.weight);
      });
      await ctx.sync();
    });
    this.states.delete(sheet);
    return n;
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    this.requireApi();
    if (!parseAddress(cell) && !parseRange(cell)) return;
    await this.run(sheet, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await ctx.sync();
    });
  }

  // ------------------------------------------------------------ notes

  /**
   * Deviation notes where a layout has no note column: `apply` with notes only (an Excel
   * note with ExcelApi 1.18, a comment with 1.10, nothing before; recorded for restore).
   * Returns how many were added or refreshed.
   */
  async addNotes(sheet: string, notes: PlannedNote[]): Promise<number> {
    const result = await this.apply({ sheet, writes: [], notes });
    return result.notes ?? 0;
  }

  /** Test and benchmark aid: whether a read would be split by the web payload limit. */
  static payloadEstimate(rows: number, cols: number): number {
    return rows * cols * BYTES_PER_CELL;
  }
}

/** One note per cell (the first wins), with a usable address and text. */
function uniqueNotes(notes: PlannedNote[]): PlannedNote[] {
  const seen = new Set<string>();
  const out: PlannedNote[] = [];
  for (const n of notes) {
    const cell = parseAddress(n.cell) ? n.cell.toUpperCase() : null;
    if (!cell || !n.text || seen.has(cell)) continue;
    seen.add(cell);
    out.push({ cell, text: n.text });
  }
  return out;
}

function uniqueName(base: string, taken: string[]): string {
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  const clean = base.replace(/[\\/?*[\]:]/g, "").slice(0, 31) || "Sheet";
  if (!lower.has(clean.toLowerCase())) return clean;
  for (let i = 2; ; i++) {
    const name = `${clean.slice(0, 31 - String(i).length - 2)}(${i})`;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

/** The host the task pane and the ribbon commands use inside Excel. */
export function createOfficeHost(env?: OfficeEnv): OfficeHost {
  return new OfficeHost(env);
}

export { isPayloadError };
