/**
 * 财预〔2021〕101号 赋分规则 (SCORING.md R-THRESHOLD, R-SAT, R-BUDGET bands), active only when
 * the profile sets `completionThreshold`, `satisfactionBands` or `budgetBands`.
 */
import Decimal from "decimal.js";

/** A band: from `min` (a fraction) up, `share` of the weight. */
export interface Band {
  min: number;
  share: number;
}

const ZERO = new Decimal(0);
const ONE = new Decimal(1);

/**
 * R-THRESHOLD: completion c (capped at 1) below the pass mark t scores 0, otherwise
 * w·(c − t)/(1 − t). With t = 0.6, 83.26% of 5 points gives 2.91.
 */
export function thresholdScore(w: Decimal, completion: Decimal, t: number): Decimal {
  const c = Decimal.min(Decimal.max(completion, ZERO), ONE);
  const pass = new Decimal(t);
  if (c.lt(pass)) return ZERO;
  return w.times(c.minus(pass)).div(ONE.minus(pass));
}

/** The share of the first band (highest `min` first) that `x` reaches; 0 when none. */
export function bandShare(bands: readonly Band[], x: Decimal): Decimal {
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  for (const b of sorted) if (x.gte(b.min)) return new Decimal(b.share);
  return ZERO;
}

/** R-SAT: a row whose 二级指标 or name contains 满意度. */
export function isSatisfactionRow(level2: string, name: string): boolean {
  return /满\s*意\s*度/.test(level2) || /满\s*意\s*度/.test(name);
}
