/**
 * What differs between two scoring profiles (SCORING.md §8), in the person's words, from the
 * profiles' data: said when switching profile leaves the result as it was.
 */
import Decimal from "decimal.js";
import type { Profile, ProfileBand } from "../core/types";
import type { Analysis } from "../sheet/types";
import { t, type MessageKey } from "../i18n/catalog";
import { formatRate } from "./format";

type Key = Exclude<keyof Profile, "name">;

/** Every setting of a profile that scoring reads, in the order they are said. */
export const PROFILE_KEYS: readonly Key[] = [
  "budgetWeightDefault",
  "budgetDenominator",
  "budgetBands",
  "lowExecutionThreshold",
  "qualitativeBands",
  "ladders",
  "reverseMode",
  "completionThreshold",
  "satisfactionBands",
  "overCompletionFactor",
  "overCompletionNoteRequired",
  "rescaleNotApplicable",
  "decimals",
  "totalPolicy",
  "gradeBands",
  "gradeCaps",
];

/** The settings whose values differ between two profiles (deep comparison). */
export function differingKeys(a: Profile, b: Profile): Key[] {
  return PROFILE_KEYS.filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}

const pct = (f: number) => formatRate(f).replace(/\.00%$/, "%");

function bands(v: ProfileBand[] | null): string {
  if (!v) return t("taskpane.profile.value.none");
  return v
    .map((b) => t("taskpane.profile.value.band", { min: pct(b.min), share: pct(b.share) }))
    .join(t("taskpane.profile.value.sep"));
}

/** One setting's value, in words. */
export function valueText(p: Profile, k: Key): string {
  switch (k) {
    case "budgetWeightDefault":
      return t("taskpane.profile.value.points", { n: new Decimal(p.budgetWeightDefault).toString() });
    case "budgetDenominator":
      return p.budgetDenominator;
    case "budgetBands":
      return bands(p.budgetBands);
    case "satisfactionBands":
      return bands(p.satisfactionBands);
    case "lowExecutionThreshold":
      return pct(p.lowExecutionThreshold);
    case "overCompletionFactor":
      return pct(p.overCompletionFactor);
    case "completionThreshold":
      return p.completionThreshold === null ? t("taskpane.profile.value.none") : pct(p.completionThreshold);
    case "qualitativeBands":
      return p.qualitativeBands.map(pct).join(t("taskpane.profile.value.sep"));
    case "ladders":
      return t("taskpane.profile.value.count", { n: p.ladders.length });
    case "gradeCaps":
      return t("taskpane.profile.value.count", { n: p.gradeCaps.length });
    case "reverseMode":
      return t(`taskpane.profile.value.reverse.${p.reverseMode}` as MessageKey);
    case "totalPolicy":
      return t(`taskpane.profile.value.total.${p.totalPolicy}` as MessageKey);
    case "overCompletionNoteRequired":
    case "rescaleNotApplicable":
      return t(p[k] ? "taskpane.profile.value.yes" : "taskpane.profile.value.no");
    case "decimals":
      return t("taskpane.profile.value.decimals", { n: p.decimals });
    case "gradeBands":
      return p.gradeBands
        .filter((g) => g.min > 0)
        .map((g) => `${g.grade}≥${g.min}`)
        .join(t("taskpane.profile.value.sep"));
  }
}

/**
 * "设置（乙，而非甲）" for each setting that differs, joined; empty when none do. A value that
 * starts with a figure is set off from the word before it, as the pane writes "预算执行 20 分".
 */
export function differencesText(from: Profile, to: Profile): string {
  return differingKeys(from, to)
    .map((k) => {
      const was = valueText(from, k);
      return t(/^[0-9]/.test(was) ? "taskpane.profile.diffFigure" : "taskpane.profile.diff", {
        setting: t(`taskpane.profile.key.${k}` as MessageKey),
        to: valueText(to, k),
        from: was,
      });
    })
    .join(t("taskpane.profile.value.list"));
}

/**
 * What a table's result is to the person: totals, grade, scores, every planned cell and every
 * problem to act on (infos, such as a profile's setting falling back, are not a result).
 */
export function resultSignature(a: Analysis): string {
  const r = a.report;
  return JSON.stringify([
    r.total,
    r.totalProvisional,
    r.grade,
    r.budget?.score ?? null,
    r.indicators.map((i) => [i.row, i.score, i.scoreSource]),
    a.plan.writes.map((w) => [w.cell, w.after]),
    (a.plan.notes ?? []).map((n) => [n.cell, n.text]),
    r.diagnostics.filter((d) => d.severity !== "info").map((d) => [d.code, d.cell, d.severity]),
  ]);
}
