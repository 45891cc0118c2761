/**
 * fast-check arbitraries of grid snapshots as hosts hand them over: random cells (header
 * words, figures, numbers, dates, booleans, errors, formulas, number formats), table-like
 * grids (a header row of header words, a budget block, data rows, a total row), merges,
 * hidden rows and columns.
 */
import fc from "fast-check";
import type { CellValue, GridCell, GridSnapshot, MergeArea } from "../../src/sheet/types";

/** Header words of LAYOUTS.md, with the annotations and breaks real tables carry. */
const HEADER_WORDS = [
  "一级指标",
  "二级指标",
  "三级指标",
  "指标名称",
  "具体指标",
  "年度指标值",
  "年度\n指标值（A）",
  "指标值",
  "年初目标值",
  "目标值",
  "计划值",
  "实际完成值",
  "实际 完成值",
  "完成值",
  "实际值",
  "实际完成",
  "实际完成情况",
  "分值",
  "权重",
  "标准分",
  "满分",
  "得分",
  "评价得分",
  "自评得分",
  "偏差原因分析及改进措施",
  "未完成原因分析",
  "原因分析",
  "指标性质",
  "计算符号",
  "度量单位",
  "单位",
  "评分标准",
  "得分计算方法",
  "指标说明",
];
const BUDGET_WORDS = [
  "年初预算数",
  "全年预算数（A）",
  "调整后预算数",
  "全年执行数",
  "预算执行数",
  "执行率",
  "执行率（B/A）",
  "预算执行率",
  "原因",
];
const LABELS = [
  "项目资金（万元）",
  "年度资金总额",
  "其中：当年财政拨款",
  "上年结转资金",
  "基本支出",
  "项目支出",
  "合计",
  "总分",
  "总计",
  "年度总体目标",
  "产出指标（50分）",
  "产出 指标 (50分)",
  "决  策",
  "过\n程",
  "数量指标（20分）",
  "效益指标",
  "满意度指标",
  "等级",
  "评价等级",
];
const FIGURES = [
  "100个",
  "4.3亿美元",
  "3.58亿美元",
  "≥95%",
  "≤100万元",
  "＞=80％",
  "不低于90%",
  "1-2次",
  "80%-90%",
  "10次以上",
  "2021年12月31日前",
  "2021-12-31",
  "显著",
  "较显著",
  "长期",
  "中期",
  "达到",
  "未达到",
  "有效带动",
  "无",
  "—",
  "/",
  "不适用",
  "N/A",
  "=0",
  "０．５万元",
  "1,000人次",
  "【待补充】偏差原因：",
  "超过标准分以标准分计分",
  "得分=实际达标率*分值",
  "达到目标值为满分，否则不得分",
  "每有一项不符，扣除相应权重分",
  "≥",
  "≤",
  "＝",
  "定性",
  "正向",
  "反向",
  "亿元",
  "%",
];
const ERRORS = ["#DIV/0!", "#REF!", "#N/A", "#VALUE!", "#NAME?", "#NUM!", "#NULL!"];
const FORMATS = ["0.00%", "0%", "0.00", "yyyy-mm-dd", 'yyyy"年"m"月"d"日"', "@", "#,##0.00"];

const wordArb = fc.constantFrom(...HEADER_WORDS, ...BUDGET_WORDS, ...LABELS, ...FIGURES);
const numberArb = fc.oneof(
  fc.integer({ min: -1000, max: 100000 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 0.95, 1, 100, 1e15, 1e308, 5e-324, 0.1 + 0.2),
);
const dateArb = fc.date({
  min: new Date(Date.UTC(1900, 0, 1)),
  max: new Date(Date.UTC(2100, 0, 1)),
  noInvalidDate: true,
});
const valueArb: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 6, arbitrary: wordArb },
  { weight: 4, arbitrary: numberArb },
  { weight: 1, arbitrary: dateArb },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: fc.string({ maxLength: 12, unit: "grapheme" }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6, unit: "binary" }) },
);
const cellArb: fc.Arbitrary<GridCell | null> = fc.oneof(
  { weight: 8, arbitrary: fc.constant(null) },
  {
    weight: 8,
    arbitrary: fc.record(
      { v: valueArb, fmt: fc.option(fc.constantFrom(...FORMATS), { nil: undefined }) },
      { requiredKeys: ["v"] },
    ),
  },
  { weight: 1, arbitrary: fc.record({ v: fc.constantFrom(...ERRORS), err: fc.constant(true) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      v: fc.oneof(valueArb, fc.constant(null)),
      f: fc.constantFrom("SUM(G10:G20)", "G10*H10", 'IF(A1="","",1)', "#REF!+1"),
    }),
  },
  { weight: 1, arbitrary: fc.record({ v: fc.constant(null), fmt: fc.constantFrom(...FORMATS) }) },
);

