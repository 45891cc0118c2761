/** `jixiao report`: the draft of one table, the roll-up of a folder, and what it says on bad input. */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { docxText } from "../report/helpers";
import { REF, run, tmp } from "./helpers";

const A = join(REF, "A-donghu-2021-selfeval-blank.xlsx");
const D = join(REF, "D-yuzhong-2019-selfeval.xlsx");

describe("jixiao report <file.xlsx>", () => {
  test("A: writes the .docx with the report's figures; nothing missing, nothing on stderr", async () => {
    const out = join(tmp(), "自评报告.docx");
    const r = await run(["report", A, "--out", out]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toContain("已写出自评报告草稿");
    const text = await docxText(readFileSync(out));
    for (const s of ["86.59", "“良”", "82.46%", "207.00万元", "170.69万元"]) expect(text).toContain(s);
  });

  test("D: what was missing is said on stderr, in Chinese, naming the file", async () => {
    const out = join(tmp(), "d.docx");
    const r = await run(["report", D, "--out", out, "--profile", "central"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("“D-yuzhong-2019-selfeval.xlsx”：表头中未找到主管部门");
    expect(r.stderr).toContain("表中没有预算执行情况");
    expect(existsSync(out)).toBe(true);
  });

  test("no table found: the draft still comes out with placeholders; exit 1", async () => {
    const dir = tmp();
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("自评表");
    ws.addRow(["项目名称", "某项目"]);
    ws.addRow(["一些说明"]);
    const file = join(dir, "无表.xlsx");
    writeFileSync(file, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    const out = join(dir, "无表.docx");
    const r = await run(["report", file, "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("未找到可评分的表格");
    const text = await docxText(readFileSync(out));
    expect(text).toContain("项目名称：某项目。");
    expect(text).toContain("【待补充：综合得分及自评等级】");
  });

  test("bad arguments: --out missing or not .docx, --table not a number or out of range (exit 2)", async () => {
    const dir = tmp();
    expect((await run(["report", A])).code).toBe(2);
    const wrong = await run(["report", A, "--out", join(dir, "x.xlsx")]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain(".docx");
    expect((await run(["report", A, "--table", "0", "--out", join(dir, "x.docx")])).code).toBe(2);
    const far = await run(["report", A, "--table", "9", "--out", join(dir, "x.docx")]);
    expect(far.code).toBe(2);
    expect(far.stderr).toContain("没有第 9 个");
    expect(existsSync(join(dir, "x.docx"))).toBe(false);
  });
});

describe("jixiao report <folder>", () => {
  test("the department's summary over every workbook; an unreadable one is named", async () => {
    const dir = tmp();
    copyFileSync(A, join(dir, "a.xlsx"));
    copyFileSync(D, join(dir, "d.xlsx"));
    writeFileSync(join(dir, "坏.xlsx"), "not a workbook");
    const out = join(dir, "部门自评总结报告.docx");
    const r = await run(["report", dir, "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("（3 个表格）");
    expect(r.stderr).toContain("坏.xlsx");
    const text = await docxText(readFileSync(out));
    expect(text).toContain("共完成预算项目自评2项，其中1项得分在90分以上（优），1项在80分以上（良）。");
    expect(text).toContain("另有1个文件未能评分，未计入上述结果：坏.xlsx。");
  });
});

describe("several tables on one sheet", () => {
  const C07 = join(REF, "..", "corpus", "workbooks", "c07_two_tables_vertical.xlsx");

  test("--table n picks the table; the draft names its project", async () => {
    const dir = tmp();
    const out = join(dir, "2.docx");
    const r = await run(["report", C07, "--table", "2", "--out", out]);
    expect(r.code).toBe(0);
    const text = await docxText(readFileSync(out));
    expect(text).toContain("项目名称：第二个项目经费。");
    expect(text).toContain("全年执行数200.00万元");
  });

  test("a folder counts every table of every sheet", async () => {
    const dir = tmp();
    copyFileSync(C07, join(dir, "c07.xlsx"));
    const out = join(dir, "roll.docx");
    const r = await run(["report", dir, "--out", out]);
    expect(r.stdout).toContain("（2 个表格）");
    const text = await docxText(readFileSync(out));
    expect(text).toContain("共完成预算项目自评2项");
    expect(text).toContain("第二个项目经费");
  });
});
