/** Row rules, budget, totals, grades, deviations and writes (SCORING.md §2–§9). */
import {
  PRESETS,
  qualitativeBands,
  resolveProfile,
  scoreTable,
  type Profile,
  type TableInput,
} from "../../src/core";
import { applyWrites, c, donghuA, donghuBudget, EMPTY, row, table, type RowSpec } from "./fixtures";
import { zhMessage } from "../support/messages";

const central = { profile: PRESETS.central };

function one(spec: RowSpec, profile: Profile = PRESETS.central, recomputeAll = false) {
  const report = scoreTable(table([row(spec)]), { profile, recomputeAll });
  return {
    report,
    ind: report.indicators[0],
    codes: report.diagnostics.map((d) => d.code),
    msg: (code: string) => {
      const d = report.diagnostics.find((x) => x.code === code);
      return d ? zhMessage(d) : undefined;
    },
  };
}

describe("R-DIR", () => {
  it("takes the direction from override, then direction column, then comparator, then positive", () => {
    expect(one({ target: "5次", actual: "6次", weight: 10 }).ind.direction).toBe("positive");
    expect(one({ target: "≤5次", actual: "6次", weight: 10 }).ind.direction).toBe("reverse");
    expect(one({ target: "5", actual: "6", weight: 10, direction: "≤", unit: "次" }).ind.direction).toBe(
      "reverse",
    );
    expect(one({ target: "5", actual: "6", weight: 10, direction: "反向" }).ind.direction).toBe("reverse");
    expect(one({ target: "≥5次", actual: "6次", weight: 10, direction: "≤" }).ind.direction).toBe("reverse");
    expect(
      one({ target: "≥5次", actual: "6次", weight: 10, direction: "≤", override: { direction: "positive" } })
        .ind.direction,
    ).toBe("positive");
    expect(one({ target: "0", actual: "0", weight: 10, direction: "﹦" }).ind.direction).toBe("equal");
    expect(one({ target: "合格", actual: "合格", weight: 10, direction: "定性" }).ind.direction).toBe(
      "qualitative",
    );
  });
});

describe("R-POS", () => {
  it("A > 0: w when B ≥ A, else w·B/A; A = 0: w when B ≥ 0", () => {
    expect(one({ target: "60亿元", actual: "38亿元", weight: 5 }).ind.score).toBe(3.17);
    expect(one({ target: "60亿元", actual: "70亿元", weight: 5 }).ind.score).toBe(5);
    expect(one({ target: "0个", actual: "0个", weight: 5 }).ind.score).toBe(5);
    expect(one({ target: "60亿元", actual: "38亿元", weight: 5 }).ind.completion).toBe(0.6333);
  });
});

describe("R-REV", () => {
  const spec = { target: "≤100万元", actual: "125万元", weight: 10 };
  it("ratio (default): w·A/B", () => {
    expect(one(spec).ind.score).toBe(8);
    expect(one(spec).ind.completion).toBe(0.8);
    expect(one({ ...spec, actual: "90万元" }).ind.score).toBe(10);
  });
  it("linear: w·max(0, 1 − (B − A)/A)", () => {
    expect(one(spec, resolveProfile({ reverseMode: "linear" })).ind.score).toBe(7.5);
    expect(one({ ...spec, actual: "300万元" }, resolveProfile({ reverseMode: "linear" })).ind.score).toBe(0);
  });
  it("binary: 0 once over", () => {
    expect(one(spec, resolveProfile({ reverseMode: "binary" })).ind.score).toBe(0);
  });
  it("A = 0 and B > 0 → 0", () => {
    expect(one({ target: "≤0起", actual: "1起", weight: 10 }).ind.score).toBe(0);
  });
  it("draft states how far over the target it is", () => {
    const r = one(spec);
    expect(r.report.writes.find((w) => w.kind === "note")!.after).toBe(
      "【待补充】测试指标：年度指标值≤100万元，实际125万元，超出指标值25.00%。偏差原因：；改进措施：",
    );
  });
});

