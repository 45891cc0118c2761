/**
 * R-DEV / R-WRITE-4/5: draft notes where the layout has no note column, written by `apply`
 * as Excel notes (ExcelApi 1.18) or comments (1.10), never over a person's, undone by restore.
 */
import { resolveProfile } from "../../src/core";
import { createOfficeHost } from "../../src/hosts/office/office-host";
import { quickScore } from "../../src/commands/commands";
import type { SheetRead } from "../../src/hosts/host";
import { analyzeSheet } from "../../src/sheet";
import { FakeWorkbook, type FakeOptions } from "../support/fake-excel";
import { addNotes, sheetState } from "./helpers";
import { L1_HEADER } from "../support/headers";

const DRAFT_C2 =
  "【待补充】培训人次：年度指标值100人次，实际完成值80人次，完成率80.00%，未完成年度目标。偏差原因：；改进措施：";

/** An L5 table without a 偏差原因 column: rows 2 and 4 fall short of their targets. */
/** ExcelApi 1.18 (notes) unless a test names another level. */
function setup(opts: FakeOptions = {}) {
  const book = new FakeWorkbook({ api: "1.18", ...opts });
  const sheet = book.addSheet("自评表");
  const rows: (string | number | null)[][] = [
    [...L1_HEADER],
    ["产出指标", "数量指标", "培训人次", "100人次", "80人次", 40, null],
    [null, null, "覆盖乡镇", "10个", "10个", 30, null],
    [null, "成本指标", "人均成本", "≤500元", "600元", 30, null],
    ["总分", null, null, null, null, 100, null],
  ];
  rows.forEach((r, i) =>
    r.forEach((v, j) => {
      if (v !== null) sheet.set(`${"ABCDEFG"[j]}${i + 1}`, v);
    }),
  );
  sheet.merge("A2:A4");
  return { book, sheet, host: createOfficeHost(book.env()) };
}

const analyze = (read: SheetRead) =>
  analyzeSheet(read.grid, { profile: resolveProfile("central"), record: read.record });

