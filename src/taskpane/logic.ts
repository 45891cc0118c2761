/**
 * Pure helpers of the task pane: grouping, judgement bands, result summary. Decimal
 * arithmetic throughout (scores, weights, sums).
 */
import Decimal from "decimal.js";
import type {
  DiagnosticCode,
  IndicatorResult,
  Profile,
  QualitativeBands,
  Severity,
  WriteKind,
} from "../core/types";
import type { Analysis, CellValue, PlannedWrite, Report, ReportDiagnostic, WritePlan } from "../sheet/types";
import { toHalfWidth } from "../core/parse";
import { judgementRanges, qualitativeBands, type JudgementRanges } from "../core/qualitative";
import { formatCell, formatScore } from "./format";

export const KIND_ORDER: WriteKind[] = ["score", "rate", "total", "grade", "note"];
export const SEVERITY_ORDER: Severity[] = ["error", "warning", "info"];

export function groupWrites(writes: PlannedWrite[]): { kind: WriteKind; writes: PlannedWrite[] }[] {
  const byPlace = (a: PlannedWrite, b: PlannedWrite) => a.row - b.row || a.col - b.col;
  return KIND_ORDER.map((kind) => ({
    kind,
    writes: writes.filter((w) => w.kind === kind).sort(byPlace),
  })).filter((g) => g.writes.length > 0);
}

export function groupDiagnostics(
  diagnostics: ReportDiagnostic[],
): { severity: Severity; items: ReportDiagnostic[] }[] {
  return SEVERITY_ORDER.map((severity) => ({
    severity,
    items: diagnostics.filter((d) => d.severity === severity),
  })).filter((g) => g.items.length > 0);
}

/** A cell value as a finance officer reads it in the preview (see format.ts; two decimals by default). */
export function formatValue(v: CellValue | undefined, kind?: WriteKind, decimals = 2): string | null {
  return formatCell(v, kind, decimals);
}

/** What a person does about a problem: the groups of the problem list, in this order. */
export type Action = "judge" | "recompute" | "fix" | "explain" | "info";
export const ACTION_ORDER: Action[] = ["judge", "recompute", "fix", "explain", "info"];

const ACTION_OF: Partial<Record<DiagnosticCode, Action>> = {
  QUALITATIVE_NEEDS_JUDGEMENT: "judge",
  SCORE_MISMATCH: "recompute",
  TOTAL_MISMATCH: "recompute",
  RATE_MISMATCH: "recompute",
  UNDER_TARGET: "explain",
  OVER_COMPLETION: "explain",
  LOW_EXECUTION: "explain",
  EXECUTION_OVER_100: "explain",
  DEVIATION_NOTE_REQUIRED: "explain",
};

/** The action a diagnostic asks for: by code, else errors and warnings are to fix, infos to note. */
export function actionOf(d: Pick<ReportDiagnostic, "code" | "severity">): Action {
  const a = ACTION_OF[d.code] ?? (String(d.code) === "GRADE_MISMATCH" ? "recompute" : undefined);
  if (a) return a;
  return d.severity === "info" ? "info" : "fix";
}

/** Problems grouped by what the person must do (判断 → 重算 → 更正 → 说明 → 参考), errors first within a group. */
export function groupByAction(
  diagnostics: ReportDiagnostic[],
): { action: Action; items: ReportDiagnostic[] }[] {
  const rank = (d: ReportDiagnostic) => SEVERITY_ORDER.indexOf(d.severity);
  return ACTION_ORDER.map((action) => ({
    action,
    items: diagnostics
      .map((d, i) => ({ d, i }))
      .filter(({ d }) => actionOf(d) === action)
      .sort((a, b) => rank(a.d) - rank(b.d) || a.i - b.i)
      .map(({ d }) => d),
  })).filter((g) => g.items.length > 0);
}

/** How many problems need the person (everything but the infos). */
export function needsAttention(diagnostics: ReportDiagnostic[]): number {
  return diagnostics.filter((d) => actionOf(d) !== "info").length;
}

