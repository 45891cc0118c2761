/**
 * Scoring one table (SCORING.md), in the spec's order: budget (§4), rows by their rules
 * (§1–§3), deviation notes (§6), level weights and totals (§5), grade (§5). Pure: the input
 * is not modified; what to write comes back as data (`writes`), decided by one write policy.
 */
import { evaluateBudget } from "./budget";
import { Ctx } from "./context";
import { checkPerfExec, draftNotes } from "./deviations";
import { grade as gradeOfTotal, settleGradeCell } from "./grade";
import { asksJudgement, judgedRow } from "./judgement";
import { checkLevels } from "./levels";
import { evaluateRow, type RowEval } from "./row";
import { settleTotalCell, totals } from "./totals";
import type { CoreReport, CoreWrite, Grade, GradeCap, ScoreOptions, TableInput } from "./types";

export function scoreTable(input: TableInput, options: ScoreOptions): CoreReport {
  const profile = options.profile;
  const ctx = new Ctx(profile, !!options.recomputeAll);

  // §4 R-BUDGET
  const budget = input.budget ? evaluateBudget(ctx, input.budget) : null;

  // §1–§3 row rules; R-QUAL: a row awaiting a judgement that was given is scored with it, and
  // so is a proposal (R-QUAL, R-PARSE-9) a person changed before it was written
  const rows: RowEval[] = [];
  const judgementRows: number[] = [];
  const judged: CoreWrite[] = [];
  for (const r of input.indicators) {
    const mark = ctx.mark();
    let ev = evaluateRow(ctx, r, input.layout);
    const asks = ev !== null && asksJudgement(ctx, r.row, mark.diagnostics);
    if (asks) judgementRows.push(r.row);
    if (ev && (asks || ev.result.scoreSource === "proposed")) {
      const j = judgedRow(r, ev, options.judgements?.[r.row]);
      if (j) {
        ctx.rollback(mark);
        ev = evaluateRow(ctx, j.input, input.layout);
        if (j.write) judged.push(j.write);
      }
    }
    if (ev) rows.push(ev);
  }

  // §6 R-DEV draft notes; §5 R-TOTAL-3 level weights
  draftNotes(ctx, rows);
  checkLevels(ctx, rows);

  // §5 R-TOTAL
  const { total, provisional, attainment } = totals(ctx, input, rows, budget);
  if (input.totalRow && total !== null && !provisional) settleTotalCell(ctx, input.totalRow, total);
  checkPerfExec(ctx, attainment, budget);

  // §5 R-GRADE
  let grade: Grade | null = null;
  let gradeCap: GradeCap | null = null;
  if (total !== null) {
    ({ grade, cap: gradeCap } = gradeOfTotal(profile, {
      total,
      budgetRate: budget?.written ? budget.rate : null,
      attainment,
    }));
    if (input.gradeCell && !provisional) settleGradeCell(ctx, input.gradeCell, grade, total);
  }

  return {
    profile: profile.name,
    budget: budget ? budget.result : null,
    indicators: rows.map((r) => r.result),
    total: total ? total.toNumber() : null,
    totalProvisional: provisional,
    grade,
    gradeProvisional: provisional && grade !== null,
    gradeCap,
    diagnostics: ctx.diagnostics,
    writes: [...judged, ...ctx.writes],
    judgementRows,
  };
}
