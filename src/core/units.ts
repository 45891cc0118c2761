/** R-PARSE-3: target and actual brought to one base unit. */
import Decimal from "decimal.js";
import { ONE } from "./figures";
import { baseValue, type Unit } from "./parse";

export interface Resolved {
  A: Decimal;
  B: Decimal;
  hi: Decimal | null;
  /** Text of the unit the bare side was given (UNIT_ASSUMED), or null. */
  assumed: { side: "target" | "actual"; unit: string } | null;
  mismatch: { t: string; a: string } | null;
}

function unitLabel(u: Unit): string {
  return u.base === "%" ? "%" : u.text;
}

/** R-PARSE-3: brings target and actual to the same base unit. */
export function resolveUnits(
  tVal: Decimal,
  tHi: Decimal | null,
  tUnit0: Unit | null,
  bVal: Decimal,
  aUnit0: Unit | null,
  unitCol: Unit | null,
): Resolved {
  let tu = tUnit0 ?? unitCol;
  let au = aUnit0 ?? unitCol;
  let assumed: Resolved["assumed"] = null;
  if (tu && !au) {
    if (tu.base === "%") au = { base: "%", scale: bVal.abs().lte(1) ? ONE : new Decimal("0.01"), text: "" };
    else au = tu;
    assumed = { side: "actual", unit: unitLabel(tu) };
  } else if (au && !tu) {
    if (au.base === "%") tu = { base: "%", scale: tVal.abs().lte(1) ? ONE : new Decimal("0.01"), text: "" };
    else tu = au;
    assumed = { side: "target", unit: unitLabel(au) };
  }
  if (tu && au && tu.base !== au.base && tu.base !== "" && au.base !== "") {
    return { A: tVal, B: bVal, hi: tHi, assumed: null, mismatch: { t: unitLabel(tu), a: unitLabel(au) } };
  }
  return {
    A: baseValue(tVal, tu),
    B: baseValue(bVal, au),
    hi: tHi === null ? null : baseValue(tHi, tu),
    assumed,
    mismatch: null,
  };
}
