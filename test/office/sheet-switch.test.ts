/**
 * Reading one sheet, then another: what the host learnt about the first (its used range,
 * its change event) must not frame the second (R-WRITE-1, R-WRITE-4).
 */
import { createOfficeHost } from "../../src/hosts/office/office-host";
import { HostError } from "../../src/hosts/host";
import { loadIntoFake } from "../support/reference-book";
import { buildSelfEvalTable, FakeWorkbook } from "../support/fake-excel";
import { analyze, settle, setup, sheetState } from "./helpers";

/** Reference A with a notes sheet whose content starts at row 30, active first. */
async function bookWithOtherSheet(api = "1.18") {
  const book = await loadIntoFake("A-donghu-2021-selfeval-blank.xlsx", { api });
  const table = book.activeName;
  const other = book.addSheet("说明");
  for (let r = 30; r < 40; r++) other.set(`A${r}`, `第${r}行说明`);
  book.activeName = "说明";
  return { book, table, other };
}

describe("after a sheet switch (ExcelApi ≥ 1.13)", () => {
  test("R-WRITE-1: the merged areas of the sheet read now are all found; nothing goes under a person's merged note", async () => {
    const { book, table } = await bookWithOtherSheet();
    const host = createOfficeHost(book.env());
    await host.readSheet();
    book.activeName = table;
    const read = await host.readSheet();
    expect(read.grid.sheet).toBe(table);
    // The same merged areas as a first read of that sheet.
    const fresh = await createOfficeHost(book.env()).readSheet();
    expect(read.grid.merges).toEqual(fresh.grid.merges);
    expect(read.grid.merges).toContainEqual({ top: 13, left: 9, bottom: 16, right: 9 });
    const { plan } = analyze(read);
    for (const cell of ["I14", "I15", "I16"]) expect(plan.writes.map((w) => w.cell)).not.toContain(cell);
    await host.apply(plan);
    const sheet = book.sheet(table)!;
    for (const cell of ["I14", "I15", "I16"]) expect(sheet.cell(cell).value).toBeNull();
  });

  test("a named sheet read after the active one: its own merged areas too", async () => {
    const { book, table } = await bookWithOtherSheet();
    const host = createOfficeHost(book.env());
    await host.readSheet();
    const read = await host.readSheet(table);
    expect(read.grid.merges).toContainEqual({ top: 13, left: 9, bottom: 16, right: 9 });
  });
});

describe("staleness after a sheet switch", () => {
  test("an edit after the preview on the sheet switched to → STALE, nothing written", async () => {
    const book = new FakeWorkbook();
    book.addSheet("封面").set("A1", "封面");
    buildSelfEvalTable(book, 20);
    book.activeName = "封面";
    const host = createOfficeHost(book.env());
    await host.readSheet();
    book.activeName = "自评表";
    const analysis = analyze(await host.readSheet());
    // The person corrects an actual value after the preview.
    book.userEdit("自评表", "F14", "20万元");
    await settle();
    const sheet = book.sheet("自评表")!;
    const before = sheetState(sheet);
    const e = await host.apply(analysis.plan).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(HostError);
    expect((e as HostError).code).toBe("STALE");
    expect(sheetState(sheet)).toEqual(before);
  });
});

describe("staleness on every path", () => {
  test("without change events, an actual value edited after the preview (a cell not written) → STALE", async () => {
    const { book, host, sheet } = setup(20, { noEvents: true });
    const analysis = analyze(await host.readSheet());
    sheet.set("F14", "1个");
    const before = sheetState(sheet);
    await expect(host.apply(analysis.plan)).rejects.toMatchObject({ code: "STALE" });
    expect(sheetState(sheet)).toEqual(before);
    expect(book.writeSyncs).toBe(0);
  });

  test("Excel on the web, a sheet read in blocks: an edit after the preview → STALE", async () => {
    const { book, host } = setup(6000, { web: true, api: "1.18" });
    await host.readSheet();
    // The size is known now: this read goes in blocks directly.
    const analysis = analyze(await host.readSheet());
    book.userEdit("自评表", "F20", "1个");
    await settle();
    await expect(host.apply(analysis.plan)).rejects.toMatchObject({ code: "STALE" });
  });
});

describe("the add-in's own change events", () => {
  for (const api of ["1.12", "1.18"])
    test(`reported as one bounding address for the whole batch (ExcelApi ${api}): the next write is not STALE`, async () => {
      const book = new FakeWorkbook({ api, ownEvents: "bounding" });
      const { sheet } = buildSelfEvalTable(book, 20);
      const host = createOfficeHost(book.env());
      await host.apply(analyze(await host.readSheet()).plan);
      // The events of that write arrive only after the next read.
      sheet.set("H13", null);
      const next = analyze(await host.readSheet());
      await settle();
      await expect(host.apply(next.plan)).resolves.toMatchObject({ written: next.plan.writes.length });
    });

  test("a person's edit after a bounding-address event is still caught before the write", async () => {
    const book = new FakeWorkbook({ api: "1.12", ownEvents: "bounding" });
    const { sheet } = buildSelfEvalTable(book, 20);
    const host = createOfficeHost(book.env());
    await host.apply(analyze(await host.readSheet()).plan);
    sheet.set("H13", null);
    const next = analyze(await host.readSheet());
    await settle();
    // Changed without an event reaching the host in time: the comparison finds it.
    sheet.set("F14", "1个");
    await expect(host.apply(next.plan)).rejects.toMatchObject({ code: "STALE" });
  });
});
