/** Read access to a GridSnapshot in sheet coordinates, aware of merged areas. */
import type { CellInput } from "../core/types";
import { address } from "./address";
import type { CellValue, GridCell, GridSnapshot, MergeArea } from "./types";

/** A rectangle of sheet rows and columns, 1-based and inclusive. */
export interface Bounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export class Grid {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  /** Sheet row and column of `snap.cells[0][0]` (a view keeps them while its bounds narrow). */
  private readonly originTop: number;
  private readonly originLeft: number;
  /** Merged area of each covered cell, keyed by `cellKey`. */
  private readonly mergeAt: Map<number, MergeArea>;
  private readonly hidden: Set<number>;

  constructor(
    readonly snap: GridSnapshot,
    bounds?: Bounds,
    shared?: { mergeAt: Map<number, MergeArea>; hidden: Set<number> },
  ) {
    this.originTop = snap.top;
    this.originLeft = snap.left;
    const rows = Array.isArray(snap.cells) ? snap.cells : [];
    let width = 0;
    for (const r of rows) if (Array.isArray(r) && r.length > width) width = r.length;
    const full = {
      top: snap.top,
      left: snap.left,
      bottom: snap.top + rows.length - 1,
      right: snap.left + width - 1,
    };
    const b = bounds ?? full;
    this.top = b.top;
    this.left = b.left;
    this.bottom = b.bottom;
    this.right = b.right;
    if (shared) {
      this.mergeAt = shared.mergeAt;
      this.hidden = shared.hidden;
      return;
    }
    this.mergeAt = new Map();
    for (const m of Array.isArray(snap.merges) ? snap.merges : []) {
      if (!m || m.bottom < m.top || m.right < m.left) continue;
      // Merges far outside the used range cannot matter; clip to keep the map small.
      const top = Math.max(m.top, full.top);
      const bottom = Math.min(m.bottom, full.bottom);
      const left = Math.max(m.left, full.left);
      const right = Math.min(m.right, full.right);
      for (let r = top; r <= bottom; r++)
        for (let c = left; c <= right; c++) this.mergeAt.set(cellKey(r, c), m);
    }
    this.hidden = new Set(Array.isArray(snap.hiddenRows) ? snap.hiddenRows : []);
  }

  /**
   * The same sheet seen through a narrower rectangle (one table of several, LAYOUTS.md step 7):
   * loops over rows and columns stay inside it; cells and merges are still read by sheet address.
   */
  view(b: Bounds): Grid {
    return new Grid(this.snap, b, { mergeAt: this.mergeAt, hidden: this.hidden });
  }

  /** True when the cell lies inside this grid's bounds. */
  contains(row: number, col: number): boolean {
    return row >= this.top && row <= this.bottom && col >= this.left && col <= this.right;
  }

  /** The raw cell (null when absent). */
  raw(row: number, col: number): GridCell | null {
    const r = this.snap.cells[row - this.originTop];
    if (!Array.isArray(r)) return null;
    const c = r[col - this.originLeft];
    return c && typeof c === "object" ? c : null;
  }

  merge(row: number, col: number): MergeArea | null {
    if (this.mergeAt.size === 0) return null;
    return this.mergeAt.get(cellKey(row, col)) ?? null;
  }

  /** True when the cell lies inside a merged area but is not its top-left cell. */
  covered(row: number, col: number): boolean {
    const m = this.merge(row, col);
    return m !== null && (m.top !== row || m.left !== col);
  }

  /** The cell's own content: null for covered cells of a merge (whatever the host put there). */
  own(row: number, col: number): GridCell | null {
    return this.covered(row, col) ? null : this.raw(row, col);
  }

  /** The anchor of the merged area holding the cell, or the cell itself. */
  anchor(row: number, col: number): { row: number; col: number } {
    const m = this.merge(row, col);
    return m ? { row: m.top, col: m.left } : { row, col };
  }

  /** The merged area's value for any cell inside it. */
  mergedCell(row: number, col: number): GridCell | null {
    const a = this.anchor(row, col);
    return this.raw(a.row, a.col);
  }

  isHidden(row: number): boolean {
    return this.hidden.has(row);
  }

  /** Own text of a cell ('' when empty). */
  text(row: number, col: number): string {
    return cellText(this.own(row, col));
  }

  /** True when no own cell of the row (between the given columns) has content. */
  rowEmpty(row: number, from = this.left, to = this.right): boolean {
    for (let c = from; c <= to; c++) if (!isEmptyCell(this.own(row, c))) return false;
    return true;
  }

  /** The leftmost own non-empty cell of a row. */
  leftmost(row: number): { col: number; text: string } | null {
    for (let c = this.left; c <= this.right; c++) {
      const t = this.text(row, c);
      if (t.trim() !== "") return { col: c, text: t };
    }
    return null;
  }

  addr(row: number, col: number): string {
    return address(row, col);
  }
}

/** A number per cell (sheets have at most 16 384 columns; 2^24 leaves room for any snapshot). */
function cellKey(row: number, col: number): number {
  return row * 16777216 + col;
}

export function isEmptyValue(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

export function isEmptyCell(c: GridCell | null): boolean {
  return !c || (isEmptyValue(c.v) && !c.f);
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** A cell's text for labels: the displayed text when known, else the value as text. */
export function cellText(c: GridCell | null): string {
  if (!c) return "";
  if (typeof c.t === "string" && c.t !== "") return c.t;
  const v = c.v;
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date && !Number.isNaN(v.getTime()))
    return `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
  return "";
}

/** The core's view of a cell (formula cells give their cached result). */
export function toCellInput(c: GridCell | null): CellInput {
  if (!c) return { value: null };
  const v = c.v;
  const value: CellInput["value"] =
    typeof v === "string" || typeof v === "number" || typeof v === "boolean" || v instanceof Date ? v : null;
  const out: CellInput = { value };
  if (typeof c.fmt === "string" && c.fmt !== "") out.numFmt = c.fmt;
  if (typeof c.t === "string") out.text = c.t;
  if (c.f) out.formula = true;
  if (c.err) out.error = true;
  return out;
}
