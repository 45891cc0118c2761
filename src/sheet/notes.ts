/** R-DEV draft notes of rows whose layout has no note column, as cell notes. */
import type { DetectedLayout, PlannedNote, Report } from "./types";

/**
 * The draft notes of a report (`IndicatorResult.draftNote`), each on its row's 三级指标
 * cell. Rows sharing one (merged) name cell share one note, their drafts one per line.
 * Pure: nothing is read from or written to a sheet.
 */
export function noteDrafts(report: Report, layout: DetectedLayout | null): PlannedNote[] {
  if (!layout) return [];
  const byCell = new Map<string, string[]>();
  for (const ind of report.indicators) {
    if (!ind.draftNote) continue;
    const cell = layout.cells[`${ind.row}:name`];
    if (!cell) continue;
    const texts = byCell.get(cell) ?? [];
    if (!texts.includes(ind.draftNote)) texts.push(ind.draftNote);
    byCell.set(cell, texts);
  }
  return [...byCell].map(([cell, texts]) => ({ cell, text: texts.join("\n") }));
}
