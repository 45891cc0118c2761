/**
 * A row's outcome under its rule (SCORING.md §2–§3): a judgement row (a person scores it), a
 * row that cannot be scored (with the diagnostic that says why), or a row scored with the
 * facts its draft note and checks need.
 */
import { bandShare, isSatisfactionRow, thresholdScore } from "./bands";
import Decimal from "decimal.js";
import type { Ctx } from "./context";
import type { DraftFacts } from "./deviations";
import { rowDirection } from "./direction";
import { clamp, dayMessage, ONE, reason, ZERO } from "./figures";
import { message, type Message } from "./messages";
import { completionWord, parseDirection, parseUnit, type ParsedValue, type Unit } from "./parse";
import { placeQualitative, type Placement } from "./qualitative";
import { ruleFromText } from "./rule-text";
import { chooseRule, type Comparison, type RowRule } from "./rules";
import { resolveUnits } from "./units";
import type { DiagnosticCode, Direction, Field, IndicatorRowInput, RuleId } from "./types";

export type RowOutcome =
  /** No rule: a person scores the row (L3 rows without figures, checklist rule texts). */
  | { kind: "judgement" }
  /**
   * Target or actual missing or unreadable, or the direction unknown (direction and rule then
   * null: R-DIR never guesses): `code` is the diagnostic already reported.
   */
  | { kind: "unscorable"; direction: Direction | null; rule: RuleId | null; code: DiagnosticCode }
  /** Compared: `score` is the rule's (unrounded; null when a person must judge, or no weight). */
  | {
      kind: "scored";
      direction: Direction;
      rule: RuleId;
      comparison: Comparison;
      score: Decimal | null;
      proposed: boolean;
      facts: DraftFacts | null;
    };

export interface RowTexts {
  name: string;
  /** Target and actual as displayed (L2: composed with operator and unit). */
  target: string | null;
  actual: string | null;
}

/** Facts of an outcome, for the checks after it. */
export function shortfallOf(o: RowOutcome): boolean {
  if (o.kind !== "scored") return false;
  const c = o.comparison;
  return c.kind === "numeric"
    ? c.shortfall
    : c.kind === "date"
      ? !c.met
      : c.kind === "word"
        ? c.word === "notMet"
        : c.below;
}
export function overOf(o: RowOutcome): boolean {
  return o.kind === "scored" && o.comparison.kind === "numeric" && o.comparison.over;
}
export function completionOf(o: RowOutcome): Decimal | null {
  return o.kind === "scored" && o.comparison.kind === "numeric" ? o.comparison.completion : null;
}
export function placementOf(o: RowOutcome): Placement {
  return o.kind === "scored" && o.comparison.kind === "qualitative" ? o.comparison.placement : null;
}
export function directionOf(o: RowOutcome): Direction | null {
  return o.kind === "judgement" ? null : o.direction;
}

function numericOf(p: ParsedValue): { v: Decimal; hi: Decimal | null; unit: Unit | null } | null {
  if (p.kind === "number") return { v: p.value, hi: null, unit: p.unit };
  if (p.kind === "range") return { v: p.lo, hi: p.hi, unit: p.unit };
  return null;
}

