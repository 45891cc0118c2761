/**
 * R-WRITE-1: texts Excel stores with `_xHHHH_` escapes (control characters, and an escaped
 * underscore before text that looks like an escape) come out of `--out` as they went in.
 */
import ExcelJS from "exceljs";
import { FileHost } from "../../src/hosts/file/file-host";
import { escapeXmlText } from "../../src/hosts/file/workbook";

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

describe("a patched package keeps texts Excel stores escaped (R-WRITE-1)", () => {
  test("control characters in cells, rich-text runs and notes survive a write beside them", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("自评表");
    ws.getCell("A1").value = "转义_x0007_控制_x0001_字符";
    ws.getCell("A2").value = { richText: [{ text: "响铃_x0007_" }, { text: "指标", font: { bold: true } }] };
    ws.getCell("A3").value = "回车_x000D_换行";
    ws.getCell("A5").value = "有批注";
    ws.getCell("A5").note = "批注_x0007_内容";
    ws.getCell("B2").value = "编号_x005F_x0041_";
    const host = await FileHost.open(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), "t.xlsx");
    // A change in the same sheet: the sheet part is patched, the texts beside it are kept.
    await host.highlight("自评表", [{ cell: "C1", color: "#FFF2CC", code: "X" }]);
    const grid = (await host.readSheet("自评表")).grid;
    expect(grid.cells[0][0]?.v).toBe("转义\u0007控制\u0001字符");
    expect(grid.cells[1][1]?.v).toBe("编号_x0041_");
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await host.toBuffer()) as unknown as ArrayBuffer);
    const out = back.getWorksheet("自评表")!;
    expect(out.getCell("A1").value).toBe("转义\u0007控制\u0001字符");
    expect(out.getCell("A2").value).toEqual({
      richText: [{ text: "响铃\u0007" }, { text: "指标", font: { bold: true } }],
    });
    expect(out.getCell("A3").value).toBe("回车\r换行");
    expect(out.getCell("A5").note).toBe("批注\u0007内容");
    expect(out.getCell("B2").value).toBe("编号_x0041_");
  });
});
