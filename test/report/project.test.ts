/**
 * The 自评报告 draft of one table, read back from the .docx (mammoth, the package XML) and
 * checked figure by figure against the scored report (REPORT.md "The 自评报告 draft").
 */
import Decimal from "decimal.js";
import { unzipSync } from "fflate";
import { readFileSync } from "fs";
import { join } from "path";
import { resolveProfile } from "../../src/core";
import { gridFromWorksheet, loadWorkbook } from "../support/exceljs-reader";
import {
  draftProjectReport,
  plainText,
  projectReportDocx,
  rowsNeedingNote,
  type DraftDocument,
} from "../../src/report";
import { analyzeSheet, chooseSheet, type GridSnapshot, type Report } from "../../src/sheet";
import { tableFacts, type TableFacts } from "../../src/sheet/facts";
import { REFERENCE_DIR } from "../support/expected";
import { build } from "../sheet/grid-builder";
import { docxPart, docxTables, docxText, scored } from "./helpers";
import { L1_HEADER } from "../support/headers";
import { withCell } from "../support/grid-edit";

const A = "A-donghu-2021-selfeval-blank";
const C = "C-yiyang-2024-scoresheet";
const D = "D-yuzhong-2019-selfeval";

/** Text between two headings of the document. */
function section(text: string, from: string, to?: string): string {
  const start = text.indexOf(from);
  if (start < 0) throw new Error(`no “${from}” in the document`);
  const end = to ? text.indexOf(to, start) : -1;
  return text.slice(start, end < 0 ? undefined : end);
}

/** Every figure a draft may state, derived here from the report and facts independently of the builder. */
function allowedFigures(report: Report, facts: TableFacts): Set<string> {
  const out = new Set<string>();
  const add = (n: number | null | undefined | Decimal) => {
    if (n === null || n === undefined) return;
    const d = new Decimal(n);
    out.add(d.toString());
    out.add(d.toFixed(2));
  };
  const addRatio = (r: number | null | undefined) => {
    if (r === null || r === undefined) return;
    const d = new Decimal(r).times(100);
    out.add(d.toString());
    out.add(d.toFixed(2));
  };
  // Numbers inside texts quoted from the table (targets, actuals, notes, names, the goal, the title).
  const quotedTexts = [
    ...report.indicators.flatMap((i) => [i.name, i.target ?? "", i.actual ?? "", i.level1, i.level2]),
    ...Object.values(facts.notes).map((n) => n.text ?? ""),
    facts.goal?.expected ?? "",
    facts.goal?.actual ?? "",
    facts.projectName ?? "",
    facts.year ?? "",
    ...report.writes.map((w) => String(w.after)),
  ];
  for (const t of quotedTexts) for (const m of t.matchAll(/\d+(?:\.\d+)?/g)) out.add(m[0]);
  add(report.total);
  for (const i of report.indicators) {
    add(i.weight);
    add(i.score);
    addRatio(i.completion);
  }
  const b = report.budget;
  if (b) {
    for (const n of [b.planned, b.budget, b.executed, b.weight, b.score]) add(n);
    addRatio(b.rate);
    for (const r of [facts.budget?.total, ...(facts.budget?.rows ?? [])])
      for (const n of [r?.planned, r?.budget, r?.executed]) add(n ?? null);
  }
  // Sums per 一级指标, the table's total weight, the attainment, the threshold (90%).
  const groups = new Map<string, { w: Decimal; s: Decimal }>();
  let weights = new Decimal(b?.weight ?? 0);
  let sw = new Decimal(0);
  let ss = new Decimal(0);
  for (const i of report.indicators) {
    const g = groups.get(i.level1) ?? { w: new Decimal(0), s: new Decimal(0) };
    g.w = g.w.plus(i.weight ?? 0);
    g.s = g.s.plus(i.score ?? 0);
    groups.set(i.level1, g);
    weights = weights.plus(i.weight ?? 0);
    if (i.score !== null && i.weight) {
      sw = sw.plus(i.weight);
      ss = ss.plus(i.score);
    }
  }
  for (const g of groups.values()) {
    add(g.w);
    add(g.s);
  }
  add(weights);
  if (!sw.isZero()) addRatio(ss.dividedBy(sw).toDecimalPlaces(4).toNumber());
  out.add("90");
  out.add(String(report.indicators.length));
  return out;
}

