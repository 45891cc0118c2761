/**
 * The sheet grid's model, pure: which cells a window of the sheet shows (fixed row height,
 * per-column widths), what each shows (text, planned before → after, highlight colour), and
 * where the arrow keys lead (merged areas are one stop).
 */
import { displayText } from "../../../core/parse";
import { address, columnLetters, parseAddress } from "../../../sheet/address";
import { Grid, toCellInput } from "../../../sheet/grid";
import type { GridSnapshot, HighlightMark, MergeArea, PlannedWrite } from "../../../sheet/types";

export const ROW_HEIGHT = 28;
export const HEADER_HEIGHT = 24;
export const ROW_HEADER_WIDTH = 48;
const MIN_COL = 56;
const MAX_COL = 160;

export interface SheetModel {
  grid: Grid;
  top: number;
  left: number;
  rows: number;
  cols: number;
  /** Left edge of each column (index 0 = sheet column `left`), and the total width at the end. */
  colX: number[];
  planned: Map<string, PlannedWrite>;
  /** Highlight colour by cell address (empty when highlighting is off). */
  colors: Map<string, string>;
  /** Merged areas that span more than one cell. */
  merges: MergeArea[];
}

/**
 * Text width in px at the grid's 13 px font, estimated where it cannot be measured: CJK and
 * full-width characters 1 em plus a margin, Latin ones as wide as DejaVu Sans's digits (wider
 * than most fonts' so that an estimate errs towards room).
 */
export function estimateWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\uffff]/.test(ch) ? 14 : 8.5;
  return w;
}

/** Room a cell needs beyond its text: padding 2 × 4 px, the border, and a few px of slack. */
const CELL_PAD = 14;
/** A planned cell also has the before's 2 px margin, the 3 px bar, and a semibold after. */
const PLANNED_PAD = CELL_PAD + 5;

export interface ModelOptions {
  /** Width of a text as the grid draws it (the page measures with a canvas); default: an estimate. */
  measure?: (text: string) => number;
  /** What an empty cell shows before its planned value: "（空）". */
  emptyText?: string;
}

/** True when a cell's value is a figure (a number or a date): its column never cuts it. */
function isFigure(g: Grid, row: number, col: number): boolean {
  const v = g.own(row, col)?.v;
  return typeof v === "number" || v instanceof Date;
}

/** What a cell displays: as the sheet shows it (percent formats, dates), '' when empty. */
export function shownText(g: Grid, row: number, col: number): string {
  const c = g.own(row, col);
  if (!c) return "";
  if (typeof c.t === "string" && c.t !== "") return c.t;
  return displayText(toCellInput(c)) ?? "";
}

/** A planned value as it will show: numbers as written by the plan, rates as percentages. */
export function shownAfter(w: PlannedWrite): string {
  if (typeof w.after === "number" && w.numFmt && /%/.test(w.numFmt)) {
    const dec = /\.(0+)%/.exec(w.numFmt)?.[1].length ?? 0;
    return `${(w.after * 100).toFixed(dec)}%`;
  }
  return String(w.after);
}

/**
 * Columns are as wide as what they show: text up to MAX_COL px (longer text ends in an
 * ellipsis, in full in the cell's title and the detail panel), figures and planned figures
 * ("（空）→ 4.16") in full whatever their width.
 */
export function buildModel(
  snap: GridSnapshot,
  writes: readonly PlannedWrite[] = [],
  marks: readonly HighlightMark[] | null = null,
  options: ModelOptions = {},
): SheetModel {
  const measure = options.measure ?? estimateWidth;
  const empty = options.emptyText ?? "（空）";
  const grid = new Grid(snap);
  const top = grid.top;
  const left = grid.left;
  const planned = new Map(writes.map((w) => [w.cell.replace(/\$/g, "").toUpperCase(), w]));
  let bottom = grid.bottom;
  let right = grid.right;
  // Planned cells outside the read range (a total row's grade) still show.
  for (const w of writes) {
    bottom = Math.max(bottom, w.row);
    right = Math.max(right, w.col);
  }
  const rows = Math.max(0, bottom - top + 1);
  const cols = Math.max(0, right - left + 1);
  const widths = new Array<number>(cols).fill(MIN_COL);
  // Text: sampled over at most 400 rows spread over the sheet (enough for widths, cheap for
  // 5,000 rows). Figures: every one, the longest of each column measured.
  const step = Math.max(1, Math.floor(rows / 400));
  const longest = new Array<string>(cols).fill("");
  for (let r = top; r <= bottom; r++)
    for (let c = left; c <= right; c++) {
      const sampled = (r - top) % step === 0;
      const figure = isFigure(grid, r, c);
      if (!sampled && !figure) continue;
      const m = grid.merge(r, c);
      if (m && m.right > m.left) continue;
      const t = shownText(grid, r, c);
      if (!t) continue;
      if (figure) {
        if (t.length > longest[c - left].length) longest[c - left] = t;
      } else widths[c - left] = Math.max(widths[c - left], Math.min(MAX_COL, measure(t) + CELL_PAD));
    }
  longest.forEach((t, i) => {
    if (t) widths[i] = Math.max(widths[i], measure(t) + CELL_PAD);
  });
  for (const w of writes) {
    const i = w.col - left;
    const after = shownAfter(w);
    const need = measure(`${shownText(grid, w.row, w.col) || empty}→ `) + measure(after) * 1.1 + PLANNED_PAD;
    widths[i] = Math.max(widths[i], typeof w.after === "number" ? need : Math.min(MAX_COL, need));
  }
  const colX = [0];
  for (const w of widths) colX.push(colX[colX.length - 1] + Math.ceil(w));
  const colors = new Map((marks ?? []).map((m) => [m.cell.replace(/\$/g, "").toUpperCase(), m.color]));
  const merges = (snap.merges ?? []).filter(
    (m) => m && (m.bottom > m.top || m.right > m.left) && m.top <= bottom && m.left <= right,
  );
  return { grid, top, left, rows, cols, colX, planned, colors, merges };
}

