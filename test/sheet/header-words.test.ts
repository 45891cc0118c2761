/**
 * Header and label words met in published tables beyond LAYOUTS.md's list ("at least these"):
 * a table written with them reads and scores as the same table in the spec's words, and plans
 * the same writes (R-BUDGET, R-TOTAL-1, LAYOUTS header-word table).
 */
import { resolveProfile } from "../../src/core";
import { analyzeSheet } from "../../src/sheet";
import { budgetRole, headerRole, isOneOf, BUDGET_TOTAL_LABELS } from "../../src/sheet/words";
import { build, type In } from "./grid-builder";
import { l1Rows } from "./fixtures";

const profile = resolveProfile("central");

/** l1 with some cell texts replaced: `[row, col (1-based), text]`. */
function l1With(changes: [number, number, string][]) {
  const { rows, merges } = l1Rows();
  const copy: In[][] = rows.map((r) => [...r]);
  for (const [r, c, t] of changes) {
    const row = copy[r - 1];
    while (row.length < c) row.push(null);
    row[c - 1] = t;
  }
  return build(copy, { merges });
}

function summary(g: ReturnType<typeof l1With>) {
  const a = analyzeSheet(g, { profile, file: "t.xlsx" });
  return {
    budget: a.report.budget,
    total: a.report.total,
    scores: a.report.indicators.map((i) => i.score),
    writes: a.plan.writes.map((w) => [w.cell, w.after]),
  };
}

describe("Chongqing budget block words (R-BUDGET)", () => {
  it.each([
    ["执行率权重", "weight"],
    ["执行率分值", "weight"],
    ["执行率得分", "score"],
    ["调整预算数", "adjusted"],
    ["全年（调整）预算数", "budget"],
  ])("%s is the budget block's %s column", (word, role) => {
    expect(budgetRole(word)).toBe(role);
  });

  it("年度总金额 / 总金额 label the budget total row", () => {
    expect(isOneOf("年度总金额：", BUDGET_TOTAL_LABELS)).toBe(true);
    expect(isOneOf("总金额", BUDGET_TOTAL_LABELS)).toBe(true);
  });

  it("a block headed 执行率权重 | 执行率 | 执行率得分 over a 年度总金额 row scores as the spec's words", () => {
    const base = summary(l1With([]));
    const cq = summary(
      l1With([
        [5, 7, "执行率权重"],
        [5, 9, "执行率得分"],
        [6, 2, "年度总金额"],
      ]),
    );
    expect(base.budget?.score).not.toBeNull();
    expect(cq).toEqual(base);
  });
});

describe("indicator header words (LAYOUTS header-word table)", () => {
  it.each([
    ["指标分值", "weight"],
    ["指标分值（分）", "weight"],
    ["单项指标得分", "score"],
    ["单项得分", "score"],
  ])("%s is the %s column", (word, role) => {
    expect(headerRole(word)).toBe(role);
  });

  it("a table headed 指标分值 | 单项指标得分 scores and plans as one headed 分值 | 得分", () => {
    const base = summary(l1With([]));
    const other = summary(
      l1With([
        [12, 7, "指标分值"],
        [12, 8, "单项指标得分"],
      ]),
    );
    expect(base.writes.length).toBeGreaterThan(0);
    expect(other).toEqual(base);
  });

  it("words whose meaning differs are not taken: 权重占比 (a share), 折算得分 (a converted score)", () => {
    expect(headerRole("权重占比")).toBeNull();
    expect(headerRole("折算得分")).toBeNull();
  });
});