/** Reads, compares and scores one row under its rule; reports why a row cannot be scored. */
export function rowOutcome(
  ctx: Ctx,
  row: IndicatorRowInput,
  texts: RowTexts,
  w: Decimal | null,
  tP: ParsedValue,
  aP: ParsedValue,
): RowOutcome {
  const { name, target: tText, actual: aText } = texts;
  const textRule = ruleFromText(row.ruleText);
  if ((row.target === null && row.actual === null) || (textRule === "judgement" && !row.override?.rule))
    return { kind: "judgement" };

  // R-DIR: a direction text that names no known direction is never guessed.
  if (!row.override?.direction && parseDirection(row.direction) === "unknown") {
    ctx.diag(
      "DIRECTION_UNKNOWN",
      row.row,
      "direction",
      message("core.direction.unknown", { name, text: String(row.direction).trim() }),
    );
    return { kind: "unscorable", direction: null, rule: null, code: "DIRECTION_UNKNOWN" };
  }

  const direction = rowDirection(row, tP);
  const rule = chooseRule(row.override?.rule ?? (textRule === "judgement" ? null : textRule), direction);
  const unscorable = (code: DiagnosticCode): RowOutcome => ({
    kind: "unscorable",
    direction,
    rule: rule.id,
    code,
  });
  /** Reports why the row cannot be scored, and says it cannot. */
  const fail = (code: DiagnosticCode, field: Field, why: Message): RowOutcome => {
    ctx.diag(code, row.row, field, why);
    return unscorable(code);
  };
  // The actual is a percentage (R-SAT reads only those).
  let percentActual = false;
  const scored = (comparison: Comparison, facts: DraftFacts | null): RowOutcome => {
    // R-PARSE-9: a completion word proposes the rule's full score; anything else waits for a person.
    if (comparison.kind === "word") {
      const score = w && comparison.word === "met" ? w : null;
      return { kind: "scored", direction, rule: rule.id, comparison, score, proposed: score !== null, facts };
    }
    let raw = w ? rule.score(comparison, w, ctx.profile) : null;
    if (raw && w && comparison.kind === "numeric") {
      // R-THRESHOLD (101号): completion below the pass mark scores 0, above it linearly.
      const pass = ctx.profile.completionThreshold;
      const { A, B } = comparison;
      if (pass !== null && A.gt(0) && (rule.id === "R-POS" || rule.id === "R-REV" || rule.id === "R-EQ"))
        raw = thresholdScore(
          w,
          comparison.direction === "reverse" ? (B.gt(0) ? A.div(B) : ONE) : B.div(A),
          pass,
        );
      // R-SAT (101号): a satisfaction row with a percentage actual scores by band, whatever the target.
      const bands = ctx.profile.satisfactionBands;
      if (bands !== null && percentActual && isSatisfactionRow(row.level2, row.name))
        raw = w.times(bandShare(bands, B));
    }
    // R-CAP on computed figures (a qualitative or date score is w or 0 already).
    const score = raw && w && comparison.kind === "numeric" ? clamp(raw, w) : raw;
    return {
      kind: "scored",
      direction,
      rule: rule.id,
      comparison,
      score,
      proposed: score !== null && !!rule.proposes,
      facts,
    };
  };

  /**
   * R-PARSE-9: a completion word where a figure belongs. 完成 … proposes the full score and
   * 未完成 … waits for a person (both with ACTUAL_AS_WORD, asking for the figure); any other text
   * (a date row only) waits for a person.
   */
  const byWord = (word: "met" | "notMet" | null, date: Message | null): RowOutcome => {
    if (word)
      ctx.diag(
        "ACTUAL_AS_WORD",
        row.row,
        "actual",
        message(word === "met" ? "core.actual.wordMet" : "core.actual.wordNotMet", {
          name,
          text: aText ?? "",
          target: tText ?? "",
        }),
      );
    return scored(
      { kind: "word", word, date },
      word === "notMet" ? { kind: "short", name, target: tText, actual: aText, completion: null } : null,
    );
  };

  if (tP.kind === "error") {
    return fail(
      "UNPARSEABLE_VALUE",
      "target",
      message("core.target.unreadable", {
        name,
        text: tText ?? "",
        reason: reason(row.target, "core.reason.unreadable"),
      }),
    );
  }
  if (tP.kind === "null") {
    return fail("MISSING_TARGET", "target", message("core.target.missing", { name }));
  }

  // Qualitative (R-QUAL, R-LADDER).
  if (direction === "qualitative") {
    if (aP.kind === "null" || aText === null) {
      return fail("MISSING_ACTUAL", "actual", message("core.actual.missing", { name }));
    }
    const placement = placeQualitative(tText ?? "", aText, ctx.profile);
    const achieved =
      placement !== null &&
      (placement.kind === "identical" || (placement.kind === "ladder" && placement.below === 0));
    const below =
      placement !== null &&
      (placement.kind === "negation" || (placement.kind === "ladder" && placement.below > 0));
    return scored(
      { kind: "qualitative", placement, achieved, below },
      { kind: "qualitative", name, target: tText, actual: aText },
    );
  }

  // Dates (R-DATE).
  if (direction === "date") {
    if (tP.kind !== "date") {
      return fail("UNPARSEABLE_VALUE", "target", message("core.target.notDate", { name, text: tText ?? "" }));
    }
    if (aP.kind === "null") {
      return fail("MISSING_ACTUAL", "actual", message("core.actual.missing", { name }));
    }
    if (aP.kind !== "date") {
      // R-PARSE-9 / R-QUAL: a word for a date; a person judges the rest (asked only while the score cell is empty).
      if (aP.kind === "text") return byWord(completionWord(aText), dayMessage(tP.day));
      return fail("UNPARSEABLE_VALUE", "actual", message("core.actual.notDate", { name, text: aText ?? "" }));
    }
    const met = aP.day <= tP.day;
    return scored({ kind: "date", met }, met ? null : { kind: "late", name, target: tText, actual: aText });
  }

  // Numbers and ranges.
  const t = numericOf(tP)!;
  let bNum: { v: Decimal; unit: Unit | null } | null = null;
  if (aP.kind === "number") bNum = { v: aP.value, unit: aP.unit };
  else if (aP.kind === "range") bNum = { v: aP.lo, unit: aP.unit };
  else if (aP.kind === "null" && aP.none && t.v.isZero()) bNum = { v: ZERO, unit: t.unit };
  if (!bNum) {
    if (aP.kind === "null") {
      return fail("MISSING_ACTUAL", "actual", message("core.actual.missingForScore", { name }));
    }
    const word = aP.kind === "text" ? completionWord(aText) : null;
    if (word) return byWord(word, null);
    return fail(
      "UNPARSEABLE_VALUE",
      "actual",
      message("core.actual.notNumber", {
        name,
        text: aText ?? "",
        reason: reason(row.actual, "core.reason.notNumeric"),
        target: tText ?? "",
      }),
    );
  }
  const unitCol = row.unit ? parseUnit(row.unit) : null;
  const r = resolveUnits(t.v, t.hi, t.unit, bNum.v, bNum.unit, unitCol);
  if (r.mismatch) {
    return fail(
      "UNIT_MISMATCH",
      "actual",
      message("core.unit.mismatch", { name, targetUnit: r.mismatch.t, actualUnit: r.mismatch.a }),
    );
  }
  if (r.assumed && !(aP.kind === "null")) {
    const side =
      r.assumed.side === "actual"
        ? message("core.side.actual", { text: String(aText) })
        : message("core.side.target", { text: String(tText) });
    ctx.diag(
      "UNIT_ASSUMED",
      row.row,
      r.assumed.side,
      message("core.unit.assumed", { name, side, unit: r.assumed.unit }),
    );
  }
  const dir = direction as "positive" | "reverse" | "equal" | "range";
  const A = r.A;
  const B = Decimal.max(r.B, ZERO); // R-CAP: negative actuals count as 0
  const k = new Decimal(ctx.profile.overCompletionFactor);

  let completion: Decimal | null = null;
  if ((dir === "positive" || dir === "equal" || dir === "range") && A.gt(0)) completion = B.div(A);
  else if (dir === "reverse" && B.gt(0)) completion = A.div(B);

  // Shortfall and over-completion (R-DEV).
  const shortfall = dir === "reverse" ? B.gt(A) : dir === "equal" && A.isZero() ? B.gt(0) : B.lt(A);
  let over = false;
  if (dir === "positive" || dir === "equal") over = A.gt(0) && B.gte(k.times(A));
  if (dir === "range") over = r.hi !== null && r.hi.gt(0) && B.gte(k.times(r.hi));
  const met = dir === "reverse" ? B.lte(A) : dir === "equal" && A.isZero() ? B.lte(0) : B.gte(A);
  const actualIsFraction =
    (r.assumed === null && (bNum.unit?.base === "%" || unitCol?.base === "%")) ||
    (bNum.unit === null && !unitCol && r.B.lte(1));
  percentActual =
    bNum.unit?.base === "%" || unitCol?.base === "%" || (r.assumed !== null && t.unit?.base === "%");

  const base = { name, target: tText, actual: aText };
  const facts: DraftFacts | null =
    dir === "reverse" && shortfall
      ? { kind: "overLimit", ...base, by: A.gt(0) ? B.minus(A).div(A) : null }
      : shortfall
        ? { kind: "short", ...base, completion }
        : over
          ? { kind: "over", ...base, completion }
          : null;
  return scored(
    { kind: "numeric", direction: dir, A, B, hi: r.hi, met, actualIsFraction, completion, shortfall, over },
    facts,
  );
}

export type { RowRule };
