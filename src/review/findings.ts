/**
 * One scored table → its rows of the 问题清单 and its row of 汇总. Pure: the report, the
 * layout and the grid snapshot it was read from; wording from the message catalog.
 */
import Decimal from "decimal.js";
import { settingChecks, type SettingFinding, type SettingRow } from "../core/setting-checks";
import type { Profile } from "../core/types";
import { hasMessage, t, type MessageKey } from "../i18n/catalog";
import "../i18n/review-messages";
import { columnLetters, parseAddress } from "../sheet/address";
import { cellText } from "../sheet/grid";
import type { DetectedLayout, GridCell, GridSnapshot, Report, ReportDiagnostic } from "../sheet/types";
import { levelOf, NAMED_RULES, RULE_OF_CODE } from "./basis";
import type { Finding, Level, RollUp, TableSummary, WorkbookReview } from "./types";

/** One table as the flow scored it, with where it came from. */
export interface ScoredTable {
  file: string;
  sheet: string;
  /** 1-based table number on the sheet. */
  table: number;
  report: Report;
  layout: DetectedLayout;
  grid: GridSnapshot;
}

const LEVEL_ORDER: Record<Level, number> = { P0: 0, P1: 1, P2: 2 };

/** Reads cells of a snapshot by address. */
class Cells {
  constructor(private readonly grid: GridSnapshot) {}
  at(addr: string | undefined): GridCell | null {
    const a = addr ? parseAddress(addr) : null;
    if (!a) return null;
    const row = this.grid.cells[a.row - this.grid.top];
    const c = Array.isArray(row) ? row[a.col - this.grid.left] : null;
    return c && typeof c === "object" ? c : null;
  }
  text(addr: string | undefined): string {
    return cellText(this.at(addr)).trim();
  }
}

/** `{range}` of a table: the report's when the reader gives one, else header to total row. */
function tableRange(report: Report, layout: DetectedLayout, grid: GridSnapshot): string {
  const given = (report as { range?: unknown }).range;
  if (typeof given === "string" && given !== "") return given;
  const width = grid.cells.reduce((w, r) => Math.max(w, Array.isArray(r) ? r.length : 0), 0);
  const top = layout.budget ? Math.min(layout.budget.headerRow, layout.headerRow) : layout.headerRow;
  const bottom = layout.totalRow ?? layout.lastRow;
  return `${columnLetters(grid.left)}${top}:${columnLetters(grid.left + Math.max(0, width - 1))}${bottom}`;
}

const NAME_LABEL = /^(项目名称|项目|部门名称|部门|单位名称|单位|预算单位|专项名称|资金名称)[:：]?$/;

/** Rows and columns of `A1:I29`; null when it does not parse. */
function bounds(range: string | null | undefined) {
  const [a, b] = (range ?? "").split(":");
  const p = a ? parseAddress(a) : null;
  const q = b ? parseAddress(b) : p;
  return p && q ? { top: p.row, left: p.col, bottom: q.row, right: q.col } : null;
}

/**
 * 项目名称 from the header rows above the table (within its range when the reader gives one):
 * the cell right of its label, or `项目名称：…`; else the table's title.
 */
