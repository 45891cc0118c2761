/**
 * R-QUAL judgements given outside the sheet (the pane): a person's score for a row that
 * awaits one, from 0 to the row's weight, is scored as that person's score in the row's
 * score cell, and written there.
 */
import type { Ctx } from "./context";
import type { RowEval } from "./row";
import type { CoreWrite, IndicatorRowInput } from "./types";
import { sameValue } from "./write-policy";

/** True when the row evaluated since `diagnostics` reported asked for a judgement. */
export function asksJudgement(ctx: Ctx, row: number, diagnostics: number): boolean {
  for (let i = diagnostics; i < ctx.diagnostics.length; i++) {
    const d = ctx.diagnostics[i];
    if (d.code === "QUALITATIVE_NEEDS_JUDGEMENT" && d.row === row) return true;
  }
  return false;
}

/**
 * The row as the judgement makes it (its score cell holding `value`, a person's) and the
 * write of that score (null when the cell holds it already, R-WRITE-1); null when the judgement does not apply: not a number from 0 to the
 * row's weight, or no score cell, or a formula there (R-WRITE-3).
 */
export function judgedRow(
  row: IndicatorRowInput,
  ev: RowEval,
  value: number | undefined,
): { input: IndicatorRowInput; write: CoreWrite | null } | null {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) return null;
  if (ev.weight === null || ev.weight.lt(value)) return null;
  const cell = row.score;
  if (cell === null || cell.formula || row.scoreOrigin === "formula") return null;
  const score = { ...cell, value };
  delete score.text;
  const write: CoreWrite | null = sameValue(cell.value, value)
    ? null
    : { row: row.row, field: "score", before: cell.value, after: value, kind: "score", judgement: true };
  return { input: { ...row, score, scoreOrigin: "person" }, write };
}
