/** The 问题清单 and 汇总 sheets as rows of values (pure); the .xlsx and .csv writers lay them out. */
import type { Profile } from "../core/types";
import { t } from "../i18n/catalog";
import "../i18n/review-messages";
import { rollUp, rollUpSentence } from "./findings";
import type { Finding, TableSummary, WorkbookReview } from "./types";

export type Value = string | number | null;

export interface ReviewSheets {
  /** 问题清单: header row first. */
  findings: Value[][];
  /** 汇总: header row first, the tables, then the roll-up after one empty row. */
  summary: Value[][];
  /** Index (in `summary`) of the first roll-up row. */
  rollUpStart: number;
}

/** `自评表`, or `自评表（表2）` on a sheet holding several tables. */
function sheetLabel(sheet: string, table: number | null, several: boolean): string {
  return several && table !== null ? t("review.sheetTable", { sheet, table }) : sheet;
}

/** `(file, sheet)` → whether the sheet holds several tables, from the tables of the review. */
function severalTables(tables: readonly TableSummary[]): (file: string, sheet: string) => boolean {
  const perSheet = new Map<string, number>();
  for (const s of tables) {
    const k = `${s.file}\u0000${s.sheet}`;
    perSheet.set(k, Math.max(perSheet.get(k) ?? 0, s.table ?? 0));
  }
  return (file, sheet) => (perSheet.get(`${file}\u0000${sheet}`) ?? 0) > 1;
}

/** The 问题清单's header row. */
export function findingsHeader(): Value[] {
  return [
    t("review.col.level"),
    t("review.col.file"),
    t("review.col.sheet"),
    t("review.col.cell"),
    t("review.col.indicator"),
    t("review.col.finding"),
    t("review.col.basis"),
    t("review.col.suggestion"),
  ];
}

/** The 问题清单 rows of one or more workbooks' reviews (each workbook's tables are all in it). */
export function findingRows(review: WorkbookReview): Value[][] {
  const several = severalTables(review.tables);
  return review.findings.map((f) => findingRow(f, several(f.file, f.sheet)));
}

/** 汇总: header row, one row per table, an empty row, then the roll-up from `rollUpStart`. */
export function summarySheet(
  tables: readonly TableSummary[],
  profile: Pick<Profile, "gradeBands">,
): { rows: Value[][]; rollUpStart: number } {
  const several = severalTables(tables);
  const summary: Value[][] = [
    [
      t("review.col.file"),
      t("review.col.sheet"),
      t("review.col.project"),
      t("review.col.writtenTotal"),
      t("review.col.total"),
      t("review.col.grade"),
      "P0",
      "P1",
      "P2",
    ],
  ];
  for (const s of tables) summary.push(summaryRow(s, several(s.file, s.sheet)));
  summary.push([]);
  const rollUpStart = summary.length;
  const r = rollUp([...tables], profile);
  summary.push([
    t("review.sum.rollUp"),
    null,
    t("review.rollup.tables", { n: r.tables }),
    null,
    null,
    null,
    r.p0,
    r.p1,
    r.p2,
  ]);
  for (const g of r.grades) {
    const label =
      g.below !== null
        ? t("review.sum.gradeBelow", { grade: g.grade, min: g.below })
        : t("review.sum.grade", { grade: g.grade, min: g.min });
    summary.push([label, g.count]);
  }
  if (r.provisional > 0) summary.push([t("review.sum.provisional"), r.provisional]);
  if (r.unreadable > 0) summary.push([t("review.sum.unreadable"), r.unreadable]);
  summary.push([rollUpSentence(r)]);
  return { rows: summary, rollUpStart };
}

export function reviewSheets(review: WorkbookReview, profile: Pick<Profile, "gradeBands">): ReviewSheets {
  const { rows, rollUpStart } = summarySheet(review.tables, profile);
  return { findings: [findingsHeader(), ...findingRows(review)], summary: rows, rollUpStart };
}

function findingRow(f: Finding, several: boolean): Value[] {
  return [
    f.level,
    f.file,
    sheetLabel(f.sheet, f.table, several),
    f.cell,
    f.indicator,
    f.finding,
    f.basis,
    f.suggestion,
  ];
}

function summaryRow(s: TableSummary, several: boolean): Value[] {
  const grade =
    s.grade === null
      ? null
      : s.gradeProvisional || s.totalProvisional
        ? `${s.grade}${t("review.provisional")}`
        : s.grade;
  return [
    s.file,
    sheetLabel(s.sheet, s.table, several),
    s.project,
    s.writtenTotal,
    s.total,
    grade,
    s.p0,
    s.p1,
    s.p2,
  ];
}
