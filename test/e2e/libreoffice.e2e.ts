/**
 * A real third-party consumer of the scored copies: LibreOffice (headless). Every workbook of
 * ../shared/corpus and ../shared/reference, and prefixed-SpreadsheetML copies of two of them
 * (`<x:worksheet xmlns:x=…>`), is scored with the built CLI (`--out`); LibreOffice converts
 * input and copy to CSV (every sheet), and must see the same text in every cell the plan does
 * not list and the planned value in every cell it lists (R-WRITE-1). The copy re-saved by
 * LibreOffice still restores every touched cell exactly, through the file host and through
 * the Office host (Microsoft's Office.js client over the workbook model), and its record
 * sheet, which LibreOffice saves as merely hidden, is very hidden again (R-WRITE-4, R-WRITE-6).
 */
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { PackageBook, restoreLatest } from "../../src/hosts/file/workbook";
import { address, RECORD_SHEET } from "../../src/sheet";
import type { Report, ReportWrite } from "../../src/sheet/types";
import { scoreFile } from "../../src/cli/score-file";
import { resolveProfile } from "../../src/core";
import { createOfficeHost } from "../../src/hosts/office/office-host";
import type { FakeSheet } from "../support/fake-excel";
import { prefixedWorkbook } from "../support/prefixed";
import { loadIntoFake } from "../support/reference-book";

const ROOT = path.resolve(__dirname, "..", "..");
const CLI = path.join(ROOT, "dist", "cli.js");
const SHARED = path.resolve(ROOT, "..", "shared");
const list = (dir: string) =>
  readdirSync(dir)
    .filter((f) => /\.xls[xm]$/i.test(f) && !/zipbomb/.test(f))
    .sort()
    .map((f) => path.join(dir, f));
const WORKBOOKS = [
  ...list(path.join(SHARED, "corpus", "workbooks")),
  ...list(path.join(SHARED, "reference")),
];
/** Workbooks also scored as prefixed-SpreadsheetML copies. */
const PREFIXED = ["A-donghu-2021-selfeval-blank.xlsx", "c13c_textbox_shape_lo.xlsx"].map((name) =>
  WORKBOOKS.find((f) => path.basename(f) === name)!,
);
interface Case {
  name: string;
  file: string;
  /** The input is `file` with its SpreadsheetML parts prefixed. */
  prefixed: boolean;
}
const CASES: Case[] = [
  ...WORKBOOKS.map((file) => ({ name: path.basename(file), file, prefixed: false })),
  ...PREFIXED.map((file) => ({ name: `prefixed ${path.basename(file)}`, file, prefixed: true })),
];

interface Run {
  name: string;
  /** The workbook the input was made from (the input itself unless prefixed). */
  source: string;
  prefixed: boolean;
  input: string;
  output: string;
  report: Report;
  /** Every table's planned writes (a sheet may hold several tables; `--out` applies them all). */
  writes: ReportWrite[];
}

let dir: string;
const runs: Run[] = [];

function soffice(args: string[]): void {
  const res = spawnSync(
    "soffice",
    [`-env:UserInstallation=file://${path.join(dir, "profile")}`, "--headless", ...args],
    { encoding: "utf8", timeout: 600_000 },
  );
  if (res.status !== 0) throw new Error(`soffice failed: ${res.stderr}`);
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "jixiao-lo-"));
  CASES.forEach(({ name, file, prefixed }, i) => {
    const ext = path.extname(file);
    const input = path.join(dir, `in${i}${ext}`);
    const output = path.join(dir, `out${i}${ext}`);
    if (!prefixed) copyFileSync(file, input);
    else {
      const { bytes, parts } = prefixedWorkbook(file);
      expect(parts).toBeGreaterThanOrEqual(3);
      writeFileSync(input, bytes);
    }
    const res = spawnSync(process.execPath, [CLI, "score", input, "--json", "--out", output], {
      encoding: "utf8",
      timeout: 120_000,
    });
    if (res.status !== 0) throw new Error(`${file}: ${res.stderr}`);
    // One report, or one per table when the sheet holds several.
    const parsed = JSON.parse(res.stdout) as Report | Report[];
    const reports = Array.isArray(parsed) ? parsed : [parsed];
    runs.push({
      name,
      source: file,
      prefixed,
      input,
      output,
      report: reports[0],
      writes: reports.flatMap((r) => r.writes),
    });
  });
  for (const run of runs) {
    const { result } = await scoreFile(readFileSync(run.input), run.name, {
      profile: resolveProfile("central"),
    });
    // The command line reports every table's writes: the same as the flow plans.
    expect(result.tables.flatMap((t) => t.report.writes)).toEqual(run.writes);
  }
  const csv = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";
  soffice([
    "--convert-to",
    csv,
    "--outdir",
    path.join(dir, "csv"),
    ...runs.flatMap((r) => [r.input, r.output]),
  ]);
  mkdirSync(path.join(dir, "resaved"));
  soffice([
    "--convert-to",
    "xlsx",
    "--outdir",
    path.join(dir, "resaved"),
    ...runs.filter((r) => r.output.endsWith(".xlsx")).map((r) => r.output),
  ]);
}, 900_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function sheetCsv(file: string, sheet: string): string[][] {
  const base = path.basename(file).replace(/\.\w+$/, "");
  const csv = path.join(dir, "csv", `${base}-${sheet}.csv`);
  expect(existsSync(csv)).toBe(true);
  return parse(readFileSync(csv, "utf8"), { relax_column_count: true }) as string[][];
}

