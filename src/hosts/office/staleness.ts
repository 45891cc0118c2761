/**
 * Whether a sheet changed since it was read (R-WRITE-4: a plan applies only to the cells it
 * was made from). Excel's `onChanged` event (ExcelApi 1.7) counts changes per worksheet id;
 * the add-in's own writes are told apart by their trigger source (ExcelApi 1.14) or by the
 * cells they wrote. An event that may be ours but covers more than the cells we wrote (one
 * bounding address for a whole batch, a comment's cell) does not make the sheet stale: it
 * makes it unsure, and `apply` then compares every cell the scoring read before writing,
 * as it does where no event could be registered.
 */
/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read */
import { sameValue } from "../../core";
import { address as a1, parseRange } from "../../sheet/address";
import type { CellValue, GridSnapshot, MergeArea } from "../../sheet/types";
import { payloadBudget, utf8Length } from "./payload";

/** The core's one comparison of cell values (R-WRITE), for the host's stale checks. */
export { sameValue };

interface Own {
  cells: Set<string>;
  box: MergeArea | null;
}

/** Where a sheet stood when it was read. */
export interface Mark {
  /** Definite changes counted so far; null: no change event is registered for the sheet. */
  changes: number | null;
  unsure: number;
}

export class ChangeTracker {
  private readonly changes = new Map<string, number>();
  private readonly unsure = new Map<string, number>();
  /** The one registration per worksheet id whose events count (a sheet read twice registers twice). */
  private readonly primary = new Map<string, number>();
  private readonly own = new Map<string, Own>();
  private tokens = 0;

  /** Queues registering the sheet's change event; the token is confirmed after the sync. */
  register(ws: Excel.Worksheet): number | null {
    const token = ++this.tokens;
    try {
      ws.onChanged.add(async (e) => this.onChanged(e, token));
      return token;
    } catch {
      return null;
    }
  }

  /** After the sync that carried `register`: the sheet's events now count. */
  confirm(id: string, token: number | null): void {
    if (token === null || this.primary.has(id)) return;
    this.primary.set(id, token);
    this.changes.set(id, 0);
  }

  tracked(id: string): boolean {
    return this.primary.has(id);
  }

  mark(id: string): Mark {
    return {
      changes: this.primary.has(id) ? (this.changes.get(id) ?? 0) : null,
      unsure: this.unsure.get(id) ?? 0,
    };
  }

  /** "stale": changed since `mark`; "unsure": compare the cells; "same": unchanged. */
  since(id: string, at: Mark): "stale" | "unsure" | "same" {
    if (at.changes === null || !this.primary.has(id)) return "unsure";
    if ((this.changes.get(id) ?? 0) !== at.changes) return "stale";
    return (this.unsure.get(id) ?? 0) !== at.unsure ? "unsure" : "same";
  }

  /** The cells the next batch writes on a sheet (cell values, notes, comments). */
  expectOwn(id: string, cells: string[]): void {
    let box: MergeArea | null = null;
    for (const c of cells) {
      const r = parseRange(c);
      if (!r) continue;
      box = box
        ? {
            top: Math.min(box.top, r.top),
            left: Math.min(box.left, r.left),
            bottom: Math.max(box.bottom, r.bottom),
            right: Math.max(box.right, r.right),
          }
        : r;
    }
    this.own.set(id, { cells: new Set(cells.map((c) => c.toUpperCase())), box });
  }

  private onChanged(e: Excel.WorksheetChangedEventArgs, token: number): void {
    const id = e.worksheetId;
    if (this.primary.get(id) !== token) return;
    if (e.triggerSource === "ThisLocalAddin") return;
    const own = this.own.get(id);
    const r = e.address ? parseRange(e.address.replace(/^.*!/, "").replace(/\$/g, "")) : null;
    if (own?.box && r) {
      let mine = true;
      const area = (r.bottom - r.top + 1) * (r.right - r.left + 1);
      if (area > own.cells.size) mine = false;
      for (let row = r.top; row <= r.bottom && mine; row++)
        for (let col = r.left; col <= r.right && mine; col++) mine = own.cells.has(a1(row, col));
      if (mine) return;
      const inside =
        r.top >= own.box.top &&
        r.bottom <= own.box.bottom &&
        r.left >= own.box.left &&
        r.right <= own.box.right;
      if (inside) {
        // Possibly ours, reported as one bounding address: compare before the next write.
        this.unsure.set(id, (this.unsure.get(id) ?? 0) + 1);
        return;
      }
    }
    this.changes.set(id, (this.changes.get(id) ?? 0) + 1);
  }
}

/**
 * Compares every cell of the snapshot (what the scoring read: targets, actuals, weights,
 * scores, notes) with the sheet now: the first cell that differs in value or formula, or
 * null. On the web the cells are read in blocks that fit one response.
 */
export async function firstChangedCell(
  ctx: Excel.RequestContext,
  ws: Excel.Worksheet,
  grid: GridSnapshot,
  web: boolean,
): Promise<string | null> {
  const rows = grid.cells.length;
  const cols = Math.max(0, ...grid.cells.map((r) => r.length));
  if (rows === 0 || cols === 0) return null;
  let perBlock = rows;
  if (web) {
    const sample = JSON.stringify(grid.cells.slice(0, Math.min(rows, 200)));
    const perRow = (2 * utf8Length(sample)) / Math.min(rows, 200) + cols * 16;
    perBlock = Math.max(1, Math.floor(payloadBudget() / Math.max(1, perRow)));
  }
  for (let r0 = 0; r0 < rows; r0 += perBlock) {
    const n = Math.min(perBlock, rows - r0);
    const range = ws.getRangeByIndexes(grid.top - 1 + r0, grid.left - 1, n, cols);
    range.load("values,formulas");
    await ctx.sync();
    for (let r = 0; r < n; r++)
      for (let c = 0; c < cols; c++) {
        const snap = grid.cells[r0 + r]?.[c] ?? null;
        const v = range.values[r][c] as CellValue;
        const f = range.formulas[r][c];
        const isFormula = typeof f === "string" && f.startsWith("=");
        const changed = isFormula
          ? snap?.f === undefined || `=${snap.f}` !== f
          : snap?.f !== undefined || !sameValue(v, snap?.v ?? null);
        if (changed) return a1(grid.top + r0 + r, grid.left + c);
      }
  }
  return null;
}
