/** Value notation of real tables (SCORING.md R-PARSE-1, 5, 8, 9; R-DIR). */
import { PRESETS, scoreTable } from "../../src/core";
import { completionWord, parseDirection, parseText, parseUnit, qualitativeText } from "../../src/core/parse";
import { row, table } from "./fixtures";

const central = { profile: PRESETS.central };

function one(spec: Parameters<typeof row>[0]) {
  const report = scoreTable(table([row(spec)]), central);
  return { report, ind: report.indicators[0], codes: report.diagnostics.map((d) => d.code) };
}

describe("R-PARSE-1 look-alike comparators", () => {
  it.each([
    ["≧95%", "ge"],
    ["⩾95%", "ge"],
    ["≦5次", "le"],
    ["⩽5次", "le"],
    ["═0起", "eq"],
    ["═ 0 起", "eq"],
    ["﹥3个", "gt"],
    ["﹤3个", "lt"],
  ])("%s → %s", (text, op) => {
    const p = parseText(text);
    expect(p.kind === "number" && p.op).toBe(op);
  });

  it("═ typed for ＝ is =, never ≥: ═ 0 起 with 2 incidents scores 0 (R-EQ)", () => {
    expect(one({ target: "═ 0 起", actual: "2起", weight: 10 }).ind).toMatchObject({
      direction: "equal",
      score: 0,
    });
    // The same in a direction column (L2).
    const l2 = one({ direction: "═", target: 0, unit: "起", actual: 2, weight: 10 });
    expect(l2.ind).toMatchObject({ direction: "equal", score: 0 });
  });
});

describe("R-DIR direction column texts", () => {
  it.each([
    ["≥", "positive"],
    ["≧", "positive"],
    ["⩾", "positive"],
    [">", "positive"],
    ["＞", "positive"],
    ["正向", "positive"],
    ["正向指标", "positive"],
    ["不低于", "positive"],
    ["≤", "reverse"],
    ["≦", "reverse"],
    ["<", "reverse"],
    ["反向", "reverse"],
    ["反向指标", "reverse"],
    ["不高于", "reverse"],
    ["=", "equal"],
    ["＝", "equal"],
    ["﹦", "equal"],
    ["═", "equal"],
    ["等于", "equal"],
    ["定性", "qualitative"],
    ["定性指标", "qualitative"],
    ["", null],
    ["—", null],
    ["定量", null],
    ["定量指标", null],
    ["增加", "unknown"],
    ["提高", "unknown"],
    ["≈", "unknown"],
  ])("%j → %s", (text, d) => {
    expect(parseDirection(text)).toBe(d);
  });
});

describe("R-PARSE-8 comparators before a text target are not part of the text", () => {
  it.each([
    ["﹦ 增加", "增加"],
    ["=增加", "增加"],
    ["﹦有效带动", "有效带动"],
    ["═未造成污染", "未造成污染"],
    ["≥ 显著", "显著"],
    ["增加", "增加"],
    ["=", "="],
  ])("%j reads %j", (text, norm) => {
    expect(qualitativeText(text)).toBe(norm);
  });

  it("﹦ + 增加 against 增加 is met (a proposal), and ﹦未造成污染 against 未造成污染 is not UNDER_TARGET", () => {
    const a = one({ direction: "﹦", target: "增加", actual: "增加", weight: 5 });
    expect(a.ind).toMatchObject({ direction: "qualitative", score: 5, scoreSource: "proposed" });
    const b = one({ direction: "﹦", target: "未造成污染", actual: "未造成污染", weight: 5 });
    expect(b.ind).toMatchObject({ score: 5, scoreSource: "proposed" });
    expect(b.codes).not.toContain("UNDER_TARGET");
    const c = one({ target: "﹦未造成污染", actual: "未造成污染", weight: 5 });
    expect(c.ind.score).toBe(5);
    expect(c.codes).not.toContain("UNDER_TARGET");
    // A real negation is still one.
    expect(one({ direction: "﹦", target: "造成污染", actual: "未造成污染", weight: 5 }).codes).toContain(
      "UNDER_TARGET",
    );
  });
});

describe("R-PARSE-5 approximate actuals, 百分比", () => {
  it("≥266米 and 不低于95% written as actuals use the number", () => {
    expect(one({ target: "300米", actual: "≥266米", weight: 10 }).ind.score).toBe(8.87);
    expect(one({ target: "≥95%", actual: "不低于95%", weight: 5 }).ind.score).toBe(5);
    expect(one({ target: "≥95%", actual: "≧96%", weight: 5 }).ind.score).toBe(5);
  });

  it("百分比 as a unit is %", () => {
    expect(parseUnit("百分比")?.base).toBe("%");
    const a = one({ direction: "≥", target: 90, unit: "百分比", actual: 81, weight: 10 });
    expect(a.ind.score).toBe(9);
    expect(a.codes).not.toContain("UNIT_MISMATCH");
  });
});

describe("R-PARSE-9 completion words", () => {
  it.each([
    ["完成", "met"],
    ["已完成", "met"],
    ["全部完成", "met"],
    ["按时完成", "met"],
    ["达到", "met"],
    ["已达到", "met"],
    ["达成", "met"],
    ["达标", "met"],
    ["达成预期指标", "met"],
    ["达到预期目标", "met"],
    ["完成年度目标", "met"],
    ["是", "met"],
    ["﹦完成", "met"],
    ["未完成", "notMet"],
    ["未达到", "notMet"],
    ["未达成", "notMet"],
    ["未能完成", "notMet"],
    ["否", "notMet"],
    ["基本完成", "notMet"],
    ["部分完成", "notMet"],
    ["基本达到预期目标", "notMet"],
    ["显著", null],
    ["完成3个", null],
  ])("%j → %s", (text, kind) => {
    expect(completionWord(text)).toBe(kind);
  });
});
