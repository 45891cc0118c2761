import { readFileSync } from "fs";
import { join } from "path";
import ExcelJS from "exceljs";
import { loadWorkbook, type PackageBook } from "../../src/hosts/file/workbook";

const first = (wb: PackageBook) => wb.grid(wb.sheets[0].name);
import { REFERENCE_DIR as REF } from "../support/expected";

async function roundTrip(build: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<PackageBook> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet("S"), wb);
  const buf = await wb.xlsx.writeBuffer();
  return loadWorkbook(new Uint8Array(buf as ArrayBuffer), "t.xlsx");
}

describe("the package reader (grid of a sheet)", () => {
  test("merged non-anchor cells are empty, the anchor holds the value", async () => {
    const wb = await loadWorkbook(readFileSync(join(REF, "A-donghu-2021-selfeval-blank.xlsx")), "A.xlsx");
    const grid = first(wb);
    expect(grid.sheet).toBe("自评表");
    expect(grid.top).toBe(1);
    expect(grid.left).toBe(1);
    expect(grid.cells[0][0]?.v).toBe("项目支出绩效自评表");
    expect(grid.cells[0][1]).toBeNull();
    expect(grid.merges).toContainEqual({ top: 1, left: 1, bottom: 1, right: 9 });
    // D6 = 207 with format 0.00
    expect(grid.cells[5][3]).toEqual({ v: 207, fmt: "0.00" });
  });

  test("formulas give their cached result and f; errors err; rich text and hyperlinks their text", async () => {
    const wb = await roundTrip((ws) => {
      ws.getCell("A1").value = { formula: "B1+1", result: 3 } as ExcelJS.CellFormulaValue;
      ws.getCell("A2").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
      ws.getCell("A3").value = { richText: [{ text: "利用" }, { text: "外资", font: { bold: true } }] };
      ws.getCell("A4").value = { text: "链接", hyperlink: "https://example.org" };
      ws.getCell("A5").value = new Date(Date.UTC(2021, 11, 31));
      ws.getCell("A6").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
      ws.getCell("B1").value = 2;
      ws.getCell("B2").value = true;
    });
    const g = first(wb);
    expect(g.cells[0][0]).toEqual({ v: 3, f: "B1+1" });
    expect(g.cells[1][0]).toEqual({ v: "#N/A", err: true });
    expect(g.cells[2][0]?.v).toBe("利用外资");
    expect(g.cells[3][0]?.v).toBe("链接");
    expect(g.cells[4][0]?.v).toBeInstanceOf(Date);
    expect(g.cells[5][0]).toEqual({ v: "#DIV/0!", f: "1/0", err: true });
    expect(g.cells[1][1]?.v).toBe(true);
  });

  test("hidden rows and columns, offset used range", async () => {
    const wb = await roundTrip((ws) => {
      ws.getCell("C3").value = "x";
      ws.getCell("E6").value = 1;
      ws.getCell("C4").value = "hidden";
      ws.getRow(4).hidden = true;
      ws.getColumn(4).hidden = true;
    });
    const g = first(wb);
    expect([g.top, g.left, g.cells.length, g.cells[0].length]).toEqual([3, 3, 4, 3]);
    expect(g.hiddenRows).toEqual([4]);
    expect(g.hiddenCols).toEqual([4]);
  });
});
