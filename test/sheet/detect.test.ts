import { detect } from "../../src/sheet/detect";
import { Grid } from "../../src/sheet/grid";
import { detectLayout, type DetectedLayout, type GridSnapshot } from "../../src/sheet";
import { normalizeHeader } from "../../src/sheet/words";
import { build, pct, type In } from "./grid-builder";
import { l1, l1Rows, l5 } from "./fixtures";
import { L1_HEADER, L2_HEADER, NOTES_HEADER } from "../support/headers";

function layoutOf(g: GridSnapshot): DetectedLayout {
  const d = detectLayout(g);
  if ("missing" in d) throw new Error(`no table: ${d.missing.join(",")}`);
  return d;
}

function found(g: GridSnapshot) {
  const f = detect(new Grid(g));
  if ("missing" in f) throw new Error("no table");
  return f;
}

describe("header normalisation (LAYOUTS.md decision 1)", () => {
  it.each([
    ["年度\n指标值（A）", "年度指标值"],
    ["实际 完成值", "实际完成值"],
    ["执行率（B/A）", "执行率"],
    ["全年预算数(A)", "全年预算数"],
    ["项目资金（万元）", "项目资金"],
    ["等级：", "等级"],
  ])("%j → %j", (raw, norm) => {
    expect(normalizeHeader(raw)).toBe(norm);
  });
});

describe("L1 项目支出绩效自评表", () => {
  const d = layoutOf(l1());

  it("finds the indicator header, its columns and the table total row by words", () => {
    expect(d.layout).toBe("L1");
    expect(d.headerRow).toBe(12);
    expect(d.columns).toEqual({
      level1: 2,
      level2: 3,
      name: 4,
      target: 5,
      actual: 6,
      weight: 7,
      score: 8,
      note: 9,
    });
    expect(d.totalRow).toBe(29);
    expect(d.firstRow).toBe(13);
    expect(d.lastRow).toBe(28);
    expect(d.indicatorRows).toEqual([13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28]);
  });

  it("finds the budget block (R-BUDGET): header, rows up to 年度总体目标, label column left of the title cell", () => {
    expect(d.budget).toEqual({
      headerRow: 5,
      firstRow: 6,
      lastRow: 9,
      columns: { planned: 4, budget: 5, executed: 6, weight: 7, rate: 8, score: 9, label: 2 },
      totalRow: 6,
    });
    const f = found(l1());
    expect(f.budget?.rows.map((r) => r.label)).toEqual([
      "年度资金总额",
      "其中：当年财政拨款",
      "上年结转资金",
      "其他资金",
    ]);
  });

  it("maps (row, field) to cells: scores, budget rate and score, total", () => {
    expect(d.cells["13:score"]).toBe("H13");
    expect(d.cells["6:budgetRate"]).toBe("H6");
    expect(d.cells["6:budgetScore"]).toBe("I6");
    expect(d.cells["7:budgetRate"]).toBe("H7");
    expect(d.cells["29:total"]).toBe("H29");
    expect(d.cells["7:budgetScore"]).toBeUndefined();
  });

  it("gives a merged note block one id, its anchor, for every row it covers", () => {
    for (const r of [13, 14, 15, 16]) expect(d.cells[`${r}:note`]).toBe("I13");
    expect(d.cells["note:I13"]).toBe("I13");
    expect(d.cells["17:note"]).toBe("I17");
  });

  it("inherits merged level cells downwards; stated weights stay in the level text", () => {
    const f = found(l1());
    const byRow = new Map(f.rows.map((r) => [r.row, r]));
    expect(byRow.get(16)).toMatchObject({ level1: "产出指标 （50分）", level2: "数量指标 （20分）" });
    expect(byRow.get(19)).toMatchObject({ level1: "产出指标 （50分）", level2: "质量指标 （15分）" });
    expect(byRow.get(24)).toMatchObject({ level1: "效益指标 （30分）", level2: "经济效益 指标 （15分）" });
    expect(byRow.get(28)).toMatchObject({
      level1: "满意度 指标 （10分）",
      level2: "服务对象满意度指标（10分）",
    });
  });

  it("reads the same whether covered merge cells are empty (Office) or repeat the anchor (exceljs)", () => {
    const a = layoutOf(l1());
    const b = layoutOf(l1({ fillMerged: true }));
    expect(b).toEqual(a);
    expect(found(l1({ fillMerged: true })).rows).toEqual(found(l1()).rows);
  });
});

