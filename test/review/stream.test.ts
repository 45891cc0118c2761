/**
 * The CLI writes the 问题清单 while the run goes on (src/cli/review-out.ts). Differential: the
 * streamed .xlsx and .csv hold exactly what the in-memory writers (the pane's 导出问题清单)
 * make of the same reviews. Texts a spreadsheet would run (a file named `@cmd…`, a sheet
 * named `=1+1`) stay text in the .xlsx, without an apostrophe, and are neutralised in the CSV.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import ExcelJS from "exceljs";
import { resolveProfile } from "../../src/core";
import { listWorkbooks } from "../../src/cli/review";
import { reviewPath } from "../../src/cli/review-pool";
import { reviewSheets } from "../../src/review/sheets";
import type { WorkbookReview } from "../../src/review/types";
import { reviewCsv, reviewXlsx } from "../../src/review/write";
import { REF, run, tmp } from "../cli/helpers";

const HOSTILE_FILE = "@cmd_x000D_.xlsx";
const HOSTILE_SHEET = "=1+1";

let dir: string;
let folder: string;

beforeAll(async () => {
  dir = tmp("jixiao-stream-");
  folder = join(dir, "in");
  mkdirSync(join(folder, "sub"), { recursive: true });
  for (const f of readdirSync(REF).filter((n) => n.endsWith(".xlsx")))
    copyFileSync(join(REF, f), join(folder, f));
  writeFileSync(join(folder, "sub", "broken.xlsx"), "not a workbook");
  // Reference B with its sheet renamed to a formula-like text, under a formula-like file name.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(join(REF, "B-donghu-2021-scoresheet.xlsx")) as unknown as ArrayBuffer);
  wb.worksheets[0].name = HOSTILE_SHEET;
  writeFileSync(join(folder, HOSTILE_FILE), Buffer.from(await wb.xlsx.writeBuffer()));
}, 120000);

async function inMemory() {
  const profile = resolveProfile("central");
  const all: WorkbookReview = { findings: [], tables: [] };
  for (const task of listWorkbooks(folder)) {
    const r = await reviewPath(task, profile);
    all.findings.push(...r.findings);
    all.tables.push(...r.tables);
  }
  return reviewSheets(all, profile);
}

async function sheetsOf(bytes: Uint8Array | Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => ({
    name: ws.name,
    values: ws.getSheetValues(),
    merges: (ws.model as { merges?: string[] }).merges ?? [],
    autoFilter: ws.autoFilter ?? null,
    views: ws.views.map((v) => [v.state, (v as { ySplit?: number }).ySplit]),
  }));
}

it(".csv: both files are byte for byte what the in-memory writer makes", async () => {
  const out = join(dir, "list.csv");
  const r = await run(["review", folder, "--out", out, "--workers", "1"]);
  expect(r.code).toBe(0);
  const want = reviewCsv(await inMemory());
  expect(readFileSync(out, "utf8")).toBe(want.findings);
  expect(readFileSync(join(dir, "list-汇总.csv"), "utf8")).toBe(want.summary);
  expect(want.findings).toContain(`'${HOSTILE_FILE}`);
  expect(want.findings).toContain(`'${HOSTILE_SHEET}`);
  expect(readdirSync(dir).filter((n) => n.includes(".tmp") || n.startsWith("."))).toEqual([]);
}, 120000);

it(".xlsx: the same sheets, values, merges, filter and frozen header as the in-memory writer", async () => {
  const out = join(dir, "list.xlsx");
  const r = await run(["review", folder, "--out", out, "--workers", "1"]);
  expect(r.code).toBe(0);
  const got = await sheetsOf(readFileSync(out));
  const want = await sheetsOf(await reviewXlsx(await inMemory()));
  expect(got).toEqual(want);
  expect(got.map((s) => s.name)).toEqual(["问题清单", "汇总"]);
});

it(".xlsx: formula-like names stay text, as written, with no apostrophe and no formula", async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(join(dir, "list.xlsx")) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("问题清单")!;
  const rows: ExcelJS.Row[] = [];
  ws.eachRow((row) => rows.push(row));
  const hostile = rows.filter((row) => row.getCell(2).value === HOSTILE_FILE);
  expect(hostile.length).toBeGreaterThan(0);
  for (const row of hostile) {
    for (const col of [2, 3]) {
      const found = row.findCell(col)!;
      expect(found.type).toBe(ExcelJS.ValueType.String);
      expect(found.formula).toBeUndefined();
      expect(String(found.value).startsWith("'")).toBe(false);
    }
    expect(row.getCell(3).value).toBe(HOSTILE_SHEET);
  }
});

it("--json prints what JSON.stringify(findings, null, 2) prints, also for no findings", async () => {
  const r = await run(["review", folder, "--json", "--workers", "1"]);
  const parsed = JSON.parse(r.stdout) as unknown[];
  expect(r.stdout).toBe(JSON.stringify(parsed, null, 2) + "\n");
  const empty = join(dir, "empty");
  mkdirSync(empty);
  const e = await run(["review", empty, "--json"]);
  expect(e.stdout).toBe("[]\n");
});
