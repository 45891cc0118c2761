/**
 * Changes cells of a worksheet part by splicing: each changed `<c>` element is replaced (or
 * only its style attribute), missing cells and rows are inserted in order, and every other
 * byte of the part stays as it was.
 */
import { address, columnNumber } from "../../../sheet/address";
import type { CellValue } from "../../../sheet/types";
import { escapeXmlText, localName, scanXml, setAttrs, splice, xmlText } from "./xml";

export type CellContent =
  | { kind: "value"; value: CellValue }
  | { kind: "formula"; formula: string; value: CellValue; error?: boolean };

export interface CellEdit {
  row: number;
  col: number;
  /** New style index; absent: the cell keeps its own (a new cell takes its row's or column's). */
  style?: number;
  /** New content; absent: only the style changes. */
  content?: CellContent;
}

/** Excel's serial day number of a date. */
function serial(d: Date, date1904: boolean): number {
  return d.getTime() / 86400000 + 25569 - (date1904 ? 1462 : 0);
}

function valueXml(v: CellValue, date1904: boolean): { t?: string; inner: string } {
  if (v === null || v === "") return { inner: "" };
  if (typeof v === "number") return { inner: `<v>${String(v)}</v>` };
  if (typeof v === "boolean") return { t: "b", inner: `<v>${v ? 1 : 0}</v>` };
  if (v instanceof Date) return { inner: `<v>${String(serial(v, date1904))}</v>` };
  return { t: "inlineStr", inner: `<is><t xml:space="preserve">${xmlText(escapeXmlText(v))}</t></is>` };
}

/** The `<c>` element for a cell. */
export function cellXml(
  row: number,
  col: number,
  style: number,
  content: CellContent | null,
  date1904: boolean,
): string {
  const s = style ? ` s="${style}"` : "";
  const r = address(row, col);
  if (!content) return `<c r="${r}"${s}/>`;
  if (content.kind === "formula") {
    const v = content.value;
    let t = "";
    let inner = "";
    if (content.error && typeof v === "string") {
      t = ' t="e"';
      inner = `<v>${xmlText(v)}</v>`;
    } else if (typeof v === "string" && v !== "") {
      t = ' t="str"';
      inner = `<v>${xmlText(escapeXmlText(v))}</v>`;
    } else if (typeof v === "boolean") {
      t = ' t="b"';
      inner = `<v>${v ? 1 : 0}</v>`;
    } else if (typeof v === "number") inner = `<v>${String(v)}</v>`;
    else if (v instanceof Date) inner = `<v>${String(serial(v, date1904))}</v>`;
    const f = content.formula.startsWith("=") ? content.formula.slice(1) : content.formula;
    return `<c r="${r}"${s}${t}><f>${xmlText(f)}</f>${inner}</c>`;
  }
  const { t, inner } = valueXml(content.value, date1904);
  if (inner === "") return `<c r="${r}"${s}/>`;
  return `<c r="${r}"${s}${t ? ` t="${t}"` : ""}>${inner}</c>`;
}

const key = (r: number, c: number) => r * 16384 + c;
const CELL_REF = /^([A-Za-z]{1,3})(\d+)$/;

