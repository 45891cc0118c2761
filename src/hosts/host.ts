/**
 * What a face (task pane, ribbon command) asks of a host. Two hosts implement it: the
 * Office host (Office.js: one read round trip, one write round trip) and the file host
 * (exceljs over an uploaded .xlsx in the browser, or a file in Node).
 */
import { formatMessage, type Locale, type UiMessage } from "../i18n/catalog";
import type { Detection } from "../sheet";
import type { GridSnapshot, WorkbookRecord, WritePlan, ColumnMapping } from "../sheet/types";
import type { RowOverride } from "../core/types";
import type { TemplateKind, IndicatorTemplateRow } from "../templates/types";

/** Settings kept per workbook (Office: document settings; file host: in the record sheet). */
export interface WorkbookSettings {
  /** Preset name or a custom profile object. */
  profile?: string | Record<string, unknown>;
  /** Manual column mapping per sheet name. */
  mappings?: Record<string, ColumnMapping>;
  /** Per-row overrides per sheet name, keyed by sheet row. */
  overrides?: Record<string, Record<number, RowOverride>>;
  locale?: "zh-CN" | "en-US";
}

export interface SheetRead {
  grid: GridSnapshot;
  /** The sheet choice's detection of `grid`, when the host chose the sheet: the analysis takes it over. */
  detection?: Detection | null;
  record: WorkbookRecord;
  settings: WorkbookSettings;
}

export interface ApplyResult {
  /** Cells written. */
  written: number;
  /** Id of the backup that restores them. */
  backupId: string;
  /** Cell notes added or refreshed (`WritePlan.notes`); absent when the plan had none. */
  notes?: number;
  /**
   * Cells whose draft note Excel refused (a person's legacy note that the API before
   * ExcelApi 1.18 cannot see): the draft stays in the pane. Absent: none.
   */
  notesRefused?: string[];
}

export interface RestoreResult {
  restored: number;
  /** Cell notes removed or put back (absent: none). */
  notes?: number;
}

export type { HighlightMark } from "../sheet/types";
import type { HighlightMark } from "../sheet/types";

/**
 * A host error, nothing written. `text` is its message as data, for a face to word in its
 * locale (`errorText(e, locale)`); `message` is the zh-CN wording.
 */
export class HostError extends Error {
  constructor(
    public readonly code:
      | "PROTECTED"
      | "CELL_EDIT_MODE"
      | "PAYLOAD_TOO_LARGE"
      | "API_TOO_OLD"
      | "NOTHING_TO_RESTORE"
      | "STALE"
      | "UNREADABLE"
      | "UNKNOWN",
    public readonly text: UiMessage,
  ) {
    super(formatMessage(text, "zh-CN"));
    this.name = "HostError";
  }
}

export interface WorkbookHost {
  readonly kind: "office" | "file";
  /** Reads the active sheet (or the named one) in one round trip. */
  readSheet(sheet?: string): Promise<SheetRead>;
  /** Applies a plan in one round trip, recording a backup and the ledger in the same batch. */
  apply(plan: WritePlan): Promise<ApplyResult>;
  /** Restores the cells of the latest backup exactly (value, formula, fill, format). */
  restore(): Promise<RestoreResult>;
  highlight(sheet: string, marks: HighlightMark[]): Promise<void>;
  /** Restores every highlighted cell's earlier fill exactly. */
  clearHighlights(sheet: string): Promise<void>;
  saveSettings(settings: WorkbookSettings): Promise<void>;
  /** Inserts a new sheet holding a standard table (input checks worded in `locale`); returns its name. */
  insertTemplate(kind: TemplateKind, locale?: Locale): Promise<string>;
  /** Inserts indicator rows into the current table (below the selected row / at the block's end). */
  insertIndicators(rows: IndicatorTemplateRow[]): Promise<number>;
  /** Selects a cell (diagnostic click-through); a no-op where there is no sheet to show. */
  selectCell(sheet: string, cell: string): Promise<void>;
  /**
   * Whether `apply` can hold `WritePlan.notes` as cell notes (R-DEV); where it cannot, the
   * pane alone shows them. Absent: it can.
   */
  supportsNotes?(): boolean;
}
