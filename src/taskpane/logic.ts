/**
 * Pure helpers of the task pane: grouping, judgement bands, result summary. Decimal
 * arithmetic throughout (scores, weights, sums).
 */
import Decimal from "decimal.js";
import type { IndicatorResult, Profile, QualitativeBands, Severity, WriteKind } from "../core/types";
import type {
  Analysis,
  CellValue,
  DetectedLayout,
  GridSnapshot,
  PlannedWrite,
  Report,
  ReportDiagnostic,
} from "../sheet/types";
import { address, parseAddress } from "../sheet/address";

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

/** A cell value as a finance officer reads it in the preview (rates as percentages). */
export function formatValue(v: CellValue | undefined, kind?: WriteKind): string | null {
  if (v === null || v === undefined || v === "") return null;
  if (v instanceof Date) {
    const p = (n: number) => String(n).padStart(2, "0");
    return `${v.getFullYear()}-${p(v.getMonth() + 1)}-${p(v.getDate())}`;
  }
  if (typeof v === "number") {
    if (kind === "rate") return `${new Decimal(v).times(100).toFixed(2)}%`;
    return new Decimal(v).toString();
  }
  return String(v);
}

export type Band = "achieved" | "partial" | "notAchieved";
export const BANDS: Band[] = ["achieved", "partial", "notAchieved"];

/** A person's choice for a qualitative row (R-QUAL). `score` is the text typed. */
export interface Judgement {
  band: Band;
  score: string;
}

/** A qualitative row waiting for a person's judgement (QUALITATIVE_NEEDS_JUDGEMENT). */
export interface PendingRow {
  indicator: IndicatorResult;
  bands: QualitativeBands;
  weight: number;
  /** Where the chosen score goes. */
  cell: string;
}

/** The R-QUAL bands of a row: from the report, else from the profile's qualitativeBands. */
export function bandsFor(ind: IndicatorResult, profile: Profile | null): QualitativeBands | null {
  if (ind.bands) return ind.bands;
  if (ind.weight === null || !profile) return null;
  const w = new Decimal(ind.weight);
  const [b0, b1] = profile.qualitativeBands;
  const hi = w.times(b0).toNumber();
  const mid = w.times(b1).toNumber();
  return { achieved: [hi, w.toNumber()], partial: [mid, hi], notAchieved: [0, mid] };
}

/** The sheet address of a row's score cell. */
export function scoreCell(layout: DetectedLayout | null, row: number): string | null {
  if (!layout) return null;
  const known = layout.cells[`${row}:score`];
  if (known) return known;
  const col = layout.columns.score;
  return col ? address(row, col) : null;
}

export function pendingRows(analysis: Analysis, profile: Profile | null): PendingRow[] {
  const rows = new Set(
    analysis.report.diagnostics
      .filter((d) => d.code === "QUALITATIVE_NEEDS_JUDGEMENT" && d.row !== null)
      .map((d) => d.row as number),
  );
  const out: PendingRow[] = [];
  for (const ind of analysis.report.indicators) {
    if (!rows.has(ind.row) || ind.weight === null) continue;
    const bands = bandsFor(ind, profile);
    const cell = scoreCell(analysis.layout, ind.row);
    if (bands && cell) out.push({ indicator: ind, bands, weight: ind.weight, cell });
  }
  return out;
}

/** The score first offered when a band is chosen: full marks for 达成, else the band's floor. */
export function defaultScore(bands: QualitativeBands, band: Band, decimals: number): string {
  const v = band === "achieved" ? bands.achieved[1] : bands[band][0];
  return new Decimal(v).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).toString();
}

export interface JudgementCheck {
  /** The score to write; null when it cannot be written. */
  value: number | null;
  error: "notNumber" | "outOfWeight" | "decimals" | null;
  /** Outside the chosen band (closed ranges, as R-QUAL checks entered scores): QUALITATIVE_BAND. */
  outOfBand: boolean;
}

const NUMBER = /^\d+(\.\d+)?$/;

export function checkJudgement(p: PendingRow, j: Judgement, decimals: number): JudgementCheck {
  const text = j.score
    .trim()
    .replace(/．/g, ".")
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (!NUMBER.test(text)) return { value: null, error: "notNumber", outOfBand: false };
  const v = new Decimal(text);
  if (v.gt(p.weight)) return { value: null, error: "outOfWeight", outOfBand: false };
  if (v.decimalPlaces() > decimals) return { value: null, error: "decimals", outOfBand: false };
  const [lo, hi] = p.bands[j.band];
  const outOfBand = v.lt(lo) || v.gt(hi);
  return { value: v.toNumber(), error: null, outOfBand };
}

/** The planned writes for the valid judgements (kind `score`, like any other score write). */
export function judgementWrites(
  pending: PendingRow[],
  judgements: Record<number, Judgement>,
  decimals: number,
  grid: GridSnapshot,
): PlannedWrite[] {
  const out: PlannedWrite[] = [];
  for (const p of pending) {
    const j = judgements[p.indicator.row];
    if (!j) continue;
    const c = checkJudgement(p, j, decimals);
    const at = parseAddress(p.cell);
    if (c.value === null || !at) continue;
    out.push({
      cell: p.cell,
      row: at.row,
      col: at.col,
      before: cellAt(grid, at.row, at.col)?.v ?? null,
      after: c.value,
      kind: "score",
      field: "score",
    });
  }
  return out;
}

export function cellAt(grid: GridSnapshot, row: number, col: number) {
  return grid.cells[row - grid.top]?.[col - grid.left] ?? null;
}

/** A copy of the grid with the given values written in (for scoring with a person's judgements). */
export function withValues(grid: GridSnapshot, writes: PlannedWrite[]): GridSnapshot {
  if (writes.length === 0) return grid;
  const cells = grid.cells.map((r) => r.slice());
  for (const w of writes) {
    const r = w.row - grid.top;
    const c = w.col - grid.left;
    if (r < 0 || c < 0) continue;
    while (cells.length <= r) cells.push([]);
    const line = cells[r];
    while (line.length <= c) line.push(null);
    const old = line[c];
    line[c] = { ...(old ?? {}), v: w.after };
  }
  return { ...grid, cells };
}

/** Judgement writes first, then the engine's writes for other cells. */
export function mergePlans(first: PlannedWrite[], rest: PlannedWrite[]): PlannedWrite[] {
  const taken = new Set(first.map((w) => w.cell));
  return [...first, ...rest.filter((w) => !taken.has(w.cell))];
}

export interface LevelBar {
  name: string;
  score: string;
  weight: string;
  /** 0–100, for the bar's width. */
  percent: number;
}

/** Per 一级指标: Σ scores against Σ weights; the budget block first when it has a score. */
export function levelBars(report: Report, budgetLabel: string): LevelBar[] {
  const bars: LevelBar[] = [];
  const b = report.budget;
  if (b && b.weight !== null) bars.push(bar(budgetLabel, new Decimal(b.score ?? 0), new Decimal(b.weight)));
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
    bars.push(bar(name, s, w));
  }
  return bars;
}

function bar(name: string, s: Decimal, w: Decimal): LevelBar {
  const percent = w.gt(0) ? Decimal.min(100, Decimal.max(0, s.div(w).times(100))).toNumber() : 0;
  return { name, score: s.toString(), weight: w.toString(), percent };
}

export { scoredFileName, defaultSheet } from "./names";
