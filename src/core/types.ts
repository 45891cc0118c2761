/**
 * Plain-data types of the scoring core (SCORING.md). The core sees rows, not sheet
 * addresses: every row is identified by its sheet row number, and every diagnostic names
 * the row and the *field* it concerns; the sheet layer turns (row, field) into a cell.
 */

import type { Message } from "./messages";

export type { Message, MessageParam, CoreMessageKey } from "./messages";

export type Severity = "error" | "warning" | "info";

export type DiagnosticCode =
  | "NO_TABLE_FOUND"
  | "UNREADABLE_FILE"
  | "UNPARSEABLE_VALUE"
  | "MISSING_TARGET"
  | "MISSING_ACTUAL"
  | "MISSING_WEIGHT"
  | "UNIT_MISMATCH"
  | "UNIT_ASSUMED"
  | "SCORE_EXCEEDS_WEIGHT"
  | "SCORE_MISMATCH"
  | "RATE_MISMATCH"
  | "TOTAL_MISMATCH"
  | "TOTAL_INCOMPLETE"
  | "WEIGHT_SUM"
  | "LEVEL_WEIGHT_MISMATCH"
  | "QUALITATIVE_NEEDS_JUDGEMENT"
  | "QUALITATIVE_BAND"
  | "UNDER_TARGET"
  | "OVER_COMPLETION"
  | "LOW_EXECUTION"
  | "EXECUTION_OVER_100"
  | "BUDGET_MISSING"
  | "BUDGET_DENOMINATOR"
  | "PERF_EXEC_MISMATCH"
  | "DEVIATION_NOTE_REQUIRED"
  | "FORMULA_KEPT"
  | "MERGES_UNKNOWN"
  | "MULTIPLE_TABLES"
  | "TARGET_ADJUSTED"
  | "BUDGET_TOTAL_FROM_SUBROWS"
  | "DIRECTION_UNKNOWN"
  | "ACTUAL_AS_WORD"
  | "GRADE_MISMATCH";

export type Layout = "L1" | "L2" | "L3" | "L4" | "L5";

/** Which cell of a row a diagnostic or a write concerns. */
export type Field =
  | "name"
  | "target"
  | "actual"
  | "weight"
  | "score"
  | "note"
  /** The direction cell (指标性质 / 计算符号), named by DIRECTION_UNKNOWN; never written. */
  | "direction"
  | "budgetRate"
  | "budgetScore"
  | "budgetWeight"
  | "budgetDenominator"
  /** The 执行数 cell of a budget row (named by diagnostics only; never written). */
  | "budgetExecuted"
  | "budgetReason"
  | "total"
  | "grade";

export type Direction = "positive" | "reverse" | "equal" | "range" | "date" | "qualitative";

export type RuleId = "R-POS" | "R-REV" | "R-EQ" | "R-DATE" | "R-BIN" | "R-RATE" | "R-QUAL";

export type ScoreSource = "computed" | "person" | "formula" | "proposed" | "none";

export type Grade = "优" | "良" | "中" | "差";

/**
 * Who put the value that is in a score, rate, total or grade cell (R-WRITE-2):
 * - `empty`: nothing there;
 * - `person`: a value nobody recorded: a person's;
 * - `formula`: the cell holds a formula (value = its cached result);
 * - `program`: the workbook's ledger says this program wrote this very value last time.
 */
export type CellOrigin = "empty" | "person" | "formula" | "program";

/** A cell's content as the core sees it. */
export interface CellInput {
  /** Number, string, boolean, Date (date cells) or null (empty). A formula cell gives its cached result. */
  value: string | number | boolean | Date | null;
  /** Excel number format (`General`, `0.00%`, `yyyy-mm-dd`); absent means General. */
  numFmt?: string;
  /** The text as the sheet displays it, when the host knows it (Office does; exceljs does not). */
  text?: string;
  /** True when the cell holds a formula. */
  formula?: boolean;
  /** True when the value is an Excel error (#N/A, #DIV/0!, …); `value` then holds its text. */
  error?: boolean;
}

