/**
 * The Excel add-in host (Office.js). Reading a sheet is one `context.sync`; applying a
 * plan is one more: the backup (value, formula, number format, fill of every cell about
 * to change, R-WRITE-4) comes from the snapshot taken by `readSheet`, and is written into
 * the very hidden record sheet in the same batch as the cells (R-WRITE-6).
 *
 * Staleness: after a read, the sheet's `onChanged` event (ExcelApi 1.7) marks the
 * snapshot out of date, so `apply` refuses (STALE) without another round trip. Where the
 * event could not be registered, `apply` compares the cells once more before writing.
 */
/*
 * The office-addins load/sync rules follow one function at a time: here loads are queued
 * by helpers (queueBlock, queueMerges, readRecordWith's callbacks) and read after the sync
 * by their callers, and some syncs are conditional. The tests' fake request context
 * throws on any property read before it was loaded and synced, which checks what these
 * rules cannot.
 */
/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load */
import { uiMessage, type Locale } from "../../i18n/catalog";
import { isDraftNote, resolveProfile } from "../../core";
import {
  analyzeRead,
  recordApplied,
  recordHighlighted,
  recordRestored,
  recordUnhighlighted,
} from "../../sheet";
import { address as a1, columnLetters, parseAddress, parseRange } from "../../sheet/address";
import type {
  Backup,
  BackupCell,
  BackupNote,
  CellValue,
  GridCell,
  GridSnapshot,
  PlannedNote,
  WorkbookRecord,
  WritePlan,
} from "../../sheet/types";
import { buildTemplate, splitTarget } from "../../templates";
import type { IndicatorTemplateRow, TemplateKind, TemplateSheet } from "../../templates/types";
import {
  HostError,
  type ApplyResult,
  type HighlightMark,
  type RestoreResult,
  type SheetRead,
  type WorkbookHost,
  type WorkbookSettings,
} from "../host";
import { officeEnv, type OfficeEnv } from "./env";
import { isPayloadError, officeErrorCode, sheetLabel, toHostError } from "./errors";
import { WEB_PAYLOAD_BUDGET, jsonBytes, payloadBudget, utf8Length } from "./payload";
import {
  DEFAULT_BYTES_PER_CELL,
  MERGE_FRAME_ROWS,
  boxOfGrid,
  fillOf,
  legacyFill,
  loadRecordRows,
  readInSteps,
  readOnce,
  type Fill,
  type RawSheet,
  type ReadEnv,
  type UsedBox,
} from "./read";
import { RECORD_SHEET, readRecord, recordRows } from "./record-io";
import { ChangeTracker, sameValue, firstChangedCell, type Mark } from "./staleness";
import {
  RANGE_OVERHEAD_BYTES,
  cellRuns,
  literal,
  packRequests,
  runItem,
  unliteral,
  type CellRun,
  type WriteItem,
} from "./write";

/** Key of the workbook settings in `Office.context.document.settings`. */
export const SETTINGS_KEY = "jixiao";

/** Characters of record the web host writes in one request (the rest of the 5 MB is the cells). */
export const RECORD_WEB_BUDGET = 1_000_000;
export { WEB_PAYLOAD_BUDGET };

interface SheetState {
  grid: GridSnapshot;
  sheetId: string;
  /** Fills per A1 address; absent where the API could not tell (ExcelApi < 1.9). */
  fills: Map<string, Fill>;
  record: WorkbookRecord;
  recordSettings: WorkbookSettings;
  recordExists: boolean;
  workbookProtected: boolean;
  /** Where the sheet's change events stood at the read. */
  mark: Mark;
  /** Notes and comments on the sheet at the read (ExcelApi 1.18 / 1.10); null: not known. */
  noteCount: number | null;
  commentCount: number | null;
}

/** A cell's note or comment, as found before writing or restoring one. */
interface ExistingNote {
  kind: "note" | "comment";
  text: string;
}

/** `Sheet!$D$13` → `D13`. */
function localCell(address: string): string {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  return local.replace(/\$/g, "").toUpperCase();
}

export { literal };

export class OfficeHost implements WorkbookHost {
  readonly kind = "office" as const;
  private readonly env: OfficeEnv;
  private readonly states = new Map<string, SheetState>();
  /** Each sheet's used range and bytes per cell at its last read (for the payload estimate). */
  private readonly sizes = new Map<string, { box: UsedBox; bytesPerCell: number }>();
  /** Change events per worksheet id, and the add-in's own writes. */
  private readonly tracker = new ChangeTracker();
  /** Sheets whose change event is registered (a named read registers no second one). */
  private readonly trackedNames = new Set<string>();
  private lastActive: string | null = null;
  /** Bytes of the record sheet at the last read or write (part of the read's payload). */
  private recordBytes = 0;
  /** Number of batches that failed to read in one go and were read in steps. */
  fallbackReads = 0;

