/**
 * R-WRITE-1: texts Excel stores with `_xHHHH_` escapes (control characters, and an escaped
 * underscore before text that looks like an escape) come out of `--out` as they went in.
 */
import ExcelJS from "exceljs";
import { escapeXmlText, loadWorkbook, workbookBytes } from "../../src/hosts/file/workbook";

/**
 * A workbook whose XML holds the given texts verbatim, as Excel writes them: exceljs
 * writes a string's `_xHHHH_` as is, and decodes it when reading.
 */
async function asExcelStoresIt(build: (ws: ExcelJS.Worksheet) => void): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet("自评表"));
  const buf = await wb.xlsx.writeBuffer();
  return loadWorkbook(new Uint8Array(buf as ArrayBuffer), "t.xlsx");
}

async function reread(wb: ExcelJS.Workbook): Promise<ExcelJS.Worksheet> {
  const again = await loadWorkbook(await workbookBytes(wb), "t.xlsx");
  return again.getWorksheet("自评表")!;
}

describe("escapeXmlText (R-WRITE-1)", () => {
  test("control characters and CR become upper-case _xHHHH_; tab and LF stay", () => {
    expect(escapeXmlText("a\u0007b\u0001")).toBe("a_x0007_b_x0001_");
    expect(escapeXmlText("\u001b\u007f")).toBe("_x001B__x007F_");
    expect(escapeXmlText("行1\r\n行2")).toBe("行1_x000D_\n行2");
    expect(escapeXmlText("制表\t与\n换行")).toBe("制表\t与\n换行");
    expect(escapeXmlText("普通指标")).toBe("普通指标");
  });

  test("an underscore that would start an escape is escaped as _x005F_", () => {
    expect(escapeXmlText("_x0041_")).toBe("_x005F_x0041_");
    expect(escapeXmlText("_x0041_x0042_")).toBe("_x005F_x0041_x005F_x0042_");
    expect(escapeXmlText("_x00e9_")).toBe("_x005F_x00e9_");
    // `_x0041` followed by an escaped character would read as `A`.
    expect(escapeXmlText("_x0041\u0007")).toBe("_x005F_x0041_x0007_");
    expect(escapeXmlText("_x004_ and x0041_")).toBe("_x004_ and x0041_");
  });

  test("lone surrogates are escaped, pairs are not", () => {
    expect(escapeXmlText("\ud83d孤立")).toBe("_xD83D_孤立");
    expect(escapeXmlText("😀")).toBe("😀");
  });
});

describe("workbookBytes keeps texts Excel stores escaped (R-WRITE-1)", () => {
  test("control characters in cells, rich-text runs and notes survive a write", async () => {
    const wb = await asExcelStoresIt((ws) => {
      ws.getCell("A1").value = "转义_x0007_控制_x0001_字符";
      ws.getCell("A2").value = {
        richText: [{ text: "响铃_x0007_" }, { text: "指标", font: { bold: true } }],
      };
      ws.getCell("A3").value = "回车_x000D_换行";
      ws.getCell("A4").value = { text: "链接_x0007_", hyperlink: "https://example.org" };
      ws.getCell("A5").value = "有批注";
      ws.getCell("A5").note = "批注_x0007_内容";
    });
    const ws0 = wb.getWorksheet("自评表")!;
    expect(ws0.getCell("A1").value).toBe("转义\u0007控制\u0001字符");

    const ws = await reread(wb);
    expect(ws.getCell("A1").value).toBe("转义\u0007控制\u0001字符");
    expect(ws.getCell("A2").value).toEqual({
      richText: [{ text: "响铃\u0007" }, { text: "指标", font: { bold: true } }],
    });
    expect(ws.getCell("A3").value).toBe("回车\r换行");
    expect((ws.getCell("A4").value as ExcelJS.CellHyperlinkValue).text).toBe("链接\u0007");
    expect(ws.getCell("A5").note).toBe("批注\u0007内容");
  });

  test("a literal _x0041_ typed by a person (stored as _x005F_x0041_) stays literal", async () => {
    const wb = await asExcelStoresIt((ws) => {
      ws.getCell("B2").value = "编号_x005F_x0041_";
    });
    expect(wb.getWorksheet("自评表")!.getCell("B2").value).toBe("编号_x0041_");
    const ws = await reread(wb);
    expect(ws.getCell("B2").value).toBe("编号_x0041_");
    // And again: the escape is stable over repeated writes.
    expect((await reread(ws.workbook)).getCell("B2").value).toBe("编号_x0041_");
  });

  test("the caller's values are not changed by writing", async () => {
    const wb = await asExcelStoresIt((ws) => {
      ws.getCell("A1").value = "a_x0007_b";
      ws.getCell("A2").value = { richText: [{ text: "c_x0001_" }] };
    });
    const ws = wb.getWorksheet("自评表")!;
    const rich = ws.getCell("A2").value;
    await workbookBytes(wb);
    expect(ws.getCell("A1").value).toBe("a\u0007b");
    expect(ws.getCell("A2").value).toBe(rich);
    expect(rich).toEqual({ richText: [{ text: "c\u0001" }] });
  });
});