describe("column order, titles, synonyms", () => {
  it("reads columns in another order by their words, not their places", () => {
    const g = build([
      ["得分", "分值", "实际完成值", "年度指标值", "三级指标", "二级指标", "一级指标"],
      [null, 10, "9个", "10个", "开展培训", "数量指标", "产出指标"],
      [null, 90, "100%", "100%", "满意度", "满意度指标", "满意度指标"],
    ]);
    const d = layoutOf(g);
    expect(d.columns).toEqual({ score: 1, weight: 2, actual: 3, target: 4, name: 5, level2: 6, level1: 7 });
    expect(d.layout).toBe("L5");
    expect(d.indicatorRows).toEqual([2, 3]);
  });

  it("skips extra title rows and reads a grid that does not start at A1", () => {
    const rows: In[][] = [
      ["附件2"],
      ["2022年度项目支出绩效自评表"],
      ["（2022年度）"],
      ["填报单位：某某局", null, null, null, "单位：万元"],
      [...L1_HEADER],
      ["产出指标", "数量指标", "培训人次", "100人次", "120人次", 100],
      ["总分", null, null, null, null, 100],
    ];
    const d = layoutOf(build(rows, { top: 3, left: 2, merges: ["B4:H4"] }));
    expect(d.headerRow).toBe(7);
    expect(d.columns.name).toBe(4);
    expect(d.indicatorRows).toEqual([8]);
    expect(d.totalRow).toBe(9);
    expect(d.cells["8:score"]).toBe("H8");
  });

  it("recognises header synonyms with annotations, spaces and line breaks; narrative 实际完成情况 is not 实际完成", () => {
    const g = build([
      [
        "指标名称",
        "年度\n目标值（A）",
        "实际完成情况",
        "全年 实际值（B）",
        "标准分",
        "自评得分（分）",
        "偏差原因分析",
      ],
      ["培训人次", "100人次", "完成良好", "80人次", 100, null, null],
    ]);
    const d = layoutOf(g);
    expect(d.columns).toEqual({ name: 1, target: 2, actual: 4, weight: 5, score: 6, note: 7 });
  });

  it("needs no leading 绩效指标 column", () => {
    const d = layoutOf(l5());
    expect(d.layout).toBe("L5");
    expect(d.columns.level1).toBe(1);
    expect(d.budget).toBeNull();
    expect(d.indicatorRows).toEqual([3, 4, 5, 6]);
    expect(d.totalRow).toBe(7);
  });
});

describe("L2 split-value variant with Sichuan budget columns", () => {
  const rows: In[][] = [
    ["项目支出绩效自评表"],
    ["项目资金", "", "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分", "原因"],
    [null, "年度资金总额", 100, 120, 96, null, 10, null, null],
    [null, "财政拨款", 100, 120, 96],
    ["年度总体目标", "完成招商任务"],
    [...L2_HEADER, "未完成原因分析"],
    ["产出指标", "数量指标", "引进省外到位资金", "≥", 800, "亿元", 827, 45],
    [null, "质量指标", "项目落地率", "≥", 90, "%", 95, 45],
    ["总分", null, null, null, null, null, null, 100],
  ];
  const g = build(rows, { merges: ["A2:A4", "A7:A8"] });
  const d = layoutOf(g);

  it("is L2 with direction, target and unit columns (R-DIR, R-PARSE-3)", () => {
    expect(d.layout).toBe("L2");
    expect(d.columns).toMatchObject({
      direction: 4,
      target: 5,
      unit: 6,
      actual: 7,
      weight: 8,
      score: 9,
      note: 10,
    });
  });

  it("reads the Sichuan budget block: no 全年预算数, 调整后预算数 present (R-BUDGET), a reason column", () => {
    expect(d.budget?.columns).toEqual({
      planned: 3,
      adjusted: 4,
      executed: 5,
      rate: 6,
      weight: 7,
      score: 8,
      reason: 9,
      label: 2,
    });
    expect(d.budget?.totalRow).toBe(3);
    expect(d.budget?.lastRow).toBe(4);
    expect(d.cells["3:budgetReason"]).toBe("I3");
    expect(d.cells["3:budgetDenominator"]).toBe("D3");
  });
});

