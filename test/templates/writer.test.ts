import ExcelJS from "exceljs";
import { gridFromWorksheet } from "../support/exceljs-reader";
import { renderTemplateXlsx, writeTemplateSheet } from "../../src/hosts/file/template-writer";
import { detectLayout, parseAddress, parseRange } from "../../src/sheet";
import { buildTemplate, templateToGrid, type TemplateKind } from "../../src/templates";
import { findCell } from "./helpers";

/** A cell of an exceljs worksheet. */
function xlCell(ws: ExcelJS.Worksheet, a: string | number, col?: number): ExcelJS.Cell {
  return col === undefined ? ws.getCell(a) : ws.getCell(a as number, col);
}

async function reread(kind: TemplateKind): Promise<ExcelJS.Worksheet> {
  const bytes = await renderTemplateXlsx(kind);
  expect(bytes).toBeInstanceOf(Uint8Array);
  expect(bytes.length).toBeGreaterThan(1000);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  expect(wb.worksheets).toHaveLength(1);
  return wb.worksheets[0];
}

describe.each(["L1", "L2", "L3", "L4", "L1-2021", "L2-2021"] as TemplateKind[])(
  "renderTemplateXlsx(%s) re-reads intact",
  (kind) => {
    const sheet = buildTemplate(kind);
    let ws: ExcelJS.Worksheet;
    beforeAll(async () => {
      ws = await reread(kind);
    });

    it("keeps the sheet name, values, merges and column widths", () => {
      expect(ws.name).toBe(sheet.name);
      expect([...(ws.model.merges as string[])].sort()).toEqual([...sheet.merges].sort());
      for (const c of sheet.cells) {
        if (c.value === null) continue;
        expect([c.cell, ws.getCell(c.cell).value]).toEqual([c.cell, c.value]);
      }
      sheet.widths.forEach((w, i) => expect(ws.getColumn(i + 1).width).toBe(w));
      for (const h of sheet.heights ?? []) expect(ws.getRow(h.row).height).toBe(h.height);
    });

    it("keeps number formats, fonts and fills", () => {
      for (const c of sheet.cells) {
        const cell = xlCell(ws, c.cell);
        if (c.numFmt) expect([c.cell, cell.numFmt]).toEqual([c.cell, c.numFmt]);
        if (c.bold) expect(cell.font?.bold).toBe(true);
        if (c.fill)
          expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FF" + c.fill.slice(1).toUpperCase());
      }
      const title = xlCell(ws, "A1");
      expect(title.font?.size).toBe(16);
    });

    it("draws thin borders over the whole table, merged cells included", () => {
      const r = parseRange(sheet.borderRange)!;
      for (let row = r.top; row <= r.bottom; row++) {
        for (let col = r.left; col <= r.right; col++) {
          const b = ws.getCell(row, col).border;
          expect([row, col, b?.top?.style, b?.bottom?.style, b?.left?.style, b?.right?.style]).toEqual([
            row,
            col,
            "thin",
            "thin",
            "thin",
            "thin",
          ]);
        }
      }
      expect(ws.getCell("A1").border?.top).toBeUndefined();
    });

    it("keeps the data validations of 分值 (decimal 0–100) and, for L2, of 指标性质", () => {
      const header = findCell(sheet, "三级指标").row;
      const weight = sheet.cells.find((c) => c.value === "分值" && parseAddress(c.cell)?.row === header)!;
      const col = parseAddress(weight.cell)!.col;
      const dv = ws.getCell(header + 1, col).dataValidation;
      expect(dv).toMatchObject({ type: "decimal", formulae: [0, 100] });
      expect(dv.error).toMatch(/分值/);
      expect(ws.getCell(header, col).dataValidation).toBeUndefined();
      if (kind === "L2") {
        const dir = findCell(sheet, "指标性质");
        const list = ws.getCell(dir.row + 1, dir.col).dataValidation;
        expect(list.type).toBe("list");
        expect(list.formulae).toEqual(['"≥,≤,＝,定性"']);
      }
    });

    it("reads back through the file host as the same grid, detected as its layout", () => {
      const read = gridFromWorksheet(ws);
      const mirror = templateToGrid(sheet);
      for (const c of sheet.cells) {
        if (c.value === null) continue;
        const at = parseAddress(c.cell)!;
        const got = read.cells[at.row - read.top]?.[at.col - read.left];
        expect([c.cell, got?.v]).toEqual([c.cell, mirror.cells[at.row - 1][at.col - 1]?.v]);
      }
      const detected = detectLayout(read);
      expect("missing" in detected ? detected.missing : detected.layout).toBe(kind.replace("-2021", ""));
    });
  },
);

describe("writeTemplateSheet", () => {
  it("writes into a given worksheet and leaves the other sheets alone", async () => {
    const wb = new ExcelJS.Workbook();
    const other = wb.addWorksheet("原表");
    other.getCell("A1").value = "保留";
    other.getCell("A1").numFmt = "0.0";
    writeTemplateSheet(wb.addWorksheet("模板"), buildTemplate("L1", { year: 2021 }));
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    expect(back.getWorksheet("原表")?.getCell("A1").value).toBe("保留");
    expect(back.getWorksheet("原表")?.getCell("A1").numFmt).toBe("0.0");
    expect(back.getWorksheet("原表")?.model.merges ?? []).toHaveLength(0);
    expect(back.getWorksheet("模板")?.getCell("A2").value).toBe("（2021年度）");
  });

  it("gives every cell its own style object (changing one cell's format changes no other)", () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("模板");
    const sheet = buildTemplate("L1");
    writeTemplateSheet(ws, sheet);
    const rate = findCell(sheet, "年度资金总额").row;
    const a = xlCell(ws, rate, 8);
    const b = xlCell(ws, rate + 1, 8);
    expect(a.numFmt).toBe("0.00%");
    a.style.numFmt = "0%";
    expect(b.numFmt).toBe("0.00%");
  });
});
