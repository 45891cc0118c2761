/**
 * The 问题清单 files: CSV neutralises formula-like text (= + - @, tab, also after leading
 * spaces); the .xlsx keeps every text as text (no formula, no stray apostrophe). Levels (P0/P1/P2)
 * follow REPORT.md. The roll-up quotes grades as a department report does.
 */
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { neutralise } from "../../src/hosts/file/csv";
import { levelOf } from "../../src/review/basis";
import { rollUp, rollUpSentence } from "../../src/review/findings";
import { reviewSheets } from "../../src/review/sheets";
import type { Finding, TableSummary } from "../../src/review/types";
import { reviewCsv, reviewXlsx } from "../../src/review/write";
import { resolveProfile } from "../../src/core";

const HOSTILE = ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", '  =HYPERLINK("http://x")', " @y"];

function finding(text: string, i: number): Finding {
  return {
    level: "P1",
    file: `${text}.xlsx`,
    sheet: text,
    table: 1,
    cell: `A${i + 1}`,
    row: i + 1,
    indicator: text,
    code: "UNDER_TARGET",
    finding: text,
    rule: "R-DEV",
    basis: "R-DEV 偏差分析",
    suggestion: text,
  };
}

const summary = (over: Partial<TableSummary>): TableSummary => ({
  file: "x.xlsx",
  sheet: "自评表",
  table: 1,
  range: "A1:I29",
  project: null,
  writtenTotal: null,
  total: 95,
  totalProvisional: false,
  grade: "优",
  gradeProvisional: false,
  p0: 0,
  p1: 0,
  p2: 0,
  ...over,
});

const profile = resolveProfile("central");

it("CSV: every formula-like text gets a leading apostrophe; ordinary text and numbers do not", () => {
  const sheets = reviewSheets(
    { findings: HOSTILE.map(finding), tables: [summary({ file: "=x.xlsx" })] },
    profile,
  );
  const csv = reviewCsv(sheets);
  expect(csv.findings.startsWith("\uFEFF")).toBe(true);
  const rows = parse(csv.findings.slice(1), { relax_column_count: true }) as string[][];
  expect(rows[0]).toEqual(["等级", "文件", "工作表", "单元格", "指标", "发现", "依据", "建议"]);
  rows.slice(1).forEach((r, i) => {
    const text = HOSTILE[i];
    expect(r[0]).toBe("P1");
    for (const k of [2, 4, 5, 7]) expect(r[k]).toBe(`'${text}`);
    expect(r[1]).toBe(`'${text}.xlsx`);
    expect(r[6]).toBe("R-DEV 偏差分析");
  });
  const sum = parse(csv.summary.slice(1), { relax_column_count: true }) as string[][];
  expect(sum[1].slice(0, 6)).toEqual(["'=x.xlsx", "自评表", "", "", "95", "优"]);
  for (const s of ["a=b", "满意度≥95%", "１００％", "-"]) expect(neutralise(s)).toBe(s === "-" ? "'-" : s);
});

it(".xlsx: the same texts stay text, without an apostrophe and without a formula", async () => {
  const sheets = reviewSheets({ findings: HOSTILE.map(finding), tables: [summary({})] }, profile);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await reviewXlsx(sheets)) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("问题清单")!;
  HOSTILE.forEach((text, i) => {
    const found = ws.findCell(i + 2, 6)!;
    expect(found.type).toBe(ExcelJS.ValueType.String);
    expect(found.value).toBe(text);
    expect(found.formula).toBeUndefined();
  });
});

describe("等级 (REPORT.md)", () => {
  it("P0: wrong or unsupported results, any error, and a missing note on a row scored below full", () => {
    for (const c of [
      "TOTAL_MISMATCH",
      "SCORE_MISMATCH",
      "SCORE_EXCEEDS_WEIGHT",
      "UNIT_MISMATCH",
      "BUDGET_MISSING",
    ])
      expect(levelOf(c, "error", false)).toBe("P0");
    expect(levelOf("RATE_MISMATCH", "warning", false)).toBe("P0");
    expect(levelOf("GRADE_MISMATCH", "warning", false)).toBe("P0");
    expect(levelOf("DIRECTION_UNKNOWN", "error", false)).toBe("P0");
    expect(levelOf("DEVIATION_NOTE_REQUIRED", "warning", true)).toBe("P0");
  });
  it("P1: every other warning; P2: information", () => {
    expect(levelOf("DEVIATION_NOTE_REQUIRED", "warning", false)).toBe("P1");
    expect(levelOf("UNDER_TARGET", "warning", true)).toBe("P1");
    expect(levelOf("LOW_EXECUTION", "warning", false)).toBe("P1");
    expect(levelOf("UNIT_ASSUMED", "info", false)).toBe("P2");
  });
});

it("the roll-up counts tables per grade, as the 高新区 2020 report quotes them", () => {
  const tables = [
    ...Array.from({ length: 17 }, (_, i) => summary({ file: `${i}.xlsx`, total: 91 + (i % 5), grade: "优" })),
    summary({ file: "a.xlsx", total: 85, grade: "良" }),
    summary({ file: "b.xlsx", total: 81.5, grade: "良" }),
  ];
  const r = rollUp(tables, profile);
  expect(r.tables).toBe(19);
  expect(rollUpSentence(r)).toBe("共19项，17项90分以上（优），2项80分以上（良）。");
  const more = rollUp(
    [
      ...tables,
      summary({ file: "c.xlsx", total: 55, grade: "差" }),
      summary({ file: "d.xlsx", total: 70, grade: "中", totalProvisional: true }),
      { ...summary({ file: "e.xlsx" }), unreadable: true, total: null, grade: null, p0: 1 },
    ],
    profile,
  );
  expect(rollUpSentence(more)).toBe(
    "共21项，17项90分以上（优），2项80分以上（良），1项60分以下（差），1项总分暂定，1个文件无法读取。",
  );
});
