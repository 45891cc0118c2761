/**
 * The exceljs reading and writing the file host used before it patched packages: kept for tests
 * as an independent reader (differential tests) and to inspect written copies.
 */
import ExcelJS from "exceljs";
import { isDraftNote } from "../../src/core";
import type { Profile } from "../../src/core/types";
import {
  analyzeSheet,
  chooseSheet,
  decodeRecord,
  emptyRecord,
  encodeRecord,
  RECORD_SHEET,
  recordApplied,
  recordRestored,
} from "../../src/sheet";
import type {
  Analysis,
  Backup,
  BackupCell,
  BackupNote,
  CellValue,
  GridCell,
  GridSnapshot,
  MergeArea,
  WorkbookRecord,
  WritePlan,
} from "../../src/sheet/types";
import { HostError, type WorkbookSettings } from "../../src/hosts/host";
import { uiMessage } from "../../src/i18n/catalog";
import { OLE_MAGIC, ZIP_MAGIC, oleEntryNames, startsWith } from "../../src/hosts/file/package/book";
import { workbookBytes } from "../../src/hosts/file/exceljs-bytes";

export { oleEntryNames, workbookBytes };

/** Largest workbook accepted, in bytes. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** Size limit in use; tests lower it through `setMaxFileBytes`. */
let maxFileBytes = MAX_FILE_BYTES;

/** Changes the size limit (tests); returns the previous one. */
export function setMaxFileBytes(bytes: number): number {
  const previous = maxFileBytes;
  maxFileBytes = bytes;
  return previous;
}

export type FileReadReason = "not-xlsx" | "damaged" | "encrypted" | "xls" | "too-large" | "empty";

/** A file that cannot be read as a workbook. `message` is one Chinese line naming the file. */
export class FileReadError extends Error {
  constructor(
    public readonly reason: FileReadReason,
    public readonly fileName: string,
    message: string,
  ) {
    super(message);
    this.name = "FileReadError";
  }
}

