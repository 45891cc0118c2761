/** R-BUDGET (SCORING.md §4). */
import { PRESETS, scoreTable } from "../../src/core";
import { c, donghuBudget, EMPTY } from "./fixtures";
import { central, withBudget } from "./rules/helpers";
import { zhMessage } from "../support/messages";

describe("R-BUDGET", () => {
  it("rate = 执行数 / 全年预算数, score = w·min(rate, 1); rates written as 4-decimal fractions", () => {
    const r = scoreTable(withBudget(donghuBudget()), central);
    expect(r.budget).toMatchObject({
      rate: 0.8246,
      score: 8.25,
      weight: 10,
      denominator: "全年预算数",
      scoreSource: "computed",
    });
    expect(r.writes.filter((w) => w.kind === "rate").map((w) => [w.row, w.after])).toEqual([
      [6, 0.8246],
      [7, 0.8246],
    ]);
  });

  it("falls back to the first present denominator with BUDGET_DENOMINATOR; municipal-20 prefers 调整后预算数", () => {
    const b = donghuBudget();
    b.columns = { planned: true, budget: false, adjusted: true, executed: true };
    b.total!.adjusted = c(200);
    const r = scoreTable(withBudget(b), central);
    expect(r.budget!.denominator).toBe("调整后预算数");
    expect(r.diagnostics.find((d) => d.code === "BUDGET_DENOMINATOR")?.severity).toBe("info");
    const m = scoreTable(withBudget(b), { profile: PRESETS["municipal-20"] });
    expect(m.diagnostics.map((d) => d.code)).not.toContain("BUDGET_DENOMINATOR");
  });

  it("blank weight → budgetWeightDefault; rate > 100% capped with EXECUTION_OVER_100; zero denominator → BUDGET_MISSING", () => {
    const b = donghuBudget();
    b.total!.weight = EMPTY;
    b.total!.executed = c(220);
    const r = scoreTable(withBudget(b), { profile: PRESETS["municipal-20"] });
    expect(r.budget!.weight).toBe(20);
    expect(r.budget!.score).toBe(20);
    expect(r.diagnostics.map((d) => d.code)).toContain("EXECUTION_OVER_100");
    const z = donghuBudget();
    z.total!.budget = c(0);
    const rz = scoreTable(withBudget(z), central);
    expect(rz.budget!.score).toBeNull();
    expect(rz.diagnostics.find((d) => d.code === "BUDGET_MISSING")?.severity).toBe("error");
    expect(rz.totalProvisional).toBe(true);
  });

  it("R-PARSE-2: an implausible budget or 执行数 → UNPARSEABLE_VALUE naming it, no rate and no budget score", () => {
    const b = donghuBudget();
    b.total!.budget = c(2e15);
    const r = scoreTable(withBudget(b), { ...central, recomputeAll: true });
    const bad = r.diagnostics.find((d) => d.code === "UNPARSEABLE_VALUE");
    expect(bad?.field).toBe("budgetDenominator");
    expect(zhMessage(bad!)).toContain("年度资金总额");
    expect(r.budget!.rate).toBeNull();
    expect(r.budget!.score).toBeNull();
    expect(r.budget!.budget).toBeNull();
    expect(r.writes.filter((w) => w.row === 6)).toEqual([]);
    expect(zhMessage(r.diagnostics.find((d) => d.code === "BUDGET_MISSING")!)).toContain("无法识别");

    const e = donghuBudget();
    e.total!.executed = c(1e300);
    const re = scoreTable(withBudget(e), central);
    expect(re.diagnostics.find((d) => d.code === "UNPARSEABLE_VALUE")?.field).toBe("budgetExecuted");
    expect(re.budget!.executed).toBeNull();
    expect(re.budget!.rate).toBeNull();
  });

  it("R-PARSE-2, R-BUDGET: a denominator that is a floating-point residue (5e-324) reads as 0 → BUDGET_MISSING, nothing written", () => {
    const b = donghuBudget();
    b.total!.budget = c(5e-324);
    const r = scoreTable(withBudget(b), { ...central, recomputeAll: true });
    expect(r.diagnostics.find((d) => d.code === "BUDGET_MISSING")?.severity).toBe("error");
    expect(r.budget!.rate).toBeNull();
    expect(r.budget!.score).toBeNull();
    expect(r.writes.filter((w) => w.row === 6)).toEqual([]);
  });

  it("a person's rate that differs by 0.00005 or more → RATE_MISMATCH; a formula is kept (FORMULA_KEPT)", () => {
    const b = donghuBudget();
    b.total!.rate = c(0.82, "0.00%");
    b.total!.rateOrigin = "person";
    b.total!.score = { value: 8.2, formula: true };
    b.total!.scoreOrigin = "formula";
    const r = scoreTable(withBudget(b), central);
    expect(zhMessage(r.diagnostics.find((d) => d.code === "RATE_MISMATCH")!)).toBe(
      "年度资金总额执行率填写为82.00%，按执行数÷预算数计算应为82.46%。",
    );
    expect(r.diagnostics.map((d) => d.code)).toContain("FORMULA_KEPT");
    expect(r.budget!.scoreSource).toBe("formula");
    expect(r.writes.filter((w) => w.row === 6)).toEqual([]);
  });

  it("LOW_EXECUTION drafts the budget reason where the block has a reason column", () => {
    const b = donghuBudget();
    b.total!.reason = { id: "K6", text: null };
    const r = scoreTable(withBudget(b), central);
    expect(r.writes.find((w) => w.field === "budgetReason")?.after).toBe(
      "【待补充】预算执行率82.46%，低于90%。原因：；改进措施：",
    );
    expect(r.diagnostics.filter((d) => d.code === "DEVIATION_NOTE_REQUIRED").map((d) => d.field)).toEqual([
      "budgetReason",
    ]);
  });
});
