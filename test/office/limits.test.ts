/**
 * Excel's limits, measured on what the real client sends: 512 merged areas per query, and
 * on the web 5 MB per request and response in UTF-8 bytes (R-WRITE-4: one read and one
 * write round trip for tables of normal size).
 */
import { createOfficeHost } from "../../src/hosts/office/office-host";
import { buildSelfEvalTable, FakeWorkbook } from "../support/fake-excel";
import { setPayloadBudget } from "../../src/hosts/office/payload";
import { PAYLOAD_LIMIT } from "../support/rich-api-server";
import { analyze, setup } from "./helpers";

describe("merged areas (ExcelApi ≥ 1.13)", () => {
  test("more than 512 merged areas in one band of rows: the read still succeeds and finds them all", async () => {
    const { book, host, sheet } = setup(20, { api: "1.18" });
    // Rows 30–99, eight two-cell areas a row: 560 areas in the band of rows 1–100.
    const cols = ["K", "M", "O", "Q", "S", "U", "W", "Y"];
    const next = (c: string) => String.fromCharCode(c.charCodeAt(0) + 1);
    for (let r = 30; r < 100; r++) for (const c of cols) sheet.merge(`${c}${r}:${next(c)}${r}`);
    sheet.set("K99", "x");
    const read = await host.readSheet();
    expect(read.grid.merges.length).toBe(sheet.merges.length);
    expect(read.grid.mergesKnown).not.toBe(false);
    expect(analyze(read).layout?.layout).toBe("L1");
    expect(book.syncs).toBeGreaterThan(1);
  });
});

/** An L1 table whose rows carry long Chinese text (3 bytes a character in UTF-8). */
function chineseBook(rows: number, repeat = 2) {
  const book = new FakeWorkbook({ web: true, api: "1.18" });
  const { sheet, firstRow, lastRow } = buildSelfEvalTable(book, rows);
  const long = "根据年度绩效目标完成情况，对照指标值逐项分析偏差原因并提出改进措施".repeat(repeat);
  for (let r = firstRow; r <= lastRow; r++) sheet.set(`D${r}`, `${long}${r}`);
  return { book, sheet };
}

describe("Excel on the web: 5 MB per request and response", () => {
  test("a read too large for one response goes in blocks that each fit, the same grid as the desktop's", async () => {
    const { book } = chineseBook(9000);
    const desktop = new FakeWorkbook({ api: "1.18" });
    desktop.sheets = book.sheets.map((s) => s.clone());
    desktop.activeName = book.activeName;
    const host = createOfficeHost(book.env());
    const read = await host.readSheet();
    expect(read.grid).toEqual((await createOfficeHost(desktop.env()).readSheet()).grid);
    // The failed one-sync attempt aside, every response fits.
    expect(book.responses.filter((n) => n > PAYLOAD_LIMIT).length).toBeLessThanOrEqual(1);
    book.resetSyncCount();
    const again = await host.readSheet();
    expect(again.grid).toEqual(read.grid);
    expect(book.maxResponse).toBeLessThan(PAYLOAD_LIMIT);
    expect(book.syncs).toBeGreaterThan(2);
  });

  test("rows costing far more than guessed: a block that fails is read again in halves, and the read succeeds", async () => {
    // About 300 characters of Chinese a row: over 2,000 bytes a row in values, formulas and text.
    const { book } = chineseBook(4000, 10);
    const read = await createOfficeHost(book.env()).readSheet();
    expect(read.grid.cells.length).toBe(12 + 4000 + 1);
    expect(book.responses.filter((n) => n > PAYLOAD_LIMIT).length).toBeGreaterThanOrEqual(2);
    // The blocks read after a failure each fit.
    const fitted = book.responses.filter((n) => n <= PAYLOAD_LIMIT);
    expect(fitted.length).toBeGreaterThan(2);
  });
});

describe("Excel on the web: a write too large for one request", () => {
  test("5,000 rows: one read and one write, every request under 5 MB", async () => {
    const { book, host } = setup(5000, { web: true, api: "1.18" });
    const read = await host.readSheet();
    book.resetSyncCount();
    await host.apply(analyze(read).plan);
    expect(book.syncs).toBe(1);
    expect(book.maxRequest).toBeLessThan(PAYLOAD_LIMIT);
  });

  test("is split into requests that each fit; every cell is written and restore undoes them all", async () => {
    const old = setPayloadBudget(100_000);
    try {
      const { book, host, sheet } = setup(300, { web: true, api: "1.18" });
      const read = await host.readSheet();
      const plan = analyze(read).plan;
      book.resetSyncCount();
      await host.apply(plan);
      expect(book.writeSyncs).toBeGreaterThan(1);
      expect(Math.max(...book.requests)).toBeLessThanOrEqual(100_000);
      for (const w of plan.writes) expect(sheet.cell(w.cell).value).toEqual(w.after);
      await host.restore();
      for (const w of plan.writes) expect(sheet.cell(w.cell).value ?? null).toEqual(w.before ?? null);
    } finally {
      setPayloadBudget(old);
    }
  });
});
