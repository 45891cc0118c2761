/** Standard tables and indicator sets (TEMPLATES.md), as pure data both hosts render. */
import type { Locale } from "../i18n/catalog";

/** L1–L4 (TEMPLATES.md T1–T4); `L1-2021` / `L2-2021`: the 财预〔2021〕101号 table, 成本指标 first. */
export const TEMPLATE_KINDS = ["L1", "L2", "L3", "L4", "L1-2021", "L2-2021"] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

/** One indicator of the library, insertable as a row. */
export interface IndicatorTemplateRow {
  level1: string;
  level2: string;
  name: string;
  /** Suggested target (e.g. `≥90%`), or '' to fill in. */
  target: string;
  /** Unit hint (亿元, 个, %). */
  unit?: string;
  /** 指标性质 for L2 (≥ ≤ ＝ 定性). */
  direction?: string;
  weight?: number;
  /** How to fill the row in (e.g. the date form of a 完成时间 target), for the UI. */
  hint?: string;
}

/** A group of the indicator library (共性指标 by 二级指标, or a sector set). */
export interface IndicatorGroup {
  id: string;
  title: string;
  rows: IndicatorTemplateRow[];
}

/** Options of `buildTemplate`. */
export interface TemplateOptions {
  /** The language of the input checks' messages (default zh-CN); the table itself is Chinese. */
  locale?: Locale;
  /** Year shown in the title (`（2021年度）`); a blank year to fill in when absent. */
  year?: number;
  /** 项目名称 (L1, L2, L3) or 部门名称 (L4). */
  projectName?: string;
  /**
   * L1/L2: empty 三级指标 rows under each 二级指标 (default 2), or per 二级指标 name
   * (names not listed get the default).
   */
  rows?: number | Record<string, number>;
  /** L1/L2: indicators placed under their 二级指标 instead of empty rows. */
  indicators?: IndicatorTemplateRow[];
  /**
   * L3 weighting: `separate` (default) 决策15/过程15/产出35/效益25/满意度10;
   * `inBenefit` 决策15/过程25/产出35/效益25 with 满意度 inside 效益.
   */
  satisfaction?: "separate" | "inBenefit";
}

export interface TemplateCell {
  /** A1 address. */
  cell: string;
  value: string | number | null;
  formula?: string;
  numFmt?: string;
  bold?: boolean;
  align?: "left" | "center" | "right";
  wrap?: boolean;
  fill?: string;
  /** Font size in points (default 11). */
  size?: number;
}

/** A rendered standard table: what a host writes into a fresh sheet. */
export interface TemplateSheet {
  name: string;
  cells: TemplateCell[];
  merges: string[];
  /** Column widths in characters, from column A. */
  widths: number[];
  /** Range that gets thin borders. */
  borderRange: string;
  /** Title of the message shown on a wrong entry. */
  errorTitle: string;
  /** List validations: range → allowed values (`error`: message shown on a wrong entry). */
  validations: { range: string; list: string[]; error?: string }[];
  /** Decimal validations: range → allowed interval, inclusive (分值 0–100). */
  decimalValidations?: { range: string; min: number; max: number; error?: string }[];
  /** Row heights in points, for rows holding long wrapped text. */
  heights?: { row: number; height: number }[];
}
