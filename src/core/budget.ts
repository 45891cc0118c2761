/** R-BUDGET (SCORING.md §4): execution rate, its score, sub-row rates, LOW_EXECUTION and its reason draft. */
import { bandShare } from "./bands";
import Decimal from "decimal.js";
import type { Ctx } from "./context";
import { budgetDraft } from "./deviations";
import {
  num,
  ONE,
  pct,
  pctShort,
  rate4,
  RATE_TOL,
  rateOf,
  reason as whyUnread,
  SCORE_TOL,
  ZERO,
} from "./figures";
import { message } from "./messages";
import { displayText, numberOf } from "./parse";
import { settle, settleNote } from "./write-policy";
import type { BudgetInput, BudgetResult, CellInput, CellOrigin } from "./types";

/** The total row's name when the sheet gives none. */
const TOTAL_ROW_LABEL = "年度资金总额";

const DENOMINATOR_KEY = { 全年预算数: "budget", 调整后预算数: "adjusted", 年初预算数: "planned" } as const;
type DenName = keyof typeof DENOMINATOR_KEY;

export interface BudgetEval {
  result: BudgetResult;
  rate: Decimal | null;
  exact: Decimal | null;
  written: Decimal | null;
  weight: Decimal | null;
}

export function evaluateBudget(ctx: Ctx, b: BudgetInput): BudgetEval {
  const total = b.total;
  const result: BudgetResult = {
    row: total ? total.row : null,
    planned: null,
    budget: null,
    executed: null,
    rate: null,
    weight: null,
    score: null,
    scoreSource: "none",
    denominator: null,
    subRows: [],
  };
  const ev: BudgetEval = { result, rate: null, exact: null, written: null, weight: null };
  const pref = ctx.profile.budgetDenominator;
  let den: DenName | null = null;
  if (b.columns[DENOMINATOR_KEY[pref]]) den = pref;
  else {
    den =
      (["调整后预算数", "全年预算数", "年初预算数"] as DenName[]).find(
        (d) => b.columns[DENOMINATOR_KEY[d]],
      ) ?? null;
    if (den)
      ctx.diag(
        "BUDGET_DENOMINATOR",
        total ? total.row : null,
        total ? "budgetDenominator" : null,
        message("core.budget.denominator", { preferred: pref, used: den }),
      );
  }
  result.denominator = den;
  if (!total) {
    ctx.diag("BUDGET_MISSING", null, null, message("core.budget.noTotalRow"));
    return ev;
  }
  result.planned = num(total.planned)?.toNumber() ?? null;
  result.executed = num(total.executed)?.toNumber() ?? null;
  const denCell = (r: typeof total | BudgetInput["subRows"][number]): CellInput | null =>
    den === null ? null : r[DENOMINATOR_KEY[den]];
  const d = num(denCell(total));
  const e = num(total.executed);
  result.budget = d?.toNumber() ?? null;
  // R-PARSE-2: an unreadable budget figure is named, not taken for an empty one.
  const badDen = numberOf(denCell(total)) === "invalid";
  const badExec = numberOf(total.executed) === "invalid";
  const rowLabel = total.label || TOTAL_ROW_LABEL;
  for (const [bad, c, field, what] of [
    [badDen, denCell(total), "budgetDenominator", den ?? message("core.column.budget")],
    [badExec, total.executed, "budgetExecuted", message("core.column.executed")],
  ] as const)
    if (bad)
      ctx.diag(
        "UNPARSEABLE_VALUE",
        total.row,
        field,
        message("core.budget.unreadable", {
          label: rowLabel,
          column: what,
          text: displayText(c) ?? "",
          reason: whyUnread(c, "core.reason.notNumber"),
        }),
      );
  const wCell = numberOf(total.weight);
  const w = wCell instanceof Decimal ? wCell : new Decimal(ctx.profile.budgetWeightDefault);
  result.weight = w.toNumber();
  ev.weight = w;

  if (!d || d.isZero() || !e) {
    ctx.diag(
      "BUDGET_MISSING",
      total.row,
      "budgetDenominator",
      badDen || badExec
        ? message("core.budget.missing.unreadable", {
            label: rowLabel,
            column: badDen ? (den ?? message("core.column.budget")) : message("core.column.executed"),
          })
        : !d || d.isZero()
          ? message("core.budget.missing.empty", {
              label: rowLabel,
              column: den ?? message("core.column.budget"),
            })
          : message("core.budget.missing.executed", { label: rowLabel }),
    );
  } else {
    const rate = Decimal.max(e, ZERO).div(d);
    ev.rate = rate;
    result.rate = rate4(rate).toNumber();
    checkRate(ctx, total.row, total.rate, total.rateOrigin, rate, total.label);
    if (rate.gt(1))
      ctx.diag(
        "EXECUTION_OVER_100",
        total.row,
        "budgetRate",
        message("core.budget.over100", { rate: pct(rate) }),
      );
    // R-BUDGET: w·min(rate, 1), or with the profile's bands (101号) w·share of the band reached.
    const bands = ctx.profile.budgetBands;
    const score = bands !== null ? w.times(bandShare(bands, rate)) : w.times(Decimal.min(rate, ONE));
    const rounded = ctx.round(score);
    const current = numberOf(total.score);
    const st = settle(ctx, total.score, total.scoreOrigin, rounded, {
      row: total.row,
      field: "budgetScore",
      kind: "score",
      label: message("core.cell.budgetScore"),
      allowReplacePerson: true,
    });
    if (st === "written" || st === "no-cell") {
      ev.exact = score;
      ev.written = rounded;
      result.scoreSource = "computed";
    } else if (current instanceof Decimal) {
      ev.exact = current;
      ev.written = current;
      result.scoreSource = st === "kept-formula" ? "formula" : "person";
      if (current.minus(rounded).abs().gte(SCORE_TOL))
        ctx.diag(
          "SCORE_MISMATCH",
          total.row,
          "budgetScore",
          message("core.budget.scoreMismatch", {
            score: current.toString(),
            rate: pct(rate),
            rule: rounded.toString(),
          }),
        );
      if (current.gt(w))
        ctx.diag(
          "SCORE_EXCEEDS_WEIGHT",
          total.row,
          "budgetScore",
          message("core.budget.scoreOverWeight", { score: current.toString(), weight: w.toString() }),
        );
    }
    result.score = ev.written ? ev.written.toNumber() : null;

    // R-DEV: LOW_EXECUTION, with a reason draft where the block has a reason column.
    const threshold = new Decimal(ctx.profile.lowExecutionThreshold);
    if (rate.lt(threshold)) {
      ctx.diag(
        "LOW_EXECUTION",
        total.row,
        "budgetRate",
        message("core.budget.low", { rate: pct(rate), threshold: pctShort(threshold) }),
      );
      const reason = total.reason;
      if (
        reason &&
        settleNote(ctx, reason, budgetDraft(pct(rate), pctShort(threshold)), {
          row: total.row,
          field: "budgetReason",
        })
      )
        ctx.diag(
          "DEVIATION_NOTE_REQUIRED",
          total.row,
          "budgetReason",
          message("core.budget.noteRequired", { threshold: pctShort(threshold) }),
          reason.id,
        );
    }
  }

  for (const sr of b.subRows) {
    const sd = num(denCell(sr));
    const se = num(sr.executed);
    let r: Decimal | null = null;
    if (sd && !sd.isZero() && se) {
      r = Decimal.max(se, ZERO).div(sd);
      checkRate(ctx, sr.row, sr.rate, sr.rateOrigin, r, sr.label);
    }
    result.subRows.push({ row: sr.row, label: sr.label, rate: r ? rate4(r).toNumber() : null });
  }
  return ev;
}

function checkRate(
  ctx: Ctx,
  row: number,
  cell: CellInput | null,
  origin: CellOrigin,
  rate: Decimal,
  label: string,
): void {
  const r4 = rate4(rate);
  const st = settle(ctx, cell, origin, r4, {
    row,
    field: "budgetRate",
    kind: "rate",
    label: message("core.cell.rate", { label }),
    allowReplacePerson: true,
  });
  if (st === "kept-person" || st === "kept-formula") {
    const cur = rateOf(cell);
    if (cur instanceof Decimal && cur.minus(rate).abs().gte(RATE_TOL))
      ctx.diag(
        "RATE_MISMATCH",
        row,
        "budgetRate",
        message("core.budget.rateMismatch", { label, written: pct(cur), rate: pct(rate) }),
      );
  }
}
