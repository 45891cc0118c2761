/**
 * Reading a sheet through Office.js: values, formulas, number formats, text, value types,
 * fills, hidden rows and columns, merged areas, protection, the record sheet and how many
 * notes and comments the sheet holds — in one `context.sync` for a normal table.
 *
 * Merged areas (ExcelApi 1.13) are queried in bands of whole rows: one query returns only
 * the areas whose top-left cell lies inside it (so bands never report an area twice) and
 * fails above 512 areas. Before the sync the used range is unknown, so the bands cover a
 * frame (the rows of the last read, or a frame holding any real table); after the sync the
 * frame is checked against the sheet actually read and what it missed is read too.
 *
 * On Excel on the web a response may carry 5 MB: a sheet too large for one is read in row
 * blocks sized from the bytes its cells really cost, and a block that still fails is read
 * again in halves.
 */
/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load */
import { address as a1, parseRange } from "../../sheet/address";
import type { CellValue, GridCell, GridSnapshot, MergeArea } from "../../sheet/types";
import { officeErrorCode, isPayloadError } from "./errors";
import { jsonBytes, payloadBudget } from "./payload";
import { RECORD_SHEET } from "../../sheet";
import type { ChangeTracker } from "./staleness";

/** Rows per merged-area query: `getMergedAreasOrNullObject` fails above 512 areas. */
export const MERGE_CHUNK_ROWS = 100;
/** Rows covered by the merged-area queries of a first read, before the used range is known. */
export const MERGE_FRAME_ROWS = 10_000;
/** Bytes a cell costs in a read response before one was measured (Chinese text costs more). */
export const DEFAULT_BYTES_PER_CELL = 250;
/**
 * Bytes of the largest record row on the wire: the record format cuts its JSON into cells
 * of 30,000 characters; Chinese text is 3 bytes a character, and quotes are escaped again.
 */
const RECORD_ROW_BYTES = 100_000;

/** Fill of a cell: `#RRGGBB`, or null for no fill. */
export type Fill = string | null;

export interface ReadEnv {
  has(version: string): boolean;
  web: boolean;
  tracker: ChangeTracker;
}

/** A sheet as read: the grid and what the writes need to know about it. */
export interface RawSheet {
  grid: GridSnapshot;
  sheetId: string;
  /** Fills per A1 address; absent where the API could not tell (ExcelApi < 1.9). */
  fills: Map<string, Fill>;
  recordExists: boolean;
  recordValues: CellValue[][] | null;
  workbookProtected: boolean;
  noteCount: number | null;
  commentCount: number | null;
  /** Bytes a cell of this sheet cost in the response. */
  bytesPerCell: number;
}

