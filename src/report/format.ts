/** Figures as a 自评报告 writes them, in decimal arithmetic (no binary rounding on the way). */
import Decimal from "decimal.js";

/** An amount with two decimals: 207 → `207.00`, 170.69 → `170.69`. */
export function amount(n: number): string {
  return new Decimal(n).toFixed(2);
}

/** A rate with two decimals: 0.8246 → `82.46%`. */
export function rate(n: number): string {
  return `${new Decimal(n).times(100).toFixed(2)}%`;
}

/** A rate without trailing zeros: 0.8326 → `83.26%`, 1.62 → `162%`. */
export function ratio(n: number): string {
  return `${new Decimal(n).times(100).toDecimalPlaces(2).toString()}%`;
}

/** A score or weight as the report gives it: 86.59 → `86.59`, 8 → `8`. */
export function points(n: number): string {
  return new Decimal(n).toString();
}

/** Sum in decimal; null when no value is given. */
export function sum(values: (number | null | undefined)[]): Decimal | null {
  let s: Decimal | null = null;
  for (const v of values) if (typeof v === "number" && Number.isFinite(v)) s = (s ?? new Decimal(0)).plus(v);
  return s;
}

/** Factor that turns an amount in `unit` into 万元 (null for an unknown unit). */
export function toWan(unit: string | null): Decimal | null {
  switch (unit) {
    case "万元":
      return new Decimal(1);
    case "元":
      return new Decimal("0.0001");
    case "千元":
      return new Decimal("0.1");
    case "亿元":
      return new Decimal(10000);
    default:
      return null;
  }
}
