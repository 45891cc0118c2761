/**
 * One workbook file through the scoring flow, in memory: the file host reads it, the flow
 * scores the chosen sheet and, with `out`, the plan is applied to a copy. The input bytes
 * are never changed.
 */
import type { Profile } from "../core/types";
import { FileHost } from "../hosts/file/file-host";
import { scoreOnHost } from "../hosts/score";
import type { SheetAnalysis } from "../sheet";

export interface ScoreFileOptions {
  /** Sheet name; without it, the sheet is chosen per REPORT.md. */
  sheet?: string;
  profile: Profile;
  recomputeAll?: boolean;
  /** Also return the written copy (the input bytes themselves when nothing changes). */
  out?: boolean;
}

export interface ScoredFile {
  result: SheetAnalysis;
  /** With `out`: the scored copy. */
  output?: Uint8Array;
  /** With `out`: cell notes added or refreshed. */
  notesChanged?: number;
}

export async function scoreFile(
  data: Uint8Array,
  fileName: string,
  opts: ScoreFileOptions,
): Promise<ScoredFile> {
  const host = await FileHost.open(data, fileName);
  const run = await scoreOnHost(host, {
    sheet: opts.sheet,
    profile: opts.profile,
    recomputeAll: opts.recomputeAll,
    file: fileName,
    apply: opts.out,
  });
  if (!run.applied) return { result: run.result };
  const notesChanged = run.applied.notes ?? 0;
  const changed = run.applied.written + notesChanged > 0;
  return { result: run.result, output: changed ? await host.toBuffer() : data.slice(), notesChanged };
}
