/** Which sheet to score when none is named (REPORT.md "Command line"). */
import { Grid } from "./grid";
import { detectTables, rememberDetection } from "./detect";
import { RECORD_SHEET } from "./record";
import type { GridSnapshot } from "./types";

const NAME_WORDS = ["自评表", "评分表", "自评"];

function hasTable(grid: GridSnapshot): boolean {
  try {
    const g = new Grid(grid);
    const found = detectTables(g);
    // The analysis of the chosen sheet takes this detection over instead of repeating it.
    rememberDetection(grid, g, found);
    return !("missing" in found);
  } catch {
    return false;
  }
}

/**
 * `wanted` when given (null when there is no such sheet); else the first sheet whose name
 * contains 自评表 / 评分表 / 自评 and holds a table, else the first sheet holding a table,
 * else the first sheet so named, else the first sheet. null only for an empty list.
 */
export function chooseSheet(sheets: { name: string; grid: GridSnapshot }[], wanted?: string): string | null {
  const list = sheets.filter((s) => s.name !== RECORD_SHEET);
  if (wanted !== undefined && wanted !== null && wanted !== "") {
    return list.some((s) => s.name === wanted) ? wanted : null;
  }
  // One candidate is the answer whatever it holds: no need to look for a table.
  if (list.length === 1) return list[0].name;
  const tables = new Map<GridSnapshot, boolean>();
  const table = (s: { grid: GridSnapshot }): boolean => {
    let t = tables.get(s.grid);
    if (t === undefined) tables.set(s.grid, (t = hasTable(s.grid)));
    return t;
  };
  const named = list.filter((s) => NAME_WORDS.some((w) => s.name.includes(w)));
  return named.find(table)?.name ?? list.find(table)?.name ?? named[0]?.name ?? list[0]?.name ?? null;
}