/** A note cell (deviation note or budget reason). Rows sharing one merged note cell share its id. */
export interface NoteRef {
  /** Opaque id chosen by the reader (the anchor cell's address). */
  id: string;
  /** Current text; null when empty. */
  text: string | null;
  /** True when the cell holds a formula (never written). */
  formula?: boolean;
}

/** Per-row choices stored by a host (UI) that override what the core would infer. */
export interface RowOverride {
  direction?: Direction;
  rule?: RuleId;
}

export interface IndicatorRowInput {
  /** Sheet row number (1-based). Echoed as `row` everywhere. */
  row: number;
  /** Level labels as written, inherited from merged cells by the reader ('' when none). */
  level1: string;
  level2: string;
  /** 三级指标 as written. */
  name: string;
  /** null when the layout has no such column (L3): the row is then a judgement row. */
  target: CellInput | null;
  actual: CellInput | null;
  weight: CellInput | null;
  /** The score cell (null only when the layout has no score column). */
  score: CellInput | null;
  scoreOrigin: CellOrigin;
  /** Direction column text (指标性质 / 计算符号), L2. */
  direction?: string | null;
  /** Unit column text (度量单位), applies to target and actual. */
  unit?: string | null;
  /** Scoring-rule text (评分标准 / 指标说明 …), R-TEXT. */
  ruleText?: string | null;
  /** The row's deviation-note cell; null when the layout has none. */
  note?: NoteRef | null;
  override?: RowOverride;
}

export interface BudgetRowInput {
  row: number;
  label: string;
  /** 年初预算数 / 年初预算 */
  planned: CellInput | null;
  /** 全年预算数 */
  budget: CellInput | null;
  /** 调整后预算数 */
  adjusted: CellInput | null;
  /** 全年执行数 / 预算执行数 */
  executed: CellInput | null;
  /** The 执行率 cell; null when the block has no rate column. */
  rate: CellInput | null;
  rateOrigin: CellOrigin;
}

export interface BudgetTotalInput extends BudgetRowInput {
  /** 分值 / 权重 cell of the total row. */
  weight: CellInput | null;
  /** 得分 cell of the total row; null when the block has no score column. */
  score: CellInput | null;
  scoreOrigin: CellOrigin;
  /** The reason (原因) cell, when the block has a reason column. */
  reason: NoteRef | null;
}

export interface BudgetInput {
  /** Which denominator columns the block has (R-BUDGET). */
  columns: { planned: boolean; budget: boolean; adjusted: boolean; executed: boolean };
  /** The row labelled 年度资金总额 / 合计 / 资金总额; null when the block has none. */
  total: BudgetTotalInput | null;
  subRows: BudgetRowInput[];
}

export interface TotalRowInput {
  row: number;
  /** The total row's score cell (null when the table total row has no score column cell). */
  score: CellInput | null;
  scoreOrigin: CellOrigin;
}

export interface GradeCellInput {
  row: number;
  value: CellInput | null;
  origin: CellOrigin;
}

export interface TableInput {
  layout: Layout;
  indicators: IndicatorRowInput[];
  /** null: the table has no budget block (L3, L5). */
  budget: BudgetInput | null;
  totalRow: TotalRowInput | null;
  gradeCell?: GradeCellInput | null;
}

export interface GradeBand {
  grade: Grade;
  min: number;
}

export interface GradeCap {
  when: string;
  maxGrade: Grade;
}

/** SCORING.md §8. */
export interface Profile {
  name: string;
  decimals: number;
  totalPolicy: "sum-of-rounded" | "round-of-sum";
  budgetWeightDefault: number;
  budgetDenominator: "全年预算数" | "调整后预算数" | "年初预算数";
  reverseMode: "ratio" | "linear" | "binary";
  overCompletionFactor: number;
  overCompletionNoteRequired: boolean;
  lowExecutionThreshold: number;
  qualitativeBands: [number, number];
  gradeBands: GradeBand[];
  gradeCaps: GradeCap[];
  rescaleNotApplicable: boolean;
  ladders: string[][];
  /** R-THRESHOLD (101号): completion below this fraction scores 0; null: off. */
  completionThreshold: number | null;
  /** R-BUDGET bands (101号): `{min, share}` of the weight by execution rate; null: w·min(rate, 1). */
  budgetBands: ProfileBand[] | null;
  /** R-SAT (101号): satisfaction rows score `{min, share}` of the weight by their actual; null: off. */
  satisfactionBands: ProfileBand[] | null;
}

