/**
 * Reference workbook A (../shared/reference) loaded into the fake as Excel would hold it:
 * the Office host's read must give the published scores and total 86.59.
 */
import path from "node:path";
import ExcelJS from "exceljs";
import { gridFromWorksheet } from "../support/exceljs-reader";
import { createOfficeHost } from "../../src/hosts/office/office-host";
import { emptyRecord } from "../../src/sheet";
import { loadIntoFake } from "../support/reference-book";
import { analyze, settle, sheetState } from "./helpers";
import { REFERENCE_DIR as REF } from "../support/expected";

interface Expected {
  layout: string;
  total: number;
  budget: { rate: number; score: number };
  indicators: { row: number; name: string; score: number }[];
  writesExactly?: string[];
}

describe("reference workbook A through the Office host", () => {
  test("A-donghu-2021-selfeval-blank: same analysis as expected, total 86.59, in one read sync", async () => {
    const expected = (await import(path.join(REF, "A-donghu-2021-selfeval-blank.expected.json"))) as Expected;
    const book = await loadIntoFake("A-donghu-2021-selfeval-blank.xlsx");
    const host = createOfficeHost(book.env());
    const read = await host.readSheet();
    expect(book.syncs).toBe(1);
    const { report, plan } = analyze(read);
    expect(report.layout).toBe(expected.layout);
    expect(report.total).toBeCloseTo(expected.total, 2);
    expect(report.total).toBeCloseTo(86.59, 2);
    expect(report.budget?.rate).toBeCloseTo(expected.budget.rate, 4);
    expect(report.budget?.score).toBeCloseTo(expected.budget.score, 2);
    for (const e of expected.indicators) {
      const got = report.indicators.find((i) => i.row === e.row);
      expect(got?.name).toBe(e.name);
      expect(got?.score).toBeCloseTo(e.score, 2);
    }
    if (expected.writesExactly)
      expect(plan.writes.map((w) => w.cell).sort()).toEqual([...expected.writesExactly].sort());

    // The file host reading the same workbook reaches the same report and plan.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(REF, "A-donghu-2021-selfeval-blank.xlsx"));
    const fileGrid = gridFromWorksheet(wb.getWorksheet(read.grid.sheet)!);
    const fromFile = analyze({ grid: fileGrid, record: emptyRecord(), settings: {} });
    expect(report.indicators).toEqual(fromFile.report.indicators);
    expect(report.total).toBe(fromFile.report.total);
    expect(plan.writes.map((w) => [w.cell, w.after])).toEqual(
      fromFile.plan.writes.map((w) => [w.cell, w.after]),
    );

    // Applied and restored through the host, the sheet is exactly as loaded.
    const sheet = book.sheet(read.grid.sheet)!;
    const before = sheetState(sheet);
    await host.apply(plan);
    expect(sheetState(sheet)).not.toEqual(before);
    await settle();
    expect(book.syncs).toBe(2);
    await host.restore();
    expect(sheetState(sheet)).toEqual(before);
  });
});

describe("reference workbook A on a client without merged areas (ExcelApi 1.7–1.12)", () => {
  test("scores the same, but writes no draft note: a cell that looks empty may lie under a person's merged note (R-WRITE-1)", async () => {
    const expected = (await import(path.join(REF, "A-donghu-2021-selfeval-blank.expected.json"))) as Expected;
    const book = await loadIntoFake("A-donghu-2021-selfeval-blank.xlsx", { api: "1.12" });
    const read = await createOfficeHost(book.env()).readSheet();
    expect(read.grid.mergesKnown).toBe(false);
    expect(read.grid.merges).toEqual([]);
    const { report, plan } = analyze(read);
    expect(report.total).toBeCloseTo(86.59, 2);
    // I14–I16 look empty here although I13:I16 holds the person's note: nothing goes there.
    expect(plan.writes.filter((w) => w.kind === "note")).toEqual([]);
    expect(plan.writes.map((w) => w.cell).sort()).toEqual(
      expected
        .writesExactly!.filter((c) => !c.startsWith("I"))
        .concat("I6")
        .sort(),
    );
    const info = report.diagnostics.find((d) => d.code === "MERGES_UNKNOWN");
    expect(info?.severity).toBe("info");
    expect(info?.message).toContain("1.13");
    expect(report.diagnostics.filter((d) => d.code === "DEVIATION_NOTE_REQUIRED").length).toBeGreaterThan(0);
  });
});

describe("every reference workbook: the Office host's read gives the file host's report", () => {
  for (const name of [
    "A-donghu-2021-selfeval-filled",
    "B-donghu-2021-scoresheet",
    "C-yiyang-2024-scoresheet",
    "D-yuzhong-2019-selfeval",
  ]) {
    test(`${name}: layout, total and plan as expected, in one read sync`, async () => {
      const expected = (await import(path.join(REF, `${name}.expected.json`))) as Expected;
      const book = await loadIntoFake(`${name}.xlsx`);
      const read = await createOfficeHost(book.env()).readSheet();
      expect(book.syncs).toBe(1);
      const { report, plan } = analyze(read);
      expect(report.layout).toBe(expected.layout);
      expect(report.total).toBeCloseTo(expected.total, 2);

      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(REF, `${name}.xlsx`));
      const fromFile = analyze({
        grid: gridFromWorksheet(wb.getWorksheet(read.grid.sheet)!),
        record: emptyRecord(),
        settings: {},
      });
      expect(report.indicators).toEqual(fromFile.report.indicators);
      expect(plan.writes.map((w) => [w.cell, w.after])).toEqual(
        fromFile.plan.writes.map((w) => [w.cell, w.after]),
      );
    });
  }
});
