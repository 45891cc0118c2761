/** The sheet layer against the reference workbooks (../shared/reference), read through the file host. */
import { readFileSync } from "fs";
import { join } from "path";
import { resolveProfile } from "../../src/core";
import { loadWorkbook } from "../../src/hosts/file/workbook";
import { RECORD_SHEET } from "../../src/sheet";
import {
  analyzeSheet,
  chooseSheet,
  emptyRecord,
  parseAddress,
  recordApplied,
  type Analysis,
  type GridSnapshot,
  type Report,
} from "../../src/sheet";
import {
  checkBudget,
  checkDiagnostics,
  checkIndicators,
  checkTotals,
  expectClose,
  readExpected,
  REFERENCE_DIR,
  REFERENCE_NAMES,
} from "../support/expected";
import { applyPlan } from "./grid-builder";

const FILES = REFERENCE_NAMES;

async function read(
  name: string,
): Promise<{ grid: GridSnapshot; sheets: { name: string; grid: GridSnapshot }[] }> {
  const wb = await loadWorkbook(readFileSync(join(REFERENCE_DIR, `${name}.xlsx`)), `${name}.xlsx`);
  const sheets = wb.sheets
    .filter((ws) => ws.name !== RECORD_SHEET)
    .map((ws) => ({ name: ws.name, grid: wb.grid(ws.name) }));
  const chosen = chooseSheet(sheets);
  const grid = sheets.find((s) => s.name === chosen)?.grid;
  if (!grid) throw new Error(`no sheet chosen in ${name}`);
  return { grid, sheets };
}

function cellValue(g: GridSnapshot, addr: string): unknown {
  const at = parseAddress(addr);
  if (!at) return undefined;
  const c = g.cells[at.row - g.top]?.[at.col - g.left];
  return c ? c.v : null;
}

describe.each(FILES)("%s", (name) => {
  const expected = readExpected(name);
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
    checkBudget(report, expected);
  });

  it("totals and grades (R-TOTAL, R-GRADE)", () => {
    checkTotals(report, expected);
  });

  it("reports the indicator rows", () => {
    checkIndicators(report, expected);
  });

  it("names the cell of each diagnostic it lists", () => {
    checkDiagnostics(report, expected);
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
      if (typeof v === "number") expectClose(got as number, v, `cell ${cell}`);
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
