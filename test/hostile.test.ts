/**
 * Hostile inputs (test/corpus/make-corpus.ts) through the command line and through the
 * reader: no crash, one clear Chinese line or diagnostic naming the file or cell, the exit
 * status of REPORT.md, no write outside the plan (R-WRITE-1), the input never modified.
 */
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { resolveProfile } from "../src/core";
import {
  FileReadError,
  loadWorkbook,
  MAX_FILE_BYTES,
  setMaxFileBytes,
  workbookGrids,
} from "../src/hosts/file/workbook";
import type { GridSnapshot } from "../src/sheet/types";
import { analyzeSheet, parseAddress, RECORD_SHEET } from "../src/sheet";
import type { Report } from "../src/sheet/types";
import { runCli, type CliRun } from "./corpus/cli-run";
import { diffWorkbooks, readXlsx } from "./corpus/compare";
import { CORPUS, makeCorpus, writePaddedWorkbook, type CorpusFile } from "./corpus/make-corpus";

const CORPUS_DIR = path.join(__dirname, "corpus/generated/hostile");
const CJK = /[\u4e00-\u9fff]/;
const STACK = /^\s+at .+[(:]\d+|TypeError|ReferenceError|RangeError|undefined is not|Cannot read propert/m;

let files: Record<string, CorpusFile> = {};
let out: string;

beforeAll(async () => {
  rmSync(CORPUS_DIR, { recursive: true, force: true });
  const list = await makeCorpus(CORPUS_DIR);
  files = Object.fromEntries(list.map((f) => [f.name, f]));
  out = mkdtempSync(path.join(os.tmpdir(), "jixiao-hostile-"));
}, 60_000);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

function rowOf(cell: string): number | null {
  return parseAddress(cell)?.row ?? null;
}

/** Every diagnostic speaks Chinese and names a real cell (or none, for the whole table). */
function expectClearDiagnostics(report: Report): void {
  for (const d of report.diagnostics) {
    expect(d.message).toMatch(CJK);
    expect(["error", "warning", "info"]).toContain(d.severity);
    if (d.cell !== null) expect(parseAddress(d.cell)).not.toBeNull();
  }
}

function parseJson(text: string): unknown {
  expect(text.trim()).not.toBe("");
  return JSON.parse(text);
}

/** Exit status and messages as REPORT.md says for the file's kind. */
function expectExit(f: CorpusFile, run: CliRun): void {
  expect(run.stderr).not.toMatch(STACK);
  expect(run.stdout).not.toMatch(STACK);
  if (f.expect === "score") expect(run.code).toBe(0);
  else if (f.expect === "either") expect([0, 1]).toContain(run.code);
  else expect(run.code).toBe(1);
  if (run.code === 1) {
    // One clear Chinese line on standard error, naming the file.
    const lines = run.stderr.trim().split("\n");
    expect(lines.length).toBeGreaterThanOrEqual(1);
    expect(lines.length).toBeLessThanOrEqual(2);
    expect(run.stderr).toMatch(CJK);
    expect(run.stderr).toContain(f.name);
    if (f.messagePattern) expect(run.stderr).toMatch(f.messagePattern);
  }
}

describe("hostile inputs through `jixiao score <file> --json --out`", () => {
  test.each(CORPUS.map((c) => [c.name, c.about] as const))(
    "%s (%s)",
    async (name) => {
      const f = files[name];
      const before = sha256(f.path);
      const copy = path.join(out, `out-${name.replace(/\.\w+$/, "")}.xlsx`);
      const run = await runCli(["score", f.path, "--json", "--out", copy]);

      expectExit(f, run);
      expect(sha256(f.path)).toBe(before);

      if (f.expect === "no-table" || (run.code === 1 && run.stdout.trim() !== "")) {
        // REPORT.md: with --json, a file where no table was found still prints its report.
        const report = parseJson(run.stdout) as Report;
        expect(report.layout).toBeNull();
        expect(report.indicators).toEqual([]);
        expect(report.diagnostics.map((d) => d.code)).toEqual(
          expect.arrayContaining([f.expect === "no-table" ? "NO_TABLE_FOUND" : expect.any(String)]),
        );
        expectClearDiagnostics(report);
      }
      if (run.code !== 0) {
        // Nothing is written for a file that cannot be scored.
        expect(existsSync(copy)).toBe(false);
        return;
      }

      const report = parseJson(run.stdout) as Report;
      expect(report.file).toBe(name);
      expect(["L1", "L2", "L3", "L4", "L5"]).toContain(report.layout);
      expectClearDiagnostics(report);

      // R-WRITE-1: the copy differs from the input only in the planned cells.
      expect(existsSync(copy)).toBe(true);
      const a = await readXlsx(readFileSync(f.path));
      const b = await readXlsx(readFileSync(copy));
      const diff = diffWorkbooks(a, b, [RECORD_SHEET]);
      expect(diff.sheets).toEqual([]);
      const planned = new Set(report.writes.map((w) => w.cell));
      for (const [sheet, d] of Object.entries(diff.bySheet)) {
        expect(d.layout).toEqual([]);
        const unplanned = sheet === report.sheet ? d.cells.filter((c) => !planned.has(c)) : d.cells;
        expect(unplanned).toEqual([]);
      }
      const ws = b.getWorksheet(report.sheet)!;
      for (const w of report.writes) expect(ws.getCell(w.cell).value).toEqual(w.after);

      if (f.textCells) {
        // Text that looks like a formula stays text.
        for (const [cell, text] of Object.entries(f.textCells)) {
          expect(ws.getCell(cell).formula).toBeUndefined();
          expect(ws.getCell(cell).value).toBe(text);
        }
      }
      if (f.unscorableRows) {
        // A row whose figures cannot be read gets a diagnostic and no computed score.
        const flagged = new Set(report.diagnostics.map((d) => d.row));
        const scored = new Set(report.writes.filter((w) => w.kind === "score").map((w) => rowOf(w.cell)));
        for (const r of f.unscorableRows) {
          expect({ row: r, flagged: flagged.has(r) }).toEqual({ row: r, flagged: true });
          expect({ row: r, scored: scored.has(r) }).toEqual({ row: r, scored: false });
        }
      }
    },
    90_000,
  );
});

describe("hostile inputs through the reader (loadWorkbook → workbookGrids → analyzeSheet)", () => {
  const profile = resolveProfile("central");

  test.each(CORPUS.map((c) => [c.name, c.about] as const))("%s (%s)", async (name) => {
    const f = files[name];
    const bytes = readFileSync(f.path);
    let grids: GridSnapshot[];
    try {
      grids = workbookGrids(await loadWorkbook(bytes, name));
    } catch (e) {
      expect(e).toBeInstanceOf(FileReadError);
      const message = (e as Error).message;
      expect(message).toMatch(CJK);
      expect(message).toContain(name);
      expect(message.split("\n")).toHaveLength(1);
      if (f.messagePattern) expect(message).toMatch(f.messagePattern);
      expect(["unreadable", "fail", "either"]).toContain(f.expect);
      return;
    }
    expect(f.expect).not.toBe("unreadable");
    const reports = grids.map((g) => analyzeSheet(g, { profile, file: name }).report);
    for (const r of reports) {
      expect(() => JSON.stringify(r)).not.toThrow();
      expectClearDiagnostics(r);
      if (r.layout === null) {
        expect(r.indicators).toEqual([]);
        expect(r.diagnostics.map((d) => d.code)).toContain("NO_TABLE_FOUND");
      }
    }
    if (f.expect === "score") expect(reports.some((r) => r.layout !== null)).toBe(true);
    if (f.expect === "no-table") expect(reports.every((r) => r.layout === null)).toBe(true);
    if (name === "rows-10000.xlsx") expect(reports[0].indicators).toHaveLength(10000);
    if (name === "merges-600.xlsx") expect(reports[0].indicators).toHaveLength(1200);
  });
});

describe("size limit", () => {
  test("a file over the limit is refused before it is parsed, naming the file and the limit", async () => {
    const f = files["big-50mb.xlsx"];
    expect(statSync(f.path).size).toBeGreaterThan(MAX_FILE_BYTES);
    const t0 = Date.now();
    const run = await runCli(["score", f.path, "--json"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("big-50mb.xlsx");
    expect(run.stderr).toMatch(/50\s*MB/);
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  test("a workbook just under the limit is read", async () => {
    const file = path.join(out, "just-under.xlsx");
    await writePaddedWorkbook(file, MAX_FILE_BYTES - 64 * 1024);
    expect(statSync(file).size).toBeLessThanOrEqual(MAX_FILE_BYTES);
    const wb = await loadWorkbook(readFileSync(file), "just-under.xlsx");
    expect(wb.sheets.map((ws) => ws.name)).toContain("自评表");
  });

  test("with a lowered limit, the limit in use is the one enforced and named", async () => {
    const previous = setMaxFileBytes(2 * 1024 * 1024);
    try {
      const over = path.join(out, "over-2mb.xlsx");
      const under = path.join(out, "under-2mb.xlsx");
      await writePaddedWorkbook(over, 2 * 1024 * 1024 + 1);
      await writePaddedWorkbook(under, 2 * 1024 * 1024 - 4096);
      await expect(loadWorkbook(readFileSync(over), "over-2mb.xlsx")).rejects.toThrow(
        /over-2mb\.xlsx.*2\s*MB/,
      );
      await expect(loadWorkbook(readFileSync(under), "under-2mb.xlsx")).resolves.toBeDefined();
    } finally {
      setMaxFileBytes(previous);
    }
  });
});

describe("a folder of hostile inputs", () => {
  const skip = new Set(["rows-10000.xlsx", "big-50mb.xlsx", "merges-600.xlsx"]);
  let dir: string;
  let names: string[];

  beforeAll(() => {
    dir = path.join(out, "folder");
    mkdirSync(dir, { recursive: true });
    names = [];
    for (const c of CORPUS) {
      if (skip.has(c.name)) continue;
      copyFileSync(files[c.name].path, path.join(dir, c.name));
      names.push(c.name);
    }
    // A file name a spreadsheet would run as a formula.
    copyFileSync(files["formula-like-text.xlsx"].path, path.join(dir, "=1+2.xlsx"));
    names.push("=1+2.xlsx");
  });

  test("--json prints one report per .xlsx, unreadable files as a report with an error, and exits 1", async () => {
    const run = await runCli(["score", dir, "--json"]);
    // Some files cannot be scored: the run says so and fails, having printed every report.
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(STACK);
    const reports = parseJson(run.stdout) as Report[];
    const xlsx = names.filter((n) => n.endsWith(".xlsx")).sort();
    expect(reports.map((r) => r.file).sort()).toEqual(xlsx);
    for (const r of reports) {
      expectClearDiagnostics(r);
      const spec = CORPUS.find((c) => c.name === r.file);
      if (spec && (spec.expect === "unreadable" || spec.expect === "fail")) {
        expect(r.layout).toBeNull();
        expect(r.diagnostics.some((d) => d.severity === "error" && d.message.includes(spec.name))).toBe(true);
      }
      if (spec?.expect === "score") expect(r.layout).not.toBeNull();
    }
  });

  test("the CSV summary neutralises text a spreadsheet would run as a formula", async () => {
    const csv = path.join(out, "summary.csv");
    const run = await runCli(["score", dir, "--out", csv]);
    expect(run.code).toBe(1);
    const text = readFileSync(csv, "utf8").replace(/^\uFEFF/, "");
    const fields = text
      .split(/\r?\n/)
      .flatMap((line) => line.split(","))
      .map((f) => f.replace(/^"|"$/g, ""));
    expect(fields.some((f) => f.includes("1+2.xlsx"))).toBe(true);
    const dangerous = fields.filter((f) => /^[=+\-@]/.test(f) && !/^-?\d+(\.\d+)?$/.test(f));
    expect(dangerous).toEqual([]);
  });
});