function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} 字节`;
}

function readError(reason: FileReadReason, fileName: string, limitBytes = maxFileBytes): FileReadError {
  const name = `“${fileName}”`;
  switch (reason) {
    case "too-large":
      return new FileReadError(
        reason,
        fileName,
        `文件${name}超过 ${sizeText(limitBytes)} 的大小上限，无法读取。`,
      );
    case "encrypted":
      return new FileReadError(
        reason,
        fileName,
        `文件${name}设有打开密码（已加密），请在 Excel 中取消密码后另存再试。`,
      );
    case "xls":
      return new FileReadError(
        reason,
        fileName,
        `文件${name}是旧版 .xls 格式，请在 Excel 或 WPS 中“另存为” .xlsx 格式后再试。`,
      );
    case "empty":
      return new FileReadError(reason, fileName, `文件${name}是空文件，没有可读取的内容。`);
    case "damaged":
      return new FileReadError(reason, fileName, `文件${name}已损坏或不完整，无法作为 Excel 工作簿打开。`);
    case "not-xlsx":
    default:
      return new FileReadError(reason, fileName, `文件${name}不是 Excel 工作簿（.xlsx），无法读取。`);
  }
}

function toBytes(data: ArrayBuffer | Uint8Array): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

/** True when the ASCII string occurs in the bytes (zip entry names are stored uncompressed). */
function containsAscii(bytes: Uint8Array, s: string): boolean {
  const first = s.charCodeAt(0);
  const n = s.length;
  outer: for (
    let i = bytes.indexOf(first);
    i !== -1 && i <= bytes.length - n;
    i = bytes.indexOf(first, i + 1)
  ) {
    for (let j = 1; j < n; j++) if (bytes[i + j] !== s.charCodeAt(j)) continue outer;
    return true;
  }
  return false;
}

/** A zip whose entry names are those of a workbook package (names are stored uncompressed). */
function looksLikeWorkbook(bytes: Uint8Array): boolean {
  return containsAscii(bytes, "[Content_Types].xml") || containsAscii(bytes, "xl/workbook.xml");
}

/** Loads an .xlsx from memory; anything else is a `FileReadError` with one clear line. */
export async function loadWorkbook(
  data: ArrayBuffer | Uint8Array,
  fileName: string,
): Promise<ExcelJS.Workbook> {
  const bytes = toBytes(data);
  if (bytes.length > maxFileBytes) throw readError("too-large", fileName);
  if (bytes.length === 0) throw readError("empty", fileName);
  if (startsWith(bytes, OLE_MAGIC)) {
    let names: string[] = [];
    try {
      names = oleEntryNames(bytes);
    } catch {
      names = [];
    }
    if (names.includes("EncryptionInfo") || names.includes("EncryptedPackage"))
      throw readError("encrypted", fileName);
    if (names.includes("Workbook") || names.includes("Book")) throw readError("xls", fileName);
    throw readError("not-xlsx", fileName);
  }
  if (!startsWith(bytes, ZIP_MAGIC)) throw readError("not-xlsx", fileName);
  if (!looksLikeWorkbook(bytes)) throw readError("not-xlsx", fileName);
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs' typing asks for a Node Buffer; it accepts any byte array (JSZip underneath).
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw readError(looksLikeWorkbook(bytes) ? "damaged" : "not-xlsx", fileName);
  }
  if (wb.worksheets.length === 0) {
    throw readError(containsAscii(bytes, "xl/workbook.xml") ? "damaged" : "not-xlsx", fileName);
  }
  return wb;
}

// exceljs value types (Enums.ValueType), inlined to keep the hot path free of lookups.
const T_NULL = 0;
const T_MERGE = 1;
const T_NUMBER = 2;
const T_STRING = 3;
const T_DATE = 4;
const T_HYPERLINK = 5;
const T_FORMULA = 6;
const T_SHARED_STRING = 7;
const T_RICH_TEXT = 8;
const T_BOOLEAN = 9;
const T_ERROR = 10;

interface RichTextLike {
  richText: { text: string }[];
}

function flattenText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "object" && Array.isArray((v as RichTextLike).richText)) {
    return (v as RichTextLike).richText.map((r) => r.text ?? "").join("");
  }
  return String(v);
}

/** A formula's cached result as a grid value. */
function resultValue(result: unknown): { v: CellValue; err?: boolean } {
  if (result === null || result === undefined) return { v: null };
  if (typeof result === "number" || typeof result === "string" || typeof result === "boolean")
    return { v: result };
  if (result instanceof Date) return { v: result };
  if (typeof result === "object") {
    const o = result as { error?: string; richText?: unknown };
    if (typeof o.error === "string") return { v: o.error, err: true };
    if (o.richText) return { v: flattenText(result) };
  }
  return { v: String(result) };
}

/** One cell as the sheet layer sees it; null when it is empty and unformatted. */
function gridCell(cell: ExcelJS.Cell): GridCell | null {
  const type = cell.type as number;
  const fmt = cell.numFmt;
  const out: GridCell = { v: null };
  if (fmt && fmt !== "General") out.fmt = fmt;
  const raw = cell.value as unknown;
  switch (type) {
    case T_NULL:
      break;
    case T_NUMBER:
    case T_BOOLEAN:
    case T_DATE:
      out.v = raw as CellValue;
      break;
    case T_STRING:
    case T_SHARED_STRING:
      out.v = raw === "" ? null : (raw as string);
      break;
    case T_RICH_TEXT: {
      const s = flattenText(raw);
      out.v = s === "" ? null : s;
      break;
    }
    case T_HYPERLINK: {
      const s = flattenText((raw as { text?: unknown }).text);
      out.v = s === "" ? null : s;
      break;
    }
    case T_FORMULA: {
      const f = cell.formula;
      if (f) out.f = f.startsWith("=") ? f.slice(1) : f;
      const r = resultValue((raw as { result?: unknown }).result);
      out.v = r.v;
      if (r.err) out.err = true;
      break;
    }
    case T_ERROR:
      out.v = (raw as { error: string }).error;
      out.err = true;
      break;
    default:
      out.v = raw === undefined ? null : (raw as CellValue);
  }
  if (out.v === null && out.f === undefined && out.fmt === undefined) return null;
  return out;
}

interface WorksheetInternals {
  _rows: (ExcelJS.Row | undefined)[];
  _columns?: (ExcelJS.Column | undefined)[] | null;
  _merges: Record<string, { model: { top: number; left: number; bottom: number; right: number } }>;
}

interface RowInternals {
  _cells: (ExcelJS.Cell | undefined)[];
}

/** Merged areas of a sheet (1-based, inclusive). */
export function worksheetMerges(ws: ExcelJS.Worksheet): MergeArea[] {
  const merges: MergeArea[] = [];
  for (const m of Object.values((ws as unknown as WorksheetInternals)._merges)) {
    if (!m) continue;
    const { top, left, bottom, right } = m.model;
    merges.push({ top, left, bottom, right });
  }
  return merges;
}

/**
 * A snapshot of the sheet's used range: values (formulas give their cached result and `f`,
 * errors `err`, rich text and hyperlinks their text), number formats, merges (only the
 * anchor of a merge holds the value) and hidden rows and columns.
 */
export function gridFromWorksheet(ws: ExcelJS.Worksheet): GridSnapshot {
  const internals = ws as unknown as WorksheetInternals;
  const merges = worksheetMerges(ws);
  const hiddenRows: number[] = [];
  const hiddenCols: number[] = [];
  const found: { r: number; c: number; cell: GridCell }[] = [];
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  const rows = internals._rows;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (!row) continue;
    const r = row.number;
    if (row.hidden) hiddenRows.push(r);
    const cells = (row as unknown as RowInternals)._cells;
    for (let j = 0; j < cells.length; j++) {
      const cell = cells[j];
      if (!cell || (cell.type as number) === T_MERGE) continue;
      const g = gridCell(cell);
      if (!g) continue;
      const c = j + 1;
      found.push({ r, c, cell: g });
      // A formatted empty cell is kept when inside the range, but does not widen it.
      if (g.v === null && g.f === undefined) continue;
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    }
  }
  for (const m of merges) {
    if (m.top < top) top = m.top;
    if (m.left < left) left = m.left;
    if (m.bottom > bottom) bottom = m.bottom;
    if (m.right > right) right = m.right;
  }
  const columns = internals._columns;
  if (columns) {
    for (let j = 0; j < columns.length; j++) if (columns[j]?.hidden) hiddenCols.push(j + 1);
  }
  if (bottom === 0) {
    return {
      sheet: ws.name,
      top: 1,
      left: 1,
      cells: [],
      merges,
      hiddenRows,
      hiddenCols,
      protected: isProtected(ws),
    };
  }
  const height = bottom - top + 1;
  const width = right - left + 1;
  const grid: (GridCell | null)[][] = new Array(height);
  for (let r = 0; r < height; r++) grid[r] = new Array<GridCell | null>(width).fill(null);
  for (const { r, c, cell } of found) {
    if (r < top || r > bottom || c < left || c > right) continue;
    grid[r - top][c - left] = cell;
  }
  return {
    sheet: ws.name,
    top,
    left,
    cells: grid,
    merges,
    hiddenRows,
    hiddenCols,
    protected: isProtected(ws),
  };
}

function isProtected(ws: ExcelJS.Worksheet): boolean {
  const p = (ws as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection;
  return !!p && p.sheet !== false;
}

// ---------------------------------------------------------------------------------------
// The record sheet (R-WRITE-6), writes (R-WRITE-1..4) and restore.

/** Compares a cell's current value with a plan's `before` (dates by time, '' as empty). */
function sameValue(a: CellValue, b: CellValue): boolean {
  const x = a === "" ? null : a;
  const y = b === "" ? null : b;
  if (x instanceof Date || y instanceof Date) {
    return x instanceof Date && y instanceof Date && x.getTime() === y.getTime();
  }
  return x === y;
}

/** The value of a cell as the sheet layer sees it (formula: cached result; merged non-anchor: empty). */
export function cellValueOf(cell: ExcelJS.Cell): CellValue {
  if ((cell.type as number) === T_MERGE) return null;
  return gridCell(cell)?.v ?? null;
}

/** A plain solid fill of colour `#RRGGBB` (the `#` may be left out). */
export function solidFill(hex: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb: `FF${hex.replace(/^#/, "").toUpperCase()}` } };
}