/** First index i with xs[i + 1] > x (the column under offset x). */
export function columnAt(colX: readonly number[], x: number): number {
  let lo = 0;
  let hi = colX.length - 2;
  if (hi < 0) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (colX[mid] <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export interface Window {
  /** Row and column indexes (0-based from the model's top/left), inclusive. */
  r0: number;
  r1: number;
  c0: number;
  c1: number;
}

/** The rows and columns a viewport shows, with `overscan` rows/columns either side. */
export function windowOf(
  m: SheetModel,
  scrollTop: number,
  scrollLeft: number,
  height: number,
  width: number,
  overscan = 4,
): Window {
  if (m.rows === 0 || m.cols === 0) return { r0: 0, r1: -1, c0: 0, c1: -1 };
  const r0 = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - overscan);
  const r1 = Math.min(m.rows - 1, Math.ceil((scrollTop + height) / ROW_HEIGHT) + overscan);
  const c0 = Math.max(0, columnAt(m.colX, scrollLeft) - 1);
  const c1 = Math.min(m.cols - 1, columnAt(m.colX, scrollLeft + width) + 1);
  return { r0, r1, c0, c1 };
}

export interface CellBox {
  row: number;
  col: number;
  /** Rows and columns covered (merged areas, clipped to the model). */
  rowSpan: number;
  colSpan: number;
}

/**
 * The cells to draw for a window, by sheet row: each visible cell once, merged areas as one
 * box at their anchor, drawn whenever any part of them is in the window.
 */
export function cellsOf(m: SheetModel, w: Window): Map<number, CellBox[]> {
  const out = new Map<number, CellBox[]>();
  const add = (b: CellBox) => {
    const list = out.get(b.row);
    if (list) list.push(b);
    else out.set(b.row, [b]);
  };
  const seen = new Set<string>();
  const bottom = m.top + m.rows - 1;
  const right = m.left + m.cols - 1;
  for (let ri = w.r0; ri <= w.r1; ri++) {
    const row = m.top + ri;
    for (let ci = w.c0; ci <= w.c1; ci++) {
      const col = m.left + ci;
      const mg = m.grid.merge(row, col);
      if (mg && (mg.bottom > mg.top || mg.right > mg.left)) {
        const key = `${mg.top}:${mg.left}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const r = Math.max(mg.top, m.top);
        const c = Math.max(mg.left, m.left);
        add({
          row: r,
          col: c,
          rowSpan: Math.min(mg.bottom, bottom) - r + 1,
          colSpan: Math.min(mg.right, right) - c + 1,
        });
      } else add({ row, col, rowSpan: 1, colSpan: 1 });
    }
  }
  return out;
}

/** The anchor of the cell's merged area, or the cell. */
export function anchorOf(m: SheetModel, row: number, col: number): { row: number; col: number } {
  return m.grid.anchor(row, col);
}

export type Move =
  "up" | "down" | "left" | "right" | "home" | "end" | "pageUp" | "pageDown" | "first" | "last";

/** Where a key leads from a cell: a merged area is one stop; the edges hold. */
export function move(m: SheetModel, from: { row: number; col: number }, how: Move, page = 10) {
  const bottom = m.top + m.rows - 1;
  const right = m.left + m.cols - 1;
  const clampR = (r: number) => Math.min(bottom, Math.max(m.top, r));
  const clampC = (c: number) => Math.min(right, Math.max(m.left, c));
  const mg = m.grid.merge(from.row, from.col);
  const area = mg ?? { top: from.row, left: from.col, bottom: from.row, right: from.col };
  let row = from.row;
  let col = from.col;
  switch (how) {
    case "up":
      row = clampR(area.top - 1);
      break;
    case "down":
      row = clampR(area.bottom + 1);
      break;
    case "left":
      col = clampC(area.left - 1);
      break;
    case "right":
      col = clampC(area.right + 1);
      break;
    case "home":
      col = m.left;
      break;
    case "end":
      col = right;
      break;
    case "pageUp":
      row = clampR(row - page);
      break;
    case "pageDown":
      row = clampR(row + page);
      break;
    case "first":
      row = m.top;
      col = m.left;
      break;
    case "last":
      row = bottom;
      col = right;
      break;
  }
  return anchorOf(m, row, col);
}

export { address, columnLetters, parseAddress };
