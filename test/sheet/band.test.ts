/**
 * LAYOUTS.md "How the reader decides" 2 (header bands), 3 (budget labels), 7 (several
 * tables on one sheet) and the header-word table; REPORT.md `table`, `range`.
 */
import { resolveProfile } from "../../src/core";
import {
  analyzeSheet,
  analyzeTables,
  detectLayout,
  detectLayouts,
  mergePlans,
  type DetectedLayout,
  type GridSnapshot,
} from "../../src/sheet";
import { build, type In } from "./grid-builder";
import { l1Rows } from "./fixtures";
import { L1_HEADER } from "../support/headers";

const profile = resolveProfile("central");

function layoutOf(g: GridSnapshot): DetectedLayout {
  const d = detectLayout(g);
  if ("missing" in d) throw new Error(`no table: ${d.missing.join(",")}`);
  return d;
}

/** The Yunnan 公开14表: a two-row band, the groups merged on the upper row. */
function yunnan(
  o: { fillMerged?: boolean; noMerges?: boolean; top?: number; left?: number } = {},
): GridSnapshot {
  const rows: In[][] = [
    ["项目支出绩效自评表"],
    ["项目名称", "学生资助"],
    ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [null, "年度资金总额：", 100, 100, 95, 10, null, null],
    [null, "其中：财政拨款", 100, 100, 95, null, null, null],
    ["年度总体目标", "完成资助"],
    [
      "绩效指标",
      null,
      null,
      "年度指标值",
      null,
      null,
      "实际完成值",
      "分值",
      "得分",
      "偏差原因分析及改进措施",
    ],
    ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"],
    ["产出指标", "数量指标", "学生受资助人数", "≧", 735, "人次", 735, 30, null, null],
    [null, null, "资助资金发放数", "≥", 100, "万元", 80, 30, null, null],
    ["效益指标", "社会效益指标", "家庭负担减轻", "﹦", "明显", null, "明显", 30, null, null],
    ["总分", null, null, null, null, null, null, 100, null, null],
  ];
  const merges = ["A1:J1", "A3:A5", "A7:C7", "D7:F7", "G7:G8", "H7:H8", "I7:I8", "J7:J8", "A9:A10", "B9:B10"];
  return build(rows, {
    merges: o.noMerges ? [] : merges,
    fillMerged: o.fillMerged,
    top: o.top,
    left: o.left,
  });
}

