/**
 * What the file host changes in a package: the planned cells (R-WRITE-1..4), draft notes
 * (R-DEV), highlights, and the record sheet (R-WRITE-6); and the exact restore of them.
 */
import { uiMessage } from "../../i18n/catalog";
import { isDraftNote, sameValue } from "../../core";
import {
  decodeRecord,
  emptyRecord,
  encodeRecord,
  parseAddress,
  RECORD_SHEET,
  recordApplied,
  recordHighlighted,
  recordRestored,
} from "../../sheet";
import type { Backup, BackupCell, BackupNote, GridCell, WorkbookRecord, WritePlan } from "../../sheet/types";
import { HostError, type WorkbookSettings } from "../host";
import type { PackageBook } from "./package/book";
import { readNotes, writeNotes } from "./package/notes";
import { cellStyles, patchSheet, type CellEdit } from "./package/sheet-write";
import { fillFromKey, fillKey, solidFillXml } from "./package/styles";

export interface RecordAndSettings {
  record: WorkbookRecord;
  settings: WorkbookSettings;
}

/** The workbook's record and settings (empty when it has no record sheet). */
export function readRecordAndSettings(book: PackageBook): RecordAndSettings {
  if (!book.sheet(RECORD_SHEET)) return { record: emptyRecord(), settings: {} };
  try {
    const grid = book.grid(RECORD_SHEET);
    const rows: unknown[][] = [];
    for (let r = 0; r < grid.cells.length; r++) {
      const row = grid.top + r;
      if (grid.left !== 1) continue;
      rows[row - 1] = [grid.cells[r][0]?.v ?? null];
    }
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    const decoded = decodeRecord(rows);
    return { record: decoded.record, settings: (decoded.settings ?? {}) as WorkbookSettings };
  } catch {
    return { record: emptyRecord(), settings: {} };
  }
}

/** Writes the record and settings into the very hidden sheet `_jixiao`. */
export function writeRecord(book: PackageBook, record: WorkbookRecord, settings?: WorkbookSettings): void {
  const keep = settings ?? readRecordAndSettings(book).settings;
  book.writeRecordSheet(encodeRecord(record, keep as Record<string, unknown>));
}

function requireSheet(book: PackageBook, name: string): void {
  if (name === RECORD_SHEET || !book.sheet(name))
    throw new HostError("UNKNOWN", uiMessage("file.bookSheetMissing", { sheet: name }));
}

/** The grid cell at an address (null: empty); merged non-anchor cells read as empty. */
function gridCellAt(book: PackageBook, sheet: string, cell: string): GridCell | null {
  const g = book.grid(sheet);
  const p = parseAddress(cell)!;
  return g.cells[p.row - g.top]?.[p.col - g.left] ?? null;
}

