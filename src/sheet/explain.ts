/**
 * "Why this score": a report row's rule in plain words with its figures (SCORING.md §3–§4),
 * e.g. 实际3.58亿美元 ÷ 指标4.3亿美元 = 83.26%，× 5分 = 4.16分. Pure: it reads the report row and
 * the profile that scored it; the wording comes from the catalogs.
 */
import Decimal from "decimal.js";
import { isSatisfactionRow } from "../core/bands";
import { parseText } from "../core/parse";
import { bandParams } from "../core/qualitative";
import type { BudgetResult, IndicatorResult, Profile, ProfileBand } from "../core/types";
import type { Locale } from "../i18n/catalog";
import { explainMessage, type ExplainKey as MessageKey } from "../i18n/explain-messages";

/** What the explanation needs besides the row: the profile that scored it, and what the person did in the pane. */
export interface ExplainFacts {
  profile: Pick<
    Profile,
    | "decimals"
    | "reverseMode"
    | "completionThreshold"
    | "satisfactionBands"
    | "budgetBands"
    | "qualitativeBands"
  >;
  /** The row's score is a judgement the person gave in the pane (R-QUAL), not the sheet's. */
  judged?: boolean;
}

type Params = Record<string, string | number>;

/** Scores as the profile rounds them: 4.16, 5.00. */
function score(n: number | Decimal, decimals: number): string {
  return new Decimal(n).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).toFixed(decimals);
}

/** Weights as written: 5, 2.5. */
function weight(n: number): string {
  return new Decimal(n).toString();
}

/** Rates as percentages with two decimals: 0.8326 → 83.26%. */
function percent(n: number | Decimal): string {
  return `${new Decimal(n).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2)}%`;
}

/** A band's lower end without needless zeros: 0.9 → 90%. */
function bandMin(n: number): string {
  return `${new Decimal(n).times(100).toDecimalPlaces(2).toString()}%`;
}

/** The band reached by `x` (highest `min` first), as the core picks it. */
function bandOf(bands: readonly ProfileBand[], x: Decimal): ProfileBand | null {
  for (const b of [...bands].sort((p, q) => q.min - p.min)) if (x.gte(b.min)) return b;
  return null;
}

/**
 * The actual as a reader sees it compared: a bare number against a target with a unit takes
 * the target's unit (R-PARSE-3, UNIT_ASSUMED), so 3.58 against 4.3亿美元 reads 3.58亿美元.
 */
function actualShown(row: IndicatorResult): string {
  const a = row.actual ?? "";
  if (!row.target || !row.flags.includes("UNIT_ASSUMED")) return a;
  const ap = parseText(a);
  const tp = parseText(row.target);
  const unit = tp.kind === "number" || tp.kind === "range" ? tp.unit : null;
  if (ap.kind === "number" && !ap.unit && unit && unit.base !== "%") return `${a.trim()}${unit.text}`;
  return a;
}

/** The actual as a fraction when it is written as a percentage (R-SAT, R-RATE), else null. */
function percentOf(text: string | null): Decimal | null {
  if (!text) return null;
  const p = parseText(text);
  if ((p.kind === "number" || p.kind === "range") && p.unit?.base === "%") {
    const v = p.kind === "number" ? p.value : p.lo;
    return v.times(p.unit.scale);
  }
  return null;
}

/** The target reads as 0 (R-REV, R-EQ: A = 0). */
function zeroTarget(row: IndicatorResult): boolean {
  const p = row.target ? parseText(row.target) : null;
  return !!p && p.kind === "number" && p.value.isZero();
}

/** Why a row could not be scored, from its flags. */
function whyUnscorable(row: IndicatorResult): MessageKey {
  for (const code of [
    "MISSING_WEIGHT",
    "DIRECTION_UNKNOWN",
    "MISSING_TARGET",
    "MISSING_ACTUAL",
    "UNIT_MISMATCH",
    "UNPARSEABLE_VALUE",
    "QUALITATIVE_NEEDS_JUDGEMENT",
  ] as const)
    if (row.flags.includes(code)) return `explain.why.${code}`;
  return "explain.why.other";
}

/** The sentence for a score kept from the sheet: a person's or a formula's, equal to the rule's or not. */
function keptKey(source: "person" | "formula", differs: boolean): MessageKey {
  if (source === "person") return differs ? "explain.kept.personDiffers" : "explain.kept.person";
  return differs ? "explain.kept.formulaDiffers" : "explain.kept.formula";
}

