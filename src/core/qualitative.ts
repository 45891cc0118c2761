/** Qualitative rows: bands (R-QUAL) and ladders (R-LADDER). */
import Decimal from "decimal.js";
import { normalizeText, qualitativeText } from "./parse";
import type { IndicatorResult, Profile, QualitativeBands } from "./types";

/** Built-in ladders, high → low; `/` separates synonyms on one step (R-LADDER). */
export const BUILTIN_LADDERS: readonly string[] = [
  "显著 > 较显著 > 一般 > 不显著",
  "明显 > 较明显 > 不明显",
  "长期 > 中长期 > 中期 > 短期",
  "优 > 良 > 中 > 差",
  "优秀 > 良好 > 合格 > 不合格",
  "高 > 较高 > 一般 > 较低 > 低",
  "有效 > 基本有效 > 无效",
  "达到/达标/完成/已完成/是 > 基本达到/基本完成 > 未达到/未完成/否",
];

type Ladder = string[][];

function ladderOf(steps: readonly string[]): Ladder {
  return steps.map((step) => step.split("/").map((w) => normalizeText(w)));
}

/** The built-in ladders, normalised (a constant). */
const BUILTIN: readonly Ladder[] = BUILTIN_LADDERS.map((l) => ladderOf(l.split(">")));

/** The ladders of a profile: the built-in ones, then its own (R-LADDER). */
function ladders(profile: Profile): readonly Ladder[] {
  return profile.ladders.length === 0 ? BUILTIN : [...BUILTIN, ...profile.ladders.map(ladderOf)];
}

function stepOf(ladder: Ladder, word: string): number {
  return ladder.findIndex((step) => step.includes(word));
}

function prefixStep(word: string): number {
  if (word.startsWith("有效")) return 0;
  if (word.startsWith("基本")) return 1;
  if (word.startsWith("未")) return 2;
  return -1;
}

/**
 * Where a qualitative actual stands relative to its target:
 * - `identical`: the same text after normalisation;
 * - a number of steps lower (0 = same step or higher) when a ladder places both;
 * - `negation`: 未/不/无 + the target's text;
 * - null when nothing places it.
 */
export type Placement =
  { kind: "identical" } | { kind: "ladder"; below: number } | { kind: "negation" } | null;

export function placeQualitative(target: string, actual: string, profile: Profile): Placement {
  // R-PARSE-8: a comparator before a text target (﹦增加) is not part of the text.
  const t = qualitativeText(target);
  const a = qualitativeText(actual);
  if (t === "" || a === "") return null;
  if (t === a) return { kind: "identical" };
  for (const ladder of ladders(profile)) {
    const ti = stepOf(ladder, t);
    const ai = stepOf(ladder, a);
    if (ti >= 0 && ai >= 0) return { kind: "ladder", below: Math.max(0, ai - ti) };
  }
  if (
    /^[未不无没]/.test(a) &&
    (a.slice(1) === t || a.slice(2) === t || (a.slice(1).length >= 2 && t.includes(a.slice(1))))
  )
    return { kind: "negation" };
  const tp = prefixStep(t);
  const ap = prefixStep(a);
  if (tp >= 0 && ap >= 0) return { kind: "ladder", below: Math.max(0, ap - tp) };
  return null;
}

/** The bands as message parameters: a0–a1 达成, p0–p1 部分达成, n0–n1 未达成. */
export function bandParams(b: QualitativeBands): Record<"a0" | "a1" | "p0" | "p1" | "n0" | "n1", number> {
  return {
    a0: b.achieved[0],
    a1: b.achieved[1],
    p0: b.partial[0],
    p1: b.partial[1],
    n0: b.notAchieved[0],
    n1: b.notAchieved[1],
  };
}

/** The three score bands of a qualitative row of weight `weight` (R-QUAL), rounded per profile. */
export function qualitativeBands(weight: number, profile: Profile): QualitativeBands {
  const w = new Decimal(weight);
  const [b0, b1] = profile.qualitativeBands;
  const r = (d: Decimal): number => d.toDecimalPlaces(profile.decimals, Decimal.ROUND_HALF_UP).toNumber();
  const hi = r(w);
  const mid = r(w.times(b0));
  const lo = r(w.times(b1));
  return { achieved: [mid, hi], partial: [lo, mid], notAchieved: [0, lo] };
}

/** The closed range an entered score must fall in, given the placement (R-QUAL band check). */
export function bandRange(
  placement: Placement,
  weight: Decimal,
  profile: Profile,
): [Decimal, Decimal] | null {
  if (!placement) return null;
  const [b0, b1] = profile.qualitativeBands;
  const achieved: [Decimal, Decimal] = [weight.times(b0), weight];
  if (placement.kind === "identical") return achieved;
  if (placement.kind === "negation") return [new Decimal(0), weight.times(b1)];
  if (placement.below === 0) return achieved;
  if (placement.below === 1) return [weight.times(b1), weight.times(b0)];
  return [new Decimal(0), weight.times(b1)];
}

/** Where a score may lie in each band: a closed range, or null for a band that cannot hold it. */
export type JudgementRanges = Record<keyof QualitativeBands, [number, number] | null>;

/**
 * The scores the core accepts for a row awaiting a judgement (R-QUAL), per band: the band
 * (`qualitativeBands`) narrowed to what the row's placement allows (`bandRange`, the range a
 * kept score is checked against), so a score chosen in a face is never QUALITATIVE_BAND once
 * written. A band that meets the allowed range only at its edge is excluded. Takes the row as
 * the report gives it (`IndicatorResult`); null without a weight.
 */
export function judgementRanges(
  row: Pick<IndicatorResult, "direction" | "target" | "actual" | "weight">,
  profile: Profile,
): JudgementRanges | null {
  if (row.weight === null) return null;
  const bands = qualitativeBands(row.weight, profile);
  const placement =
    row.direction === "qualitative" && row.actual !== null
      ? placeQualitative(row.target ?? "", row.actual, profile)
      : null;
  const range = bandRange(placement, new Decimal(row.weight), profile);
  const narrow = (band: [number, number]): [number, number] | null => {
    if (!range) return band;
    const lo = Decimal.max(band[0], range[0]);
    const hi = Decimal.min(band[1], range[1]);
    return lo.lt(hi) || (lo.eq(hi) && range[0].eq(range[1])) ? [lo.toNumber(), hi.toNumber()] : null;
  };
  return {
    achieved: narrow(bands.achieved),
    partial: narrow(bands.partial),
    notAchieved: narrow(bands.notAchieved),
  };
}