describe("L2 with a two-row header (年度指标值 merged over its parts)", () => {
  it("hands the group header's columns to the roles below it", () => {
    const g = build(
      [
        ["一级指标", "二级指标", "三级指标", "年度指标值", null, null, "实际完成值", "分值", "得分"],
        [null, null, null, "指标性质", "指标值", "度量单位"],
        ["产出指标", "数量指标", "招商项目", "≥", 10, "个", 12, 100],
      ],
      { merges: ["A1:A2", "B1:B2", "C1:C2", "D1:F1", "G1:G2", "H1:H2", "I1:I2"] },
    );
    const d = layoutOf(g);
    expect(d.layout).toBe("L2");
    expect(d.columns).toMatchObject({ direction: 4, target: 5, unit: 6, actual: 7, weight: 8, score: 9 });
    expect(d.indicatorRows).toEqual([3]);
  });
});

describe("L3 评分表", () => {
  it("has no target and no actual column; 评价得分 is both the score header and the total label", () => {
    const g = build(
      [
        ["项目支出绩效评分表"],
        ["一级指标", "二级指标", "三级指标", "分值", "评分标准", "评价得分"],
        ["决策 (15分)", "项目立项 (4分)", "立项依据 充分性", 2, "四项各占1/4权重分", 2],
        [null, null, "立项程序 规范性", 2, "每有一项不符，扣除相应权重分", 2],
        ["评价得分", null, null, null, null, 84.15],
      ],
      { merges: ["A1:F1", "A3:A4", "B3:B4", "A5:E5"] },
    );
    const d = layoutOf(g);
    expect(d.layout).toBe("L3");
    expect(d.columns).toEqual({ level1: 1, level2: 2, name: 3, weight: 4, ruleText: 5, score: 6 });
    expect(d.budget).toBeNull();
    expect(d.totalRow).toBe(5);
    expect(d.cells["5:total"]).toBe("F5");
  });

  it("reads level labels broken by spaces and line breaks, a level split over two blocks, repeated headers and empty rows", () => {
    const g = build(
      [
        ["一级\n指标", "二级\n指标", "三级指标", "分值", "指标说明", "得分"],
        ["决  策", "项目\n立项", "立项依据充分性", 2, "评价要点", 2],
        [null, null, "立项程序规范性", 2, "评价要点", 2],
        ["一级指标", "二级指标", "三级指标", "分值", "指标说明", "得分"],
        ["决\n策", "资金\n投入", "预算编制科学性", 3, "评价要点", 3],
        [null, null, null, null, null, null],
        [null, null, "", null, null, null],
        ["过   程", "组织实施", "管理制度健全性", 4, "评价要点", 4],
        [null, null, "制度执行有效性", 4, "评价要点", 4],
        ["合计", null, null, 15],
      ],
      { merges: ["A2:A3", "B2:B3"], hiddenRows: [7] },
    );
    const f = found(g);
    expect(f.layout).toBe("L3");
    expect(f.rows).toEqual([
      { row: 2, level1: "决  策", level2: "项目\n立项" },
      { row: 3, level1: "决  策", level2: "项目\n立项" },
      { row: 5, level1: "决  策", level2: "资金\n投入" },
      { row: 8, level1: "过   程", level2: "组织实施" },
      { row: 9, level1: "过   程", level2: "组织实施" },
    ]);
    expect(f.totalRow).toBe(10);
  });
});

