/** Synthetic scoring-core input of N indicator rows, mixing the kinds of rows real tables have. */
import type { CellInput, IndicatorRowInput, TableInput } from "../../src/core/types";

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