  constructor(env?: OfficeEnv) {
    this.env = env ?? officeEnv();
  }

  private has(version: string): boolean {
    return this.env.isSetSupported("ExcelApi", version);
  }

  private requireApi(): void {
    if (!this.has("1.7")) throw new HostError("API_TOO_OLD", uiMessage("office.err.apiTooOld"));
  }

  private async run<T>(
    sheet: string | undefined,
    batch: (ctx: Excel.RequestContext) => Promise<T>,
  ): Promise<T> {
    try {
      return await this.env.run(batch);
    } catch (e) {
      throw toHostError(e, sheet ?? this.lastActive ?? undefined);
    }
  }

  // ---------------------------------------------------------------- reading

  async readSheet(sheet?: string): Promise<SheetRead> {
    this.requireApi();
    await this.refreshSettings();
    const state = await this.readState(sheet);
    return { grid: state.grid, record: state.record, settings: this.mergedSettings(state.recordSettings) };
  }

  /** Settings another runtime (the task pane) saved since this one loaded them. */
  private async refreshSettings(): Promise<void> {
    const store = this.env.settings;
    if (!store?.refreshAsync) return;
    await new Promise<void>((resolve) => store.refreshAsync!(() => resolve()));
  }

  private mergedSettings(fromRecord: WorkbookSettings): WorkbookSettings {
    return { ...fromRecord, ...this.documentSettings() };
  }

  private documentSettings(): WorkbookSettings {
    const raw = this.env.settings?.get(SETTINGS_KEY);
    if (!raw) return {};
    if (typeof raw === "string") {
      try {
        return JSON.parse(raw) as WorkbookSettings;
      } catch {
        return {};
      }
    }
    return raw as WorkbookSettings;
  }

  private readEnv(): ReadEnv {
    return { has: (v) => this.has(v), web: this.env.web, tracker: this.tracker };
  }

  private async readState(sheet?: string): Promise<SheetState> {
    // What the last read of this sheet (or, for the active sheet, of the last active one)
    // cost: only a guess until the sync says which sheet was read.
    const guess = this.sizes.get(sheet ?? this.lastActive ?? "");
    const cost = guess?.bytesPerCell ?? DEFAULT_BYTES_PER_CELL;
    const big =
      this.env.web && !!guess && guess.box.rows * guess.box.cols * cost + this.recordBytes > payloadBudget();
    const env = this.readEnv();
    const events = !(sheet && this.trackedNames.has(sheet));
    let raw: RawSheet;
    if (big) {
      raw = await this.run(sheet, (ctx) => readInSteps(ctx, env, sheet, events, cost));
    } else {
      const frameEnd = guess ? Math.max(1, guess.box.row0 + guess.box.rows) : MERGE_FRAME_ROWS;
      try {
        raw = await this.env.run((ctx) => readOnce(ctx, env, sheet, frameEnd, events));
      } catch (e) {
        const mapped = toHostError(e, sheet ?? this.lastActive ?? undefined);
        if (mapped.code === "CELL_EDIT_MODE" || mapped.code === "API_TOO_OLD") throw mapped;
        // Too large for one response, more than 512 merged areas in a band, change events
        // unavailable, or a client that does not chain null objects (no record sheet): read
        // in steps instead. A missing sheet fails there again, with its own message.
        this.fallbackReads++;
        raw = await this.run(sheet, (ctx) => readInSteps(ctx, env, sheet, events, cost));
      }
    }
    const state = this.stateOf(raw);
    this.states.set(state.grid.sheet, state);
    if (this.tracker.tracked(raw.sheetId)) this.trackedNames.add(raw.grid.sheet);
    this.lastActive = sheet ? this.lastActive : state.grid.sheet;
    return state;
  }

  private stateOf(raw: RawSheet): SheetState {
    const { record, settings } = readRecord(raw.recordValues);
    this.recordBytes = (raw.recordValues ?? []).reduce((n, row) => n + utf8Length(String(row[0] ?? "")), 0);
    this.sizes.set(raw.grid.sheet, { box: boxOfGrid(raw.grid), bytesPerCell: raw.bytesPerCell });
    return {
      grid: raw.grid,
      sheetId: raw.sheetId,
      fills: raw.fills,
      record,
      recordSettings: settings,
      recordExists: raw.recordExists,
      workbookProtected: raw.workbookProtected,
      mark: this.tracker.mark(raw.sheetId),
      noteCount: raw.noteCount,
      commentCount: raw.commentCount,
    };
  }

  // ---------------------------------------------------------------- writing

  private snapshotCell(state: SheetState, row: number, col: number): GridCell | null {
    const g = state.grid;
    return g.cells[row - g.top]?.[col - g.left] ?? null;
  }