/**
 * A cell's fill as a string: `#RRGGBB` for a plain solid fill, the fill as JSON when only
 * that restores it exactly (theme colours, tints, patterns, gradients), null for none.
 */
export function fillToString(fill: ExcelJS.Fill | undefined): string | null {
  if (!fill) return null;
  if (fill.type === "pattern" && fill.pattern === "none" && !fill.fgColor && !fill.bgColor) return null;
  if (fill.type === "pattern" && fill.pattern === "solid") {
    const argb = fill.fgColor?.argb;
    if (argb && /^FF[0-9A-F]{6}$/i.test(argb)) {
      const hex = `#${argb.slice(2).toUpperCase()}`;
      if (JSON.stringify(solidFill(hex)) === JSON.stringify(fill)) return hex;
    }
  }
  return JSON.stringify(fill);
}

/** Inverse of `fillToString`. */
export function fillFromString(s: string | null | undefined): ExcelJS.Fill | undefined {
  if (s === null || s === undefined || s === "") return undefined;
  if (/^#[0-9A-Fa-f]{6}$/.test(s)) return solidFill(s);
  try {
    return JSON.parse(s) as ExcelJS.Fill;
  } catch {
    return undefined;
  }
}

/**
 * Gives the cell a fresh style object with the changes applied: exceljs shares one style
 * object between cells read from a file, so mutating `cell.fill` would restyle them all.
 * An `undefined` value removes the key.
 */
export function restyle(
  cell: ExcelJS.Cell,
  changes: { numFmt?: string | undefined; fill?: ExcelJS.Fill | undefined },
): void {
  const style: Record<string, unknown> = { ...(cell.style as Record<string, unknown>) };
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined) delete style[k];
    else style[k] = typeof v === "object" ? JSON.parse(JSON.stringify(v)) : v;
  }
  cell.style = style as Partial<ExcelJS.Style>;
  // exceljs keeps the style index of its last write in the cell model and only replaces it
  // with a non-zero one: a cell going back to the default style would keep its old index.
  const model = (cell as unknown as { _value?: { model?: { styleId?: number } } })._value?.model;
  if (model && model.styleId !== undefined) delete model.styleId;
}

