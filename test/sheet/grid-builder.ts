/** Builds GridSnapshots by hand for tests: rows of values (or cells) plus merges. */
import { parseRange } from "../../src/sheet/address";
import type { CellValue, GridCell, GridSnapshot, MergeArea } from "../../src/sheet/types";

export type In = CellValue | GridCell | undefined;

export interface BuildOptions {
  sheet?: string;
  /** Sheet row and column of `rows[0][0]` (default 1, 1). */
  top?: number;
  left?: number;
  merges?: string[];
  hiddenRows?: number[];
  /** Copy each merge anchor's value into the covered cells, as exceljs reports them. */
  fillMerged?: boolean;
}

function isCell(x: In): x is GridCell {
  return !!x && typeof x === "object" && !(x instanceof Date) && "v" in x;
}

/** A cell with a number format (`pct(0.95)` is 95% formatted as `0%`). */
export const fmt = (v: CellValue, f: string): GridCell => ({ v, fmt: f });
export const pct = (v: number, f = "0.00%"): GridCell => ({ v, fmt: f });
export const formula = (f: string, v: CellValue): GridCell => ({ v, f });

export function build(rows: In[][], o: BuildOptions = {}): GridSnapshot {
  const top = o.top ?? 1;
  const left = o.left ?? 1;
  const width = Math.max(0, ...rows.map((r) => r.length));
  const cells: (GridCell | null)[][] = rows.map((r) => {
    const out: (GridCell | null)[] = [];
    for (let c = 0; c < width; c++) {
      const x = r[c];
      if (x === undefined || x === null || x === "") out.push(null);
      else out.push(isCell(x) ? { ...x } : { v: x as CellValue });
    }
    return out;
  });
  const merges: MergeArea[] = (o.merges ?? []).map((m) => {
    const r = parseRange(m);
    if (!r) throw new Error(`bad range ${m}`);
    return r;
  });
  if (o.fillMerged) {
    for (const m of merges) {
      const a = cells[m.top - top]?.[m.left - left] ?? null;
      for (let r = m.top; r <= m.bottom; r++)
        for (let c = m.left; c <= m.right; c++) {
          if (r === m.top && c === m.left) continue;
          const row = cells[r - top];
          if (row && c - left < width) row[c - left] = a ? { ...a } : null;
        }
    }
  }
  return {
    sheet: o.sheet ?? "自评表",
    top,
    left,
    cells,
    merges,
    hiddenRows: o.hiddenRows ?? [],
    hiddenCols: [],
  };
}

/** Applies a plan's writes to a grid (as a host would), returning a new grid. */
export function applyPlan(
  g: GridSnapshot,
  writes: { row: number; col: number; after: number | string; numFmt?: string }[],
): GridSnapshot {
  const cells = g.cells.map((r) => r.map((c) => (c ? { ...c } : null)));
  for (const w of writes) {
    const r = w.row - g.top;
    const c = w.col - g.left;
    while (cells.length <= r) cells.push([]);
    while (cells[r].length <= c) cells[r].push(null);
    const prev = cells[r][c];
    cells[r][c] = { v: w.after, ...(w.numFmt ? { fmt: w.numFmt } : prev?.fmt ? { fmt: prev.fmt } : {}) };
  }
  return { ...g, cells };
}