export function projectName(
  layout: DetectedLayout,
  grid: GridSnapshot,
  range?: string | null,
): string | null {
  const b = bounds(range);
  const first = layout.budget ? Math.min(layout.budget.headerRow, layout.headerRow) : layout.headerRow;
  const top = Math.max(grid.top, b?.top ?? grid.top);
  const left = b ? b.left - grid.left : 0;
  const right = b ? b.right - grid.left : Number.MAX_SAFE_INTEGER;
  const rowTexts = (r: number): string[] => {
    const row = grid.cells[r - grid.top];
    if (!Array.isArray(row)) return [];
    return row.slice(Math.max(0, left), right + 1).map((c) => cellText(c ?? null));
  };
  for (let r = top; r < first; r++) {
    const row = rowTexts(r);
    for (let i = 0; i < row.length; i++) {
      const text = row[i].replace(/\s+/g, "");
      const inline = /^(项目名称|部门名称|单位名称)[:：](.+)$/.exec(text);
      if (inline) return inline[2];
      if (!NAME_LABEL.test(text)) continue;
      for (let j = i + 1; j < row.length; j++) {
        const v = row[j].trim();
        if (v !== "") return v;
      }
    }
  }
  // No label: the table's title (a row holding one text only), as published tables name the project there.
  for (let r = top; r < first; r++) {
    const texts = rowTexts(r)
      .map((x) => x.trim())
      .filter((x) => x !== "");
    if (texts.length === 1 && /[\u4e00-\u9fff]/.test(texts[0]) && !/^[（(]/.test(texts[0])) return texts[0];
  }
  return null;
}

function numeric(c: GridCell | null): number | null {
  if (!c) return null;
  if (typeof c.v === "number" && Number.isFinite(c.v)) return c.v;
  if (typeof c.v === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(c.v)) return Number(c.v);
  return null;
}

function pct(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? "—" : `${new Decimal(rate).times(100).toFixed(2)}%`;
}

function key(k: string): MessageKey {
  return k as MessageKey;
}

/** `R-TOTAL-5 得分核对` */
export function basisText(rule: string): string {
  return (NAMED_RULES as readonly string[]).includes(rule)
    ? `${rule} ${t(key(`review.rule.${rule}`))}`
    : rule;
}

interface Context {
  table: ScoredTable;
  cells: Cells;
  range: string;
  writtenTotal: number | null;
}

function indicatorOf(ctx: Context, row: number | null): string {
  if (row === null) return "";
  const r = ctx.table.report;
  const ind = r.indicators.find((i) => i.row === row);
  if (ind) return ind.name;
  if (r.budget && r.budget.row === row) return t("review.indicator.budget");
  const sub = r.budget?.subRows.find((s) => s.row === row);
  if (sub) return sub.label;
  if (ctx.table.layout.totalRow === row) return t("review.indicator.total");
  return "";
}

function belowFull(report: Report, row: number | null): boolean {
  if (row === null) return false;
  const lt = (s: number | null, w: number | null) => s !== null && w !== null && new Decimal(s).lt(w);
  const ind = report.indicators.find((i) => i.row === row);
  if (ind) return lt(ind.score, ind.weight);
  return report.budget?.row === row && lt(report.budget.score, report.budget.weight);
}

/** The 建议 of a diagnostic, with the figures a reviewer can paste. */
function suggestion(ctx: Context, d: ReportDiagnostic): string {
  const r = ctx.table.report;
  const name = indicatorOf(ctx, d.row);
  const ind = d.row === null ? undefined : r.indicators.find((i) => i.row === d.row);
  const params: Record<string, string | number> = { name };
  switch (d.code as string) {
    case "TOTAL_MISMATCH":
      params.written = ctx.writtenTotal ?? "—";
      params.computed = r.total ?? "—";
      break;
    case "SCORE_MISMATCH":
      params.written = ind?.score ?? "—";
      params.rule = ind?.ruleScore ?? "—";
      break;
    case "SCORE_EXCEEDS_WEIGHT":
      params.weight = ind?.weight ?? r.budget?.weight ?? "—";
      break;
    case "RATE_MISMATCH": {
      const sub = r.budget?.subRows.find((s) => s.row === d.row);
      params.rate = pct(sub ? sub.rate : r.budget?.rate);
      break;
    }
    case "GRADE_MISMATCH":
      params.grade = r.grade ?? "—";
      break;
  }
  const k = `review.suggest.${d.code}`;
  return hasMessage(k) ? t(k, params) : t("review.suggest.default", params);
}

/** The rows the setting checks read: the report's indicators with their notes. */
function settingRows(ctx: Context): SettingRow[] {
  const { report, layout } = ctx.table;
  const hasNotes = layout.columns.note !== undefined;
  const cells = layout.cells;
  return report.indicators.map((i) => {
    const row: SettingRow = {
      row: i.row,
      level1: i.level1,
      level2: i.level2,
      name: i.name,
      target: i.target,
      actual: i.actual,
      direction: i.direction,
      weight: i.weight,
      score: i.score,
    };
    if (hasNotes) {
      const text = ctx.cells.text(cells[`${i.row}:note`]);
      row.note = text === "" ? null : text;
    }
    return row;
  });
}

function settingFinding(ctx: Context, f: SettingFinding): Finding {
  const { table } = ctx;
  const cells = table.layout.cells;
  const cell =
    f.row === null
      ? ctx.range
      : ((f.field ? cells[`${f.row}:${f.field}`] : undefined) ?? cells[`${f.row}:name`] ?? "");
  const variant = f.code === "COST_DIRECTION_POSITIVE" ? `.${String(f.params.how)}` : "";
  const notes = f.code === "DEDUCTION_WITHOUT_NOTE" ? `.${String(f.params.column)}` : "";
  return {
    level: "P1",
    file: table.file,
    sheet: table.sheet,
    table: table.table,
    cell,
    row: f.row,
    indicator: f.row === null ? "" : indicatorOf(ctx, f.row),
    code: f.code,
    finding: t(key(`review.check.${f.code}${variant}${notes}`), f.params),
    rule: f.rule,
    basis: basisText(f.rule),
    suggestion: t(key(`review.suggest.${f.code}`), {
      ...f.params,
      target: String(f.params.target ?? "").replace(/^\s*(≥|>=|≧|＞=|>|＞)\s*/, ""),
    }),
  };
}

/** The 问题清单 rows and the 汇总 row of one scored table. */
export function reviewTable(table: ScoredTable): { findings: Finding[]; summary: TableSummary } {
  const { report, layout, grid } = table;
  const cells = new Cells(grid);
  const totalCell = layout.totalRow !== null ? layout.cells[`${layout.totalRow}:total`] : undefined;
  const ctx: Context = {
    table,
    cells,
    range: tableRange(report, layout, grid),
    writtenTotal: numeric(cells.at(totalCell)),
  };
  const findings: Finding[] = report.diagnostics.map((d) => {
    const rule = RULE_OF_CODE[d.code] ?? d.code;
    return {
      level: levelOf(d.code, d.severity, belowFull(report, d.row)),
      file: table.file,
      sheet: table.sheet,
      table: table.table,
      cell: d.cell ?? (d.row === null ? ctx.range : ""),
      row: d.row,
      indicator: indicatorOf(ctx, d.row),
      code: d.code,
      finding: d.message,
      rule,
      basis: basisText(rule),
      suggestion: suggestion(ctx, d),
    };
  });
  const noteRequiredRows = report.diagnostics
    .filter((d) => d.code === "DEVIATION_NOTE_REQUIRED" && d.row !== null)
    .map((d) => d.row as number);
  for (const f of settingChecks({ rows: settingRows(ctx), noteRequiredRows }))
    findings.push(settingFinding(ctx, f));
  findings.sort(
    (a, b) =>
      LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] ||
      (a.row ?? Number.MAX_SAFE_INTEGER) - (b.row ?? Number.MAX_SAFE_INTEGER),
  );
  const count = (l: Level) => findings.filter((f) => f.level === l).length;
  const summary: TableSummary = {
    file: table.file,
    sheet: table.sheet,
    table: table.table,
    range: ctx.range,
    project: projectName(layout, grid, report.range ?? null),
    writtenTotal: ctx.writtenTotal,
    total: report.total,
    totalProvisional: report.totalProvisional,
    grade: report.grade,
    gradeProvisional: report.gradeProvisional,
    p0: count("P0"),
    p1: count("P1"),
    p2: count("P2"),
  };
  return { findings, summary };
}

