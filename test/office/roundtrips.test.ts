/** Round trips of the Office host: one sync to read a sheet, one to apply a plan. */
import { createOfficeHost } from "../../src/hosts/office/office-host";
import { emptyRecord, encodeRecord } from "../../src/sheet";
import { buildSelfEvalTable, FakeWorkbook } from "../support/fake-excel";
import { analyze, setup } from "./helpers";

describe("one read and one write round trip (R-WRITE-4)", () => {
  for (const rows of [20, 200, 2000, 5000]) {
    test(`${rows} indicator rows: readSheet is 1 sync, apply is 1 sync`, async () => {
      const { book, host, sheet } = setup(rows);
      const read = await host.readSheet();
      expect(book.syncs).toBe(1);
      expect(read.grid.sheet).toBe("自评表");
      expect(read.grid.cells.length).toBe(12 + rows + 1);

      const analysis = analyze(read);
      expect(analysis.layout?.firstRow).toBe(13);
      expect(analysis.layout?.lastRow).toBe(12 + rows);
      expect(analysis.plan.writes.length).toBeGreaterThan(rows);

      const result = await host.apply(analysis.plan);
      expect(book.syncs).toBe(2);
      expect(book.writeSyncs).toBe(1);
      expect(result.written).toBe(analysis.plan.writes.length);
      for (const w of analysis.plan.writes.slice(0, 50)) expect(sheet.cell(w.cell).value).toEqual(w.after);
      // The backup and the ledger went into the very hidden record sheet in the same batch.
      expect(book.sheet("_jixiao")?.visibility).toBe("VeryHidden");
    });
  }

  test("Excel on the web: 5000 rows still read in one sync, under the 5 MB response limit", async () => {
    const { book, host } = setup(5000, { web: true });
    const read = await host.readSheet();
    expect(book.syncs).toBe(1);
    expect(book.maxResponse).toBeLessThan(5 * 1024 * 1024);
    expect(read.grid.cells.length).toBe(5013);
  });

  test("Excel on the web: a sheet past the 5 MB limit is read in blocks, the same as on the desktop", async () => {
    // At ExcelApi 1.18 (fills and row properties in the read, as most web clients).
    const web = new FakeWorkbook({ web: true, api: "1.18" });
    buildSelfEvalTable(web, 8000);
    const desktop = new FakeWorkbook({ api: "1.18" });
    buildSelfEvalTable(desktop, 8000);
    const webHost = createOfficeHost(web.env());
    const webRead = await webHost.readSheet();
    const deskRead = await createOfficeHost(desktop.env()).readSheet();
    expect(webRead.grid).toEqual(deskRead.grid);
    expect(web.syncs).toBeGreaterThan(1);

    // The size is known now: the next read goes in blocks directly, each under the limit.
    web.syncs = 0;
    web.maxResponse = 0;
    const again = await webHost.readSheet();
    expect(again.grid).toEqual(deskRead.grid);
    expect(web.maxResponse).toBeLessThan(5 * 1024 * 1024);
    expect(webHost.fallbackReads).toBe(1);
  });

  test("merged areas, hidden rows, number formats, text and fills come with the read (ExcelApi ≥ 1.13)", async () => {
    const { book, host, sheet } = setup(20, { api: "1.18" });
    sheet.hiddenRows.add(15);
    sheet.hiddenCols.add(1);
    sheet.set("H14", 3, { numFmt: "0.00", fill: "#FFFF00" });
    const read = await host.readSheet();
    expect(book.syncs).toBe(1);
    const g = read.grid;
    expect(g.hiddenRows).toEqual([15]);
    expect(g.hiddenCols).toEqual([1]);
    expect(g.merges).toEqual(
      expect.arrayContaining([
        { top: 1, left: 1, bottom: 1, right: 9 },
        { top: 13, left: 2, bottom: 22, right: 2 },
      ]),
    );
    expect(g.cells[14 - g.top][8 - g.left]).toEqual({ v: 3, fmt: "0.00", t: "3.00" });
  });

  test("ExcelApi 1.7 (Excel 2019): the read still works in one sync, without merges, fills or hidden rows", async () => {
    const { book, host } = setup(20, { api: "1.7" });
    const read = await host.readSheet();
    expect(book.syncs).toBe(1);
    expect(read.grid.merges).toEqual([]);
    const analysis = analyze(read);
    expect(analysis.layout?.layout).toBe("L1");
    await host.apply(analysis.plan);
    expect(book.syncs).toBe(2);
  });

  test("a client that does not chain null objects: the first read goes in steps, later ones in one sync", async () => {
    const { book, host } = setup(20, { nullChainThrows: true });
    const reference = setup(20);
    const read = await host.readSheet();
    expect(read.grid).toEqual((await reference.host.readSheet()).grid);
    expect(host.fallbackReads).toBe(1);
    await host.apply(analyze(read).plan);
    // Now the record sheet exists: nothing is chained on a null object any more.
    book.resetSyncCount();
    await createOfficeHost(book.env()).readSheet();
    expect(book.syncs).toBe(1);
  });

  test("a sheet with more than 512 merged areas is read in one sync (merges are queried in blocks)", async () => {
    const { book, host, sheet } = setup(20, { api: "1.18" });
    for (let r = 40; r < 700; r++) sheet.merge(`K${r}:L${r}`);
    sheet.set("K699", "x");
    const read = await host.readSheet();
    expect(book.syncs).toBe(1);
    expect(read.grid.merges.length).toBeGreaterThan(660);
  });
});

describe("the record on Excel on the web", () => {
  test("the oldest backups give way so that one write stays under the 5 MB request limit", async () => {
    const { book, host } = setup(2000, { web: true });
    const rec = book.addSheet("_jixiao");
    rec.visibility = "VeryHidden";
    const record = emptyRecord();
    for (let b = 0; b < 19; b++)
      record.backups.push({
        id: `old${b}`,
        sheet: "自评表",
        at: "2026-01-01T00:00:00.000Z",
        cells: Array.from({ length: 5000 }, (_, i) => ({
          cell: `Z${i + 1}`,
          value: `旧值${i}`,
          numFmt: "General",
          fill: null,
        })),
      });
    encodeRecord(record, {}).forEach((row, r) => rec.set(`A${r + 1}`, row[0]));
    const read = await host.readSheet();
    expect(read.record.backups).toHaveLength(19);
    const result = await host.apply(analyze(read).plan);
    expect(book.maxRequest).toBeLessThan(5 * 1024 * 1024);
    const after = await createOfficeHost(book.env()).readSheet();
    expect(after.record.backups.length).toBeLessThan(19);
    expect(after.record.backups.at(-1)?.id).toBe(result.backupId);
  });
});
