/** A workbook file through the scoring flow (the command line's path), its first table's analysis. */
import { scoreFile, type ScoreFileOptions } from "../../src/cli/score-file";
import { firstTable, type Analysis } from "../../src/sheet";
import type { GridSnapshot } from "../../src/sheet/types";

export async function scoreWorkbook(
  data: Uint8Array,
  fileName: string,
  opts: ScoreFileOptions,
): Promise<{ analysis: Analysis; grid: GridSnapshot; output?: Uint8Array; notesChanged?: number }> {
  const { result, grid, output, notesChanged } = await scoreFile(data, fileName, opts);
  return { analysis: firstTable(result), grid, output, notesChanged };
}
