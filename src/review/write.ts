/** Writes the 问题清单 as .xlsx (two sheets: 问题清单, 汇总) or as .csv (one file per sheet). */
import ExcelJS from "exceljs";
import { csvText } from "../hosts/file/csv";
import { workbookBytes } from "../hosts/file/workbook";
import { t } from "../i18n/catalog";
import "../i18n/review-messages";
import type { ReviewSheets, Value } from "./sheets";

/** The look of both sheets, shared with the CLI's streaming writer. */
export const HEAD_FILL = "FFD9E1F2";
export const LEVEL_FILL: Record<string, string> = { P0: "FFF8CBAD", P1: "FFFFE699", P2: "FFE2EFDA" };
export const FINDING_WIDTHS = [6, 28, 14, 10, 24, 48, 22, 48];
export const SUMMARY_WIDTHS = [28, 14, 30, 10, 10, 10, 6, 6, 6];
/** Columns that wrap: 发现, 依据, 建议 (and 指标); 项目名称 in 汇总. */
export const FINDING_WRAP = [5, 6, 7, 8];
export const SUMMARY_WRAP = [3];

export function fill(argb: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb } };
}

function addSheet(
  wb: ExcelJS.Workbook,
  name: string,
  rows: Value[][],
  widths: number[],
  wrap: number[],
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = widths.map((width) => ({ width }));
  for (const r of rows) {
    // Values go in as they are: text stays text (no formula is ever made from it).
    const row = ws.addRow(r.map((v) => (v === null ? null : v)));
    // Fresh style objects: exceljs cells may share one (assigning a property would restyle all).
    row.eachCell((c, col) => {
      c.style = {
        ...c.style,
        alignment: wrap.includes(col) ? { wrapText: true, vertical: "top" } : { vertical: "top" },
      };
    });
  }
  const head = ws.getRow(1);
  head.eachCell((c) => {
    c.style = {
      ...c.style,
      font: { bold: true },
      fill: fill(HEAD_FILL),
      alignment: { vertical: "middle", horizontal: "center" },
    };
  });
  return ws;
}

/** The 问题清单 workbook. */
export async function reviewXlsx(sheets: ReviewSheets): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = t("app.name");
  const list = addSheet(wb, t("review.sheet.findings"), sheets.findings, FINDING_WIDTHS, FINDING_WRAP);
  list.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: Math.max(1, sheets.findings.length), column: 8 },
  };
  for (let r = 2; r <= sheets.findings.length; r++) {
    const level = list.findCell(r, 1);
    const argb = level ? LEVEL_FILL[String(level.value)] : undefined;
    if (level && argb)
      level.style = {
        ...level.style,
        fill: fill(argb),
        alignment: { horizontal: "center", vertical: "top" },
      };
  }
  const sum = addSheet(wb, t("review.sheet.summary"), sheets.summary, SUMMARY_WIDTHS, SUMMARY_WRAP);
  sum.getRow(sheets.rollUpStart + 1).eachCell((c) => {
    c.style = { ...c.style, font: { bold: true } };
  });
  const last = sheets.summary.length;
  sum.mergeCells(last, 1, last, SUMMARY_WIDTHS.length);
  return workbookBytes(wb);
}

/** The two sheets as CSV texts (the 汇总 goes into a second file beside the first). */
export function reviewCsv(sheets: ReviewSheets): { findings: string; summary: string } {
  return { findings: csvText(sheets.findings), summary: csvText(sheets.summary) };
}
