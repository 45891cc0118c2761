/**
 * The 生成自评报告 action of the pane and the page, loaded only when asked (its own chunk):
 * the same builder and renderer as the command line, from the analysis the pane holds.
 */
import { tableFacts } from "../sheet/facts";
import type { Analysis, GridSnapshot } from "../sheet/types";
import { renderDocx } from "./docx";
import { draftFileName } from "./index";
import type { MissingFact } from "./model";
import { draftProjectReport } from "./project";

export interface PaneDraft {
  bytes: Uint8Array;
  fileName: string;
  missing: MissingFact[];
}

export async function paneDraft(
  analysis: Analysis,
  grid: GridSnapshot,
  options: { lowExecutionThreshold?: number } = {},
): Promise<PaneDraft> {
  const facts = tableFacts(grid, analysis.layout, analysis.report.range ?? null);
  const doc = draftProjectReport(analysis.report, facts, options);
  return { bytes: await renderDocx(doc), fileName: draftFileName(doc), missing: doc.missing };
}