export type Band = "achieved" | "partial" | "notAchieved";
export const BANDS: Band[] = ["achieved", "partial", "notAchieved"];

/** A person's choice for a qualitative row (R-QUAL). `score` is the text typed. */
export interface Judgement {
  band: Band;
  score: string;
  /** The row as it was judged (`rowBasis`): a judgement holds while the row reads the same. */
  basis?: string;
}

/** What a judgement rests on: the row's name, target, actual and weight. */
export function rowBasis(ind: Pick<IndicatorResult, "name" | "target" | "actual" | "weight">): string {
  return JSON.stringify([ind.name, ind.target, ind.actual, ind.weight]);
}

/** A row a person's entry (a judgement, a changed proposal) is made on. */
type EntryRow = { indicator: Pick<IndicatorResult, "row" | "name" | "target" | "actual" | "weight"> };

/**
 * The entries (judgements, changed proposals) that still hold for `rows`: same row, same
 * basis. A row re-read unchanged keeps its entry; a changed (or no longer offered) row does not.
 */
export function heldEntries<E extends { basis?: string }>(
  entries: Record<number, E>,
  rows: readonly EntryRow[],
): Record<number, E> {
  const out: Record<number, E> = {};
  for (const p of rows) {
    const e = entries[p.indicator.row];
    if (e && (e.basis === undefined || e.basis === rowBasis(p.indicator))) out[p.indicator.row] = e;
  }
  return out;
}

/** `entries` with row `row`'s entry set (stamped with the row's basis) or, for null, removed. */
export function withEntry<E extends { basis?: string }>(
  entries: Record<number, E>,
  rows: readonly EntryRow[],
  row: number,
  entry: E | null,
): Record<number, E> {
  const next = { ...entries };
  const p = rows.find((x) => x.indicator.row === row);
  if (entry) next[row] = { ...entry, basis: p ? rowBasis(p.indicator) : undefined };
  else delete next[row];
  return next;
}

/** A qualitative row waiting for a person's judgement (QUALITATIVE_NEEDS_JUDGEMENT). */
export interface PendingRow {
  indicator: IndicatorResult;
  bands: QualitativeBands;
  /**
   * The scores the core accepts once written, per band (`judgementRanges`: the band narrowed
   * to what actual against target allows; null: the band cannot hold this row's score).
   * Absent: the bands themselves.
   */
  allowed?: JudgementRanges;
  weight: number;
  /** Where the chosen score goes. */
  cell: string;
}

/** The R-QUAL bands of a row: from the report, else the core's for the profile (`qualitativeBands`). */
export function bandsFor(ind: IndicatorResult, profile: Profile | null): QualitativeBands | null {
  if (ind.bands) return ind.bands;
  if (ind.weight === null || !profile) return null;
  return qualitativeBands(ind.weight, profile);
}

/** The qualitative rows of a table waiting for a person's judgement (judged ones included). */
export function pendingRows(analysis: Analysis, profile: Profile | null): PendingRow[] {
  const rows = new Set(analysis.judgementRows);
  const out: PendingRow[] = [];
  for (const ind of analysis.report.indicators) {
    if (!rows.has(ind.row) || ind.weight === null) continue;
    const bands = bandsFor(ind, profile);
    const cell = analysis.layout?.cells[`${ind.row}:score`];
    const allowed = profile ? judgementRanges(ind, profile) : null;
    if (bands && cell)
      out.push({ indicator: ind, bands, ...(allowed ? { allowed } : {}), weight: ind.weight, cell });
  }
  return out;
}

/**
 * The scores a band offers for a row, as a person can type them: what the core accepts once
 * written (`PendingRow.allowed`, else the band), narrowed to the profile's decimals (the floor
 * rounded up, the ceiling down). null: the band cannot hold this row's score and is not offered.
 */