/** Style indexes of cells as the sheet gives them (a missing cell: its row's or column's style). */
export function cellStyles(xml: string, wanted: { row: number; col: number }[]): Map<number, number> {
  const want = new Set(wanted.map((w) => key(w.row, w.col)));
  const rows = new Set(wanted.map((w) => w.row));
  const out = new Map<number, number>();
  const rowStyle = new Map<number, number>();
  const cols: { min: number; max: number; s: number }[] = [];
  let row = 0;
  let col = 0;
  scanXml(xml, {
    open(name, a) {
      const n = localName(name);
      if (n === "row") {
        row = a.r ? Number(a.r) : row + 1;
        col = 0;
        if (rows.has(row) && (a.customFormat === "1" || a.customFormat === "true") && a.s)
          rowStyle.set(row, Number(a.s));
      } else if (n === "c") {
        const m = a.r ? CELL_REF.exec(a.r) : null;
        if (m) {
          col = columnNumber(m[1]);
          row = Number(m[2]);
        } else col++;
        const k = key(row, col);
        if (want.has(k)) out.set(k, a.s ? Number(a.s) || 0 : 0);
      } else if (n === "col" && a.style)
        cols.push({ min: Number(a.min), max: Number(a.max), s: Number(a.style) });
    },
  });
  for (const w of wanted) {
    const k = key(w.row, w.col);
    if (out.has(k)) continue;
    const rs = rowStyle.get(w.row);
    if (rs !== undefined) out.set(k, rs);
    else out.set(k, cols.find((c) => w.col >= c.min && w.col <= c.max)?.s ?? 0);
  }
  return out;
}

interface RowAt {
  r: number;
  start: number;
  openEnd: number;
  /** Start of `</row>`; -1 for `<row …/>`. */
  closeStart: number;
  end: number;
  tag: string;
}

