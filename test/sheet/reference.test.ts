/** The sheet layer against the reference workbooks (../shared/reference), read through the file host. */
import { readFileSync } from "fs";
import { join } from "path";
import { resolveProfile } from "../../src/core";
import { gridFromWorksheet, loadWorkbook } from "../../src/hosts/file/workbook";
import {
  analyzeSheet,
  chooseSheet,
  emptyRecord,
  recordApplied,
  type Analysis,
  type GridSnapshot,
  type Report,
} from "../../src/sheet";
import { applyPlan } from "./grid-builder";

const DIR = join(__dirname, "../../../shared/reference");
const FILES = [
  "A-donghu-2021-selfeval-blank",
  "A-donghu-2021-selfeval-filled",
  "B-donghu-2021-scoresheet",
  "C-yiyang-2024-scoresheet",
  "D-yuzhong-2019-selfeval",
];

type DiagSpec = string | { code: string; row?: number };

interface Expected {
  layout: string;
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
  diagnosticsInclude?: { code: string; row?: number }[];
  diagnosticsExclude?: DiagSpec[];
  writesExactly?: string[];
  cellsAfter?: Record<string, string | number | null>;
  notesStartWith?: Record<string, string>;
  formulasAfter?: Record<string, string>;
}

const close = (a: number | null | undefined, b: number | null | undefined): boolean =>
  a === b || (typeof a === "number" && typeof b === "number" && Math.abs(a - b) < 0.005);

async function read(
  name: string,
): Promise<{ grid: GridSnapshot; sheets: { name: string; grid: GridSnapshot }[] }> {
  const wb = await loadWorkbook(readFileSync(join(DIR, `${name}.xlsx`)), `${name}.xlsx`);
  const sheets = wb.worksheets.map((ws) => ({ name: ws.name, grid: gridFromWorksheet(ws) }));
  const chosen = chooseSheet(sheets);
  const grid = sheets.find((s) => s.name === chosen)?.grid;
  if (!grid) throw new Error(`no sheet chosen in ${name}`);
  return { grid, sheets };
}

function cellValue(g: GridSnapshot, addr: string): unknown {
  const m = /^([A-Z]+)(\d+)$/.exec(addr);
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  const c = g.cells[Number(m[2]) - g.top]?.[col - g.left];
  return c ? c.v : null;
}