function newId(now: Date): string {
  return `${now.getTime().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;
}

const norm = (cell: string) => cell.replace(/\$/g, "").toUpperCase();

/**
 * The note changes a plan's draft notes (R-DEV) ask for: a note on each cell without one,
 * a new text for one of the program's drafts whose text differs; a person's note is kept.
 */
export function noteChanges(book: PackageBook, plan: WritePlan): BackupNote[] {
  if (!plan.notes?.length) return [];
  requireSheet(book, plan.sheet);
  const notes = readNotes(book.pkg, book.sheet(plan.sheet)!.path);
  const out: BackupNote[] = [];
  const seen = new Set<string>();
  for (const n of plan.notes) {
    if (!n.text) continue;
    const cell = norm(n.cell);
    if (seen.has(cell)) continue;
    seen.add(cell);
    const before = notes.get(cell) ?? null;
    if (before === null) out.push({ cell, before: null, after: n.text });
    else if (isDraftNote(before) && before !== n.text) out.push({ cell, before, after: n.text });
  }
  return out;
}

/** The text of a cell's note (null: none). */
export function noteText(book: PackageBook, sheet: string, cell: string): string | null {
  return readNotes(book.pkg, book.sheet(sheet)!.path).get(norm(cell)) ?? null;
}

function backupCell(book: PackageBook, sheet: string, cell: string, style: number): BackupCell {
  const g = gridCellAt(book, sheet, cell);
  const b: BackupCell = { cell, value: g?.v ?? null };
  if (g?.f !== undefined) b.formula = `=${g.f}`;
  const fmt = book.styles().numFmtOf(style);
  if (fmt && fmt !== "General") b.numFmt = fmt;
  const fill = fillKey(book.styles().fillOf(style));
  // Only what every host can restore is recorded; an apply never changes a fill anyway.
  if (fill === null || fill.startsWith("#")) b.fill = fill;
  return b;
}

/**
 * Applies a plan (R-WRITE-1): only the planned cells change (value; number format where
 * planned). Refuses a stale plan (a `before` no longer matches), a formula cell (R-WRITE-3) or
 * a protected sheet, writing nothing. Records a backup of every touched cell (R-WRITE-4) and
 * the ledger (R-WRITE-6) in the record sheet. Returns the backup.
 */
export function applyPlan(book: PackageBook, plan: WritePlan, current: RecordAndSettings): Backup {
  requireSheet(book, plan.sheet);
  const grid = book.grid(plan.sheet);
  if (grid.protected) throw new HostError("PROTECTED", uiMessage("file.protected", { sheet: plan.sheet }));
  const places = plan.writes.map((w) => {
    const p = parseAddress(w.cell);
    if (!p) throw new HostError("STALE", uiMessage("file.badAddress", { cell: w.cell }));
    return p;
  });
  plan.writes.forEach((w) => {
    const g = gridCellAt(book, plan.sheet, w.cell);
    const now = g?.v ?? null;
    if (!sameValue(now, w.before))
      throw new HostError(
        "STALE",
        uiMessage("file.changed", {
          sheet: plan.sheet,
          cell: w.cell,
          now: now === null ? uiMessage("file.empty") : String(now),
        }),
      );
    if (g?.f !== undefined)
      throw new HostError("STALE", uiMessage("file.formula", { sheet: plan.sheet, cell: w.cell }));
  });
  const xml = book.sheetXml(plan.sheet);
  const styles = cellStyles(xml, places);
  const styleOf = (i: number) => styles.get(places[i].row * 16384 + places[i].col) ?? 0;
  const at = new Date();
  const backup: Backup = {
    id: newId(at),
    sheet: plan.sheet,
    at: at.toISOString(),
    cells: plan.writes.map((w, i) => backupCell(book, plan.sheet, norm(w.cell), styleOf(i))),
  };
  const notes = noteChanges(book, plan);
  if (notes.length > 0) backup.notes = notes;
  const edits: CellEdit[] = plan.writes.map((w, i) => {
    const s = styleOf(i);
    const style = w.numFmt !== undefined ? book.styles().derive(s, { numFmt: w.numFmt }) : s;
    return { ...places[i], style, content: { kind: "value", value: w.after } };
  });
  let next = patchSheet(xml, edits, styles, book.date1904);
  if (notes.length > 0) {
    const path = book.sheet(plan.sheet)!.path;
    next = writeNotes(book.pkg, path, next, new Map(notes.map((n) => [n.cell, n.after])));
  }
  book.setSheetXml(plan.sheet, next);
  if (edits.length > 0) book.recalcOnLoad();
  writeRecord(book, recordApplied(current.record, plan, backup), current.settings);
  return backup;
}

/**
 * Restores the cells of the latest backup exactly (value, formula, number format, fill);
 * the record becomes what it was before that apply.
 */
export function restoreLatest(book: PackageBook): { restored: number; backup: Backup; notes: number } {
  const { record, settings } = readRecordAndSettings(book);
  const backup = record.backups[record.backups.length - 1];
  if (!backup) throw new HostError("NOTHING_TO_RESTORE", uiMessage("file.nothingToRestore"));
  requireSheet(book, backup.sheet);
  const places = backup.cells.map((c) => parseAddress(c.cell)!);
  const xml = book.sheetXml(backup.sheet);
  const styles = cellStyles(xml, places);
  const edits: CellEdit[] = backup.cells.map((b, i) => {
    const p = places[i];
    const s = styles.get(p.row * 16384 + p.col) ?? 0;
    const fill = b.fill === undefined ? undefined : fillFromKey(b.fill);
    const style = book
      .styles()
      .derive(s, { numFmt: b.numFmt ?? "General", ...(fill !== undefined ? { fill } : {}) });
    const content: CellEdit["content"] = b.formula
      ? { kind: "formula", formula: b.formula, value: b.value }
      : { kind: "value", value: b.value };
    return { ...p, style, content };
  });
  let next = patchSheet(xml, edits, styles, book.date1904);
  // Notes the apply added go, refreshed ones get their text back; one changed since is kept.
  const path = book.sheet(backup.sheet)!.path;
  const current = readNotes(book.pkg, path);
  const changes = new Map<string, string | null>();
  for (const n of backup.notes ?? [])
    if (current.get(norm(n.cell)) === n.after) changes.set(norm(n.cell), n.before);
  next = writeNotes(book.pkg, path, next, changes);
  book.setSheetXml(backup.sheet, next);
  writeRecord(book, recordRestored(record, backup), settings);
  return { restored: backup.cells.length, backup, notes: changes.size };
}

/** Fills cells with colours, remembering in the record each cell's fill before its first highlight. */
export function highlightCells(
  book: PackageBook,
  sheet: string,
  marks: { cell: string; color: string }[],
): void {
  requireSheet(book, sheet);
  const { record, settings } = readRecordAndSettings(book);
  const places = marks.map((m) => parseAddress(m.cell)!);
  const xml = book.sheetXml(sheet);
  const styles = cellStyles(xml, places);
  const before: { cell: string; fill: string | null }[] = [];
  const edits: CellEdit[] = marks.map((m, i) => {
    const p = places[i];
    const s = styles.get(p.row * 16384 + p.col) ?? 0;
    before.push({ cell: norm(m.cell), fill: fillKey(book.styles().fillOf(s)) });
    return { ...p, style: book.styles().derive(s, { fill: solidFillXml(m.color) }) };
  });
  book.setSheetXml(sheet, patchSheet(xml, edits, styles, book.date1904));
  writeRecord(book, recordHighlighted(record, sheet, before), settings);
}

/** Gives every highlighted cell of the sheet its earlier fill back exactly. */
export function clearHighlights(book: PackageBook, sheet: string): void {
  const { record, settings } = readRecordAndSettings(book);
  const entry = record.highlights.find((h) => h.sheet === sheet);
  if (!entry) return;
  requireSheet(book, sheet);
  const places = entry.cells.map((c) => parseAddress(c.cell)!);
  const xml = book.sheetXml(sheet);
  const styles = cellStyles(xml, places);
  const edits: CellEdit[] = [];
  entry.cells.forEach((c, i) => {
    const fill = fillFromKey(c.fill);
    if (fill === undefined) return;
    const p = places[i];
    const s = styles.get(p.row * 16384 + p.col) ?? 0;
    edits.push({ ...p, style: book.styles().derive(s, { fill }) });
  });
  book.setSheetXml(sheet, patchSheet(xml, edits, styles, book.date1904));
  writeRecord(book, { ...record, highlights: record.highlights.filter((h) => h !== entry) }, settings);
}
