/**
 * Several tables on one sheet through the command line (REPORT.md "Command line",
 * LAYOUTS.md step 7): every table reported, `--table n` picks one, `--out` writes every
 * picked table's plan and nothing outside the tables' ranges (R-WRITE-1).
 */
import { copyFileSync, existsSync, readFileSync } from "fs";
import { join } from "path";
import ExcelJS from "exceljs";
import { parseAddress, RECORD_SHEET } from "../../src/sheet";
import type { Report } from "../../src/sheet/types";
import { diffWorkbooks, readXlsx } from "../corpus/compare";
import { REF, run, tmp } from "./helpers";
import { L1_HEADER, NOTES_HEADER } from "../support/headers";

const CORPUS = join(REF, "..", "corpus", "workbooks");
const VERTICAL = join(CORPUS, "c07_two_tables_vertical.xlsx");
const SIDE = join(CORPUS, "c08_two_tables_side_by_side.xlsx");
const A = join(REF, "A-donghu-2021-selfeval-blank.xlsx");

jest.setTimeout(120_000);

function inRange(cell: string, range: string): boolean {
  const [from, to] = range.split(":").map((a) => parseAddress(a)!);
  const p = parseAddress(cell)!;
  return p.row >= from.row && p.row <= to.row && p.col >= from.col && p.col <= to.col;
}

/** The cells of the copy that differ from the input, on the scored sheet (the record sheet aside). */
async function changedCells(input: string, copy: string, sheet: string): Promise<string[]> {
  const diff = diffWorkbooks(await readXlsx(readFileSync(input)), await readXlsx(readFileSync(copy)), [
    RECORD_SHEET,
  ]);
  expect(diff.sheets).toEqual([]);
  for (const [name, d] of Object.entries(diff.bySheet)) {
    expect(d.layout).toEqual([]);
    if (name !== sheet) expect(d.cells).toEqual([]);
  }
  return diff.bySheet[sheet]?.cells ?? [];
}

describe.each([
  ["one below the other", VERTICAL],
  ["side by side", SIDE],
])("a sheet with two tables %s", (_how, file) => {
  test("--json prints an array: one report per table, each with table and range", async () => {
    const r = await run(["score", file, "--json"]);
    expect(r.code).toBe(0);
    const reports = JSON.parse(r.stdout) as Report[];
    expect(Array.isArray(reports)).toBe(true);
    expect(reports.map((x) => x.table)).toEqual([1, 2]);
    for (const x of reports) {
      expect(x.layout).not.toBeNull();
      expect(x.range).toMatch(/^[A-Z]+\d+:[A-Z]+\d+$/);
      expect(x.indicators.length).toBeGreaterThan(0);
      // every row the report reads or writes lies in its own range
      for (const w of x.writes)
        expect({ cell: w.cell, in: inRange(w.cell, x.range!) }).toEqual({ cell: w.cell, in: true });
    }
    expect(reports[0].range).not.toBe(reports[1].range);
  });

  test("--table n prints that table's report alone (an object)", async () => {
    const all = JSON.parse((await run(["score", file, "--json"])).stdout) as Report[];
    for (const n of [1, 2]) {
      const r = await run(["score", file, "--json", "--table", String(n)]);
      expect(r.code).toBe(0);
      const one = JSON.parse(r.stdout) as Report;
      expect(Array.isArray(one)).toBe(false);
      expect(one).toEqual(all[n - 1]);
    }
  });

  test("--out writes every table's plan, and nothing outside the tables' ranges (R-WRITE-1)", async () => {
    const dir = tmp();
    const out = join(dir, "scored.xlsx");
    const before = readFileSync(file);
    const r = await run(["score", file, "--json", "--out", out]);
    expect(r.code).toBe(0);
    expect(readFileSync(file).equals(before)).toBe(true);
    const reports = JSON.parse(r.stdout) as Report[];
    const planned = reports.flatMap((x) => x.writes.map((w) => w.cell));
    expect(planned.length).toBeGreaterThan(0);
    const changed = await changedCells(file, out, reports[0].sheet);
    expect(changed.sort()).toEqual([...new Set(planned)].sort());
    for (const c of changed) expect(reports.some((x) => inRange(c, x.range!))).toBe(true);
    const wb = await readXlsx(readFileSync(out));
    const ws = wb.getWorksheet(reports[0].sheet)!;
    for (const x of reports) for (const w of x.writes) expect(ws.getCell(w.cell).value).toEqual(w.after);
    expect(r.stderr).toContain(`改动 ${planned.length} 个单元格`);
  });

  test("--table 2 --out writes the second table's plan only", async () => {
    const out = join(tmp(), "second.xlsx");
    const all = JSON.parse((await run(["score", file, "--json"])).stdout) as Report[];
    const r = await run(["score", file, "--table", "2", "--out", out]);
    expect(r.code).toBe(0);
    const changed = await changedCells(file, out, all[1].sheet);
    expect(changed.sort()).toEqual(all[1].writes.map((w) => w.cell).sort());
    for (const w of all[0].writes) expect(changed).not.toContain(w.cell);
  });

  test("without --json: one block per table, each heading naming the table and its range", async () => {
    const r = await run(["score", file]);
    expect(r.code).toBe(0);
    const all = JSON.parse((await run(["score", file, "--json"])).stdout) as Report[];
    for (const x of all) expect(r.stdout).toContain(`第 ${x.table} 个表格（共 2 个，${x.range}）`);
    expect(r.stdout.match(/总分：/g)).toHaveLength(2);
  });
});