/**
 * The sentences that explain one indicator row's score, in order: how the rule scores it (or
 * why it cannot), then what happens to a score already in the sheet, then what a proposal is.
 */
export function explainRow(row: IndicatorResult, facts: ExplainFacts, locale: Locale): string[] {
  const { profile } = facts;
  const d = profile.decimals;
  const say = (key: MessageKey, params?: Params) => explainMessage(key, params, locale);
  const w = row.weight;
  const base: Params = {
    target: row.target ?? "",
    actual: actualShown(row),
    w: w === null ? "" : weight(w),
  };
  const out: string[] = [];

  if (w === null) return [say("explain.unscorable", { why: say("explain.why.MISSING_WEIGHT") })];

  // A row a person scores by its criteria (L3 rows, checklist rule texts).
  if (row.rule === null) {
    out.push(
      row.score === null
        ? say("explain.judgement.pending", base)
        : say("explain.judgement.scored", { ...base, s: score(row.score, d) }),
    );
    return out;
  }

  if (row.direction === "qualitative") {
    const b = row.bands;
    const bands: Params = b ? bandParams(b) : {};
    if (row.actual === null || row.target === null) {
      out.push(say("explain.unscorable", { why: say(whyUnscorable(row)) }));
    } else if (row.scoreSource === "proposed") {
      out.push(say("explain.qual.proposed", base), say("explain.proposal"));
    } else if (row.score === null) {
      out.push(say("explain.qual.pending", { ...base, ...bands }));
    } else {
      out.push(
        say(facts.judged ? "explain.qual.judged" : "explain.qual.scored", {
          ...base,
          s: score(row.score, d),
        }),
      );
      if (b) out.push(say("explain.qual.bandsHint", bands));
    }
    return out;
  }

  if (row.ruleScore === null) {
    out.push(say("explain.unscorable", { why: say(whyUnscorable(row)) }));
  } else {
    out.push(ruleSentence(row, facts, base, say));
    if (row.scoreSource === "proposed") out.push(say("explain.proposal"));
  }

  if ((row.scoreSource === "person" || row.scoreSource === "formula") && row.score !== null) {
    const differs = row.ruleScore !== null && new Decimal(row.score).minus(row.ruleScore).abs().gte("0.005");
    out.push(
      say(keptKey(row.scoreSource, differs), {
        s: score(row.score, d),
        rule: row.ruleScore === null ? "" : score(row.ruleScore, d),
      }),
    );
  }
  return out;
}