describe("draft notes on a layout without a note column (R-DEV)", () => {
  test("ExcelApi 1.18: Excel notes on the 三级指标 cells, in the one write round trip; restore removes them", async () => {
    const { book, sheet, host } = setup();
    const before = sheetState(sheet);
    const read = await host.readSheet();
    expect(book.syncs).toBe(1);
    const analysis = analyze(read);
    expect(analysis.plan.notes?.map((n) => n.cell)).toEqual(["C2", "C4"]);

    const result = await host.apply(analysis.plan);
    expect(book.syncs).toBe(2);
    expect(book.writeSyncs).toBe(1);
    expect(result).toMatchObject({ written: analysis.plan.writes.length, notes: 2 });
    expect(sheet.notes.get("C2")).toBe(DRAFT_C2);
    expect(sheet.notes.get("C4")).toMatch(/^【待补充】人均成本：/);
    expect(sheet.comments.size).toBe(0);
    // Notes change no cell: the name cells keep their text.
    expect(sheet.cell("C2").value).toBe("培训人次");

    const restored = await host.restore();
    expect(restored).toEqual({ restored: analysis.plan.writes.length, notes: 2 });
    expect(sheet.notes.size).toBe(0);
    expect(sheetState(sheet)).toEqual(before);
  });

  test("a person's note or comment is never overwritten; restore leaves it", async () => {
    const { book, sheet, host } = setup();
    sheet.notes.set("C2", "张三：培训因疫情推迟。");
    sheet.comments.set("C4", "李四：请核对成本口径。");
    const analysis = analyze(await host.readSheet());
    const result = await host.apply(analysis.plan);
    expect(result.notes).toBe(0);
    expect(sheet.notes.get("C2")).toBe("张三：培训因疫情推迟。");
    expect(sheet.comments.get("C4")).toBe("李四：请核对成本口径。");
    expect(sheet.notes.has("C4")).toBe(false);
    // The read counted notes and comments: one lookup round trip before the write.
    expect(book.syncs).toBe(3);
    expect(book.writeSyncs).toBe(1);
    await host.restore();
    expect(sheet.notes.get("C2")).toBe("张三：培训因疫情推迟。");
    expect(sheet.comments.get("C4")).toBe("李四：请核对成本口径。");
  });

  test("one of the program's drafts is refreshed when its text differs, and restore puts the old text back", async () => {
    const { sheet, host } = setup();
    sheet.notes.set("C2", "【待补充】旧草稿");
    const analysis = analyze(await host.readSheet());
    const result = await host.apply(analysis.plan);
    expect(result.notes).toBe(2);
    expect(sheet.notes.get("C2")).toBe(DRAFT_C2);
    await host.restore();
    expect(sheet.notes.get("C2")).toBe("【待补充】旧草稿");
    expect(sheet.notes.has("C4")).toBe(false);
  });

  test("R-WRITE-5: a second run adds no note and makes no backup", async () => {
    const { book, sheet, host } = setup();
    await host.apply(analyze(await host.readSheet()).plan);
    const reopened = book.reopen();
    const again = createOfficeHost(reopened.env());
    const read = await again.readSheet();
    const analysis = analyze(read);
    expect(analysis.plan.writes).toEqual([]);
    expect(analysis.plan.notes).toHaveLength(2);
    const result = await again.apply(analysis.plan);
    expect(result).toEqual({ written: 0, backupId: "", notes: 0 });
    expect(reopened.writeSyncs).toBe(0);
    expect((await again.readSheet()).record.backups).toHaveLength(read.record.backups.length);
    expect(reopened.sheet("自评表")!.notes.size).toBe(2);
    expect(sheet.notes.size).toBe(2);
  });

  test("a note a person edited after the apply is kept by restore", async () => {
    const { sheet, host } = setup();
    await host.apply(analyze(await host.readSheet()).plan);
    sheet.notes.set("C2", "张三：已补充原因。");
    const restored = await host.restore();
    expect(restored.notes).toBe(1);
    expect(sheet.notes.get("C2")).toBe("张三：已补充原因。");
    expect(sheet.notes.has("C4")).toBe(false);
  });

  test("ExcelApi 1.10–1.17: comments instead, found again by position and removed by restore", async () => {
    const { sheet, host } = setup({ api: "1.12" });
    sheet.comments.set("G9", "王五：另一处批注。");
    expect(host.supportsNotes()).toBe(true);
    const analysis = analyze(await host.readSheet());
    const result = await host.apply(analysis.plan);
    expect(result.notes).toBe(2);
    expect(sheet.comments.get("C2")).toBe(DRAFT_C2);
    expect(sheet.notes.size).toBe(0);
    await host.restore();
    expect([...sheet.comments.keys()]).toEqual(["G9"]);
  });

  test("ExcelApi 1.10–1.17: a cell with a person's legacy note (invisible to the API) gets no comment; the rest is written", async () => {
    const { sheet, host } = setup({ api: "1.12" });
    sheet.notes.set("C2", "张三：旧式批注。");
    const analysis = analyze(await host.readSheet());
    const result = await host.apply(analysis.plan);
    expect(result.written).toBe(analysis.plan.writes.length);
    expect(result.notesRefused).toEqual(["C2"]);
    expect(result.notes).toBe(1);
    expect(sheet.notes.get("C2")).toBe("张三：旧式批注。");
    expect(sheet.comments.has("C2")).toBe(false);
    expect(sheet.comments.get("C4")).toMatch(/^【待补充】人均成本：/);
    for (const w of analysis.plan.writes) expect(sheet.cell(w.cell).value).toEqual(w.after);
    await host.restore();
    expect(sheet.notes.get("C2")).toBe("张三：旧式批注。");
    expect(sheet.comments.size).toBe(0);
  });

  test("before ExcelApi 1.10: the notes are left to the pane; the cells are still written", async () => {
    const { book, sheet, host } = setup({ api: "1.9" });
    expect(host.supportsNotes()).toBe(false);
    const analysis = analyze(await host.readSheet());
    const result = await host.apply(analysis.plan);
    expect(result.written).toBe(analysis.plan.writes.length);
    expect(result.notes).toBeUndefined();
    expect(book.syncs).toBe(2);
    expect(sheet.notes.size + sheet.comments.size).toBe(0);
  });

  test("notes alone skip a cell that has a note and is undone by restore", async () => {
    const { sheet, host } = setup();
    sheet.notes.set("C2", "张三：已说明。");
    const added = await addNotes(host, "自评表", [
      { cell: "C2", text: "【待补充】甲" },
      { cell: "C3", text: "【待补充】乙" },
    ]);
    expect(added).toBe(1);
    expect(sheet.notes.get("C2")).toBe("张三：已说明。");
    expect(sheet.notes.get("C3")).toBe("【待补充】乙");
    expect(await host.restore()).toEqual({ restored: 0, notes: 1 });
    expect([...sheet.notes.keys()]).toEqual(["C2"]);
  });

  test("a protected sheet gets no note and no cell", async () => {
    const { sheet, host } = setup();
    const analysis = analyze(await host.readSheet());
    sheet.protected = true;
    await expect(host.apply(analysis.plan)).rejects.toMatchObject({ code: "PROTECTED" });
    expect(sheet.notes.size).toBe(0);
    expect(sheet.cell("G2").value).toBeNull();
  });
});

describe("一键评分 on a layout without a note column", () => {
  test("adds the draft notes with the cells and says how many; a second run adds nothing", async () => {
    const { sheet, host } = setup();
    const first = await quickScore(host);
    expect(first.ok).toBe(true);
    expect(first.message).toContain("、2 条批注");
    expect(sheet.notes.size).toBe(2);
    const again = await quickScore(host);
    expect(again.message).toContain("无需写入");
    expect(sheet.notes.size).toBe(2);
  });

  test("notes alone are applied when every score is already a person's", async () => {
    const { sheet, host } = setup();
    sheet.set("G2", 32);
    sheet.set("G3", 30);
    sheet.set("G4", 25);
    sheet.set("G5", 87);
    const status = await quickScore(host);
    expect(status.ok).toBe(true);
    expect(status.written).toBe(0);
    expect(status.message).toContain("写入 0 个单元格、2 条批注");
    expect(sheet.notes.get("C2")).toBe(DRAFT_C2);
  });
});