describe("R-EQ", () => {
  it("A = 0: w when B ≤ 0 else 0; A > 0 as R-POS", () => {
    expect(one({ target: "=0", actual: "0", weight: 5 }).ind.score).toBe(5);
    expect(one({ target: "=0", actual: "2", weight: 5 }).ind.score).toBe(0);
    expect(one({ target: "=0", actual: "2", weight: 5 }).codes).toContain("UNDER_TARGET");
    expect(one({ target: "=10个", actual: "5个", weight: 5 }).ind.score).toBe(2.5);
    expect(one({ target: "=10个", actual: "5个", weight: 5 }).ind.rule).toBe("R-EQ");
  });
});

describe("R-DATE", () => {
  it("on or before the date → w, else 0", () => {
    expect(one({ target: "2021年12月31日前", actual: "2021年12月31日", weight: 5 }).ind.score).toBe(5);
    expect(one({ target: "2021年12月31日", actual: "2022-01-05", weight: 5 }).ind.score).toBe(0);
    expect(one({ target: "2021年12月31日", actual: c(44566, "yyyy-mm-dd"), weight: 5 }).ind.score).toBe(0);
    expect(one({ target: "2021年12月31日", actual: "2022-01-05", weight: 5 }).ind.completion).toBeNull();
  });
});

describe("R-BIN", () => {
  const text = "达到目标值为满分，否则不得分。";
  it("met → w, else 0 (by rule text or override)", () => {
    expect(one({ target: "≥5%", actual: "4.9%", weight: 5, ruleText: text }).ind.score).toBe(0);
    expect(one({ target: "≥5%", actual: "5%", weight: 5, ruleText: text }).ind.score).toBe(5);
    expect(one({ target: "≥5%", actual: "4.9%", weight: 5, ruleText: text }).ind.rule).toBe("R-BIN");
    expect(one({ target: "≤5次", actual: "6次", weight: 5, override: { rule: "R-BIN" } }).ind.score).toBe(0);
  });
});

describe("R-RATE", () => {
  it("s = w·min(B, 100%)", () => {
    const text = "年度目标值为78%,得分=实际达标率*分值,超过标准分以标准分计分。";
    expect(one({ target: "78%", actual: "71.7%", weight: 3, ruleText: text }).ind.score).toBe(2.15);
    expect(one({ target: "78%", actual: "71.7%", weight: 3, ruleText: text }).ind.rule).toBe("R-RATE");
    expect(one({ target: "78%", actual: "120%", weight: 3, override: { rule: "R-RATE" } }).ind.score).toBe(3);
  });
});

