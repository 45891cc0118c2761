/** Which sheet to score when none is named (REPORT.md "Command line"). */
import { detectSnapshot, type Detection } from "./detect";
import { RECORD_SHEET } from "./record";
import type { GridSnapshot } from "./types";

const NAME_WORDS = ["自评表", "评分表", "自评"];

function detected(grid: GridSnapshot): Detection | null {
  try {
    return detectSnapshot(grid);
  } catch {
    return null;
  }
}

/**
 * `wanted` when given (null when there is no such sheet); else the first sheet whose name
 * contains 自评表 / 评分表 / 自评 and holds a table, else the first sheet holding a table,
 * else the first sheet so named, else the first sheet. null only for an empty list.
 */
export function chooseSheet(sheets: { name: string; grid: GridSnapshot }[], wanted?: string): string | null {
  return chooseSheetDetected(sheets, wanted)?.name ?? null;
}

/**
 * `chooseSheet`, with the detection it made of the chosen sheet (null when it made none: a
 * sheet named, or the only one), for the analysis of that sheet to take over.
 */
export function chooseSheetDetected(
  sheets: { name: string; grid: GridSnapshot }[],
  wanted?: string,
): { name: string; detection: Detection | null } | null {
  const list = sheets.filter((s) => s.name !== RECORD_SHEET);
  if (wanted !== undefined && wanted !== null && wanted !== "") {
    return list.some((s) => s.name === wanted) ? { name: wanted, detection: null } : null;
  }
  // One candidate is the answer whatever it holds: no need to look for a table.
  if (list.length === 1) return { name: list[0].name, detection: null };
  const detections = new Map<GridSnapshot, Detection | null>();
  const detectionOf = (s: { grid: GridSnapshot }): Detection | null => {
    const grid = s.grid;
    let d = detections.get(grid);
    if (d === undefined) detections.set(grid, (d = detected(grid)));
    return d;
  };
  const table = (s: { grid: GridSnapshot }): boolean => {
    const d = detectionOf(s);
    return d !== null && !("missing" in d.found);
  };
  const named = list.filter((s) => NAME_WORDS.some((w) => s.name.includes(w)));
  const chosen = named.find(table) ?? list.find(table) ?? named[0] ?? list[0];
  if (!chosen) return null;
  const grid = chosen.grid;
  return { name: chosen.name, detection: detections.get(grid) ?? null };
}
