/**
 * "Why this score" (src/sheet/explain.ts): every rule family of src/core/rules has a sentence,
 * and each sentence states the figures the core used and ends on the score the core gave.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { PRESETS, resolveProfile, type Profile, type RuleId } from "../../src/core";
import { RULES } from "../../src/core/rules";
import { explainBudget, explainRow, explanationText } from "../../src/sheet/explain";
import { one } from "../core/rules/helpers";
import type { RowSpec } from "../core/fixtures";
import { REFERENCE_DIR } from "../support/expected";
import { scoreWorkbook } from "../support/exceljs-reader";

const zh = (spec: RowSpec, profile: Profile = PRESETS.central, judged = false) =>
  explainRow(one(spec, profile).ind, { profile, judged }, "zh-CN");
const en = (spec: RowSpec, profile: Profile = PRESETS.central) =>
  explainRow(one(spec, profile).ind, { profile }, "en-US");

describe("explainRow: one sentence per rule family, with real figures", () => {
  it("R-POS: 实际3.58亿美元 ÷ 指标4.3亿美元 = 83.26%，× 5分 = 4.16分 (reference A, row 13)", async () => {
    const bytes = readFileSync(join(REFERENCE_DIR, "A-donghu-2021-selfeval-blank.xlsx"));
    const { analysis } = await scoreWorkbook(bytes, "A.xlsx", { profile: PRESETS.central });
    const row13 = analysis.report.indicators.find((r) => r.row === 13)!;
    expect(explainRow(row13, { profile: PRESETS.central }, "zh-CN")).toEqual([
      "实际3.58亿美元 ÷ 指标4.3亿美元 = 83.26%，× 5分 = 4.16分。",
    ]);
    expect(explainRow(row13, { profile: PRESETS.central }, "en-US")).toEqual([
      "Actual 3.58亿美元 ÷ target 4.3亿美元 = 83.26%, × 5 points = 4.16 points.",
    ]);
    // Over-completion is capped at the weight (R-CAP): 利用外资增幅 5% → 8.1%.
    const row22 = analysis.report.indicators.find((r) => r.row === 22)!;
    expect(explainRow(row22, { profile: PRESETS.central }, "zh-CN")).toEqual([
      "实际8.1% ≥ 指标5%，完成指标，得满分5分。",
    ]);
    // R-BUDGET: 170.69 ÷ 207 = 82.46%, × 10 = 8.25.
    expect(explainBudget(analysis.report.budget!, { profile: PRESETS.central }, "zh-CN")).toEqual([
      "执行数170.69 ÷ 全年预算数207 = 执行率82.46%，× 10分 = 8.25分。",
    ]);
  });

  it("R-POS: a bare actual takes the target's unit (UNIT_ASSUMED)", () => {
    expect(zh({ target: "4.3亿美元", actual: 3.58, weight: 5 })).toEqual([
      "实际3.58亿美元 ÷ 指标4.3亿美元 = 83.26%，× 5分 = 4.16分。",
    ]);
  });

  it("R-POS ranges: scored against the lower end", () => {
    expect(zh({ target: "80%-90%", actual: "60%", weight: 4 })).toEqual([
      "实际60% ÷ 区间80%-90%的下限 = 75.00%，× 4分 = 3.00分。",
    ]);
    expect(zh({ target: "1-2次", actual: "2次", weight: 3 })).toEqual([
      "实际2次不低于区间1-2次的下限，完成指标，得满分3分。",
    ]);
  });

  it("R-REV: ratio, linear and binary modes; A = 0", () => {
    const spec = { target: "≤100万元", actual: "125万元", weight: 10 };
    expect(zh(spec)).toEqual([
      "实际125万元超过指标≤100万元（越低越好）：指标 ÷ 实际 = 80.00%，× 10分 = 8.00分。",
    ]);
    expect(zh(spec, resolveProfile({ reverseMode: "linear" }))).toEqual([
      "实际125万元超过指标≤100万元（越低越好）25.00%，按超出比例扣分：10分 × (1 − 25.00%) = 7.50分。",
    ]);
    expect(zh(spec, resolveProfile({ reverseMode: "binary" }))).toEqual([
      "实际125万元超过指标≤100万元（越低越好），按口径超过即不得分：0分。",
    ]);
    expect(zh({ ...spec, actual: "90万元" })).toEqual([
      "实际90万元 ≤ 指标≤100万元，完成指标（越低越好），得满分10分。",
    ]);
    expect(zh({ target: "≤0起", actual: "1起", weight: 10 })).toEqual([
      "指标为≤0起（0，越低越好），实际1起大于0，不得分：0分。",
    ]);
  });

  it("R-EQ: A = 0", () => {
    expect(zh({ target: "=0起", actual: "0起", weight: 5 })).toEqual([
      "指标为=0起（应为0），实际0起不大于0，得满分5分。",
    ]);
    expect(zh({ target: "=0起", actual: "2起", weight: 5 })).toEqual([
      "指标为=0起（应为0），实际2起大于0，不得分：0分。",
    ]);
  });

  it("R-DATE: on time or late", () => {
    expect(zh({ target: "2021年12月31日前", actual: "2021年11月30日", weight: 5 })).toEqual([
      "实际2021年11月30日不晚于指标2021年12月31日前，按时完成，得满分5分。",
    ]);
    expect(zh({ target: "2021年6月30日", actual: "2021年7月15日", weight: 5 })[0]).toBe(
      "实际2021年7月15日晚于指标2021年6月30日，未按时完成，不得分：0分。",
    );
  });

  it("R-BIN (by rule text): all or nothing", () => {
    const rule = "达到目标值为满分，否则不得分";
    expect(zh({ target: "95%", actual: "94%", weight: 5, ruleText: rule })).toEqual([
      "按“达标即满分，否则不得分”：实际94%未达到指标95%，得0分。",
    ]);
    expect(zh({ target: "95%", actual: "96%", weight: 5, ruleText: rule })).toEqual([
      "按“达标即满分，否则不得分”：实际96%达到指标95%，得满分5分。",
    ]);
  });

  it("R-RATE (by rule text): rate × weight", () => {
    expect(zh({ target: "100%", actual: "92%", weight: 10, ruleText: "得分=实际达标率×分值" })).toEqual([
      "按“得分 = 实际达标率 × 分值”：92.00% × 10分 = 9.20分。",
    ]);
  });

  it("R-QUAL: proposal (with the 建议 tag explained), pending judgement, a person's score", () => {
    const proposed = zh({ target: "充分", actual: "充分", weight: 8 });
    expect(proposed[0]).toBe("定性指标：实际“充分”与指标“充分”一致或更高，视为达成，建议给满分8分。");
    expect(proposed[1]).toMatch(/^“建议”分不是公式算出的.*不会覆盖已填写的得分/);
    expect(zh({ target: "显著", actual: "有一定效果", weight: 10 })).toEqual([
      "定性指标：实际“有一定效果”与指标“显著”无法自动比对，需要您判断：达成8–10分；部分达成6–8分；未达成0–6分。",
    ]);
    expect(zh({ target: "显著", actual: "较显著", weight: 10, score: 8 })[0]).toBe(
      "定性指标（指标“显著”，实际“较显著”）由人工判断打分：8.00分（满分10分）。",
    );
    expect(zh({ target: "显著", actual: "较显著", weight: 10, score: 8 }, PRESETS.central, true)[0]).toBe(
      "定性指标（指标“显著”，实际“较显著”）：您在本页判断给8.00分（满分10分）。",
    );
  });

  it("R-THRESHOLD (101号): 83.26% of 5 points with pass mark 60% gives 2.91", () => {
    const p = PRESETS["central-2021"];
    expect(zh({ target: "4.3亿美元", actual: "3.58亿美元", weight: 5 }, p)).toEqual([
      "实际3.58亿美元 ÷ 指标4.3亿美元 = 83.26%，不低于及格线60%：5分 × (83.26% − 60%) ÷ (100% − 60%) = 2.91分。",
    ]);
    expect(zh({ target: "100个", actual: "50个", weight: 5 }, p)[0]).toMatch(
      /^实际50个 ÷ 指标100个 = 50.00%，低于及格线60%，不得分：0分。$/,
    );
  });

  it("R-SAT (101号): satisfaction by band", () => {
    const p = PRESETS["central-2021"];
    const sat = { level2: "满意度指标", name: "服务对象满意度", target: "≥90%", weight: 10 };
    const r = one({ ...sat, actual: "85%" }, p).ind;
    expect(explainRow(r, { profile: p }, "zh-CN")[0]).toBe(
      `满意度85%，按满意度分档达到“80%及以上”一档，得分值的80%：10分 × 80% = ${r.ruleScore!.toFixed(2)}分。`,
    );
  });

  it("a person's kept score, and a formula's, with the rule's figure when it differs", () => {
    expect(zh({ target: "3个", actual: "1个", weight: 5, score: 3 })).toEqual([
      "实际1个 ÷ 指标3个 = 33.33%，× 5分 = 1.67分。",
      "表中已填写的得分3.00分为人工填写，予以保留；按规则计算应为1.67分，请核对。",
    ]);
    expect(
      zh({
        target: "3个",
        actual: "1个",
        weight: 5,
        score: { value: 1.67, formula: true },
        scoreOrigin: "formula",
      })[1],
    ).toBe("得分单元格是公式（结果1.67分），予以保留。");
  });

  it("unscorable rows say why; judgement rows (L3) say a person scores them", () => {
    expect(zh({ target: "100个", actual: null, weight: 5 })).toEqual(["无法按规则计分：未填写实际完成值。"]);
    expect(zh({ target: "100个", actual: "80万元", weight: 5 })).toEqual([
      "无法按规则计分：指标值与完成值的单位不一致。",
    ]);
    expect(zh({ noFigures: true, weight: 4 })).toEqual([
      "此项没有可计算的指标值，需要按评分标准人工打分（满分4分）。",
    ]);
    expect(zh({ noFigures: true, weight: 4, score: 2.4 })).toEqual([
      "此项按评分标准由人工打分：2.40分（满分4分）。",
    ]);
    expect(en({ noFigures: true, weight: 4 })).toEqual([
      "This row has no figures to compute from; a person scores it by its criteria (of 4 points).",
    ]);
  });

  it("budget bands (101号) and a rate over 100%", () => {
    const b = {
      row: 6,
      planned: 100,
      budget: 100,
      executed: 85,
      rate: 0.85,
      weight: 10,
      score: null,
      scoreSource: "computed" as const,
      denominator: "全年预算数" as const,
      subRows: [],
    };
    const p = PRESETS["central-2021"];
    expect(explainBudget(b, { profile: p }, "zh-CN")[0]).toMatch(
      /^执行数85 ÷ 全年预算数100 = 执行率85.00%，按分档达到/,
    );
    expect(explainBudget({ ...b, executed: 120, rate: 1.2 }, { profile: PRESETS.central }, "zh-CN")).toEqual([
      "执行数120 ÷ 全年预算数100 = 执行率120.00%，超过100%按100%计，得满分10分。",
    ]);
    expect(
      explainBudget({ ...b, executed: null, rate: null }, { profile: PRESETS.central }, "en-US"),
    ).toEqual([
      "The budget or executed amount is missing: the execution score cannot be computed (weight 10).",
    ]);
  });

  it("explanationText joins without spaces in Chinese, with them in English", () => {
    expect(explanationText(["甲。", "乙。"], "zh-CN")).toBe("甲。乙。");
    expect(explanationText(["A.", "B."], "en-US")).toBe("A. B.");
  });
});

describe("explainRow: every rule id, any figures", () => {
  const ids = Object.keys(RULES) as RuleId[];

  it("lists every rule family in src/core/rules", () => {
    expect(ids.sort()).toEqual(["R-BIN", "R-DATE", "R-EQ", "R-POS", "R-QUAL", "R-RATE", "R-REV"]);
  });

  it("each scored numeric row's explanation ends on the core's score, in both locales", () => {
    const numericRules: RuleId[] = ["R-POS", "R-REV", "R-EQ", "R-BIN", "R-RATE"];
    fc.assert(
      fc.property(
        fc.constantFrom(...numericRules),
        fc.constantFrom("", "≤", "="),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 1, max: 20 }),
        fc.constantFrom("central", "central-2021", "guangxi") as fc.Arbitrary<keyof typeof PRESETS>,
        (rule, op, a, b, w, preset) => {
          const profile = PRESETS[preset];
          const r = one(
            { target: `${op}${a}个`, actual: `${b}个`, weight: w, override: { rule } },
            profile,
          ).ind;
          if (r.ruleScore === null) return;
          const lines = explainRow(r, { profile }, "zh-CN");
          expect(lines).toHaveLength(1);
          // The sentence ends on the score the core gave (full marks name the weight, which is it).
          expect(Number(/([\d.]+)分。$/.exec(lines[0])?.[1])).toBe(r.ruleScore);
          const english = explainRow(r, { profile }, "en-US")[0];
          expect(Number(/([\d.]+) points\.$/.exec(english)?.[1])).toBe(r.ruleScore);
          expect(english.replace(/\d+个/g, "")).not.toMatch(/[\u4e00-\u9fff]/u);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
