/**
 * Which cells to colour for the issues of a report, and the legend (code → colour → label,
 * a catalog key). Pure: hosts apply the marks and keep each cell's earlier fill.
 */
import type { DiagnosticCode } from "../core/types";
import type { MessageKey } from "../i18n/catalog";
// The legend's labels are worded there.
import "../i18n/catalog";
import type { HighlightMark, Report } from "./types";

export type HighlightCode =
  "exceeds-weight" | "missing-value" | "unit-mismatch" | "mismatch" | "pending" | "note-required";

export interface HighlightLegendEntry {
  code: HighlightCode;
  /** `#RRGGBB`, light enough to read black text on. */
  color: string;
  /** Catalog key of the label (worded by the face in its locale). */
  label: MessageKey;
  /** The diagnostics that ask for this colour. */
  diagnostics: DiagnosticCode[];
}

/** In order of precedence: a cell with several issues takes the first colour that applies. */
export const HIGHLIGHT_LEGEND: readonly HighlightLegendEntry[] = [
  {
    code: "exceeds-weight",
    color: "#FFC7CE",
    label: "sheet.mark.exceedsWeight",
    diagnostics: ["SCORE_EXCEEDS_WEIGHT"],
  },
  {
    code: "missing-value",
    color: "#F8CBAD",
    label: "sheet.mark.missingValue",
    diagnostics: ["MISSING_TARGET", "MISSING_ACTUAL", "UNPARSEABLE_VALUE"],
  },
  {
    code: "unit-mismatch",
    color: "#E2CFF1",
    label: "sheet.mark.unitMismatch",
    diagnostics: ["UNIT_MISMATCH"],
  },
  {
    code: "mismatch",
    color: "#FFEB9C",
    label: "sheet.mark.mismatch",
    diagnostics: ["SCORE_MISMATCH", "RATE_MISMATCH", "TOTAL_MISMATCH"],
  },
  {
    code: "pending",
    color: "#BDD7EE",
    label: "sheet.mark.pending",
    diagnostics: ["QUALITATIVE_NEEDS_JUDGEMENT"],
  },
  {
    code: "note-required",
    color: "#C6E0B4",
    label: "sheet.mark.noteRequired",
    diagnostics: ["DEVIATION_NOTE_REQUIRED"],
  },
];

const RANK = new Map<string, { rank: number; color: string }>();
HIGHLIGHT_LEGEND.forEach((entry, rank) => {
  for (const d of entry.diagnostics) RANK.set(d, { rank, color: entry.color });
});

/** One mark per cell named by a diagnostic of the legend; the highest-precedence issue wins. */
export function highlightMarks(report: Report): HighlightMark[] {
  const best = new Map<string, { rank: number; mark: HighlightMark }>();
  for (const d of report.diagnostics) {
    const hit = RANK.get(d.code);
    if (!hit || !d.cell) continue;
    const cell = d.cell.replace(/\$/g, "").toUpperCase();
    const seen = best.get(cell);
    if (seen && seen.rank <= hit.rank) continue;
    best.set(cell, { rank: hit.rank, mark: { cell, color: hit.color, code: d.code } });
  }
  return [...best.values()].map((b) => b.mark);
}
