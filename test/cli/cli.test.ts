/** The command line (REPORT.md "Command line"): exit statuses, usage, profiles, bad files, folders. */
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import ExcelJS from "exceljs";
import { setMaxFileBytes } from "../../src/hosts/file/workbook";
import type { Report } from "../../src/sheet/types";
import { makeOle, makeZip, REF, run, tmp } from "./helpers";
import { L1_HEADER } from "../support/headers";

const A = join(REF, "A-donghu-2021-selfeval-blank.xlsx");
const B = join(REF, "B-donghu-2021-scoresheet.xlsx");

function oneChineseLine(stderr: string, file: string): void {
  const lines = stderr.split("\n").filter((l) => l !== "");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(file);
  expect(lines[0]).toMatch(/[\u4e00-\u9fff]/);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe("arguments and exit statuses", () => {
  test("no arguments: usage, exit 2", async () => {
    const r = await run([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("jixiao score");
    expect(r.stdout).toBe("");
  });

  test.each([[["score"]], [["score", A, "--bogus"]], [["frobnicate", A]], [["score", A, "--profile"]]])(
    "bad arguments %j: one Chinese line and usage, exit 2",
    async (args) => {
      const r = await run(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^参数有误：/);
      expect(r.stderr).toContain("jixiao score");
      expect(r.stdout).toBe("");
    },
  );

  test("commander's errors are told in Chinese, naming the option", async () => {
    expect((await run(["score", A, "--bogus"])).stderr).toContain("无法识别的选项 --bogus");
    expect((await run(["score"])).stderr).toContain("缺少参数 文件或文件夹");
    expect((await run(["score", A, "extra"])).code).toBe(2);
  });

  test("--help prints usage on stdout, exit 0", async () => {
    const r = await run(["score", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("--recompute-all");
  });

  test("a missing input file: exit 1, one line naming it", async () => {
    const r = await run(["score", join(tmp(), "没有这个文件.xlsx")]);
    expect(r.code).toBe(1);
    oneChineseLine(r.stderr, "没有这个文件.xlsx");
  });

  test("--out naming the input file is refused and the input is not touched: exit 2", async () => {
    const dir = tmp();
    const f = join(dir, "a.xlsx");
    copyFileSync(A, f);
    const before = readFileSync(f);
    const r = await run(["score", f, "--out", f]);
    expect(r.code).toBe(2);
    expect(readFileSync(f).equals(before)).toBe(true);
  });

  test("--json prints only the report on stdout; messages go to stderr", async () => {
    const out = join(tmp(), "o.xlsx");
    const r = await run(["score", A, "--json", "--out", out]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.file).toBe("A-donghu-2021-selfeval-blank.xlsx");
    expect(report.layout).toBe("L1");
    expect(r.stderr).toContain(out);
    expect(existsSync(out)).toBe(true);
  });

  test("without --json: a short table with indicators, total, grade and counts", async () => {
    const r = await run(["score", A]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("利用外资工作完成率");
    expect(r.stdout).toMatch(/总分：86\.59/);
    expect(r.stdout).toMatch(/等级：良/);
    expect(r.stdout).toMatch(/警告 \d+ 个/);
    expect(() => JSON.parse(r.stdout)).toThrow();
  });

  test("--recompute-all replaces people's scores by the rule's (R-WRITE-2)", async () => {
    const filled = join(REF, "A-donghu-2021-selfeval-filled.xlsx");
    const plain = JSON.parse((await run(["score", filled, "--json"])).stdout) as Report;
    const all = JSON.parse((await run(["score", filled, "--json", "--recompute-all"])).stdout) as Report;
    const row13 = (r: Report) => r.indicators.find((i) => i.row === 13);
    expect(row13(plain)?.scoreSource).toBe("person");
    expect(row13(all)?.scoreSource).toBe("computed");
  });
});

describe("profiles (SCORING.md §8)", () => {
  test("an unknown preset: exit 2, naming it", async () => {
    const r = await run(["score", A, "--profile", "nowhere"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("nowhere");
    expect(r.stdout).toBe("");
  });

  test.each([
    [{ colour: "red" }, "colour"],
    [{ decimals: "two" }, "decimals"],
  ])("an invalid profile file %j: exit 2, naming the key", async (profile, key) => {
    const f = join(tmp(), "bad.json");
    writeFileSync(f, JSON.stringify(profile));
    const r = await run(["score", A, "--profile", f, "--json"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`“${key}”`);
    expect(r.stdout).toBe("");
  });

  test("a profile file that is not JSON: exit 2, naming the file", async () => {
    const f = join(tmp(), "broken.json");
    writeFileSync(f, "{ decimals: ");
    const r = await run(["score", A, "--profile", f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("broken.json");
  });

  test("a profile file without name is named after the file; presets by name", async () => {
    const f = join(tmp(), "my-city.json");
    writeFileSync(f, JSON.stringify({ overCompletionFactor: 1.3 }));
    const r = await run(["score", A, "--profile", f, "--json"]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Report).profile).toBe("my-city");
    const g = await run(["score", A, "--profile", "guangxi", "--json"]);
    expect((JSON.parse(g.stdout) as Report).profile).toBe("guangxi");
  });
});

describe("files that cannot be read: one Chinese line, exit 1, input unchanged", () => {
  const dir = tmp();
  const truncated = readFileSync(A).subarray(0, Math.floor(readFileSync(A).length * 0.6));
  const files: [string, Buffer, RegExp][] = [
    [
      "random.xlsx",
      Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251)),
      /不是 Excel 工作簿/,
    ],
    ["notabook.xlsx", makeZip({ "readme.txt": "hello" }), /不是 Excel 工作簿/],
    ["truncated.xlsx", Buffer.from(truncated), /已损坏或不完整/],
    ["encrypted.xlsx", makeOle(["EncryptionInfo", "EncryptedPackage"]), /密码/],
    ["old.xls", makeOle(["Workbook"]), /另存为” \.xlsx/],
    ["empty.xlsx", Buffer.alloc(0), /空文件/],
  ];
  test.each(files)("%s", async (name, bytes, message) => {
    const f = join(dir, name);
    writeFileSync(f, bytes);
    for (const json of [false, true]) {
      const out = join(dir, `${name}.out.xlsx`);
      const r = await run(["score", f, "--out", out, ...(json ? ["--json"] : [])]);
      expect(r.code).toBe(1);
      oneChineseLine(r.stderr, name);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe("");
      expect(existsSync(out)).toBe(false);
      expect(readFileSync(f).equals(bytes)).toBe(true);
    }
  });

  test("a file over the size limit, naming the limit", async () => {
    const previous = setMaxFileBytes(4 * 1024);
    try {
      const r = await run(["score", A]);
      expect(r.code).toBe(1);
      oneChineseLine(r.stderr, "A-donghu-2021-selfeval-blank.xlsx");
      expect(r.stderr).toContain("4 KB");
    } finally {
      setMaxFileBytes(previous);
    }
  });
});

describe("--sheet", () => {
  async function twoSheets(): Promise<string> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(A);
    const cover = wb.addWorksheet("封面");
    cover.getCell("A1").value = "东湖区投资促进局 2021 年度绩效自评";
    const f = join(tmp(), "two.xlsx");
    await wb.xlsx.writeFile(f);
    return f;
  }

  test("scores the named sheet; a sheet without a table still prints its report, exit 1", async () => {
    const f = await twoSheets();
    const ok = await run(["score", f, "--sheet", "自评表", "--json"]);
    expect(ok.code).toBe(0);
    expect((JSON.parse(ok.stdout) as Report).sheet).toBe("自评表");
    const none = await run(["score", f, "--sheet", "封面", "--json"]);
    expect(none.code).toBe(1);
    const report = JSON.parse(none.stdout) as Report;
    expect(report.sheet).toBe("封面");
    expect(report.layout).toBeNull();
    expect(report.indicators).toEqual([]);
    expect(report.diagnostics.map((d) => d.code)).toContain("NO_TABLE_FOUND");
    expect(none.stderr).toContain("封面");
  });

  test("without --sheet, the sheet named 自评表 is chosen", async () => {
    const r = await run(["score", await twoSheets(), "--json"]);
    expect((JSON.parse(r.stdout) as Report).sheet).toBe("自评表");
  });

  test("a sheet the workbook does not have: exit 2, listing the sheets", async () => {
    const r = await run(["score", A, "--sheet", "第二页"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("第二页");
    expect(r.stderr).toContain("自评表");
  });
});

describe("folder runs", () => {
  function folder(): string {
    const dir = tmp();
    copyFileSync(A, join(dir, "A.xlsx"));
    copyFileSync(B, join(dir, "=HYPERLINK(1).xlsx"));
    copyFileSync(A, join(dir, "@plus.xlsx"));
    writeFileSync(join(dir, "broken.xlsx"), Buffer.from("not a workbook at all"));
    writeFileSync(join(dir, "notes.txt"), "ignored");
    return dir;
  }

  test("--json: one report per .xlsx, unreadable files as a report with an error, exit 1", async () => {
    const dir = folder();
    const before = readdirSync(dir).map((n) => [n, readFileSync(join(dir, n)).toString("base64")]);
    const r = await run(["score", dir, "--json"]);
    // A file that could not be scored fails the run; every report is still printed.
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("4 个工作簿中有 1 个未能评分（无法读取或未找到表格），见上。\n");
    const reports = JSON.parse(r.stdout) as Report[];
    expect(reports.map((x) => x.file).sort()).toEqual(
      ["=HYPERLINK(1).xlsx", "@plus.xlsx", "A.xlsx", "broken.xlsx"].sort(),
    );
    const broken = reports.find((x) => x.file === "broken.xlsx")!;
    expect(broken.layout).toBeNull();
    expect(broken.diagnostics[0]).toMatchObject({ code: "UNREADABLE_FILE", severity: "error" });
    expect(broken.diagnostics[0].message).toContain("broken.xlsx");
    expect(reports.find((x) => x.file === "A.xlsx")?.total).toBe(86.59);
    // nothing in the folder is modified or added
    expect(readdirSync(dir).map((n) => [n, readFileSync(join(dir, n)).toString("base64")])).toEqual(before);
  });

  test("--out summary.csv: one row per table, formula-like text neutralised", async () => {
    const dir = folder();
    const out = join(tmp(), "summary.csv");
    const r = await run(["score", dir, "--out", out]);
    expect(r.code).toBe(1);
    const text = readFileSync(out, "utf8").replace(/^\uFEFF/, "");
    const rows = text.trim().split(/\r?\n/);
    expect(rows[0]).toBe("文件,工作表,表格,版式,总分,等级,总分暂定,错误数,警告数");
    expect(rows).toHaveLength(5);
    expect(rows.some((l) => l.startsWith("'=HYPERLINK(1).xlsx,"))).toBe(true);
    expect(rows.some((l) => l.startsWith("'@plus.xlsx,"))).toBe(true);
    expect(rows.some((l) => /^A\.xlsx,自评表,1,L1,86\.59,良,,0,\d+$/.test(l))).toBe(true);
    expect(rows.some((l) => /^broken\.xlsx,,,,,,,1,0$/.test(l))).toBe(true);
    expect(rows.every((l) => !/^[=+\-@]/.test(l))).toBe(true);
  });

  test("--out summary.xlsx: text cells only, none a formula, formula-like text neutralised", async () => {
    const dir = folder();
    const out = join(dir, "summary.xlsx");
    const r = await run(["score", dir, "--out", out, "--json"]);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as Report[]).map((x) => x.file)).not.toContain("summary.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0];
    const values: unknown[] = [];
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        values.push(cell.value);
      }),
    );
    expect(values).toContain("'=HYPERLINK(1).xlsx");
    expect(values).toContain("'@plus.xlsx");
    expect(ws.rowCount).toBe(5);
    const aRow = ws.getColumn(1).values.indexOf("A.xlsx");
    expect(ws.getRow(aRow).getCell(5).value).toBe(86.59);
  });

  test("without --json: one line per table, then every error that needs fixing", async () => {
    const dir = folder();
    const r = await run(["score", dir]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^文件\s+工作表\s+表格\s+版式\s+总分\s+等级\s+总分暂定\s+错误数\s+警告数$/);
    expect(
      lines.filter((l) => /^A\.xlsx\s+自评表\s+1\s+L1\s+86\.59\s+良\s+—\s+0\s+\d+$/.test(l)),
    ).toHaveLength(1);
    expect(
      lines.some((l) => /^=HYPERLINK\(1\)\.xlsx\s+评分表\s+1\s+L3\s+84\.13\s+良\s+—\s+1\s+0$/.test(l)),
    ).toBe(true);
    // R-TOTAL-5: the mismatch is spelled out under the table; no per-indicator tables
    expect(r.stdout).toContain("=HYPERLINK(1).xlsx [错误] F29 总分填写为84.15，按各项得分合计应为84.13。");
    expect(r.stdout).toMatch(/broken\.xlsx \[错误\] .*broken\.xlsx/);
    expect(r.stdout).not.toContain("利用外资工作完成率");
  });

  test("a summary with another extension: exit 2", async () => {
    const r = await run(["score", folder(), "--out", join(tmp(), "summary.txt")]);
    expect(r.code).toBe(2);
  });

  test("no progress bar on a non-terminal; a progress bar on a terminal goes to stderr only", async () => {
    const dir = folder();
    const quiet = await run(["score", dir, "--json"], false);
    expect(quiet.stderr).not.toContain("评分进度");
    const tty = await run(["score", dir, "--json"], true);
    expect(() => JSON.parse(tty.stdout)).not.toThrow();
  });
});

describe("template", () => {
  test("an unknown kind or a missing --out: exit 2", async () => {
    expect((await run(["template", "L9", "--out", join(tmp(), "t.xlsx")])).code).toBe(2);
    expect((await run(["template", "L1"])).code).toBe(2);
  });

  test.each(["L1", "L2", "L3", "L4"])(
    "template %s writes a workbook whose table the reader finds",
    async (kind) => {
      const out = join(tmp(), `${kind}.xlsx`);
      const r = await run(["template", kind, "--out", out]);
      expect(r.code).toBe(0);
      const s = await run(["score", out, "--json"]);
      expect(s.code).toBe(0);
      expect((JSON.parse(s.stdout) as Report).layout).not.toBeNull();
    },
  );
});

describe("a table without a deviation-note column (R-DEV)", () => {
  async function noNoteColumn(): Promise<string> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("自评表");
    ws.addRows([
      [...L1_HEADER],
      ["产出指标", "数量指标", "培训人次", "100人次", "80人次", 60, null],
      ["满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "95%", 40, null],
      ["总分", null, null, null, null, 100, null],
    ]);
    const file = join(tmp(), "无偏差说明列.xlsx");
    await wb.xlsx.writeFile(file);
    return file;
  }

  test("--out adds the draft as a cell note and says so; scoring that copy again changes nothing", async () => {
    const file = await noNoteColumn();
    const out = join(tmp(), "out.xlsx");
    const r = await run(["score", file, "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("另添加 1 条批注");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const note = wb.getWorksheet("自评表")!.getCell("C2").note;
    const text = typeof note === "string" ? note : (note?.texts ?? []).map((x) => x.text).join("");
    expect(text).toMatch(/^【待补充】培训人次：/);

    const again = await run(["score", out, "--out", join(tmp(), "again.xlsx")]);
    expect(again.stdout).toContain("无需改动任何单元格");
    expect(again.stdout).not.toContain("批注");
  });
});