describe("R-QUAL", () => {
  it("proposes w only when the actual is unambiguously 达成; never over an existing score", () => {
    const a = one({ target: "显著", actual: "显著", weight: 10 });
    expect([a.ind.score, a.ind.scoreSource, a.ind.ruleScore]).toEqual([10, "proposed", 10]);
    expect(a.report.writes.map((w) => w.after)).toContain(10);
    const kept = one({ target: "显著", actual: "显著", weight: 10, score: 9 }, PRESETS.central, true);
    expect([kept.ind.score, kept.ind.scoreSource]).toEqual([9, "person"]);
    expect(kept.report.writes.filter((w) => w.field === "score")).toEqual([]);
  });

  it("otherwise an empty score needs judgement, the total is provisional and bands are offered", () => {
    const a = one({ target: "显著", actual: "有一定效果", weight: 10 });
    expect(a.ind.score).toBeNull();
    expect(a.ind.ruleScore).toBeNull();
    expect(a.codes).toEqual(expect.arrayContaining(["QUALITATIVE_NEEDS_JUDGEMENT", "TOTAL_INCOMPLETE"]));
    expect(a.report.totalProvisional).toBe(true);
    expect(a.report.gradeProvisional).toBe(true);
    expect(a.ind.bands).toEqual({ achieved: [8, 10], partial: [6, 8], notAchieved: [0, 6] });
    expect(qualitativeBands(5, PRESETS["municipal-20"])).toEqual({
      achieved: [4, 5],
      partial: [2.5, 4],
      notAchieved: [0, 2.5],
    });
  });

  it("a kept score is checked against closed bands by ladder steps (QUALITATIVE_BAND), never SCORE_MISMATCH", () => {
    expect(one({ target: "显著", actual: "较显著", weight: 10, score: 8 }).codes).not.toContain(
      "QUALITATIVE_BAND",
    );
    expect(one({ target: "长期", actual: "中长期", weight: 5, score: 3 }).codes).not.toContain(
      "QUALITATIVE_BAND",
    );
    const high = one({ target: "显著", actual: "较显著", weight: 10, score: 9 });
    expect(high.codes).toContain("QUALITATIVE_BAND");
    expect(high.msg("QUALITATIVE_BAND")).toBe(
      "测试指标：实际“较显著”对照年度指标值“显著”，得分应在6至8分之间，现为9分。",
    );
    expect(one({ target: "显著", actual: "不显著", weight: 10, score: 7 }).codes).toContain(
      "QUALITATIVE_BAND",
    );
    expect(one({ target: "造成污染", actual: "未造成污染", weight: 10, score: 7 }).codes).toContain(
      "QUALITATIVE_BAND",
    );
    expect(one({ target: "显著", actual: "显著", weight: 10, score: 7 }).codes).not.toContain(
      "SCORE_MISMATCH",
    );
  });

  it("identity is checked before any ladder", () => {
    expect(one({ target: "未造成污染", actual: "未造成污染", weight: 5 }).ind.scoreSource).toBe("proposed");
  });
});

describe("R-LADDER", () => {
  it.each([
    ["显著", "较显著", 1],
    ["明显", "不明显", 2],
    ["长期", "短期", 3],
    ["优", "良", 1],
    ["良好", "优秀", 0],
    ["高", "较低", 3],
    ["有效", "基本有效", 1],
    ["达标", "已完成", 0],
    ["完成", "基本完成", 1],
    ["是", "否", 2],
  ])("%s vs %s: %d steps lower", async (t, a, steps) => {
    const r = one({ target: t, actual: a, weight: 10 });
    if (steps === 0) expect(r.ind.scoreSource).toBe("proposed");
    else {
      expect(r.ind.score).toBeNull();
      expect(r.codes).toContain("UNDER_TARGET");
      const inBand = steps === 1 ? 7 : 3;
      const outBand = steps === 1 ? 3 : 7;
      expect(one({ target: t, actual: a, weight: 10, score: inBand }).codes).not.toContain(
        "QUALITATIVE_BAND",
      );
      expect(one({ target: t, actual: a, weight: 10, score: outBand }).codes).toContain("QUALITATIVE_BAND");
    }
  });

  it("phrases starting with 有效 / 基本 / 未 are placed by prefix when both are", () => {
    expect(one({ target: "有效带动", actual: "基本实现", weight: 10 }).codes).toContain("UNDER_TARGET");
    expect(one({ target: "有效带动", actual: "很好", weight: 10 }).codes).not.toContain("UNDER_TARGET");
  });

  it("profile ladders extend the built-in ones", () => {
    const p = resolveProfile({ ladders: [["好", "较好", "差"]] });
    expect(one({ target: "好", actual: "较好", weight: 10 }, p).codes).toContain("UNDER_TARGET");
    expect(one({ target: "好", actual: "较好", weight: 10 }).codes).not.toContain("UNDER_TARGET");
  });
});

