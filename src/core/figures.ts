/** Figures: constants, tolerances, rates and percentages as the core reports them. */
import Decimal from "decimal.js";
import { message, type Message } from "./messages";
import { baseValue, numberOf, parseValue } from "./parse";
import type { CellInput } from "./types";

export const ZERO = new Decimal(0);
export const ONE = new Decimal(1);
export const HUNDRED = new Decimal(100);
/** Tolerances of R-TOTAL-5. */
export const SCORE_TOL = new Decimal("0.005");
export const RATE_TOL = new Decimal("0.00005");

/** `82.46%` (two decimals). */
export function pct(d: Decimal): string {
  return d.times(100).toFixed(2, Decimal.ROUND_HALF_UP) + "%";
}

/** `90%`, `82.5%` (up to two decimals). */
export function pctShort(d: Decimal): string {
  return d.times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toString() + "%";
}

/** A rate as reported and written: a fraction rounded to 4 decimals (R-ROUND). */
export function rate4(d: Decimal): Decimal {
  return d.toDecimalPlaces(4, Decimal.ROUND_HALF_UP);
}

/** R-CAP: 0 ≤ s ≤ w. */
export function clamp(s: Decimal, w: Decimal): Decimal {
  return Decimal.max(ZERO, Decimal.min(s, w));
}

/** A cell's number, or null when empty or unreadable. */
export function num(c: CellInput | null): Decimal | null {
  const n = numberOf(c);
  return n instanceof Decimal ? n : null;
}

/** A rate read from a cell: a percent-formatted number, `82.46%`, or a bare number (>2 means percentage points). */
export function rateOf(c: CellInput | null): Decimal | null | "invalid" {
  const p = parseValue(c);
  if (p.kind === "null") return null;
  if (p.kind !== "number") return "invalid";
  if (p.unit) return p.unit.base === "%" ? baseValue(p.value, p.unit) : "invalid";
  return p.value.gt(2) ? p.value.div(100) : p.value;
}

/** R-PARSE-2: why a cell's number was not read: out of the plausible range, else `otherwise`. */
export function reason(
  c: CellInput | null,
  otherwise: "core.reason.unreadable" | "core.reason.notNumber" | "core.reason.notNumeric",
): Message {
  const p = parseValue(c);
  return message(p.kind === "error" && p.outOfRange ? "core.reason.outOfRange" : otherwise);
}

/** A day (days since 1970-01-01) as a message, worded per locale. */
export function dayMessage(day: number): Message {
  const d = new Date(day * 86400000);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const dd = d.getUTCDate();
  return message("core.date", {
    y,
    m,
    d: dd,
    mm: String(m).padStart(2, "0"),
    dd: String(dd).padStart(2, "0"),
  });
}
