/** A workbook file through the scoring flow (the command line's path), its first table's analysis. */
import { scoreFile, type ScoreFileOptions } from "../../src/cli/score-file";
import { firstTable, type Analysis } from "../../src/sheet";

export async function scoreWorkbook(
  data: Uint8Array,
  fileName: string,
  opts: ScoreFileOptions,
): Promise<{ analysis: Analysis; output?: Uint8Array; notesChanged?: number }> {
  const { result, output, notesChanged } = await scoreFile(data, fileName, opts);
  return { analysis: firstTable(result), output, notesChanged };
}
