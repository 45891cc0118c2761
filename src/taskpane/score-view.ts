/** What the pane shows of a sheet: one pure function of what was read and what was chosen. */
import type { Profile } from "../core/types";
import type { Locale } from "../i18n/catalog";
import type { ScoreChoices, SheetAnalysis, SheetInput } from "../sheet/flow";
import type { Analysis } from "../sheet/types";
import {
  checkJudgement,
  heldEntries,
  judgementScores,
  pendingRows,
  proposalRows,
  type Judgement,
  type PendingRow,
  type ProposalEdit,
  type ProposalRow,
} from "./logic";

export interface ViewChoices {
  profile: Profile;
  recomputeAll: boolean;
  /** The judgements as the person entered them, by sheet row. */
  judgements: Record<number, Judgement>;
  /** Proposals the person changed before writing, by sheet row. */
  proposals?: Record<number, ProposalEdit>;
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
  /** Rows whose score is a proposal (kept or changed), in the table shown. */
  proposals: ProposalRow[];
}

export function scoreView(
  analyzeRead: (read: SheetInput, choices: ScoreChoices) => SheetAnalysis,
  read: SheetInput,
  c: ViewChoices,
): ScoreView {
  const decimals = c.profile.decimals;
  const choices = { profile: c.profile, recomputeAll: c.recomputeAll, file: c.file, locale: c.locale };
  const edits = c.proposals ?? {};
  // Judgements and changed proposals are scores the person gives for a row (the core takes
  // both as `judgements`; a row awaits a judgement or holds a proposal, never both).
  const scores = (j: Record<number, Judgement>, p: Record<number, ProposalEdit>) => ({
    ...judgementScores(p, decimals),
    ...judgementScores(j, decimals),
  });
  // The rows come from a first analysis; only choices whose rows read the same as when they
  // were made are given to the flow.
  let result = analyzeRead(read, { ...choices, judgements: scores(c.judgements, edits) });
  let table = pick(result, c.table ?? 0);
  let pending = pendingRows(table, c.profile);
  let proposals = proposalRows(table, c.profile);
  const others = result.tables.filter((t) => t !== table);
  const held = heldEntries(c.judgements, [...pending, ...others.flatMap((t) => pendingRows(t, c.profile))]);
  const kept = heldEntries(edits, [...proposals, ...others.flatMap((t) => proposalRows(t, c.profile))]);
  if (
    Object.keys(held).length !== Object.keys(c.judgements).length ||
    Object.keys(kept).length !== Object.keys(edits).length
  ) {
    result = analyzeRead(read, { ...choices, judgements: scores(held, kept) });
    table = pick(result, c.table ?? 0);
    pending = pendingRows(table, c.profile);
    proposals = proposalRows(table, c.profile);
  }
  const open = pending.filter((p) => {
    const j = held[p.indicator.row];
    return !j || checkJudgement(p, j, decimals).value === null;
  }).length;
  return { result, table, pending, judged: new Set(table.judged), open, proposals };
}

/** The n-th table found (0-based; `firstTable` for 0), or the no-table analysis. */
function pick(result: SheetAnalysis, n: number): Analysis {
  const found = result.tables.filter((t) => t.layout !== null);
  return found[Math.min(Math.max(0, n), found.length - 1)] ?? result.tables[0];
}
