/** Value notation (SCORING.md §1). */
import { displayText, normalizeLabel, parseValue, PRESETS, scoreTable, statedWeight } from "../../src/core";
import { parseText } from "../../src/core/parse";
import { c, row, table } from "./fixtures";
import { zhMessage } from "../support/messages";

const central = { profile: PRESETS.central };

function num(text: string): { op: string | null; base: string; value: string } {
  const p = parseText(text);
  if (p.kind !== "number") throw new Error(`${text} parsed as ${p.kind}`);
  return { op: p.op, base: p.unit?.base ?? "", value: p.value.times(p.unit?.scale ?? 1).toString() };
}

function one(spec: Parameters<typeof row>[0]) {
  const report = scoreTable(table([row(spec)]), central);
  return { report, ind: report.indicators[0], codes: report.diagnostics.map((d) => d.code) };
}

describe("R-PARSE-1 comparators", () => {
  it.each([
    ["≥95%", "ge"],
    [">=95%", "ge"],
    ["＞=95%", "ge"],
    ["不低于95%", "ge"],
    ["不少于3个", "ge"],
    ["至少3个", "ge"],
    ["大于等于3个", "ge"],
    ["3个以上", "ge"],
    ["3个及以上", "ge"],
    [">3个", "gt"],
    ["＞3个", "gt"],
    ["大于3个", "gt"],
    ["超过3个", "gt"],
    ["≤5次", "le"],
    ["<=5次", "le"],
    ["＜=5次", "le"],
    ["不高于5%", "le"],
    ["不超过5次", "le"],
    ["不多于5次", "le"],
    ["小于等于5次", "le"],
    ["控制在100万元以内", "le"],
    ["5次以内", "le"],
    ["5次以下", "le"],
    ["5次及以下", "le"],
    ["<5次", "lt"],
    ["＜5次", "lt"],
    ["小于5次", "lt"],
    ["低于5次", "lt"],
    ["=0起", "eq"],
    ["＝0起", "eq"],
    ["﹦0起", "eq"],
    ["等于0起", "eq"],
    ["3个", null],
  ])("%s → %s", (text, op) => {
    expect(num(text).op).toBe(op);
  });

  it("a reverse comparator makes the row reverse (R-DIR from the target)", () => {
    expect(one({ target: "≤5次", actual: "4次", weight: 10 }).ind.direction).toBe("reverse");
    expect(one({ target: "控制在100万元以内", actual: "125万元", weight: 10 }).ind.score).toBe(8);
  });
});

