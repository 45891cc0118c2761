/**
 * Property: whatever grid a host hands over (random values with header words, merges,
 * hidden rows and columns, errors, dates, formulas), `analyzeSheet` returns a report (or
 * NO_TABLE_FOUND) and a plan that only touches cells R-WRITE-1/3 allow; it never throws.
 */
import fc from "fast-check";
import { resolveProfile } from "../src/core";
import { analyzeSheet, parseAddress } from "../src/sheet";
import type { GridCell, GridSnapshot } from "../src/sheet/types";
import { gridArb } from "./corpus/grid-arb";

const profiles = ["central", "municipal-20", "guangxi"].map((p) => resolveProfile(p));

/** A deep copy (in this realm: structuredClone's dates fail `instanceof Date` under jest). */
function copyGrid(g: GridSnapshot): GridSnapshot {
  return {
    ...g,
    cells: g.cells.map((r) =>
      r.map((c) => (c ? { ...c, v: c.v instanceof Date ? new Date(c.v.getTime()) : c.v } : null)),
    ),
    merges: g.merges.map((m) => ({ ...m })),
    hiddenRows: [...g.hiddenRows],
    hiddenCols: [...g.hiddenCols],
  };
}

const c = (v: GridCell["v"], fmt?: string): GridCell => (fmt ? { v, fmt } : { v });
const grid = (cells: (GridCell | null)[][]): GridSnapshot => ({
  sheet: "自评表",
  top: 1,
  left: 1,
  cells,
  merges: [],
  hiddenRows: [],
  hiddenCols: [],
});
const HEADER = [c("三级指标"), c("年度指标值"), c("实际完成值"), c("分值"), c("得分")];

/** Counterexamples found by these properties, kept so that they run every time. */
const EXAMPLES = {
  /** A weight of 1e308 formatted as a percentage. */
  hugeWeight: grid([HEADER, [c("指标1"), c("100个"), c("100个"), c(1e308, "0.00%"), null]]),
  /** A target of 5e-324 (the smallest double) against an actual of 2.5: B/A overflows. */
  tinyTarget: grid([HEADER, [c("指标1"), c(5e-324, "0%"), c(2.5), c(5), null]]),
  /** 全部按规则重算 with a budget of 5e-324: 2.5 / 5e-324 overflows, and must not be planned into 执行率. */
  tinyBudget: grid([
    [c("项目资金（万元）"), null, c("执行率（B/A）"), c("全年预算数（A）"), c("预算执行数"), c("原因")],
    [null, c("年度资金总额"), { v: "#DIV/0!", err: true }, c(5e-324), c(2.5), c(2.5)],
    [null, c("二级指标"), c("权重"), c("目标值"), c("完成值"), c("指标名称"), c("得分")],
    [null, null, c(2.5), c(0, "0%"), c(null, "0.00%"), c("指标1"), null],
  ]),
};

function cellAt(g: GridSnapshot, row: number, col: number): GridCell | null {
  return g.cells[row - g.top]?.[col - g.left] ?? null;
}

describe("analyzeSheet on generated grids", () => {
  test("gives a report or NO_TABLE_FOUND, never an exception", () => {
    fc.assert(
      fc.property(gridArb, fc.constantFrom(...profiles), fc.boolean(), (grid, profile, recomputeAll) => {
        const { report, plan, layout } = analyzeSheet(grid, { profile, recomputeAll, file: "生成.xlsx" });
        expect(() => JSON.stringify(report)).not.toThrow();
        expect(report.sheet).toBe(grid.sheet);
        if (layout === null) {
          expect(report.layout).toBeNull();
          expect(report.indicators).toEqual([]);
          expect(report.diagnostics.map((d) => d.code)).toContain("NO_TABLE_FOUND");
          expect(plan.writes).toEqual([]);
        } else {
          expect(["L1", "L2", "L3", "L4", "L5"]).toContain(report.layout);
        }
        for (const d of report.diagnostics) {
          expect(typeof d.message).toBe("string");
          expect(d.message.length).toBeGreaterThan(0);
          if (d.cell !== null) expect(parseAddress(d.cell)).not.toBeNull();
        }
      }),
      { numRuns: 400 },
    );
  });

  test("reports finite numbers only, whatever the magnitude of the cell values", () => {
    fc.assert(
      fc.property(gridArb, fc.constantFrom(...profiles), (grid, profile) => {
        const { report } = analyzeSheet(grid, { profile });
        const numbers = [
          report.total,
          report.budget?.rate,
          report.budget?.score,
          ...report.indicators.flatMap((i) => [i.weight, i.score, i.ruleScore, i.completion]),
          ...report.writes.map((w) => (typeof w.after === "number" ? w.after : null)),
        ];
        for (const n of numbers) if (n !== null && n !== undefined) expect(Number.isFinite(n)).toBe(true);
      }),
      {
        numRuns: 400,
        examples: [
          [EXAMPLES.hugeWeight, profiles[0]],
          [EXAMPLES.tinyTarget, profiles[0]],
        ],
      },
    );
  });

  test("plans only cells inside the grid, never a formula cell (R-WRITE-3), with the current value as `before`", () => {
    fc.assert(
      fc.property(gridArb, fc.constantFrom(...profiles), fc.boolean(), (grid, profile, recomputeAll) => {
        const { plan } = analyzeSheet(grid, { profile, recomputeAll });
        for (const w of plan.writes) {
          expect(parseAddress(w.cell)).toEqual({ row: w.row, col: w.col });
          const c = cellAt(grid, w.row, w.col);
          expect(c?.f).toBeUndefined();
          const before = c?.v ?? null;
          expect(w.before instanceof Date ? w.before.getTime() : w.before).toEqual(
            before instanceof Date ? before.getTime() : before,
          );
          if (typeof w.after === "number") expect(Number.isFinite(w.after)).toBe(true);
          else expect(typeof w.after).toBe("string");
        }
        expect(new Set(plan.writes.map((w) => w.cell)).size).toBe(plan.writes.length);
      }),
      { numRuns: 400, examples: [[EXAMPLES.tinyBudget, profiles[0], true]] },
    );
  });

  test("is deterministic: the same grid gives the same report", () => {
    fc.assert(
      fc.property(gridArb, (grid) => {
        const profile = profiles[0];
        const a = analyzeSheet(grid, { profile });
        const b = analyzeSheet(copyGrid(grid), { profile });
        expect(JSON.stringify(b.report)).toBe(JSON.stringify(a.report));
      }),
      { numRuns: 150 },
    );
  });
});
