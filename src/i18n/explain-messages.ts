/**
 * Wording of "why this score" (src/sheet/explain.ts), zh-CN first, en-US second. Figures come
 * in already formatted: scores with the profile's decimals, rates as percentages. Not part of
 * catalog.ts: it loads with the code that uses it, outside the pane's initial script.
 */
import type { Locale } from "./catalog";
import { fillTemplate } from "./fill";
export const explainZhCN = {
  "explain.pos.met": "实际{actual} ≥ 指标{target}，完成指标，得满分{w}分。",
  "explain.pos.ratio": "实际{actual} ÷ 指标{target} = {rate}，× {w}分 = {s}分。",
  "explain.pos.zeroTarget": "指标为{target}（0），实际{actual}不小于0，得满分{w}分。",
  "explain.pos.zeroTargetMissed": "指标为{target}（0），实际{actual}小于0，不得分：0分。",
  "explain.range.met": "实际{actual}不低于区间{target}的下限，完成指标，得满分{w}分。",
  "explain.range.ratio": "实际{actual} ÷ 区间{target}的下限 = {rate}，× {w}分 = {s}分。",
  "explain.rev.met": "实际{actual} ≤ 指标{target}，完成指标（越低越好），得满分{w}分。",
  "explain.rev.ratio": "实际{actual}超过指标{target}（越低越好）：指标 ÷ 实际 = {rate}，× {w}分 = {s}分。",
  "explain.rev.linear":
    "实际{actual}超过指标{target}（越低越好）{excess}，按超出比例扣分：{w}分 × (1 − {excess}) = {s}分。",
  "explain.rev.binary": "实际{actual}超过指标{target}（越低越好），按口径超过即不得分：0分。",
  "explain.rev.zeroTarget": "指标为{target}（0，越低越好），实际{actual}大于0，不得分：0分。",
  "explain.eq.zeroMet": "指标为{target}（应为0），实际{actual}不大于0，得满分{w}分。",
  "explain.eq.zeroMissed": "指标为{target}（应为0），实际{actual}大于0，不得分：0分。",
  "explain.threshold.below": "{ratio} = {rate}，低于及格线{pass}，不得分：0分。",
  "explain.threshold.above":
    "{ratio} = {rate}，不低于及格线{pass}：{w}分 × ({rate} − {pass}) ÷ (100% − {pass}) = {s}分。",
  "explain.threshold.full": "{ratio} = {rate}，完成指标，得满分{w}分。",
  "explain.rate.ratioPos": "实际{actual} ÷ 指标{target}",
  "explain.rate.ratioRev": "指标{target} ÷ 实际{actual}（越低越好）",
  "explain.sat.band":
    "满意度{actual}，按满意度分档达到“{min}及以上”一档，得分值的{share}：{w}分 × {share} = {s}分。",
  "explain.sat.none": "满意度{actual}，低于最低一档{min}，不得分：0分。",
  "explain.date.met": "实际{actual}不晚于指标{target}，按时完成，得满分{w}分。",
  "explain.date.late": "实际{actual}晚于指标{target}，未按时完成，不得分：0分。",
  "explain.bin.met": "按“达标即满分，否则不得分”：实际{actual}达到指标{target}，得满分{w}分。",
  "explain.bin.missed": "按“达标即满分，否则不得分”：实际{actual}未达到指标{target}，得0分。",
  "explain.rateRule": "按“得分 = 实际达标率 × 分值”：{rate} × {w}分 = {s}分。",
  "explain.qual.proposed": "定性指标：实际“{actual}”与指标“{target}”一致或更高，视为达成，建议给满分{w}分。",
  "explain.qual.pending":
    "定性指标：实际“{actual}”与指标“{target}”无法自动比对，需要您判断：达成{a0}–{a1}分；部分达成{p0}–{p1}分；未达成{n0}–{n1}分。",
  "explain.qual.scored": "定性指标（指标“{target}”，实际“{actual}”）由人工判断打分：{s}分（满分{w}分）。",
  "explain.qual.judged": "定性指标（指标“{target}”，实际“{actual}”）：您在本页判断给{s}分（满分{w}分）。",
  "explain.qual.bandsHint": "允许范围：达成{a0}–{a1}分；部分达成{p0}–{p1}分；未达成{n0}–{n1}分。",
  "explain.proposal":
    "“建议”分不是公式算出的，是按文字比对给出的建议：只写入空白的得分单元格，不会覆盖已填写的得分；请核对，认为不妥可在表中改填。",
  "explain.judgement.pending": "此项没有可计算的指标值，需要按评分标准人工打分（满分{w}分）。",
  "explain.judgement.scored": "此项按评分标准由人工打分：{s}分（满分{w}分）。",
  "explain.unscorable": "无法按规则计分：{why}。",
  "explain.why.MISSING_TARGET": "未填写年度指标值",
  "explain.why.MISSING_ACTUAL": "未填写实际完成值",
  "explain.why.UNPARSEABLE_VALUE": "指标值、完成值或分值无法识别",
  "explain.why.UNIT_MISMATCH": "指标值与完成值的单位不一致",
  "explain.why.MISSING_WEIGHT": "未填写分值",
  "explain.why.DIRECTION_UNKNOWN": "指标性质（方向）无法识别，请指定正向、反向等",
  "explain.why.QUALITATIVE_NEEDS_JUDGEMENT": "完成值是文字，需要人工判断",
  "explain.why.other": "指标值或完成值不完整",
  "explain.kept.person": "表中已填写的得分{s}分为人工填写，予以保留，不会被覆盖。",
  "explain.kept.personDiffers": "表中已填写的得分{s}分为人工填写，予以保留；按规则计算应为{rule}分，请核对。",
  "explain.kept.formula": "得分单元格是公式（结果{s}分），予以保留。",
  "explain.kept.formulaDiffers":
    "得分单元格是公式（结果{s}分），予以保留；按规则计算应为{rule}分，请核对公式。",
  "explain.budget.ratio": "执行数{executed} ÷ {denominator}{budget} = 执行率{rate}，× {w}分 = {s}分。",
  "explain.budget.over":
    "执行数{executed} ÷ {denominator}{budget} = 执行率{rate}，超过100%按100%计，得满分{w}分。",
  "explain.budget.band":
    "执行数{executed} ÷ {denominator}{budget} = 执行率{rate}，按分档达到“{min}及以上”一档：{w}分 × {share} = {s}分。",
  "explain.budget.bandNone":
    "执行数{executed} ÷ {denominator}{budget} = 执行率{rate}，低于最低一档{min}，不得分：0分。",
  "explain.budget.missing": "缺少预算数或执行数，无法计算预算执行率得分（分值{w}分）。",
  "explain.den.budget": "全年预算数",
  "explain.den.adjusted": "调整后预算数",
  "explain.den.planned": "年初预算数",
  "explain.den.none": "预算数",
} as const;

