/**
 * The command line speaks the user's language (zh-CN first, en-US complete): commander's
 * own help and errors included; file-system errors told in words naming the file; `--out`
 * checked before scoring.
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync } from "fs";
import { join } from "path";
import { detail } from "../../src/cli/main";
import { setLocale } from "../../src/i18n/catalog";
import { REF, run, tmp } from "./helpers";

const A = join(REF, "A-donghu-2021-selfeval-blank.xlsx");
/** Words commander prints in English unless told otherwise. */
const COMMANDER_ENGLISH =
  /Usage:|Options:|Arguments:|Commands:|display help|output the version|\[options\]|\[command\]|error:|unknown option|missing required|too many arguments/;
const RAW_FS =
  /\bE(NOENT|ACCES|ISDIR|NOTDIR|PERM|ROFS|NOSPC|BUSY)\b|no such file|permission denied|illegal operation/i;
const asRoot = typeof process.getuid === "function" && process.getuid() === 0;

jest.setTimeout(120_000);

describe("help in Chinese, commander's own lines included", () => {
  test.each([
    [["--help"]],
    [["help"]],
    [["score", "--help"]],
    [["help", "score"]],
    [["review", "--help"]],
    [["template", "--help"]],
    [["report", "-h"]],
  ])("%j", async (args) => {
    const r = await run(args);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^用法： jixiao/);
    expect(r.stdout).toContain("选项：");
    expect(r.stdout).toContain("-h, --help");
    expect(r.stdout).toContain("显示帮助");
    expect(r.stdout).not.toMatch(COMMANDER_ENGLISH);
  });

  test("the program's help lists the commands and the version option in Chinese", async () => {
    const r = await run(["--help"]);
    expect(r.stdout).toContain("命令：");
    expect(r.stdout).toContain("-V, --version");
    expect(r.stdout).toContain("显示版本号");
    for (const c of ["score", "review", "template", "report", "help"])
      expect(r.stdout).toMatch(new RegExp(`^  ${c}\\b`, "m"));
  });

  test("score --help names every flag of REPORT.md, with its argument in Chinese", async () => {
    const r = await run(["score", "--help"]);
    for (const flag of ["--sheet", "--table", "--profile", "--json", "--out", "--recompute-all"])
      expect(r.stdout).toContain(flag);
    expect(r.stdout).toContain("参数：");
    expect(r.stdout).toContain("<文件或文件夹>");
  });

  test("columns line up by display width (a CJK character takes two)", async () => {
    const r = await run(["score", "--help"]);
    const width = (s: string) =>
      [...s].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
    const items = r.stdout.split("\n").filter((l) => /^ {2}-/.test(l));
    const starts = items.map((l) => {
      const m = /^( {2}\S.*?\S)( {2,})\S/.exec(l)!;
      return width(m[1]) + m[2].length;
    });
    expect(new Set(starts).size).toBe(1);
  });
});

describe("commander's errors in Chinese", () => {
  test.each([
    [["score", A, "--bogus"], "无法识别的选项 --bogus"],
    [["score", A, "--jsn"], "（是否想输入 --json？）"],
    [["score"], "缺少参数 文件或文件夹"],
    [["frobnicate"], "无法识别的命令 frobnicate（可用命令：score、review、template、report"],
    [["score", A, "--profile"], "选项 --profile <预设名称|口径文件.json> 后面需要一个值"],
    [["score", A, "extra"], "多余的参数"],
    [[], "缺少命令（score、review、template、report"],
  ])("%j", async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain("用法：");
    expect(r.stderr).not.toMatch(COMMANDER_ENGLISH);
  });
});

