/**
 * The Excel add-in host (Office.js). Reading a sheet is one `context.sync`; applying a plan
 * is one more, the backup written into the very hidden record sheet in the same batch as the
 * cells (R-WRITE-6). Each job lives in its own module, working on one session:
 *
 * - sheet-state.ts — reading a sheet and keeping what was read (read.ts: the Office.js reads);
 * - apply.ts — applying a plan (write.ts: cell runs and request sizes; notes.ts: draft notes);
 * - restore.ts — restoring the latest backup;
 * - highlights.ts — highlighting cells and clearing them;
 * - record-io.ts — the record sheet; settings.ts — the document settings;
 * - templates.ts, indicators.ts — inserting a standard table or indicator rows;
 * - staleness.ts — whether a sheet changed since it was read.
 *
 * Snapshots are read-only: `readSheet` hands out the snapshot as read, and an `apply` keeps a
 * copy holding what it wrote, never changing the one a caller holds.
 */
import type { Locale } from "../../i18n/catalog";
import { parseAddress, parseRange } from "../../sheet/address";
import type { WritePlan } from "../../sheet/types";
import type { IndicatorTemplateRow, TemplateKind } from "../../templates/types";
import type { HighlightMark, WorkbookHost, WorkbookSettings } from "../host";
import { applyPlan } from "./apply";
import { officeEnv, type OfficeEnv } from "./env";
import { clearHighlights, highlightCells } from "./highlights";
import { insertIndicatorRows } from "./indicators";
import { noteMode } from "./notes";
import { restoreLatest } from "./restore";
import { OfficeSession } from "./session";
import { refreshSettings, saveSettings } from "./settings";
import { readState } from "./sheet-state";
import { insertTemplateSheet } from "./templates";

export { SETTINGS_KEY } from "./settings";

export class OfficeHost implements WorkbookHost {
  readonly kind = "office" as const;
  private readonly session: OfficeSession;

  constructor(env?: OfficeEnv) {
    this.session = new OfficeSession(env ?? officeEnv());
  }

  /** Number of batches that failed to read in one go and were read in steps. */
  get fallbackReads(): number {
    return this.session.fallbackReads;
  }

  async readSheet(sheet?: string): ReturnType<WorkbookHost["readSheet"]> {
    this.session.requireApi();
    await refreshSettings(this.session.env);
    const state = await readState(this.session, sheet);
    return {
      grid: state.grid,
      record: state.record,
      settings: this.session.mergedSettings(state.recordSettings),
    };
  }

  apply(plan: WritePlan): ReturnType<WorkbookHost["apply"]> {
    return applyPlan(this.session, plan);
  }

  restore(): ReturnType<WorkbookHost["restore"]> {
    return restoreLatest(this.session);
  }

  highlight(sheet: string, marks: HighlightMark[]): Promise<void> {
    return highlightCells(this.session, sheet, marks);
  }

  clearHighlights(sheet: string): Promise<void> {
    return clearHighlights(this.session, sheet);
  }

  saveSettings(settings: WorkbookSettings): Promise<void> {
    return saveSettings(this.session.env, settings);
  }

  insertTemplate(kind: TemplateKind, locale?: Locale): Promise<string> {
    return insertTemplateSheet(this.session, kind, locale);
  }

  insertIndicators(rows: IndicatorTemplateRow[]): Promise<number> {
    return insertIndicatorRows(this.session, rows);
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    this.session.requireApi();
    if (!parseAddress(cell) && !parseRange(cell)) return;
    await this.session.run(sheet, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await ctx.sync();
    });
  }

  supportsNotes(): boolean {
    return noteMode(this.session) !== null;
  }
}

/** The host the task pane and the ribbon commands use inside Excel. */
export function createOfficeHost(env?: OfficeEnv): OfficeHost {
  return new OfficeHost(env);
}
