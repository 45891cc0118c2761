/**
 * Numbers as the pane shows them, one way everywhere: scores (and weights, totals) with the
 * profile's decimals, rates as percentages with two decimals. Decimal arithmetic.
 */
import Decimal from "decimal.js";
import type { WriteKind } from "../core/types";
import type { CellValue } from "../sheet/types";

/** A score, weight or total with the profile's decimals (R-ROUND: half up). */
export function formatScore(v: number | string | Decimal, decimals: number): string {
  return new Decimal(v).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).toFixed(decimals);
}

/** A rate (a fraction: 0.8246) as a percentage with two decimals: 82.46%. */
export function formatRate(fraction: number | string | Decimal): string {
  return `${new Decimal(fraction).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2)}%`;
}

/** A cell value as a finance officer reads it: scores and totals with `decimals`, rates as percentages. */
export function formatCell(
  v: CellValue | undefined,
  kind: WriteKind | undefined,
  decimals: number,
): string | null {
  if (v === null || v === undefined || v === "") return null;
  if (v instanceof Date) {
    const p = (n: number) => String(n).padStart(2, "0");
    return `${v.getFullYear()}-${p(v.getMonth() + 1)}-${p(v.getDate())}`;
  }
  if (typeof v === "number") {
    if (kind === "rate") return formatRate(v);
    if (kind === "score" || kind === "total") return formatScore(v, decimals);
    return new Decimal(v).toString();
  }
  return String(v);
}
