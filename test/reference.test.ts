/**
 * Every reference workbook in ../shared/reference, through the library (the scoring flow on the file host) and
 * through the command line, against its .expected.json (field meanings: reference/README.md).
 */
import { createHash } from "crypto";
import { existsSync, readdirSync, readFileSync } from "fs";
import { join } from "path";
import ExcelJS from "exceljs";
import { resolveProfile } from "../src/core";
import { cellValueOf } from "./support/exceljs-reader";
import { scoreWorkbook } from "./support/score";
import { RECORD_SHEET } from "../src/sheet";
import type { Report } from "../src/sheet/types";
import { diffSheets, merges, REF, run, sheetState, tmp } from "./cli/helpers";
import { checkReport, EXPECTED_FIELDS, expectClose, readExpected, type Expected } from "./support/expected";

const cases = readdirSync(REF)
  .filter((f) => f.endsWith(".xlsx") && existsSync(join(REF, f.replace(/\.xlsx$/, ".expected.json"))))
  .sort();

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
    if (typeof v === "number") expectClose(got as number, v, `cell ${addr}`);
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
    const exp = readExpected(path);

    test("the expectation file uses only known fields", () => {
      expect(Object.keys(exp).filter((k) => !EXPECTED_FIELDS.has(k))).toEqual([]);
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
