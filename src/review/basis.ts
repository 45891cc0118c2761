/**
 * What each diagnostic cites in the 问题清单 (依据) and how grave it is (等级), as data.
 * Rule ids are SCORING.md's; `LAYOUTS` and `FILE` name the table reader and the file reader.
 */
import type { Level } from "./types";

/** The rule a diagnostic code applies (SCORING.md §7 codes). */
export const RULE_OF_CODE: Readonly<Record<string, string>> = {
  NO_TABLE_FOUND: "LAYOUTS",
  MULTIPLE_TABLES: "LAYOUTS",
  UNREADABLE_FILE: "FILE",
  UNPARSEABLE_VALUE: "R-PARSE",
  MISSING_TARGET: "R-PARSE",
  MISSING_ACTUAL: "R-PARSE",
  MISSING_WEIGHT: "R-PARSE",
  UNIT_MISMATCH: "R-PARSE-3",
  UNIT_ASSUMED: "R-PARSE-3",
  ACTUAL_AS_WORD: "R-PARSE-9",
  DIRECTION_UNKNOWN: "R-DIR",
  QUALITATIVE_NEEDS_JUDGEMENT: "R-QUAL",
  QUALITATIVE_BAND: "R-QUAL",
  SCORE_EXCEEDS_WEIGHT: "R-CAP",
  EXECUTION_OVER_100: "R-BUDGET",
  BUDGET_MISSING: "R-BUDGET",
  BUDGET_DENOMINATOR: "R-BUDGET",
  BUDGET_TOTAL_FROM_SUBROWS: "R-BUDGET",
  TOTAL_INCOMPLETE: "R-TOTAL-2",
  WEIGHT_SUM: "R-TOTAL-3",
  LEVEL_WEIGHT_MISMATCH: "R-TOTAL-3",
  SCORE_MISMATCH: "R-TOTAL-5",
  RATE_MISMATCH: "R-TOTAL-5",
  TOTAL_MISMATCH: "R-TOTAL-5",
  GRADE_MISMATCH: "R-GRADE-1",
  UNDER_TARGET: "R-DEV",
  OVER_COMPLETION: "R-DEV",
  LOW_EXECUTION: "R-DEV",
  PERF_EXEC_MISMATCH: "R-DEV",
  DEVIATION_NOTE_REQUIRED: "R-DEV",
  TARGET_ADJUSTED: "R-DEV",
  FORMULA_KEPT: "R-WRITE-3",
  MERGES_UNKNOWN: "R-WRITE-1",
};

/** Rule ids that have a short name in the catalog (`review.rule.<id>`). */
export const NAMED_RULES = [
  "LAYOUTS",
  "FILE",
  "R-PARSE",
  "R-PARSE-3",
  "R-PARSE-9",
  "R-DIR",
  "R-QUAL",
  "R-CAP",
  "R-BUDGET",
  "R-TOTAL-2",
  "R-TOTAL-3",
  "R-TOTAL-5",
  "R-GRADE-1",
  "R-DEV",
  "R-WRITE-1",
  "R-WRITE-3",
  "S-COST",
  "S-FUND",
  "S-DUP",
  "S-PCT",
  "S-FULL",
  "S-NOTE",
  "S-SAT",
] as const;

/** P0: the table's result is wrong or unsupported (REPORT.md), besides every error. */
export const P0_CODES: ReadonlySet<string> = new Set([
  "TOTAL_MISMATCH",
  "SCORE_MISMATCH",
  "SCORE_EXCEEDS_WEIGHT",
  "UNIT_MISMATCH",
  "DIRECTION_UNKNOWN",
  "BUDGET_MISSING",
  "RATE_MISMATCH",
  "GRADE_MISMATCH",
]);

/**
 * 等级 of a diagnostic: P0 for the codes above, for any error, and for a missing note on a
 * row scored below full; P1 for every other warning; P2 for information.
 */
export function levelOf(
  code: string,
  severity: "error" | "warning" | "info",
  scoredBelowFull: boolean,
): Level {
  if (P0_CODES.has(code) || severity === "error") return "P0";
  if (code === "DEVIATION_NOTE_REQUIRED" && scoredBelowFull) return "P0";
  return severity === "warning" ? "P1" : "P2";
}
