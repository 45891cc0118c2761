/**
 * The built CLI writes the 自评报告 drafts; LibreOffice (a real third-party reader of .docx)
 * converts each to PDF and pdftoppm renders every page as a PNG in test-artifacts/report/,
 * to look at. The PDF's text is checked for the report's figures.
 */
import { spawnSync } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";

const ROOT = resolve(__dirname, "..", "..");
const CLI = join(ROOT, "dist", "cli.js");
const REF = join(ROOT, "..", "shared", "reference");
const ARTIFACTS = join(ROOT, "test-artifacts", "report");

function jixiao(args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: "utf8", timeout: 60000 });
}

/** .docx → PDF with LibreOffice in its own profile folder; → one PNG per page; returns the PDF's text. */
function render(docx: string, name: string): { text: string; pages: string[] } {
  const work = mkdtempSync(join(tmpdir(), "jixiao-lo-"));
  const lo = spawnSync(
    "soffice",
    [
      `-env:UserInstallation=file://${work}/profile`,
      "--headless",
      "--convert-to",
      "pdf",
      "--outdir",
      work,
      docx,
    ],
    { encoding: "utf8", timeout: 110000 },
  );
  const pdf = join(work, docx.replace(/^.*[\\/]/, "").replace(/\.docx$/, ".pdf"));
  if (!existsSync(pdf)) throw new Error(`LibreOffice made no PDF: ${lo.stderr}`);
  mkdirSync(ARTIFACTS, { recursive: true });
  for (const f of readdirSync(ARTIFACTS)) if (f.startsWith(`${name}-`)) rmSync(join(ARTIFACTS, f));
  spawnSync("pdftoppm", ["-r", "70", "-png", pdf, join(ARTIFACTS, name)], { timeout: 60000 });
  // Layout text wraps long lines (titles, figures): compare without any white space.
  const text = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).stdout;
  rmSync(work, { recursive: true, force: true });
  const pages = readdirSync(ARTIFACTS).filter((f) => f.startsWith(`${name}-`) && f.endsWith(".png"));
  return { text: text.replace(/\s+/g, ""), pages };
}

describe("自评报告 drafts rendered by LibreOffice", () => {
  const dir = mkdtempSync(join(tmpdir(), "jixiao-report-e2e-"));

  test("A: the draft renders; its pages show the report's figures", () => {
    const out = join(dir, "A.docx");
    const res = jixiao(["report", join(REF, "A-donghu-2021-selfeval-blank.xlsx"), "--out", out]);
    expect(res.status).toBe(0);
    const { text, pages } = render(out, "A-donghu-2021");
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const s of [
      "2021年度招商引资专项经费项目支出绩效自评报告",
      "86.59",
      "82.46%",
      "207.00万元",
      "170.69万元",
      "【待补充",
    ])
      expect(text).toContain(s);
    // The indicator table is rendered with its header row. Whether it spills onto a second page
    // (and so shows the repeated header) depends on the fonts installed; the repeat flag itself is
    // checked in the document XML (test/report).
    expect(text).toContain("绩效指标完成情况表");
    expect(text).toContain("年度指标值");
  });

  test.each([
    ["D-yuzhong-2019-selfeval", "D-yuzhong-2019", ["渝中区招商引资专项经费", "100分"]],
    ["C-yiyang-2024-scoresheet", "C-yiyang-2024", ["97分", "扣分原因及改进措施"]],
  ])("%s renders", (file, name, words) => {
    const out = join(dir, `${name}.docx`);
    expect(jixiao(["report", join(REF, `${file}.xlsx`), "--out", out]).status).toBe(0);
    const { text, pages } = render(out, name);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const w of words) expect(text).toContain(w);
  });

  test("the roll-up over the reference folder renders", () => {
    const out = join(dir, "部门自评总结报告.docx");
    expect(jixiao(["report", REF, "--out", out]).status).toBe(0);
    const { text, pages } = render(out, "rollup");
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(text).toContain("共完成预算项目自评5项");
  });
});
