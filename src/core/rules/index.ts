/**
 * The row rules (SCORING.md §3) as data. To add a rule: write `rules/<family>.ts` exporting a
 * `RowRule`, add its id to `RuleId` (types.ts) and to `RULES` below; to make it a direction's
 * default, set it in `DEFAULT_RULE`. Tests: test/core/rules/<family>.test.ts.
 */
import type { Direction, RuleId } from "../types";
import { binary } from "./binary";
import { date } from "./date";
import { equal } from "./equal";
import { positive } from "./positive";
import { qualitative } from "./qualitative";
import { rate } from "./rate";
import { reverse } from "./reverse";
import type { Comparison, RowRule } from "./types";

export type {
  Comparison,
  NumericComparison,
  DateComparison,
  QualitativeComparison,
  WordComparison,
  RowRule,
} from "./types";

export const RULES: Readonly<Record<RuleId, RowRule>> = {
  "R-POS": positive,
  "R-REV": reverse,
  "R-EQ": equal,
  "R-DATE": date,
  "R-BIN": binary,
  "R-RATE": rate,
  "R-QUAL": qualitative,
};

/** The rule of each direction when neither an override nor R-TEXT names one. */
export const DEFAULT_RULE: Readonly<Record<Direction, RuleId>> = {
  positive: "R-POS",
  range: "R-POS",
  reverse: "R-REV",
  equal: "R-EQ",
  date: "R-DATE",
  qualitative: "R-QUAL",
};

/** What a direction compares. */
export function comparisonKind(direction: Direction): Comparison["kind"] {
  return direction === "qualitative" ? "qualitative" : direction === "date" ? "date" : "numeric";
}

/** The rule of a row: the one named (override, then R-TEXT) when it can score the direction's comparison, else the default. */
export function chooseRule(named: RuleId | null, direction: Direction): RowRule {
  const rule = named ? RULES[named] : null;
  return rule && rule.kinds.includes(comparisonKind(direction)) ? rule : RULES[DEFAULT_RULE[direction]];
}