/** A workbook (or sheet) where no table could be read or found: one P0 row saying why. */
export function unreadable(
  file: string,
  sheet: string,
  code: "UNREADABLE_FILE" | "NO_TABLE_FOUND",
  message: string,
): WorkbookReview {
  const rule = RULE_OF_CODE[code];
  const finding: Finding = {
    level: "P0",
    file,
    sheet,
    table: null,
    cell: "",
    row: null,
    indicator: "",
    code,
    finding: message,
    rule,
    basis: basisText(rule),
    suggestion: t(key(`review.suggest.${code}`)),
  };
  return {
    findings: [finding],
    tables: [
      {
        file,
        sheet,
        table: null,
        range: null,
        project: null,
        writtenTotal: null,
        total: null,
        totalProvisional: false,
        grade: null,
        gradeProvisional: false,
        p0: 1,
        p1: 0,
        p2: 0,
        unreadable: true,
      },
    ],
  };
}

/** The roll-up of 汇总's foot: tables, tables per grade (profile bands), provisional, unreadable. */
export function rollUp(tables: TableSummary[], profile: Pick<Profile, "gradeBands">): RollUp {
  const bands = [...profile.gradeBands].sort((a, b) => b.min - a.min);
  const read = tables.filter((s) => !s.unreadable);
  const grades = bands.map((b, i) => ({
    grade: b.grade as string,
    min: b.min,
    below: b.min <= 0 && i > 0 ? bands[i - 1].min : null,
    count: read.filter((s) => !s.totalProvisional && s.grade === b.grade).length,
  }));
  const sum = (k: "p0" | "p1" | "p2") => tables.reduce((n, s) => n + s[k], 0);
  return {
    tables: read.length,
    grades,
    provisional: read.filter((s) => s.totalProvisional).length,
    unreadable: tables.length - read.length,
    p0: sum("p0"),
    p1: sum("p1"),
    p2: sum("p2"),
  };
}

/** `共19项，17项90分以上（优），2项80分以上（良）。` */
export function rollUpSentence(r: RollUp): string {
  const parts = [t("review.rollup.count", { n: r.tables })];
  for (const g of r.grades) {
    if (g.count === 0) continue;
    parts.push(
      g.below !== null
        ? t("review.rollup.gradeBelow", { n: g.count, min: g.below, grade: g.grade })
        : t("review.rollup.grade", { n: g.count, min: g.min, grade: g.grade }),
    );
  }
  if (r.provisional > 0) parts.push(t("review.rollup.provisional", { n: r.provisional }));
  if (r.unreadable > 0) parts.push(t("review.rollup.unreadable", { n: r.unreadable }));
  return parts.join(t("review.rollup.sep")) + t("review.rollup.end");
}