export interface RecordAndSettings {
  record: WorkbookRecord;
  settings: WorkbookSettings;
}

function recordRows(ws: ExcelJS.Worksheet): CellValue[][] {
  const rows: CellValue[][] = [];
  ws.eachRow((row, r) => {
    const out: CellValue[] = [];
    row.eachCell((cell, c) => {
      out[c - 1] = cellValueOf(cell);
    });
    for (let i = 0; i < out.length; i++) if (out[i] === undefined) out[i] = null;
    rows[r - 1] = out;
  });
  for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
  return rows;
}

/** The workbook's record and settings (empty when it has no record sheet). */
export function readRecordAndSettings(wb: ExcelJS.Workbook): RecordAndSettings {
  const ws = wb.getWorksheet(RECORD_SHEET);
  if (!ws) return { record: emptyRecord(), settings: {} };
  try {
    const decoded = decodeRecord(recordRows(ws));
    return { record: decoded.record, settings: (decoded.settings ?? {}) as WorkbookSettings };
  } catch {
    return { record: emptyRecord(), settings: {} };
  }
}

/** Writes the record and settings into the very hidden sheet `RECORD_SHEET`, replacing it. */
export function writeRecord(wb: ExcelJS.Workbook, record: WorkbookRecord, settings?: WorkbookSettings): void {
  const existing = wb.getWorksheet(RECORD_SHEET);
  const keep = settings ?? readRecordAndSettings(wb).settings;
  if (existing) wb.removeWorksheet(existing.id);
  const ws = wb.addWorksheet(RECORD_SHEET, { state: "veryHidden" });
  const rows = encodeRecord(record, keep as Record<string, unknown>);
  rows.forEach((row, i) => {
    const r = ws.getRow(i + 1);
    row.forEach((v, j) => {
      if (v !== null && v !== undefined && v !== "") r.getCell(j + 1).value = v;
    });
  });
}

function requireSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws || name === RECORD_SHEET)
    throw new HostError("UNKNOWN", uiMessage("file.bookSheetMissing", { sheet: name }));
  return ws;
}

function backupCell(cell: ExcelJS.Cell): BackupCell {
  const b: BackupCell = { cell: cell.address, value: cellValueOf(cell) };
  if ((cell.type as number) === T_FORMULA && cell.formula) b.formula = `=${cell.formula}`;
  const fmt = cell.numFmt;
  if (fmt) b.numFmt = fmt;
  b.fill = fillToString(cell.fill);
  return b;
}