describe("--table out of range or not a number: a Chinese line, exit 2, nothing written", () => {
  test.each([
    [VERTICAL, "3", /工作表“[^”]+”中只有 2 个表格，没有第 3 个/],
    [A, "2", /工作表“自评表”中只有 1 个表格，没有第 2 个/],
    [VERTICAL, "0", /--table 应为从 1 起的整数，而不是“0”/],
    [VERTICAL, "1.5", /--table 应为从 1 起的整数/],
    [VERTICAL, "二", /--table 应为从 1 起的整数/],
  ])("%s --table %s", async (file, n, message) => {
    const out = join(tmp(), "never.xlsx");
    const r = await run(["score", file, "--table", n, "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe("");
    expect(existsSync(out)).toBe(false);
  });

  test("--table 1 on a one-table sheet is the plain report", async () => {
    const plain = await run(["score", A, "--json"]);
    const one = await run(["score", A, "--json", "--table", "1"]);
    expect(one.stdout).toBe(plain.stdout);
  });

  test("--table with a folder is refused", async () => {
    const r = await run(["score", tmp(), "--table", "1"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--table 只能用于单个文件");
  });
});

describe("folder runs: one summary row per table", () => {
  function folder(): string {
    const dir = tmp();
    copyFileSync(A, join(dir, "A.xlsx"));
    copyFileSync(VERTICAL, join(dir, "two.xlsx"));
    return dir;
  }

  test("--json: a report per table, in file order", async () => {
    const r = await run(["score", folder(), "--json"]);
    expect(r.code).toBe(0);
    const reports = JSON.parse(r.stdout) as Report[];
    expect(reports.map((x) => [x.file, x.table])).toEqual([
      ["A.xlsx", 1],
      ["two.xlsx", 1],
      ["two.xlsx", 2],
    ]);
  });

  test("--out summary.csv: file, sheet, table, total, grade and the provisional mark per table", async () => {
    const out = join(tmp(), "summary.csv");
    const r = await run(["score", folder(), "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("2 个工作簿，3 个表格");
    const rows = readFileSync(out, "utf8")
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/);
    expect(rows[0]).toBe("文件,工作表,表格,版式,总分,等级,总分暂定,错误数,警告数");
    expect(rows).toHaveLength(4);
    expect(rows.filter((l) => l.startsWith("two.xlsx,")).map((l) => l.split(",")[2])).toEqual(["1", "2"]);
    expect(rows.some((l) => /^A\.xlsx,自评表,1,L1,86\.59,良,,0,\d+$/.test(l))).toBe(true);
  });
});

describe("folder runs mark provisional totals (R-TOTAL-2)", () => {
  /** A table whose qualitative row awaits a person's judgement (R-QUAL): its total is provisional. */
  async function pending(dir: string): Promise<void> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("自评表");
    ws.addRows([
      [...L1_HEADER, NOTES_HEADER],
      ["产出指标", "数量指标", "培训人次", "100人次", "100人次", 60, null, null],
      ["效益指标", "社会效益指标", "群众生活条件", "明显改善", "有所改善", 40, null, null],
      ["总分", null, null, null, null, 100, null, null],
    ]);
    await wb.xlsx.writeFile(join(dir, "待评.xlsx"));
  }

  test("the summary says 暂定 for a provisional total, in the text, CSV and JSON alike", async () => {
    const dir = tmp();
    await pending(dir);
    copyFileSync(A, join(dir, "A.xlsx"));
    const json = JSON.parse((await run(["score", dir, "--json"])).stdout) as Report[];
    const p = json.find((x) => x.file === "待评.xlsx")!;
    expect(p.totalProvisional).toBe(true);
    const text = await run(["score", dir]);
    expect(text.code).toBe(0);
    const line = text.stdout.split("\n").find((l) => l.startsWith("待评.xlsx"))!;
    expect(line).toMatch(/\s暂定\s/);
    expect(text.stdout.split("\n").find((l) => l.startsWith("A.xlsx"))).not.toContain("暂定");
    const out = join(tmp(), "s.csv");
    await run(["score", dir, "--out", out]);
    const rows = readFileSync(out, "utf8")
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/);
    expect(rows.find((l) => l.startsWith("待评.xlsx"))!.split(",")[6]).toBe("暂定");
    expect(rows.find((l) => l.startsWith("A.xlsx"))!.split(",")[6]).toBe("");
  });
});
