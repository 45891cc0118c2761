/**
 * Indicator-setting checks (REPORT.md "The 问题清单"): S-COST, S-FUND, S-DUP, S-PCT, S-FULL,
 * S-NOTE, S-SAT, each with a case that must be found and one that must not, on rows taken from
 * published tables (reference A 东湖区 2021 自评表, B 评分表, D 渝中区 2019) and their usual variants.
 */
import { settingChecks, type SettingRow } from "../../src/core/setting-checks";

type Partial_ = Partial<SettingRow> & Pick<SettingRow, "row" | "name">;

function row(r: Partial_): SettingRow {
  return {
    level1: "产出指标",
    level2: "数量指标",
    target: null,
    actual: null,
    direction: "positive",
    weight: 5,
    score: 5,
    ...r,
  };
}

const codes = (rows: SettingRow[], noteRequiredRows: number[] = []) =>
  settingChecks({ rows, noteRequiredRows }).map((f) => `${f.rule}@${f.row ?? "table"}`);

// Reference A, row 21: 成本指标 / 成本控制率 / 100% / 100% / 10 (no comparator: read as ≥).
const A21 = row({
  row: 21,
  level2: "成本指标",
  name: "成本控制率",
  target: "100%",
  actual: "100%",
  weight: 10,
  score: 10,
  note: null,
});

describe("S-COST: a ≥ direction on a 成本指标 row", () => {
  it("finds A's 成本控制率 read as ≥ (no comparator written)", () => {
    const f = settingChecks({ rows: [A21] });
    expect(f).toEqual([
      expect.objectContaining({ code: "COST_DIRECTION_POSITIVE", rule: "S-COST", row: 21, field: "target" }),
    ]);
    expect(f[0].params.how).toBe("default");
  });
  it("finds an explicit ≥ on a cost row, also under a 101号 成本指标 一级指标", () => {
    const r = row({
      row: 9,
      level1: "成本指标",
      level2: "经济成本指标",
      name: "招商引资工作经费",
      target: "≥50万元",
    });
    const f = settingChecks({ rows: [r] });
    expect(f.map((x) => [x.rule, x.params.how])).toEqual([["S-COST", "written"]]);
  });
  it("leaves ≤ cost rows and saving rates alone", () => {
    const capped = row({
      row: 9,
      level2: "成本指标",
      name: "招商引资工作经费",
      target: "≤50万元",
      direction: "reverse",
    });
    const saving = row({ row: 10, level2: "成本指标", name: "成本节约率", target: "≥5%" });
    const notCost = row({ row: 11, level2: "质量指标", name: "新签约项目开工率", target: "100%" });
    expect(codes([capped, saving, notCost])).toEqual([]);
  });
  it("finds 霍邱 2022 row 16 (成本指标 科技特派员业务培训开展 ≥5万元)", () => {
    const r = row({
      row: 16,
      level2: "成本指标",
      name: "科技特派员业务培训开展",
      target: "≥5万元",
      actual: "5",
    });
    expect(settingChecks({ rows: [r] }).map((x) => [x.rule, x.row, x.params.how])).toEqual([
      ["S-COST", 16, "written"],
    ]);
  });
  it("leaves 永德 2022 row 17 (═ 100%) and 天长 2022 row 22 (no target written) alone", () => {
    const eq = row({
      row: 17,
      level2: "成本指标",
      name: "生均补助标准达标率",
      target: "═100%",
      direction: "equal",
    });
    // No target: MISSING_TARGET says what is missing; there is no direction to criticise.
    const none = row({ row: 22, level2: "成本指标", name: "指标1：资金执行在预算范围内", target: null });
    const blank = row({ row: 23, level2: "成本指标", name: "资金执行在预算范围内", target: " " });
    expect(codes([eq, none, blank])).toEqual([]);
  });
});

