/**
 * A freshly built template, filled in as a user would, scores like the reference workbook
 * holding the same figures.
 */
import { readFileSync } from "fs";
import { join } from "path";
import ExcelJS from "exceljs";
import { resolveProfile } from "../../src/core";
import { address, analyzeSheet, parseAddress } from "../../src/sheet";
import type { CellValue, GridSnapshot } from "../../src/sheet/types";
import { buildTemplate, templateToGrid, type TemplateSheet } from "../../src/templates";
import { findCell, setCell } from "./helpers";
import { REFERENCE_DIR as REFERENCE } from "../support/expected";

interface Expected {
  total: number;
  grade: string;
  totalProvisional: boolean;
  budget: { rate: number; score: number } | null;
  indicators?: { name: string; score: number; scoreSource: string }[];
  diagnosticsExclude?: (string | { code: string; row: number })[];
}

function expected(name: string): Expected {
  return JSON.parse(readFileSync(join(REFERENCE, `${name}.expected.json`), "utf8")) as Expected;
}

type Fill = CellValue | { v: CellValue; fmt: string };

/** Workbook A (东湖区 2021), by 二级指标: name, target, actual, weight and a person's score. */
const A_ROWS: Record<string, [string, Fill, Fill, number | null, number | null][]> = {
  数量指标: [
    ["利用外资工作完成率", "4.3亿美元", "3.58亿美元", 5, null],
    ["利用内资工作完成率", "96.67亿元", "80.63亿元", 5, null],
    ["利用省外资金 工作完成率", "69.80亿元", "58.22亿元", 5, null],
    ["“152”项目签约数量", "3个", "1个", 5, null],
  ],
  质量指标: [
    ["新签约项目开工率", "100%", { v: 1, fmt: "0%" }, 5, null],
    ["新签约项目投产率", "100%", { v: 1, fmt: "0%" }, 5, null],
    ["“152”项目签约金额", "60亿元", "38亿元", 5, null],
  ],
  时效指标: [["招商引资工作及时完成率", "100%", { v: 1, fmt: "0%" }, 5, null]],
  成本指标: [["成本控制率", "100%", "100%", 10, null]],
  经济效益指标: [
    ["利用外资增幅", "5%", { v: 0.081, fmt: "0.0%" }, 5, null],
    ["利用内资增幅", "5%", { v: 0.0654, fmt: "0.00%" }, 5, null],
    ["利用省外资金增幅", "5%", { v: 0.08, fmt: "0%" }, 5, null],
  ],
  社会效益指标: [["增加就业机会", "显著", "较显著", 10, 8]],
  生态效益指标: [["无", null, null, null, null]],
  可持续影响指标: [["项目可持续性", "长期", "中长期", 5, 3]],
  服务对象满意度指标: [["服务对象满意度", "≥95%", { v: 0.95, fmt: "0%" }, 10, null]],
};

function put(grid: GridSnapshot, row: number, col: number, value: Fill): void {
  if (value !== null && typeof value === "object" && !(value instanceof Date))
    setCell(grid, row, col, value.v, value.fmt);
  else setCell(grid, row, col, value);
}

/** Column of the template cell holding `text` in `row`. */
function headerCol(sheet: TemplateSheet, row: number, text: string): number {
  for (const c of sheet.cells) {
    const at = parseAddress(c.cell);
    if (at?.row === row && c.value === text) return at.col;
  }
  throw new Error(`no ${text} in row ${row}`);
}