describe("file-system errors in Chinese, naming the file", () => {
  test("a folder given where a workbook is read (EISDIR) — the folder is scored instead; a file named like a folder's child", async () => {
    const dir = tmp();
    const r = await run(["score", join(dir, "不存在的文件夹", "a.xlsx")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("找不到文件或文件夹");
    expect(r.stderr).toContain("a.xlsx");
    expect(r.stderr).not.toMatch(RAW_FS);
  });

  test("a path through a file (ENOTDIR) is told as not found", async () => {
    const r = await run(["score", join(A, "x.xlsx")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("找不到文件或文件夹");
    expect(r.stderr).not.toMatch(RAW_FS);
  });

  (asRoot ? test.skip : test)("an unreadable file (EACCES): 没有访问权限, naming it, exit 1", async () => {
    const dir = tmp();
    const f = join(dir, "锁定.xlsx");
    copyFileSync(A, f);
    chmodSync(f, 0o000);
    const r = await run(["score", f]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("锁定.xlsx");
    expect(r.stderr).toContain("没有访问权限");
    expect(r.stderr).not.toMatch(RAW_FS);
    chmodSync(f, 0o644);
  });

  test("a profile that is a folder (EISDIR): exit 2, in words", async () => {
    const dir = tmp();
    mkdirSync(join(dir, "p.json"));
    const r = await run(["score", A, "--profile", join(dir, "p.json")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("p.json");
    expect(r.stderr).toContain("这是一个文件夹，不是文件");
    expect(r.stderr).not.toMatch(RAW_FS);
  });
});

describe("file-system errors are told in words, whatever the platform reports", () => {
  const sysError = (code: string) =>
    Object.assign(new Error(`${code}: raw message, open '/x/y.xlsx'`), { code, syscall: "open" });

  test.each([
    ["ENOENT", "文件或文件夹不存在"],
    ["EACCES", "没有访问权限"],
    ["EPERM", "没有访问权限"],
    ["EISDIR", "这是一个文件夹，不是文件"],
    ["ENOTDIR", "路径中的某一级不是文件夹"],
    ["EBUSY", "文件正被其他程序占用"],
    ["ENOSPC", "磁盘空间不足"],
    ["EROFS", "只读"],
    ["ENAMETOOLONG", "过长"],
    ["EXYZ", "操作系统报告错误（代码 EXYZ）"],
  ])("%s → %s", (code, words) => {
    const text = detail(sysError(code));
    expect(text).toContain(words);
    expect(text).not.toContain("raw message");
  });

  test("other errors keep their own (already worded) message", () => {
    expect(detail(new Error("工作簿已损坏"))).toBe("工作簿已损坏");
  });
});

describe("--out checked before scoring", () => {
  test.each([
    ["score", (d: string) => ["score", A, "--out", join(d, "没有", "out.xlsx")]],
    ["score folder", (d: string) => ["score", d, "--out", join(d, "没有", "sum.csv")]],
    ["template", (d: string) => ["template", "L1", "--out", join(d, "没有", "t.xlsx")]],
    ["report", (d: string) => ["report", A, "--out", join(d, "没有", "r.docx")]],
  ])("%s into a missing folder: exit 2, one line naming it, nothing written", async (_what, args) => {
    const dir = tmp();
    copyFileSync(A, join(dir, "A.xlsx"));
    const before = readdirSync(dir);
    const r = await run(args(dir));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("文件夹");
    expect(r.stderr).toContain("不存在");
    expect(r.stderr).toContain(join(dir, "没有"));
    expect(r.stderr).not.toMatch(RAW_FS);
    expect(readdirSync(dir)).toEqual(before);
    expect(existsSync(join(dir, "没有"))).toBe(false);
  });

  test("--out naming a folder: exit 2", async () => {
    const dir = tmp();
    mkdirSync(join(dir, "x.xlsx"));
    const r = await run(["score", A, "--out", join(dir, "x.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("是一个文件夹");
  });

  (asRoot ? test.skip : test)("--out into a read-only folder: exit 2 before scoring", async () => {
    const dir = tmp();
    chmodSync(dir, 0o555);
    const r = await run(["score", A, "--out", join(dir, "o.xlsx")]);
    chmodSync(dir, 0o755);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("无权");
    expect(r.stdout).toBe("");
  });
});

describe("en-US: every command-line message has its English wording", () => {
  afterEach(() => setLocale("zh-CN"));

  test("help and errors in English with JIXIAO_LANG=en-US (the catalog's en-US)", async () => {
    setLocale("en-US");
    const help = await run(["score", "--help"]);
    expect(help.stdout).toMatch(/^Usage: jixiao score \[options\] <file-or-folder>/);
    expect(help.stdout).toContain("display help");
    expect(help.stdout).not.toMatch(/[\u4e00-\u9fff]/);
    const bad = await run(["score", A, "--bogus"]);
    expect(bad.stderr).toContain("unknown option --bogus");
    expect(bad.stderr).not.toMatch(/[\u4e00-\u9fff]/);
    const missing = await run(["score", A, "--out", join(tmp(), "none", "o.xlsx")]);
    expect(missing.stderr).toMatch(/does not exist/);
    expect(missing.stderr).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
