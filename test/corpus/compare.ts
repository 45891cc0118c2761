/**
 * Cell-by-cell comparison of workbooks read with exceljs: value, formula, number format,
 * fill, font, alignment and border of every cell; merges, row and column visibility and
 * sizes; the list of sheets.
 */
import ExcelJS from "exceljs";

/** exceljs value types (Enums.ValueType). */
const T_MERGE = 1;
const T_FORMULA = 6;

function canonicalValue(cell: ExcelJS.Cell): unknown {
  const type = cell.type as number;
  if (type === T_MERGE) return { merged: cell.master.address };
  if (type === T_FORMULA) {
    const result = cell.result as unknown;
    return {
      formula: cell.formula,
      result: result instanceof Date ? result.toISOString() : (result ?? null),
    };
  }
  const v = cell.value as unknown;
  if (v === undefined || v === null || v === "") return null;
  if (v instanceof Date) return { date: v.toISOString() };
  return v;
}

function present(o: unknown): unknown {
  if (o === undefined || o === null) return null;
  if (typeof o === "object" && Object.keys(o as object).length === 0) return null;
  return o;
}

/** One cell's full state as a canonical string. */
export function cellState(cell: ExcelJS.Cell): string {
  const style = cell.style ?? {};
  const fill = style.fill as { type?: string; pattern?: string } | undefined;
  return JSON.stringify({
    v: canonicalValue(cell),
    numFmt: !style.numFmt || style.numFmt === "General" ? null : style.numFmt,
    fill: !fill || (fill.type === "pattern" && fill.pattern === "none") ? null : fill,
    font: present(style.font),
    alignment: present(style.alignment),
    border: present(style.border),
  });
}

/** State of every cell the sheet defines, by address. */
export function sheetCells(ws: ExcelJS.Worksheet): Map<string, string> {
  const out = new Map<string, string>();
  ws.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      out.set(cell.address, cellState(cell));
    });
  });
  return out;
}

const EMPTY_STATE = JSON.stringify({
  v: null,
  numFmt: null,
  fill: null,
  font: null,
  alignment: null,
  border: null,
});

export interface SheetDiff {
  /** Addresses whose state differs. */
  cells: string[];
  /** Differences of merges, rows or columns, described. */
  layout: string[];
}

/** What differs between two versions of a sheet. */
export function diffSheets(a: ExcelJS.Worksheet, b: ExcelJS.Worksheet): SheetDiff {
  const ca = sheetCells(a);
  const cb = sheetCells(b);
  const cells: string[] = [];
  for (const addr of new Set([...ca.keys(), ...cb.keys()])) {
    if ((ca.get(addr) ?? EMPTY_STATE) !== (cb.get(addr) ?? EMPTY_STATE)) cells.push(addr);
  }
  const layout: string[] = [];
  const merges = (ws: ExcelJS.Worksheet) =>
    [...((ws.model as { merges?: string[] }).merges ?? [])].sort().join(",");
  if (merges(a) !== merges(b)) layout.push(`merges: ${merges(a)} → ${merges(b)}`);
  const rows = Math.max(a.rowCount, b.rowCount);
  for (let r = 1; r <= rows; r++) {
    const ra = a.findRow(r);
    const rb = b.findRow(r);
    if (!!ra?.hidden !== !!rb?.hidden) layout.push(`row ${r} hidden: ${!!ra?.hidden} → ${!!rb?.hidden}`);
    if ((ra?.height ?? null) !== (rb?.height ?? null))
      layout.push(`row ${r} height: ${ra?.height} → ${rb?.height}`);
  }
  const cols = Math.max(a.columnCount, b.columnCount);
  const colsA = a.columns ?? [];
  const colsB = b.columns ?? [];
  for (let c = 1; c <= cols; c++) {
    const xa = colsA[c - 1] ?? {};
    const xb = colsB[c - 1] ?? {};
    if (!!xa.hidden !== !!xb.hidden) layout.push(`column ${c} hidden: ${!!xa.hidden} → ${!!xb.hidden}`);
    if ((xa.width ?? null) !== (xb.width ?? null))
      layout.push(`column ${c} width: ${xa.width} → ${xb.width}`);
  }
  return { cells, layout };
}

export interface WorkbookDiff {
  /** Sheets present in only one of the two (besides the ignored ones), or whose state differs. */
  sheets: string[];
  bySheet: Record<string, SheetDiff>;
}

/** What differs between two workbooks, ignoring the named sheets (the program's record). */
export function diffWorkbooks(a: ExcelJS.Workbook, b: ExcelJS.Workbook, ignore: string[] = []): WorkbookDiff {
  const keep = (wb: ExcelJS.Workbook) => wb.worksheets.filter((ws) => !ignore.includes(ws.name));
  const sa = keep(a);
  const sb = keep(b);
  const sheets: string[] = [];
  const names = (l: ExcelJS.Worksheet[]) => l.map((ws) => `${ws.name}(${ws.state})`).join(",");
  if (names(sa) !== names(sb)) sheets.push(`${names(sa)} → ${names(sb)}`);
  const bySheet: Record<string, SheetDiff> = {};
  for (const ws of sa) {
    const other = b.getWorksheet(ws.name);
    if (other) bySheet[ws.name] = diffSheets(ws, other);
  }
  return { sheets, bySheet };
}

export async function readXlsx(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}
