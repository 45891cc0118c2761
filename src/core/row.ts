/**
 * One indicator row (SCORING.md §1–§3, §6): read it, score it by its rule, settle its score
 * cell (R-WRITE), check a kept score, and say what it still needs.
 */
import Decimal from "decimal.js";
import type { Ctx } from "./context";
import type { DraftFacts } from "./deviations";
import { pctShort, rate4, reason, SCORE_TOL } from "./figures";
import { message } from "./messages";
import {
  completionOf,
  directionOf,
  overOf,
  placementOf,
  rowOutcome,
  shortfallOf,
  type RowOutcome,
} from "./outcome";
import { composeDisplay, displayText, normalizeLabel, numberOf, parseValue } from "./parse";
import { bandParams, bandRange, qualitativeBands } from "./qualitative";
import { settle } from "./write-policy";
import type { IndicatorResult, IndicatorRowInput, ScoreSource, TableInput } from "./types";

export interface RowEval {
  input: IndicatorRowInput;
  result: IndicatorResult;
  weight: Decimal | null;
  /** Unrounded effective score (round-of-sum). */
  exact: Decimal | null;
  /** Score as the cell will hold it (sum-of-rounded). */
  written: Decimal | null;
  /** Needs a deviation note (UNDER_TARGET). */
  under: boolean;
  over: boolean;
  /** R-DIR: the direction text names no direction; the total stays provisional until one is set. */
  directionUnknown: boolean;
  /** What its draft note states. */
  facts: DraftFacts | null;
}

/** Scores one row; null for a 不适用 row (R-PARSE-7: target and weight both null), skipped silently. */
export function evaluateRow(ctx: Ctx, row: IndicatorRowInput, layout: TableInput["layout"]): RowEval | null {
  const tP = parseValue(row.target);
  const aP = parseValue(row.actual);
  const wN = numberOf(row.weight, true);
  const name = normalizeLabel(row.name);
  if ((tP.kind === "null" || row.target === null) && wN === null) return null;

  const l2 = row.direction != null || (row.unit != null && row.unit !== "");
  const tText = l2
    ? composeDisplay(row.direction, displayText(row.target), row.unit)
    : displayText(row.target);
  const aRaw = displayText(row.actual);
  const unitText = (row.unit ?? "").trim();
  const aText =
    l2 && aRaw !== null && unitText && aP.kind === "number" && !aP.unit && !aRaw.trim().endsWith(unitText)
      ? aRaw.trim() + unitText
      : aRaw;

  const flagsBefore = ctx.diagnostics.length;
  let w: Decimal | null = null;
  if (wN === "invalid") {
    ctx.diag(
      "UNPARSEABLE_VALUE",
      row.row,
      "weight",
      message("core.weight.unreadable", {
        name,
        text: displayText(row.weight) ?? "",
        reason: reason(row.weight, "core.reason.notNumber"),
      }),
    );
  } else if (wN === null) {
    ctx.diag("MISSING_WEIGHT", row.row, "weight", message("core.weight.missing", { name }));
  } else {
    w = wN;
  }

  const o = rowOutcome(ctx, row, { name, target: tText, actual: aText }, w, tP, aP);
  const direction = directionOf(o);
  const ruleScore = o.kind === "scored" ? o.score : null;
  const proposed = o.kind === "scored" && o.proposed;
  const ruleRounded = ruleScore ? ctx.round(ruleScore) : null;

  // The score cell (R-WRITE-2/3).
  const current = numberOf(row.score);
  const settled = settle(ctx, row.score, row.scoreOrigin, ruleRounded, {
    row: row.row,
    field: "score",
    kind: "score",
    label: message("core.cell.rowScore", { name }),
    allowReplacePerson: !proposed,
  });
  let exact: Decimal | null = null;
  let written: Decimal | null = null;
  let source: ScoreSource = "none";
  if (settled === "written" || settled === "no-cell") {
    exact = ruleScore;
    written = ruleRounded;
    source = ruleScore ? (proposed ? "proposed" : "computed") : "none";
  } else if (settled === "kept-person" || settled === "kept-formula") {
    source = settled === "kept-person" ? "person" : "formula";
    if (current === "invalid") {
      ctx.diag(
        "UNPARSEABLE_VALUE",
        row.row,
        "score",
        message("core.score.unreadable", {
          name,
          text: displayText(row.score) ?? "",
          reason: reason(row.score, "core.reason.notNumber"),
        }),
      );
      source = "none";
    } else if (current !== null) {
      exact = current;
      written = current;
    } else source = "none";
  }

  if ((settled === "kept-person" || settled === "kept-formula") && written)
    checkKeptScore(ctx, row, o, { name, target: tText, actual: aText }, w, written, ruleRounded);
  if (written === null && w) askJudgement(ctx, row, o, { name, target: tText, actual: aText }, w);

  // R-DEV: UNDER_TARGET (rows with a target; not L3 judgement rows).
  const shortfall = shortfallOf(o);
  const completion = completionOf(o);
  const hasTarget = row.target !== null && layout !== "L3";
  const scoreShort = written !== null && w !== null && written.lt(w);
  const under = hasTarget && w !== null && (shortfall || scoreShort);
  let facts = o.kind === "scored" ? o.facts : null;
  if (under) {
    if (!shortfall || !facts)
      facts = { kind: "lowScore", name, target: tText, actual: aText, score: written, weight: w! };
    // Met, yet scored below the weight (a deduction, a formula): the score is the reason, not the figures.
    const msg = !shortfall
      ? message("core.under.lowScore", { name, score: String(written?.toString()), weight: w!.toString() })
      : completion && direction !== "qualitative"
        ? message(direction === "reverse" ? "core.under.reverseRate" : "core.under.rate", {
            name,
            completion: pctShort(completion),
          })
        : direction === "qualitative"
          ? message("core.under.qualitative", { name, actual: aText ?? "", target: tText ?? "" })
          : message(
              direction === "date" && o.kind === "scored" && o.comparison.kind === "date"
                ? "core.under.late"
                : "core.under.short",
              { name },
            );
    ctx.diag("UNDER_TARGET", row.row, "score", msg);
  }
  const over = overOf(o);
  if (over) {
    const figures = { name, actual: String(aText), target: String(tText) };
    ctx.diag(
      "OVER_COMPLETION",
      row.row,
      "actual",
      completion
        ? message("core.over.withRate", { ...figures, completion: pctShort(completion) })
        : message("core.over.plain", figures),
    );
  }

  const flags = ctx.diagnostics
    .slice(flagsBefore)
    .filter((d) => d.row === row.row)
    .map((d) => d.code);
  const result: IndicatorResult = {
    row: row.row,
    level1: normalizeLabel(row.level1),
    level2: normalizeLabel(row.level2),
    name,
    target: tText,
    actual: aText,
    direction,
    rule: o.kind === "judgement" ? null : o.rule,
    weight: w ? w.toNumber() : null,
    score: written ? written.toNumber() : null,
    scoreSource: source,
    ruleScore:
      direction === "qualitative"
        ? proposed && ruleRounded
          ? ruleRounded.toNumber()
          : null
        : ruleRounded
          ? ruleRounded.toNumber()
          : null,
    completion: completion ? rate4(completion).toNumber() : null,
    flags: [...new Set(flags)],
    bands: direction === "qualitative" && w ? qualitativeBands(w.toNumber(), ctx.profile) : null,
  };
  const directionUnknown = o.kind === "unscorable" && o.code === "DIRECTION_UNKNOWN";
  return { input: row, result, weight: w, exact, written, under, over, directionUnknown, facts };
}

