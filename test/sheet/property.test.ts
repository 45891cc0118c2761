import fc from "fast-check";
import { resolveProfile } from "../../src/core";
import {
  analyzeSheet,
  decodeRecord,
  encodeRecord,
  type GridCell,
  type GridSnapshot,
  type MergeArea,
  type WorkbookRecord,
} from "../../src/sheet";

const profile = resolveProfile("central");

const WORDS = [
  "一级指标",
  "二级指标",
  "三级指标",
  "指标名称",
  "年度指标值",
  "指标值",
  "实际完成值",
  "分值",
  "权重",
  "得分",
  "评价得分",
  "偏差原因分析及改进措施",
  "指标性质",
  "度量单位",
  "评分标准",
  "年初预算数",
  "全年预算数",
  "调整后预算数",
  "全年执行数",
  "执行率",
  "原因",
  "年度资金总额",
  "合计",
  "基本支出",
  "项目支出",
  "总分",
  "年度总体目标",
  "评价等级",
  "产出指标（50分）",
  "数量指标",
  "≥",
  "≤",
  "=",
  "定性",
  "亿元",
  "个",
  "%",
  "100%",
  "≥95%",
  "10次以上",
  "1-2次",
  "显著",
  "较显著",
  "无",
  "—",
  "【待补充】",
  "2021年12月31日",
  "",
  " ",
  "绩 效\n指 标",
  "项目资金（万元）",
  "#DIV/0!",
];

const cellArb: fc.Arbitrary<GridCell | null> = fc.oneof(
  fc.constant(null),
  fc.constantFrom(...WORDS).map((v): GridCell => ({ v })),
  fc.string({ maxLength: 6 }).map((v): GridCell => ({ v })),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((v): GridCell => ({ v })),
  fc.integer({ min: 0, max: 100 }).map((v): GridCell => ({ v })),
  fc.double({ min: 0, max: 2, noNaN: true }).map((v): GridCell => ({ v, fmt: "0.00%" })),
  fc.integer({ min: 0, max: 100 }).map((v): GridCell => ({ v, f: "SUM(A1:A2)" })),
  fc.boolean().map((v): GridCell => ({ v })),
  fc.date({ noInvalidDate: true }).map((v): GridCell => ({ v, fmt: "yyyy-mm-dd" })),
  fc.constant<GridCell>({ v: "#N/A", err: true }),
);

const gridArb: fc.Arbitrary<GridSnapshot> = fc
  .record({
    top: fc.integer({ min: 1, max: 5 }),
    left: fc.integer({ min: 1, max: 3 }),
    cells: fc.array(fc.array(cellArb, { maxLength: 10 }), { maxLength: 16 }),
    merges: fc.array(
      fc
        .record({
          top: fc.integer({ min: 1, max: 20 }),
          left: fc.integer({ min: 1, max: 12 }),
          h: fc.integer({ min: 0, max: 4 }),
          w: fc.integer({ min: 0, max: 3 }),
        })
        .map(({ top, left, h, w }): MergeArea => ({ top, left, bottom: top + h, right: left + w })),
      { maxLength: 6 },
    ),
    hiddenRows: fc.array(fc.integer({ min: 1, max: 20 }), { maxLength: 3 }),
  })
  .map((x) => ({ sheet: "自评表", hiddenCols: [], ...x }));

/** A grid made of a real header and random rows, so that the scoring path runs too. */
const tableArb: fc.Arbitrary<GridSnapshot> = fc
  .tuple(
    fc.shuffledSubarray([
      "一级指标",
      "二级指标",
      "年度指标值",
      "实际完成值",
      "得分",
      "偏差原因分析",
      "指标性质",
      "度量单位",
    ]),
    fc.array(fc.array(cellArb, { minLength: 10, maxLength: 10 }), { maxLength: 10 }),
    gridArb,
  )
  .map(([extra, body, noise]) => ({
    ...noise,
    top: 1,
    left: 1,
    cells: [["三级指标", "分值", ...extra].map((v): GridCell => ({ v })), ...body, ...noise.cells],
  }));

describe("robustness", () => {
  it("any grid yields a report or NO_TABLE_FOUND, never an exception", () => {
    fc.assert(
      fc.property(fc.oneof(gridArb, tableArb), (g) => {
        const a = analyzeSheet(g, { profile });
        if (a.report.layout === null) {
          expect(a.report.diagnostics.map((d) => d.code)).toEqual(["NO_TABLE_FOUND"]);
          expect(a.plan.writes).toEqual([]);
        } else {
          expect(["L1", "L2", "L3", "L4", "L5"]).toContain(a.report.layout);
          const cells = a.plan.writes.map((w) => w.cell);
          expect(new Set(cells).size).toBe(cells.length);
          for (const w of a.plan.writes)
            expect(["score", "rate", "total", "grade", "note"]).toContain(w.kind);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("decodeRecord never throws on arbitrary rows", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.oneof(fc.string(), fc.constant("J:{"), fc.integer(), fc.constant(null)))),
        (rows) => {
          const r = decodeRecord(rows);
          expect(Array.isArray(r.record.ledger)).toBe(true);
        },
      ),
    );
  });

  it("encodeRecord → decodeRecord is the identity on ledgers (R-WRITE-6)", () => {
    const entry = fc.record({
      sheet: fc.string({ unit: "grapheme", maxLength: 8 }),
      cell: fc.string({ maxLength: 5 }),
      value: fc.oneof(fc.string({ unit: "grapheme" }), fc.double({ noNaN: true, noDefaultInfinity: true })),
      at: fc.string(),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 30 }), (ledger) => {
        const rec: WorkbookRecord = { ledger, backups: [], highlights: [] };
        const back = decodeRecord(encodeRecord(rec)).record;
        expect(back.ledger).toEqual(
          ledger.map((e) => ({ ...e, value: Object.is(e.value, -0) ? 0 : e.value })),
        );
      }),
    );
  });
});