describe("R-TEXT", () => {
  it("recognises checklist, binary, rate and proportional wording; first in the list wins", () => {
    const checklist = one({
      target: "合规",
      actual: "合规",
      weight: 4,
      ruleText: "①②③每有一项不符,各扣1分",
      score: null,
    });
    expect([checklist.ind.rule, checklist.ind.direction, checklist.ind.score]).toEqual([null, null, null]);
    expect(checklist.codes).toContain("QUALITATIVE_NEEDS_JUDGEMENT");
    expect(
      one({ target: "≤5次", actual: "3次", weight: 5, ruleText: "低于目标值得满分，否则不得分" }).ind.rule,
    ).toBe("R-BIN");
    expect(one({ target: "98%", actual: "90%", weight: 3, ruleText: "得分=实际达标率×分值" }).ind.rule).toBe(
      "R-RATE",
    );
    expect(one({ target: "98%", actual: "90%", weight: 3, ruleText: "按完成比例计分" }).ind.rule).toBe(
      "R-POS",
    );
    expect(
      one({ target: "98%", actual: "90%", weight: 3, ruleText: "得分=实际达标率*分值,否则不得分" }).ind.rule,
    ).toBe("R-BIN");
  });

  it("numbers inside the rule text are not extracted; an L3 row is a judgement row", () => {
    const r = one({
      noFigures: true,
      weight: 4,
      score: 3.33,
      ruleText: "得分=实际额/计划额4.3亿美元*100%*分值,超过标准分以标准分计分。",
    });
    expect([r.ind.rule, r.ind.direction, r.ind.score, r.ind.scoreSource]).toEqual([
      null,
      null,
      3.33,
      "person",
    ]);
    expect(r.codes).not.toContain("UNDER_TARGET");
  });
});

describe("R-CAP", () => {
  it("0 ≤ s ≤ w; negative actuals count as 0", () => {
    expect(one({ target: "10个", actual: "-5个", weight: 5 }).ind.score).toBe(0);
    expect(one({ target: "10个", actual: "500个", weight: 5 }).ind.score).toBe(5);
    expect(one({ target: "10个", actual: "10个", weight: 5, score: 6 }).codes).toContain(
      "SCORE_EXCEEDS_WEIGHT",
    );
  });
});

describe("R-ROUND", () => {
  it("half-up to profile.decimals when written", () => {
    expect(one({ target: "8个", actual: "1个", weight: 1 }).ind.score).toBe(0.13); // 0.125
    expect(one({ target: "8个", actual: "1个", weight: 1 }, resolveProfile({ decimals: 1 })).ind.score).toBe(
      0.1,
    );
    expect(one({ target: "3个", actual: "1个", weight: 5 }, resolveProfile({ decimals: 0 })).ind.score).toBe(
      2,
    );
  });
});

function withBudget(
  b: TableInput["budget"],
  rows = [row({ row: 20, target: "3个", actual: "3个", weight: 90 })],
): TableInput {
  return table(rows, { layout: "L1", budget: b });
}

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

describe("R-GRADE-1", () => {
  it.each([
    [90, "优"],
    [89.99, "良"],
    [80, "良"],
    [60, "中"],
    [59.99, "差"],
  ])("total %d → %s", (total, grade) => {
    const r = scoreTable(
      table([row({ row: 10, target: "1个", actual: "1个", weight: 100, score: total })]),
      central,
    );
    expect(r.grade).toBe(grade);
  });
});