function newId(now: Date): string {
  return `${now.getTime().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;
}

/** A cell's note text (exceljs holds a string or rich-text runs); null when it has none. */
export function noteTextOf(cell: ExcelJS.Cell): string | null {
  const note = cell.note as unknown;
  if (typeof note === "string") return note;
  if (note && typeof note === "object") {
    const texts = (note as { texts?: { text?: unknown }[] }).texts;
    if (Array.isArray(texts)) return texts.map((r) => (typeof r?.text === "string" ? r.text : "")).join("");
  }
  return null;
}

function setNote(cell: ExcelJS.Cell, text: string | null): void {
  if (text !== null) {
    cell.note = text;
    return;
  }
  // exceljs has no call that removes a note: drop the cell's comment, and the copy of it
  // that serialising left on the value's model (which outlives the cell's note).
  const inner = cell as unknown as { _comment?: unknown; _value?: { model?: { comment?: unknown } } };
  inner._comment = undefined;
  if (inner._value?.model) delete inner._value.model.comment;
}

/**
 * The note changes a plan's draft notes (R-DEV) ask for: a note on each cell without one,
 * a new text for one of the program's drafts whose text differs; a person's note is kept.
 */
export function noteChanges(wb: ExcelJS.Workbook, plan: WritePlan): BackupNote[] {
  if (!plan.notes?.length) return [];
  const ws = requireSheet(wb, plan.sheet);
  const out: BackupNote[] = [];
  const seen = new Set<string>();
  for (const n of plan.notes) {
    if (!n.text) continue;
    const cell = cellAt(ws, n.cell);
    if (seen.has(cell.address)) continue;
    seen.add(cell.address);
    const before = noteTextOf(cell);
    if (before === null) out.push({ cell: cell.address, before: null, after: n.text });
    else if (isDraftNote(before) && before !== n.text)
      out.push({ cell: cell.address, before, after: n.text });
  }
  return out;
}

/**
 * Applies a plan (R-WRITE-1): only the planned cells change (value; number format where
 * planned, on a fresh style object). Refuses a stale plan (a `before` no longer matches) or
 * a protected sheet, writing nothing. Records a backup of every touched cell (R-WRITE-4) and
 * the ledger (R-WRITE-6) in the record sheet. `current` is the workbook's record and settings
 * as `readRecordAndSettings` gives them. Returns the backup.
 */
export function applyPlan(wb: ExcelJS.Workbook, plan: WritePlan, current: RecordAndSettings): Backup {
  const ws = requireSheet(wb, plan.sheet);
  if (isProtected(ws)) {
    throw new HostError("PROTECTED", uiMessage("file.protected", { sheet: plan.sheet }));
  }
  const cells = plan.writes.map((w) => ws.getCell(w.cell));
  plan.writes.forEach((w, i) => {
    const now = cellValueOf(cells[i]);
    if (!sameValue(now, w.before)) {
      throw new HostError(
        "STALE",
        uiMessage("file.changed", {
          sheet: plan.sheet,
          cell: w.cell,
          now: now === null || now === undefined ? uiMessage("file.empty") : String(now),
        }),
      );
    }
    if ((cells[i].type as number) === T_FORMULA) {
      throw new HostError("STALE", uiMessage("file.formula", { sheet: plan.sheet, cell: w.cell }));
    }
  });
  const at = new Date();
  const backup: Backup = {
    id: newId(at),
    sheet: plan.sheet,
    at: at.toISOString(),
    cells: cells.map(backupCell),
  };
  const notes = noteChanges(wb, plan);
  if (notes.length > 0) backup.notes = notes;
  for (const n of notes) setNote(cellAt(ws, n.cell), n.after);
  plan.writes.forEach((w, i) => {
    const cell = cells[i];
    cell.value = w.after;
    if (w.numFmt !== undefined && w.numFmt !== cell.numFmt) restyle(cell, { numFmt: w.numFmt });
  });
  writeRecord(wb, recordApplied(current.record, plan, backup), current.settings);
  return backup;
}

/** The cell at an A1 address (exceljs cells are plain objects: nothing to load or sync). */
export function cellAt(ws: ExcelJS.Worksheet, address: string): ExcelJS.Cell {
  return ws.getCell(address);
}

function restoreCell(ws: ExcelJS.Worksheet, b: BackupCell): void {
  const cell = cellAt(ws, b.cell);
  if (b.formula) {
    const f = b.formula.startsWith("=") ? b.formula.slice(1) : b.formula;
    cell.value = { formula: f, result: b.value ?? undefined } as ExcelJS.CellFormulaValue;
  } else {
    cell.value = b.value as ExcelJS.CellValue;
  }
  const fill = b.fill === undefined ? cell.fill : fillFromString(b.fill);
  const numFmt = b.numFmt;
  if (cell.numFmt !== numFmt || fillToString(cell.fill) !== fillToString(fill))
    restyle(cell, { numFmt, fill });
}

/**
 * Restores the cells of the latest backup exactly; the record becomes what it was before
 * that apply (`recordRestored`).
 */
export function restoreLatest(wb: ExcelJS.Workbook): { restored: number; backup: Backup; notes: number } {
  const { record, settings } = readRecordAndSettings(wb);
  const backup = record.backups[record.backups.length - 1];
  if (!backup) throw new HostError("NOTHING_TO_RESTORE", uiMessage("file.nothingToRestore"));
  const ws = requireSheet(wb, backup.sheet);
  for (const b of backup.cells) restoreCell(ws, b);
  // Notes the apply added go, refreshed ones get their text back; one changed since is kept.
  let notes = 0;
  for (const n of backup.notes ?? []) {
    const cell = cellAt(ws, n.cell);
    if (noteTextOf(cell) !== n.after) continue;
    setNote(cell, n.before);
    notes++;
  }
  writeRecord(wb, recordRestored(record, backup), settings);
  return { restored: backup.cells.length, backup, notes };
}

/** Snapshots of the sheets a table may be on (every sheet but the record sheet). */
export function workbookGrids(wb: ExcelJS.Workbook): GridSnapshot[] {
  return wb.worksheets.filter((ws) => ws.name !== RECORD_SHEET).map(gridFromWorksheet);
}

/** The snapshot of `sheet`, or without it of the sheet REPORT.md's rule chooses (the first when none has a table). */
export function chosenGrid(grids: GridSnapshot[], sheet?: string): GridSnapshot | undefined {
  const chosen = chooseSheet(
    grids.map((g) => ({ name: g.sheet, grid: g })),
    sheet,
  );
  return grids.find((g) => g.sheet === chosen) ?? grids[0];
}

export interface ScoreWorkbookOptions {
  /** Sheet name; without it, the sheet is chosen per REPORT.md. */
  sheet?: string;
  profile: Profile;
  recomputeAll?: boolean;
  /** Also return the written copy (the input bytes themselves when nothing changes). */
  out?: boolean;
}

/**
 * Scores one workbook in memory: reads the record, chooses the sheet, analyses it and,
 * with `out`, returns a copy with the plan applied. The input bytes are never changed.
 */
export async function scoreWorkbook(
  data: ArrayBuffer | Uint8Array,
  fileName: string,
  opts: ScoreWorkbookOptions,
): Promise<{ analysis: Analysis; output?: Uint8Array; notesChanged?: number }> {
  const bytes = toBytes(data);
  const wb = await loadWorkbook(bytes, fileName);
  const current = readRecordAndSettings(wb);
  const { record, settings } = current;
  const grids = workbookGrids(wb);
  if (opts.sheet !== undefined && !grids.some((g) => g.sheet === opts.sheet)) {
    throw new SheetNotFoundError(
      fileName,
      opts.sheet,
      grids.map((g) => g.sheet),
    );
  }
  const grid = chosenGrid(grids, opts.sheet)!;
  const analysis = analyzeSheet(grid, {
    profile: opts.profile,
    recomputeAll: opts.recomputeAll,
    record,
    mapping: settings.mappings?.[grid.sheet] ?? null,
    overrides: settings.overrides?.[grid.sheet],
    file: fileName,
  });
  if (!opts.out) return { analysis };
  // The plan lists every draft note; only those the sheet lacks (or that changed) are written.
  const notesChanged = noteChanges(wb, analysis.plan).length;
  if (analysis.plan.writes.length === 0 && notesChanged === 0)
    return { analysis, output: bytes.slice(), notesChanged };
  applyPlan(wb, analysis.plan, current);
  return { analysis, output: await workbookBytes(wb), notesChanged };
}

/** `--sheet` names a sheet the workbook does not have. */
export class SheetNotFoundError extends Error {
  constructor(
    public readonly fileName: string,
    public readonly sheet: string,
    public readonly available: string[],
  ) {
    super(`工作簿“${fileName}”中没有名为“${sheet}”的工作表。现有工作表：${available.join("、") || "无"}。`);
    this.name = "SheetNotFoundError";
  }
}
