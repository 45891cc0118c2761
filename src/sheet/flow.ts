/**
 * The scoring flow every face and host calls: what a host read of one sheet, and what the
 * user chose, → one analysis per table found and the sheet's write plan.
 */
import type { Profile, RowOverride } from "../core/types";
import type { Locale } from "../i18n/catalog";
import { analyzeTables, mergePlans } from "./analyze";
import type { Detection } from "./detect";
import type { Analysis, ColumnMapping, GridSnapshot, WorkbookRecord, WritePlan } from "./types";

/** What a host read of a sheet (a host's `SheetRead` is one). */
export interface SheetInput {
  grid: GridSnapshot;
  /** The sheet choice's detection of `grid`, when the host chose the sheet (`chooseSheetDetected`). */
  detection?: Detection | null;
  /** The workbook's record (ledger), to tell the program's values from people's (R-WRITE-2). */
  record?: WorkbookRecord | null;
  /** The workbook's settings: manual column mappings and per-row overrides, by sheet name. */
  settings?: {
    mappings?: Record<string, ColumnMapping>;
    overrides?: Record<string, Record<number, RowOverride>>;
  };
}

/** What the user chose for this run. */
export interface ScoreChoices {
  profile: Profile;
  /** 全部按规则重算 (R-WRITE-2): people's scores are replaced too. */
  recomputeAll?: boolean;
  /** File name for the report (`file`). */
  file?: string | null;
  /** R-QUAL: a person's scores for rows awaiting a judgement, by sheet row. */
  judgements?: Readonly<Record<number, number>>;
  /** The language of the report's messages (default zh-CN, as the JSON report). */
  locale?: Locale;
}

export interface SheetAnalysis {
  sheet: string;
  /**
   * One analysis per table found on the sheet, top to bottom; never empty: a sheet where no
   * table was found gives one analysis with `layout` null (NO_TABLE_FOUND).
   */
  tables: Analysis[];
  /** Every table's writes and notes: what a host applies. */
  plan: WritePlan;
}

/** Scores one sheet as read: manual mapping and overrides of the sheet come from the settings. */
export function analyzeRead(read: SheetInput, choices: ScoreChoices): SheetAnalysis {
  const sheet = read.grid.sheet;
  const tables = analyzeTables(read.grid, {
    profile: choices.profile,
    recomputeAll: choices.recomputeAll ?? false,
    mapping: read.settings?.mappings?.[sheet] ?? null,
    detection: read.detection ?? null,
    record: read.record ?? null,
    overrides: read.settings?.overrides?.[sheet],
    file: choices.file ?? null,
    judgements: choices.judgements,
    locale: choices.locale,
  });
  const plan = tables.length === 1 ? tables[0].plan : mergePlans(tables.map((t) => t.plan));
  return { sheet, tables, plan };
}

/** The first table found (the one a face shows when it shows one), or the no-table analysis. */
export function firstTable(result: SheetAnalysis): Analysis {
  return result.tables.find((t) => t.layout !== null) ?? result.tables[0];
}