describe("R-GRADE-2", () => {
  it("caps lower the grade when their condition holds; budgetRate caps need a budget score", () => {
    const cap = { when: "budgetRate < 0.9", maxGrade: "良" as const };
    const p = resolveProfile({ gradeCaps: [cap] });
    const rows = [row({ row: 20, target: "3个", actual: "3个", weight: 90 })];
    const r = scoreTable(withBudget(donghuBudget(), rows), { profile: p });
    expect(r.total).toBe(98.25);
    expect([r.grade, r.gradeCap]).toEqual(["良", cap]);
    const noBudget = scoreTable(table([row({ row: 10, target: "1个", actual: "1个", weight: 100 })]), {
      profile: p,
    });
    expect([noBudget.grade, noBudget.gradeCap]).toEqual(["优", null]);
    const t = resolveProfile({ gradeCaps: [{ when: "total >= 95", maxGrade: "中" }] });
    expect(
      scoreTable(table([row({ row: 10, target: "1个", actual: "1个", weight: 100 })]), { profile: t }).grade,
    ).toBe("中");
  });

  it("writes the grade only when a grade cell is given", () => {
    const input = table([row({ row: 10, target: "1个", actual: "1个", weight: 100 })], {
      gradeCell: { row: 100, value: EMPTY, origin: "empty" },
    });
    expect(scoreTable(input, central).writes.find((w) => w.field === "grade")?.after).toBe("优");
    expect(
      scoreTable(table([row({ row: 10, target: "1个", actual: "1个", weight: 100 })]), central).writes.map(
        (w) => w.field,
      ),
    ).not.toContain("grade");
  });
});

describe("R-DEV", () => {
  it("UNDER_TARGET on shortfalls and on s < w; OVER_COMPLETION at B ≥ k·A; none for L3 judgement rows", () => {
    expect(one({ target: "10个", actual: "9个", weight: 5 }).codes).toContain("UNDER_TARGET");
    expect(one({ target: "10个", actual: "10个", weight: 5, score: 4 }).codes).toContain("UNDER_TARGET");
    expect(one({ target: "10个", actual: "12个", weight: 5 }).codes).toContain("OVER_COMPLETION");
    expect(one({ target: "10个", actual: "11.9个", weight: 5 }).codes).not.toContain("OVER_COMPLETION");
    expect(one({ target: "10个", actual: "12个", weight: 5 }, PRESETS.guangxi).codes).not.toContain(
      "OVER_COMPLETION",
    );
    expect(one({ target: "1-2次", actual: "2次", weight: 5 }).codes).not.toContain("OVER_COMPLETION");
    expect(one({ target: "1-2次", actual: "3次", weight: 5 }).codes).toContain("OVER_COMPLETION");
    expect(one({ noFigures: true, weight: 5, score: 2 }).codes).not.toContain("UNDER_TARGET");
  });

  it("a qualitative row waiting for judgement counts when the ladder places it below", () => {
    const r = one({ target: "长期", actual: "中期", weight: 5 });
    expect(r.codes).toEqual(
      expect.arrayContaining(["UNDER_TARGET", "QUALITATIVE_NEEDS_JUDGEMENT", "DEVIATION_NOTE_REQUIRED"]),
    );
    expect(r.report.writes.find((w) => w.kind === "note")!.after).toBe(
      "【待补充】测试指标：年度指标值“长期”，实际“中期”，未完全达成年度指标。偏差原因：；改进措施：",
    );
  });

  it("over-completion notes are mandatory only when the profile says so", () => {
    const spec = { target: "10个", actual: "15个", weight: 5 };
    expect(one(spec).report.writes.filter((w) => w.kind === "note")).toEqual([]);
    const gx = one(spec, PRESETS.guangxi);
    expect(gx.codes).toEqual(expect.arrayContaining(["OVER_COMPLETION", "DEVIATION_NOTE_REQUIRED"]));
    expect(String(gx.report.writes.find((w) => w.kind === "note")!.after)).toMatch(/^【待补充】/);
  });

  it("one draft naming each row for a note shared by several rows; a person's note is never changed", () => {
    const shared = { id: "I13", text: null };
    const rows = [
      row({ row: 13, name: "甲", target: "10个", actual: "5个", weight: 50, note: shared }),
      row({ row: 14, name: "乙", target: "10个", actual: "10个", weight: 25, note: shared }),
      row({ row: 15, name: "丙", target: "4次", actual: "3次", weight: 25, note: shared }),
    ];
    const r = scoreTable(table(rows), central);
    const notes = r.writes.filter((w) => w.kind === "note");
    expect(notes).toEqual([
      {
        row: 13,
        field: "note",
        noteId: "I13",
        before: null,
        after:
          "【待补充】甲：年度指标值10个，实际完成值5个，完成率50.00%，未完成年度目标。丙：年度指标值4次，实际完成值3次，完成率75.00%，未完成年度目标。偏差原因：；改进措施：",
        kind: "note",
      },
    ]);
    const person = table(rows.map((x) => ({ ...x, note: { id: "I13", text: "人员调整，进度滞后。" } })));
    const rp = scoreTable(person, central);
    expect(rp.writes.filter((w) => w.kind === "note")).toEqual([]);
    expect(rp.diagnostics.map((d) => d.code)).not.toContain("DEVIATION_NOTE_REQUIRED");
  });

  it("a marked note is refreshed only when its text changes; a missing note cell is reported", () => {
    const stale = one({
      target: "10个",
      actual: "5个",
      weight: 5,
      note: { id: "I10", text: "【待补充】旧的草稿" },
    });
    expect(stale.report.writes.find((w) => w.kind === "note")?.before).toBe("【待补充】旧的草稿");
    const draft = String(stale.report.writes.find((w) => w.kind === "note")!.after);
    const same = one({ target: "10个", actual: "5个", weight: 5, note: { id: "I10", text: draft } });
    expect(same.report.writes.filter((w) => w.kind === "note")).toEqual([]);
    expect(same.codes).toContain("DEVIATION_NOTE_REQUIRED");
    expect(one({ target: "10个", actual: "5个", weight: 5, note: null }).codes).toContain(
      "DEVIATION_NOTE_REQUIRED",
    );
  });

  it("PERF_EXEC_MISMATCH when attainment is more than 5% ahead of execution", () => {
    const r = scoreTable(donghuA(), central);
    expect(zhMessage(r.diagnostics.find((d) => d.code === "PERF_EXEC_MISMATCH")!)).toBe(
      "绩效指标得分率87.04%明显高于预算执行率82.46%，请核实绩效完成情况与资金支出是否匹配。",
    );
    const rows = [row({ row: 20, target: "3个", actual: "2.5个", weight: 90 })];
    expect(
      scoreTable(withBudget(donghuBudget(), rows), central).diagnostics.map((d) => d.code),
    ).not.toContain("PERF_EXEC_MISMATCH");
  });
});

