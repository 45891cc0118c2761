/**
 * The workbook record (R-WRITE-6): the ledger of values the program wrote and the backups
 * that restore them (R-WRITE-4), kept in the very hidden sheet `_jixiao` by both hosts.
 *
 * Format: A1 holds a signature; A2, A3, … hold one JSON document cut into chunks, each
 * prefixed with `J:` so that no host reads a chunk as a number, date or formula.
 */
import type {
  Backup,
  BackupCell,
  BackupNote,
  CellValue,
  LedgerEntry,
  WorkbookRecord,
  WritePlan,
} from "./types";

export const RECORD_SHEET = "_jixiao";
export const RECORD_SIGNATURE = "jixiao-record v1";
/** Backups kept; older ones are dropped. */
export const MAX_BACKUPS = 20;
const CHUNK = 30000;
const PREFIX = "J:";

export function emptyRecord(): WorkbookRecord {
  return { ledger: [], backups: [], highlights: [] };
}

function encodeValue(v: CellValue): unknown {
  return v instanceof Date ? { $date: v.toISOString() } : v;
}

function decodeValue(v: unknown): CellValue | undefined {
  if (v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v && typeof v === "object" && typeof (v as { $date?: unknown }).$date === "string") {
    const d = new Date((v as { $date: string }).$date);
    return Number.isNaN(d.getTime()) ? undefined : d;
  }
  return undefined;
}

/** Rows to put in RECORD_SHEET from A1. */
export function encodeRecord(
  record: WorkbookRecord,
  settings?: Record<string, unknown>,
): (string | number | null)[][] {
  const doc = {
    v: 1,
    ledger: record.ledger,
    backups: record.backups.map((b) => ({
      ...b,
      cells: b.cells.map((c) => ({ ...c, value: encodeValue(c.value) })),
    })),
    highlights: record.highlights,
    settings: settings ?? {},
  };
  // Spaces are escaped so that no chunk starts or ends with one (hosts may trim cell text).
  const json = JSON.stringify(doc).replace(/ /g, "\\u0020");
  const rows: (string | number | null)[][] = [[RECORD_SIGNATURE]];
  for (let i = 0; i < json.length;) {
    let end = Math.min(i + CHUNK, json.length);
    // Never split a surrogate pair between two cells.
    const code = json.charCodeAt(end - 1);
    if (end < json.length && code >= 0xd800 && code <= 0xdbff) end--;
    rows.push([PREFIX + json.slice(i, end)]);
    i = end;
  }
  return rows;
}

const isStr = (v: unknown): v is string => typeof v === "string";
const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);

function ledgerEntry(v: unknown): LedgerEntry | null {
  if (!isObj(v) || !isStr(v.sheet) || !isStr(v.cell) || !isStr(v.at)) return null;
  if (!(isStr(v.value) || (typeof v.value === "number" && Number.isFinite(v.value)))) return null;
  return { sheet: v.sheet, cell: v.cell, value: v.value, at: v.at };
}

function backupCell(v: unknown): BackupCell | null {
  if (!isObj(v) || !isStr(v.cell)) return null;
  const value = decodeValue(v.value ?? null);
  if (value === undefined) return null;
  const out: BackupCell = { cell: v.cell, value };
  if (isStr(v.formula)) out.formula = v.formula;
  if (isStr(v.numFmt)) out.numFmt = v.numFmt;
  if (v.fill === null || isStr(v.fill)) out.fill = v.fill;
  return out;
}

function backupNote(v: unknown): BackupNote | null {
  if (!isObj(v) || !isStr(v.cell) || !isStr(v.after) || !(v.before === null || isStr(v.before))) return null;
  const out: BackupNote = { cell: v.cell, before: v.before, after: v.after };
  if (v.kind === "note" || v.kind === "comment") out.kind = v.kind;
  return out;
}

function backup(v: unknown): Backup | null {
  if (!isObj(v) || !isStr(v.id) || !isStr(v.sheet) || !isStr(v.at) || !Array.isArray(v.cells)) return null;
  const cells = v.cells.map(backupCell);
  if (cells.some((c) => c === null)) return null;
  const out: Backup = { id: v.id, sheet: v.sheet, at: v.at, cells: cells as BackupCell[] };
  if (Array.isArray(v.ledger)) out.ledger = keep(v.ledger, ledgerEntry);
  if (Array.isArray(v.notes)) out.notes = keep(v.notes, backupNote);
  return out;
}

