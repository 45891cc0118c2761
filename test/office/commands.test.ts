/** The ribbon's 一键评分: read, analyse with the saved profile, apply, report. */
import { quickScore } from "../../src/commands/commands";
import { createOfficeHost } from "../../src/hosts/office/office-host";
import { FakeWorkbook } from "../support/fake-excel";
import { setup } from "./helpers";

describe("一键评分 (scoreActiveSheet)", () => {
  test("scores and writes the active sheet, selects the total, reports total, grade and counts in Chinese", async () => {
    const { book, host, sheet } = setup(20);
    const status = await quickScore(host);
    expect(status.ok).toBe(true);
    expect(status.sheet).toBe("自评表");
    expect(status.written).toBeGreaterThan(20);
    expect(typeof status.total).toBe("number");
    expect(status.message).toContain(`总分 ${status.total}`);
    expect(status.message).toContain(`写入 ${status.written} 个单元格`);
    expect(sheet.cell("H13").value).not.toBeNull();
    expect(sheet.cell("H33").value).toBe(status.total);
    expect(book.selection).toEqual({ sheet: "自评表", row: 33, col: 8 });
    // Read, write, select.
    expect(book.syncs).toBe(3);
  });

  test("uses the profile saved in the workbook", async () => {
    const { book, host } = setup(20);
    await host.saveSettings({ profile: { name: "一位小数", decimals: 1 } });
    const central = await quickScore(createOfficeHost(setup(20).book.env()));
    const custom = await quickScore(createOfficeHost(book.env()));
    expect(custom.ok).toBe(true);
    expect(Math.round(central.total! * 100) % 10).not.toBe(0);
    expect(Math.abs(custom.total! * 10 - Math.round(custom.total! * 10))).toBeLessThan(1e-9);
  });

  test("a second run writes nothing (R-WRITE-5)", async () => {
    const { host } = setup(20);
    await quickScore(host);
    const again = await quickScore(host);
    expect(again.ok).toBe(true);
    expect(again.written).toBe(0);
    expect(again.message).toContain("无需写入");
  });

  test("no table on the sheet: not ok, a message pointing to the pane", async () => {
    const book = new FakeWorkbook();
    book.addSheet("Sheet1").set("A1", "随便写的");
    const status = await quickScore(createOfficeHost(book.env()));
    expect(status.ok).toBe(false);
    expect(status.message).toContain("Sheet1");
    expect(status.message).toContain("评分面板");
  });

  test("a protected sheet: not ok, the host's Chinese message, nothing written", async () => {
    const { book, host, sheet } = setup(20);
    sheet.protected = true;
    const status = await quickScore(host);
    expect(status.ok).toBe(false);
    expect(status.message).toMatch(/一键评分没有完成.*受保护/);
    expect(book.writeSyncs).toBe(0);
  });

  test("uses the settings the pane saved after the ribbon's runtime started", async () => {
    const { book } = setup(20);
    // The ribbon's runtime starts with the workbook; the pane saves a profile later.
    const ribbon = createOfficeHost(book.env());
    const pane = createOfficeHost(book.env());
    await pane.saveSettings({ profile: { name: "一位小数", decimals: 1 } });
    const status = await quickScore(ribbon);
    expect(status.ok).toBe(true);
    expect(Math.abs(status.total! * 10 - Math.round(status.total! * 10))).toBeLessThan(1e-9);
    const central = await quickScore(createOfficeHost(setup(20).book.env()));
    expect(Math.round(central.total! * 100) % 10).not.toBe(0);
  });
});