  private staleError(sheet: string, cell: string): HostError {
    return new HostError("STALE", uiMessage("office.err.stale", { sheet: sheetLabel(sheet), cell }));
  }

  private recordWriteGuard(state: SheetState): void {
    if (state.grid.protected)
      throw new HostError(
        "PROTECTED",
        uiMessage("office.err.protected", { sheet: sheetLabel(state.grid.sheet) }),
      );
    if (state.workbookProtected && !state.recordExists)
      throw new HostError("PROTECTED", uiMessage("office.err.workbookProtected"));
  }

  /**
   * The record's rows; on the web the oldest backups give way until the record fits its
   * share of one request (measured in UTF-8 bytes).
   */
  private recordPlan(
    record: WorkbookRecord,
    settings: WorkbookSettings,
  ): { record: WorkbookRecord; rows: (string | number)[][] } {
    let rows = recordRows(record, settings);
    if (this.env.web) {
      const size = (r: (string | number)[][]) => r.reduce((n, row) => n + utf8Length(String(row[0])), 0);
      while (size(rows) > RECORD_WEB_BUDGET && record.backups.length > 1) {
        record = { ...record, backups: record.backups.slice(1) };
        rows = recordRows(record, settings);
      }
    }
    return { record, rows };
  }

  /** Queues the record sheet's new content (created very hidden when absent). */
  private queueRecordRows(ctx: Excel.RequestContext, exists: boolean, rows: (string | number)[][]): void {
    const ws = exists
      ? ctx.workbook.worksheets.getItem(RECORD_SHEET)
      : ctx.workbook.worksheets.add(RECORD_SHEET);
    if (exists) ws.getRange().clear("Contents");
    // Also when it exists: LibreOffice saves a very hidden sheet as merely hidden.
    ws.visibility = "VeryHidden";
    const target = ws.getRangeByIndexes(0, 0, rows.length, rows[0].length);
    target.numberFormat = rows.map((r) => r.map((v) => (typeof v === "string" ? "@" : "General")));
    target.values = rows;
    this.recordBytes = rows.reduce((n, row) => n + utf8Length(String(row[0])), 0);
  }

  private queueRecord(
    ctx: Excel.RequestContext,
    exists: boolean,
    record: WorkbookRecord,
    settings: WorkbookSettings,
  ): WorkbookRecord {
    const planned = this.recordPlan(record, settings);
    this.queueRecordRows(ctx, exists, planned.rows);
    return planned.record;
  }