describe("LAYOUTS.md step 2: the indicator header band", () => {
  it("reads the Yunnan two-row band: each column takes its lowest role-bearing cell", () => {
    const d = layoutOf(yunnan());
    expect(d.layout).toBe("L2");
    expect(d.headerRow).toBe(7);
    expect(d.columns).toEqual({
      level1: 1,
      level2: 2,
      name: 3,
      direction: 4,
      target: 5,
      unit: 6,
      actual: 7,
      weight: 8,
      score: 9,
      note: 10,
    });
    expect(d.indicatorRows).toEqual([9, 10, 11]);
    expect(d.totalRow).toBe(12);
  });

  it("reads the same band whether covered cells repeat the anchor, are empty, or merges are unknown", () => {
    const a = layoutOf(yunnan());
    expect(layoutOf(yunnan({ fillMerged: true })).columns).toEqual(a.columns);
    expect(layoutOf(yunnan({ noMerges: true })).columns).toEqual(a.columns);
    expect(layoutOf(yunnan({ top: 4, left: 3 })).indicatorRows).toEqual([12, 13, 14]);
  });

  it("scores the Yunnan table (R-BUDGET label with a trailing colon)", () => {
    const a = analyzeSheet(yunnan(), { profile });
    expect(a.report.layout).toBe("L2");
    expect(a.report.budget?.rate).toBe(0.95);
    expect(a.report.indicators.map((i) => i.score)).toEqual([30, 24, 30]);
    expect(a.report.total).toBe(93.5);
    expect(a.report.table).toBe(1);
    expect(a.report.range).toBe("A1:J12");
  });

  it("reads a three-row band (groups over a middle row over the split columns)", () => {
    const g = build(
      [
        [
          "绩效指标",
          null,
          null,
          "年度指标值",
          null,
          null,
          "实际完成值",
          "分值",
          "得分",
          "未完成原因及拟采取的改进措施",
        ],
        ["一级指标", "二级指标", "三级指标", "指标值", null, null],
        [null, null, null, "指标性质", "指标值", "度量单位"],
        ["产出指标", "数量指标", "培训人次", "≥", 100, "人次", 90, 100, null, null],
      ],
      { merges: ["A1:C1", "D1:F1", "D2:F2", "A2:A3", "B2:B3", "C2:C3", "G1:G3", "H1:H3", "I1:I3", "J1:J3"] },
    );
    const d = layoutOf(g);
    expect(d.headerRow).toBe(1);
    expect(d.columns).toMatchObject({
      level1: 1,
      name: 3,
      direction: 4,
      target: 5,
      unit: 6,
      weight: 8,
      note: 10,
    });
    expect(d.indicatorRows).toEqual([4]);
    const a = analyzeSheet(g, { profile });
    expect(a.report.indicators[0].score).toBe(90);
    // The note column (a header containing 原因) receives the draft note.
    expect(a.plan.writes.some((w) => w.cell === "J4" && w.kind === "note")).toBe(true);
  });

  it("R-TOTAL-3: with 分值 after each level column, the indicator weight is the 分值 right of the name", () => {
    const g = build([
      ["一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "得分", "评分标准"],
      ["决策", 20, "项目立项", 20, "立项依据充分性", 10, 10, "…"],
      [null, null, null, null, "立项程序规范性", 10, 8, "…"],
      ["过程", 80, "资金管理", 80, "资金到位率", 70, 70, "…"],
      ["总分", null, null, null, null, 100, null],
    ]);
    const d = layoutOf(g);
    expect(d.columns.weight).toBe(6);
    const a = analyzeSheet(g, { profile });
    expect(a.report.indicators.map((i) => i.weight)).toEqual([10, 10, 70]);
    expect(a.report.indicators[0].level1).toBe("决策");
    const lw = a.report.diagnostics.filter((x) => x.code === "LEVEL_WEIGHT_MISMATCH");
    expect(lw.map((x) => x.message).join()).toMatch(/过程.*80.*70/);
  });

  it("reads a three-row band whose middle row holds only a group caption (绩效指标 merged over the levels)", () => {
    // 实际完成值 stands unmerged on the top row; 绩效指标 alone on the middle row has no role.
    const g = build(
      [
        [null, null, null, null, "实际完成值", null, null],
        ["绩效指标", null, null, null, null, null, null],
        ["一级指标", "二级指标", "三级指标", "年度指标值", null, "分值", "得分"],
        ["产出指标", "数量指标", "培训人次", "100人次", "90人次", 100, null],
        ["总分", null, null, null, null, 100, null],
      ],
      { merges: ["A2:C2"] },
    );
    const d = layoutOf(g);
    expect([d.headerRow, d.headerEnd]).toEqual([1, 3]);
    expect(d.columns).toMatchObject({ level1: 1, name: 3, target: 4, actual: 5, weight: 6, score: 7 });
    expect(analyzeSheet(g, { profile }).report.indicators.map((i) => i.score)).toEqual([90]);
  });

  it("a middle row with a header that names no role (指标解释) still joins the band", () => {
    const g = build(
      [
        [null, null, null, "分值", null, null, "得分"],
        ["绩效指标", null, null, null, "指标解释", null, null],
        ["一级指标", "二级指标", "三级指标", null, null, "指标说明", null],
        ["决策", "项目立项", "立项依据充分性", 10, "…", "…", 8],
        ["总分", null, null, 10, null, null, null],
      ],
      { merges: ["A2:C2", "D1:D3"] },
    );
    const d = layoutOf(g);
    expect([d.headerRow, d.headerEnd]).toEqual([1, 3]);
    expect(d.columns).toMatchObject({ name: 3, weight: 4, ruleText: 6, score: 7 });
  });

  it("a caption row under a one-row band, above data, is not part of the band", () => {
    const g = build(
      [
        ["三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["一、产出指标", null, null, null, null],
        ["培训人次", "100人次", "90人次", 100, null],
      ],
      { merges: ["A2:E2"] },
    );
    const d = layoutOf(g);
    expect([d.headerRow, d.headerEnd]).toEqual([1, 1]);
    expect(d.indicatorRows).toContain(3);
  });

  it("a blank column inside 年度指标值 (merged over 指标性质 | 指标值 | 度量单位) takes no role from it", () => {
    const g = yunnan();
    const rows = g.cells.map((r) => {
      const out = r.map((c) => (c ? c.v : null));
      while (out.length < 10) out.push(null);
      return [...out.slice(0, 4), null, ...out.slice(4)];
    });
    const shifted = [
      "A1:K1",
      "A3:A5",
      "A7:C7",
      "D7:G7",
      "H7:H8",
      "I7:I8",
      "J7:J8",
      "K7:K8",
      "A9:A10",
      "B9:B10",
    ];
    const d = layoutOf(build(rows, { merges: shifted }));
    expect(d.columns).toMatchObject({ direction: 4, target: 6, unit: 7, actual: 8, weight: 9 });
    expect(analyzeSheet(build(rows, { merges: shifted }), { profile }).report.total).toBe(93.5);
  });

  it("a three-row band whose middle row is empty (headers on its top and bottom rows, unmerged)", () => {
    const g = build([
      [null, null, null, "年度指标值", null, null, null, "偏差原因分析及改进措施"],
      [],
      ["一级指标", "二级指标", "三级指标", null, "实际完成值", "分值", "得分"],
      ["产出指标", "数量指标", "培训人次", "100人次", "90人次", 100, null],
      ["总分", null, null, null, null, 100, null],
    ]);
    const d = layoutOf(g);
    expect([d.headerRow, d.headerEnd]).toEqual([1, 3]);
    expect(d.columns).toMatchObject({ name: 3, target: 4, actual: 5, weight: 6, score: 7, note: 8 });
    expect(analyzeSheet(g, { profile }).report.indicators.map((i) => i.score)).toEqual([90]);
  });

  it("a repeated two-row band whose lower row shows one header word (the rest merged down) is skipped", () => {
    const band = [
      ["三级指标", null, "实际完成值", "分值", "得分"],
      [null, "年度指标值"],
    ];
    const merges = (r: number) => ["A", "C", "D", "E"].map((c) => `${c}${r}:${c}${r + 1}`);
    const g = build(
      [...band, ["培训", "100人次", "90人次", 50, null], ...band, ["宣传", "10次", "10次", 50, null]],
      { merges: [...merges(1), ...merges(4)] },
    );
    expect(layoutOf(g).indicatorRows).toEqual([3, 6]);
    expect(analyzeSheet(g, { profile }).report.total).toBe(95);
  });

  it("评价得分 heading the score column on a repeated band row is no total row (LAYOUTS step 4)", () => {
    const band = [
      [null, null, null, null, "评价得分"],
      ["一级指标", "三级指标", "分值", "评分标准"],
    ];
    const g = build(
      [
        ...band,
        ["决策", "立项依据充分性", 10, "…", 8],
        ...band,
        ["过程", "资金到位率", 10, "…", 9],
        ["评价得分", null, 20, null, 17],
      ],
      { merges: ["E1:E2", "E4:E5"] },
    );
    const d = layoutOf(g);
    expect([d.indicatorRows, d.totalRow]).toEqual([[3, 6], 7]);
    expect(analyzeSheet(g, { profile }).report.total).toBe(17);
  });

  it("a table split over three pages (its header repeated twice) is one table", () => {
    const g = yunnan();
    const rows = g.cells.map((r) => r.map((c) => (c ? c.v : null)));
    const header = [rows[6], rows[7]];
    // Header again before row 10 and before row 11: one data row between the repeats.
    const split = [...rows.slice(0, 9), ...header, rows[9], ...header, ...rows.slice(10)];
    const all = detectLayouts(build(split));
    if ("missing" in all) throw new Error("no table");
    expect(all).toHaveLength(1);
    expect(all[0].indicatorRows).toEqual([9, 12, 15]);
  });

  it("skips a repeated two-row band inside the indicator block (a table split over pages)", () => {
    const g = yunnan();
    const rows = [...g.cells];
    rows.splice(10, 0, [...rows[6]], [...rows[7]]);
    const d = layoutOf(build(rows.map((r) => r.map((c) => (c ? c.v : null)))));
    expect(d.indicatorRows).toEqual([9, 10, 13]);
  });
});

describe("LAYOUTS.md steps 2–3: rows between the budget block and the indicator header band", () => {
  /** An L1 table whose band follows the budget rows, with `between` rows (and merges) inserted. */
  function withBetween(between: In[][], merges: string[] = []): GridSnapshot {
    const n = between.length;
    const shift = (m: string) => m.replace(/(\d+)/g, (r) => String(Number(r) + n));
    return build(
      [
        ["项目资金", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        [null, "年度资金总额", 100, 100, 95, 10, null, null],
        [null, "其中：财政拨款", 100, 100, 95, "—", null, "—"],
        [null, "其他资金", null, null, null, "—", null, "—"],
        ...between,
        [...L1_HEADER],
        ["产出指标", "数量指标", "培训人次", "100人次", "90人次", 50, null],
        [null, null, "宣传次数", "10次", "10次", 40, null],
        ["总分", null, null, null, null, 100, null],
      ],
      { merges: [...merges, "A1:A4", shift("A6:A7")] },
    );
  }

  const plain = analyzeSheet(withBetween([]), { profile });

  it.each<[string, In[][], string[]]>([
    ["a caption merged across the table", [[null, "绩效指标完成情况"]], ["B5:H5"]],
    ["a caption in the label column, unmerged", [[null, "绩效指标"]], []],
    ["a caption in the first column, merged across", [["三、项目绩效指标"]], ["A5:H5"]],
    [
      "a caption that holds a budget word, merged over the budget columns",
      [[null, "资金使用绩效"]],
      ["B5:H5"],
    ],
    [
      "two caption rows",
      [
        [null, "绩效指标完成情况"],
        [null, "（一）指标"],
      ],
      ["B5:H5"],
    ],
    ["a caption after an empty row", [[], [null, "年度绩效指标完成情况"]], ["B6:H6"]],
    [
      "a goal-completion block",
      [
        ["年度总体目标完成情况", "预期目标", null, null, "实际完成情况"],
        [null, "完成培训", null, null, "已完成"],
      ],
      ["A5:A6"],
    ],
  ])("%s is no budget row, and the table scores as without it", (_, between, merges) => {
    const a = analyzeSheet(withBetween(between, merges), { profile });
    const n = between.length;
    expect(a.report.budget?.subRows.map((r) => r.row)).toEqual([3, 4]);
    expect(a.layout?.budget?.lastRow).toBe(4);
    expect(a.report.indicators.map((i) => [i.row - n, i.score])).toEqual(
      plain.report.indicators.map((i) => [i.row, i.score]),
    );
    expect([a.report.budget?.score, a.report.total]).toEqual([
      plain.report.budget?.score,
      plain.report.total,
    ]);
  });

  it("a budget row without figures (其他资金) stays a budget row", () => {
    expect(plain.report.budget?.subRows.map((r) => r.row)).toEqual([3, 4]);
    expect(plain.report.budget?.score).toBe(9.5);
  });
});

describe("header words (LAYOUTS.md table)", () => {
  it("reads 年初指标值 / 调整指标值 (TARGET_ADJUSTED), 全年完成值, 指标权重, 指标得分, 自评总分", () => {
    const g = build([
      [
        "一级指标",
        "二级指标",
        "三级指标",
        "年初指标值",
        "调整指标值",
        "全年完成值",
        "指标权重",
        "指标得分",
        "未完成原因和改进措施",
      ],
      ["产出指标", "数量指标", "培训人次", "100人次", "80人次", "80人次", 50, null, null],
      [null, null, "宣传次数", "10次", null, "8次", 50, null, null],
      ["自评总分", null, null, null, null, null, 100, null],
    ]);
    const d = layoutOf(g);
    expect(d.columns).toMatchObject({
      target: 4,
      adjustedTarget: 5,
      actual: 6,
      weight: 7,
      score: 8,
      note: 9,
    });
    expect(d.totalRow).toBe(4);
    const a = analyzeSheet(g, { profile });
    expect(a.report.indicators.map((i) => [i.target, i.score])).toEqual([
      ["80人次", 50],
      ["10次", 40],
    ]);
    const adj = a.report.diagnostics.filter((x) => x.code === "TARGET_ADJUSTED");
    expect(adj.map((x) => [x.row, x.cell, x.severity])).toEqual([[2, "E2", "info"]]);
    expect(a.report.total).toBe(90);
  });

  it.each([["总额"], ["项目资金总额"], ["年度资金总额："], ["合计:"], ["资金总额"]])(
    "R-BUDGET: %j labels the budget total row",
    (label) => {
      const g = build([
        ["项目资金", null, "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分", "原因"],
        [null, label, 10, 10, 9, null, 10, null, null],
        [null, "财政拨款", 10, 10, 9, null, null, null, null],
        ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "权重", "得分"],
        ["产出指标", "数量指标", "培训", "10次", "10次", 90, null],
      ]);
      const a = analyzeSheet(g, { profile });
      expect(a.report.budget?.row).toBe(2);
      expect(a.report.budget?.score).toBe(9);
      expect(a.report.total).toBe(99);
    },
  );

  it.each([
    ["empty", null],
    ["zero", 0],
  ])(
    "LAYOUTS step 6: a budget total row with %s figures takes the sums of its sub-rows (BUDGET_TOTAL_FROM_SUBROWS)",
    (_, v) => {
      const g = build([
        ["项目资金", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        [null, "年度资金总额：", v, v, v, 10, null, null],
        [null, "其中：财政拨款", 60, 60, 57, "—", null, "—"],
        [null, "其他资金", 40, 40, 38, "—", null, "—"],
        [...L1_HEADER],
        ["产出指标", "数量指标", "培训", "10次", "10次", 90, null],
      ]);
      const a = analyzeSheet(g, { profile });
      expect(a.report.budget).toMatchObject({ row: 2, budget: 100, executed: 95, rate: 0.95, score: 9.5 });
      const d = a.report.diagnostics.find((x) => x.code === "BUDGET_TOTAL_FROM_SUBROWS");
      expect(d).toMatchObject({ severity: "info", row: 2 });
      expect(a.plan.writes.map((w) => [w.cell, w.after])).toEqual(
        expect.arrayContaining([
          ["G2", 0.95],
          ["H2", 9.5],
        ]),
      );
      // Figures on the total row are its own: no sums.
      const own = analyzeSheet(
        build([
          ["项目资金", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
          [null, "年度资金总额", 100, 100, 90, 10, null, null],
          [null, "其中：财政拨款", 60, 60, 57, null, null, null],
          [...L1_HEADER],
          ["产出指标", "数量指标", "培训", "10次", "10次", 90, null],
        ]),
        { profile },
      );
      expect(own.report.budget?.rate).toBe(0.9);
      expect(own.report.diagnostics.some((x) => x.code === "BUDGET_TOTAL_FROM_SUBROWS")).toBe(false);
    },
  );

  it("reads the grade cell of the total row: a grade word right of the score, or a column headed 等级", () => {
    const withWord = build([
      ["三级指标", "指标值", "实际完成值", "分值", "得分", "备注"],
      ["培训", "10次", "10次", 100, null, null],
      ["总分", null, null, 100, null, "良"],
    ]);
    expect(layoutOf(withWord).cells["3:grade"]).toBe("F3");
    const withColumn = build([
      ["三级指标", "指标值", "实际完成值", "分值", "得分", "自评等级"],
      ["培训", "10次", "10次", 100, null, null],
      ["总分", null, null, 100, null, null],
    ]);
    expect(layoutOf(withColumn).cells["3:grade"]).toBe("F3");
  });
});

/** Two L1 tables one under the other (rows 1–29 and 33–61) or side by side (A–I, K–S). */
function twoTables(side: boolean): GridSnapshot {
  const { rows, merges } = l1Rows();
  const second = rows.map((r) => [...r]);
  second[2] = ["项目名称", "第二个项目"];
  second[5] = [null, "年度资金总额", null, 100, 100, 100, 10];
  const shift = (m: string, dr: number, dc: number) =>
    m.replace(
      /([A-Z]+)(\d+)/g,
      (_, c: string, r: string) => String.fromCharCode(c.charCodeAt(0) + dc) + String(Number(r) + dr),
    );
  if (side) {
    const all = rows.map((r, i) => {
      const left = [...r];
      while (left.length < 10) left.push(null);
      return [...left, ...second[i]];
    });
    return build(all, { merges: [...merges, ...merges.map((m) => shift(m, 0, 10))] });
  }
  return build([...rows, [], [], [], ...second], {
    merges: [...merges, ...merges.map((m) => shift(m, 32, 0))],
  });
}

describe("LAYOUTS.md step 7: several tables on one sheet", () => {
  it.each([
    ["one under the other", false, ["A1:I29", "A33:I61"]],
    ["side by side", true, ["A1:I29", "K1:S29"]],
  ])(
    "finds and scores each table %s as its own report (table, range, MULTIPLE_TABLES)",
    (_, side, ranges) => {
      const g = twoTables(side as boolean);
      const all = analyzeTables(g, { profile });
      expect(all.map((a) => a.report.table)).toEqual([1, 2]);
      expect(all.map((a) => a.report.range)).toEqual(ranges);
      expect(all.map((a) => a.tables)).toEqual([2, 2]);
      expect(all[0].report.diagnostics.filter((d) => d.code === "MULTIPLE_TABLES")).toHaveLength(1);
      expect(all[1].report.diagnostics.some((d) => d.code === "MULTIPLE_TABLES")).toBe(false);
      expect(all[0].report.budget?.rate).toBe(0.8246);
      expect(all[1].report.budget?.rate).toBe(1);
      expect(all[0].report.total).not.toBe(all[1].report.total);
      // The second table alone, by number, is the same analysis.
      expect(analyzeSheet(g, { profile, table: 2 }).report).toEqual(all[1].report);
    },
  );

  it("writes nothing outside a table's own range", () => {
    for (const side of [false, true]) {
      const all = analyzeTables(twoTables(side), { profile });
      for (const a of all) {
        const [from, to] = (a.report.range ?? "").split(":");
        const inRange = (cell: string) => {
          const col = (s: string) => s.replace(/\d+/g, "");
          const row = (s: string) => Number(s.replace(/[A-Z]+/g, ""));
          return (
            col(cell) >= col(from) && col(cell) <= col(to) && row(cell) >= row(from) && row(cell) <= row(to)
          );
        };
        expect(a.plan.writes.length).toBeGreaterThan(0);
        for (const w of a.plan.writes) expect(inRange(w.cell)).toBe(true);
        for (const n of a.plan.notes ?? []) expect(inRange(n.cell)).toBe(true);
      }
      const merged = mergePlans(all.map((a) => a.plan));
      expect(merged.writes).toHaveLength(all.reduce((n, a) => n + a.plan.writes.length, 0));
      expect(new Set(merged.writes.map((w) => w.cell)).size).toBe(merged.writes.length);
    }
  });

  describe("side by side, header bands that do not line up (a segment ends where a role other than the weight repeats)", () => {
    /** A one-row band (A:E) beside a two-row Yunnan band (G:M) on the same rows. */
    const oneBesideTwo = () =>
      build(
        [
          [
            "三级指标",
            "年度指标值",
            "实际完成值",
            "分值",
            "得分",
            null,
            "三级指标",
            "年度指标值",
            null,
            null,
            "实际完成值",
            "分值",
            "得分",
          ],
          ["培训人次", "100人次", "90人次", 50, null, null, null, "指标性质", "指标值", "度量单位"],
          ["宣传次数", "10次", "10次", 50, null, null, "覆盖户数", "≥", 200, "户", 150, 100, null],
          ["总分", null, null, 100, null, null, "总分", null, null, null, null, 100, null],
        ],
        { merges: ["G1:G2", "H1:J1", "K1:K2", "L1:L2", "M1:M2"] },
      );

    it("each table keeps its own band: the neighbour's data row does not cut the two-row band", () => {
      const all = detectLayouts(oneBesideTwo());
      if ("missing" in all) throw new Error("no table");
      expect(all.map((d) => [d.headerRow, d.headerEnd])).toEqual([
        [1, 1],
        [1, 2],
      ]);
      expect(all[0].columns).toEqual({ name: 1, target: 2, actual: 3, weight: 4, score: 5 });
      expect(all[1].columns).toEqual({
        name: 7,
        direction: 8,
        target: 9,
        unit: 10,
        actual: 11,
        weight: 12,
        score: 13,
      });
      expect(all.map((d) => d.indicatorRows)).toEqual([[2, 3], [3]]);
      const [a, b] = analyzeTables(oneBesideTwo(), { profile });
      expect([a.report.range, b.report.range]).toEqual(["A1:E4", "G1:M4"]);
      expect(a.report.indicators.map((i) => i.score)).toEqual([45, 50]);
      // ≥ 200 户 against 150: 150 / 200 × 100 = 75.
      expect(b.report.indicators.map((i) => [i.name, i.score])).toEqual([["覆盖户数", 75]]);
    });

    it("the same tables in the other order", () => {
      // Swap the two blocks: the two-row band on the left (A:G), the one-row band right (I:M).
      const g = oneBesideTwo();
      const cells = g.cells.map((r) => [...r.slice(6, 13), null, ...r.slice(0, 5)]);
      const moved = build(
        cells.map((r) => r.map((c) => (c ? c.v : null))),
        { merges: ["A1:A2", "B1:D1", "E1:E2", "F1:F2", "G1:G2"] },
      );
      const all = analyzeTables(moved, { profile });
      expect(all.map((a) => a.report.range)).toEqual(["A1:G4", "I1:M4"]);
      expect(all.map((a) => a.report.indicators.map((i) => i.score))).toEqual([[75], [45, 50]]);
    });

    it("a second table whose upper row shows only some of its words starts where a role repeats", () => {
      // The right table's band starts one row lower; its 实际完成值 and 分值 reach up into row 1.
      const g = build(
        [
          [
            "三级指标",
            "年度指标值",
            "实际完成值",
            "分值",
            "得分",
            null,
            null,
            null,
            "实际完成值",
            "分值",
            null,
          ],
          ["培训人次", "100人次", "90人次", 100, null, null, "三级指标", "年度指标值", null, null, "得分"],
          ["总分", null, null, 100, null, null, "宣传次数", "10次", "8次", 100, null],
          [null, null, null, null, null, null, "总分", null, null, 100, null],
        ],
        { merges: ["I1:I2", "J1:J2"] },
      );
      const all = analyzeTables(g, { profile });
      expect(all).toHaveLength(2);
      expect(all[1].layout?.columns).toMatchObject({ name: 7, target: 8, actual: 9, weight: 10, score: 11 });
      expect(all.map((a) => a.report.indicators.map((i) => i.score))).toEqual([[90], [80]]);
    });

    it("tables parted by an empty column: a neighbour's header on the band's middle row lends it nothing", () => {
      // The left band runs over rows 1–3 (年度指标值 and 实际完成值 unmerged on top); the right
      // table's one-row header sits on row 2 and its data on row 3.
      const right = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"];
      const g = build(
        [
          [null, null, null, "年度指标值", "实际完成值", null, null],
          ["绩效指标", null, null, null, null, null, "得分", null, ...right],
          [
            "一级指标",
            "二级指标",
            "三级指标",
            null,
            null,
            "分值",
            null,
            null,
            "产出指标",
            "数量指标",
            "培训",
            "10次",
            "8次",
            100,
          ],
          [
            "产出指标",
            "数量指标",
            "宣传",
            "100人次",
            "90人次",
            100,
            null,
            null,
            "总分",
            null,
            null,
            null,
            null,
            100,
          ],
          ["总分", null, null, null, null, 100],
        ],
        { merges: ["A2:C2"] },
      );
      const all = analyzeTables(g, { profile });
      expect(all.map((a) => a.report.range)).toEqual(["A1:G5", "I2:O4"]);
      expect(all[0].layout?.columns).toEqual({
        level1: 1,
        level2: 2,
        name: 3,
        target: 4,
        actual: 5,
        weight: 6,
        score: 7,
      });
      expect([all[0].layout?.headerRow, all[0].layout?.headerEnd]).toEqual([1, 3]);
      expect(all.map((a) => a.report.indicators.map((i) => i.score))).toEqual([[90], [80]]);
    });

    it("a spacer column inside a table does not part it", () => {
      const g = build([
        [
          "一级指标",
          null,
          "三级指标",
          "年度指标值",
          "实际完成值",
          "分值",
          null,
          "得分",
          null,
          "三级指标",
          "指标值",
          null,
          "实际完成值",
          "分值",
          "得分",
        ],
        [
          "产出指标",
          null,
          "培训",
          "10次",
          "8次",
          100,
          null,
          null,
          null,
          "宣传",
          "10次",
          null,
          "9次",
          100,
          null,
        ],
      ]);
      const all = analyzeTables(g, { profile });
      expect(all.map((a) => a.layout?.columns)).toEqual([
        { level1: 1, name: 3, target: 4, actual: 5, weight: 6, score: 8 },
        { name: 10, target: 11, actual: 13, weight: 14, score: 15 },
      ]);
      expect(all.map((a) => a.report.indicators.map((i) => i.score))).toEqual([[80], [90]]);
    });

    it("a level column after a spacer belongs to the table on its right", () => {
      const head = ["三级指标", "指标值", "实际完成值", "分值", "得分"];
      const g = build([
        [...head, null, "一级指标", null, ...head],
        ["培训", "10次", "8次", 100, null, null, "产出指标", null, "宣传", "10次", "9次", 100, null],
      ]);
      const all = analyzeTables(g, { profile });
      expect(all.map((a) => a.layout?.columns)).toEqual([
        { name: 1, target: 2, actual: 3, weight: 4, score: 5 },
        { level1: 7, name: 9, target: 10, actual: 11, weight: 12, score: 13 },
      ]);
      expect(all[1].report.indicators.map((i) => i.level1)).toEqual(["产出指标"]);
    });

    it("a table whose band starts a row lower, with a spacer column inside, is still found", () => {
      const g = build([
        [null, "年度指标值", "实际完成值"],
        [
          "三级指标",
          null,
          null,
          "分值",
          "得分",
          null,
          "三级指标",
          "指标值",
          null,
          "实际完成值",
          "分值",
          "得分",
        ],
        ["培训", "100人次", "90人次", 100, null, null, "宣传", "10次", null, "8次", 100, null],
      ]);
      const all = analyzeTables(g, { profile });
      expect(all.map((a) => a.layout?.columns)).toEqual([
        { name: 1, target: 2, actual: 3, weight: 4, score: 5 },
        { name: 7, target: 8, actual: 10, weight: 11, score: 12 },
      ]);
      expect(all.map((a) => a.report.indicators.map((i) => i.score))).toEqual([[90], [80]]);
    });

    it("tables side by side are numbered left to right, whichever starts higher", () => {
      const head = ["三级指标", "指标值", "实际完成值", "分值", "得分"];
      const g = build([
        [null, null, null, null, null, null, "第二个项目"],
        ["第一个项目"],
        [...head, null, ...head],
        ["培训", "10次", "8次", 100, null, null, "宣传", "10次", "9次", 100, null],
      ]);
      const all = analyzeTables(g, { profile });
      expect(all.map((a) => a.report.range)).toEqual(["A2:E4", "G1:K4"]);
    });

    it("分值 after each level column does not split a table; a name again does", () => {
      const left = ["一级指标", "分值", "三级指标", "分值", "得分"];
      const g = build([
        [...left, null, ...left],
        ["决策", 100, "立项依据充分性", 100, 90, null, "产出", 100, "培训完成率", 100, 80],
      ]);
      const all = detectLayouts(g);
      if ("missing" in all) throw new Error("no table");
      expect(all.map((d) => d.columns.weight)).toEqual([4, 10]);
      expect(all.map((d) => d.columns.name)).toEqual([3, 9]);
    });
  });

  it("a header repeated without a total row or a new title between is one table (page split)", () => {
    const { rows, merges } = l1Rows();
    const header = rows[11];
    const split = [...rows.slice(0, 20), [...header], ...rows.slice(20)];
    const g = build(split, {
      merges: merges.map((m) =>
        m.replace(/(\d+)/g, (r) => String(Number(r) > 20 ? Number(r) + 1 : Number(r))),
      ),
    });
    const all = detectLayouts(g);
    if ("missing" in all) throw new Error("no table");
    expect(all).toHaveLength(1);
    expect(all[0].indicatorRows).not.toContain(21);
  });

  it("NO_TABLE_FOUND says which header words were found and which are missing", () => {
    const g = build([["说明"], ["三级指标", "年度指标值", "得分"], ["培训", "1", null]]);
    const d = detectLayouts(g);
    expect(d).toEqual({
      missing: ["分值", "权重", "标准分", "满分", "指标权重", "权重分", "指标分值"],
      found: ["三级指标", "年度指标值", "得分"],
    });
    const a = analyzeTables(g, { profile });
    expect(a).toHaveLength(1);
    expect(a[0].report.diagnostics[0].code).toBe("NO_TABLE_FOUND");
    expect(a[0].report.diagnostics[0].message).toMatch(/找到的表头文字：“三级指标”、“年度指标值”、“得分”/);
    expect(a[0].report.diagnostics[0].message).toMatch(/缺少的表头文字：“分值”/);
  });

  it("a manual mapping names the header band's last row (headerEnd)", () => {
    const g = build([
      ["指标", null, "目标", null, null],
      ["名称", "标准", "目标", "实际", "得"],
      ["培训", 100, "10次", "10次", null],
    ]);
    const d = detectLayout(g, {
      headerRow: 1,
      headerEnd: 2,
      columns: { name: 1, weight: 2, target: 3, actual: 4, score: 5 },
    });
    if ("missing" in d) throw new Error("no table");
    expect(d.indicatorRows).toEqual([3]);
  });
});
