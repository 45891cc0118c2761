/**
 * Messages as data: what the core tells a person is a catalog key and the values it names.
 * The wording of every key lives in the catalogs (src/i18n/core-messages.ts, zh-CN and
 * en-US); faces and the report word a message with `formatMessage(m, locale)` (src/i18n).
 *
 * To add a message: add its key to `CoreMessageKey` below, then its wording to both
 * catalogs (the type checker lists what is missing), then emit it with `message(key, params)`.
 */

/** A value a message names: a figure or text as written, a list, or another message. */
export type MessageParam = string | number | readonly (string | number)[] | Message;

export interface Message {
  key: CoreMessageKey;
  params: Readonly<Record<string, MessageParam>>;
}

export type CoreMessageKey =
  // fragments named by other messages
  | "core.reason.outOfRange"
  | "core.reason.unreadable"
  | "core.reason.notNumber"
  | "core.reason.notNumeric"
  | "core.date"
  | "core.side.target"
  | "core.side.actual"
  | "core.cell.rowScore"
  | "core.cell.budgetScore"
  | "core.cell.total"
  | "core.cell.grade"
  | "core.cell.rate"
  | "core.column.budget"
  | "core.column.executed"
  // indicator rows
  | "core.target.unreadable"
  | "core.target.missing"
  | "core.target.notDate"
  | "core.actual.missing"
  | "core.actual.missingForScore"
  | "core.actual.textForDate"
  | "core.actual.notDate"
  | "core.actual.notNumber"
  | "core.actual.wordMet"
  | "core.actual.wordNotMet"
  | "core.direction.unknown"
  | "core.unit.mismatch"
  | "core.unit.assumed"
  | "core.weight.unreadable"
  | "core.weight.missing"
  | "core.score.unreadable"
  | "core.score.overWeight"
  | "core.score.negative"
  | "core.score.mismatch"
  | "core.qual.band"
  | "core.judgement.byPerson"
  | "core.judgement.qualitative"
  | "core.judgement.byRuleText"
  | "core.judgement.notMetWord"
  | "core.under.rate"
  | "core.under.reverseRate"
  | "core.under.qualitative"
  | "core.under.late"
  | "core.under.short"
  | "core.under.lowScore"
  | "core.over.withRate"
  | "core.over.plain"
  | "core.note.noCell"
  | "core.note.empty"
  | "core.note.draft"
  // budget
  | "core.budget.denominator"
  | "core.budget.noTotalRow"
  | "core.budget.unreadable"
  | "core.budget.missing.unreadable"
  | "core.budget.missing.empty"
  | "core.budget.missing.executed"
  | "core.budget.over100"
  | "core.budget.scoreMismatch"
  | "core.budget.scoreOverWeight"
  | "core.budget.low"
  | "core.budget.noteRequired"
  | "core.budget.rateMismatch"
  // totals, levels, grade
  | "core.level1.weightMismatch"
  | "core.level2.weightMismatch"
  | "core.total.weightSum"
  | "core.total.incomplete.rows"
  | "core.total.incomplete.direction"
  | "core.total.incomplete.budget"
  | "core.total.incomplete.both"
  | "core.total.mismatch"
  | "core.total.perfExec"
  | "core.grade.mismatch"
  | "core.formulaKept"
  // profiles
  | "core.profile.invalid"
  | "core.profile.unknownKey"
  | "core.profile.unknownPreset"
  | "core.profile.notObject"
  | "core.profile.noLowestGrade"
  | "core.profile.type.null"
  | "core.profile.type.array"
  | "core.profile.type.text"
  | "core.profile.type.number"
  | "core.profile.type.boolean"
  | "core.profile.type.object"
  | "core.profile.expect.nonEmptyText"
  | "core.profile.expect.decimals"
  | "core.profile.expect.weight"
  | "core.profile.expect.oneOf"
  | "core.profile.expect.factor"
  | "core.profile.expect.boolean"
  | "core.profile.expect.fraction"
  | "core.profile.expect.bandsPair"
  | "core.profile.expect.bandsOrder"
  | "core.profile.expect.gradeBands"
  | "core.profile.expect.gradeBand"
  | "core.profile.expect.gradeBandKey"
  | "core.profile.expect.number"
  | "core.profile.expect.array"
  | "core.profile.expect.gradeCap"
  | "core.profile.expect.gradeCapKey"
  | "core.profile.expect.when"
  | "core.profile.expect.ladders"
  | "core.profile.expect.threshold"
  | "core.profile.expect.bands"
  | "core.profile.expect.band"
  | "core.profile.expect.bandKey"
  | "core.profile.expect.nonNegative";

/** A message: `key` with its parameters. */
export function message(key: CoreMessageKey, params: Record<string, MessageParam> = {}): Message {
  return { key, params };
}