describe("R-PARSE-2 numbers", () => {
  it("reads full-width digits, full-width point, separators, % ％ ‰", () => {
    expect(num("１２３．５个").value).toBe("123.5");
    expect(num("1,234,567元").value).toBe("1234567");
    expect(num("1，234元").value).toBe("1234");
    expect(num("1 234 元").value).toBe("1234");
    expect(num("95%")).toEqual({ op: null, base: "%", value: "0.95" });
    expect(num("95％")).toEqual({ op: null, base: "%", value: "0.95" });
    expect(num("5‰")).toEqual({ op: null, base: "%", value: "0.005" });
  });

  it("a percent-formatted numeric cell is a percentage (0.95 with 0% is 95%)", () => {
    const p = parseValue(c(0.95, "0%"));
    expect(p.kind === "number" && p.unit?.base === "%" && p.value.toString()).toBe("0.95");
    expect(one({ target: "≥95%", actual: c(0.95, "0.00%"), weight: 10 }).ind.score).toBe(10);
    expect(one({ target: "≥95%", actual: c(0.9, "0%"), weight: 10 }).ind.score).toBe(9.47);
  });

  it("R-PARSE-2: numbers of 1e15 or more in magnitude are unparseable, cells and texts alike", () => {
    for (const v of [1e15, -1e15, 1e308]) {
      const p = parseValue(c(v));
      expect(p.kind === "error" && p.outOfRange).toBe(true);
    }
    for (const v of [0, -0, 1e-9, 123456789012345, 0.30000000000000004])
      expect(parseValue(c(v)).kind).toBe("number");
    expect(parseText("1000000000000000元")).toMatchObject({ kind: "error", outOfRange: true });
    expect(parseText("1-" + "9".repeat(400) + "个")).toMatchObject({ kind: "error", outOfRange: true });
    expect(num("999999999999999亿元").value).toBe("9.99999999999999e+22");
  });

  it("R-PARSE-2: a floating-point residue below 1e-9 in magnitude reads as 0", () => {
    for (const v of [5e-324, 1e-10, -1e-10, 0.1 + 0.2 - 0.3]) {
      const p = parseValue(c(v));
      expect(p.kind === "number" && p.value.isZero()).toBe(true);
    }
    expect(parseValue(c(1e-9))).toMatchObject({ kind: "number" });
    expect(num("0.0000000001个").value).toBe("0");
    expect(parseText("0.00000000001-2次")).toMatchObject({ kind: "range" });
    // An actual of 5.55e-17 (=0.1+0.2-0.3) against ≤0: met, not unparseable.
    expect(one({ target: "≤0", actual: c(0.1 + 0.2 - 0.3), weight: 5 }).ind.score).toBe(5);
  });

  it("R-PARSE-2: a date serial past 9999-12-31 is no date", () => {
    expect(parseValue(c(1e308, "yyyy-mm-dd"))).toMatchObject({ kind: "error", outOfRange: true });
    expect(parseValue(c(2958465, "yyyy-mm-dd")).kind).toBe("date");
  });

  it("an implausible weight, target or actual → UNPARSEABLE_VALUE naming the field, row not scored, all figures finite", () => {
    const hugeWeight = { ...row({ target: "100个", actual: "100个" }), weight: c(1e308, "0.00%") };
    const wr = scoreTable(table([hugeWeight]), central);
    const w = { report: wr, ind: wr.indicators[0], codes: wr.diagnostics.map((x) => x.code) };
    expect(w.codes).toContain("UNPARSEABLE_VALUE");
    const d = w.report.diagnostics.find((x) => x.code === "UNPARSEABLE_VALUE")!;
    expect(d.field).toBe("weight");
    expect(zhMessage(d)).toContain("超出合理范围");
    expect(w.ind.score).toBeNull();
    expect(w.ind.weight).toBeNull();
    expect(w.report.writes).toEqual([]);

    // A residue target (5e-324) reads as 0: R-POS with A = 0, never an overflowing completion.
    const t = one({ target: c(5e-324, "0%"), actual: c(2.5), weight: 5 });
    expect(t.codes).not.toContain("UNPARSEABLE_VALUE");
    expect(t.ind.score).toBe(5);
    expect(t.ind.completion).toBeNull();

    const a = one({ target: "≥3个", actual: "1" + "0".repeat(400) + "个", weight: 5 });
    expect(a.report.diagnostics.find((x) => x.code === "UNPARSEABLE_VALUE")?.field).toBe("actual");
    expect(a.ind.score).toBeNull();
    for (const r of [w, t, a])
      for (const n of [r.report.total, r.ind.score, r.ind.ruleScore, r.ind.completion, r.ind.weight])
        if (n !== null) expect(Number.isFinite(n)).toBe(true);
  });
});

