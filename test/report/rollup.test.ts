/** The department's 自评总结报告 over a folder (the reference workbooks), read back from the .docx. */
import { readdirSync } from "fs";
import Decimal from "decimal.js";
import { resolveProfile } from "../../src/core";
import { draftRollup, plainText, rollupReportDocx, type RollupEntry } from "../../src/report";
import { reportWithoutTable } from "../../src/sheet";
import { readExpected, REFERENCE_DIR } from "../support/expected";
import { docxTables, docxText, scored } from "./helpers";

const names = readdirSync(REFERENCE_DIR)
  .filter((n) => n.endsWith(".xlsx"))
  .map((n) => n.replace(/\.xlsx$/, ""))
  .sort();

describe("roll-up over the reference folder", () => {
  let entries: RollupEntry[];
  beforeAll(async () => {
    entries = [];
    for (const n of names) entries.push({ file: `${n}.xlsx`, ...(await scored(n)) });
  });

  test("count and grade distribution in the 高新区 2020 wording, from the expected grades", async () => {
    const grades = names.map((n) => readExpected(n).grade);
    const you = grades.filter((g) => g === "优").length;
    const liang = grades.filter((g) => g === "良").length;
    expect(you + liang).toBe(names.length);
    const { doc, bytes } = await rollupReportDocx(entries, {
      gradeBands: resolveProfile("central").gradeBands,
    });
    const text = await docxText(bytes);
    expect(text).toContain(
      `共完成预算项目自评${names.length}项，其中${you}项得分在90分以上（优），${liang}项在80分以上（良）。`,
    );
    const totals = names.map((n) => readExpected(n).total as number);
    const avg = totals
      .reduce((a, x) => a.plus(x), new Decimal(0))
      .dividedBy(totals.length)
      .toDecimalPlaces(2);
    expect(text).toContain(`平均得分${avg.toString()}分`);
    expect(doc.kind).toBe("rollup");
  });

  test("the list of projects with total and grade; budget totals over the tables that have one", async () => {
    const { bytes } = await rollupReportDocx(entries);
    const [t] = await docxTables(bytes);
    expect(t[0]).toEqual([
      "序号",
      "项目名称",
      "全年预算数（万元）",
      "全年执行数（万元）",
      "执行率",
      "自评得分",
      "等级",
    ]);
    expect(t).toHaveLength(entries.length + 1);
    entries.forEach((e, k) => {
      const row = t[k + 1];
      expect(row[0]).toBe(String(k + 1));
      expect(row[5]).toBe(String(e.report.total));
      expect(row[6]).toBe(e.report.grade);
      if (e.facts?.projectName) expect(row[1]).toBe(e.facts.projectName);
      else expect(row[1]).toBe(`【待补充：项目名称】（${e.file}）`);
    });
    const text = await docxText(bytes);
    // The two A workbooks: 207.00 + 207.00 and 170.69 + 170.69 万元.
    expect(text).toContain(
      "纳入自评的2个项目全年预算数合计414.00万元，全年执行数合计341.38万元，总体预算执行率82.46%。",
    );
    expect(text).toContain(
      "预算执行率低于90%的项目2个：招商引资专项经费（82.46%）、招商引资专项经费（82.46%）。",
    );
    expect(text).toMatch(/招商引资专项经费：利用外资工作完成率、.*共7项。/);
    expect(text).toContain("【待补充：自评工作的组织方式、自评范围和工作过程】");
  });

  test("a file without a table is named and left out of the counts", () => {
    const bad: RollupEntry = {
      file: "坏文件.xlsx",
      facts: null,
      report: reportWithoutTable("坏文件.xlsx", "", "central", {
        code: "UNREADABLE_FILE",
        severity: "error",
        cell: null,
        row: null,
        message: "x",
      }),
    };
    const doc = draftRollup([...entries, bad]);
    const text = plainText(doc);
    expect(text).toContain(`共完成预算项目自评${entries.length}项`);
    expect(text).toContain("另有1个文件未能评分，未计入上述结果：坏文件.xlsx。");
    expect(doc.missing).toContain("table");
  });

  test("amounts in 元 are converted to 万元 before they are added", () => {
    const a = entries.find((e) => e.report.budget)!;
    const inYuan: RollupEntry = {
      ...a,
      facts: { ...a.facts!, unit: "元" },
      report: { ...a.report, budget: { ...a.report.budget!, budget: 2070000, executed: 1706900 } },
    };
    const text = plainText(draftRollup([a, inYuan]));
    expect(text).toContain("全年预算数合计414.00万元，全年执行数合计341.38万元");
  });
});
