/** Test helpers: find and fill cells of a template grid as a user would. */
import { parseAddress } from "../../src/sheet/address";
import type { CellValue, GridCell, GridSnapshot } from "../../src/sheet/types";
import type { TemplateSheet } from "../../src/templates";
import { editable } from "../support/grid-edit";

export function cellAt(grid: GridSnapshot, row: number, col: number): GridCell | null {
  return grid.cells[row - grid.top]?.[col - grid.left] ?? null;
}

export function setCell(grid: GridSnapshot, row: number, col: number, v: CellValue, fmt?: string): void {
  const r = row - grid.top;
  const c = col - grid.left;
  const cells = editable(grid).cells;
  while (cells.length <= r) cells.push([]);
  const line = cells[r];
  while (line.length <= c) line.push(null);
  const cell: GridCell = { v };
  const old = line[c];
  if (fmt !== undefined) cell.fmt = fmt;
  else if (old?.fmt !== undefined) cell.fmt = old.fmt;
  line[c] = cell;
}

/** The (first) template cell holding exactly `value`. */
export function findCell(sheet: TemplateSheet, value: string, col?: number): { row: number; col: number } {
  for (const c of sheet.cells) {
    const at = parseAddress(c.cell);
    if (at && c.value === value && (col === undefined || at.col === col)) return at;
  }
  throw new Error(`no cell holds ${value}`);
}

/** Numbers stated in level labels such as `产出指标（50分）`. */
export function statedWeight(label: string): number | null {
  const m = /[（(](\d+(?:\.\d+)?)分[）)]\s*$/.exec(label);
  return m ? Number(m[1]) : null;
}
