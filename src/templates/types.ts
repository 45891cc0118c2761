/** Standard tables and indicator sets (TEMPLATES.md), as pure data both hosts render. */

export type TemplateKind = "L1" | "L2" | "L3" | "L4";

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
  /** List validations: range → allowed values. */
  validations: { range: string; list: string[] }[];
}
