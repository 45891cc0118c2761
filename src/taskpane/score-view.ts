/** What the pane shows of a sheet: one pure function of what was read and what was chosen. */
import type { Profile } from "../core/types";
import type { Locale } from "../i18n/catalog";
import type { ScoreChoices, SheetAnalysis, SheetInput } from "../sheet/flow";
import type { Analysis } from "../sheet/types";
import {
  checkJudgement,
  heldJudgements,
  judgementScores,
  pendingRows,
  type Judgement,
  type PendingRow,
} from "./logic";

export interface ViewChoices {
  profile: Profile;
  recomputeAll: boolean;
  /** The judgements as the person entered them, by sheet row. */
  judgements: Record<number, Judgement>;
  file: string | null;
  locale: Locale;
  /** Which of the tables found is shown and written (0-based; the first by default). */
  table?: number;
}

export interface ScoreView {
  result: SheetAnalysis;
  /** The table shown (the first found; the no-table analysis when none). */
  table: Analysis;
  /** Qualitative rows offered for a judgement. */
  pending: PendingRow[];
  /** Score cells written from a judgement. */
  judged: Set<string>;
  /** Pending rows without a valid judgement yet. */
  open: number;
}

export function scoreView(
  analyzeRead: (read: SheetInput, choices: ScoreChoices) => SheetAnalysis,
  read: SheetInput,
  c: ViewChoices,
): ScoreView {
  const decimals = c.profile.decimals;
  const choices = { profile: c.profile, recomputeAll: c.recomputeAll, file: c.file, locale: c.locale };
  // The pending rows come from a first analysis; only judgements whose rows read the same as
  // when they were judged are given to the flow.
  let result = analyzeRead(read, { ...choices, judgements: judgementScores(c.judgements, decimals) });
  let table = pick(result, c.table ?? 0);
  let pending = pendingRows(table, c.profile);
  const everyPending = result.tables.flatMap((t) => (t === table ? pending : pendingRows(t, c.profile)));
  const held = heldJudgements(c.judgements, everyPending);
  if (Object.keys(held).length !== Object.keys(c.judgements).length) {
    result = analyzeRead(read, { ...choices, judgements: judgementScores(held, decimals) });
    table = pick(result, c.table ?? 0);
    pending = pendingRows(table, c.profile);
  }
  const open = pending.filter((p) => {
    const j = held[p.indicator.row];
    return !j || checkJudgement(p, j, decimals).value === null;
  }).length;
  return { result, table, pending, judged: new Set(table.judged), open };
}

/** The n-th table found (0-based; `firstTable` for 0), or the no-table analysis. */
function pick(result: SheetAnalysis, n: number): Analysis {
  const found = result.tables.filter((t) => t.layout !== null);
  return found[Math.min(Math.max(0, n), found.length - 1)] ?? result.tables[0];
}
