/** One scoring run's state: the profile, what it reports (diagnostics) and what it plans to write. */
import Decimal from "decimal.js";
import type { Message } from "./messages";
import type { CoreDiagnostic, CoreWrite, DiagnosticCode, Field, Profile, Severity } from "./types";

/** The severity of each diagnostic code (SCORING.md §7). */
export const SEVERITY: Record<DiagnosticCode, Severity> = {
  NO_TABLE_FOUND: "error",
  UNREADABLE_FILE: "error",
  UNPARSEABLE_VALUE: "error",
  MISSING_TARGET: "warning",
  MISSING_ACTUAL: "warning",
  MISSING_WEIGHT: "warning",
  UNIT_MISMATCH: "error",
  UNIT_ASSUMED: "info",
  SCORE_EXCEEDS_WEIGHT: "error",
  SCORE_MISMATCH: "error",
  RATE_MISMATCH: "warning",
  TOTAL_MISMATCH: "error",
  TOTAL_INCOMPLETE: "warning",
  WEIGHT_SUM: "warning",
  LEVEL_WEIGHT_MISMATCH: "warning",
  QUALITATIVE_NEEDS_JUDGEMENT: "warning",
  QUALITATIVE_BAND: "warning",
  UNDER_TARGET: "warning",
  OVER_COMPLETION: "warning",
  LOW_EXECUTION: "warning",
  EXECUTION_OVER_100: "warning",
  BUDGET_MISSING: "error",
  BUDGET_DENOMINATOR: "info",
  PERF_EXEC_MISMATCH: "warning",
  DEVIATION_NOTE_REQUIRED: "warning",
  FORMULA_KEPT: "info",
  MERGES_UNKNOWN: "info",
  MULTIPLE_TABLES: "info",
  TARGET_ADJUSTED: "info",
  BUDGET_TOTAL_FROM_SUBROWS: "info",
  DIRECTION_UNKNOWN: "error",
  ACTUAL_AS_WORD: "info",
  GRADE_MISMATCH: "warning",
};

export class Ctx {
  readonly diagnostics: CoreDiagnostic[] = [];
  readonly writes: CoreWrite[] = [];
  constructor(
    readonly profile: Profile,
    readonly recomputeAll: boolean,
  ) {}

  /** Reports a diagnostic: its code, where it is (row, field, note id) and what to say. */
  diag(
    code: DiagnosticCode,
    row: number | null,
    field: Field | null,
    message: Message,
    noteId?: string,
  ): void {
    const d: CoreDiagnostic = { code, severity: SEVERITY[code], row, field, message };
    if (noteId !== undefined) d.noteId = noteId;
    this.diagnostics.push(d);
  }

  /** Where the run stands: what was reported and planned so far. */
  mark(): { diagnostics: number; writes: number } {
    return { diagnostics: this.diagnostics.length, writes: this.writes.length };
  }

  /** Forgets what was reported and planned since `mark` (a row scored again). */
  rollback(mark: { diagnostics: number; writes: number }): void {
    this.diagnostics.length = mark.diagnostics;
    this.writes.length = mark.writes;
  }

  /** R-ROUND: half-up to `profile.decimals`. */
  round(d: Decimal): Decimal {
    return d.toDecimalPlaces(this.profile.decimals, Decimal.ROUND_HALF_UP);
  }

  /** A figure for a message: rounded per profile, without trailing zeros. */
  fmt(d: Decimal | number): string {
    return this.round(new Decimal(d)).toString();
  }
}