/** Rows and columns of a sheet's used range (0-based start). */
export interface UsedBox {
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

export function emptyValue(v: unknown): boolean {
  return v === "" || v === null || v === undefined;
}

export function fillOf(props: Excel.CellProperties | undefined): Fill | undefined {
  const fill = props?.format?.fill;
  if (!fill) return undefined;
  if (fill.pattern === "None" || !fill.color) return null;
  return fill.color.toUpperCase();
}

/** ExcelApi < 1.9 reports no fill as white: the best reading of it is "no fill". */
export function legacyFill(color: string | null | undefined): Fill {
  if (!color || color.toUpperCase() === "#FFFFFF") return null;
  return color.toUpperCase();
}

function parseAreas(addressList: string): MergeArea[] {
  const out: MergeArea[] = [];
  for (const part of addressList.split(",")) {
    const local = part.includes("!") ? part.slice(part.lastIndexOf("!") + 1) : part;
    const r = parseRange(local.trim().replace(/\$/g, ""));
    if (r) out.push(r);
  }
  return out;
}

/** Failures no smaller read can avoid. */
function fatal(e: unknown): boolean {
  const code = officeErrorCode(e);
  return code === "InvalidOperationInCellEditMode" || code === "ApiNotFound" || code === "ItemNotFound";
}

function queueBlock(env: ReadEnv, range: Excel.Range): LoadedBlock {
  range.load(
    "address,rowIndex,columnIndex,rowCount,columnCount,values,formulas,numberFormat,text,valueTypes",
  );
  const rich = env.has("1.9");
  const cellProps = rich
    ? range.getCellProperties({ format: { fill: { color: true, pattern: true } } })
    : null;
  const rowProps = rich ? range.getRowProperties({ rowIndex: true, rowHidden: true }) : null;
  const colProps = rich ? range.getColumnProperties({ columnIndex: true, columnHidden: true }) : null;
  return { range, cellProps, rowProps, colProps };
}

/** Bytes a loaded block cost in the response, per cell. */
function measure(block: LoadedBlock): number {
  const r = block.range;
  const cells = Math.max(1, r.rowCount * r.columnCount);
  const bytes =
    jsonBytes(r.values) +
    jsonBytes(r.formulas) +
    jsonBytes(r.numberFormat) +
    jsonBytes(r.text) +
    jsonBytes(r.valueTypes) +
    (block.cellProps ? jsonBytes(block.cellProps.value) : 0);
  return Math.ceil(bytes / cells);
}

/** Queues merged-area queries over sheet rows `from`..`to` (1-based), in bands. */
function queueMerges(
  env: ReadEnv,
  ws: Excel.Worksheet,
  from: number,
  to: number,
  band = MERGE_CHUNK_ROWS,
): Excel.RangeAreas[] {
  if (!env.has("1.13")) return [];
  const out: Excel.RangeAreas[] = [];
  for (let r = from; r <= to; r += band) {
    const areas = ws.getRange(`${r}:${Math.min(to, r + band - 1)}`).getMergedAreasOrNullObject();
    areas.load("address");
    out.push(areas);
  }
  return out;
}

function collectMerges(areas: Excel.RangeAreas[]): MergeArea[] {
  const out: MergeArea[] = [];
  for (const m of areas) if (!m.isNullObject && m.address) out.push(...parseAreas(m.address));
  return out;
}

/**
 * Merged areas of rows `from`..`to`, each band in its own attempt after a failure: a band
 * with more than 512 areas is split in halves down to one row. Where even one row cannot
 * be read, `known` is false (the plan then writes no draft note, as below ExcelApi 1.13).
 */
async function readMerges(
  ctx: Excel.RequestContext,
  env: ReadEnv,
  ws: Excel.Worksheet,
  from: number,
  to: number,
): Promise<{ merges: MergeArea[]; known: boolean }> {
  if (!env.has("1.13") || to < from) return { merges: [], known: env.has("1.13") };
  const merges: MergeArea[] = [];
  let known = true;
  const attempt = async (lo: number, hi: number, band: number): Promise<void> => {
    const queued = queueMerges(env, ws, lo, hi, band);
    try {
      await ctx.sync();
      merges.push(...collectMerges(queued));
      return;
    } catch (e) {
      if (fatal(e)) throw e;
    }
    if (hi - lo + 1 <= 1) {
      known = false;
      return;
    }
    if (band < hi - lo + 1) {
      // Several bands failed together: each on its own.
      for (let r = lo; r <= hi; r += band) await attempt(r, Math.min(hi, r + band - 1), band);
      return;
    }
    const mid = lo + Math.floor((hi - lo) / 2);
    await attempt(lo, mid, mid - lo + 1);
    await attempt(mid + 1, hi, hi - mid);
  };
  await attempt(from, to, MERGE_CHUNK_ROWS);
  return { merges, known };
}

/**
 * The record sheet's rows (the sheet exists). On the web the record may be larger than
 * one response (many backups of a long table): it is then read in blocks of rows.
 */
export async function loadRecordRows(ctx: Excel.RequestContext, web: boolean): Promise<CellValue[][] | null> {
  const sheet = ctx.workbook.worksheets.getItem(RECORD_SHEET);
  const used = sheet.getUsedRangeOrNullObject(true);
  if (!web) {
    used.load("values");
    await ctx.sync();
    return used.isNullObject ? null : (used.values as CellValue[][]);
  }
  used.load("rowIndex,rowCount");
  await ctx.sync();
  if (used.isNullObject) return null;
  const rows: CellValue[][] = [];
  const perSync = Math.max(1, Math.floor(payloadBudget() / RECORD_ROW_BYTES));
  for (let r = 0; r < used.rowCount; r += perSync) {
    const part = sheet.getRangeByIndexes(used.rowIndex + r, 0, Math.min(perSync, used.rowCount - r), 1);
    part.load("values");
    await ctx.sync();
    rows.push(...(part.values as CellValue[][]));
  }
  return rows;
}

function worksheetOf(ctx: Excel.RequestContext, sheet: string | undefined): Excel.Worksheet {
  const sheets = ctx.workbook.worksheets;
  return sheet ? sheets.getItem(sheet) : sheets.getActiveWorksheet();
}

/**
 * The whole read in one `context.sync` (two when the sheet reaches below the merged-area
 * frame). `frameEnd`: the last row the merged-area queries cover before the used range is
 * known; `events`: whether to register the sheet's change event in the same batch.
 */
export async function readOnce(
  ctx: Excel.RequestContext,
  env: ReadEnv,
  sheet: string | undefined,
  frameEnd: number,
  events: boolean,
): Promise<RawSheet> {
  const wb = ctx.workbook;
  const ws = worksheetOf(ctx, sheet);
  ws.load("name,id");
  ws.protection.load("protected");
  wb.protection.load("protected");
  const used = ws.getUsedRange(true);
  const block = queueBlock(env, used);
  const merges = queueMerges(env, ws, 1, frameEnd);
  const rec = wb.worksheets.getItemOrNullObject(RECORD_SHEET);
  rec.load("name");
  const recUsed = rec.getUsedRangeOrNullObject(true);
  recUsed.load("values");
  // How many notes and comments the sheet has: where none, notes are added without a lookup.
  const noteCount = env.has("1.18") ? ws.notes.getCount() : null;
  const commentCount = env.has("1.10") ? ws.comments.getCount() : null;
  const token = events ? env.tracker.register(ws) : null;
  await ctx.sync();
  env.tracker.confirm(ws.id, token);

  // The frame was a guess: what the sheet read now holds below it is read too.
  const bottom = used.rowIndex + used.rowCount;
  let known = true;
  if (bottom > frameEnd) {
    const rest = await readMerges(ctx, env, ws, frameEnd + 1, bottom);
    known = rest.known;
    const raw = build(env, ws, wb.protection.protected, [block], [...collectMerges(merges), ...rest.merges]);
    if (!known) raw.grid.mergesKnown = false;
    return finish(raw, rec, recUsed, noteCount, commentCount);
  }
  const raw = build(env, ws, wb.protection.protected, [block], collectMerges(merges));
  return finish(raw, rec, recUsed, noteCount, commentCount);
}

function finish(
  raw: RawSheet,
  rec: Excel.Worksheet,
  recUsed: Excel.Range,
  noteCount: OfficeExtension.ClientResult<number> | null,
  commentCount: OfficeExtension.ClientResult<number> | null,
): RawSheet {
  raw.recordExists = !rec.isNullObject;
  raw.recordValues = rec.isNullObject || recUsed.isNullObject ? null : (recUsed.values as CellValue[][]);
  raw.noteCount = noteCount ? noteCount.value : null;
  raw.commentCount = commentCount ? commentCount.value : null;
  return raw;
}

/**
 * The read in steps: the size first, then blocks of rows that each fit one response (a
 * block that does not is read again in halves), then the merged areas band by band.
 */
export async function readInSteps(
  ctx: Excel.RequestContext,
  env: ReadEnv,
  sheet: string | undefined,
  events: boolean,
  bytesPerCell: number,
): Promise<RawSheet> {
  const wb = ctx.workbook;
  const probe = async (withEvents: boolean) => {
    const ws = worksheetOf(ctx, sheet);
    ws.load("name,id");
    ws.protection.load("protected");
    wb.protection.load("protected");
    const used = ws.getUsedRange(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    const rec = wb.worksheets.getItemOrNullObject(RECORD_SHEET);
    rec.load("name");
    const token = withEvents ? env.tracker.register(ws) : null;
    await ctx.sync();
    env.tracker.confirm(ws.id, token);
    return { ws, used, rec };
  };
  let first: Awaited<ReturnType<typeof probe>>;
  try {
    first = await probe(events);
  } catch (e) {
    // Registering the change event may be what fails: read without it (apply then compares).
    if (!events || fatal(e)) throw e;
    first = await probe(false);
  }
  const { ws, used, rec } = first;
  const box: UsedBox = {
    row0: used.rowIndex,
    col0: used.columnIndex,
    rows: used.rowCount,
    cols: used.columnCount,
  };
  const recordValues = rec.isNullObject ? null : await loadRecordRows(ctx, env.web);

  const blocks: LoadedBlock[] = [];
  let cost = bytesPerCell;
  const rowsFor = () =>
    env.web ? Math.max(1, Math.floor(payloadBudget() / (cost * Math.max(1, box.cols)))) : box.rows;
  let r = 0;
  let size = rowsFor();
  while (r < box.rows) {
    const n = Math.min(size, box.rows - r);
    const block = queueBlock(env, ws.getRangeByIndexes(box.row0 + r, box.col0, n, box.cols));
    try {
      await ctx.sync();
    } catch (e) {
      if (!isPayloadError(e) || n === 1) throw e;
      size = Math.max(1, Math.floor(n / 2));
      continue;
    }
    blocks.push(block);
    r += n;
    cost = Math.max(cost, measure(block));
    size = Math.max(1, Math.min(rowsFor(), n * 2));
  }
  const { merges, known } = await readMerges(ctx, env, ws, box.row0 + 1, box.row0 + box.rows);
  const raw = build(env, ws, wb.protection.protected, blocks, merges);
  if (!known) raw.grid.mergesKnown = false;
  raw.recordExists = !rec.isNullObject;
  raw.recordValues = recordValues;
  return raw;
}

function build(
  env: ReadEnv,
  ws: Excel.Worksheet,
  workbookProtected: boolean,
  blocks: LoadedBlock[],
  merges: MergeArea[],
): RawSheet {
  const first = blocks[0].range;
  const top = first.rowIndex + 1;
  const left = first.columnIndex + 1;
  const cells: (GridCell | null)[][] = [];
  const fills = new Map<string, Fill>();
  const hiddenRows: number[] = [];
  let bytesPerCell = 0;
  for (const block of blocks) {
    const { range, cellProps, rowProps } = block;
    bytesPerCell = Math.max(bytesPerCell, measure(block));
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
  if (!env.has("1.13")) grid.mergesKnown = false;
  return {
    grid,
    sheetId: ws.id,
    fills,
    recordExists: false,
    recordValues: null,
    workbookProtected,
    noteCount: null,
    commentCount: null,
    bytesPerCell: bytesPerCell || DEFAULT_BYTES_PER_CELL,
  };
}

/** The used box of a read grid. */
export function boxOfGrid(grid: GridSnapshot): UsedBox {
  return {
    row0: grid.top - 1,
    col0: grid.left - 1,
    rows: grid.cells.length,
    cols: Math.max(0, ...grid.cells.map((r) => r.length)),
  };
}
