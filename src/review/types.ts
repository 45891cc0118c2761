/** The 问题清单 (REPORT.md "The 问题清单"): findings and the per-table 汇总, as plain data. */

export type Level = "P0" | "P1" | "P2";

/** One row of the 问题清单. */
export interface Finding {
  level: Level;
  file: string;
  sheet: string;
  /** Which table of the sheet (1-based); null for a file that could not be read. */
  table: number | null;
  /** The cell the finding concerns; the table's range (or '') when it concerns the whole table. */
  cell: string;
  row: number | null;
  /** 指标: the 三级指标, 预算执行率, 总分 …; '' for the whole table. */
  indicator: string;
  /** Diagnostic code (SCORING.md §7) or indicator-setting check code. */
  code: string;
  /** 发现 */
  finding: string;
  /** Rule id (R-…, S-…), cited in 依据 with its short name. */
  rule: string;
  /** 依据 */
  basis: string;
  /** 建议 */
  suggestion: string;
}

/** One row of the 汇总 sheet: one table. */
export interface TableSummary {
  file: string;
  sheet: string;
  table: number | null;
  range: string | null;
  /** 项目名称 from the table's header rows; null when none was found. */
  project: string | null;
  /** 自评总分: the total as written in the table; null when none is written. */
  writtenTotal: number | null;
  /** 复核总分: the total as computed. */
  total: number | null;
  totalProvisional: boolean;
  grade: string | null;
  gradeProvisional: boolean;
  p0: number;
  p1: number;
  p2: number;
  /** The file could not be read (its one finding says why). */
  unreadable?: boolean;
}

/** What reviewing one workbook gives. */
export interface WorkbookReview {
  findings: Finding[];
  tables: TableSummary[];
}

/** The roll-up at the foot of 汇总 (how a department report quotes the results). */
export interface RollUp {
  tables: number;
  /** Tables per grade, in the profile's band order (provisional totals not counted here). */
  grades: { grade: string; min: number; below: number | null; count: number }[];
  provisional: number;
  unreadable: number;
  p0: number;
  p1: number;
  p2: number;
}
