/** R-TOTAL (SCORING.md §5): the total, its weights, whether it is provisional, and the total cell. */
import Decimal from "decimal.js";
import type { BudgetEval } from "./budget";
import type { Ctx } from "./context";
import { HUNDRED, SCORE_TOL, ZERO } from "./figures";
import { message } from "./messages";
import { numberOf } from "./parse";
import type { RowEval } from "./row";
import { settle } from "./write-policy";
import type { TableInput } from "./types";

export interface Totals {
  /** Rounded per profile; null for a table with neither rows nor budget. */
  total: Decimal | null;
  /** R-TOTAL-2: a row without a score, or a budget score that cannot be computed. */
  provisional: boolean;
  /** Σ row scores / Σ weights of the rows that have a score (R-DEV); null without such rows. */
  attainment: Decimal | null;
}

/** R-TOTAL-1..4: sums the scores per `profile.totalPolicy`, checks the weights, says what is missing. */
export function totals(ctx: Ctx, input: TableInput, rows: RowEval[], budget: BudgetEval | null): Totals {
  const profile = ctx.profile;
  const policyRounded = profile.totalPolicy === "sum-of-rounded";
  let sum = ZERO;
  const pending: number[] = [];
  // R-DIR: a row whose direction cannot be read keeps the total provisional even when a person
  // scored it, "until a person sets the direction" (its score cannot be checked).
  const unchecked: number[] = [];
  let weightSum = ZERO;
  let scoredRows = ZERO;
  let scoredWeights = ZERO;
  for (const r of rows) {
    if (r.weight) weightSum = weightSum.plus(r.weight);
    const s = policyRounded ? r.written : r.exact;
    if (r.directionUnknown && s !== null) unchecked.push(r.input.row);
    if (s === null) {
      pending.push(r.input.row);
      continue;
    }
    sum = sum.plus(s);
    scoredRows = scoredRows.plus(s);
    if (r.weight) scoredWeights = scoredWeights.plus(r.weight);
  }
  if (budget) {
    if (budget.weight && input.budget?.total) weightSum = weightSum.plus(budget.weight);
    const bs = policyRounded ? budget.written : budget.exact;
    if (bs) sum = sum.plus(bs);
  }
  const budgetMissing = !!input.budget && !budget?.written;
  let provisional = pending.length > 0 || unchecked.length > 0 || budgetMissing;

  // R-TOTAL-4
  if (profile.rescaleNotApplicable && weightSum.gt(0) && !weightSum.eq(HUNDRED))
    sum = sum.times(HUNDRED).div(weightSum);
  const total = rows.length > 0 || budget ? ctx.round(sum) : null;
  if (rows.length === 0 && !budget) provisional = false;

  // R-TOTAL-3
  if (rows.length > 0 && !weightSum.eq(HUNDRED) && !profile.rescaleNotApplicable)
    ctx.diag("WEIGHT_SUM", null, null, message("core.total.weightSum", { sum: weightSum.toString() }));

  if (provisional && total !== null) {
    const onlyUnchecked = pending.length === 0 && !budgetMissing;
    const key = onlyUnchecked
      ? "core.total.incomplete.direction"
      : pending.length === 0
        ? "core.total.incomplete.budget"
        : budgetMissing
          ? "core.total.incomplete.both"
          : "core.total.incomplete.rows";
    const listed = onlyUnchecked ? unchecked : pending;
    ctx.diag(
      "TOTAL_INCOMPLETE",
      input.totalRow ? input.totalRow.row : null,
      input.totalRow ? "total" : null,
      message(key, { count: listed.length, rows: listed, total: total.toString() }),
    );
  }
  const attainment = scoredWeights.gt(0) ? scoredRows.div(scoredWeights) : null;
  return { total, provisional, attainment };
}

/** R-TOTAL-5 and the total cell (R-WRITE-2/3): a final total is written, or compared with the one there. */
export function settleTotalCell(
  ctx: Ctx,
  totalRow: NonNullable<TableInput["totalRow"]>,
  total: Decimal,
): void {
  const current = numberOf(totalRow.score);
  const st = settle(ctx, totalRow.score, totalRow.scoreOrigin, total, {
    row: totalRow.row,
    field: "total",
    kind: "total",
    label: message("core.cell.total"),
    allowReplacePerson: true,
  });
  if (
    (st === "kept-person" || st === "kept-formula") &&
    current instanceof Decimal &&
    current.minus(total).abs().gte(SCORE_TOL)
  )
    ctx.diag(
      "TOTAL_MISMATCH",
      totalRow.row,
      "total",
      message("core.total.mismatch", { score: current.toString(), total: total.toString() }),
    );
}
