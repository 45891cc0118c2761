/** The pure sheet layer: grid snapshot → layout → report and write plan; the workbook record. */
export * from "./types";
export * from "./address";
export {
  analyzeSheet,
  analyzeTables,
  detectLayout,
  detectLayouts,
  mergePlans,
  reportWithoutTable,
} from "./analyze";
export { analyzeRead, firstTable, type ScoreChoices, type SheetAnalysis, type SheetInput } from "./flow";
export {
  emptyRecord,
  RECORD_SHEET,
  encodeRecord,
  decodeRecord,
  recordApplied,
  recordRestored,
  recordHighlighted,
  recordUnhighlighted,
  MAX_BACKUPS,
} from "./record";
export { chooseSheet, chooseSheetDetected } from "./choose";
export type { Detection } from "./detect";
export { noteDrafts } from "./notes";
export { normalizeHeader } from "./words";
export { tableFacts, projectFromTitle } from "./facts";
export type { TableFacts, BudgetAmounts, RowNote, FactBounds, FactKey } from "./facts";
export { explainRow, explainBudget, explanationText, type ExplainFacts } from "./explain";