interface Shape {
  top: number;
  left: number;
  rows: (GridCell | null)[][];
}

/** Random rectangles inside the grid, kept when they overlap no earlier one. */
function mergesArb(shape: Shape): fc.Arbitrary<MergeArea[]> {
  const h = shape.rows.length;
  const w = shape.rows[0]?.length ?? 0;
  if (h === 0 || w === 0) return fc.constant([]);
  const rect = fc
    .record({ r: fc.nat(h - 1), c: fc.nat(w - 1), dh: fc.nat(6), dw: fc.nat(3) })
    .map(({ r, c, dh, dw }) => ({
      top: shape.top + r,
      left: shape.left + c,
      bottom: shape.top + Math.min(h - 1, r + dh),
      right: shape.left + Math.min(w - 1, c + dw),
    }));
  return fc.array(rect, { maxLength: 12 }).map((list) => {
    const kept: MergeArea[] = [];
    for (const m of list) {
      if (m.bottom === m.top && m.right === m.left) continue;
      const overlaps = kept.some(
        (k) => m.top <= k.bottom && k.top <= m.bottom && m.left <= k.right && k.left <= m.right,
      );
      if (!overlaps) kept.push(m);
    }
    return kept;
  });
}

const NAME_WORDS = ["三级指标", "指标名称", "具体指标"];
const WEIGHT_WORDS = ["分值", "权重", "标准分", "满分"];
const LEVEL_WORDS = ["一级指标", "二级指标"];
const FIGURE_WORDS = new Set([
  "年度指标值",
  "年度\n指标值（A）",
  "指标值",
  "年初目标值",
  "目标值",
  "计划值",
  "实际完成值",
  "实际 完成值",
  "完成值",
  "实际值",
  "实际完成",
]);
const SCORE_WORDS = new Set(["得分", "评价得分", "自评得分"]);

const some = (v: CellValue): GridCell => ({ v });
const smallNumberArb = fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constantFrom(2.5, 4.16, 0.5, 100, -1));

/** A cell typical of the column the header word names, now and then a random one. */
function typedCell(word: string): fc.Arbitrary<GridCell | null> {
  let typed: fc.Arbitrary<GridCell | null>;
  if (NAME_WORDS.includes(word))
    typed = fc.oneof(
      fc.integer({ min: 1, max: 99 }).map((n) => some(`指标${n}`)),
      wordArb.map(some),
    );
  else if (LEVEL_WORDS.includes(word))
    typed = fc.oneof(fc.constantFrom(...LABELS).map(some), fc.constant(null));
  else if (FIGURE_WORDS.has(word))
    typed = fc.oneof(
      fc.constantFrom(...FIGURES).map(some),
      fc.record({ v: fc.double({ min: 0, max: 1.5, noNaN: true }), fmt: fc.constantFrom("0%", "0.00%") }),
      smallNumberArb.map(some),
      dateArb.map((d) => ({ v: d, fmt: "yyyy-mm-dd" })),
    );
  else if (WEIGHT_WORDS.includes(word))
    typed = fc.oneof({ weight: 4, arbitrary: smallNumberArb.map(some) }, fc.constant(null));
  else if (SCORE_WORDS.has(word))
    typed = fc.oneof(smallNumberArb.map(some), { weight: 3, arbitrary: fc.constant(null) });
  else typed = fc.oneof(fc.constant(null), fc.constantFrom(...FIGURES).map(some));
  return fc.oneof({ weight: 6, arbitrary: typed }, { weight: 1, arbitrary: cellArb });
}

/** A header row with an indicator-name word and a weight word (LAYOUTS.md), in random order. */
const headerArb: fc.Arbitrary<string[]> = fc
  .tuple(
    fc.constantFrom(...NAME_WORDS),
    fc.constantFrom(...WEIGHT_WORDS),
    fc.option(fc.constantFrom("年度指标值", "指标值", "目标值"), { freq: 3, nil: null }),
    fc.option(fc.constantFrom("实际完成值", "完成值", "实际值"), { freq: 3, nil: null }),
    fc.option(fc.constantFrom("得分", "评价得分", "自评得分"), { freq: 3, nil: null }),
    fc.shuffledSubarray(
      HEADER_WORDS.filter((w) => !NAME_WORDS.includes(w) && !WEIGHT_WORDS.includes(w)),
      { minLength: 0, maxLength: 6 },
    ),
  )
  .chain(([n, w, target, actual, score, rest]) => {
    const optional: (string | null)[] = [target, actual, score];
    const all: string[] = [...new Set([n, w, ...optional.filter((x): x is string => x !== null), ...rest])];
    return fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length });
  });