describe.each(FILES)("%s", (name) => {
  const expected = JSON.parse(readFileSync(join(DIR, `${name}.expected.json`), "utf8")) as Expected;
  const profile = resolveProfile("central");
  let grid: GridSnapshot;
  let a: Analysis;
  let report: Report;

  beforeAll(async () => {
    grid = (await read(name)).grid;
    a = analyzeSheet(grid, { profile, file: `${name}.xlsx` });
    report = a.report;
  });

  it("detects the layout (LAYOUTS.md)", () => {
    expect(report.layout).toBe(expected.layout);
    expect(report.file).toBe(`${name}.xlsx`);
    expect(report.sheet).toBe(grid.sheet);
  });

  it("reads the budget block (R-BUDGET)", () => {
    if (expected.budget === undefined) return;
    if (expected.budget === null) {
      expect(report.budget).toBeNull();
      return;
    }
    expect(report.budget).not.toBeNull();
    if (expected.budget.rate !== undefined) expect(report.budget?.rate).toBeCloseTo(expected.budget.rate, 4);
    if (expected.budget.score !== undefined)
      expect(close(report.budget?.score, expected.budget.score)).toBe(true);
    for (const s of expected.budget.subRows ?? []) {
      const got = report.budget?.subRows.find((x) => x.row === s.row);
      expect(got).toBeDefined();
      expect(close(got?.rate, s.rate)).toBe(true);
    }
  });

  it("totals and grades (R-TOTAL, R-GRADE)", () => {
    if (expected.total !== undefined) expect(close(report.total, expected.total)).toBe(true);
    if (expected.totalProvisional !== undefined)
      expect(report.totalProvisional).toBe(expected.totalProvisional);
    if (expected.grade !== undefined) expect(report.grade).toBe(expected.grade);
  });

  it("reports the indicator rows", () => {
    for (const e of expected.indicators ?? []) {
      const got = report.indicators.find((i) => i.row === e.row);
      expect(got).toBeDefined();
      if (e.name !== undefined) expect(got?.name).toBe(e.name);
      if (e.score !== undefined) expect([got?.row, close(got?.score, e.score)]).toEqual([e.row, true]);
      if (e.scoreSource !== undefined) expect([got?.row, got?.scoreSource]).toEqual([e.row, e.scoreSource]);
      if (e.ruleScore !== undefined)
        expect([got?.row, close(got?.ruleScore, e.ruleScore)]).toEqual([e.row, true]);
    }
    if (expected.indicatorCount !== undefined)
      expect(report.indicators).toHaveLength(expected.indicatorCount);
    const names = report.indicators.map((i) => i.name);
    for (const n of expected.namesInclude ?? []) expect(names).toContain(n);
    const l1 = report.indicators.map((i) => i.level1);
    for (const n of expected.level1Include ?? []) expect(l1).toContain(n);
    for (const row of expected.pending ?? []) {
      const got = report.indicators.find((i) => i.row === row);
      expect([row, got?.score ?? null]).toEqual([row, null]);
    }
  });

  it("names the cell of each diagnostic it lists", () => {
    const got = report.diagnostics.map((d) => ({ code: d.code, row: d.row }));
    for (const d of expected.diagnosticsInclude ?? []) {
      expect(got).toContainEqual(d.row === undefined ? expect.objectContaining({ code: d.code }) : d);
    }
    for (const d of expected.diagnosticsExclude ?? []) {
      if (typeof d === "string") expect(got.map((x) => x.code)).not.toContain(d);
      else expect(got).not.toContainEqual({ code: d.code, row: d.row });
    }
    for (const d of report.diagnostics) {
      if (d.row !== null && d.cell !== null) expect(Number(/\d+$/.exec(d.cell)?.[0])).toBe(d.row);
    }
  });

  it("plans exactly the expected writes (R-WRITE-1)", () => {
    if (!expected.writesExactly) return;
    expect(a.plan.writes.map((w) => w.cell).sort()).toEqual([...expected.writesExactly].sort());
    expect(report.writes.map((w) => w.cell).sort()).toEqual([...expected.writesExactly].sort());
    for (const w of a.plan.writes) expect(w.before).toEqual(cellValue(grid, w.cell));
  });

  it("leaves the expected values in the written cells", () => {
    const after = new Map(a.plan.writes.map((w) => [w.cell, w.after]));
    for (const [cell, v] of Object.entries(expected.cellsAfter ?? {})) {
      const got = after.has(cell) ? after.get(cell) : cellValue(grid, cell);
      if (typeof v === "number") expect([cell, close(got as number, v)]).toEqual([cell, true]);
      else expect([cell, got]).toEqual([cell, v]);
    }
    for (const [cell, prefix] of Object.entries(expected.notesStartWith ?? {})) {
      expect([cell, String(after.get(cell) ?? cellValue(grid, cell)).startsWith(prefix)]).toEqual([
        cell,
        true,
      ]);
    }
    for (const cell of Object.keys(expected.formulasAfter ?? {})) expect(after.has(cell)).toBe(false);
  });

  it("plans nothing on a second run over the written sheet (R-WRITE-5)", () => {
    const written = applyPlan(grid, a.plan.writes);
    const record = recordApplied(emptyRecord(), a.plan, {
      id: "b1",
      sheet: grid.sheet,
      at: "2026-01-01T00:00:00Z",
      cells: [],
    });
    const again = analyzeSheet(written, { profile, record, file: `${name}.xlsx` });
    expect(again.plan.writes).toEqual([]);
    expect(again.report.total).toEqual(report.total);
  });
});