describe("R-WRITE-2", () => {
  it("fills empty cells, keeps a person's value, replaces it only with recomputeAll; program values are updated", () => {
    const spec = { target: "60亿元", actual: "38亿元", weight: 5 };
    expect(one(spec).report.writes.find((w) => w.field === "score")).toEqual({
      row: 10,
      field: "score",
      before: null,
      after: 3.17,
      kind: "score",
    });
    const person = one({ ...spec, score: 4 });
    expect([
      person.ind.score,
      person.ind.scoreSource,
      person.report.writes.filter((w) => w.field === "score"),
    ]).toEqual([4, "person", []]);
    const all = one({ ...spec, score: 4 }, PRESETS.central, true);
    expect([all.ind.score, all.ind.scoreSource]).toEqual([3.17, "computed"]);
    expect(all.report.writes.find((w) => w.field === "score")?.before).toBe(4);
    const program = one({ ...spec, score: 4, scoreOrigin: "program" });
    expect(program.report.writes.find((w) => w.field === "score")?.after).toBe(3.17);
  });

  it("a person's total that differs → TOTAL_MISMATCH, kept; equal values are not listed", () => {
    const base = table([row({ row: 10, target: "1个", actual: "1个", weight: 100, score: 100 })], {
      totalRow: { row: 99, score: c(100), scoreOrigin: "person" },
    });
    expect(scoreTable(base, central).writes).toEqual([]);
  });
});