describe("R-PARSE-3 units", () => {
  it("scale prefixes multiply: 万元 = 1e4 元, 亿美元 = 1e8 美元, 万人次 = 1e4 人次", () => {
    expect(num("3万元")).toEqual({ op: null, base: "元", value: "30000" });
    expect(num("4.3亿美元")).toEqual({ op: null, base: "美元", value: "430000000" });
    expect(num("2万人次")).toEqual({ op: null, base: "人次", value: "20000" });
    expect(one({ target: "1亿元", actual: "5000万元", weight: 10 }).ind.score).toBe(5);
  });

  it("元 ≠ 美元 and different counts are incompatible → UNIT_MISMATCH, no score", () => {
    const a = one({ target: "4.3亿美元", actual: "3.58亿元", weight: 5 });
    expect(a.codes).toContain("UNIT_MISMATCH");
    expect(a.ind.score).toBeNull();
    expect(zhMessage(a.report.diagnostics.find((d) => d.code === "UNIT_MISMATCH")!)).toContain("亿美元");
    expect(one({ target: "3个", actual: "3次", weight: 5 }).codes).toContain("UNIT_MISMATCH");
    expect(one({ target: "100%", actual: "3个", weight: 5 }).codes).toContain("UNIT_MISMATCH");
    expect(one({ target: "3万次", actual: "20000次", weight: 6 }).ind.score).toBe(4);
  });

  it("the unitless side takes the other's unit including its prefix, with UNIT_ASSUMED", () => {
    const a = one({ target: "4.3亿美元", actual: 3.58, weight: 5 });
    expect(a.ind.score).toBe(4.16);
    const d = a.report.diagnostics.find((x) => x.code === "UNIT_ASSUMED")!;
    expect(d.severity).toBe("info");
    expect(zhMessage(d)).toContain("亿美元");
  });

  it("percent against a bare number: ≤ 1 is a fraction, otherwise percentage points", () => {
    expect(one({ target: "≥95%", actual: 0.95, weight: 10 }).ind.score).toBe(10);
    expect(one({ target: "≥95%", actual: 76, weight: 10 }).ind.score).toBe(8);
    expect(one({ target: 0.8, actual: "40%", weight: 10 }).ind.score).toBe(5);
    expect(one({ target: "≥95%", actual: 76, weight: 10 }).codes).toContain("UNIT_ASSUMED");
  });

  it("a unit column applies to both sides", () => {
    const a = one({ target: 800, actual: 600, weight: 6, unit: "亿元", direction: "≥" });
    expect(a.ind.score).toBe(4.5);
    expect(a.ind.target).toBe("≥800亿元");
    expect(a.codes).not.toContain("UNIT_ASSUMED");
  });
});

describe("R-PARSE-4 ranges", () => {
  it.each(["1-2次", "1～2次", "1至2次", "1~2次"])("%s is [1, 2] scored against 1", (t) => {
    expect(one({ target: t, actual: "1次", weight: 4 }).ind.score).toBe(4);
    expect(one({ target: t, actual: "3次", weight: 4 }).codes).not.toContain("UNDER_TARGET");
  });

  it("80%-90%: below lo is a shortfall; above hi is not", () => {
    const p = parseText("80%-90%");
    expect(p.kind === "range" && [p.lo.toString(), p.hi.toString(), p.unit?.base]).toEqual(["80", "90", "%"]);
    expect(one({ target: "80%-90%", actual: "60%", weight: 8 }).ind.score).toBe(6);
    expect(one({ target: "80%-90%", actual: "95%", weight: 8 }).ind.score).toBe(8);
  });
});

describe("R-PARSE-5 approximate actuals", () => {
  it("10次以上 / 1000人次以上 / 80%以上 as actual mean at least that number", () => {
    expect(one({ target: "10次以上", actual: "10次以上", weight: 3 }).ind.score).toBe(3);
    expect(one({ target: "1000人次", actual: "800人次以上", weight: 4 }).ind.score).toBe(3.2);
    expect(one({ target: "≥80%", actual: "80%以上", weight: 5 }).ind.score).toBe(5);
  });
});

describe("R-PARSE-6 dates", () => {
  it("reads 年月日, ISO, dotted and Excel serials with a date format; 前 marks the deadline", () => {
    const day = (t: string) => {
      const p = parseText(t);
      return p.kind === "date" ? p.day : null;
    };
    const ref = Date.UTC(2021, 11, 31) / 86400000;
    expect(day("2021年12月31日")).toBe(ref);
    expect(day("2021-12-31")).toBe(ref);
    expect(day("2021.12.31")).toBe(ref);
    expect(day("2021年12月31日前")).toBe(ref);
    expect(day("不晚于2021年12月31日")).toBe(ref);
    const serial = parseValue(c(44561, "yyyy-mm-dd"));
    expect(serial.kind === "date" && serial.day).toBe(ref);
    expect(displayText(c(44561, "yyyy/m/d"))).toBe("2021年12月31日");
    const jsDate = parseValue({ value: new Date(Date.UTC(2021, 11, 31)) });
    expect(jsDate.kind === "date" && jsDate.day).toBe(ref);
  });

  it("a date target is scored by R-DATE", () => {
    expect(one({ target: "2021年12月31日前", actual: "2021-12-20", weight: 5 }).ind.rule).toBe("R-DATE");
  });
});

