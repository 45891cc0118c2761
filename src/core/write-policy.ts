/**
 * R-WRITE, the one write policy: what a score, rate, total, grade or note cell will hold.
 * Empty cells and the program's own values are written; a person's value is kept (replaced
 * only under 全部按规则重算 where allowed); a formula is never written; a note is written
 * only while it is empty or still the program's draft. The sheet layer and the hosts take
 * these decisions as final: they locate cells and compare values with `sameValue`.
 */
import Decimal from "decimal.js";
import type { Ctx } from "./context";
import { message, type Message } from "./messages";
import type { CellInput, CellOrigin, Field, NoteRef, WriteKind } from "./types";

/** A cell's value as any layer holds it (undefined: no cell). */
export type AnyCellValue = string | number | boolean | Date | null | undefined;

/**
 * Two values closer than this are the same number. The program writes at most four
 * decimals (rates); the margin absorbs Excel's 15-significant-digit storage and text round
 * trips, far below any difference a score, rate or total can show.
 */
export const VALUE_TOL = new Decimal("1e-9");

const PLAIN_DECIMAL = /^\s*[-+]?\d+(?:\.\d+)?\s*$/;

function blank(v: AnyCellValue): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

function numeric(v: number | string): Decimal | null {
  if (typeof v === "number") return Number.isFinite(v) ? new Decimal(v) : null;
  return PLAIN_DECIMAL.test(v) ? new Decimal(v.trim()) : null;
}

/**
 * Whether a cell holds the same value as another: the one comparison of cell values, used
 * for R-WRITE-1 (an equal value is not written), R-WRITE-2 (the record names this very
 * value) and the hosts' checks that a sheet is unchanged since it was read.
 * - empty (nothing, or only whitespace) is the same as empty, and differs from anything else;
 * - a number and a number, or a number and a text writing a plain decimal (` 85.5 `), are the
 *   same within `VALUE_TOL`;
 * - two texts are the same once their surrounding whitespace is trimmed;
 * - dates by their instant; booleans exactly; anything else differs.
 */
export function sameValue(a: AnyCellValue, b: AnyCellValue): boolean {
  if (a === b) return true;
  if (blank(a) || blank(b)) return blank(a) && blank(b);
  if (a instanceof Date || b instanceof Date)
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (typeof a === "string" && typeof b === "string") return a.trim() === b.trim();
  if ((typeof a === "number" || typeof a === "string") && (typeof b === "number" || typeof b === "string")) {
    const x = numeric(a);
    const y = numeric(b);
    return x !== null && y !== null && x.minus(y).abs().lt(VALUE_TOL);
  }
  return false;
}

/** Marker that starts every draft note; a note that still starts with it may be refreshed. */
export const DRAFT_MARK = "【待补充】";

/** A note the program drafted (it starts with `DRAFT_MARK`): only these are ever refreshed. */
export function isDraftNote(text: string | null): boolean {
  return text !== null && text.trimStart().startsWith(DRAFT_MARK);
}

/** R-WRITE-1: a note cell may be written while it is empty or still a draft, never over a formula. */
export function noteWritable(note: NoteRef): boolean {
  return !note.formula && (note.text === null || note.text.trim() === "" || isDraftNote(note.text));
}

/** Plans a draft into a writable note cell unless it already holds it; false when the note is a person's. */
export function settleNote(
  ctx: Ctx,
  note: NoteRef,
  draft: string,
  where: { row: number; field: "note" | "budgetReason" },
): boolean {
  if (!noteWritable(note)) return false;
  if (!sameValue(note.text, draft))
    ctx.writes.push({ ...where, noteId: note.id, before: note.text, after: draft, kind: "note" });
  return true;
}

export type Settled = "written" | "kept-person" | "kept-formula" | "none" | "no-cell";

export interface WriteTarget {
  row: number;
  field: Field;
  kind: WriteKind;
  /** The cell, for FORMULA_KEPT (`总分`, `X的得分`). */
  label: Message;
  /** Whether 全部按规则重算 may replace a person's value here. */
  allowReplacePerson: boolean;
}

/**
 * Decides what a cell will hold given the value the rules want (already rounded for writing)
 * and plans the write. Returns what happened: written (or planned), kept (a person's value
 * or a formula), nothing to write, or no cell.
 */
export function settle(
  ctx: Ctx,
  cell: CellInput | null,
  origin: CellOrigin,
  value: Decimal | string | null,
  where: WriteTarget,
): Settled {
  if (cell === null) return "no-cell";
  const isEmpty = origin === "empty" || cell.value === null || cell.value === "";
  if (value === null)
    return isEmpty ? "none" : origin === "formula" || cell.formula ? "kept-formula" : "kept-person";
  const after = typeof value === "string" ? value : value.toNumber();
  if (cell.formula || origin === "formula") {
    if (!sameValue(cell.value, after))
      ctx.diag(
        "FORMULA_KEPT",
        where.row,
        where.field,
        message("core.formulaKept", {
          cell: where.label,
          value: typeof value === "string" ? value : value.toString(),
        }),
      );
    return "kept-formula";
  }
  const writable =
    isEmpty || origin === "program" || (origin === "person" && ctx.recomputeAll && where.allowReplacePerson);
  if (!writable) return "kept-person";
  if (!sameValue(cell.value, after))
    ctx.writes.push({
      row: where.row,
      field: where.field,
      before: isEmpty ? null : cell.value,
      after,
      kind: where.kind,
    });
  return "written";
}
