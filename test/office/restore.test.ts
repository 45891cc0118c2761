/** Apply, then restore exactly (R-WRITE-4), also after save and reopen (R-WRITE-6). */
import { resolveProfile } from "../../src/core";
import { createOfficeHost } from "../../src/hosts/office/office-host";
import { HostError } from "../../src/hosts/host";
import { analyzeSheet, encodeRecord, emptyRecord } from "../../src/sheet";
import { analyze, settle, setup, sheetState } from "./helpers";

describe("restore (R-WRITE-4)", () => {
  test("apply then restore brings back every value, number format and fill exactly (ExcelApi ≥ 1.13: fills, merges)", async () => {
    const { host, sheet } = setup(20, { api: "1.18" });
    // Cells the run will write, with the user's own formats and fills.
    sheet.set("H13", null, { fill: "#FFFF00" });
    sheet.set("G6", null, { numFmt: "0.0", fill: "#DDEBF7" });
    sheet.set("I13", "【待补充】旧草稿");
    const before = sheetState(sheet);

    const analysis = analyze(await host.readSheet());
    const cells = analysis.plan.writes.map((w) => w.cell);
    expect(cells).toEqual(expect.arrayContaining(["H13", "G6", "I13"]));
    const applied = await host.apply(analysis.plan);
    expect(sheetState(sheet)).not.toEqual(before);
    const g6 = analysis.plan.writes.find((w) => w.cell === "G6");
    expect(g6?.numFmt).toBe("0.00%");
    expect(sheet.cell("G6").numFmt).toBe("0.00%");

    const restored = await host.restore();
    expect(restored.restored).toBe(applied.written);
    expect(sheetState(sheet)).toEqual(before);
    expect(sheet.cell("H13").fill).toBe("#FFFF00");
    expect(sheet.cell("G6")).toMatchObject({ value: null, numFmt: "0.0", fill: "#DDEBF7" });
    expect(sheet.cell("I13").value).toBe("【待补充】旧草稿");
  });

  test("after save and reopen, a new host restores the write exactly (R-WRITE-6)", async () => {
    const { book, host, sheet } = setup(20);
    sheet.set("H14", null, { fill: "#C00000" });
    const before = sheetState(sheet);
    await host.apply(analyze(await host.readSheet()).plan);

    const reopened = book.reopen();
    const fresh = createOfficeHost(reopened.env());
    const afterApply = reopened.sheet("自评表")!;
    expect(sheetState(afterApply)).not.toEqual(before);
    await fresh.restore();
    expect(sheetState(afterApply)).toEqual(before);
    // The original workbook was not touched by the reopened one.
    expect(sheetState(sheet)).not.toEqual(before);
  });

  test("a record sheet saved as merely hidden (LibreOffice has no very hidden sheets) is very hidden again after restore (R-WRITE-6)", async () => {
    const { book, host, sheet } = setup(20);
    const before = sheetState(sheet);
    await host.apply(analyze(await host.readSheet()).plan);
    expect(book.sheet("_jixiao")!.visibility).toBe("VeryHidden");
    const reopened = book.reopen();
    reopened.sheet("_jixiao")!.visibility = "Hidden";
    await createOfficeHost(reopened.env()).restore();
    expect(sheetState(reopened.sheet("自评表")!)).toEqual(before);
    expect(reopened.sheet("_jixiao")!.visibility).toBe("VeryHidden");
  });

  test("a second run after apply writes nothing: the record tells the program's values (R-WRITE-5)", async () => {
    const { book, host } = setup(20);
    await host.apply(analyze(await host.readSheet()).plan);
    const reopened = book.reopen();
    const again = analyze(await createOfficeHost(reopened.env()).readSheet());
    expect(again.plan.writes).toEqual([]);
  });

  test("restore brings back a formula, and text that looks like a number, recorded in a backup", async () => {
    const { book, host, sheet } = setup(20);
    sheet.set("H40", 1);
    const rec = book.addSheet("_jixiao");
    rec.visibility = "VeryHidden";
    const record = emptyRecord();
    record.backups.push({
      id: "b1",
      sheet: "自评表",
      at: "2026-01-01T00:00:00.000Z",
      cells: [
        { cell: "H40", value: 7, formula: "=SUM(H13:H14)", numFmt: "0.00", fill: "#FFC000" },
        { cell: "H41", value: "0012", numFmt: "General", fill: null },
      ],
    });
    encodeRecord(record, {}).forEach((row, r) =>
      row.forEach((v, c) => rec.set(`${String.fromCharCode(65 + c)}${r + 1}`, v)),
    );
    await host.restore();
    expect(sheet.cell("H40")).toMatchObject({ formula: "=SUM(H13:H14)", numFmt: "0.00", fill: "#FFC000" });
    // Text that Excel would read as a number stays text.
    expect(sheet.cell("H41").value).toBe("0012");
    await expect(host.restore()).rejects.toMatchObject({ code: "NOTHING_TO_RESTORE" });
  });

  test("restore rewinds the record: a value the program wrote before counts as the program's again (R-WRITE-2, R-WRITE-6)", async () => {
    const { book, host, sheet } = setup(5);
    // Row 13: ≥100个, actual 83.2个, weight 5 → 4.16 (R-POS).
    sheet.set("F13", "83.2个");
    sheet.set("G13", 5);
    const first = analyze(await host.readSheet());
    expect(first.plan.writes.find((w) => w.cell === "H13")?.after).toBe(4.16);
    await host.apply(first.plan);

    book.userEdit("自评表", "F13", "84个");
    await settle();
    const edited = await host.readSheet();
    const recompute = analyzeSheet(edited.grid, {
      profile: resolveProfile("central"),
      record: edited.record,
      recomputeAll: true,
    });
    expect(recompute.plan.writes.find((w) => w.cell === "H13")).toMatchObject({ before: 4.16, after: 4.2 });
    await host.apply(recompute.plan);
    expect(sheet.cell("H13").value).toBe(4.2);

    await host.restore();
    expect(sheet.cell("H13").value).toBe(4.16);
    const read = await host.readSheet();
    expect(read.record.ledger.find((e) => e.cell === "H13")?.value).toBe(4.16);
    const rerun = analyze(read);
    expect(rerun.report.diagnostics.filter((d) => d.code === "SCORE_MISMATCH")).toEqual([]);
    // A plain rerun refreshes the program's own value.
    expect(rerun.plan.writes.find((w) => w.cell === "H13")).toMatchObject({ before: 4.16, after: 4.2 });
    // Restoring the first apply too leaves H13 empty and unrecorded, as before any run.
    await host.restore();
    expect(sheet.cell("H13").value ?? null).toBeNull();
    expect((await host.readSheet()).record.ledger).toEqual([]);
  });

  test("nothing to restore: a HostError in Chinese", async () => {
    const { host } = setup(5);
    const e = await host.restore().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(HostError);
    expect((e as HostError).code).toBe("NOTHING_TO_RESTORE");
    expect((e as HostError).message).toMatch(/撤销/);
  });
});