function highlight(v: unknown): WorkbookRecord["highlights"][number] | null {
  if (!isObj(v) || !isStr(v.sheet) || !Array.isArray(v.cells)) return null;
  const cells: { cell: string; fill: string | null }[] = [];
  for (const c of v.cells) {
    if (!isObj(c) || !isStr(c.cell) || !(c.fill === null || isStr(c.fill))) return null;
    cells.push({ cell: c.cell, fill: c.fill });
  }
  return { sheet: v.sheet, cells };
}

function keep<T>(items: unknown, read: (v: unknown) => T | null): T[] {
  return Array.isArray(items) ? items.map(read).filter((x): x is T => x !== null) : [];
}

/** Reads the rows of RECORD_SHEET. Tolerant: anything unreadable gives an empty record; never throws. */
export function decodeRecord(rows: unknown[][]): {
  record: WorkbookRecord;
  settings: Record<string, unknown>;
} {
  const empty = { record: emptyRecord(), settings: {} };
  try {
    if (!Array.isArray(rows)) return empty;
    let json = "";
    for (const row of rows) {
      const first: unknown = Array.isArray(row) ? row[0] : undefined;
      if (typeof first === "string" && first.startsWith(PREFIX)) json += first.slice(PREFIX.length);
    }
    if (json === "") return empty;
    const doc: unknown = JSON.parse(json);
    if (!isObj(doc)) return empty;
    return {
      record: {
        ledger: keep(doc.ledger, ledgerEntry),
        backups: keep(doc.backups, backup).slice(-MAX_BACKUPS),
        highlights: keep(doc.highlights, highlight),
      },
      settings: isObj(doc.settings) ? doc.settings : {},
    };
  } catch {
    return empty;
  }
}

/**
 * The record after a plan was applied: one ledger entry per cell written for the program (a
 * person's judgement is theirs, not the program's), and the backup (last 20 kept), which also
 * keeps the ledger entries the written cells had before, for `recordRestored`.
 */
export function recordApplied(record: WorkbookRecord, plan: WritePlan, backup: Backup): WorkbookRecord {
  const written = new Set(plan.writes.map((w) => w.cell));
  const ledger: LedgerEntry[] = [];
  const before: LedgerEntry[] = [];
  for (const e of record.ledger) (e.sheet === plan.sheet && written.has(e.cell) ? before : ledger).push(e);
  // A person's own score (a judgement given in a face) is theirs once written, not the program's.
  for (const w of plan.writes)
    if (!w.person) ledger.push({ sheet: plan.sheet, cell: w.cell, value: w.after, at: backup.at });
  return {
    ledger,
    backups: [...record.backups, { ...backup, ledger: before }].slice(-MAX_BACKUPS),
    highlights: record.highlights,
  };
}

/**
 * The record after `backup` was restored (R-WRITE-4): as if its apply never happened. The
 * backup is dropped, the restored cells lose the entries of that apply and get back the ones
 * they had before it (R-WRITE-2: a value the program wrote earlier is again the program's).
 * A backup without `ledger` (older records) only drops the restored cells' entries.
 */
export function recordRestored(record: WorkbookRecord, backup: Backup): WorkbookRecord {
  const restored = new Set(backup.cells.map((c) => c.cell));
  const ledger = record.ledger.filter((e) => !(e.sheet === backup.sheet && restored.has(e.cell)));
  for (const e of backup.ledger ?? [])
    if (e.sheet === backup.sheet && restored.has(e.cell)) ledger.push({ ...e });
  return {
    ledger,
    backups: record.backups.filter((b) => b.id !== backup.id),
    highlights: record.highlights,
  };
}

/**
 * The record after cells of `sheet` were highlighted: each cell keeps the fill it had before
 * its first highlight (a cell highlighted twice goes back to the user's fill, not to the
 * first highlight colour).
 */
export function recordHighlighted(
  record: WorkbookRecord,
  sheet: string,
  cells: { cell: string; fill: string | null }[],
): WorkbookRecord {
  const highlights = record.highlights.map((h) => ({ sheet: h.sheet, cells: [...h.cells] }));
  let entry = highlights.find((h) => h.sheet === sheet);
  if (!entry) {
    entry = { sheet, cells: [] };
    highlights.push(entry);
  }
  const known = new Set(entry.cells.map((c) => c.cell));
  for (const c of cells) {
    if (known.has(c.cell)) continue;
    entry.cells.push({ cell: c.cell, fill: c.fill });
    known.add(c.cell);
  }
  return { ...record, highlights };
}

/** The record after the highlights of `sheet` were cleared. */
export function recordUnhighlighted(record: WorkbookRecord, sheet: string): WorkbookRecord {
  return { ...record, highlights: record.highlights.filter((h) => h.sheet !== sheet) };
}
