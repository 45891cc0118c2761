/** R-DEV draft notes as exceljs cell notes where the layout has no note column; restore removes them. */
import ExcelJS from "exceljs";
import { resolveProfile } from "../../src/core";
import { FileHost } from "../../src/hosts/file/file-host";
import { noteTextOf } from "../support/exceljs-reader";
import { scoreWorkbook } from "../support/score";
import { analyzeSheet } from "../../src/sheet";
import type { SheetRead } from "../../src/hosts/host";
import { diffSheets, sheetState } from "../cli/helpers";
import { L1_HEADER } from "../support/headers";

const profile = resolveProfile("central");
const analyze = (read: SheetRead) => analyzeSheet(read.grid, { profile, record: read.record });

/** An L5 table without a 偏差原因 column: rows 2 and 4 fall short of their targets. */
async function l5(personNote?: { cell: string; text: string }): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("自评表");
  [
    [...L1_HEADER],
    ["产出指标", "数量指标", "培训人次", "100人次", "80人次", 40, null],
    [null, null, "覆盖乡镇", "10个", "10个", 30, null],
    [null, "成本指标", "人均成本", "≤500元", "600元", 30, null],
    ["总分", null, null, null, null, 100, null],
  ].forEach((r, i) =>
    r.forEach((v, j) => {
      if (v !== null) ws.getCell(i + 1, j + 1).value = v;
    }),
  );
  ws.mergeCells("A2:A4");
  if (personNote) ws.getCell(personNote.cell).note = personNote.text;
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function reload(host: FileHost): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await host.toBuffer()) as unknown as ArrayBuffer);
  return wb.getWorksheet("自评表")!;
}

describe("file host: draft notes (R-DEV, R-WRITE-4)", () => {
  test("R-DEV: apply adds the drafts as cell notes on the 三级指标 cells; restore removes them exactly", async () => {
    const host = await FileHost.open(await l5(), "l5.xlsx");
    const original = sheetState(await reload(host));
    const analysis = analyze(await host.readSheet());
    expect(analysis.plan.notes?.map((n) => n.cell)).toEqual(["C2", "C4"]);
    const result = await host.apply(analysis.plan);
    expect(result).toMatchObject({ written: analysis.plan.writes.length, notes: 2 });

    const written = await reload(host);
    expect(noteTextOf(written.getCell("C2"))).toMatch(
      /^【待补充】培训人次：年度指标值100人次，实际完成值80人次/,
    );
    expect(noteTextOf(written.getCell("C4"))).toMatch(/^【待补充】人均成本：/);
    expect(noteTextOf(written.getCell("C3"))).toBeNull();
    // The note changes no cell value: only the score cells differ.
    expect(diffSheets(original, sheetState(written), ["type", "value"])).toEqual(["G2", "G3", "G4", "G5"]);

    expect(await host.restore()).toEqual({ restored: analysis.plan.writes.length, notes: 2 });
    const restored = await reload(host);
    expect(noteTextOf(restored.getCell("C2"))).toBeNull();
    expect(noteTextOf(restored.getCell("C4"))).toBeNull();
    expect(diffSheets(original, sheetState(restored), ["type", "value", "numFmt", "fill", "font"])).toEqual(
      [],
    );
  });

  test("R-DEV: a person's note is kept, one of ours refreshed; R-WRITE-5: a second apply changes nothing", async () => {
    const host = await FileHost.open(await l5({ cell: "C2", text: "张三：培训因疫情推迟。" }), "l5.xlsx");
    const first = await host.apply(analyze(await host.readSheet()).plan);
    expect(first.notes).toBe(1);
    let ws = await reload(host);
    expect(noteTextOf(ws.getCell("C2"))).toBe("张三：培训因疫情推迟。");
    expect(noteTextOf(ws.getCell("C4"))).toMatch(/^【待补充】人均成本：/);

    const again = analyze(await host.readSheet());
    expect(again.plan.writes).toEqual([]);
    const backups = (await host.readSheet()).record.backups.length;
    expect(await host.apply(again.plan)).toEqual({ written: 0, backupId: "", notes: 0 });
    expect((await host.readSheet()).record.backups).toHaveLength(backups);

    // An older draft of ours is refreshed, and restore brings its text back.
    const stale = await l5({ cell: "C4", text: "【待补充】旧草稿" });
    const h2 = await FileHost.open(stale, "l5.xlsx");
    expect((await h2.apply(analyze(await h2.readSheet()).plan)).notes).toBe(2);
    ws = await reload(h2);
    expect(noteTextOf(ws.getCell("C4"))).toMatch(/^【待补充】人均成本：/);
    await h2.restore();
    ws = await reload(h2);
    expect(noteTextOf(ws.getCell("C4"))).toBe("【待补充】旧草稿");
  });

  test("command line path: the written copy carries the notes; a copy of a copy is unchanged", async () => {
    const input = await l5();
    const { analysis, output } = await scoreWorkbook(input, "l5.xlsx", { profile, out: true });
    expect(analysis.report.indicators.find((i) => i.row === 2)?.draftNote).toMatch(/^【待补充】培训人次/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(output as unknown as ArrayBuffer);
    expect(noteTextOf(wb.getWorksheet("自评表")!.getCell("C2"))).toMatch(/^【待补充】培训人次/);
    const second = await scoreWorkbook(output!, "l5.xlsx", { profile, out: true });
    expect(second.output).toEqual(output);
  });
});