export function offeredRange(
  p: Pick<PendingRow, "bands" | "allowed">,
  band: Band,
  decimals: number,
): [number, number] | null {
  const range = p.allowed ? p.allowed[band] : p.bands[band];
  if (!range) return null;
  const lo = new Decimal(range[0]).toDecimalPlaces(decimals, Decimal.ROUND_CEIL);
  const hi = new Decimal(range[1]).toDecimalPlaces(decimals, Decimal.ROUND_FLOOR);
  return lo.lte(hi) ? [lo.toNumber(), hi.toNumber()] : null;
}

/** The bands offered for a row (those with an `offeredRange`); every band if none would be. */
export function offeredBands(p: Pick<PendingRow, "bands" | "allowed">, decimals: number): Band[] {
  const open = BANDS.filter((b) => offeredRange(p, b, decimals) !== null);
  return open.length > 0 ? open : BANDS;
}

/** The score first offered when a band is chosen: the top of what 达成 offers, else the floor of the band's offer. */
export function defaultScore(p: Pick<PendingRow, "bands" | "allowed">, band: Band, decimals: number): string {
  const range = offeredRange(p, band, decimals) ?? p.bands[band];
  const v = band === "achieved" ? range[1] : range[0];
  return new Decimal(v).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).toString();
}

export interface JudgementCheck {
  /** The score to write; null when it cannot be written. */
  value: number | null;
  error: "notNumber" | "outOfWeight" | "decimals" | null;
  /**
   * Outside what the core accepts in the chosen band (closed ranges, as R-QUAL checks entered
   * scores, `PendingRow.allowed`): written, it would be QUALITATIVE_BAND.
   */
  outOfBand: boolean;
}

const NUMBER = /^\d+(\.\d+)?$/;

export function checkJudgement(p: PendingRow, j: Judgement, decimals: number): JudgementCheck {
  return checkScore(j.score, p.weight, decimals, offeredRange(p, j.band, decimals));
}

/** A typed score against the row's weight, the profile's decimals and the range offered (null: none). */
function checkScore(
  score: string,
  weight: number,
  decimals: number,
  range: [number, number] | null,
): JudgementCheck {
  const text = toHalfWidth(score.trim());
  if (!NUMBER.test(text)) return { value: null, error: "notNumber", outOfBand: false };
  const v = new Decimal(text);
  if (v.gt(weight)) return { value: null, error: "outOfWeight", outOfBand: false };
  if (v.decimalPlaces() > decimals) return { value: null, error: "decimals", outOfBand: false };
  const outOfBand = range === null || v.lt(range[0]) || v.gt(range[1]);
  return { value: v.toNumber(), error: null, outOfBand };
}

/**
 * A score the core proposes (R-PARSE-9 completion words, R-QUAL 达成), not yet written: the
 * person may keep it or give their own score in its place (`ProposalEdit`).
 */
export interface ProposalRow {
  indicator: IndicatorResult;
  /** The score proposed (the rule's full score). */
  proposed: number;
  weight: number;
  /** The scores the core accepts in its place without a flag (a qualitative row: its bands' offer). */
  allowed: [number, number];
  /** Where the score goes. */
  cell: string;
}

/** A person's score in place of a proposal (`score` as typed), and the row as it was then (`rowBasis`). */
export interface ProposalEdit {
  score: string;
  basis?: string;
}

/**
 * The rows of a table whose score is a proposal not yet written: proposed now, or proposed and
 * changed by the person (scored from `judgements`, and not a row awaiting a judgement).
 */
export function proposalRows(analysis: Analysis, profile: Profile): ProposalRow[] {
  const judged = new Set(analysis.judged);
  const awaiting = new Set(analysis.judgementRows);
  const out: ProposalRow[] = [];
  for (const ind of analysis.report.indicators) {
    const cell = analysis.layout?.cells[`${ind.row}:score`];
    if (!cell || ind.weight === null || ind.ruleScore === null || awaiting.has(ind.row)) continue;
    if (ind.scoreSource !== "proposed" && !(ind.scoreSource === "person" && judged.has(cell))) continue;
    let allowed: [number, number] = [0, ind.weight];
    if (ind.direction === "qualitative") {
      const p = { bands: bandsFor(ind, profile)!, allowed: judgementRanges(ind, profile) ?? undefined };
      const ranges = offeredBands(p, profile.decimals).map((b) => offeredRange(p, b, profile.decimals));
      const open = ranges.filter((r): r is [number, number] => r !== null);
      if (open.length > 0) allowed = [Math.min(...open.map((r) => r[0])), Math.max(...open.map((r) => r[1]))];
    }
    out.push({ indicator: ind, proposed: ind.ruleScore, weight: ind.weight, allowed, cell });
  }
  return out;
}

