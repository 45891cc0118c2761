/**
 * Every reference workbook in ../shared/reference, through the library (scoreWorkbook) and
 * through the command line, against its .expected.json (field meanings: reference/README.md).
 */
import { createHash } from "crypto";
import { existsSync, readdirSync, readFileSync } from "fs";
import { join } from "path";
import ExcelJS from "exceljs";
import { resolveProfile } from "../src/core";
import { cellValueOf, scoreWorkbook } from "../src/hosts/file/workbook";
import { RECORD_SHEET } from "../src/sheet";
import type { Report } from "../src/sheet/types";
import { diffSheets, merges, REF, run, sheetState, tmp } from "./cli/helpers";

const TOL = 0.005;

interface Expected {
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

const KNOWN = new Set([
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

const cases = readdirSync(REF)
  .filter((f) => f.endsWith(".xlsx") && existsSync(join(REF, f.replace(/\.xlsx$/, ".expected.json"))))
  .sort();

function close(actual: number | null | undefined, expected: number | null, what: string): void {
  if (expected === null) {
    expect({ what, actual }).toEqual({ what, actual: null });
    return;
  }
  expect({ what, actual: typeof actual }).toEqual({ what, actual: "number" });
  expect({ what, off: Math.abs((actual as number) - expected) <= TOL, actual }).toEqual({
    what,
    off: true,
    actual,
  });
}

function checkReport(r: Report, exp: Expected): void {
  if ("layout" in exp) expect(r.layout).toBe(exp.layout);
  if ("budget" in exp) {
    if (exp.budget === null) expect(r.budget).toBeNull();
    else if (exp.budget) {
      expect(r.budget).not.toBeNull();
      if (exp.budget.rate !== undefined) close(r.budget?.rate, exp.budget.rate, "budget.rate");
      if (exp.budget.score !== undefined) close(r.budget?.score, exp.budget.score, "budget.score");
      for (const sub of exp.budget.subRows ?? []) {
        const got = r.budget?.subRows.find((s) => s.row === sub.row);
        expect({ subRow: sub.row, found: !!got }).toEqual({ subRow: sub.row, found: true });
        close(got?.rate, sub.rate, `budget.subRows[row ${sub.row}].rate`);
      }
    }
  }
  if ("total" in exp) close(r.total, exp.total ?? null, "total");
  if ("totalProvisional" in exp) expect(r.totalProvisional).toBe(exp.totalProvisional);
  if ("grade" in exp) expect(r.grade).toBe(exp.grade);
  for (const ind of exp.indicators ?? []) {
    const got = r.indicators.find((i) => i.row === ind.row);
    expect({ row: ind.row, found: !!got }).toEqual({ row: ind.row, found: true });
    if (!got) continue;
    if (ind.name !== undefined)
      expect({ row: ind.row, name: got.name }).toEqual({ row: ind.row, name: ind.name });
    if (ind.score !== undefined) close(got.score, ind.score, `row ${ind.row} score`);
    if (ind.scoreSource !== undefined) {
      expect({ row: ind.row, scoreSource: got.scoreSource }).toEqual({
        row: ind.row,
        scoreSource: ind.scoreSource,
      });
    }
    if (ind.ruleScore !== undefined) close(got.ruleScore, ind.ruleScore, `row ${ind.row} ruleScore`);
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
  if (exp.writesExactly) expect(r.writes.map((w) => w.cell).sort()).toEqual([...exp.writesExactly].sort());
}

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** The written copy: only the expected cells change; everything else, merges and other sheets stay (R-WRITE-1). */
async function checkCopy(input: Uint8Array, output: Uint8Array, sheet: string, exp: Expected): Promise<void> {
  const a = await open(input);
  const b = await open(output);
  const wa = a.getWorksheet(sheet)!;
  const wb = b.getWorksheet(sheet)!;
  const sa = sheetState(wa);
  const sb = sheetState(wb);
  const changed = diffSheets(sa, sb, ["type", "value"]);
  if (exp.writesExactly) expect(changed).toEqual([...exp.writesExactly].sort());
  const written = new Set(exp.writesExactly ?? changed);
  const styleChanged = diffSheets(sa, sb, ["numFmt", "fill", "font", "master"]).filter(
    (c) => !written.has(c),
  );
  expect(styleChanged).toEqual([]);
  expect(merges(wb)).toEqual(merges(wa));
  const others = (w: ExcelJS.Workbook) =>
    w.worksheets.filter((s) => s.name !== RECORD_SHEET).map((s) => s.name);
  expect(others(b)).toEqual(others(a));
  for (const name of others(a)) {
    if (name === sheet) continue;
    expect(
      diffSheets(sheetState(a.getWorksheet(name)!), sheetState(b.getWorksheet(name)!), [
        "type",
        "value",
        "numFmt",
        "fill",
        "font",
      ]),
    ).toEqual([]);
    expect(merges(b.getWorksheet(name)!)).toEqual(merges(a.getWorksheet(name)!));
  }
  const record = b.getWorksheet(RECORD_SHEET);
  if (record) expect(record.state).toBe("veryHidden");
  for (const [addr, v] of Object.entries(exp.cellsAfter ?? {})) {
    const got = cellValueOf(wb.getCell(addr));
    if (typeof v === "number") close(got as number, v, `cell ${addr}`);
    else expect({ cell: addr, value: got }).toEqual({ cell: addr, value: v });
  }
  for (const [addr, prefix] of Object.entries(exp.notesStartWith ?? {})) {
    const got = cellValueOf(wb.getCell(addr));
    expect({ cell: addr, startsWith: typeof got === "string" && got.startsWith(prefix), got }).toEqual({
      cell: addr,
      startsWith: true,
      got,
    });
  }
  for (const [addr, f] of Object.entries(exp.formulasAfter ?? {})) {
    const formula = wb.getCell(addr).formula;
    expect({ cell: addr, formula: formula ?? null }).toEqual({
      cell: addr,
      formula: f.replace(/^=/, ""),
    });
  }
}

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

describe("reference workbooks", () => {
  test("the reference folder holds workbooks with expectations", () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  describe.each(cases)("%s", (file) => {
    const path = join(REF, file);
    const exp = JSON.parse(readFileSync(path.replace(/\.xlsx$/, ".expected.json"), "utf8")) as Expected;

    test("the expectation file uses only known fields", () => {
      expect(Object.keys(exp).filter((k) => !KNOWN.has(k))).toEqual([]);
    });

    test("library: report and written copy satisfy every expectation (R-WRITE-1), and a second run writes nothing (R-WRITE-5)", async () => {
      const input = new Uint8Array(readFileSync(path));
      const before = sha(input);
      const { analysis, output } = await scoreWorkbook(input, file, { profile: resolveProfile(), out: true });
      expect(sha(input)).toBe(before);
      expect(analysis.report.file).toBe(file);
      checkReport(analysis.report, exp);
      expect(output).toBeDefined();
      await checkCopy(input, output!, analysis.report.sheet, exp);
      const again = await scoreWorkbook(output!, file, { profile: resolveProfile(), out: true });
      expect(again.analysis.report.writes).toEqual([]);
      expect(again.analysis.plan.writes).toEqual([]);
      checkReport(again.analysis.report, { ...exp, writesExactly: [] });
    });

    test("command line: score --json --out satisfies every expectation; the input is untouched", async () => {
      const out = join(tmp(), "scored.xlsx");
      const before = sha(readFileSync(path));
      const res = await run(["score", path, "--json", "--out", out]);
      expect({ code: res.code, stderr: res.code === 0 ? "" : res.stderr }).toEqual({ code: 0, stderr: "" });
      const report = JSON.parse(res.stdout) as Report;
      checkReport(report, exp);
      expect(sha(readFileSync(path))).toBe(before);
      await checkCopy(
        new Uint8Array(readFileSync(path)),
        new Uint8Array(readFileSync(out)),
        report.sheet,
        exp,
      );
      const again = await run(["score", out, "--json"]);
      expect(again.code).toBe(0);
      expect((JSON.parse(again.stdout) as Report).writes).toEqual([]);
    });
  });
});
