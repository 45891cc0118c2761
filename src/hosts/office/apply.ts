/**
 * Applying a plan (R-WRITE): checked against the snapshot it was made from and the sheet's
 * change events, then the record with the backup, the cells and the draft notes in one
 * request (several on the web when one cannot hold them, the record first). The backup
 * (value, formula, number format, fill of every cell about to change, R-WRITE-4) comes from
 * the snapshot, and goes into the record sheet in the same batch as the cells (R-WRITE-6).
 */
/* The office-addins load/sync rules check one function at a time; here loads are queued by
 * helpers and read after their caller's sync. The tests' fake request context throws on any
 * property read before it was loaded and synced, which checks what these rules cannot. */
/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read */
import { uiMessage } from "../../i18n/catalog";
import { isDraftNote, sameValue } from "../../core";
import { recordApplied } from "../../sheet";
import type { Backup, BackupCell, BackupNote, CellValue, WritePlan } from "../../sheet/types";
import { HostError, type ApplyResult } from "../host";
import { protectedError, sheetLabel, workbookProtectedError } from "./errors";
import { addNotesOneByOne, existingNotes, noteMode, queueNote, refusable, uniqueNotes } from "./notes";
import { jsonBytes, utf8Length } from "./payload";
import { queueRecordRows, recordPlan } from "./record-io";
import type { OfficeSession, SheetState } from "./session";
import { readState, snapshotCell, withWrites } from "./sheet-state";
import { firstChangedCell } from "./staleness";
import {
  RANGE_OVERHEAD_BYTES,
  cellRuns,
  packRequests,
  runItem,
  unliteral,
  type CellRun,
  type WriteItem,
} from "./write";

function staleError(sheet: string, cell: string): HostError {
  return new HostError("STALE", uiMessage("office.err.stale", { sheet: sheetLabel(sheet), cell }));
}

function recordWriteGuard(state: SheetState): void {
  if (state.grid.protected) throw protectedError(state.grid.sheet);
  if (state.workbookProtected && !state.recordExists) throw workbookProtectedError();
}

/**
 * Without a change event to rely on: one more round trip comparing every cell the
 * scoring read (targets, actuals, weights, scores, notes) with the sheet now.
 */
async function verifyUnchanged(session: OfficeSession, state: SheetState, sheet: string): Promise<void> {
  const changed = await session.run(sheet, async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    // The protection comes with the first block of cells.
    ws.protection.load("protected");
    const cell = await firstChangedCell(ctx, ws, state.grid, session.env.web);
    return ws.protection.protected ? "protected" : cell;
  });
  if (changed === "protected") throw protectedError(sheet);
  if (changed) throw staleError(sheet, changed);
}

/** Whether every cell of these runs holds what was written. */
async function runsWritten(
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

export async function applyPlan(session: OfficeSession, plan: WritePlan): Promise<ApplyResult> {
  session.requireApi();
  let state = session.states.get(plan.sheet);
  if (!state) state = await readState(session, plan.sheet);
  const mode = noteMode(session);
  const wanted = mode ? uniqueNotes(plan.notes ?? []) : [];
  if (plan.writes.length === 0 && wanted.length === 0) return { written: 0, backupId: "" };
  recordWriteGuard(state);

  // The plan must come from this very snapshot.
  for (const w of plan.writes) {
    const cell = snapshotCell(state.grid, w.row, w.col);
    if (!sameValue(cell?.v ?? null, w.before)) throw staleError(plan.sheet, w.cell);
    if (cell?.f !== undefined) throw staleError(plan.sheet, w.cell);
  }
  const since = session.tracker.since(state.sheetId, state.mark);
  if (since === "stale") throw staleError(plan.sheet, plan.writes[0]?.cell ?? wanted[0].cell);
  if (since === "unsure") await verifyUnchanged(session, state, plan.sheet);

  // R-DEV notes: a person's note or comment is never touched; one of ours is refreshed.
  const noteChanges: BackupNote[] = [];
  if (mode && wanted.length > 0) {
    const existing = await existingNotes(
      session,
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

  const read = state;
  const cells: BackupCell[] = plan.writes.map((w) => {
    const c = snapshotCell(read.grid, w.row, w.col);
    const b: BackupCell = { cell: w.cell, value: c?.v ?? null, numFmt: c?.fmt ?? "General" };
    if (c?.f !== undefined) b.formula = `=${c.f}`;
    const fill = read.fills.get(w.cell);
    if (fill !== undefined) b.fill = fill;
    return b;
  });
  const backup: Backup = {
    id: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    sheet: plan.sheet,
    at: new Date().toISOString(),
    cells,
  };
  if (noteChanges.length > 0) backup.notes = noteChanges;
  const record = recordApplied(state.record, plan, backup);
  const settings = session.mergedSettings(state.recordSettings);
  session.tracker.expectOwn(state.sheetId, [
    ...plan.writes.map((w) => w.cell),
    ...noteChanges.map((n) => n.cell),
  ]);
  const planned = recordPlan(session.env.web, record, settings);
  // The record (with the backup) first, then the cells, then the notes: whatever part of
  // a write split over several requests reached the sheet can be restored, and a note
  // Excel refuses comes after every cell.
  type Item = WriteItem & { note?: BackupNote; run?: CellRun };
  const items: Item[] = [
    {
      bytes: 2 * jsonBytes(planned.rows) + RANGE_OVERHEAD_BYTES * 3,
      queue: (ctx) => queueRecordRows(session, ctx, read.recordExists, planned.rows),
    },
    ...cellRuns(plan.writes).map((run) => ({ ...runItem(run), run })),
    ...noteChanges.map((note) => ({
      bytes: RANGE_OVERHEAD_BYTES + jsonBytes(note.after) + utf8Length(note.cell),
      note,
      queue: (_ctx: Excel.RequestContext, ws: Excel.Worksheet) =>
        queueNote(ws, note.kind ?? "note", note.cell, note.before !== null, note.after),
    })),
  ];
  const requests = packRequests(items, session.env.web);
  const refused: string[] = [];
  await session.run(plan.sheet, async (ctx) => {
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
        if (!(await runsWritten(ctx, ws, cellsOf))) throw e;
        const rest = requests
          .slice(i + 1)
          .flat()
          .filter((it) => !it.note);
        for (const it of rest) it.queue(ctx, ws);
        if (rest.length) await ctx.sync();
        refused.push(
          ...(await addNotesOneByOne(
            ctx,
            ws,
            notes.map((it) => it.note!),
          )),
        );
        return;
      }
    }
  });

  // The kept state now holds what was written, so a second apply of the same plan is stale;
  // the snapshot the caller was given is left as it was read.
  state.grid = withWrites(state.grid, plan.writes);
  state.record = planned.record;
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
