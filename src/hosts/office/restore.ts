/**
 * Restoring the latest backup (R-WRITE-6): each cell's value or formula, number format and
 * fill exactly as before; notes the write added go, refreshed ones get their text back.
 */
/* The office-addins load/sync rules check one function at a time; here loads are queued by
 * helpers and read after their caller's sync. The tests' fake request context throws on any
 * property read before it was loaded and synced, which checks what these rules cannot. */
/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load */
import { uiMessage } from "../../i18n/catalog";
import { recordRestored } from "../../sheet";
import type { Backup } from "../../sheet/types";
import { HostError, type RestoreResult } from "../host";
import { protectedError } from "./errors";
import { existingNotes, noteMode, queueNote, queueNoteDelete, type ExistingNote } from "./notes";
import { queueRecord, readRecordWith } from "./record-io";
import type { OfficeSession } from "./session";
import { literal } from "./write";

export async function restoreLatest(session: OfficeSession): Promise<RestoreResult> {
  session.requireApi();
  const { exists, record, settings } = await readRecordWith(session, undefined, () => () => null);
  const backup = record.backups[record.backups.length - 1];
  if (!exists || !backup) throw new HostError("NOTHING_TO_RESTORE", uiMessage("office.err.nothingToRestore"));
  const next = recordRestored(record, backup);
  const merged = session.mergedSettings(settings);
  // Notes the apply added go, refreshed ones get their text back; a note a person has
  // changed since is left as it is.
  const notes = noteMode(session) ? (backup.notes ?? []) : [];
  const current = notes.length
    ? await existingNotes(
        session,
        backup.sheet,
        notes.map((n) => n.cell),
        { notes: null, comments: null },
      )
    : new Map<string, ExistingNote>();
  const undoNotes = notes.filter((n) => current.get(n.cell)?.text === n.after);
  await session.run(backup.sheet, async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(backup.sheet);
    ws.protection.load("protected");
    ws.load("id");
    await ctx.sync();
    if (ws.protection.protected) throw protectedError(backup.sheet);
    for (const n of undoNotes) {
      const kind = current.get(n.cell)?.kind ?? "note";
      if (n.before !== null) queueNote(ws, kind, n.cell, true, n.before);
      else queueNoteDelete(ws, kind, n.cell);
    }
    queueRestoreCells(ws, backup);
    queueRecord(session, ctx, true, next, merged);
    session.tracker.expectOwn(ws.id, [...backup.cells.map((c) => c.cell), ...undoNotes.map((n) => n.cell)]);
    await ctx.sync();
  });
  session.states.delete(backup.sheet);
  const result: RestoreResult = { restored: backup.cells.length };
  if (notes.length > 0) result.notes = undoNotes.length;
  return result;
}

function queueRestoreCells(ws: Excel.Worksheet, backup: Backup): void {
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