/** Numbers of the draft that are not list numbers, headings or placeholders. */
function figuresIn(text: string): string[] {
  return [...text.replace(/^\s*\d+\.\s/gm, "").matchAll(/\d+(?:\.\d+)?/g)].map((m) => m[0]);
}

describe("reference A: the 招商引资专项经费 draft", () => {
  let report: Report;
  let facts: TableFacts;
  let doc: DraftDocument;
  let bytes: Uint8Array;
  let text: string;

  beforeAll(async () => {
    ({ report, facts } = await scored(A));
    ({ doc, bytes } = await projectReportDocx(report, facts));
    text = await docxText(bytes);
  });

  test("项目基本情况: name, 主管部门, 实施单位 and the budget block with its unit", () => {
    expect(doc.title).toBe("2021年度招商引资专项经费项目支出绩效自评报告");
    const s = section(text, "一、项目基本情况", "二、");
    expect(s).toContain(
      "项目名称：招商引资专项经费。主管部门：东湖区投资促进局。实施单位：东湖区投资促进局。",
    );
    expect(s).toContain(
      "年初预算数207.00万元，全年预算数207.00万元，全年执行数170.69万元，预算执行率82.46%。",
    );
    expect(s).toContain("当年财政拨款全年预算数207.00万元、执行数170.69万元");
    expect(s).toContain("【待补充：项目立项依据、主要内容及实施情况】");
    expect(doc.missing).toEqual([]);
  });

  test("绩效目标: 年度总体目标 as written, and a Word table row per indicator with the report's figures", async () => {
    const s = section(text, "二、绩效目标及完成情况", "三、");
    expect(s).toContain(`预期目标：${facts.goal!.expected}`);
    expect(s).toContain(`实际完成情况：${facts.goal!.actual}`);
    const [t] = await docxTables(bytes);
    expect(t[0]).toEqual([...L1_HEADER]);
    expect(t[1]).toEqual(["预算执行率", "207.00万元", "170.69万元（82.46%）", "10", "8.25"]);
    // Merged 一级/二级 cells appear once, on their first row: compare the right-hand cells.
    report.indicators.forEach((i, k) => {
      const row = t[k + 2];
      expect(row.slice(-5)).toEqual([i.name, i.target, i.actual, String(i.weight), String(i.score)]);
    });
    expect(t[t.length - 1]).toEqual(["合计", "100", "86.59"]);
    expect(t).toHaveLength(report.indicators.length + 3);
  });

  test("the header row repeats on every page; level cells are merged vertically", () => {
    const xml = docxPart(bytes, "word/document.xml");
    expect(xml.match(/<w:tblHeader\/>|<w:tblHeader w:val="(?:true|1|on)"\/>/g)).toHaveLength(1);
    expect(xml).toMatch(/<w:vMerge w:val="restart"\/>/);
  });

  test("自评结论: total, grade, budget score and each 一级指标 against its weight", () => {
    const s = section(text, "三、自评结论", "四、");
    expect(s).toContain("经自评，该项目综合得分86.59分，自评等级为“良”。");
    expect(s).toContain("预算执行率得分8.25分（分值10分）");
    expect(s).toContain("产出指标得分42.34分（分值50分）");
    expect(s).toContain("效益指标得分26分（分值30分）");
    expect(s).toContain("满意度指标得分10分（分值10分）");
    expect(s).not.toContain("暂定");
  });

  test("R-DEV: one paragraph per row that needs a note, with its facts and the note or the draft", () => {
    const s = section(text, "四、偏差分析及改进措施", "五、");
    expect(s).toContain("预算执行率82.46%，低于90%。原因及改进措施：【待补充");
    const need = rowsNeedingNote(report);
    expect(need.map((i) => i.row)).toEqual([13, 14, 15, 16, 19, 25, 27]);
    const paras = s.split("\n").filter((l) => /^\d+\. /.test(l));
    expect(paras).toHaveLength(need.length);
    need.forEach((i, k) => {
      const p = paras[k];
      expect(p.startsWith(`${k + 1}. ${i.name}：`)).toBe(true);
      if (i.target) expect(p).toContain(i.target);
      if (i.actual) expect(p).toContain(i.actual);
      if (i.completion !== null)
        expect(p).toContain(`完成率${new Decimal(i.completion).times(100).toString()}%`);
      expect(p).toContain(`得分${i.score}分（分值${i.weight}分）`);
    });
    // Row 13's note is the person's (merged over 13–16); 19, 25 and 27 had none: the draft asks.
    expect(paras[0]).toMatch(/偏差原因及改进措施：招商基础较差。下一步将优化招商政策和措施。$/);
    for (const k of [1, 2, 3]) expect(paras[k]).toMatch(/偏差原因及改进措施：同上。$/);
    for (const k of [4, 5, 6])
      expect(paras[k]).toMatch(/偏差原因及改进措施：【待补充】偏差原因：；改进措施：$/);
    expect(paras[5]).toContain("年度指标值“显著”，实际完成值“较显著”");
  });

  test("存在的问题: low execution, performance ahead of spending, over-completion; then placeholders", () => {
    const s = section(text, "五、存在的问题及改进建议");
    expect(s).toContain("1. 预算执行率82.46%，低于90%。");
    expect(s).toContain("绩效指标得分率87.04%明显高于预算执行率82.46%");
    expect(s).toContain("“利用外资增幅”实际完成值8.1%，为年度指标值5%的162%");
    expect(s).toContain("【待补充：项目实施中存在的其他问题】");
    expect(s).toContain("【待补充：下一步改进措施及建议】");
  });

  test("every figure in the draft comes from the report or the table's own rows", () => {
    const allowed = allowedFigures(report, facts);
    expect(figuresIn(text).length).toBeGreaterThan(80);
    // The check bites: a figure the report does not hold is caught.
    expect(figuresIn(text.replace("86.59", "86.95")).filter((f) => !allowed.has(f))).toEqual(["86.95"]);
    const stray = figuresIn(text).filter((f) => !allowed.has(f));
    expect(stray).toEqual([]);
  });

  test("placeholders are highlighted; A4, 公文 fonts with substitutes, 28 pt lines, page numbers", () => {
    const xml = docxPart(bytes, "word/document.xml");
    expect(xml).toMatch(/<w:highlight w:val="yellow"\/>/);
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toMatch(/<w:spacing [^>]*w:line="560" w:lineRule="exact"/);
    const fonts = docxPart(bytes, "word/fontTable.xml");
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(fonts).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>');
    const footers = Object.keys(unzipSync(bytes)).filter((p) => /^word\/footer\d*\.xml$/.test(p));
    expect(footers.length).toBeGreaterThan(0);
    expect(docxPart(bytes, footers[0])).toMatch(/PAGE/);
  });
});

