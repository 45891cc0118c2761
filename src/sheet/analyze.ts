/** grid → layout → TableInput → core → Report with addresses + WritePlan (R-WRITE-1/2/3). */
import { formatMessage, t, uiMessage } from "../i18n/catalog";
import Decimal from "decimal.js";
import { isPercentFormat, numberOf, sameValue, scoreTable } from "../core";
import type {
  BudgetInput,
  BudgetRowInput,
  CellInput,
  CellOrigin,
  CoreDiagnostic,
  CoreReport,
  Field,
  IndicatorRowInput,
  NoteRef,
  TableInput,
} from "../core/types";
import { address, parseAddress } from "./address";
import { detect, detectionOf, detectTables, usedRange, type Found, type NotFound } from "./detect";
import { cellText, Grid, isEmptyCell, toCellInput } from "./grid";
import { noteDrafts } from "./notes";
import type {
  AnalyzeOptions,
  Analysis,
  ColumnMapping,
  DetectedLayout,
  GridCell,
  GridSnapshot,
  LedgerEntry,
  PlannedWrite,
  Report,
  ReportDiagnostic,
  WritePlan,
} from "./types";

function ledgerIndex(entries: LedgerEntry[] | undefined, sheet: string): Map<string, LedgerEntry> {
  const out = new Map<string, LedgerEntry>();
  for (const e of Array.isArray(entries) ? entries : []) if (e && e.sheet === sheet) out.set(e.cell, e);
  return out;
}

/** R-WRITE-2/3: formula, else program (the ledger holds this very value), else person; empty when empty. */
function originOf(cell: GridCell | null, addr: string, ledger: Map<string, LedgerEntry>): CellOrigin {
  if (cell?.f) return "formula";
  if (isEmptyCell(cell)) return "empty";
  const e = ledger.get(addr);
  return e && sameValue(cell?.v, e.value) ? "program" : "person";
}

export interface Built {
  input: TableInput;
  /** Sheet address of each (row, field): `${row}:${field}` or `note:${id}` (see DetectedLayout.cells). */
  cells: Map<string, string>;
  /** Rows whose target is their 调整指标值. */
  adjustedRows: number[];
  /** The budget total row whose figures are the sums of its sub-rows (LAYOUTS.md step 6), or null. */
  budgetFromSubRows: number | null;
}

const AMOUNTS = ["planned", "budget", "adjusted", "executed"] as const;

/**
 * LAYOUTS.md step 6: a budget total row whose amounts are all empty or 0, over sub-rows that
 * hold figures, takes the sums of its sub-rows (decimal sums of the numbers written; other
 * texts such as — count as nothing). True when it did.
 */
function totalFromSubRows(total: BudgetRowInput, subRows: BudgetRowInput[]): boolean {
  const n = (c: CellInput | null): Decimal | null => {
    const v = numberOf(c);
    return v === null || v === "invalid" ? null : v;
  };
  if (subRows.length === 0) return false;
  if (AMOUNTS.some((k) => total[k] !== null && !(n(total[k])?.isZero() ?? isBlank(total[k])))) return false;
  let any = false;
  const sums: Partial<Record<(typeof AMOUNTS)[number], Decimal>> = {};
  for (const k of AMOUNTS) {
    if (total[k] === null) continue;
    let sum = new Decimal(0);
    for (const r of subRows) {
      const v = n(r[k]);
      if (v !== null) sum = sum.plus(v);
    }
    if (!sum.isZero()) any = true;
    sums[k] = sum;
  }
  if (!any) return false;
  for (const k of AMOUNTS) {
    const sum = sums[k];
    if (sum !== undefined) total[k] = { value: sum.toNumber() };
  }
  return true;
}

function isBlank(c: CellInput | null): boolean {
  return !c || c.value === null || (typeof c.value === "string" && c.value.trim() === "");
}