/** A changed proposal checked as a judgement is: a number to the profile's decimals, in 0–weight; outside `allowed` it would be flagged. */
export function checkProposal(p: ProposalRow, edit: ProposalEdit, decimals: number): JudgementCheck {
  return checkScore(edit.score, p.weight, decimals, p.allowed);
}

/**
 * The scores of the judgements as typed, for the scoring flow: a number with no more
 * decimals than the profile allows (the flow takes one from 0 to the row's weight).
 */
export function judgementScores(
  judgements: Record<number, Pick<Judgement, "score">>,
  decimals: number,
): Record<number, number> {
  const out: Record<number, number> = {};
  for (const [row, j] of Object.entries(judgements)) {
    const text = toHalfWidth(j.score.trim());
    if (!NUMBER.test(text)) continue;
    const v = new Decimal(text);
    if (v.decimalPlaces() <= decimals) out[Number(row)] = v.toNumber();
  }
  return out;
}

export interface LevelBar {
  name: string;
  score: string;
  weight: string;
  /** 0–100, for the bar's width. */
  percent: number;
}

/** Per 一级指标: Σ scores against Σ weights; the budget block first when it has a score. */
export function levelBars(report: Report, budgetLabel: string, decimals = 2): LevelBar[] {
  const bars: LevelBar[] = [];
  const b = report.budget;
  if (b && b.weight !== null)
    bars.push(bar(budgetLabel, new Decimal(b.score ?? 0), new Decimal(b.weight), decimals));
  const order: string[] = [];
  const sums = new Map<string, { s: Decimal; w: Decimal }>();
  for (const ind of report.indicators) {
    const name = ind.level1 || "—";
    if (!sums.has(name)) {
      sums.set(name, { s: new Decimal(0), w: new Decimal(0) });
      order.push(name);
    }
    const acc = sums.get(name)!;
    if (ind.score !== null) acc.s = acc.s.plus(ind.score);
    if (ind.weight !== null) acc.w = acc.w.plus(ind.weight);
  }
  for (const name of order) {
    const { s, w } = sums.get(name)!;
    bars.push(bar(name, s, w, decimals));
  }
  return bars;
}

function bar(name: string, s: Decimal, w: Decimal, decimals: number): LevelBar {
  const percent = w.gt(0) ? Decimal.min(100, Decimal.max(0, s.div(w).times(100))).toNumber() : 0;
  return { name, score: formatScore(s, decimals), weight: formatScore(w, decimals), percent };
}

export { scoredFileName } from "./names";

/**
 * The plan with the person's own wording of draft notes (by cell): a note write or a cell
 * note takes the edited text; an emptied text drops that note from the plan. Scores are
 * untouched (notes carry no figures the total depends on).
 */
export function patchNotes(plan: WritePlan, edits: Readonly<Record<string, string>>): WritePlan {
  if (Object.keys(edits).length === 0) return plan;
  const text = (cell: string, t: string) => (cell in edits ? edits[cell].trim() : t);
  const writes = plan.writes
    .map((w) =>
      w.kind === "note" && typeof w.after === "string" ? { ...w, after: text(w.cell, w.after) } : w,
    )
    .filter((w) => !(w.kind === "note" && w.after === ""));
  const notes = plan.notes?.map((n) => ({ ...n, text: text(n.cell, n.text) })).filter((n) => n.text !== "");
  return notes ? { ...plan, writes, notes } : { ...plan, writes };
}