describe("S-FUND: a 数量指标 that is a fund-payment measure", () => {
  it("finds 资金支付率 and 预算执行率 filed as 数量指标", () => {
    const rows = [
      row({ row: 13, name: "资金支付率", target: "100%" }),
      row({ row: 14, name: "项目预算执行率", target: "≥90%" }),
      row({ row: 15, name: "专项资金拨付到位", target: "100%" }),
    ];
    expect(codes(rows)).toEqual(["S-FUND@13", "S-FUND@14", "S-FUND@15"]);
  });
  it("leaves a real quantity (A row 16) and B's 预算执行率 under 资金管理 alone", () => {
    const a16 = row({
      row: 16,
      name: "“152”项目签约数量",
      target: "3个",
      actual: "1个",
      score: 1.67,
      note: "x",
    });
    const b10 = row({ row: 10, level1: "过程", level2: "资金管理", name: "预算执行率", weight: 5, score: 5 });
    expect(codes([a16, b10])).toEqual([]);
  });
});

describe("S-DUP: the same 三级指标 twice in one table", () => {
  it("finds the second 利用外资工作完成率, also when written with a line break", () => {
    const rows = [
      row({ row: 13, name: "利用外资工作完成率", target: "4.3亿美元", actual: "4.3亿美元" }),
      row({ row: 14, name: "利用内资工作完成率", target: "96.67亿元", actual: "96.67亿元" }),
      row({ row: 20, name: "利用外资\n工作完成率", target: "4.3亿美元", actual: "4.3亿美元" }),
    ];
    const f = settingChecks({ rows });
    const dup = f.filter((x) => x.rule === "S-DUP");
    expect(dup.map((x) => `${x.rule}@${x.row}`)).toEqual(["S-DUP@20"]);
    expect(dup[0].params.firstRow).toBe(13);
  });
  it("leaves A's distinct names alone", () => {
    const rows = [
      "利用外资工作完成率",
      "利用内资工作完成率",
      "利用省外资金工作完成率",
      "“152”项目签约数量",
    ].map((name, i) => row({ row: 13 + i, name, target: "1个", actual: "1个" }));
    expect(codes(rows).filter((c) => c.startsWith("S-DUP"))).toEqual([]);
  });
});

describe("S-PCT: a percentage target above 100% on a positive row", () => {
  it("finds 新签约项目开工率 ≥120%", () => {
    const r = row({ row: 17, level2: "质量指标", name: "新签约项目开工率", target: "≥120%", actual: "100%" });
    expect(codes([r])).toEqual(["S-PCT@17"]);
  });
  it("leaves 100%, a reverse ≤120% and A's 利用外资增幅 5% alone", () => {
    const rows = [
      row({ row: 17, level2: "质量指标", name: "新签约项目开工率", target: "100%", actual: "100%" }),
      row({ row: 18, level2: "成本指标", name: "成本超支率", target: "≤120%", direction: "reverse" }),
      row({
        row: 22,
        level1: "效益指标",
        level2: "经济效益指标",
        name: "利用外资增幅",
        target: "5%",
        actual: "8.1%",
      }),
    ];
    expect(codes(rows)).toEqual([]);
  });
});

describe("S-FULL: every row at full marks, every actual equal to its target", () => {
  // D 渝中区 2019 rows as published, with the actuals made equal to the targets.
  const equal = [
    row({ row: 3, name: "“招商引资”宣传", target: "10次", actual: "10次", weight: 4, score: 4 }),
    row({
      row: 10,
      level1: "效益指标",
      name: "引进项目个数",
      target: "50个",
      actual: "50个",
      weight: 8,
      score: 8,
    }),
    row({
      row: 12,
      level2: "服务对象满意度",
      name: "企业满意度",
      target: "≥80%",
      actual: "80%",
      weight: 5,
      score: 5,
    }),
    row({
      row: 13,
      level1: "管理指标",
      name: "项目立项必要性和充分性",
      target: "充分",
      actual: "充分",
      direction: "qualitative",
      weight: 8,
      score: 8,
    }),
  ];
  it("finds a table filled with the targets as actuals", () => {
    expect(settingChecks({ rows: equal })).toEqual([
      expect.objectContaining({ code: "ALL_FULL_MARKS", rule: "S-FULL", row: null, params: { rows: 4 } }),
    ]);
  });
  it("leaves D as published alone (3个 against 2个, 50.5亿元 against 50亿元)", () => {
    const d = [
      ...equal,
      row({ row: 8, name: "开展境内外招商推介活动", target: "2个以上", actual: "3个", weight: 3, score: 3 }),
      row({ row: 11, name: "重点项目签约金额", target: "50亿元", actual: "50.5亿元", weight: 7, score: 7 }),
    ];
    expect(codes(d)).toEqual([]);
  });
  it("says nothing with a row below full, or with fewer than three rows", () => {
    expect(codes([...equal.slice(0, 3), { ...equal[3], score: 6.4, note: "资料不全" }])).toEqual([]);
    expect(codes(equal.slice(0, 2))).toEqual([]);
  });
});

