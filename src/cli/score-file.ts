/**
 * One workbook file through the scoring flow, in memory: the file host reads it, the flow
 * scores the chosen sheet (every table on it) and, with `out`, the plans of the chosen
 * tables are applied to a copy. The input bytes are never changed.
 */
import type { Profile } from "../core/types";
import { FileHost } from "../hosts/file/file-host";
import { applyPlan, scoreOnHost } from "../hosts/score";
import { mergePlans, type Analysis, type SheetAnalysis } from "../sheet";
import type { GridSnapshot } from "../sheet/types";

export interface ScoreFileOptions {
  /** Sheet name; without it, the sheet is chosen per REPORT.md. */
  sheet?: string;
  profile: Profile;
  recomputeAll?: boolean;
  /** Also return the written copy (the input bytes themselves when nothing changes). */
  out?: boolean;
  /** Only the n-th table found (1-based); none is picked (nothing written) when there is no n-th. */
  table?: number;
}

export interface ScoredFile {
  result: SheetAnalysis;
  /** The tables found on the sheet (empty when none was found). */
  found: Analysis[];
  /** The tables picked (all found ones by default); with `out`, those written. */
  picked: Analysis[];
  /** The sheet as read (the report draft reads its header facts). */
  grid: GridSnapshot;
  /** With `out`: the scored copy. */
  output?: Uint8Array;
  /** With `out`: cells written. */
  written?: number;
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
  });
  const result = run.result;
  const grid = run.read.grid;
  const found = result.tables.filter((a) => a.layout !== null);
  const chosen = opts.table === undefined ? found : found.slice(opts.table - 1, opts.table);
  if (!opts.out || chosen.length === 0) return { result, grid, found, picked: chosen };
  const plan = chosen.length === found.length ? result.plan : mergePlans(chosen.map((a) => a.plan));
  const applied = await applyPlan(host, plan);
  const notesChanged = applied.notes ?? 0;
  const changed = applied.written + notesChanged > 0;
  return {
    result,
    grid,
    found,
    picked: chosen,
    output: changed ? await host.toBuffer() : data.slice(),
    written: plan.writes.length,
    notesChanged,
  };
}
