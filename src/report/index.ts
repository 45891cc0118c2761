/**
 * The 自评报告 draft (REPORT.md): one pure builder per document (report + table facts →
 * model) and one renderer (model → .docx). Faces load this module lazily.
 */
import type { TableFacts } from "../sheet/facts";
import type { Report } from "../sheet/types";
import { renderDocx } from "./docx";
import type { DraftDocument } from "./model";
import { draftProjectReport, type DraftOptions } from "./project";
import { draftRollup, type RollupEntry, type RollupOptions } from "./rollup";

export * from "./model";
export { draftProjectReport, rowsNeedingNote, pendingIndicators, projectTitle } from "./project";
export type { DraftOptions } from "./project";
export { draftRollup } from "./rollup";
export type { RollupEntry, RollupOptions } from "./rollup";
export { renderDocx, fontTableXml, FONTS } from "./docx";

/** The draft of one table and its .docx bytes. */
export async function projectReportDocx(
  report: Report,
  facts: TableFacts | null,
  options?: DraftOptions,
): Promise<{ doc: DraftDocument; bytes: Uint8Array }> {
  const doc = draftProjectReport(report, facts, options);
  return { doc, bytes: await renderDocx(doc) };
}

/** The department's summary over several tables and its .docx bytes. */
export async function rollupReportDocx(
  entries: RollupEntry[],
  options?: RollupOptions,
): Promise<{ doc: DraftDocument; bytes: Uint8Array }> {
  const doc = draftRollup(entries, options);
  return { doc, bytes: await renderDocx(doc) };
}

/** A file name for the draft: the title, without characters file systems refuse. */
export function draftFileName(doc: DraftDocument): string {
  return `${doc.title.replace(/[\\/:*?"<>|\s]+/g, "")}.docx`;
}