describe("R-WRITE-3", () => {
  it("a formula cell is never overwritten, not even with recomputeAll (FORMULA_KEPT)", () => {
    const r = one(
      {
        target: "60亿元",
        actual: "38亿元",
        weight: 5,
        score: { value: 4, formula: true },
        scoreOrigin: "formula",
      },
      PRESETS.central,
      true,
    );
    expect(r.report.writes.filter((w) => w.field === "score")).toEqual([]);
    expect([r.ind.score, r.ind.scoreSource, r.report.total]).toEqual([4, "formula", 4]);
    expect(r.report.diagnostics.find((d) => d.code === "FORMULA_KEPT")?.severity).toBe("info");
    const t = scoreTable(
      table([row({ row: 10, target: "1个", actual: "1个", weight: 100 })], {
        totalRow: { row: 99, score: { value: 0, formula: true }, scoreOrigin: "formula" },
      }),
      { profile: PRESETS.central, recomputeAll: true },
    );
    expect(t.writes.map((w) => w.field)).toEqual(["score"]);
    expect(t.diagnostics.map((d) => d.code)).toEqual(
      expect.arrayContaining(["FORMULA_KEPT", "TOTAL_MISMATCH"]),
    );
  });
});

describe("R-WRITE-5", () => {
  it("running twice on an unchanged sheet changes nothing the second time", () => {
    const input = table(
      [
        row({ row: 10, target: "10个", actual: "5个", weight: 40 }),
        row({ row: 11, target: "显著", actual: "显著", weight: 30 }),
        row({ row: 12, target: "≤100万元", actual: "125万元", weight: 30 }),
      ],
      { gradeCell: { row: 100, value: EMPTY, origin: "empty" } },
    );
    const first = scoreTable(input, central);
    expect(first.writes.length).toBeGreaterThan(0);
    const second = scoreTable(applyWrites(input, first.writes), central);
    expect(second.writes).toEqual([]);
    expect(second.total).toBe(first.total);
  });
});

describe("diagnostics (§7)", () => {
  it("UNPARSEABLE_VALUE, MISSING_TARGET, MISSING_ACTUAL, MISSING_WEIGHT name the row, field and figures", () => {
    const text = one({ target: "100%", actual: "基本完成", weight: 5 });
    const unparseable = text.report.diagnostics.find((d) => d.code === "UNPARSEABLE_VALUE")!;
    expect({ ...unparseable, message: zhMessage(unparseable) }).toMatchObject({
      severity: "error",
      row: 10,
      field: "actual",
      message: "测试指标：实际完成值“基本完成”不是数值，无法与年度指标值100%比较。",
    });
    expect(one({ target: { value: "#N/A", error: true }, actual: "1个", weight: 5 }).codes).toContain(
      "UNPARSEABLE_VALUE",
    );
    expect(one({ target: null, actual: "3个", weight: 5 }).codes).toContain("MISSING_TARGET");
    expect(one({ target: "3个", actual: null, weight: 5 }).codes).toContain("MISSING_ACTUAL");
    const noWeight = one({ target: "3个", actual: "3个", weight: null });
    expect(noWeight.report.diagnostics.find((d) => d.code === "MISSING_WEIGHT")).toMatchObject({
      row: 10,
      field: "weight",
    });
    expect(noWeight.report.totalProvisional).toBe(true);
    expect(one({ target: "3个", actual: "3个", weight: "五分" }).codes).toContain("UNPARSEABLE_VALUE");
  });

  it("every diagnostic of the reference run has a severity and a Chinese message", () => {
    const r = scoreTable(donghuA(), central);
    for (const d of r.diagnostics) {
      expect(["error", "warning", "info"]).toContain(d.severity);
      expect(zhMessage(d)).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("a weight written as 10% or 5分 is read as points", () => {
    expect(one({ target: "3个", actual: "3个", weight: "10%" }).ind.weight).toBe(10);
    expect(one({ target: "3个", actual: "3个", weight: "5分" }).ind.weight).toBe(5);
  });
});
