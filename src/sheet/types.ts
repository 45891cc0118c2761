/**
 * The pure middle: a grid snapshot (what every host reads) → layout → report → write plan.
 * No Office, DOM or file code here.
 */
import type { Locale } from "../i18n/catalog";
import type { Detection } from "./detect";
import type {
  CoreReport,
  DiagnosticCode,
  Field,
  Layout,
  Profile,
  RowOverride,
  Severity,
  WriteKind,
} from "../core/types";

export type CellValue = string | number | boolean | Date | null;

/** One cell of a snapshot. Absent cells (null in `cells`) are empty and unformatted. */
export interface GridCell {
  /** Value; for a formula, its cached result; for an error, its text (`#N/A`). */
  v: CellValue;
  /** Formula without the leading `=`, when the cell holds one. */
  f?: string;
  /** Number format, when not General. */
  fmt?: string;
  /** Displayed text, when the host knows it (Office `range.text`). */
  t?: string;
  /** The value is an Excel error. */
  err?: boolean;
}

/** A merged area, 1-based and inclusive, in sheet coordinates. */
export interface MergeArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * A rectangular snapshot of one sheet's used range. `cells[r][c]` is the cell at sheet
 * row `top + r`, column `left + c` (1-based sheet coordinates). Read-only: a host hands it
 * out as read, and whatever needs a changed grid makes a copy.
 */
export interface GridSnapshot {
  sheet: string;
  top: number;
  left: number;
  readonly cells: ReadonlyArray<ReadonlyArray<Readonly<GridCell> | null>>;
  readonly merges: ReadonlyArray<Readonly<MergeArea>>;
  readonly hiddenRows: readonly number[];
  readonly hiddenCols: readonly number[];
  /**
   * false when the host could not read merged areas (Office before ExcelApi 1.13): `merges`
   * is then empty, and a cell that looks empty may be covered by a merge.
   */
  mergesKnown?: boolean;
  /** The sheet is protected (hosts refuse to write). */
  protected?: boolean;
}

/** Column roles of LAYOUTS.md. */
export type ColumnRole =
  | "level1"
  | "level2"
  | "name"
  | "target"
  /** 调整指标值: where non-empty on a row, that row's target (TARGET_ADJUSTED). */
  | "adjustedTarget"
  | "actual"
  | "weight"
  | "score"
  | "note"
  | "direction"
  | "unit"
  | "ruleText";

/** A manual column mapping (LAYOUTS.md "When the reader cannot decide"), 1-based sheet columns. */
export interface ColumnMapping {
  /** First row of the indicator header band. */
  headerRow: number;
  /** Last row of the band (one to three rows, LAYOUTS.md step 2); absent: headerRow. */
  headerEnd?: number;
  columns: Partial<Record<ColumnRole, number>>;
}

/** What the reader found, with sheet coordinates (for the UI's 识别 step and for tests). */
export interface DetectedLayout {
  layout: Layout;
  /** First row of the indicator header band. */
  headerRow: number;
  /** Last row of the band (LAYOUTS.md step 2; absent in layouts made before it was kept). */
  headerEnd?: number;
  columns: Partial<Record<ColumnRole, number>>;
  /** First and last indicator rows (inclusive). */
  firstRow: number;
  lastRow: number;
  totalRow: number | null;
  budget: {
    headerRow: number;
    firstRow: number;
    lastRow: number;
    /** Budget column roles → sheet column. */
    columns: Partial<
      Record<
        "planned" | "budget" | "adjusted" | "executed" | "weight" | "rate" | "score" | "reason" | "label",
        number
      >
    >;
    totalRow: number | null;
  } | null;
  /** Sheet address of each (row, field) the core may name. Key: `${row}:${field}` or `note:${id}`. */
  cells: Record<string, string>;
  /** Sheet rows read as indicator rows, in order (header repeats, empty rows left out). */
  indicatorRows?: number[];
}

export interface ReportDiagnostic {
  code: DiagnosticCode;
  severity: Severity;
  cell: string | null;
  row: number | null;
  message: string;
}

export interface ReportWrite {
  cell: string;
  before: CellValue;
  after: number | string;
  kind: WriteKind;
}

/** REPORT.md: one scoring run over one sheet. Fields are added, never renamed or removed. */
export interface Report extends Omit<CoreReport, "diagnostics" | "writes" | "profile" | "judgementRows"> {
  file: string | null;
  sheet: string;
  /** Which table of the sheet (1-based, reading order; LAYOUTS.md step 7); absent in reports made before it was kept. */
  table?: number;
  /** Where the table lies (`A1:I29`); null when no table was found. */
  range?: string | null;
  layout: Layout | null;
  profile: string;
  diagnostics: ReportDiagnostic[];
  writes: ReportWrite[];
}

