/** R-TOTAL (SCORING.md §5). */
import { resolveProfile, scoreTable } from "../../src/core";
import { c, donghuBudget, row, table } from "./fixtures";
import { central, one, withBudget } from "./rules/helpers";
import { zhMessage } from "../support/messages";

describe("R-TOTAL-1", () => {
  it("total = budget score + Σ row scores (computed, proposed, person's, formula results)", () => {
    const rows = [
      row({ row: 10, target: "3个", actual: "1个", weight: 30 }),
      row({ row: 11, target: "好", actual: "好", weight: 30 }),
      row({ row: 12, target: "显著", actual: "较显著", weight: 20, score: 16 }),
      row({
        row: 13,
        target: "3个",
        actual: "3个",
        weight: 10,
        score: { value: 10, formula: true },
        scoreOrigin: "formula",
      }),
    ];
    const r = scoreTable(withBudget(donghuBudget(), rows), central);
    expect(r.total).toBe(8.25 + 10 + 30 + 16 + 10);
  });
});

describe("R-TOTAL-2", () => {
  it("a row without a score leaves the total provisional: computed, not written, not compared", () => {
    const r = scoreTable(
      table(
        [
          row({ row: 10, target: "3个", actual: "3个", weight: 50 }),
          row({ row: 11, target: "显著", actual: "一些", weight: 50 }),
        ],
        {
          totalRow: { row: 99, score: c(70), scoreOrigin: "person" },
        },
      ),
      central,
    );
    expect([r.total, r.totalProvisional, r.grade, r.gradeProvisional]).toEqual([50, true, "差", true]);
    expect(r.writes.filter((w) => w.field === "total")).toEqual([]);
    expect(r.diagnostics.map((d) => d.code)).not.toContain("TOTAL_MISMATCH");
    expect(zhMessage(r.diagnostics.find((d) => d.code === "TOTAL_INCOMPLETE")!)).toContain("第11行");
  });
});

describe("R-TOTAL-3", () => {
  it("weights ≠ 100 → WEIGHT_SUM; a stated level weight ≠ its rows → LEVEL_WEIGHT_MISMATCH, grouped by normalised label", () => {
    const r = scoreTable(
      table([
        row({
          row: 3,
          level1: "决  策 (15分)",
          level2: "项目立项 (4分)",
          target: "1个",
          actual: "1个",
          weight: 2,
        }),
        row({ row: 4, level1: "决策", level2: "项目立项", target: "1个", actual: "1个", weight: 3 }),
        row({
          row: 5,
          level1: "过程（15分）",
          level2: "资金管理(11分)",
          target: "1个",
          actual: "1个",
          weight: 11,
        }),
        row({ row: 6, level1: "决\n策", level2: "绩效目标", target: "1个", actual: "1个", weight: 10 }),
      ]),
      central,
    );
    const lvl = r.diagnostics.filter((d) => d.code === "LEVEL_WEIGHT_MISMATCH").map(zhMessage);
    expect(lvl).toEqual([
      "二级指标“项目立项”标明4分，其下各项分值合计为5分。",
      "一级指标“过程”标明15分，其下各项分值合计为11分。",
    ]);
    expect(r.diagnostics.find((d) => d.code === "WEIGHT_SUM")).toMatchObject({ row: null, field: null });
  });
});

describe("R-TOTAL-4", () => {
  it("rescaleNotApplicable: total × 100 / Σ applicable weights", () => {
    const rows = [
      row({ row: 10, target: "4个", actual: "3个", weight: 40 }),
      row({ row: 11, target: "1个", actual: "1个", weight: 40 }),
    ];
    expect(scoreTable(table(rows), central).total).toBe(70);
    expect(scoreTable(table(rows), { profile: resolveProfile({ rescaleNotApplicable: true }) }).total).toBe(
      87.5,
    );
  });
});

describe("R-TOTAL-5", () => {
  it("a written row score that differs by 0.005 or more → SCORE_MISMATCH naming both", () => {
    const r = one({ target: "60亿元", actual: "38亿元", weight: 5, score: 3.2 });
    expect(r.msg("SCORE_MISMATCH")).toBe("测试指标：得分填写为3.2，按规则计算应为3.17。");
    expect(r.ind.scoreSource).toBe("person");
    expect(r.ind.ruleScore).toBe(3.17);
    expect(one({ target: "60亿元", actual: "38亿元", weight: 5, score: 3.174 }).codes).not.toContain(
      "SCORE_MISMATCH",
    );
  });
});
