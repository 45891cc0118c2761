/** Public API of the scoring core (SCORING.md). Pure: decimal.js and its own files only. */
export * from "./types";
export { scoreTable, DRAFT_MARK, isDraftNote, sameValue, ruleFromText, directionFromColumn } from "./score";
export { resolveProfile, ProfileError, PRESETS, parseWhen } from "./profile";
export type { ParsedWhen } from "./profile";
export {
  displayText,
  normalizeLabel,
  normalizeText,
  statedWeight,
  toHalfWidth,
  withoutSpace,
  parseValue,
  parseText,
  numberOf,
  isPercentFormat,
} from "./parse";
export type { ParsedValue, ParsedNumber, Unit, Op } from "./parse";
export { qualitativeBands, placeQualitative, judgementRanges, BUILTIN_LADDERS } from "./qualitative";
export type { JudgementRanges, Placement } from "./qualitative";
