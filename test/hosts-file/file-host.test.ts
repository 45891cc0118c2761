/** The file host over an in-memory workbook: apply → restore (R-WRITE-4), highlights, settings, templates. */
import { readFileSync } from "fs";
import { buildTemplate } from "../../src/templates";
import { join } from "path";
import ExcelJS from "exceljs";
import { resolveProfile } from "../../src/core";
import { FileHost } from "../../src/hosts/file/file-host";
import { HostError } from "../../src/hosts/host";
import { analyzeSheet, RECORD_SHEET } from "../../src/sheet";
import type { WritePlan } from "../../src/sheet/types";
import { diffSheets, merges, REF, sheetState } from "../cli/helpers";

const A = readFileSync(join(REF, "A-donghu-2021-selfeval-blank.xlsx"));

async function bookOf(host: FileHost): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await host.toBuffer()) as unknown as ArrayBuffer);
  return wb;
}

const ALL: ("type" | "value" | "numFmt" | "fill" | "font" | "master")[] = [
  "type",
  "value",
  "numFmt",
  "fill",
  "font",
  "master",
];

/** A sheet with a user's fills, a shared style, a formula and a number format. */
async function crafted(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("表");
  ws.getCell("A1").value = "得分";
  ws.getCell("B1").value = 3;
  ws.getCell("B2").value = 4;
  const shared: Partial<ExcelJS.Style> = {
    numFmt: "0.0",
    fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } },
  };
  ws.getCell("B1").style = shared;
  ws.getCell("B2").style = shared;
  ws.getCell("C1").value = { formula: "B1+B2", result: 7 } as ExcelJS.CellFormulaValue;
  ws.getCell("C2").fill = {
    type: "pattern",
    pattern: "solid",
    fgColor: { theme: 4, tint: 0.4 },
  } as ExcelJS.Fill;
  ws.getCell("D1").value = "x";
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe("FileHost", () => {
  test("open/readSheet: the table sheet is chosen; the record sheet is not listed", async () => {
    const host = await FileHost.open(A, "A.xlsx");
    const read = await host.readSheet();
    expect(read.grid.sheet).toBe("自评表");
    expect(read.record).toEqual({ ledger: [], backups: [], highlights: [] });
    await host.saveSettings({ profile: "guangxi" });
    expect(host.sheetNames()).toEqual(["自评表"]);
  });

  test("apply → restore gives every touched cell back exactly, also after a save and reopen (R-WRITE-4, R-WRITE-6)", async () => {
    const host = await FileHost.open(A, "A.xlsx");
    const original = sheetState((await bookOf(host)).getWorksheet("自评表")!);
    const read = await host.readSheet();
    const analysis = analyzeSheet(read.grid, { profile: resolveProfile(), record: read.record });
    expect(analysis.plan.writes.length).toBeGreaterThan(0);
    const res = await host.apply(analysis.plan);
    expect(res.written).toBe(analysis.plan.writes.length);
    const applied = await bookOf(host);
    expect(applied.getWorksheet(RECORD_SHEET)?.state).toBe("veryHidden");
    const changed = diffSheets(original, sheetState(applied.getWorksheet("自评表")!), ["value"]);
    expect(changed).toEqual(analysis.plan.writes.map((w) => w.cell).sort());
    // the ledger travels with the file: a fresh host sees the program's values and plans nothing
    const reopened = await FileHost.open(await host.toBuffer(), "A.xlsx");
    const again = await reopened.readSheet();
    expect(analyzeSheet(again.grid, { profile: resolveProfile(), record: again.record }).plan.writes).toEqual(
      [],
    );
    expect(await reopened.restore()).toEqual({ restored: analysis.plan.writes.length });
    const restored = await bookOf(reopened);
    expect(diffSheets(original, sheetState(restored.getWorksheet("自评表")!), ALL)).toEqual([]);
    expect(merges(restored.getWorksheet("自评表")!)).toEqual(merges(applied.getWorksheet("自评表")!));
    await expect(reopened.restore()).rejects.toMatchObject({ code: "NOTHING_TO_RESTORE" });
  });

  test("restore rewinds the record: a value the program wrote before counts as the program's again (R-WRITE-2, R-WRITE-6)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("自评表");
    ws.addRow(["三级指标", "年度指标值", "实际完成值", "分值", "得分"]);
    ws.addRow(["指标1", "≥100个", "83.2个", 5, null]);
    const profile = resolveProfile();
    let host = await FileHost.open((await wb.xlsx.writeBuffer()) as ArrayBuffer, "r.xlsx");
    const first = analyzeSheet((await host.readSheet()).grid, { profile });
    expect(first.plan.writes).toEqual([expect.objectContaining({ cell: "E2", after: 4.16 })]);
    await host.apply(first.plan);

    // A person changes the actual; 全部按规则重算 writes 4.20 over the program's 4.16.
    const edited = await bookOf(host);
    edited.getWorksheet("自评表")!.getCell("C2").value = "84个";
    host = await FileHost.open((await edited.xlsx.writeBuffer()) as ArrayBuffer, "r.xlsx");
    const read = await host.readSheet();
    const recompute = analyzeSheet(read.grid, { profile, record: read.record, recomputeAll: true });
    expect(recompute.plan.writes).toEqual([
      expect.objectContaining({ cell: "E2", before: 4.16, after: 4.2 }),
    ]);
    await host.apply(recompute.plan);

    // Restored (after a save and reopen): 4.16 is the program's value again.
    const reopened = await FileHost.open(await host.toBuffer(), "r.xlsx");
    // The table has no note column: the refreshed draft note on A2 (R-DEV) is put back too.
    expect(await reopened.restore()).toEqual({ restored: 1, notes: 1 });
    const back = await reopened.readSheet();
    expect(back.grid.cells[1][4]?.v).toBe(4.16);
    expect(back.record.ledger).toEqual([
      expect.objectContaining({ sheet: "自评表", cell: "E2", value: 4.16 }),
    ]);
    const rerun = analyzeSheet(back.grid, { profile, record: back.record });
    expect(rerun.report.diagnostics.map((d) => d.code)).not.toContain("SCORE_MISMATCH");
    expect(rerun.plan.writes).toEqual([expect.objectContaining({ cell: "E2", before: 4.16, after: 4.2 })]);
    // Restoring the first apply too: E2 empty and unrecorded, as before any run.
    await reopened.restore();
    const none = await reopened.readSheet();
    expect(none.grid.cells[1]?.[4]?.v ?? null).toBeNull();
    expect(none.record.ledger).toEqual([]);
  });

  test("a planned number format gets a fresh style: cells sharing the style keep theirs; restore brings value, format and fill back", async () => {
    const host = await FileHost.open(await crafted(), "c.xlsx");
    const before = sheetState((await bookOf(host)).getWorksheet("表")!);
    const plan: WritePlan = {
      sheet: "表",
      writes: [
        {
          cell: "B1",
          row: 1,
          col: 2,
          before: 3,
          after: 0.5,
          kind: "rate",
          numFmt: "0.00%",
          field: "budgetRate",
        },
      ],
    };
    await host.apply(plan);
    const after = (await bookOf(host)).getWorksheet("表")!;
    expect(after.getCell("B1").value).toBe(0.5);
    expect(after.getCell("B1").numFmt).toBe("0.00%");
    expect(after.getCell("B1").fill).toEqual(before.get("B1") && JSON.parse(before.get("B1")!.fill));
    expect(after.getCell("B2").numFmt).toBe("0.0");
    expect(diffSheets(before, sheetState(after), ALL)).toEqual(["B1"]);
    await host.restore();
    expect(diffSheets(before, sheetState((await bookOf(host)).getWorksheet("表")!), ALL)).toEqual([]);
  });

  test("a stale plan or a formula cell is refused and nothing is written", async () => {
    const host = await FileHost.open(await crafted(), "c.xlsx");
    const before = sheetState((await bookOf(host)).getWorksheet("表")!);
    const stale: WritePlan = {
      sheet: "表",
      writes: [
        { cell: "D1", row: 1, col: 4, before: "x", after: 1, kind: "score", field: "score" },
        { cell: "B2", row: 2, col: 2, before: 5, after: 1, kind: "score", field: "score" },
      ],
    };
    await expect(host.apply(stale)).rejects.toMatchObject({ code: "STALE" });
    const formula: WritePlan = {
      sheet: "表",
      writes: [{ cell: "C1", row: 1, col: 3, before: 7, after: 1, kind: "score", field: "score" }],
    };
    await expect(host.apply(formula)).rejects.toBeInstanceOf(HostError);
    const wb = await bookOf(host);
    expect(diffSheets(before, sheetState(wb.getWorksheet("表")!), ALL)).toEqual([]);
    expect(wb.getWorksheet(RECORD_SHEET)).toBeUndefined();
  });

  test("a protected sheet is reported and never written", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("表");
    ws.getCell("A1").value = 1;
    await ws.protect("", {});
    const host = await FileHost.open(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), "p.xlsx");
    expect((await host.readSheet("表")).grid.protected).toBe(true);
    const plan: WritePlan = {
      sheet: "表",
      writes: [{ cell: "B1", row: 1, col: 2, before: null, after: 2, kind: "score", field: "score" }],
    };
    await expect(host.apply(plan)).rejects.toMatchObject({ code: "PROTECTED" });
    expect((await bookOf(host)).getWorksheet("表")!.getCell("B1").value).toBeNull();
  });

  test("a file that is not a workbook: FileReadError naming it", async () => {
    await expect(FileHost.open(new TextEncoder().encode("hello"), "说明.txt")).rejects.toMatchObject({
      name: "FileReadError",
      message: expect.stringContaining("说明.txt"),
    });
  });

  test("highlight → clear restores every fill exactly: none, a user's solid fill, a theme fill; twice highlighted too", async () => {
    const host = await FileHost.open(await crafted(), "c.xlsx");
    const before = sheetState((await bookOf(host)).getWorksheet("表")!);
    await host.highlight("表", [
      { cell: "A1", color: "#FFC7CE", code: "SCORE_MISMATCH" },
      { cell: "B1", color: "#FFC7CE", code: "SCORE_MISMATCH" },
      { cell: "C2", color: "#FFEB9C", code: "UNDER_TARGET" },
    ]);
    await host.highlight("表", [{ cell: "B1", color: "#FFEB9C", code: "UNDER_TARGET" }]);
    // across a save: the earlier fills travel in the record
    const reopened = await FileHost.open(await host.toBuffer(), "c.xlsx");
    const lit = (await bookOf(reopened)).getWorksheet("表")!;
    expect(lit.getCell("B1").fill).toMatchObject({ pattern: "solid", fgColor: { argb: "FFFFEB9C" } });
    expect(lit.getCell("B2").fill).toEqual(JSON.parse(before.get("B2")!.fill));
    expect(diffSheets(before, sheetState(lit), ["fill"])).toEqual(["A1", "B1", "C2"]);
    await reopened.clearHighlights("表");
    expect(diffSheets(before, sheetState((await bookOf(reopened)).getWorksheet("表")!), ALL)).toEqual([]);
    expect((await reopened.readSheet("表")).record.highlights).toEqual([]);
  });

  test("settings are kept in the record sheet and survive an apply", async () => {
    const host = await FileHost.open(A, "A.xlsx");
    await host.saveSettings({
      profile: "municipal-20",
      overrides: { 自评表: { 13: { direction: "reverse" } } },
    });
    const read = await host.readSheet();
    await host.apply(analyzeSheet(read.grid, { profile: resolveProfile(), record: read.record }).plan);
    const reopened = await FileHost.open(await host.toBuffer(), "A.xlsx");
    expect((await reopened.readSheet()).settings).toEqual({
      profile: "municipal-20",
      overrides: { 自评表: { 13: { direction: "reverse" } } },
    });
  });

  test("insertTemplate adds a sheet holding a table the reader finds", async () => {
    const host = await FileHost.open(A, "A.xlsx");
    const name = await host.insertTemplate("L1");
    expect(host.sheetNames()).toContain(name);
    const second = await host.insertTemplate("L1");
    expect(second).not.toBe(name);
    const read = await host.readSheet(name);
    const analysis = analyzeSheet(read.grid, { profile: resolveProfile() });
    expect(analysis.layout?.layout).toBe("L1");
  });

  test("an inserted template keeps the standard table's formats and validations, also in the downloaded copy", async () => {
    const host = await FileHost.open(A, "A.xlsx");
    const name = await host.insertTemplate("L2");
    const ws = (await bookOf(host)).getWorksheet(name)!;
    const tpl = buildTemplate("L2");
    const validated = tpl.validations[0];
    const first = validated.range.split(":")[0];
    expect(ws.getCell(first).dataValidation).toMatchObject({ type: "list" });
    const rate = tpl.cells.find((c) => c.numFmt === "0.00%")!;
    expect(ws.getCell(rate.cell).numFmt).toBe("0.00%");
    expect(ws.getColumn(1).width).toBe(tpl.widths[0]);
    // 分值 accepts a number from 0 to 100 only, as in the downloaded template.
    const weights = tpl.decimalValidations![0];
    expect(ws.getCell(weights.range.split(":")[0]).dataValidation).toMatchObject({
      type: "decimal",
      formulae: [weights.min, weights.max],
    });
  });
});