interface Texts {
  name: string;
  target: string | null;
  actual: string | null;
}

/** Checks of a score a person (or a formula) put there: over the weight, negative, off its band or rule. */
function checkKeptScore(
  ctx: Ctx,
  row: IndicatorRowInput,
  o: RowOutcome,
  { name, target, actual }: Texts,
  w: Decimal | null,
  written: Decimal,
  ruleRounded: Decimal | null,
): void {
  if (w && written.gt(w))
    ctx.diag(
      "SCORE_EXCEEDS_WEIGHT",
      row.row,
      "score",
      message("core.score.overWeight", { name, score: written.toString(), weight: w.toString() }),
    );
  if (written.lt(0))
    ctx.diag(
      "SCORE_EXCEEDS_WEIGHT",
      row.row,
      "score",
      message("core.score.negative", { name, score: written.toString() }),
    );
  if (directionOf(o) === "qualitative" && w) {
    // R-QUAL: a kept score is checked against the bands its placement allows, never SCORE_MISMATCH.
    const range = bandRange(placementOf(o), w, ctx.profile);
    if (range && (written.lt(range[0]) || written.gt(range[1])))
      ctx.diag(
        "QUALITATIVE_BAND",
        row.row,
        "score",
        message("core.qual.band", {
          name,
          actual: String(actual),
          target: String(target),
          lo: ctx.fmt(range[0]),
          hi: ctx.fmt(range[1]),
          score: written.toString(),
        }),
      );
  } else if (
    ruleRounded &&
    !(o.kind === "scored" && o.proposed) &&
    written.minus(ruleRounded).abs().gte(SCORE_TOL)
  ) {
    ctx.diag(
      "SCORE_MISMATCH",
      row.row,
      "score",
      message("core.score.mismatch", { name, score: written.toString(), rule: ruleRounded.toString() }),
    );
  }
}

/** A row still waiting for a score that a person must give (QUALITATIVE_NEEDS_JUDGEMENT). */
function askJudgement(
  ctx: Ctx,
  row: IndicatorRowInput,
  o: RowOutcome,
  { name, target, actual }: Texts,
  w: Decimal,
): void {
  if (o.kind === "judgement" && row.target === null && row.actual === null)
    ctx.diag(
      "QUALITATIVE_NEEDS_JUDGEMENT",
      row.row,
      "score",
      message("core.judgement.byPerson", { name, weight: w.toString() }),
    );
  else if (o.kind === "scored" && o.comparison.kind === "word") {
    // R-PARSE-9: 未完成 … (degree unknown), or a text where a date belongs.
    const { word, date } = o.comparison;
    ctx.diag(
      "QUALITATIVE_NEEDS_JUDGEMENT",
      row.row,
      "score",
      word === null && date
        ? message("core.actual.textForDate", { name, text: actual ?? "", date })
        : message("core.judgement.notMetWord", { name, text: actual ?? "", weight: w.toString() }),
    );
  } else if (directionOf(o) === "qualitative" && parseValue(row.actual).kind !== "null") {
    const b = qualitativeBands(w.toNumber(), ctx.profile);
    ctx.diag(
      "QUALITATIVE_NEEDS_JUDGEMENT",
      row.row,
      "score",
      message("core.judgement.qualitative", {
        name,
        actual: String(actual),
        target: String(target),
        ...bandParams(b),
      }),
    );
  } else if (o.kind === "judgement" && row.target !== null)
    ctx.diag(
      "QUALITATIVE_NEEDS_JUDGEMENT",
      row.row,
      "score",
      message("core.judgement.byRuleText", { name, weight: w.toString() }),
    );
}