describe("a filled L1 template scores like reference workbook A (R-BUDGET, R-POS, R-QUAL, R-TOTAL, R-GRADE)", () => {
  const rows = Object.fromEntries(Object.entries(A_ROWS).map(([k, v]) => [k, v.length]));
  const sheet = buildTemplate("L1", { year: 2021, projectName: "招商引资专项经费", rows });
  const grid = templateToGrid(sheet);

  const header = findCell(sheet, "三级指标").row;
  const col = (text: string) => headerCol(sheet, header, text);
  const budgetHeader = findCell(sheet, "年初预算数").row;
  const bcol = (text: string) => headerCol(sheet, budgetHeader, text);
  const budget: [string, number, number, number][] = [
    ["年度资金总额", 207, 207, 170.69],
    ["其中：当年财政拨款", 207, 207, 170.69],
    ["上年结转资金", 0, 0, 0],
    ["其他资金", 0, 0, 0],
  ];
  for (const [label, planned, full, executed] of budget) {
    const r = findCell(sheet, label).row;
    setCell(grid, r, bcol("年初预算数"), planned);
    setCell(grid, r, bcol("全年预算数"), full);
    setCell(grid, r, bcol("全年执行数"), executed);
  }
  for (const [level2, list] of Object.entries(A_ROWS)) {
    const top = findCell(sheet, level2, 3).row;
    list.forEach(([name, target, actual, weight, score], i) => {
      const r = top + i;
      put(grid, r, col("三级指标"), name);
      put(grid, r, col("年度指标值"), target);
      put(grid, r, col("实际完成值"), actual);
      put(grid, r, col("分值"), weight);
      if (score !== null) put(grid, r, col("得分"), score);
    });
  }

  const exp = expected("A-donghu-2021-selfeval-blank");
  const { report, plan } = analyzeSheet(grid, { profile: resolveProfile("central") });

  it("is read as L1 and reaches the published total 86.59, grade 良", () => {
    expect(report.layout).toBe("L1");
    expect(report.total).toBeCloseTo(exp.total, 2);
    expect(report.total).toBeCloseTo(86.59, 2);
    expect(report.totalProvisional).toBe(false);
    expect(report.grade).toBe(exp.grade);
  });

  it("scores the budget block: 执行率 82.46%, 8.25 of 10", () => {
    expect(report.budget?.rate).toBeCloseTo(exp.budget!.rate, 4);
    expect(report.budget?.score).toBeCloseTo(exp.budget!.score, 2);
  });

  it("scores every indicator row as the reference does, keeping the two person scores", () => {
    const byName = new Map(report.indicators.map((r) => [r.name, r]));
    for (const e of exp.indicators!) {
      const got = byName.get(e.name);
      expect([e.name, got?.scoreSource]).toEqual([e.name, e.scoreSource]);
      expect(Math.abs((got?.score ?? Number.NaN) - e.score)).toBeLessThan(0.005);
    }
    expect(report.indicators).toHaveLength(exp.indicators!.length);
  });

  it("raises none of the diagnostics the reference excludes (no WEIGHT_SUM, no LEVEL_WEIGHT_MISMATCH)", () => {
    const codes = new Set(report.diagnostics.map((d) => d.code));
    for (const x of exp.diagnosticsExclude ?? []) {
      if (typeof x === "string") expect([x, codes.has(x as never)]).toEqual([x, false]);
    }
  });

  it("plans the total into the template's 总分 row", () => {
    const total = findCell(sheet, "总分").row;
    const write = plan.writes.find((w) => w.cell === address(total, col("得分")));
    expect(write?.after).toBeCloseTo(86.59, 2);
  });
});

