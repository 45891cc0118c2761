/** Templates, indicator rows, settings, selection and notes through the Office host. */
import { createOfficeHost, SETTINGS_KEY } from "../../src/hosts/office/office-host";
import { buildTemplate } from "../../src/templates";
import type { IndicatorTemplateRow } from "../../src/templates/types";
import { FakeWorkbook } from "../support/fake-excel";
import { addNotes, analyze, setup } from "./helpers";

describe("insertTemplate", () => {
  test("a new, active sheet holding the standard table: cells, merges, widths, list validations", async () => {
    const book = new FakeWorkbook();
    book.addSheet("Sheet1");
    const host = createOfficeHost(book.env());
    const tpl = buildTemplate("L1");
    const name = await host.insertTemplate("L1");
    const sheet = book.sheet(name)!;
    expect(book.activeName).toBe(name);
    for (const c of tpl.cells.filter((x) => x.value !== null && !x.formula).slice(0, 30))
      expect(sheet.cell(c.cell).value).toEqual(c.value);
    expect(sheet.merges.length).toBe(tpl.merges.length);
    expect(sheet.columnWidths.size).toBe(tpl.widths.length);
    // Data validation needs ExcelApi 1.8; before, the table comes without its lists.
    expect(sheet.validations.length).toBe(
      book.supports("1.8") ? tpl.validations.length + (tpl.decimalValidations?.length ?? 0) : 0,
    );

    // The inserted table is one the reader recognises (L1).
    const read = await host.readSheet(name);
    expect(analyze(read).layout?.layout).toBe("L1");

    // A second insert gets its own name.
    const second = await host.insertTemplate("L1");
    expect(second).not.toBe(name);
    expect(book.sheet(second)).toBeDefined();
  });

  test("a protected workbook structure: PROTECTED, no sheet added", async () => {
    const book = new FakeWorkbook();
    book.addSheet("Sheet1");
    book.protected = true;
    await expect(createOfficeHost(book.env()).insertTemplate("L3")).rejects.toMatchObject({
      code: "PROTECTED",
    });
    expect(book.sheets).toHaveLength(1);
  });
});

describe("insertIndicators", () => {
  const rows: IndicatorTemplateRow[] = [
    { level1: "产出指标", level2: "数量指标", name: "新增指标甲", target: "≥10个", weight: 2 },
    { level1: "产出指标", level2: "数量指标", name: "新增指标乙", target: "≥20次", weight: 3 },
  ];

  test("below the selected row of the indicator block", async () => {
    const { book, host, sheet } = setup(20);
    book.selection = { sheet: "自评表", row: 15, col: 4 };
    await expect(host.insertIndicators(rows)).resolves.toBe(2);
    expect(sheet.cell("D16").value).toBe("新增指标甲");
    expect(sheet.cell("E17").value).toBe("≥20次");
    expect(sheet.cell("G17").value).toBe(3);
    expect(sheet.cell("D18").value).toBe("指标4");
    // The merged level cells grew over the new rows; no value was written into them.
    expect(sheet.cell("B16").value).toBeNull();
    expect(sheet.merges).toContainEqual({ top: 13, left: 2, bottom: 24, right: 2 });
  });

  test("at the end of the block when the selection is outside it", async () => {
    const { book, host, sheet } = setup(20);
    book.selection = { sheet: "自评表", row: 2, col: 1 };
    await host.insertIndicators(rows.slice(0, 1));
    expect(sheet.cell("D33").value).toBe("新增指标甲");
    expect(sheet.cell("A34").value).toBe("总分");
  });
});

describe("settings, selection, notes", () => {
  test("settings are saved in the document and read back after reopening", async () => {
    const { book, host } = setup(5);
    await host.saveSettings({
      profile: "municipal-20",
      overrides: { 自评表: { 13: { direction: "reverse" } } },
    });
    expect(book.savedSettings[SETTINGS_KEY]).toBeDefined();
    const read = await createOfficeHost(book.reopen().env()).readSheet();
    expect(read.settings.profile).toBe("municipal-20");
    expect(read.settings.overrides?.["自评表"]?.[13]).toEqual({ direction: "reverse" });
  });

  test("selectCell activates the sheet and selects the cell", async () => {
    const { book, host } = setup(5);
    book.addSheet("其他");
    book.activeName = "其他";
    await host.selectCell("自评表", "H13");
    expect(book.activeName).toBe("自评表");
    expect(book.selection).toEqual({ sheet: "自评表", row: 13, col: 8 });
  });

  test("deviation notes: an Excel note with ExcelApi 1.18, a comment with 1.10, nothing before", async () => {
    for (const [api, expectNote, expectComment] of [
      ["1.18", 1, 0],
      ["1.12", 0, 1],
      ["1.9", 0, 0],
    ] as const) {
      const { host, sheet } = setup(5, { api });
      const added = await addNotes(host, "自评表", [{ cell: "H13", text: "【待补充】偏差原因：" }]);
      expect(added).toBe(expectNote + expectComment);
      expect(sheet.notes.size).toBe(expectNote);
      expect(sheet.comments.size).toBe(expectComment);
    }
  });
});