  async apply(plan: WritePlan): Promise<ApplyResult> {
    this.requireApi();
    let state = this.states.get(plan.sheet);
    if (!state) state = await this.readState(plan.sheet);
    const mode = this.noteMode();
    const wanted = mode ? uniqueNotes(plan.notes ?? []) : [];
    if (plan.writes.length === 0 && wanted.length === 0) return { written: 0, backupId: "" };
    this.recordWriteGuard(state);

    // The plan must come from this very snapshot.
    for (const w of plan.writes) {
      const cell = this.snapshotCell(state, w.row, w.col);
      if (!sameValue(cell?.v ?? null, w.before)) throw this.staleError(plan.sheet, w.cell);
      if (cell?.f !== undefined) throw this.staleError(plan.sheet, w.cell);
    }
    const since = this.tracker.since(state.sheetId, state.mark);
    if (since === "stale") throw this.staleError(plan.sheet, plan.writes[0]?.cell ?? wanted[0].cell);
    if (since === "unsure") await this.verifyUnchanged(state, plan.sheet);

    // R-DEV notes: a person's note or comment is never touched; one of ours is refreshed.
    const noteChanges: BackupNote[] = [];
    if (mode && wanted.length > 0) {
      const existing = await this.existingNotes(
        plan.sheet,
        wanted.map((n) => n.cell),
        { notes: state.noteCount, comments: state.commentCount },
      );
      for (const n of wanted) {
        const e = existing.get(n.cell);
        if (!e) noteChanges.push({ cell: n.cell, before: null, after: n.text, kind: mode });
        else if (isDraftNote(e.text) && e.text !== n.text)
          noteChanges.push({ cell: n.cell, before: e.text, after: n.text, kind: e.kind });
      }
    }
    if (plan.writes.length === 0 && noteChanges.length === 0) return { written: 0, backupId: "", notes: 0 };

    const cells: BackupCell[] = plan.writes.map((w) => {
      const c = this.snapshotCell(state, w.row, w.col);
      const b: BackupCell = { cell: w.cell, value: c?.v ?? null, numFmt: c?.fmt ?? "General" };
      if (c?.f !== undefined) b.formula = `=${c.f}`;
      const fill = state.fills.get(w.cell);
      if (fill !== undefined) b.fill = fill;
      return b;
    });
    const at = new Date().toISOString();
    const backup: Backup = {
      id: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
      sheet: plan.sheet,
      at,
      cells,
    };
    if (noteChanges.length > 0) backup.notes = noteChanges;
    const record = recordApplied(state.record, plan, backup);
    const settings = this.mergedSettings(state.recordSettings);
    this.tracker.expectOwn(state.sheetId, [
      ...plan.writes.map((w) => w.cell),
      ...noteChanges.map((n) => n.cell),
    ]);
    const planned = this.recordPlan(record, settings);
    const runs = cellRuns(plan.writes);
    // The record (with the backup) first, then the cells, then the notes: whatever part of
    // a write split over several requests reached the sheet can be restored, and a note
    // Excel refuses comes after every cell.
    type Item = WriteItem & { note?: BackupNote; run?: CellRun };
    const items: Item[] = [
      {
        bytes: 2 * jsonBytes(planned.rows) + RANGE_OVERHEAD_BYTES * 3,
        queue: (ctx) => this.queueRecordRows(ctx, state.recordExists, planned.rows),
      },
      ...runs.map((run) => ({ ...runItem(run), run })),
      ...noteChanges.map((note) => ({
        bytes: RANGE_OVERHEAD_BYTES + jsonBytes(note.after) + utf8Length(note.cell),
        note,
        queue: (_ctx: Excel.RequestContext, ws: Excel.Worksheet) =>
          this.queueNote(ws, note.kind ?? "note", note.cell, note.before !== null, note.after),
      })),
    ];
    const requests = packRequests(items, this.env.web);
    const refused: string[] = [];
    await this.run(plan.sheet, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(plan.sheet);
      for (let i = 0; i < requests.length; i++) {
        for (const it of requests[i]) it.queue(ctx, ws);
        try {
          await ctx.sync();
        } catch (e) {
          const notes = requests
            .slice(i)
            .flat()
            .filter((it) => it.note);
          if (!notes.length || !refusable(e)) throw e;
          // Excel refused a note or comment (a cell with a person's legacy note below
          // ExcelApi 1.18 looks empty to the API): the cells before it are written; the
          // rest of the notes go one at a time, and those refused stay in the pane.
          const cellsOf = requests[i].filter((it) => it.run).map((it) => it.run!);
          if (!(await this.runsWritten(ctx, ws, cellsOf))) throw e;
          const rest = requests
            .slice(i + 1)
            .flat()
            .filter((it) => !it.note);
          for (const it of rest) it.queue(ctx, ws);
          if (rest.length) await ctx.sync();
          refused.push(
            ...(await this.addNotesOneByOne(
              ctx,
              ws,
              notes.map((it) => it.note!),
            )),
          );
          return;
        }
      }
    });
    const written = planned.record;

