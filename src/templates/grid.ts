/** A template as a grid snapshot, so it can be analysed without a file or a host. */
import { parseAddress, parseRange } from "../sheet/address";
import type { GridCell, GridSnapshot, MergeArea } from "../sheet/types";
import type { TemplateSheet } from "./types";

/** The snapshot a host would read right after writing `sheet` into an empty worksheet. */
export function templateToGrid(sheet: TemplateSheet): GridSnapshot {
  const merges: MergeArea[] = [];
  for (const m of sheet.merges) {
    const r = parseRange(m);
    if (r) merges.push(r);
  }
  let bottom = 0;
  let right = 0;
  const placed: { row: number; col: number; cell: GridCell }[] = [];
  for (const c of sheet.cells) {
    const at = parseAddress(c.cell);
    if (!at) continue;
    const cell: GridCell = { v: c.value };
    if (c.formula !== undefined) cell.f = c.formula.replace(/^=/, "");
    if (c.numFmt !== undefined && c.numFmt !== "General") cell.fmt = c.numFmt;
    if (cell.v === null && cell.f === undefined && cell.fmt === undefined) continue;
    placed.push({ row: at.row, col: at.col, cell });
    bottom = Math.max(bottom, at.row);
    right = Math.max(right, at.col);
  }
  const border = parseRange(sheet.borderRange);
  if (border) {
    bottom = Math.max(bottom, border.bottom);
    right = Math.max(right, border.right);
  }
  for (const m of merges) {
    bottom = Math.max(bottom, m.bottom);
    right = Math.max(right, m.right);
  }
  const cells: (GridCell | null)[][] = Array.from({ length: bottom }, () =>
    Array<GridCell | null>(right).fill(null),
  );
  for (const p of placed) cells[p.row - 1][p.col - 1] = p.cell;
  return { sheet: sheet.name, top: 1, left: 1, cells, merges, hiddenRows: [], hiddenCols: [] };
}
