/** Public API of the scoring core (SCORING.md). Pure: decimal.js and its own files only. */
export * from "./types";
export { scoreTable } from "./score";
export { DRAFT_MARK, isDraftNote, sameValue } from "./write-policy";
export { ruleFromText } from "./rule-text";
export { resolveProfile, ProfileError, PRESETS } from "./profile";
export {
  displayText,
  normalizeLabel,
  statedWeight,
  toHalfWidth,
  withoutSpace,
  parseValue,
  parseText,
  numberOf,
  isPercentFormat,
} from "./parse";
export type { Unit } from "./parse";
export { qualitativeBands, judgementRanges } from "./qualitative";
export type { JudgementRanges, Placement } from "./qualitative";