    // The snapshot now holds what was written: a second apply of the same plan is stale.
    for (const w of plan.writes) {
      const g = state.grid;
      const r = w.row - g.top;
      const c = w.col - g.left;
      if (r >= 0 && r < g.cells.length && c >= 0 && c < (g.cells[r]?.length ?? 0)) {
        const prev = g.cells[r][c];
        g.cells[r][c] = {
          v: w.after,
          ...(w.numFmt ? { fmt: w.numFmt } : prev?.fmt ? { fmt: prev.fmt } : {}),
        };
      }
    }
    state.record = written;
    state.recordExists = true;
    if (noteChanges.length > 0) {
      state.noteCount = null;
      state.commentCount = null;
    }
    const result: ApplyResult = { written: plan.writes.length, backupId: backup.id };
    if (wanted.length > 0) result.notes = noteChanges.length - refused.length;
    if (refused.length > 0) result.notesRefused = refused;
    return result;
  }

  /** Whether every cell of these runs holds what was written. */
  private async runsWritten(
    ctx: Excel.RequestContext,
    ws: Excel.Worksheet,
    runs: CellRun[],
  ): Promise<boolean> {
    const ranges = runs.map((run) => {
      const r = ws.getRange(run.address);
      r.load("values");
      return { r, run };
    });
    if (!ranges.length) return true;
    await ctx.sync();
    return ranges.every(({ r, run }) =>
      run.values.every((row, i) => sameValue(r.values[i][0] as CellValue, unliteral(row[0]))),
    );
  }

  /**
   * Notes one request each, after Excel refused one of a batch: one already there with the
   * text is counted as added; those Excel refuses again are returned (their drafts stay in
   * the pane).
   */
  private async addNotesOneByOne(
    ctx: Excel.RequestContext,
    ws: Excel.Worksheet,
    notes: BackupNote[],
  ): Promise<string[]> {
    const refused: string[] = [];
    const present = await this.notesPresent(ctx, ws, notes);
    for (const n of notes) {
      if (present.get(n.cell) === n.after) continue;
      this.queueNote(ws, n.kind ?? "note", n.cell, n.before !== null, n.after);
      try {
        await ctx.sync();
      } catch (e) {
        if (!refusable(e)) throw e;
        refused.push(n.cell);
      }
    }
    return refused;
  }

  /** The text of the note or comment on each of these cells, where there is one. */
  private async notesPresent(
    ctx: Excel.RequestContext,
    ws: Excel.Worksheet,
    notes: BackupNote[],
  ): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const onNotes = notes.filter((n) => (n.kind ?? "note") === "note");
    const items = onNotes.map((n) => {
      const item = ws.notes.getItemOrNullObject(n.cell);
      item.load("content");
      return item;
    });
    const count = notes.some((n) => n.kind === "comment") ? ws.comments.getCount() : null;
    await ctx.sync();
    items.forEach((item, i) => {
      if (!item.isNullObject) out.set(onNotes[i].cell, item.content);
    });
    if (count && count.value > 0) {
      // Comments have no null-object lookup by cell: they are found by position.
      const list = Array.from({ length: count.value }, (_, i) => {
        const c = ws.comments.getItemAt(i);
        c.load("content");
        const at = c.getLocation();
        at.load("address");
        return { c, at };
      });
      await ctx.sync();
      for (const { c, at } of list) out.set(localCell(at.address), c.content);
    }
    return out;
  }

  /** How this client holds a draft note: an Excel note (1.18), a comment (1.10), or not at all. */
  private noteMode(): "note" | "comment" | null {
    return this.has("1.18") ? "note" : this.has("1.10") ? "comment" : null;
  }

  supportsNotes(): boolean {
    return this.noteMode() !== null;
  }

  /**
   * The notes and comments on `cells`, in one round trip (two when the sheet's number of
   * comments is not known from the read). Where the read counted none of a kind, that kind is not looked up;
   * where neither is, nothing is read at all.
   */
  private async existingNotes(
    sheet: string,
    cells: string[],
    counts: { notes: number | null; comments: number | null },
  ): Promise<Map<string, ExistingNote>> {
    const out = new Map<string, ExistingNote>();
    const notesOn = this.has("1.18") && counts.notes !== 0;
    const commentsOn = this.has("1.10") && counts.comments !== 0;
    if (!notesOn && !commentsOn) return out;
    return this.run(sheet, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      const notes = notesOn
        ? cells.map((c) => {
            const n = ws.notes.getItemOrNullObject(c);
            n.load("content");
            return n;
          })
        : [];
      // Comments are found by position: CommentCollection has no null-object lookup by cell.
      const queueComments = (count: number) =>
        Array.from({ length: count }, (_, i) => {
          const c = ws.comments.getItemAt(i);
          c.load("content");
          const at = c.getLocation();
          at.load("address");
          return { c, at };
        });
      let comments = commentsOn && counts.comments ? queueComments(counts.comments) : [];
      const counted = commentsOn && counts.comments === null ? ws.comments.getCount() : null;
      await ctx.sync();
      notes.forEach((n, i) => {
        if (!n.isNullObject) out.set(cells[i], { kind: "note", text: n.content ?? "" });
      });
      if (counted && counted.value > 0) {
        comments = queueComments(counted.value);
        await ctx.sync();
      }
      const wanted = new Set(cells);
      for (const { c, at } of comments) {
        const cell = localCell(at.address);
        if (wanted.has(cell) && !out.has(cell)) out.set(cell, { kind: "comment", text: c.content ?? "" });
      }
      return out;
    });
  }

  /** Queues adding (or, with `exists`, replacing the text of) the program's note on a cell. */
  private queueNote(
    ws: Excel.Worksheet,
    kind: "note" | "comment",
    cell: string,
    exists: boolean,
    text: string,
  ): void {
    const range = ws.getRange(cell);
    if (kind === "note") {
      if (exists) ws.notes.getItem(cell).content = text;
      else ws.notes.add(range, text);
    } else if (exists) ws.comments.getItemByCell(range).content = text;
    else ws.comments.add(range, text);
  }

  /**
   * Without a change event to rely on: one more round trip comparing every cell the
   * scoring read (targets, actuals, weights, scores, notes) with the sheet now.
   */
  private async verifyUnchanged(state: SheetState, sheet: string): Promise<void> {
    const changed = await this.run(sheet, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      // The protection comes with the first block of cells.
      ws.protection.load("protected");
      const cell = await firstChangedCell(ctx, ws, state.grid, this.env.web);
      return ws.protection.protected ? "protected" : cell;
    });
    if (changed === "protected")
      throw new HostError("PROTECTED", uiMessage("office.err.protected", { sheet: sheetLabel(sheet) }));
    if (changed) throw this.staleError(sheet, changed);
  }

  /** Reads the record (and whether it exists) in one round trip, with extra loads queued by `also`. */
  private async readRecordWith<T>(
    sheet: string | undefined,
    also: (ctx: Excel.RequestContext) => () => T,
  ): Promise<{
    exists: boolean;
    record: WorkbookRecord;
    settings: WorkbookSettings;
    workbookProtected: boolean;
    extra: T;
  }> {
    return this.run(sheet, async (ctx) => {
      const wb = ctx.workbook;
      wb.protection.load("protected");
      const rec = wb.worksheets.getItemOrNullObject(RECORD_SHEET);
      rec.load("name");
      const get = also(ctx);
      await ctx.sync();
      const values = rec.isNullObject ? null : await loadRecordRows(ctx, this.env.web);
      const { record, settings } = readRecord(values);
      return {
        exists: !rec.isNullObject,
        record,
        settings,
        workbookProtected: wb.protection.protected,
        extra: get(),
      };
    });
  }

  async restore(): Promise<RestoreResult> {
    this.requireApi();
    const { exists, record, settings } = await this.readRecordWith(undefined, () => () => null);
    const backup = record.backups[record.backups.length - 1];
    if (!exists || !backup)
      throw new HostError("NOTHING_TO_RESTORE", uiMessage("office.err.nothingToRestore"));
    const next = recordRestored(record, backup);
    const merged = this.mergedSettings(settings);
    // Notes the apply added go, refreshed ones get their text back; a note a person has
    // changed since is left as it is.
    const notes = this.noteMode() ? (backup.notes ?? []) : [];
    const current = notes.length
      ? await this.existingNotes(
          backup.sheet,
          notes.map((n) => n.cell),
          { notes: null, comments: null },
        )
      : new Map<string, ExistingNote>();
    const undoNotes = notes.filter((n) => current.get(n.cell)?.text === n.after);
    await this.run(backup.sheet, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(backup.sheet);
      ws.protection.load("protected");
      ws.load("id");
      await ctx.sync();
      if (ws.protection.protected)
        throw new HostError(
          "PROTECTED",
          uiMessage("office.err.protected", { sheet: sheetLabel(backup.sheet) }),
        );
      for (const n of undoNotes) {
        const kind = current.get(n.cell)?.kind ?? "note";
        if (n.before !== null) this.queueNote(ws, kind, n.cell, true, n.before);
        else if (kind === "note") ws.notes.getItem(n.cell).delete();
        else ws.comments.getItemByCell(ws.getRange(n.cell)).delete();
      }
      this.queueRestoreCells(ws, backup);
      this.queueRecord(ctx, true, next, merged);
      this.tracker.expectOwn(ws.id, [...backup.cells.map((c) => c.cell), ...undoNotes.map((n) => n.cell)]);
      await ctx.sync();
    });
    this.states.delete(backup.sheet);
    const result: RestoreResult = { restored: backup.cells.length };
    if (notes.length > 0) result.notes = undoNotes.length;
    return result;
  }

  private queueRestoreCells(ws: Excel.Worksheet, backup: Backup): void {
    for (const c of backup.cells) {
      const r = ws.getRange(c.cell);
      r.numberFormat = [[c.numFmt ?? "General"]];
      if (c.formula) r.formulas = [[c.formula]];
      else if (c.value === null) r.values = [[""]];
      else r.values = [[literal(c.value instanceof Date ? c.value.toISOString() : c.value)]];
      if (c.fill === null) r.format.fill.clear();
      else if (c.fill !== undefined) r.format.fill.color = c.fill;
    }
  }

  // ------------------------------------------------------------- highlights

  async highlight(sheet: string, marks: HighlightMark[]): Promise<void> {
    this.requireApi();
    if (marks.length === 0) return;
    const byCell = new Map<string, HighlightMark>();
    for (const m of marks) if (!byCell.has(m.cell)) byCell.set(m.cell, m);
    const cells = [...byCell.keys()];
    const rich = this.has("1.9");
    const read = await this.readRecordWith(sheet, (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.protection.load("protected");
      const getters = cells.map((cell) => {
        const r = ws.getRange(cell);
        if (rich) {
          const p = r.getCellProperties({ format: { fill: { color: true, pattern: true } } });
          return () => fillOf(p.value[0]?.[0]) ?? null;
        }
        r.format.fill.load("color");
        return () => legacyFill(r.format.fill.color);
      });
      return () => ({ protected: ws.protection.protected, fills: getters.map((g) => g()) });
    });
    if (read.extra.protected)
      throw new HostError("PROTECTED", uiMessage("office.err.protected", { sheet: sheetLabel(sheet) }));
    if (read.workbookProtected && !read.exists)
      throw new HostError("PROTECTED", uiMessage("office.err.workbookProtected"));
    const record = recordHighlighted(
      read.record,
      sheet,
      cells.map((cell, i) => ({ cell, fill: read.extra.fills[i] })),
    );
    const settings = this.mergedSettings(read.settings);
    await this.run(sheet, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      for (const [cell, m] of byCell) ws.getRange(cell).format.fill.color = m.color;
      this.queueRecord(ctx, read.exists, record, settings);
      await ctx.sync();
    });
    const state = this.states.get(sheet);
    if (state) state.record = record;
  }

  async clearHighlights(sheet: string): Promise<void> {
    this.requireApi();
    const read = await this.readRecordWith(sheet, (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.protection.load("protected");
      return () => ws.protection.protected;
    });
    const entry = read.record.highlights.find((h) => h.sheet === sheet);
    if (!entry || entry.cells.length === 0) return;
    if (read.extra)
      throw new HostError("PROTECTED", uiMessage("office.err.protected", { sheet: sheetLabel(sheet) }));
    const record = recordUnhighlighted(read.record, sheet);
    const settings = this.mergedSettings(read.settings);
    await this.run(sheet, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      for (const c of entry.cells) {
        const r = ws.getRange(c.cell);
        if (c.fill === null) r.format.fill.clear();
        else r.format.fill.color = c.fill;
      }
      this.queueRecord(ctx, true, record, settings);
      await ctx.sync();
    });
    const state = this.states.get(sheet);
    if (state) state.record = record;
  }

  // --------------------------------------------------------------- settings

  async saveSettings(settings: WorkbookSettings): Promise<void> {
    const store = this.env.settings;
    if (!store) return;
    store.set(SETTINGS_KEY, JSON.parse(JSON.stringify(settings)));
    await new Promise<void>((resolve, reject) =>
      store.saveAsync((r) => {
        // Office.AsyncResultStatus.Succeeded is the string "succeeded".
        if (String(r.status).toLowerCase() === "succeeded") resolve();
        else
          reject(
            new HostError("UNKNOWN", uiMessage("office.err.settings", { message: r.error?.message ?? "" })),
          );
      }),
    );
  }

  // -------------------------------------------------------------- templates

  async insertTemplate(kind: TemplateKind, locale?: Locale): Promise<string> {
    this.requireApi();
    const tpl = buildTemplate(kind, { locale });
    const names = await this.run(undefined, async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name");
      ctx.workbook.protection.load("protected");
      await ctx.sync();
      if (ctx.workbook.protection.protected)
        throw new HostError("PROTECTED", uiMessage("office.err.workbookProtected"));
      return sheets.items.map((s) => s.name);
    });
    const name = uniqueName(tpl.name, names);
    await this.run(name, async (ctx) => {
      const ws = ctx.workbook.worksheets.add(name);
      this.queueTemplate(ws, tpl);
      ws.activate();
      await ctx.sync();
    });
    return name;
  }

  private queueTemplate(ws: Excel.Worksheet, tpl: TemplateSheet): void {
    tpl.widths.forEach((w, i) => {
      const col = columnLetters(i + 1);
      ws.getRange(`${col}:${col}`).format.columnWidth = Math.round(w * 5.6 + 4);
    });
    for (const h of tpl.heights ?? []) ws.getRange(`${h.row}:${h.row}`).format.rowHeight = h.height;
    for (const m of tpl.merges) ws.getRange(m).merge(false);
    for (const c of tpl.cells) {
      const r = ws.getRange(c.cell);
      if (c.numFmt) r.numberFormat = [[c.numFmt]];
      if (c.formula) r.formulas = [[c.formula.startsWith("=") ? c.formula : `=${c.formula}`]];
      else if (c.value !== null) r.values = [[c.value]];
      if (c.bold) r.format.font.bold = true;
      if (c.size) r.format.font.size = c.size;
      if (c.wrap) r.format.wrapText = true;
      if (c.align)
        r.format.horizontalAlignment = c.align === "left" ? "Left" : c.align === "right" ? "Right" : "Center";
      if (c.fill) r.format.fill.color = c.fill;
    }
    if (tpl.borderRange) {
      const b = ws.getRange(tpl.borderRange).format.borders;
      for (const edge of [
        "EdgeTop",
        "EdgeBottom",
        "EdgeLeft",
        "EdgeRight",
        "InsideVertical",
        "InsideHorizontal",
      ] as const)
        b.getItem(edge).style = "Continuous";
    }
    if (this.has("1.8")) {
      for (const v of tpl.validations) {
        const dv = ws.getRange(v.range).dataValidation;
        dv.rule = { list: { inCellDropDown: true, source: v.list.join(",") } };
        if (v.error)
          dv.errorAlert = { message: v.error, showAlert: true, style: "Stop", title: tpl.errorTitle };
      }
      for (const v of tpl.decimalValidations ?? []) {
        const dv = ws.getRange(v.range).dataValidation;
        dv.rule = { decimal: { formula1: v.min, formula2: v.max, operator: "Between" } };
        if (v.error)
          dv.errorAlert = { message: v.error, showAlert: true, style: "Stop", title: tpl.errorTitle };
      }
    }
  }

  async insertIndicators(rows: IndicatorTemplateRow[]): Promise<number> {
    this.requireApi();
    if (rows.length === 0) return 0;
    const selected = await this.run(undefined, async (ctx) => {
      const sel = ctx.workbook.getSelectedRange();
      sel.load("rowIndex");
      await ctx.sync();
      return sel.rowIndex + 1;
    });
    const state = await this.readState();
    const sheet = state.grid.sheet;
    if (state.grid.protected)
      throw new HostError("PROTECTED", uiMessage("office.err.protected", { sheet: sheetLabel(sheet) }));
    const settings = this.mergedSettings(state.recordSettings);
    const profile = resolveProfile(settings.profile ?? null);
    const { tables } = analyzeRead({ grid: state.grid, record: state.record, settings }, { profile });
    // The table holding the selected row, else the first one found.
    const found = tables.filter((a) => a.layout !== null);
    const layout = (
      found.find((a) => selected >= a.layout!.firstRow && selected <= a.layout!.lastRow) ?? found[0]
    )?.layout;
    if (!layout)
      throw new HostError("UNREADABLE", uiMessage("office.err.noTable", { sheet: sheetLabel(sheet) }));
    const inside = selected >= layout.firstRow && selected <= layout.lastRow;
    const at = (inside ? selected : layout.lastRow) + 1;
    const n = rows.length;
    const cols = layout.columns;
    // Where merged areas cannot be read (ExcelApi < 1.13) a level cell may lie inside one:
    // the levels are then left to the person, never written into a hidden merged cell.
    const merged = (col: number | undefined) =>
      col !== undefined &&
      (state.grid.mergesKnown === false ||
        state.grid.merges.some((m) => m.left <= col && col <= m.right && m.top < at && at <= m.bottom));
    await this.run(sheet, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.getRange(`${at}:${at + n - 1}`).insert("Down");
      rows.forEach((row, i) => {
        const r = at + i;
        const put = (col: number | undefined, v: string | number | undefined) => {
          if (col !== undefined && v !== undefined && v !== "") ws.getRange(a1(r, col)).values = [[v]];
        };
        if (!merged(cols.level1)) put(cols.level1, row.level1);
        if (!merged(cols.level2)) put(cols.level2, row.level2);
        put(cols.name, row.name);
        if (cols.direction !== undefined || cols.unit !== undefined) {
          // L2: 指标性质 | 指标值 | 度量单位 in their own columns.
          const split = splitTarget(row);
          put(cols.direction, split.direction ?? undefined);
          put(cols.target, split.value ?? undefined);
          put(cols.unit, split.unit ?? undefined);
        } else {
          put(cols.target, row.target);
        }
        put(cols.weight, row.weight);
      });
      await ctx.sync();
    });
    this.states.delete(sheet);
    return n;
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    this.requireApi();
    if (!parseAddress(cell) && !parseRange(cell)) return;
    await this.run(sheet, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await ctx.sync();
    });
  }

  // ------------------------------------------------------------ notes

  /**
   * Deviation notes where a layout has no note column: `apply` with notes only (an Excel
   * note with ExcelApi 1.18, a comment with 1.10, nothing before; recorded for restore).
   * Returns how many were added or refreshed.
   */
  async addNotes(sheet: string, notes: PlannedNote[]): Promise<number> {
    const result = await this.apply({ sheet, writes: [], notes });
    return result.notes ?? 0;
  }
}

