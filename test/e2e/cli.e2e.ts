/** The built command line (dist/cli.js, after `npm run build`) as a user runs it. */
import { spawnSync } from "child_process";
import { createHash } from "crypto";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import ExcelJS from "exceljs";

const ROOT = resolve(__dirname, "..", "..");
const CLI = join(ROOT, "dist", "cli.js");
const INPUT = "../shared/reference/A-donghu-2021-selfeval-blank.xlsx";

const TWO_TABLES = "../shared/corpus/workbooks/c07_two_tables_vertical.xlsx";

/** The machine may be loaded: generous limits, so a slow run is not a failure. */
jest.setTimeout(300_000);

function jixiao(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 240_000,
    env: { ...process.env, ...env },
  });
}

const tmp = () => mkdtempSync(join(tmpdir(), "jixiao-e2e-"));

describe("dist/cli.js", () => {
  test("score --json --out: the report on stdout, a scored copy, the input untouched (R-WRITE-1)", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "jixiao-e2e-")), "scored.xlsx");
    const hash = () =>
      createHash("sha256")
        .update(readFileSync(join(ROOT, INPUT)))
        .digest("hex");
    const before = hash();
    const res = jixiao(["score", INPUT, "--json", "--out", out]);
    expect(res.status).toBe(0);
    const report = JSON.parse(res.stdout);
    expect(report).toMatchObject({
      file: "A-donghu-2021-selfeval-blank.xlsx",
      sheet: "自评表",
      layout: "L1",
      total: 86.59,
      grade: "良",
    });
    expect(report.indicators.find((i: { row: number }) => i.row === 13)).toMatchObject({
      score: 4.16,
      scoreSource: "computed",
    });
    expect(hash()).toBe(before);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("自评表")!;
    expect(ws.getCell("H13").value).toBe(4.16);
    expect(ws.getCell("I6").value).toBe(8.25);
    expect(ws.getCell("H29").value).toBe(86.59);
    expect(wb.getWorksheet("_jixiao")?.state).toBe("veryHidden");
    // R-WRITE-5: the copy scored again changes nothing
    const again = jixiao(["score", out, "--json"]);
    expect(again.status).toBe(0);
    expect(JSON.parse(again.stdout).writes).toEqual([]);
  });

  test("a file that is not a workbook: one Chinese line on stderr, exit 1", () => {
    const res = jixiao(["score", "package.json"]);
    expect(res.status).toBe(1);
    expect(res.stdout).toBe("");
    expect(res.stderr.trim().split("\n")).toHaveLength(1);
    expect(res.stderr).toContain("package.json");
  });

  test("bad arguments: usage, exit 2", () => {
    const res = jixiao(["score"]);
    expect(res.status).toBe(2);
    expect(res.stderr).toContain("jixiao score");
  });

  test("help is Chinese throughout, commander's own lines included; JIXIAO_LANG=en-US gives English", () => {
    const zh = jixiao(["score", "--help"]);
    expect(zh.status).toBe(0);
    expect(zh.stdout).toMatch(/^用法： jixiao score \[选项\] <文件或文件夹>/);
    expect(zh.stdout).toContain("选项：");
    expect(zh.stdout).toContain("-h, --help");
    expect(zh.stdout).toContain("--table <n>");
    expect(zh.stdout).not.toMatch(/Usage:|Options:|display help|\[options\]/);
    const en = jixiao(["score", "--help"], { JIXIAO_LANG: "en-US" });
    expect(en.stdout).toMatch(/^Usage: jixiao score \[options\] <file-or-folder>/);
    expect(en.stdout).not.toMatch(/[\u4e00-\u9fff]/);
    const bad = jixiao(["score", INPUT, "--bogus"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("无法识别的选项 --bogus");
    expect(bad.stderr).not.toMatch(/error:|unknown option/);
  });

  test("a sheet with two tables: an array of two reports; --table 2 alone; --table 3 refused", () => {
    const all = jixiao(["score", TWO_TABLES, "--json"]);
    expect(all.status).toBe(0);
    const reports = JSON.parse(all.stdout);
    expect(reports.map((r: { table: number; range: string }) => [r.table, r.range])).toEqual([
      [1, "A1:I29"],
      [2, "A33:I61"],
    ]);
    const second = jixiao(["score", TWO_TABLES, "--json", "--table", "2"]);
    expect(JSON.parse(second.stdout)).toEqual(reports[1]);
    const none = jixiao(["score", TWO_TABLES, "--table", "3"]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain("只有 2 个表格，没有第 3 个");
  });

  test("--out into a missing folder: exit 2 before scoring, nothing written", () => {
    const dir = tmp();
    const out = join(dir, "没有这个文件夹", "scored.xlsx");
    const res = jixiao(["score", INPUT, "--out", out]);
    expect(res.status).toBe(2);
    expect(res.stdout).toBe("");
    expect(res.stderr).toContain("不存在");
    expect(res.stderr).not.toMatch(/ENOENT/);
    expect(existsSync(join(dir, "没有这个文件夹"))).toBe(false);
  });

  test("a folder run with a file that cannot be read: every table summarised, exit 1", () => {
    const dir = tmp();
    copyFileSync(join(ROOT, INPUT), join(dir, "A.xlsx"));
    copyFileSync(join(ROOT, TWO_TABLES), join(dir, "two.xlsx"));
    writeFileSync(join(dir, "broken.xlsx"), "not a workbook");
    const csv = join(tmp(), "summary.csv");
    const res = jixiao(["score", dir, "--out", csv]);
    expect(res.status).toBe(1);
    expect(res.stderr).toContain("3 个工作簿中有 1 个未能评分");
    const rows = readFileSync(csv, "utf8")
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/);
    expect(rows[0]).toBe("文件,工作表,表格,版式,总分,等级,总分暂定,错误数,警告数");
    expect(rows.map((r) => r.split(",").slice(0, 3).join(","))).toEqual([
      "文件,工作表,表格",
      "A.xlsx,自评表,1",
      "broken.xlsx,,",
      "two.xlsx,自评表,1",
      "two.xlsx,自评表,2",
    ]);
  });
});