describe("S-NOTE: a row scored below full without a note", () => {
  // Reference B (评分表, no note column): 绩效指标明确性 2.4 of 4.
  const b6 = row({
    row: 6,
    level1: "决策",
    level2: "绩效目标",
    name: "绩效指标明确性",
    direction: null,
    weight: 4,
    score: 2.4,
  });
  it("finds B's deductions, and an empty note on a judgement row", () => {
    const f = settingChecks({
      rows: [b6, row({ row: 7, name: "预算编制科学性", direction: null, weight: 3, score: 2, note: null })],
    });
    expect(f.map((x) => [x.rule, x.row, x.field, x.params.column])).toEqual([
      ["S-NOTE", 6, "score", "none"],
      ["S-NOTE", 7, "note", "empty"],
    ]);
  });
  it("treats a still-marked draft as no note", () => {
    expect(codes([{ ...b6, note: "【待补充】绩效指标明确性：……" }])).toEqual(["S-NOTE@6"]);
  });
  it("leaves full marks, a written reason and rows R-DEV already flags alone", () => {
    const a13 = row({
      row: 13,
      name: "利用外资工作完成率",
      target: "4.3亿美元",
      actual: "3.58亿美元",
      score: 4.16,
      note: "招商基础较差。下一步将优化招商政策和措施。",
    });
    const a19 = row({
      row: 19,
      name: "“152”项目签约金额",
      target: "60亿元",
      actual: "38亿元",
      score: 3.17,
      note: null,
    });
    expect(codes([a13, a19, A21], [19])).not.toContain("S-NOTE@13");
    expect(codes([a13, a19, A21], [19]).filter((c) => c.startsWith("S-NOTE"))).toEqual([]);
  });
});

describe("S-SAT: a satisfaction of 100% with no source in the note", () => {
  // Reference A, row 28: 满意度指标 / 服务对象满意度 / ≥95% / 95%.
  const a28 = row({
    row: 28,
    level1: "满意度指标",
    level2: "服务对象满意度指标",
    name: "服务对象满意度",
    target: "≥95%",
    actual: "95%",
    weight: 10,
    score: 10,
    note: null,
  });
  it("finds 100% reported with no note, or with a note naming no source", () => {
    expect(codes([{ ...a28, actual: "100%" }])).toEqual(["S-SAT@28"]);
    expect(codes([{ ...a28, target: "100%", actual: "100%", note: "群众非常满意" }])).toEqual(["S-SAT@28"]);
  });
  it("finds it on an L3-like row without a note column, on the actual cell", () => {
    const f = settingChecks({ rows: [{ ...a28, actual: "100%", note: undefined }] });
    expect(f.map((x) => [x.rule, x.field])).toEqual([["S-SAT", "actual"]]);
  });
  it("leaves A's 95% and a 100% with its survey named alone", () => {
    expect(codes([a28])).toEqual([]);
    expect(codes([{ ...a28, actual: "100%", note: "发放问卷200份，回收198份，满意率100%" }])).toEqual([]);
  });
});

it("never changes a row: the checks read their input only", () => {
  const rows = [A21, row({ row: 13, name: "资金支付率", target: "≥120%", score: 2, note: null })];
  const before = JSON.stringify(rows);
  settingChecks({ rows });
  expect(JSON.stringify(rows)).toBe(before);
});