function buildInput(g: Grid, found: Found, options: AnalyzeOptions): Built {
  const ledger = ledgerIndex(options.record?.ledger, g.snap.sheet);
  // A Map: an object with a fresh key per cell costs far more to build, and most runs never read it.
  const cells = new Map<string, string>();
  const col = found.columns;

  const put = (row: number, field: Field | "level1" | "level2", c: number | undefined): void => {
    if (c === undefined) return;
    const a = g.anchor(row, c);
    cells.set(`${row}:${field}`, address(a.row, a.col));
  };
  const writable = (row: number, c: number | undefined): GridCell | null | undefined =>
    c === undefined || g.covered(row, c) ? undefined : g.own(row, c);
  const noteAt = (row: number, c: number | undefined): NoteRef | null => {
    if (c === undefined) return null;
    const a = g.anchor(row, c);
    const id = address(a.row, a.col);
    const cell = g.raw(a.row, a.col);
    const text = cellText(cell);
    cells.set(`note:${id}`, id);
    const ref: NoteRef = { id, text: text.trim() === "" ? null : text };
    if (cell?.f) ref.formula = true;
    return ref;
  };
  const text = (row: number, c: number | undefined): string | null => {
    if (c === undefined) return null;
    const t = cellText(g.own(row, c)).trim();
    return t === "" ? null : t;
  };

  let budgetFromSubRows: number | null = null;
  // 调整指标值, where non-empty on a row, is that row's target (TARGET_ADJUSTED).
  const adjustedRows: number[] = [];
  const adjusted = (r: number): { target?: IndicatorRowInput["target"] } => {
    if (col.adjustedTarget === undefined || isEmptyCell(g.own(r, col.adjustedTarget))) return {};
    if (toCellInput(g.own(r, col.adjustedTarget)).value === null) return {};
    const t = cellText(g.own(r, col.adjustedTarget)).trim();
    if (t === "" || /^[—–\-/*]$/.test(t)) return {};
    cells.set(`${r}:target`, address(r, col.adjustedTarget));
    adjustedRows.push(r);
    return { target: toCellInput(g.own(r, col.adjustedTarget)) };
  };
  const indicators: IndicatorRowInput[] = found.rows.map((fr) => {
    const r = fr.row;
    for (const f of ["name", "target", "actual", "weight", "note"] as const) put(r, f, col[f]);
    const scoreCell = writable(r, col.score);
    if (scoreCell !== undefined) put(r, "score", col.score);
    const addrScore = col.score !== undefined ? address(r, col.score) : "";
    const row: IndicatorRowInput = {
      row: r,
      level1: fr.level1,
      level2: fr.level2,
      name: col.name !== undefined ? cellText(g.own(r, col.name)).trim() : "",
      target: col.target !== undefined ? toCellInput(g.own(r, col.target)) : null,
      ...adjusted(r),
      actual: col.actual !== undefined ? toCellInput(g.own(r, col.actual)) : null,
      weight: col.weight !== undefined ? toCellInput(g.own(r, col.weight)) : null,
      score: scoreCell !== undefined ? toCellInput(scoreCell) : null,
      scoreOrigin: scoreCell !== undefined ? originOf(scoreCell, addrScore, ledger) : "empty",
      note: noteAt(r, col.note),
    };
    if (col.direction !== undefined) {
      row.direction = text(r, col.direction);
      put(r, "direction", col.direction);
    }
    if (col.unit !== undefined) row.unit = text(r, col.unit);
    if (col.ruleText !== undefined) row.ruleText = text(r, col.ruleText);
    const ov = options.overrides?.[r];
    if (ov) row.override = ov;
    return row;
  });

  let budget: BudgetInput | null = null;
  const fb = found.budget;
  if (fb) {
    const bc = fb.columns;
    const amount = (r: number, c: number | undefined) => (c === undefined ? null : toCellInput(g.own(r, c)));
    const budgetRow = (r: number, label: string): BudgetRowInput => {
      const rateCell = writable(r, bc.rate);
      if (rateCell !== undefined) put(r, "budgetRate", bc.rate);
      put(r, "budgetDenominator", bc.budget ?? bc.adjusted ?? bc.planned);
      put(r, "budgetExecuted", bc.executed);
      return {
        row: r,
        label,
        planned: amount(r, bc.planned),
        budget: amount(r, bc.budget),
        adjusted: amount(r, bc.adjusted),
        executed: amount(r, bc.executed),
        rate: rateCell !== undefined ? toCellInput(rateCell) : null,
        rateOrigin:
          rateCell !== undefined && bc.rate !== undefined
            ? originOf(rateCell, address(r, bc.rate), ledger)
            : "empty",
      };
    };
    budget = {
      columns: {
        planned: bc.planned !== undefined,
        budget: bc.budget !== undefined,
        adjusted: bc.adjusted !== undefined,
        executed: bc.executed !== undefined,
      },
      total: null,
      subRows: [],
    };
    for (const br of fb.rows) {
      if (br.row === fb.totalRow) {
        const scoreCell = writable(br.row, bc.score);
        if (scoreCell !== undefined) put(br.row, "budgetScore", bc.score);
        put(br.row, "budgetWeight", bc.weight);
        put(br.row, "budgetReason", bc.reason);
        budget.total = {
          ...budgetRow(br.row, br.label),
          weight: amount(br.row, bc.weight),
          score: scoreCell !== undefined ? toCellInput(scoreCell) : null,
          scoreOrigin:
            scoreCell !== undefined && bc.score !== undefined
              ? originOf(scoreCell, address(br.row, bc.score), ledger)
              : "empty",
          reason: noteAt(br.row, bc.reason),
        };
      } else budget.subRows.push(budgetRow(br.row, br.label));
    }
    if (budget.total && totalFromSubRows(budget.total, budget.subRows)) budgetFromSubRows = budget.total.row;
  }

  let totalRow: TableInput["totalRow"] = null;
  if (found.totalRow !== null) {
    const r = found.totalRow;
    const sc = writable(r, col.score);
    if (sc !== undefined) put(r, "total", col.score);
    put(r, "weight", col.weight);
    totalRow = {
      row: r,
      score: sc !== undefined ? toCellInput(sc) : null,
      scoreOrigin:
        sc !== undefined && col.score !== undefined ? originOf(sc, address(r, col.score), ledger) : "empty",
    };
  }

  let gradeCell: TableInput["gradeCell"] = null;
  if (found.grade) {
    const { row, col: c } = found.grade;
    if (!g.covered(row, c)) {
      const cell = g.own(row, c);
      put(row, "grade", c);
      gradeCell = { row, value: toCellInput(cell), origin: originOf(cell, address(row, c), ledger) };
    }
  }

  return {
    input: { layout: found.layout, indicators, budget, totalRow, gradeCell },
    cells,
    adjustedRows,
    budgetFromSubRows,
  };
}

/**
 * Gives `layout.cells` as a plain object built on first read (it is an ordinary enumerable
 * property to every reader, JSON and spreading included; assigning it replaces it).
 */
function lazyCells(layout: DetectedLayout, cells: Map<string, string>): DetectedLayout {
  let built: Record<string, string> | null = null;
  const own = (target: DetectedLayout, value: Record<string, string>): Record<string, string> => {
    Object.defineProperty(target, "cells", { value, writable: true, enumerable: true, configurable: true });
    return value;
  };
  Object.defineProperty(layout, "cells", {
    enumerable: true,
    configurable: true,
    get(this: DetectedLayout) {
      return own(this, (built ??= Object.fromEntries(cells)));
    },
    set(this: DetectedLayout, value: Record<string, string>) {
      own(this, value);
    },
  });
  return layout;
}

function toDetected(found: Found, cells: Map<string, string>): DetectedLayout {
  const fb = found.budget;
  const layout: DetectedLayout = {
    layout: found.layout,
    headerRow: found.headerRow,
    headerEnd: found.headerEnd,
    columns: { ...found.columns },
    firstRow: found.firstRow,
    lastRow: found.lastRow,
    totalRow: found.totalRow,
    budget: fb
      ? {
          headerRow: fb.headerRow,
          firstRow: fb.firstRow,
          lastRow: fb.lastRow,
          columns: { ...fb.columns },
          totalRow: fb.totalRow,
        }
      : null,
    cells: {},
    indicatorRows: found.rows.map((r) => r.row),
  };
  return lazyCells(layout, cells);
}

/** Every table of a snapshot (or the one a mapping describes), remembered detection taken over. */
function detectAll(snap: GridSnapshot, options: AnalyzeOptions): { grid: Grid; found: Found[] | NotFound } {
  // A detection the sheet choice made of this very snapshot is taken over.
  const known = options.mapping ? null : detectionOf(snap, options.detection);
  if (known) return known;
  const grid = new Grid(snap);
  if (options.mapping) {
    const one = detect(grid, options.mapping);
    return { grid, found: "missing" in one ? one : [one] };
  }
  return { grid, found: detectTables(grid) };
}

/** Detection plus the core input of the first table, or of `options.table` (for tests and the UI's 识别 step). */
export function detectBuilt(
  snap: GridSnapshot,
  options: AnalyzeOptions,
): { found: Found; built: Built; grid: Grid } | { missing: string[]; grid: Grid } {
  const { grid, found } = detectAll(snap, options);
  if ("missing" in found) return { missing: found.missing, grid };
  const one = found[Math.min(found.length, Math.max(1, options.table ?? 1)) - 1];
  return { found: one, built: buildInput(grid, one, options), grid };
}

/** LAYOUTS.md decision procedure; `{ missing }` names the header words looked for. */
export function detectLayout(
  grid: GridSnapshot,
  mapping?: ColumnMapping | null,
): DetectedLayout | { missing: string[] } {
  const res = detectBuilt(grid, { profile: undefined as never, mapping });
  if ("missing" in res) return { missing: res.missing };
  return toDetected(res.found, res.built.cells);
}

/** Every table of a sheet as found (LAYOUTS.md step 7), with its range; none: `{ missing, found }`. */
export function detectLayouts(
  grid: GridSnapshot,
  mapping?: ColumnMapping | null,
): DetectedLayout[] | NotFound {
  const { grid: g, found } = detectAll(grid, { profile: undefined as never, mapping });
  if ("missing" in found) return found;
  return found.map((f) => {
    const built = buildInput(g, f, { profile: undefined as never });
    return toDetected(f, built.cells);
  });
}

/** The report of a sheet where nothing could be scored: one error, no table. */
export function reportWithoutTable(
  file: string | null,
  sheet: string,
  profile: string,
  diagnostic: ReportDiagnostic,
): Report {
  return {
    file,
    sheet,
    layout: null,
    profile,
    budget: null,
    indicators: [],
    total: null,
    totalProvisional: false,
    grade: null,
    gradeProvisional: false,
    gradeCap: null,
    diagnostics: [diagnostic],
    writes: [],
  };
}

function noTable(snap: GridSnapshot, options: AnalyzeOptions, nf: NotFound): Analysis {
  const locale = options.locale ?? "zh-CN";
  const quote = (w: string): string => `“${w}”`;
  const missing = nf.missing.map(quote);
  if (nf.noHeaderRow) missing.push(quote(t("sheet.word.headerRow", undefined, locale)));
  const seen = (nf.found ?? []).map(quote);
  const text = options.mapping
    ? uiMessage("sheet.mappingIncomplete", { sheet: snap.sheet, missing })
    : uiMessage("sheet.noTable", {
        sheet: snap.sheet,
        seen:
          seen.length > 0
            ? uiMessage("sheet.noTable.seen", { words: seen })
            : uiMessage("sheet.noTable.noneSeen"),
        missing,
      });
  const report = reportWithoutTable(options.file ?? null, snap.sheet, options.profile.name, {
    code: "NO_TABLE_FOUND",
    severity: "error",
    cell: null,
    row: null,
    message: formatMessage(text, locale),
  });
  return {
    report,
    plan: { sheet: snap.sheet, writes: [] },
    layout: null,
    tables: 0,
    judgementRows: [],
    judged: [],
  };
}

/**
 * Locates the core's (row, field) writes: the core has decided what is written (R-WRITE); a
 * write lands only on a cell of this table's own share of the sheet (LAYOUTS.md step 7), once.
 */
function planWrites(g: Grid, core: CoreReport, cells: Map<string, string>): PlannedWrite[] {
  const out: PlannedWrite[] = [];
  const seen = new Set<string>();
  for (const w of core.writes) {
    const isNote = w.field === "note" || w.field === "budgetReason";
    const cell =
      isNote && w.noteId && cells.get(`note:${w.noteId}`) ? w.noteId : cells.get(`${w.row}:${w.field}`);
    if (!cell || seen.has(cell)) continue;
    const at = parseAddress(cell);
    if (!at || !g.contains(at.row, at.col)) continue;
    seen.add(cell);
    const current = g.raw(at.row, at.col);
    const pw: PlannedWrite = {
      cell,
      row: at.row,
      col: at.col,
      before: current?.v ?? null,
      after: w.after,
      kind: w.kind,
      field: w.field,
    };
    if (w.kind === "rate" && !isPercentFormat(current?.fmt)) pw.numFmt = "0.00%";
    if (w.judgement) pw.person = true;
    out.push(pw);
  }
  return out;
}

function diagnosticCell(d: CoreDiagnostic, cells: Map<string, string>): string | null {
  if (d.noteId && cells.get(`note:${d.noteId}`)) return d.noteId;
  if (d.row === null || d.field === null) return null;
  return cells.get(`${d.row}:${d.field}`) ?? null;
}

/** The first table's analysis, or that of `options.table` (1-based; see `analyzeTables`). */
export function analyzeSheet(grid: GridSnapshot, options: AnalyzeOptions): Analysis {
  const { grid: g, found } = detectAll(grid, options);
  if ("missing" in found) return noTable(grid, options, found);
  const n = Math.min(found.length, Math.max(1, options.table ?? 1));
  return analyzeFound(grid, g, found[n - 1], n, found.length, options);
}

/**
 * Every table of the sheet, each its own report and plan (LAYOUTS.md step 7, REPORT.md
 * `table`, `range`); one NO_TABLE_FOUND analysis when there is none.
 */
export function analyzeTables(grid: GridSnapshot, options: AnalyzeOptions): Analysis[] {
  const { grid: g, found } = detectAll(grid, options);
  if ("missing" in found) return [noTable(grid, options, found)];
  return found.map((f, i) => analyzeFound(grid, g, f, i + 1, found.length, options));
}

/** The plans of several tables of one sheet as one (their cells never overlap). */
export function mergePlans(plans: WritePlan[]): WritePlan {
  const out: WritePlan = { sheet: plans[0]?.sheet ?? "", writes: plans.flatMap((p) => p.writes) };
  const notes = plans.flatMap((p) => p.notes ?? []);
  if (notes.length) out.notes = notes;
  return out;
}

/**
 * Where a table lies: its used cells from its first row to its total row (or last indicator
 * row) and the rows that follow it without a blank line (grade, footnotes, 填表人), plus
 * every cell it reads or writes.
 */
function rangeOf(g: Grid, found: Found, cells: Map<string, string>): string {
  let end = Math.max(found.totalRow ?? found.lastRow, found.grade?.row ?? 0, found.headerEnd);
  while (end < g.bottom && !g.rowEmpty(end + 1)) end++;
  const used = usedRange(g.view({ top: g.top, left: g.left, bottom: end, right: g.right }));
  let { top, left, bottom, right } = used ?? {
    top: found.headerRow,
    left: g.left,
    bottom: found.headerEnd,
    right: g.left,
  };
  for (const a of cells.values()) {
    const p = parseAddress(a);
    if (!p || !g.contains(p.row, p.col)) continue;
    top = Math.min(top, p.row);
    bottom = Math.max(bottom, p.row);
    left = Math.min(left, p.col);
    right = Math.max(right, p.col);
  }
  return `${address(top, left)}:${address(bottom, right)}`;
}

/** grid → layout → TableInput → core → Report with addresses + WritePlan, for one table. */
function analyzeFound(
  grid: GridSnapshot,
  sheetGrid: Grid,
  found: Found,
  table: number,
  tables: number,
  options: AnalyzeOptions,
): Analysis {
  const g = sheetGrid.view(found.bounds);
  const built = buildInput(g, found, options);
  const core = scoreTable(built.input, {
    profile: options.profile,
    recomputeAll: options.recomputeAll ?? false,
    judgements: options.judgements,
  });

  // The denominator cell is the column the core actually used (R-BUDGET).
  if (found.budget && core.budget?.denominator) {
    const bc = found.budget.columns;
    const c =
      core.budget.denominator === "全年预算数"
        ? bc.budget
        : core.budget.denominator === "调整后预算数"
          ? bc.adjusted
          : bc.planned;
    if (c !== undefined)
      for (const br of found.budget.rows) built.cells.set(`${br.row}:budgetDenominator`, address(br.row, c));
  }

  let writes = planWrites(g, core, built.cells);
  const judged = core.writes.filter((w) => w.judgement).map((w) => built.cells.get(`${w.row}:score`)!);
  const diagnostics: ReportDiagnostic[] = core.diagnostics.map((d: CoreDiagnostic) => ({
    code: d.code,
    severity: d.severity,
    cell: diagnosticCell(d, built.cells),
    row: d.row,
    message: formatMessage(d.message, options.locale ?? "zh-CN"),
  }));
  // Without merged areas, an "empty" note cell may be covered by a person's merged note
  // block: draft notes are then not written (R-WRITE-1), only listed.
  if (grid.mergesKnown === false && writes.some((w) => w.kind === "note")) {
    writes = writes.filter((w) => w.kind !== "note");
    diagnostics.push({
      code: "MERGES_UNKNOWN",
      severity: "info",
      cell: null,
      row: null,
      message: t("sheet.mergesUnknown", undefined, options.locale ?? "zh-CN"),
    });
  }
  const { diagnostics: _d, writes: _w, judgementRows, profile, ...rest } = core;
  void _d;
  void _w;
  if (built.budgetFromSubRows !== null) {
    const r = built.budgetFromSubRows;
    diagnostics.push({
      code: "BUDGET_TOTAL_FROM_SUBROWS",
      severity: "info",
      cell: built.cells.get(`${r}:budgetDenominator`) ?? null,
      row: r,
      message: t("sheet.budgetFromSubRows", { row: r }, options.locale ?? "zh-CN"),
    });
  }
  for (const r of built.adjustedRows) {
    const cell = built.cells.get(`${r}:target`) ?? null;
    diagnostics.push({
      code: "TARGET_ADJUSTED",
      severity: "info",
      cell,
      row: r,
      message: t("sheet.targetAdjusted", { row: r, cell: cell ?? "" }, options.locale ?? "zh-CN"),
    });
  }
  if (table === 1 && tables > 1) {
    diagnostics.unshift({
      code: "MULTIPLE_TABLES",
      severity: "info",
      cell: null,
      row: null,
      message: t("sheet.multipleTables", { sheet: grid.sheet, tables }, options.locale ?? "zh-CN"),
    });
  }
  const report: Report = {
    file: options.file ?? null,
    sheet: grid.sheet,
    table,
    range: rangeOf(g, found, built.cells),
    layout: found.layout,
    profile,
    ...rest,
    diagnostics,
    writes: writes.map((w) => ({ cell: w.cell, before: w.before, after: w.after, kind: w.kind })),
  };
  const plan: WritePlan = { sheet: grid.sheet, writes };
  const layout = toDetected(found, built.cells);
  // R-DEV: drafts of rows with no note cell go on the row as cell notes, never into a cell.
  const notes = noteDrafts(report, layout);
  if (notes.length > 0) plan.notes = notes;
  const planned = new Set(writes.map((w) => w.cell));
  return { report, plan, layout, tables, judgementRows, judged: judged.filter((c) => planned.has(c)) };
}
