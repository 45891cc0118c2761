/**
 * Editing a grid a test built. Snapshots are read-only (`GridSnapshot`): a host hands out the
 * snapshot as read and copies where it needs a changed one. Tests that set up a sheet change
 * cells of their own grid, through these.
 */
import type { GridCell, GridSnapshot, MergeArea } from "../../src/sheet/types";

/** A grid with writable cells: a sheet a test is still filling, before anything reads it. */
export type EditableGrid = Omit<GridSnapshot, "cells" | "merges" | "hiddenRows" | "hiddenCols"> & {
  cells: (GridCell | null)[][];
  merges: MergeArea[];
  hiddenRows: number[];
  hiddenCols: number[];
};

/** The same grid, writable: only for a grid the test built and nothing has read yet. */
export function editable(grid: GridSnapshot): EditableGrid {
  return grid as EditableGrid;
}

/** A copy of the grid with the cell at a sheet row and column (1-based) replaced; rows grow to reach it. */
export function withCell(grid: GridSnapshot, row: number, col: number, cell: GridCell | null): GridSnapshot {
  const r = row - grid.top;
  const c = col - grid.left;
  const cells = grid.cells.map((line) => line.slice());
  while (cells.length <= r) cells.push([]);
  while (cells[r].length <= c) cells[r].push(null);
  cells[r][c] = cell;
  return { ...grid, cells };
}
