/**
 * R-WRITE-2/3, the one write policy of the core: what a score, rate, total or grade cell
 * will hold. Empty cells and the program's own values are written; a person's value is kept
 * (replaced only under 全部按规则重算 where allowed); a formula is never written.
 */
import Decimal from "decimal.js";
import type { Ctx } from "./context";
import { message, type Message } from "./messages";
import { numberOf } from "./parse";
import type { CellInput, CellOrigin, Field, WriteKind } from "./types";

/** True when the cell already holds `after` (R-WRITE-1: equal values are not written). */
export function sameValue(current: CellInput | null, after: number | string): boolean {
  const v = current ? current.value : null;
  if (v === null || v === undefined) return false;
  if (typeof after === "string") return typeof v === "string" && v === after;
  if (typeof v === "number") return new Decimal(v).eq(after);
  if (typeof v === "string") {
    const n = numberOf(current);
    return n instanceof Decimal && n.eq(after) && /^\s*[-+]?\d+(\.\d+)?\s*$/.test(v);
  }
  return false;
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
    if (!sameValue(cell, after))
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
  if (!sameValue(cell, after))
    ctx.writes.push({
      row: where.row,
      field: where.field,
      before: isEmpty ? null : cell.value,
      after,
      kind: where.kind,
    });
  return "written";
}
