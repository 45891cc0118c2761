/**
 * Reviewing a workbook: every table of every sheet, scored by the one flow and never written.
 * `reviewGrids` is pure; `reviewWorkbookBytes` reads an .xlsx with the file host (Node and browser).
 */
import type { Profile } from "../core/types";
import { t } from "../i18n/catalog";
import "../i18n/review-messages";
import { analyzeRead, RECORD_SHEET } from "../sheet";
import type { ColumnMapping, GridSnapshot, WorkbookRecord } from "../sheet/types";
import type { RowOverride } from "../core/types";
import { loadWorkbook, readRecordAndSettings, workbookGrids } from "../hosts/file/workbook";
import { reviewTable, unreadable } from "./findings";
import type { WorkbookReview } from "./types";

export interface ReviewInput {
  file: string;
  grids: GridSnapshot[];
  record?: WorkbookRecord | null;
  settings?: {
    mappings?: Record<string, ColumnMapping>;
    overrides?: Record<string, Record<number, RowOverride>>;
  };
}

/** Every table of every sheet; a workbook without any table gives one P0 row saying so. */
export function reviewGrids(input: ReviewInput, profile: Profile): WorkbookReview {
  const out: WorkbookReview = { findings: [], tables: [] };
  let firstMiss: { sheet: string; message: string } | null = null;
  for (const grid of input.grids) {
    if (grid.sheet === RECORD_SHEET) continue;
    const { tables } = analyzeRead(
      { grid, record: input.record, settings: input.settings },
      { profile, file: input.file },
    );
    let n = 0;
    for (const a of tables) {
      if (a.layout === null) {
        firstMiss ??= { sheet: grid.sheet, message: a.report.diagnostics[0]?.message ?? "" };
        continue;
      }
      n++;
      const r = reviewTable({
        file: input.file,
        sheet: grid.sheet,
        table: n,
        report: a.report,
        layout: a.layout,
        grid,
      });
      out.findings.push(...r.findings);
      out.tables.push(r.summary);
    }
  }
  if (out.tables.length === 0) {
    const sheet = firstMiss?.sheet ?? "";
    return unreadable(
      input.file,
      sheet,
      "NO_TABLE_FOUND",
      firstMiss?.message || t("review.noSheets", { file: input.file }),
    );
  }
  return out;
}

/** Reads an .xlsx in memory and reviews it; a file that cannot be read gives one P0 row. */
export async function reviewWorkbookBytes(
  data: ArrayBuffer | Uint8Array,
  file: string,
  profile: Profile,
): Promise<WorkbookReview> {
  let input: ReviewInput;
  try {
    const wb = await loadWorkbook(data, file);
    const { record, settings } = readRecordAndSettings(wb);
    input = { file, grids: workbookGrids(wb), record, settings };
  } catch (e) {
    return unreadable(file, "", "UNREADABLE_FILE", e instanceof Error ? e.message : String(e));
  }
  try {
    return reviewGrids(input, profile);
  } catch (e) {
    return unreadable(
      file,
      "",
      "UNREADABLE_FILE",
      t("review.failed", { file, detail: e instanceof Error ? e.message : String(e) }),
    );
  }
}
