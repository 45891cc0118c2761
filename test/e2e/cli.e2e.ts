/** The built command line (dist/cli.js, after `npm run build`) as a user runs it. */
import { spawnSync } from "child_process";
import { createHash } from "crypto";
import { mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import ExcelJS from "exceljs";

const ROOT = resolve(__dirname, "..", "..");
const CLI = join(ROOT, "dist", "cli.js");
const INPUT = "../shared/reference/A-donghu-2021-selfeval-blank.xlsx";

function jixiao(args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: "utf8", timeout: 60000 });
}

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
});