/** A band of `budgetBands` / `satisfactionBands`: from `min` (a fraction) up, `share` of the weight. */
export interface ProfileBand {
  min: number;
  share: number;
}

export interface ScoreOptions {
  profile: Profile;
  /** 全部按规则重算 / --recompute-all: people's scores are replaced too (never formulas). */
  recomputeAll?: boolean;
  /**
   * R-QUAL: a person's scores for rows awaiting a judgement, or holding a proposal not yet
   * written (the person's score in place of it), by sheet row (given outside the sheet).
   */
  judgements?: Readonly<Record<number, number>>;
}

export interface CoreDiagnostic {
  code: DiagnosticCode;
  severity: Severity;
  /** Sheet row; null when it concerns the whole table (WEIGHT_SUM). */
  row: number | null;
  /** Which cell of the row; null with row null, or when no single cell fits. */
  field: Field | null;
  /** With field 'note' / 'budgetReason': the note id. */
  noteId?: string;
  /** What to tell the person, as data (catalog key + parameters); worded by src/i18n. */
  message: Message;
}

/** Allowed score range of a qualitative row (R-QUAL bands), for the UI. */
export interface QualitativeBands {
  /** 达成 [b0·w, w] */
  achieved: [number, number];
  /** 部分达成 [b1·w, b0·w) */
  partial: [number, number];
  /** 未达成 [0, b1·w) */
  notAchieved: [number, number];
}

export interface IndicatorResult {
  row: number;
  level1: string;
  level2: string;
  name: string;
  /** As the sheet displays it (L2: operator + value + unit composed). */
  target: string | null;
  actual: string | null;
  direction: Direction | null;
  rule: RuleId | null;
  weight: number | null;
  score: number | null;
  scoreSource: ScoreSource;
  ruleScore: number | null;
  completion: number | null;
  flags: DiagnosticCode[];
  /** Qualitative rows: the three bands; else null. */
  bands: QualitativeBands | null;
  /**
   * R-DEV: the draft note (`【待补充】…`) of a row that needs a deviation note and has no note
   * cell to hold it; absent otherwise. Hosts may attach it to the row as an Excel note.
   */
  draftNote?: string;
}

export interface BudgetSubResult {
  row: number;
  label: string;
  rate: number | null;
}

export interface BudgetResult {
  row: number | null;
  planned: number | null;
  /** The denominator used. */
  budget: number | null;
  executed: number | null;
  rate: number | null;
  weight: number | null;
  score: number | null;
  scoreSource: ScoreSource;
  /** Which column the denominator came from. */
  denominator: "全年预算数" | "调整后预算数" | "年初预算数" | null;
  subRows: BudgetSubResult[];
}

export type WriteKind = "score" | "rate" | "total" | "grade" | "note";

/** A value the core wants in a cell, after R-WRITE-2/3 (origins) and R-WRITE-1 (equal values are not listed). */
export interface CoreWrite {
  row: number;
  field: Field;
  /** With field 'note' / 'budgetReason': the note id (the reader's anchor address). */
  noteId?: string;
  before: string | number | boolean | Date | null;
  after: number | string;
  kind: WriteKind;
  /** A person's judgement given outside the sheet (R-QUAL), written into the score cell. */
  judgement?: true;
}

export interface CoreReport {
  profile: string;
  budget: BudgetResult | null;
  indicators: IndicatorResult[];
  total: number | null;
  totalProvisional: boolean;
  grade: Grade | null;
  gradeProvisional: boolean;
  gradeCap: GradeCap | null;
  diagnostics: CoreDiagnostic[];
  /** Judgements first, then the rules' writes. */
  writes: CoreWrite[];
  /** Rows waiting for a person's judgement (R-QUAL), judgements given or not. */
  judgementRows: number[];
}
