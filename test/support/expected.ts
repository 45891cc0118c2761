/**
 * The reference workbooks' `.expected.json` (../shared/reference, fields: README.md there)
 * and one checker of a report against them, shared by every test that reads them.
 */
import { readFileSync } from "fs";
import { join } from "path";
import type { Report } from "../../src/sheet/types";

export const REFERENCE_DIR = join(__dirname, "..", "..", "..", "shared", "reference");

/** The reference workbooks' names, without ".xlsx". */
export const REFERENCE_NAMES: readonly string[] = [
  "A-donghu-2021-selfeval-blank",
  "A-donghu-2021-selfeval-filled",
  "B-donghu-2021-scoresheet",
  "C-yiyang-2024-scoresheet",
  "D-yuzhong-2019-selfeval",
];

export interface Expected {
  source?: string;
  layout?: string | null;
  budget?: { rate?: number; score?: number; subRows?: { row: number; rate: number | null }[] } | null;
  total?: number | null;
  totalProvisional?: boolean;
  grade?: string | null;
  indicators?: {
    row: number;
    name?: string;
    score?: number | null;
    scoreSource?: string;
    ruleScore?: number | null;
  }[];
  indicatorCount?: number;
  namesInclude?: string[];
  level1Include?: string[];
  pending?: number[];
  diagnosticsInclude?: { code: string; row?: number | null }[];
  diagnosticsExclude?: (string | { code: string; row: number | null })[];
  writesExactly?: string[];
  cellsAfter?: Record<string, string | number | null>;
  notesStartWith?: Record<string, string>;
  formulasAfter?: Record<string, string>;
}

/** Every field an expectation file may use. */
export const EXPECTED_FIELDS: ReadonlySet<string> = new Set<keyof Expected>([
  "source",
  "layout",
  "budget",
  "total",
  "totalProvisional",
  "grade",
  "indicators",
  "indicatorCount",
  "namesInclude",
  "level1Include",
  "pending",
  "diagnosticsInclude",
  "diagnosticsExclude",
  "writesExactly",
  "cellsAfter",
  "notesStartWith",
  "formulasAfter",
]);

/** The expectation beside a workbook: `name` without `.xlsx`, or the workbook's path. */
export function readExpected(nameOrPath: string): Expected {
  const base = nameOrPath.replace(/\.xlsx$/, "");
  const path = base.includes("/") ? base : join(REFERENCE_DIR, base);
  return JSON.parse(readFileSync(`${path}.expected.json`, "utf8")) as Expected;
}

/** Scores compare to within 0.005 (README.md); rates to four decimals. */
const SCORE_TOL = 0.005;
const RATE_TOL = 0.00005;

/** `actual` is within `tol` of `expected`, or both are null; `what` names it on failure. */
export function expectClose(
  actual: number | null | undefined,
  expected: number | null,
  what: string,
  tol = SCORE_TOL,
): void {
  if (expected === null) {
    expect({ what, actual }).toEqual({ what, actual: null });
    return;
  }
  expect({ what, actual: typeof actual }).toEqual({ what, actual: "number" });
  expect({ what, off: Math.abs((actual as number) - expected) < tol, actual }).toEqual({
    what,
    off: true,
    actual,
  });
}

/** R-BUDGET: rate, score and sub-rows; `budget: null` means the table has none. */
export function checkBudget(r: Report, exp: Expected): void {
  if (exp.budget === undefined) return;
  if (exp.budget === null) {
    expect(r.budget).toBeNull();
    return;
  }
  expect(r.budget).not.toBeNull();
  if (exp.budget.rate !== undefined) expectClose(r.budget?.rate, exp.budget.rate, "budget.rate", RATE_TOL);
  if (exp.budget.score !== undefined) expectClose(r.budget?.score, exp.budget.score, "budget.score");
  for (const sub of exp.budget.subRows ?? []) {
    const got = r.budget?.subRows.find((s) => s.row === sub.row);
    expect({ subRow: sub.row, found: !!got }).toEqual({ subRow: sub.row, found: true });
    expectClose(got?.rate, sub.rate, `budget.subRows[row ${sub.row}].rate`);
  }
}

/** R-TOTAL, R-GRADE. */
export function checkTotals(r: Report, exp: Expected): void {
  if (exp.total !== undefined) expectClose(r.total, exp.total, "total");
  if (exp.totalProvisional !== undefined) expect(r.totalProvisional).toBe(exp.totalProvisional);
  if (exp.grade !== undefined) expect(r.grade).toBe(exp.grade);
}

/** The listed indicator rows, their count, names, level-1 names and rows left unscored. */
export function checkIndicators(r: Report, exp: Expected): void {
  for (const ind of exp.indicators ?? []) {
    const got = r.indicators.find((i) => i.row === ind.row);
    expect({ row: ind.row, found: !!got }).toEqual({ row: ind.row, found: true });
    if (!got) continue;
    if (ind.name !== undefined)
      expect({ row: ind.row, name: got.name }).toEqual({ row: ind.row, name: ind.name });
    if (ind.score !== undefined) expectClose(got.score, ind.score, `row ${ind.row} score`);
    if (ind.scoreSource !== undefined) {
      expect({ row: ind.row, scoreSource: got.scoreSource }).toEqual({
        row: ind.row,
        scoreSource: ind.scoreSource,
      });
    }
    if (ind.ruleScore !== undefined) expectClose(got.ruleScore, ind.ruleScore, `row ${ind.row} ruleScore`);
  }
  if (exp.indicatorCount !== undefined) expect(r.indicators).toHaveLength(exp.indicatorCount);
  const names = r.indicators.map((i) => i.name);
  for (const n of exp.namesInclude ?? []) expect(names).toContain(n);
  const level1 = r.indicators.map((i) => i.level1);
  for (const n of exp.level1Include ?? []) expect(level1).toContain(n);
  for (const row of exp.pending ?? []) {
    const got = r.indicators.find((i) => i.row === row);
    expect({ row, found: !!got, score: got?.score ?? null }).toEqual({ row, found: true, score: null });
  }
}

/** Diagnostics that must appear (at a row where given) and those that must not. */
export function checkDiagnostics(r: Report, exp: Expected): void {
  const diags = r.diagnostics.map((d) => ({ code: d.code, row: d.row }));
  for (const d of exp.diagnosticsInclude ?? []) {
    const hit = diags.some((x) => x.code === d.code && (d.row === undefined || x.row === d.row));
    expect({ include: d, hit }).toEqual({ include: d, hit: true });
  }
  for (const d of exp.diagnosticsExclude ?? []) {
    const hits =
      typeof d === "string"
        ? diags.filter((x) => x.code === d)
        : diags.filter((x) => x.code === d.code && x.row === d.row);
    expect({ exclude: d, hits }).toEqual({ exclude: d, hits: [] });
  }
}

/** Every report field of the expectation: layout, budget, totals, indicators, diagnostics, writes. */
export function checkReport(r: Report, exp: Expected): void {
  if (exp.layout !== undefined) expect(r.layout).toBe(exp.layout);
  checkBudget(r, exp);
  checkTotals(r, exp);
  checkIndicators(r, exp);
  checkDiagnostics(r, exp);
  if (exp.writesExactly) expect(r.writes.map((w) => w.cell).sort()).toEqual([...exp.writesExactly].sort());
}