describe("reference D: no header rows, no budget block", () => {
  test("the name comes from the title; missing facts are placeholders and listed", async () => {
    const { report, facts } = await scored(D);
    const { doc, bytes } = await projectReportDocx(report, facts);
    const text = await docxText(bytes);
    expect(doc.title).toBe("2019年度渝中区招商引资专项经费项目支出绩效自评报告");
    expect(doc.missing).toEqual(["department", "implementer", "budget", "goal"]);
    expect(text).toContain("主管部门：【待补充：主管部门】。实施单位：【待补充：实施单位】。");
    expect(text).toContain(
      "自评表未列预算执行情况。【待补充：年初预算数、全年预算数、全年执行数及预算执行率】",
    );
    expect(text).toContain("经自评，该项目综合得分100分，自评等级为“优”。");
    expect(text).toContain(
      "其中：产出指标得分20分（分值20分）；效益指标得分30分（分值30分）；满意度指标得分5分（分值5分）；管理指标得分45分（分值45分）。",
    );
    expect(text).not.toContain("预算执行率得分");
    expect(text).toContain("各项绩效指标均已完成年度目标。");
    expect(text).toContain("“开展境内外招商推介活动”实际完成值3次，为年度指标值2次以上的150%");
    const [t] = await docxTables(bytes);
    expect(t).toHaveLength(report.indicators.length + 2);
    expect(t[t.length - 1]).toEqual(["合计", "100", "100"]);
    expect(figuresIn(text).filter((f) => !allowedFigures(report, facts).has(f))).toEqual([]);
  });
});