describe("staleness: a sheet changed since the read is not written", () => {
  test("a user edit after the read → STALE, nothing written, no extra round trip", async () => {
    const { book, host, sheet } = setup(20);
    const analysis = analyze(await host.readSheet());
    book.userEdit("自评表", "D20", "改过的指标");
    await settle();
    const before = sheetState(sheet);
    const e = await host.apply(analysis.plan).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(HostError);
    expect((e as HostError).code).toBe("STALE");
    expect((e as HostError).message).toMatch(/自评表.*已过期|过期/);
    expect(sheetState(sheet)).toEqual(before);
    expect(book.syncs).toBe(1);
    expect(book.sheet("_jixiao")).toBeUndefined();
  });

  test("apply leaves the snapshot readSheet returned as it was read; the same plan again is STALE (R-WRITE-4)", async () => {
    const { host } = setup(20);
    const read = await host.readSheet();
    const cells = read.grid.cells.map((row) => row.map((c) => (c ? { ...c } : c)));
    const analysis = analyze(read);
    expect(analysis.plan.writes.length).toBeGreaterThan(0);
    await host.apply(analysis.plan);
    expect(read.grid.cells).toEqual(cells);
    expect(analyze(read).plan).toEqual(analysis.plan);
    const e = await host.apply(analysis.plan).catch((x: unknown) => x);
    expect((e as HostError).code).toBe("STALE");
  });

  test("the add-in's own writes do not make the next read stale", async () => {
    const { book, host, sheet } = setup(20);
    await host.apply(analyze(await host.readSheet()).plan);
    await settle();
    sheet.set("H13", null);
    const next = analyze(await host.readSheet());
    expect(next.plan.writes.map((w) => w.cell)).toContain("H13");
    await settle();
    await expect(host.apply(next.plan)).resolves.toMatchObject({ written: next.plan.writes.length });
    expect(book.writeSyncs).toBe(2);
  });

  test("without trigger sources (ExcelApi < 1.14) the add-in's own writes are still told apart", async () => {
    const { book, host } = setup(20, { api: "1.13" });
    const first = analyze(await host.readSheet());
    await host.apply(first.plan);
    await settle();
    book.sheet("自评表")!.set("H13", null);
    const next = analyze(await host.readSheet());
    await settle();
    await expect(host.apply(next.plan)).resolves.toMatchObject({ written: next.plan.writes.length });
  });

  test("where change events are unavailable, apply compares the cells once more before writing", async () => {
    const { book, host, sheet } = setup(20, { noEvents: true });
    const analysis = analyze(await host.readSheet());
    expect(book.writeSyncs).toBe(0);
    sheet.set("H13", 1.5);
    const before = sheetState(sheet);
    const e = await host.apply(analysis.plan).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(HostError);
    expect((e as HostError).code).toBe("STALE");
    expect((e as HostError).message).toContain("H13");
    expect(sheetState(sheet)).toEqual(before);
    expect(book.writeSyncs).toBe(0);

    // Unchanged: one comparing round trip, then the write.
    const fresh = analyze(await host.readSheet());
    book.resetSyncCount();
    await host.apply(fresh.plan);
    expect(book.syncs).toBe(2);
    expect(book.writeSyncs).toBe(1);
  });

  test("a plan made from another read → STALE", async () => {
    const { host } = setup(20);
    const analysis = analyze(await host.readSheet());
    const forged = { ...analysis.plan, writes: analysis.plan.writes.map((w) => ({ ...w, before: 99 })) };
    await expect(host.apply(forged)).rejects.toMatchObject({ code: "STALE" });
  });

  test("applying the same plan twice → STALE the second time", async () => {
    const { host } = setup(20);
    const analysis = analyze(await host.readSheet());
    await host.apply(analysis.plan);
    await expect(host.apply(analysis.plan)).rejects.toMatchObject({ code: "STALE" });
  });
});