describe("L4 部门整体支出绩效自评表", () => {
  it("reads a budget block of 基本支出 / 项目支出 / 合计, 合计 carrying the budget score", () => {
    const g = build(
      [
        ["部门整体支出绩效自评表"],
        ["年度预算（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        [null, "基本支出", 500, 520, 510],
        [null, "项目支出", 300, 300, 240],
        [null, "合计", 800, 820, 750, 10],
        ["年度总体目标", "履职尽责"],
        [...L1_HEADER, NOTES_HEADER],
        ["产出指标", "数量指标", "重点工作办结率", "100%", "100%", 90],
        ["合计", null, null, null, null, 100],
      ],
      { merges: ["A2:A5"] },
    );
    const d = layoutOf(g);
    expect(d.layout).toBe("L4");
    expect(d.budget?.totalRow).toBe(5);
    expect(d.budget?.lastRow).toBe(5);
    expect(d.cells["5:budgetScore"]).toBe("H5");
    expect(d.cells["3:budgetRate"]).toBe("G3");
    // The table's own 合计 is the table total row, below the indicator header.
    expect(d.totalRow).toBe(9);
    expect(d.indicatorRows).toEqual([8]);
  });
});

describe("noise around the table", () => {
  it("finds the real table among two tables' worth of unrelated cells", () => {
    const noiseTop: In[][] = [
      ["附件", null, null, null, null, null, null, null, null, null, "备注"],
      ["序号", "项目", "金额", "说明"],
      [1, "办公费", 12.5, "日常"],
      [2, "差旅费", 8, "三级指标说明"],
      ["填报说明：分值合计应为100分", null, null, null, null, null, null, null, null, null, 42],
    ];
    const { rows: tableRows, merges } = l1Rows();
    const shift = noiseTop.length;
    const rows: In[][] = [
      ...noiseTop,
      ...tableRows.map((r) => [...r, null, null, r === tableRows[13] ? "旁注：计划值见附表" : null]),
      ["填表人：张三", null, null, "联系电话：123"],
      ["序号", "指标", "分值", "得分"],
      [1, "其他", 5, 3],
    ];
    const moved = merges.map((m) => m.replace(/(\d+)/g, (n) => String(Number(n) + shift)));
    const d = layoutOf(build(rows, { merges: moved }));
    expect(d.layout).toBe("L1");
    expect(d.headerRow).toBe(12 + shift);
    expect(d.budget?.headerRow).toBe(5 + shift);
    expect(d.budget?.totalRow).toBe(6 + shift);
    expect(d.totalRow).toBe(29 + shift);
    expect(d.indicatorRows?.length).toBe(16);
    expect(d.cells[`${13 + shift}:score`]).toBe(`H${13 + shift}`);
  });
});

describe("grade cell", () => {
  it("is the cell right of a cell labelled 评价等级", () => {
    const g = build([
      ["三级指标", "年度指标值", "实际完成值", "分值", "得分"],
      ["培训人次", "100人次", "100人次", 100],
      ["总分", null, null, 100, null],
      ["评价等级", null, null, null],
    ]);
    const d = layoutOf(g);
    expect(d.cells["4:grade"]).toBe("B4");
  });

  it("skips a merged label to the cell after its merged area", () => {
    const g = build(
      [
        ["三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["培训人次", "100人次", "100人次", 100],
        ["总分", null, "自评等级", 100, null, null, "良"],
      ],
      { merges: ["C3:D3"] },
    );
    // 总分 row: weight D3 is covered by the label merge; the grade cell is E3.
    const d = layoutOf(g);
    expect(d.cells["3:grade"]).toBe("E3");
  });
});

describe("no table (NO_TABLE_FOUND)", () => {
  it("names the header words looked for", () => {
    const d = detectLayout(build([["说明"], ["一些文字", 12]]));
    expect(d).toEqual({
      missing: [
        "三级指标",
        "指标名称",
        "具体指标",
        "分值",
        "权重",
        "标准分",
        "满分",
        "指标权重",
        "权重分",
        "指标分值",
      ],
    });
  });

  it("names only the weight words when an indicator-name column exists", () => {
    const d = detectLayout(
      build([
        ["三级指标", "年度指标值", "得分"],
        ["培训", "1", null],
      ]),
    );
    expect(d).toEqual({ missing: ["分值", "权重", "标准分", "满分", "指标权重", "权重分", "指标分值"] });
  });
});

describe("manual column mapping", () => {
  it("replaces header detection", () => {
    const g = build([
      ["指标", "目标", "实际", "满分值", "评分"],
      ["培训人次", "100人次", "80人次", 100, null],
      ["总分", null, null, 100, null],
    ]);
    expect("missing" in detectLayout(g)).toBe(true);
    const d = detectLayout(g, {
      headerRow: 1,
      columns: { name: 1, target: 2, actual: 3, weight: 4, score: 5 },
    });
    if ("missing" in d) throw new Error("mapping ignored");
    expect(d.layout).toBe("L5");
    expect(d.indicatorRows).toEqual([2]);
    expect(d.cells["2:score"]).toBe("E2");
    expect(d.totalRow).toBe(3);
  });

  it("says what a mapping lacks", () => {
    const g = build([["a"], ["b"]]);
    expect(detectLayout(g, { headerRow: 1, columns: { name: 1 } })).toEqual({
      missing: ["分值", "权重", "标准分", "满分", "指标权重", "权重分", "指标分值"],
    });
  });
});

describe("percent-formatted actuals pass through", () => {
  it("keeps the number format for the core (R-PARSE-2)", () => {
    const g = build([
      ["三级指标", "年度指标值", "实际完成值", "分值", "得分"],
      ["满意度", "≥95%", pct(0.95, "0%"), 100],
    ]);
    expect(layoutOf(g).cells["2:actual"]).toBe("C2");
  });
});