describe("reference C: an evaluation scoring sheet (no targets)", () => {
  test("a five-column table, 97 优, and each deducted row asks for its reason", async () => {
    const { report, facts } = await scored(C);
    const { bytes } = await projectReportDocx(report, facts);
    const text = await docxText(bytes);
    const [t] = await docxTables(bytes);
    expect(t[0]).toEqual(["一级指标", "二级指标", "三级指标", "分值", "得分"]);
    expect(t[t.length - 1]).toEqual(["合计", "100", "97"]);
    expect(text).toContain("经自评，该项目综合得分97分，自评等级为“优”。");
    expect(text).toContain(
      "决策得分15分（分值15分）；过程得分23分（分值25分）；产出得分34分（分值35分）；效益得分25分（分值25分）",
    );
    const deducted = report.indicators.filter((i) => i.score! < i.weight!);
    expect(deducted.map((i) => i.name)).toEqual(["资金到位率", "预算执行率", "实际完成率"]);
    for (const i of deducted)
      expect(text).toContain(
        `${i.name}：得分${i.score}分（分值${i.weight}分）。扣分原因及改进措施：【待补充：扣分原因及改进措施】`,
      );
    expect(figuresIn(text).filter((f) => !allowedFigures(report, facts).has(f))).toEqual([]);
  });
});

async function referenceGrid(name: string): Promise<GridSnapshot> {
  const wb = await loadWorkbook(readFileSync(join(REFERENCE_DIR, `${name}.xlsx`)), `${name}.xlsx`);
  const sheets = wb.worksheets.map((ws) => ({ name: ws.name, grid: gridFromWorksheet(ws) }));
  return sheets.find((s) => s.name === chooseSheet(sheets))!.grid;
}

describe("bad input: the draft still comes out, with placeholders", () => {
  const profile = resolveProfile("central");

  test("a judgement pending: the conclusion says 暂定 and names the row", async () => {
    // Clear the person's judgement of 增加就业机会 (H25): the row waits for judgement.
    const grid = withCell(await referenceGrid(A), 25, 8, null);
    const a = analyzeSheet(grid, { profile, file: `${A}.xlsx` });
    expect(a.report.totalProvisional).toBe(true);
    const doc = draftProjectReport(a.report, tableFacts(grid, a.layout));
    const text = plainText(doc);
    expect(doc.missing).toContain("provisional");
    expect(text).toMatch(/尚有1项指标（“增加就业机会”）待评定，综合得分暂定为[\d.]+分，自评等级暂定为“.”/);
    expect(text).toContain("效益指标得分18分（分值30分，另有1项待评定）");
    expect(text).toMatch(/合计\t100\t[\d.]+（暂定）/);
  });

  test("no table found: every section is there, with placeholders", async () => {
    const grid = build([["项目名称", "某项目"], ["随便写的内容"]]);
    const a = analyzeSheet(grid, { profile, file: "x.xlsx" });
    expect(a.layout).toBeNull();
    const { doc, bytes } = await projectReportDocx(a.report, tableFacts(grid, a.layout));
    expect(doc.missing).toEqual(expect.arrayContaining(["table", "department", "budget", "goal", "total"]));
    const text = await docxText(bytes);
    for (const h of [
      "一、项目基本情况",
      "二、绩效目标及完成情况",
      "三、自评结论",
      "四、偏差分析及改进措施",
      "五、存在的问题及改进建议",
    ])
      expect(text).toContain(h);
    expect(text).toContain("项目名称：某项目。");
    expect(text).toContain("【待补充：综合得分及自评等级】");
    expect(text).toContain("【待补充：绩效指标及完成情况】");
  });

  test("a table without header rows or title: the project name is a placeholder", () => {
    const grid = build([
      [...L1_HEADER],
      ["产出指标", "数量指标", "培训人次", "100人次", "90人次", 100, null],
      ["总分", null, null, null, null, 100, null],
    ]);
    const a = analyzeSheet(grid, { profile });
    const doc = draftProjectReport(a.report, tableFacts(grid, a.layout));
    expect(doc.missing[0]).toBe("projectName");
    expect(doc.title).toBe("项目支出绩效自评报告");
    const text = plainText(doc);
    expect(text).toContain("（项目名称：【待补充：项目名称】）");
    expect(text).toContain("项目名称：【待补充：项目名称】。");
    expect(text).toContain(
      "1. 培训人次：年度指标值100人次，实际完成值90人次，完成率90%，得分90分（分值100分）。",
    );
  });

  test("facts not read at all (null): the builder still gives a whole draft", () => {
    const a = analyzeSheet(build([["x"]]), { profile });
    const doc = draftProjectReport(a.report, null);
    expect(doc.blocks.length).toBeGreaterThan(10);
  });
});