/** How the row's rule turned its figures into `ruleScore` (numeric and date rows). */
function ruleSentence(
  row: IndicatorResult,
  facts: ExplainFacts,
  base: Params,
  say: (key: MessageKey, params?: Params) => string,
): string {
  const { profile } = facts;
  const d = profile.decimals;
  const w = row.weight!;
  const s = score(row.ruleScore!, d);
  const full = new Decimal(row.ruleScore!).gte(w);
  const c = row.completion;
  const p = { ...base, s };

  switch (row.rule) {
    case "R-DATE":
      return say(full ? "explain.date.met" : "explain.date.late", p);
    case "R-BIN":
      return say(full ? "explain.bin.met" : "explain.bin.missed", p);
    case "R-RATE": {
      const frac = percentOf(row.actual) ?? (c === null ? new Decimal(1) : new Decimal(c));
      return say("explain.rateRule", { ...p, rate: percent(Decimal.min(frac, 1)) });
    }
    default:
      break;
  }

  // R-SAT (101号): satisfaction rows with a percentage actual score by band.
  const sat = percentOf(row.actual);
  if (profile.satisfactionBands && sat && isSatisfactionRow(row.level2, row.name)) {
    const band = bandOf(profile.satisfactionBands, sat);
    if (!band) {
      const lowest = Math.min(...profile.satisfactionBands.map((b) => b.min));
      return say("explain.sat.none", { ...p, min: bandMin(lowest) });
    }
    return say("explain.sat.band", { ...p, min: bandMin(band.min), share: bandMin(band.share) });
  }

  // The report's completion follows the row's direction (A/B for reverse rows), the rule may
  // differ from it (an override): each ratio is taken the way its rule reads it.
  const dirReverse = row.direction === "reverse";
  const flip = (x: number | null) => (x === null || x === 0 ? null : new Decimal(1).div(x));
  const zero = zeroTarget(row);

  // R-THRESHOLD (101号): completion against the pass mark, for targets above 0.
  const pass = profile.completionThreshold;
  if (
    pass !== null &&
    c !== null &&
    !zero &&
    (row.rule === "R-POS" || row.rule === "R-REV" || row.rule === "R-EQ")
  ) {
    const capped = Decimal.min(c, 1);
    const q = {
      ...p,
      ratio: say(dirReverse ? "explain.rate.ratioRev" : "explain.rate.ratioPos", base),
      pass: bandMin(pass),
    };
    if (capped.gte(1)) return say("explain.threshold.full", { ...q, rate: percent(c) });
    return say(capped.lt(pass) ? "explain.threshold.below" : "explain.threshold.above", {
      ...q,
      rate: percent(capped),
    });
  }

  if (row.rule === "R-REV") {
    if (full) return say("explain.rev.met", p);
    const ab = zero ? null : dirReverse ? (c === null ? null : new Decimal(c)) : flip(c);
    if (ab === null || ab.isZero()) return say("explain.rev.zeroTarget", p);
    switch (profile.reverseMode) {
      case "binary":
        return say("explain.rev.binary", p);
      case "linear": {
        // The excess (B − A)/A is B/A − 1.
        const excess = Decimal.min(new Decimal(1).div(ab).minus(1), 1);
        return say("explain.rev.linear", { ...p, excess: percent(excess) });
      }
      default:
        return say("explain.rev.ratio", { ...p, rate: percent(ab) });
    }
  }

  if (zero || c === null) {
    if (row.rule === "R-EQ") return say(full ? "explain.eq.zeroMet" : "explain.eq.zeroMissed", p);
    return say(full ? "explain.pos.zeroTarget" : "explain.pos.zeroTargetMissed", p);
  }
  const range = row.direction === "range";
  if (full) return say(range ? "explain.range.met" : "explain.pos.met", p);
  const ba = dirReverse ? flip(c) : new Decimal(c);
  return say(range ? "explain.range.ratio" : "explain.pos.ratio", { ...p, rate: percent(ba ?? 0) });
}

/** The budget execution score (R-BUDGET): executed ÷ denominator, × weight or by band. */
export function explainBudget(b: BudgetResult, facts: ExplainFacts, locale: Locale): string[] {
  const { profile } = facts;
  const d = profile.decimals;
  const say = (key: MessageKey, params?: Params) => explainMessage(key, params, locale);
  const w = b.weight === null ? "" : weight(b.weight);
  if (b.rate === null || b.executed === null || b.budget === null || b.weight === null)
    return [say("explain.budget.missing", { w })];
  const den: MessageKey =
    b.denominator === "全年预算数"
      ? "explain.den.budget"
      : b.denominator === "调整后预算数"
        ? "explain.den.adjusted"
        : b.denominator === "年初预算数"
          ? "explain.den.planned"
          : "explain.den.none";
  const rate = new Decimal(b.rate);
  const p: Params = {
    executed: new Decimal(b.executed).toString(),
    budget: new Decimal(b.budget).toString(),
    denominator: say(den),
    rate: percent(rate),
    w,
  };
  let rule: Decimal;
  let sentence: string;
  if (profile.budgetBands) {
    const band = bandOf(profile.budgetBands, rate);
    rule = band ? new Decimal(b.weight).times(band.share) : new Decimal(0);
    sentence = band
      ? say("explain.budget.band", {
          ...p,
          min: bandMin(band.min),
          share: bandMin(band.share),
          s: score(rule, d),
        })
      : say("explain.budget.bandNone", {
          ...p,
          min: bandMin(Math.min(...profile.budgetBands.map((x) => x.min))),
        });
  } else {
    rule = new Decimal(b.weight).times(Decimal.min(rate, 1));
    sentence = rate.gt(1)
      ? say("explain.budget.over", p)
      : say("explain.budget.ratio", { ...p, s: score(rule, d) });
  }
  const out = [sentence];
  if ((b.scoreSource === "person" || b.scoreSource === "formula") && b.score !== null) {
    const ruleText = score(rule, d);
    const differs = new Decimal(b.score).minus(new Decimal(ruleText)).abs().gte("0.005");
    out.push(say(keptKey(b.scoreSource, differs), { s: score(b.score, d), rule: ruleText }));
  }
  return out;
}

/** The sentences as one paragraph in the locale's way. */
export function explanationText(sentences: readonly string[], locale: Locale): string {
  return sentences.join(locale === "zh-CN" ? "" : " ");
}