/** A cell of the workbook model as the Office host sees it: value, formula, number format, fill. */
function fakeState(sheet: FakeSheet, cell: string) {
  const c = sheet.cell(cell);
  return {
    value: c.value === "" ? null : c.value,
    formula: c.formula ?? null,
    numFmt: c.numFmt && c.numFmt !== "General" ? c.numFmt : null,
    fill: c.fill ?? null,
  };
}

describe.each(CASES.map((c, i) => [c.name, i]))("%s", (name, i) => {
  test("LibreOffice opens the scored copy and sees the same text in every unplanned cell", () => {
    const run = runs[i as number];
    expect(run.name).toBe(name);
    const sheet = run.report.sheet;
    const a = sheetCsv(run.input, sheet);
    const b = sheetCsv(run.output, sheet);
    const planned = new Set(run.writes.map((w) => w.cell));
    const differ: string[] = [];
    for (let r = 0; r < Math.max(a.length, b.length); r++)
      for (let c = 0; c < Math.max(a[r]?.length ?? 0, b[r]?.length ?? 0); c++) {
        const cell = address(r + 1, c + 1);
        if (planned.has(cell)) continue;
        if ((a[r]?.[c] ?? "") !== (b[r]?.[c] ?? "")) differ.push(`${cell}: ${a[r]?.[c]} → ${b[r]?.[c]}`);
      }
    expect(differ).toEqual([]);
    // The planned cells hold the planned values (as LibreOffice shows them).
    for (const w of run.writes) {
      const m = /^([A-Z]+)(\d+)$/.exec(w.cell)!;
      const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      const shown = b[Number(m[2]) - 1]?.[col - 1] ?? "";
      if (typeof w.after === "string") expect(shown).toBe(w.after);
      else {
        const x = shown.endsWith("%") ? Number(shown.slice(0, -1)) / 100 : Number(shown.replace(/,/g, ""));
        expect({ cell: w.cell, near: Math.abs(x - w.after) < 0.006 }).toEqual({ cell: w.cell, near: true });
      }
    }
  });

  test("LibreOffice reads a prefixed input as it reads the plain workbook", () => {
    const run = runs[i as number];
    if (!run.prefixed) return;
    const plain = runs.find((r) => !r.prefixed && r.source === run.source)!;
    const a = sheetCsv(plain.input, run.report.sheet);
    expect(a.flat().some((t) => t !== "")).toBe(true);
    expect(sheetCsv(run.input, run.report.sheet)).toEqual(a);
    expect(run.writes).toEqual(plain.writes);
  });

  test("R-WRITE-4/6: after LibreOffice re-saves the copy, restore returns every touched cell exactly", () => {
    const run = runs[i as number];
    if (!run.output.endsWith(".xlsx") || run.writes.length === 0) return;
    const resaved = path.join(dir, "resaved", path.basename(run.output));
    expect(existsSync(resaved)).toBe(true);
    const original = PackageBook.open(readFileSync(run.input), name).grid(run.report.sheet);
    const book = PackageBook.open(readFileSync(resaved), name);
    // LibreOffice has no very hidden sheets: it saves the record sheet as hidden.
    expect(book.sheets.find((s) => s.name === RECORD_SHEET)?.state).toBe("hidden");
    const { restored } = restoreLatest(book);
    expect(restored).toBe(run.writes.length);
    const bytes = book.toBytes();
    expect(PackageBook.open(bytes, name).sheets.find((s) => s.name === RECORD_SHEET)?.state).toBe(
      "veryHidden",
    );
    const back = PackageBook.open(bytes, name).grid(run.report.sheet);
    const at = (g: typeof original, cell: string) => {
      const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
      const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      const c = g.cells[Number(m[2]) - g.top]?.[col - g.left] ?? null;
      return { v: c?.v ?? null, f: c?.f ?? null, fmt: c?.fmt ?? null };
    };
    for (const w of run.writes)
      expect({ cell: w.cell, ...at(back, w.cell) }).toEqual({ cell: w.cell, ...at(original, w.cell) });
  });

  test("R-WRITE-4/6: the Office host restores every touched cell exactly from the copy LibreOffice re-saved", async () => {
    const run = runs[i as number];
    if (!run.output.endsWith(".xlsx") || run.writes.length === 0) return;
    const resaved = path.join(dir, "resaved", path.basename(run.output));
    // Excel holds the workbook as exceljs reads it (a prefixed input: as its plain source).
    const original = await loadIntoFake(run.prefixed ? run.source : run.input);
    const book = await loadIntoFake(resaved);
    expect(book.sheet(RECORD_SHEET)?.visibility).toBe("Hidden");
    const sheet = run.report.sheet;
    const { restored } = await createOfficeHost(book.env()).restore();
    expect(restored).toBe(run.writes.length);
    for (const w of run.writes)
      expect({ cell: w.cell, ...fakeState(book.sheet(sheet)!, w.cell) }).toEqual({
        cell: w.cell,
        ...fakeState(original.sheet(sheet)!, w.cell),
      });
    expect(book.sheet(RECORD_SHEET)?.visibility).toBe("VeryHidden");
  });
});