/** One planned cell change. `numFmt` is set when the cell's format should change with it (rates as 0.00%). */
export interface PlannedWrite {
  cell: string;
  row: number;
  col: number;
  before: CellValue;
  after: number | string;
  kind: WriteKind;
  numFmt?: string;
  /** What the core said about this cell (for grouping in the UI). */
  field: Field;
  /**
   * The person's own score given in a face (a judgement, a changed proposal): once written it is
   * recorded as theirs, not the program's (R-WRITE-2), so no later run replaces it.
   */
  person?: true;
}

/**
 * R-DEV: a draft deviation note for a row whose layout has no note column, attached to the
 * row's 三级指标 cell as a cell note (Excel note or comment), never written into a cell.
 */
export interface PlannedNote {
  cell: string;
  text: string;
}

/** Plan, then apply: the data shown before it is applied and recorded so it can be undone. */
export interface WritePlan {
  sheet: string;
  writes: PlannedWrite[];
  /**
   * Draft notes (`noteDrafts`). A host adds each where the cell has no note or comment yet,
   * refreshes one of its own drafts (text still starting with 【待补充】) and never touches a
   * person's; it ignores them where it cannot hold notes.
   */
  notes?: PlannedNote[];
}

/** R-WRITE-6: what the program wrote, per sheet and cell, travelling with the workbook. */
export interface LedgerEntry {
  sheet: string;
  cell: string;
  /** The value the program wrote there. */
  value: number | string;
  /** ISO time of the write. */
  at: string;
}

/** R-WRITE-4: one cell's state before a write, for exact restore. */
export interface BackupCell {
  cell: string;
  /** Value before (null: empty). */
  value: CellValue;
  /** Formula before (with `=`), if any. */
  formula?: string;
  numFmt?: string;
  /** Fill colour before (`#RRGGBB`), or null for no fill. */
  fill?: string | null;
}

/** R-WRITE-4: a cell note an apply added or refreshed, for exact restore. */
export interface BackupNote {
  cell: string;
  /** The note's text before; null: the cell had none (restore deletes the note). */
  before: string | null;
  /** The text written (restore leaves a note whose text was changed since). */
  after: string;
  /** How the Office host held it: an Excel note or a (threaded) comment; absent: a note. */
  kind?: "note" | "comment";
}

/** One highlighted cell. `color` is `#RRGGBB`. */
export interface HighlightMark {
  cell: string;
  color: string;
  /** The diagnostic code that asked for it (for the legend). */
  code: string;
}

/** One apply action that can be undone. */
export interface Backup {
  id: string;
  sheet: string;
  at: string;
  cells: BackupCell[];
  /**
   * R-WRITE-2/6: the ledger entries the backed-up cells had before the apply, put back by a
   * restore (set by `recordApplied`; absent in records made before it was kept).
   */
  ledger?: LedgerEntry[];
  /** Cell notes the apply added or refreshed (absent: none). */
  notes?: BackupNote[];
}

/** Everything the program keeps in the workbook (very hidden sheet `_jixiao`, see ledger.ts). */
export interface WorkbookRecord {
  ledger: LedgerEntry[];
  backups: Backup[];
  /** Highlight backups: each highlighted cell's fill before highlighting. */
  highlights: { sheet: string; cells: { cell: string; fill: string | null }[] }[];
}

export interface AnalyzeOptions {
  profile: Profile;
  recomputeAll?: boolean;
  /** Used instead of header detection. */
  mapping?: ColumnMapping | null;
  /** The sheet choice's detection of this snapshot, taken over instead of searching again. */
  detection?: Detection | null;
  /** The workbook's record (ledger), to tell the program's values from people's. */
  record?: WorkbookRecord | null;
  /** Per-row overrides stored by the host, keyed by sheet row. */
  overrides?: Record<number, RowOverride>;
  /** File name for the report (`file`). */
  file?: string | null;
  /**
   * R-QUAL: a person's scores for rows awaiting a judgement, by sheet row (given in the pane,
   * not in the sheet). One is taken when it lies from 0 to the row's weight.
   */
  judgements?: Readonly<Record<number, number>>;
  /** Which table of a sheet holding several (1-based; default 1). */
  table?: number;
  /** The language of the report's messages (default zh-CN, as the JSON report). */
  locale?: Locale;
}

export interface Analysis {
  report: Report;
  plan: WritePlan;
  /** null when no table was found (the report then carries NO_TABLE_FOUND). */
  layout: DetectedLayout | null;
  /** How many tables the sheet holds (LAYOUTS.md step 7); 0 when none was found. */
  tables?: number;
  /** Rows waiting for a person's judgement (R-QUAL), judgements given or not. */
  judgementRows: number[];
  /** Score cells written from `AnalyzeOptions.judgements`. */
  judged: string[];
}
