/** What the pane shows of a sheet: one pure function of what was read and what was chosen. */
import type { Profile } from "../core/types";
import type { Locale } from "../i18n/catalog";
import type { ScoreChoices, SheetAnalysis, SheetInput } from "../sheet/flow";
import type { Analysis } from "../sheet/types";
import { checkJudgement, judgementScores, pendingRows, type Judgement, type PendingRow } from "./logic";

export interface ViewChoices {
  profile: Profile;
  recomputeAll: boolean;
  /** The judgements as the person entered them, by sheet row. */
  judgements: Record<number, Judgement>;
  file: string | null;
  locale: Locale;
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
  const result = analyzeRead(read, {
    profile: c.profile,
    recomputeAll: c.recomputeAll,
    file: c.file,
    locale: c.locale,
    judgements: judgementScores(c.judgements, decimals),
  });
  // The first table found (`firstTable`; not imported: the pane's chunk holds no scoring code).
  const table = result.tables.find((t) => t.layout !== null) ?? result.tables[0];
  const pending = pendingRows(table, c.profile);
  const open = pending.filter((p) => {
    const j = c.judgements[p.indicator.row];
    return !j || checkJudgement(p, j, decimals).value === null;
  }).length;
  return { result, table, pending, judged: new Set(table.judged), open };
}