describe("a filled L3 template scores like reference workbook C (R-TOTAL, R-GRADE)", () => {
  it("gives 97, grade 优, from C's weights and scores", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(REFERENCE, "C-yiyang-2024-scoresheet.xlsx"));
    const ws = wb.worksheets[0];
    const figures: [number, number][] = [];
    for (let r = 3; r <= 19; r++)
      figures.push([Number(ws.getCell(r, 4).value), Number(ws.getCell(r, 7).value)]);

    const sheet = buildTemplate("L3", { year: 2024, satisfaction: "inBenefit" });
    const grid = templateToGrid(sheet);
    const header = findCell(sheet, "三级指标").row;
    const weightCol = headerCol(sheet, header, "分值");
    const scoreCol = headerCol(sheet, header, "得分");
    expect(findCell(sheet, "评价得分").row - header - 1).toBe(figures.length);
    figures.forEach(([w, s], i) => {
      setCell(grid, header + 1 + i, weightCol, w);
      setCell(grid, header + 1 + i, scoreCol, s);
    });

    const exp = expected("C-yiyang-2024-scoresheet");
    const { report, plan } = analyzeSheet(grid, { profile: resolveProfile("central") });
    expect(report.layout).toBe("L3");
    expect(report.total).toBeCloseTo(exp.total, 2);
    expect(report.grade).toBe(exp.grade);
    expect(report.totalProvisional).toBe(false);
    const codes = report.diagnostics.map((d) => d.code);
    expect(codes).not.toContain("WEIGHT_SUM");
    expect(codes).not.toContain("LEVEL_WEIGHT_MISMATCH");
    expect(codes).not.toContain("SCORE_EXCEEDS_WEIGHT");
    expect(plan.writes.map((w) => w.cell)).toEqual([address(findCell(sheet, "评价得分").row, scoreCol)]);
  });
});

describe("filled L2 and L4 templates score by their own columns", () => {
  const profile = resolveProfile("central");

  it("L2: 指标性质 / 指标值 / 度量单位 from the library give R-POS and R-REV scores", () => {
    const sheet = buildTemplate("L2", {
      indicators: [
        {
          level1: "产出指标",
          level2: "数量指标",
          name: "引进省外到位资金",
          target: "≥800",
          unit: "亿元",
          weight: 30,
        },
        {
          level1: "产出指标",
          level2: "成本指标",
          name: "招商引资工作经费",
          target: "≤100",
          unit: "万元",
          weight: 20,
        },
      ],
    });
    const grid = templateToGrid(sheet);
    const header = findCell(sheet, "三级指标").row;
    const actual = headerCol(sheet, header, "实际完成值");
    setCell(grid, findCell(sheet, "引进省外到位资金").row, actual, 600);
    setCell(grid, findCell(sheet, "招商引资工作经费").row, actual, 125);
    const { report } = analyzeSheet(grid, { profile });
    expect(report.layout).toBe("L2");
    const by = new Map(report.indicators.map((r) => [r.name, r]));
    expect(by.get("引进省外到位资金")?.score).toBeCloseTo(22.5, 2);
    expect(by.get("招商引资工作经费")?.score).toBeCloseTo(16, 2);
    expect(by.get("引进省外到位资金")?.target).toBe("≥800亿元");
  });

  it("L4: the 合计 row carries the budget score, 基本支出 and 项目支出 their rates", () => {
    const sheet = buildTemplate("L4");
    const grid = templateToGrid(sheet);
    const bh = findCell(sheet, "年初预算数").row;
    const figures: [string, number, number][] = [
      ["基本支出", 100, 95],
      ["项目支出", 100, 80],
      ["合计", 200, 175],
    ];
    for (const [label, budget, executed] of figures) {
      const r = findCell(sheet, label).row;
      setCell(grid, r, headerCol(sheet, bh, "年初预算数"), budget);
      setCell(grid, r, headerCol(sheet, bh, "全年预算数"), budget);
      setCell(grid, r, headerCol(sheet, bh, "全年执行数"), executed);
    }
    const { report } = analyzeSheet(grid, { profile });
    expect(report.layout).toBe("L4");
    expect(report.budget?.row).toBe(findCell(sheet, "合计").row);
    expect(report.budget?.rate).toBeCloseTo(0.875, 4);
    expect(report.budget?.score).toBeCloseTo(8.75, 2);
    expect(report.budget?.subRows.map((s) => s.rate)).toEqual([0.95, 0.8]);
    expect(report.diagnostics.map((d) => d.code)).not.toContain("WEIGHT_SUM");
    expect(report.diagnostics.map((d) => d.code)).not.toContain("LEVEL_WEIGHT_MISMATCH");
  });
});