/** A failure a smaller batch can get past: not the user typing, protection or the size limit. */
function refusable(e: unknown): boolean {
  const code = officeErrorCode(e);
  return !(
    code === "InvalidOperationInCellEditMode" ||
    code === "AccessDenied" ||
    isPayloadError(e) ||
    code === "ApiNotFound"
  );
}

/** One note per cell (the first wins), with a usable address and text. */
function uniqueNotes(notes: PlannedNote[]): PlannedNote[] {
  const seen = new Set<string>();
  const out: PlannedNote[] = [];
  for (const n of notes) {
    const cell = parseAddress(n.cell) ? n.cell.toUpperCase() : null;
    if (!cell || !n.text || seen.has(cell)) continue;
    seen.add(cell);
    out.push({ cell, text: n.text });
  }
  return out;
}

function uniqueName(base: string, taken: string[]): string {
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  const clean = base.replace(/[\\/?*[\]:]/g, "").slice(0, 31) || "Sheet";
  if (!lower.has(clean.toLowerCase())) return clean;
  for (let i = 2; ; i++) {
    const name = `${clean.slice(0, 31 - String(i).length - 2)}(${i})`;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

/** The host the task pane and the ribbon commands use inside Excel. */
export function createOfficeHost(env?: OfficeEnv): OfficeHost {
  return new OfficeHost(env);
}

export { isPayloadError };