export type ExplainKey = keyof typeof explainZhCN;

export const explainEnUS: Record<ExplainKey, string> = {
  "explain.pos.met": "Actual {actual} ≥ target {target}: met, full {w} points.",
  "explain.pos.ratio": "Actual {actual} ÷ target {target} = {rate}, × {w} points = {s} points.",
  "explain.pos.zeroTarget": "Target {target} (zero); actual {actual} is not below 0: full {w} points.",
  "explain.pos.zeroTargetMissed": "Target {target} (zero); actual {actual} is below 0: 0 points.",
  "explain.range.met": "Actual {actual} is not below the lower end of {target}: met, full {w} points.",
  "explain.range.ratio": "Actual {actual} ÷ lower end of {target} = {rate}, × {w} points = {s} points.",
  "explain.rev.met": "Actual {actual} ≤ target {target} (lower is better): met, full {w} points.",
  "explain.rev.ratio":
    "Actual {actual} exceeds target {target} (lower is better): target ÷ actual = {rate}, × {w} points = {s} points.",
  "explain.rev.linear":
    "Actual {actual} exceeds target {target} (lower is better) by {excess}; deducted in proportion: {w} points × (1 − {excess}) = {s} points.",
  "explain.rev.binary":
    "Actual {actual} exceeds target {target} (lower is better); this profile gives nothing once over: 0 points.",
  "explain.rev.zeroTarget": "Target {target} (zero, lower is better); actual {actual} is above 0: 0 points.",
  "explain.eq.zeroMet": "Target {target} (must be zero); actual {actual} is not above 0: full {w} points.",
  "explain.eq.zeroMissed": "Target {target} (must be zero); actual {actual} is above 0: 0 points.",
  "explain.threshold.below": "{ratio} = {rate}, below the pass mark {pass}: 0 points.",
  "explain.threshold.above":
    "{ratio} = {rate}, reaching the pass mark {pass}: {w} points × ({rate} − {pass}) ÷ (100% − {pass}) = {s} points.",
  "explain.threshold.full": "{ratio} = {rate}: met, full {w} points.",
  "explain.rate.ratioPos": "Actual {actual} ÷ target {target}",
  "explain.rate.ratioRev": "Target {target} ÷ actual {actual} (lower is better)",
  "explain.sat.band":
    "Satisfaction {actual} reaches the “{min} and above” band: {share} of the weight, {w} points × {share} = {s} points.",
  "explain.sat.none": "Satisfaction {actual} is below the lowest band {min}: 0 points.",
  "explain.date.met": "Actual {actual} is on or before target {target}: on time, full {w} points.",
  "explain.date.late": "Actual {actual} is after target {target}: late, 0 points.",
  "explain.bin.met": "All or nothing: actual {actual} meets target {target}, full {w} points.",
  "explain.bin.missed": "All or nothing: actual {actual} misses target {target}, 0 points.",
  "explain.rateRule": "Score = attainment rate × weight: {rate} × {w} points = {s} points.",
  "explain.qual.proposed":
    "Qualitative: actual “{actual}” matches or exceeds target “{target}”, so it counts as met; full {w} points proposed.",
  "explain.qual.pending":
    "Qualitative: actual “{actual}” cannot be compared with target “{target}” automatically; your judgement is needed: met {a0}–{a1}, partly met {p0}–{p1}, not met {n0}–{n1} points.",
  "explain.qual.scored":
    "Qualitative (target “{target}”, actual “{actual}”), scored by a person: {s} points (of {w}).",
  "explain.qual.judged":
    "Qualitative (target “{target}”, actual “{actual}”): you judged it {s} points (of {w}) on this page.",
  "explain.qual.bandsHint": "Allowed: met {a0}–{a1}, partly met {p0}–{p1}, not met {n0}–{n1} points.",
  "explain.proposal":
    "A “proposed” score is not computed by a formula but suggested from comparing the texts: it is written only into an empty score cell and never over a score already there; check it and change it in the sheet if it does not fit.",
  "explain.judgement.pending":
    "This row has no figures to compute from; a person scores it by its criteria (of {w} points).",
  "explain.judgement.scored": "Scored by a person by its criteria: {s} points (of {w}).",
  "explain.unscorable": "Cannot be scored by the rule: {why}.",
  "explain.why.MISSING_TARGET": "the target is empty",
  "explain.why.MISSING_ACTUAL": "the actual is empty",
  "explain.why.UNPARSEABLE_VALUE": "the target, actual or weight cannot be read",
  "explain.why.UNIT_MISMATCH": "target and actual have different units",
  "explain.why.MISSING_WEIGHT": "the weight is empty",
  "explain.why.DIRECTION_UNKNOWN": "the direction cannot be read; set it (positive, reverse …)",
  "explain.why.QUALITATIVE_NEEDS_JUDGEMENT": "the actual is text and needs a person's judgement",
  "explain.why.other": "the target or actual is incomplete",
  "explain.kept.person": "The score {s} in the sheet was entered by a person and is kept, never overwritten.",
  "explain.kept.personDiffers":
    "The score {s} in the sheet was entered by a person and is kept; the rule gives {rule}: please check.",
  "explain.kept.formula": "The score cell holds a formula (result {s}) and is kept.",
  "explain.kept.formulaDiffers":
    "The score cell holds a formula (result {s}) and is kept; the rule gives {rule}: please check the formula.",
  "explain.budget.ratio":
    "Executed {executed} ÷ {denominator} {budget} = execution rate {rate}, × {w} points = {s} points.",
  "explain.budget.over":
    "Executed {executed} ÷ {denominator} {budget} = execution rate {rate}; above 100% counts as 100%: full {w} points.",
  "explain.budget.band":
    "Executed {executed} ÷ {denominator} {budget} = execution rate {rate}, in the “{min} and above” band: {w} points × {share} = {s} points.",
  "explain.budget.bandNone":
    "Executed {executed} ÷ {denominator} {budget} = execution rate {rate}, below the lowest band {min}: 0 points.",
  "explain.budget.missing":
    "The budget or executed amount is missing: the execution score cannot be computed (weight {w}).",
  "explain.den.budget": "full-year budget",
  "explain.den.adjusted": "adjusted budget",
  "explain.den.planned": "initial budget",
  "explain.den.none": "budget",
};

/** The wording of `key` in `locale`, placeholders filled. */
export function explainMessage(
  key: ExplainKey,
  params: Readonly<Record<string, string | number>> | undefined,
  locale: Locale,
): string {
  return fillTemplate((locale === "en-US" ? explainEnUS : explainZhCN)[key], params);
}
