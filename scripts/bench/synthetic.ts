/** Synthetic scoring-core input of N indicator rows, mixing the kinds of rows real tables have. */
import type { CellInput, IndicatorRowInput, TableInput } from "../../src/core/types";
import { BAND_HEADER, L1_HEADER, LEVEL_HEADERS, NOTES_HEADER } from "../../test/support/headers";

const cell = (value: CellInput["value"], numFmt?: string): CellInput =>
  numFmt ? { value, numFmt } : { value };

/** One row of each kind in turn: count, amount, percent (formatted), reverse, range, date, qualitative. */
function row(i: number, r: number): IndicatorRowInput {
  const base = {
    row: r,
    level1: i % 3 === 0 ? "产出指标（50分）" : i % 3 === 1 ? "效益指标（30分）" : "满意度指标（10分）",
    level2: "数量指标",
    name: `指标${i + 1}`,
    weight: cell(1),
    score: cell(null),
    scoreOrigin: "empty" as const,
    note: { id: `I${r}`, text: null },
  };
  switch (i % 7) {
    case 0:
      return { ...base, target: cell("100个"), actual: cell(`${80 + (i % 30)}个`) };
    case 1:
      return { ...base, target: cell("4.3亿美元"), actual: cell("3.58亿美元") };
    case 2:
      return { ...base, target: cell("≥95%"), actual: cell(0.9 + (i % 10) / 100, "0.00%") };
    case 3:
      return { ...base, target: cell("≤100万元"), actual: cell(`${90 + (i % 30)}万元`) };
    case 4:
      return { ...base, target: cell("1-2次"), actual: cell("2次") };
    case 5:
      return { ...base, target: cell("2021年12月31日前"), actual: cell("2021-12-20") };
    default:
      return { ...base, target: cell("显著"), actual: cell(i % 2 ? "较显著" : "显著") };
  }
}

/** An L1 table: a budget block (total + one sub-row) and `n` indicator rows from row 13. */
export function syntheticTable(n: number): TableInput {
  const indicators: IndicatorRowInput[] = [];
  for (let i = 0; i < n; i++) indicators.push(row(i, 13 + i));
  return {
    layout: "L1",
    indicators,
    budget: {
      columns: { planned: true, budget: true, adjusted: false, executed: true },
      total: {
        row: 6,
        label: "年度资金总额",
        planned: cell(207),
        budget: cell(207),
        adjusted: null,
        executed: cell(170.69),
        rate: cell(null),
        rateOrigin: "empty",
        weight: cell(10),
        score: cell(null),
        scoreOrigin: "empty",
        reason: null,
      },
      subRows: [
        {
          row: 7,
          label: "其中：当年财政拨款",
          planned: cell(207),
          budget: cell(207),
          adjusted: null,
          executed: cell(170.69),
          rate: cell(null),
          rateOrigin: "empty",
        },
      ],
    },
    totalRow: { row: 13 + n, score: cell(null), scoreOrigin: "empty" },
  };
}

/** A grid cell for the reader benchmark. */
type GCell = { v: string | number; fmt?: string } | null;
interface SyntheticGrid {
  sheet: string;
  top: number;
  left: number;
  cells: GCell[][];
  merges: { top: number; left: number; bottom: number; right: number }[];
  hiddenRows: number[];
  hiddenCols: number[];
}

const WIDTH = 11;

/**
 * Appends one project table at sheet row `top` (1-based): title, budget block, goal rows,
 * an indicator header band of `band` rows (1: one row; 3: 绩效指标 / 年度指标值 groups over a
 * middle row over 指标性质 | 指标值 | 度量单位), `n` indicator rows and a total row.
 */
function appendTable(g: SyntheticGrid, band: 1 | 3, n: number, seed: number): void {
  const rows = g.cells;
  const top = rows.length + 1;
  const line = (...vals: (string | number | null)[]): GCell[] => {
    const out: GCell[] = [];
    for (let c = 0; c < WIDTH; c++) {
      const v = vals[c];
      out.push(v === null || v === undefined || v === "" ? null : { v });
    }
    return out;
  };
  const merge = (r1: number, c1: number, r2: number, c2: number) =>
    g.merges.push({ top: r1, left: c1, bottom: r2, right: c2 });
  rows.push(line("项目支出绩效自评表"));
  merge(top, 1, top, WIDTH);
  rows.push(line("项目名称", `项目${seed}`, "", "", "主管部门", "某局"));
  rows.push(line("项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"));
  rows.push(line("", "年度资金总额", 207, 207, 170.69 + seed, 10, "", ""));
  rows.push(line("", "其中：当年财政拨款", 207, 207, 170.69 + seed, "", "", ""));
  rows.push(line("", "上年结转资金", 0, 0, 0, "", "", ""));
  merge(top + 2, 1, top + 5, 1);
  rows.push(line("年度总体目标", "预期目标", "", "", "", "实际完成情况"));
  rows.push(line("", "完成建设任务", "", "", "", "已完成"));
  const h = rows.length + 1;
  if (band === 1) {
    rows.push(line(...L1_HEADER, NOTES_HEADER));
  } else {
    rows.push(line(BAND_HEADER, "", "", "年度指标值", "", "", "实际完成值", "分值", "得分", NOTES_HEADER));
    rows.push(line(...LEVEL_HEADERS, "指标值", "", ""));
    rows.push(line("", "", "", "指标性质", "指标值", "度量单位"));
    merge(h, 1, h, 3);
    merge(h, 4, h, 6);
    merge(h + 1, 4, h + 1, 6);
    for (let c = 1; c <= 3; c++) merge(h + 1, c, h + 2, c);
    for (let c = 7; c <= 10; c++) merge(h, c, h + 2, c);
  }
  const first = rows.length + 1;
  for (let i = 0; i < n; i++) {
    const l1 = i < n / 2 ? "产出指标" : "效益指标";
    const w = 90 / n;
    if (band === 1) {
      const kind = i % 3;
      const [t, a] =
        kind === 0 ? ["100个", `${90 + (i % 10)}个`] : kind === 1 ? ["≥95%", "96%"] : ["显著", "显著"];
      rows.push(line(l1, "数量指标", `指标${i + 1}`, t, a, w, "", ""));
    } else {
      const kind = i % 3;
      const [d, t, u, a] =
        kind === 0
          ? ["≥", 100, "个", 90 + (i % 10)]
          : kind === 1
            ? ["≧", 95, "%", 96]
            : ["定性", "显著", "", "显著"];
      rows.push(line(l1, "数量指标", `指标${i + 1}`, d, t, u, a, w, "", ""));
    }
  }
  merge(first, 1, first + Math.ceil(n / 2) - 1, 1);
  rows.push(
    band === 1
      ? line("总分", "", "", "", "", 100, "", "")
      : line("总分", "", "", "", "", "", "", 100, "", ""),
  );
  rows.push(line());
}

/** Reader benchmark sheets: one table with a 1- or 3-row header band, or 20 tables one under another. */
export function syntheticSheet(
  kind: "band1" | "band3" | "sheetOf20",
  n = 20,
): { grid: SyntheticGrid; tables: number } {
  const grid: SyntheticGrid = {
    sheet: "自评表",
    top: 1,
    left: 1,
    cells: [],
    merges: [],
    hiddenRows: [],
    hiddenCols: [],
  };
  const tables = kind === "sheetOf20" ? 20 : 1;
  for (let t = 0; t < tables; t++) appendTable(grid, kind === "band3" ? 3 : 1, n, t);
  return { grid, tables };
}