describe("R-PARSE-7 null", () => {
  it.each(["", "—", "–", "-", "/", "*", "不适用", "N/A", "无"])("%j is null", (t) => {
    expect(parseText(t).kind).toBe("null");
  });

  it("无 against a =0 target means 0, without UNIT_ASSUMED", () => {
    const a = one({ target: "=0起", actual: "无", weight: 5 });
    expect(a.ind.score).toBe(5);
    expect(a.codes).not.toContain("UNIT_ASSUMED");
    expect(one({ target: "0", actual: "无", weight: 5 }).ind.score).toBe(5);
    expect(one({ target: "3个", actual: "无", weight: 5 }).codes).toContain("MISSING_ACTUAL");
  });

  it("a row whose target and weight are both null is not applicable and skipped silently", () => {
    const report = scoreTable(
      table([
        row({ row: 26, name: "无", target: "不适用", actual: null, weight: null }),
        row({ row: 27, target: "3个", actual: "3个", weight: 100 }),
      ]),
      central,
    );
    expect(report.indicators.map((i) => i.row)).toEqual([27]);
    expect(report.diagnostics.filter((d) => d.row === 26)).toEqual([]);
  });
});

describe("R-PARSE-8 qualitative", () => {
  it("normalises trim, inner whitespace and full width before comparing", () => {
    const a = one({ target: " 未造成 污染 ", actual: "未造成污染", weight: 5 });
    expect(a.ind.direction).toBe("qualitative");
    expect(a.ind.score).toBe(5);
    expect(a.ind.scoreSource).toBe("proposed");
    expect(one({ target: "ＡＢＣ达标", actual: "ABC达标", weight: 5 }).ind.scoreSource).toBe("proposed");
  });
});

describe("displayText, normalizeLabel, statedWeight", () => {
  it("formats as the sheet displays", () => {
    expect(displayText(c(1, "0%"))).toBe("100%");
    expect(displayText(c(0.081, "0.0%"))).toBe("8.1%");
    expect(displayText(c(0.0654, "0.00%"))).toBe("6.54%");
    expect(displayText(c(207, "0.00"))).toBe("207.00");
    expect(displayText(c(1234.5, "#,##0.00"))).toBe("1,234.50");
    expect(displayText(c(0.1 + 0.2))).toBe("0.3");
    expect(displayText({ value: 1, numFmt: "0%", text: "100.0%" })).toBe("100.0%");
    expect(displayText({ value: 1, numFmt: "0%", text: "####" })).toBe("100%");
    expect(displayText(null)).toBeNull();
    expect(displayText(c(null))).toBeNull();
  });

  it("drops stated weights and all whitespace, nothing else", () => {
    expect(normalizeLabel("产出指标 （50分）")).toBe("产出指标");
    expect(normalizeLabel("数量指标 (20分)")).toBe("数量指标");
    expect(normalizeLabel("决  策")).toBe("决策");
    expect(normalizeLabel("决\n策")).toBe("决策");
    expect(normalizeLabel("预算支出决策\n（项目立项）")).toBe("预算支出决策（项目立项）");
    expect(statedWeight("产出指标（50分）")).toBe(50);
    expect(statedWeight("资金管理(11分)")).toBe(11);
    expect(statedWeight("数量指标 (20分)")).toBe(20);
    expect(statedWeight("决策")).toBeNull();
    // Whitespace is dropped first: a weight spaced out digit by digit is still a stated weight.
    expect(normalizeLabel("管 理 指 标 （ 4 5 分 ）")).toBe("管理指标");
    expect(statedWeight("产 出 指 标 ( 5 0 分 )")).toBe(50);
  });

  it("R-ROUND decimal arithmetic: 2.01 × 1/2 = 1.005 rounds half-up to 1.01 (binary floating point gives 1.00)", () => {
    expect((2.01 * 0.5).toFixed(2)).toBe("1.00");
    const r = scoreTable(table([row({ target: "2个", actual: "1个", weight: 2.01 })]), central);
    expect(r.indicators[0].score).toBe(1.01);
  });
});

describe("R-PARSE-2 number formats", () => {
  it("tells percent and date formats from others", () => {
    expect(displayText(c(5, '0"个月"'))).toBe("5");
    expect(displayText(c(44561, '[$-804]yyyy"年"m"月"d"日"'))).toBe("2021年12月31日");
    expect(
      parseValue(c(0.5, '0.0"%"')).kind === "number" &&
        (parseValue(c(0.5, '0.0"%"')) as { unit: unknown }).unit,
    ).toBeNull();
  });
});