/** A grid of random cells, or a table-like grid: a header row of header words, a budget block, data rows. */
const shapeArb: fc.Arbitrary<Shape> = fc.oneof(
  {
    weight: 1,
    arbitrary: fc.record({
      top: fc.integer({ min: 1, max: 6 }),
      left: fc.integer({ min: 1, max: 4 }),
      rows: fc
        .integer({ min: 0, max: 14 })
        .chain((w) => fc.array(fc.array(cellArb, { minLength: w, maxLength: w }), { maxLength: 30 })),
    }),
  },
  {
    weight: 3,
    arbitrary: headerArb.chain((header) =>
      fc
        .record({
          top: fc.integer({ min: 1, max: 4 }),
          left: fc.integer({ min: 1, max: 3 }),
          budget: fc.option(fc.shuffledSubarray(BUDGET_WORDS, { minLength: 2, maxLength: 7 }), { nil: null }),
          budgetRow: fc.array(fc.oneof(smallNumberArb.map(some), cellArb), { minLength: 4, maxLength: 4 }),
          above: fc.array(fc.array(cellArb, { minLength: 1, maxLength: 12 }), { maxLength: 4 }),
          body: fc.array(fc.tuple(...header.map(typedCell)), { maxLength: 25 }),
          total: fc.option(fc.constantFrom("总分", "合计", "总计", "评价得分"), { nil: null }),
          totalValue: fc.oneof(numberArb, fc.constant(null)),
        })
        .map(({ top, left, budget, budgetRow, above, body, total, totalValue }) => {
          const width = Math.max(header.length + 1, budget ? budget.length + 2 : 0, 2);
          const pad = (r: (GridCell | null)[]) =>
            [...r, ...Array<GridCell | null>(width).fill(null)].slice(0, width);
          const rows: (GridCell | null)[][] = [];
          if (budget) {
            rows.push(pad([{ v: "项目资金（万元）" }, null, ...budget.map((v) => ({ v }))]));
            rows.push(pad([null, { v: "年度资金总额" }, ...budgetRow]));
            for (const r of above) rows.push(pad([null, ...r]));
          }
          rows.push(pad([null, ...header.map((v) => ({ v }))]));
          for (const r of body) rows.push(pad([null, ...r]));
          if (total) {
            const last = Array<GridCell | null>(width).fill(null);
            last[0] = { v: total };
            last[width - 1] = totalValue === null ? null : { v: totalValue };
            rows.push(last);
          }
          return { top, left, rows };
        }),
    ),
  },
);

export const gridArb: fc.Arbitrary<GridSnapshot> = shapeArb.chain((shape) =>
  fc
    .record({
      merges: mergesArb(shape),
      fillMerged: fc.boolean(),
      hiddenRows: fc.array(
        fc.integer({ min: shape.top, max: shape.top + Math.max(0, shape.rows.length - 1) }),
        {
          maxLength: 5,
        },
      ),
      hiddenCols: fc.array(fc.integer({ min: shape.left, max: shape.left + 12 }), { maxLength: 3 }),
      sheet: fc.constantFrom("自评表", "评分表", "Sheet1", "😀"),
    })
    .map(({ merges, fillMerged, hiddenRows, hiddenCols, sheet }) => {
      const cells = shape.rows.map((r) => r.map((c) => (c ? { ...c } : null)));
      // Only the anchor of a merge holds the value (or, as exceljs reports them, every cell).
      for (const m of merges) {
        const anchor = cells[m.top - shape.top][m.left - shape.left];
        for (let r = m.top; r <= m.bottom; r++)
          for (let c = m.left; c <= m.right; c++) {
            if (r === m.top && c === m.left) continue;
            cells[r - shape.top][c - shape.left] = fillMerged && anchor ? { ...anchor } : null;
          }
      }
      return {
        sheet,
        top: shape.top,
        left: shape.left,
        cells,
        merges,
        hiddenRows: [...new Set(hiddenRows)],
        hiddenCols: [...new Set(hiddenCols)],
      };
    }),
);
