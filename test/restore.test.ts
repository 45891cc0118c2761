/**
 * Nothing lost: on every reference workbook, applying the plan and restoring gives every
 * touched cell back exactly, value, formula, fill and number format (R-WRITE-4), also after
 * the workbook is saved and reopened (R-WRITE-6); scoring again after applying writes
 * nothing (R-WRITE-5).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type ExcelJS from "exceljs";
import { resolveProfile } from "../src/core";
import { FileHost } from "../src/hosts/file/file-host";
import {
  applyPlan,
  chosenGrid,
  loadWorkbook,
  readRecordAndSettings,
  restoreLatest,
  workbookGrids,
  type PackageBook,
} from "../src/hosts/file/workbook";
import * as excel from "./support/exceljs-reader";
import { scoreWorkbook } from "./support/score";
import { HostError } from "../src/hosts/host";
import { analyzeSheet, RECORD_SHEET } from "../src/sheet";
import type { Analysis } from "../src/sheet/types";
import { cellState, diffSheets, diffWorkbooks, readXlsx } from "./corpus/compare";
import { readExpected, REFERENCE_DIR as REFERENCE } from "./support/expected";

const WORKBOOKS = readdirSync(REFERENCE)
  .filter((f) => f.endsWith(".xlsx"))
  .sort();
const profile = resolveProfile("central");

/** Scores the workbook as the hosts do: its record, the chosen sheet, its stored mapping. */
function analyse(wb: PackageBook, file: string): Analysis {
  const { record, settings } = readRecordAndSettings(wb);
  const grid = chosenGrid(workbookGrids(wb))!;
  return analyzeSheet(grid, {
    profile,
    record,
    file,
    mapping: settings.mappings?.[grid.sheet] ?? null,
    overrides: settings.overrides?.[grid.sheet],
  });
}

function expectSheetUnchanged(original: ExcelJS.Worksheet, now: ExcelJS.Worksheet): void {
  const d = diffSheets(original, now);
  expect(
    d.cells.map((c) => `${c}: ${cellState(original.getCell(c))} → ${cellState(now.getCell(c))}`),
  ).toEqual([]);
  expect(d.layout).toEqual([]);
}

const FILLS = ["#FFF2CC", "#DDEBF7", "#E2EFDA", "#FCE4D6"];
const FORMATS = ["0.000", "0.0%", "#,##0.00", "@"];

describe.each(WORKBOOKS)("%s", (name) => {
  const bytes = readFileSync(path.join(REFERENCE, name));
  const wanted = readExpected(name).writesExactly;

  test("R-WRITE-4: applyPlan then restoreLatest gives every touched cell back exactly", async () => {
    const original = await readXlsx(bytes);
    const wb = await loadWorkbook(bytes, name);
    const analysis = analyse(wb, name);
    const plan = analysis.plan;
    if (wanted) expect(plan.writes.map((w) => w.cell).sort()).toEqual([...wanted].sort());

    const backup = applyPlan(wb, plan, readRecordAndSettings(wb));
    expect(backup.cells.map((c) => c.cell).sort()).toEqual(plan.writes.map((w) => w.cell).sort());
    const written = (await readXlsx(wb.toBytes())).getWorksheet(plan.sheet)!;
    for (const w of plan.writes) expect(written.getCell(w.cell).value).toEqual(w.after);

    expect(restoreLatest(wb).restored).toBe(plan.writes.length);

    // The restored workbook, saved, is the original workbook (the record sheet aside).
    const reopened = await readXlsx(wb.toBytes());
    expectSheetUnchanged(original.getWorksheet(plan.sheet)!, reopened.getWorksheet(plan.sheet)!);
    const diff = diffWorkbooks(original, reopened, [RECORD_SHEET]);
    expect(diff.sheets).toEqual([]);
    for (const d of Object.values(diff.bySheet)) expect(d).toEqual({ cells: [], layout: [] });
  });

  test("R-WRITE-4: fills and number formats of the touched cells come back exactly", async () => {
    // Give every cell the plan touches its own fill and number format first (with exceljs).
    const first = analyse(await loadWorkbook(bytes, name), name).plan;
    const xl = await excel.loadWorkbook(bytes, name);
    const ws = xl.getWorksheet(first.sheet)!;
    first.writes.forEach((w, i) => {
      const color = FILLS[i % FILLS.length].slice(1);
      excel.restyle(ws.getCell(w.cell), {
        numFmt: FORMATS[i % FORMATS.length],
        fill: { type: "pattern", pattern: "solid", fgColor: { argb: `FF${color}` } },
      });
    });
    const styledBytes = await excel.workbookBytes(xl);
    const before = (await readXlsx(styledBytes)).getWorksheet(first.sheet)!;

    const wb = await loadWorkbook(styledBytes, name);
    const plan = analyse(wb, name).plan;
    expect(plan.writes.map((w) => w.cell)).toEqual(first.writes.map((w) => w.cell));
    applyPlan(wb, plan, readRecordAndSettings(wb));
    restoreLatest(wb);
    const reopened = (await readXlsx(wb.toBytes())).getWorksheet(first.sheet)!;
    expectSheetUnchanged(before, reopened);
  });

  test("R-WRITE-6: the backup travels with the saved workbook and restores after reopening", async () => {
    const original = await readXlsx(bytes);
    const wb = await loadWorkbook(bytes, name);
    const plan = analyse(wb, name).plan;
    applyPlan(wb, plan, readRecordAndSettings(wb));
    const saved = wb.toBytes();

    const again = await loadWorkbook(saved, name);
    expect(restoreLatest(again).restored).toBe(plan.writes.length);
    const back = await readXlsx(again.toBytes());
    expectSheetUnchanged(original.getWorksheet(plan.sheet)!, back.getWorksheet(plan.sheet)!);
  });

  test("R-WRITE-5: scoring the written copy again writes nothing", async () => {
    const first = await scoreWorkbook(bytes, name, { profile, out: true });
    expect(first.output).toBeDefined();
    const second = await scoreWorkbook(first.output!, name, { profile, out: true });
    expect(second.analysis.plan.writes).toEqual([]);
    expect(second.analysis.report.writes).toEqual([]);
    expect(second.analysis.report.total).toBe(first.analysis.report.total);
    expect(second.analysis.report.grade).toBe(first.analysis.report.grade);
    expect(Buffer.from(second.output!).equals(Buffer.from(first.output!))).toBe(true);
  });

  test("FileHost: apply, score again (nothing to write), restore: the sheet is as it was", async () => {
    const original = await readXlsx(bytes);
    const host = await FileHost.open(bytes, name);
    const read = await host.readSheet();
    const analysis = analyzeSheet(read.grid, {
      profile,
      record: read.record,
      file: name,
      mapping: read.settings.mappings?.[read.grid.sheet] ?? null,
    });
    if (wanted) expect(analysis.plan.writes.map((w) => w.cell).sort()).toEqual([...wanted].sort());
    const applied = await host.apply(analysis.plan);
    expect(applied.written).toBe(analysis.plan.writes.length);

    const reread = await host.readSheet(read.grid.sheet);
    const again = analyzeSheet(reread.grid, { profile, record: reread.record, file: name });
    expect(again.plan.writes).toEqual([]);
    expect(again.report.total).toBe(analysis.report.total);

    expect((await host.restore()).restored).toBe(analysis.plan.writes.length);
    const restored = await readXlsx(await host.toBuffer());
    expectSheetUnchanged(original.getWorksheet(read.grid.sheet)!, restored.getWorksheet(read.grid.sheet)!);
    await expect(host.restore()).rejects.toBeInstanceOf(HostError);
  });
});
