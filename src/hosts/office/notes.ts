/**
 * Draft notes (R-DEV) in Excel: an Excel note where the client has ExcelApi 1.18, a comment
 * with 1.10, nothing before. A person's note or comment is found before writing, so that it
 * is never touched; Excel refusing one of a batch is met by adding the rest one at a time.
 */
import { parseAddress } from "../../sheet/address";
import type { BackupNote, PlannedNote } from "../../sheet/types";
import { officeErrorCode, isPayloadError } from "./errors";
import type { OfficeSession } from "./session";

export type NoteKind = "note" | "comment";

/** A cell's note or comment, as found before writing or restoring one. */
export interface ExistingNote {
  kind: NoteKind;
  text: string;
}

/** How this client holds a draft note: an Excel note (1.18), a comment (1.10), or not at all. */
export function noteMode(session: OfficeSession): NoteKind | null {
  return session.has("1.18") ? "note" : session.has("1.10") ? "comment" : null;
}

/** `Sheet!$D$13` → `D13`. */
function localCell(address: string): string {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  return local.replace(/\$/g, "").toUpperCase();
}

/** One note per cell (the first wins), with a usable address and text. */
export function uniqueNotes(notes: PlannedNote[]): PlannedNote[] {
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

/** A failure a smaller batch can get past: not the user typing, protection or the size limit. */
export function refusable(e: unknown): boolean {
  const code = officeErrorCode(e);
  return !(
    code === "InvalidOperationInCellEditMode" ||
    code === "AccessDenied" ||
    isPayloadError(e) ||
    code === "ApiNotFound"
  );
}

/** Comments by position (CommentCollection has no null-object lookup by cell), each with its cell. */
function queueComments(ws: Excel.Worksheet, count: number) {
  return Array.from({ length: count }, (_, i) => {
    const c = ws.comments.getItemAt(i);
    c.load("content");
    const at = c.getLocation();
    at.load("address");
    return { c, at };
  });
}

/**
 * The notes and comments on `cells`, in one round trip (two when the sheet's number of
 * comments is not known from the read). Where the read counted none of a kind, that kind is
 * not looked up; where neither is, nothing is read at all.
 */
export async function existingNotes(
  session: OfficeSession,
  sheet: string,
  cells: string[],
  counts: { notes: number | null; comments: number | null },
): Promise<Map<string, ExistingNote>> {
  const out = new Map<string, ExistingNote>();
  const notesOn = session.has("1.18") && counts.notes !== 0;
  const commentsOn = session.has("1.10") && counts.comments !== 0;
  if (!notesOn && !commentsOn) return out;
  return session.run(sheet, async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    const notes = notesOn
      ? cells.map((c) => {
          const n = ws.notes.getItemOrNullObject(c);
          n.load("content");
          return n;
        })
      : [];
    let comments = commentsOn && counts.comments ? queueComments(ws, counts.comments) : [];
    const counted = commentsOn && counts.comments === null ? ws.comments.getCount() : null;
    await ctx.sync();
    notes.forEach((n, i) => {
      if (!n.isNullObject) out.set(cells[i], { kind: "note", text: n.content ?? "" });
    });
    if (counted && counted.value > 0) {
      comments = queueComments(ws, counted.value);
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
export function queueNote(
  ws: Excel.Worksheet,
  kind: NoteKind,
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

/** Queues removing the program's note (or comment) from a cell. */
export function queueNoteDelete(ws: Excel.Worksheet, kind: NoteKind, cell: string): void {
  if (kind === "note") ws.notes.getItem(cell).delete();
  else ws.comments.getItemByCell(ws.getRange(cell)).delete();
}

/** The text of the note or comment on each of these cells, where there is one. */
async function notesPresent(
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
    const list = queueComments(ws, count.value);
    await ctx.sync();
    for (const { c, at } of list) out.set(localCell(at.address), c.content);
  }
  return out;
}

/**
 * Notes one request each, after Excel refused one of a batch: one already there with the
 * text is counted as added; those Excel refuses again are returned (their drafts stay in
 * the pane).
 */
export async function addNotesOneByOne(
  ctx: Excel.RequestContext,
  ws: Excel.Worksheet,
  notes: BackupNote[],
): Promise<string[]> {
  const refused: string[] = [];
  const present = await notesPresent(ctx, ws, notes);
  for (const n of notes) {
    if (present.get(n.cell) === n.after) continue;
    queueNote(ws, n.kind ?? "note", n.cell, n.before !== null, n.after);
    try {
      await ctx.sync();
    } catch (e) {
      if (!refusable(e)) throw e;
      refused.push(n.cell);
    }
  }
  return refused;
}
