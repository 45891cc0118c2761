/** What a row rule is (SCORING.md §3): the facts it scores and how. */
import type Decimal from "decimal.js";
import type { Message } from "../messages";
import type { Placement } from "../qualitative";
import type { Profile, RuleId } from "../types";

/** A numeric comparison (R-POS, R-REV, R-EQ, ranges): target A and actual B in one base unit. */
export interface NumericComparison {
  kind: "numeric";
  direction: "positive" | "reverse" | "equal" | "range";
  A: Decimal;
  /** The actual, negative counted as 0 (R-CAP). */
  B: Decimal;
  /** Upper end of a range target, else null. */
  hi: Decimal | null;
  /** Met by the row's direction: B ≥ A (reverse: B ≤ A; = 0: B ≤ 0). */
  met: boolean;
  /** The actual reads as a fraction (a percentage, or a bare number ≤ 1), for R-RATE. */
  actualIsFraction: boolean;
  completion: Decimal | null;
  /** B short of A (reverse: over A). */
  shortfall: boolean;
  /** B ≥ k·A (R-DEV OVER_COMPLETION). */
  over: boolean;
}

/** A date comparison (R-DATE): on or before the target day. */
export interface DateComparison {
  kind: "date";
  met: boolean;
}

/** A qualitative comparison (R-QUAL, R-LADDER). */
export interface QualitativeComparison {
  kind: "qualitative";
  placement: Placement;
  /** Identical, or the same step or higher on a ladder. */
  achieved: boolean;
  /** Lower on a ladder, or a negation of the target. */
  below: boolean;
}

/**
 * R-PARSE-9: a word written where a figure or date belongs. `met` (完成 …) proposes the full
 * score, `notMet` (未完成 …) and any other text (`null`) wait for a person; `date` is the
 * target day of a date row (for the question put to the person), else null.
 */
export interface WordComparison {
  kind: "word";
  word: "met" | "notMet" | null;
  date: Message | null;
}

export type Comparison = NumericComparison | DateComparison | QualitativeComparison | WordComparison;

/** A row rule: which comparisons it scores and the score it gives. */
export interface RowRule {
  id: RuleId;
  /** The comparisons this rule can score; chosen for another, the direction's default rule applies. */
  kinds: readonly Comparison["kind"][];
  /** The score of weight `w` (unrounded, before R-CAP), or null when a person must judge. */
  score(c: Comparison, w: Decimal, profile: Profile): Decimal | null;
  /** The score is a proposal (R-QUAL): written into an empty cell, never over a person's. */
  proposes?: boolean;
}