/** Applies cell edits to a worksheet part. `styles` gives each edited cell's current style (see `cellStyles`). */
export function patchSheet(
  xml: string,
  edits: CellEdit[],
  styles: Map<number, number>,
  date1904: boolean,
): string {
  const byRow = new Map<number, Map<number, CellEdit>>();
  for (const e of edits) {
    let m = byRow.get(e.row);
    if (!m) byRow.set(e.row, (m = new Map()));
    m.set(e.col, e);
  }
  const pendingRows = [...byRow.keys()].sort((a, b) => a - b);
  const out: { start: number; end: number; text: string }[] = [];
  let sheetDataOpen: { start: number; end: number; selfClosing: boolean } | null = null;
  let sheetDataClose = -1;
  let depth = 0;
  let inSheetData = false;
  let currentRow: RowAt | null = null;
  let rowCells: Map<number, CellEdit> | null = null;
  let pendingCols: number[] = [];
  let minCol = Infinity;
  let maxCol = 0;
  let row = 0;
  let col = 0;
  let cellStart = -1;
  let cellTag = "";
  let cellEdit: CellEdit | null = null;
  const done = new Set<number>();

  const newCell = (e: CellEdit) =>
    cellXml(e.row, e.col, e.style ?? styles.get(key(e.row, e.col)) ?? 0, e.content ?? null, date1904);

  const rowXml = (r: number) => {
    const cells = [...byRow.get(r)!.values()].sort((a, b) => a.col - b.col);
    return `<row r="${r}">${cells.map(newCell).join("")}</row>`;
  };

  /** Missing rows before row `r` (or all remaining with r = Infinity) go in at `at`. */
  const flushRows = (r: number, at: number) => {
    const parts: string[] = [];
    while (pendingRows.length > 0 && pendingRows[0] < r) {
      const pr = pendingRows.shift()!;
      if (!done.has(pr)) parts.push(rowXml(pr));
    }
    if (parts.length > 0) out.push({ start: at, end: at, text: parts.join("") });
  };

  const flushCells = (c: number, at: number) => {
    const parts: string[] = [];
    while (pendingCols.length > 0 && pendingCols[0] < c) {
      const pc = pendingCols.shift()!;
      parts.push(newCell(rowCells!.get(pc)!));
      minCol = Math.min(minCol, pc);
      maxCol = Math.max(maxCol, pc);
    }
    if (parts.length > 0) out.push({ start: at, end: at, text: parts.join("") });
  };

  const finishRow = (closeStart: number) => {
    const cr = currentRow!;
    if (cr.closeStart === -1) {
      // <row …/>: becomes <row …>cells</row>.
      const cells = [...rowCells!.values()].sort((a, b) => a.col - b.col);
      let tag = cr.tag.replace(/\s*\/>$/, ">");
      tag = spansFor(tag, cells[0].col, cells[cells.length - 1].col);
      out.push({ start: cr.start, end: cr.end, text: `${tag}${cells.map(newCell).join("")}</row>` });
    } else {
      flushCells(Infinity, closeStart);
      if (maxCol > 0) {
        const tag = spansFor(cr.tag, minCol, maxCol);
        if (tag !== cr.tag) out.push({ start: cr.start, end: cr.openEnd, text: tag });
      }
    }
    done.add(cr.r);
    currentRow = null;
    rowCells = null;
  };

  scanXml(xml, {
    open(name, a, start, end, sc) {
      const n = localName(name);
      depth++;
      if (n === "sheetData" && depth === 2) {
        sheetDataOpen = { start, end, selfClosing: sc };
        inSheetData = !sc;
      } else if (inSheetData && n === "row") {
        row = a.r ? Number(a.r) : row + 1;
        col = 0;
        flushRows(row, start);
        const cells = byRow.get(row);
        if (cells && !done.has(row)) {
          currentRow = {
            r: row,
            start,
            openEnd: end,
            closeStart: sc ? -1 : -2,
            end,
            tag: xml.slice(start, end),
          };
          rowCells = cells;
          pendingCols = [...cells.keys()].sort((x, y) => x - y);
          minCol = Infinity;
          maxCol = 0;
          if (sc) finishRow(-1);
        }
      } else if (inSheetData && n === "c" && currentRow) {
        const m = a.r ? CELL_REF.exec(a.r) : null;
        if (m) col = columnNumber(m[1]);
        else col++;
        flushCells(col, start);
        cellEdit = rowCells!.get(col) ?? null;
        if (cellEdit) {
          pendingCols = pendingCols.filter((c) => c !== col);
          cellStart = start;
          cellTag = xml.slice(start, end);
          if (sc) finishCell(end, true);
        }
      }
      if (sc) depth--;
    },
    close(name, start, end) {
      if (start === end) return;
      depth--;
      const n = localName(name);
      if (n === "sheetData" && inSheetData && depth === 1) {
        inSheetData = false;
        sheetDataClose = start;
      } else if (inSheetData && n === "row" && currentRow) finishRow(start);
      else if (inSheetData && n === "c" && cellEdit) finishCell(end, false);
    },
  });

  function finishCell(end: number, selfClosing: boolean): void {
    const e = cellEdit!;
    if (e.content) out.push({ start: cellStart, end, text: newCell(e) });
    else if (e.style !== undefined) {
      const tag = setAttrs(cellTag, { s: e.style ? String(e.style) : null });
      out.push({ start: cellStart, end: cellStart + cellTag.length, text: tag });
    }
    void selfClosing;
    cellEdit = null;
  }

  const sd = sheetDataOpen as { start: number; end: number; selfClosing: boolean } | null;
  if (!sd) throw new Error("worksheet without sheetData");
  if (pendingRows.some((r) => !done.has(r))) {
    const rest = pendingRows
      .filter((r) => !done.has(r))
      .map(rowXml)
      .join("");
    if (sd.selfClosing) {
      const open = xml.slice(sd.start, sd.end).replace(/\s*\/>$/, ">");
      out.push({ start: sd.start, end: sd.end, text: `${open}${rest}</sheetData>` });
    } else out.push({ start: sheetDataClose, end: sheetDataClose, text: rest });
  }
  return splice(xml, out);
}

/** A row start tag whose `spans` (when it has one) covers columns `min`..`max`. */
function spansFor(tag: string, min: number, max: number): string {
  const m = /\sspans\s*=\s*"(\d+):(\d+)"/.exec(tag);
  if (!m) return tag;
  const lo = Math.min(Number(m[1]), min);
  const hi = Math.max(Number(m[2]), max);
  if (lo === Number(m[1]) && hi === Number(m[2])) return tag;
  return setAttrs(tag, { spans: `${lo}:${hi}` });
}
