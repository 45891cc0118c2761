/** Layout detection (LAYOUTS.md "How the reader decides"): header words, never fixed addresses. */
import type { Layout } from "../core/types";
import { cellText, Grid } from "./grid";
import type { ColumnMapping, ColumnRole, GridSnapshot } from "./types";
import {
  BUDGET_TOTAL_LABELS,
  budgetRole,
  GOAL_LABELS,
  GRADE_LABELS,
  headerRole,
  isOneOf,
  normalizeHeader,
  ROLE_WORDS,
  TABLE_TOTAL_LABELS,
  type BudgetRole,
} from "./words";

export interface FoundRow {
  row: number;
  level1: string;
  level2: string;
}

export interface FoundBudget {
  headerRow: number;
  firstRow: number;
  lastRow: number;
  columns: Partial<Record<BudgetRole | "label", number>>;
  totalRow: number | null;
  rows: { row: number; label: string }[];
}

/** Everything the reader found, in sheet coordinates. */
export interface Found {
  layout: Layout;
  headerRow: number;
  /** Last header row (a second header row under a merged group header), or headerRow. */
  headerEnd: number;
  columns: Partial<Record<ColumnRole, number>>;
  rows: FoundRow[];
  firstRow: number;
  lastRow: number;
  totalRow: number | null;
  budget: FoundBudget | null;
  grade: { row: number; col: number } | null;
}

const AMOUNT_ROLES: BudgetRole[] = ["planned", "budget", "adjusted", "executed", "rate"];

/** Column roles of one row, by header words (first column wins per role). */
function rowRoles(g: Grid, row: number): Map<number, ColumnRole> {
  const out = new Map<number, ColumnRole>();
  for (let c = g.left; c <= g.right; c++) {
    const t = g.text(row, c);
    if (t === "") continue;
    const role = headerRole(t);
    if (role) out.set(c, role);
  }
  return out;
}

function firstByRole<R extends string>(cols: Map<number, R>): Partial<Record<R, number>> {
  const out: Partial<Record<R, number>> = {};
  for (const [c, role] of [...cols.entries()].sort((a, b) => a[0] - b[0]))
    if (out[role] === undefined) out[role] = c;
  return out;
}

function isHeaderRow(roles: Map<number, ColumnRole>): boolean {
  const set = new Set(roles.values());
  return set.has("name") && set.has("weight");
}

/** `isHeaderRow(rowRoles(g, row))`, without building the roles (asked of every row). */
function isHeaderRowAt(g: Grid, row: number): boolean {
  let name = false;
  let weight = false;
  for (let c = g.left; c <= g.right; c++) {
    const t = g.text(row, c);
    if (t === "") continue;
    const role = headerRole(t);
    if (role === "name") name = true;
    else if (role === "weight") weight = true;
    if (name && weight) return true;
  }
  return false;
}

/** A second header row: every own non-empty cell is a header word, and it is not itself a header row. */
function subHeaderRoles(g: Grid, row: number): Map<number, ColumnRole> | null {
  if (row > g.bottom) return null;
  const roles = rowRoles(g, row);
  if (roles.size === 0 || isHeaderRow(roles)) return null;
  for (let c = g.left; c <= g.right; c++) if (g.text(row, c).trim() !== "" && !roles.has(c)) return null;
  return roles;
}

function findHeader(
  g: Grid,
): { row: number; end: number; columns: Partial<Record<ColumnRole, number>> } | null {
  for (let r = g.top; r <= g.bottom; r++) {
    if (!isHeaderRowAt(g, r)) continue;
    const roles = rowRoles(g, r);
    const sub = subHeaderRoles(g, r + 1);
    if (!sub) return { row: r, end: r, columns: firstByRole(roles) };
    // A group header merged over several columns (年度指标值 over 指标性质 | 指标值 | 度量单位)
    // hands its columns to the roles of the row below it.
    const merged = new Map(roles);
    for (const [c] of sub) {
      const m = g.merge(r, c);
      if (m && m.right > m.left) for (let k = m.left; k <= m.right; k++) merged.delete(k);
    }
    const taken = new Set(merged.values());
    for (const [c, role] of [...sub.entries()].sort((a, b) => a[0] - b[0])) {
      if (!merged.has(c) && !taken.has(role)) {
        merged.set(c, role);
        taken.add(role);
      }
    }
    return { row: r, end: r + 1, columns: firstByRole(merged) };
  }
  return null;
}

/** The words looked for when no header row is found. */
function missingWords(g: Grid): string[] {
  let hasName = false;
  let hasWeight = false;
  for (let r = g.top; r <= g.bottom; r++) {
    for (const role of rowRoles(g, r).values()) {
      if (role === "name") hasName = true;
      if (role === "weight") hasWeight = true;
    }
  }
  const out: string[] = [];
  if (!hasName || hasWeight) out.push(...ROLE_WORDS.name);
  if (!hasWeight || hasName) out.push(...ROLE_WORDS.weight);
  return out;
}

function budgetRowLabel(
  g: Grid,
  row: number,
  headerRow: number,
  firstCol: number,
): { text: string; col: number } | null {
  for (let c = g.left; c < firstCol; c++) {
    const m = g.merge(row, c);
    // The block's title cell (项目资金（万元）) is merged down from the header row: not a label.
    if (m && m.top <= headerRow) continue;
    const cell = g.own(row, c);
    const t = cellText(cell).trim();
    if (t !== "") return { text: t, col: c };
  }
  return null;
}

function findBudget(g: Grid, headerRow: number): FoundBudget | null {
  for (let r = headerRow - 1; r >= g.top; r--) {
    const roles = new Map<number, BudgetRole>();
    for (let c = g.left; c <= g.right; c++) {
      const t = g.text(r, c);
      if (t === "") continue;
      const role = budgetRole(t);
      if (role) roles.set(c, role);
    }
    const kinds = new Set(roles.values());
    if (kinds.size < 2 || !AMOUNT_ROLES.some((k) => kinds.has(k))) continue;
    const columns: FoundBudget["columns"] = firstByRole(roles);
    let last = headerRow - 1;
    for (let k = r + 1; k < headerRow; k++) {
      let goal = false;
      for (let c = g.left; c <= g.right && !goal; c++) goal = isOneOf(g.text(k, c), GOAL_LABELS);
      if (goal) {
        last = k - 1;
        break;
      }
    }
    const firstCol = Math.min(...[...roles.keys()]);
    const rows: FoundBudget["rows"] = [];
    let totalRow: number | null = null;
    for (let k = r + 1; k <= last; k++) {
      if (g.rowEmpty(k)) continue;
      const label = budgetRowLabel(g, k, r, firstCol);
      if (!label) continue;
      if (totalRow === null && isOneOf(label.text, BUDGET_TOTAL_LABELS)) {
        totalRow = k;
        columns.label = label.col;
      } else columns.label ??= label.col;
      rows.push({ row: k, label: label.text });
    }
    return { headerRow: r, firstRow: r + 1, lastRow: last, columns, totalRow, rows };
  }
  return null;
}

function gradeIn(g: Grid, row: number): { row: number; col: number } | null {
  for (let c = g.left; c <= g.right; c++) {
    if (!isOneOf(g.text(row, c), GRADE_LABELS)) continue;
    const m = g.merge(row, c);
    return { row, col: (m ? m.right : c) + 1 };
  }
  return null;
}

function findGrade(g: Grid, top: number, totalRow: number | null): { row: number; col: number } | null {
  if (totalRow !== null) {
    for (let r = totalRow; r <= Math.min(g.bottom, totalRow + 5); r++) {
      const hit = gradeIn(g, r);
      if (hit) return hit;
    }
  }
  for (let r = g.top; r < top; r++) {
    const hit = gradeIn(g, r);
    if (hit) return hit;
  }
  return null;
}

function squash(s: string): string {
  return s.replace(/[\s\u3000]+/g, "");
}

function levelText(g: Grid, row: number, col: number | undefined): string {
  if (col === undefined) return "";
  return cellText(g.mergedCell(row, col)).trim();
}

/** Decision procedure of LAYOUTS.md; `missing` names the header words looked for. */
export function detect(grid: Grid, mapping?: ColumnMapping | null): Found | { missing: string[] } {
  let header: { row: number; end: number; columns: Partial<Record<ColumnRole, number>> } | null;
  if (mapping) {
    const cols: Partial<Record<ColumnRole, number>> = {};
    for (const [role, col] of Object.entries(mapping.columns ?? {}) as [ColumnRole, number | undefined][]) {
      if (typeof col === "number" && Number.isInteger(col) && col >= 1 && role in ROLE_WORDS)
        cols[role] = col;
    }
    const missing: string[] = [];
    if (cols.name === undefined) missing.push(...ROLE_WORDS.name);
    if (cols.weight === undefined) missing.push(...ROLE_WORDS.weight);
    const hr = Number.isInteger(mapping.headerRow) ? mapping.headerRow : NaN;
    if (!(hr >= 1 && hr <= grid.bottom)) missing.push("表头行");
    if (missing.length) return { missing };
    header = { row: hr, end: hr, columns: cols };
  } else {
    header = findHeader(grid);
    if (!header) return { missing: missingWords(grid) };
  }
  const columns = header.columns;

  // Indicator block: up to the table total row or the end of the used range.
  let totalRow: number | null = null;
  for (let r = header.end + 1; r <= grid.bottom; r++) {
    const lm = grid.leftmost(r);
    if (lm && isOneOf(lm.text, TABLE_TOTAL_LABELS)) {
      totalRow = r;
      break;
    }
  }
  const lastRow = totalRow !== null ? totalRow - 1 : grid.bottom;
  const dataCols = (["name", "target", "actual", "weight", "score", "direction", "unit"] as const)
    .map((k) => columns[k])
    .filter((c): c is number => c !== undefined);
  const rows: FoundRow[] = [];
  let l1 = "";
  let l2 = "";
  for (let r = header.end + 1; r <= lastRow; r++) {
    // Levels: a merged cell gives its value to the rows it covers; an empty one inherits.
    // A row repeating the header (a table split over pages) is skipped.
    if (isHeaderRowAt(grid, r)) continue;
    const t1 = levelText(grid, r, columns.level1);
    const t2 = levelText(grid, r, columns.level2);
    // A new level 1 starts its own level 2 (an empty level 2 under it does not inherit across).
    if (t1 !== "" && t1 !== l1 && squash(t1) !== squash(l1)) {
      l1 = t1;
      l2 = "";
    }
    if (t2 !== "") l2 = t2;
    if (dataCols.every((c) => grid.text(r, c).trim() === "" && !grid.own(r, c)?.f)) continue;
    rows.push({ row: r, level1: l1, level2: l2 });
  }

  const hasTarget = columns.target !== undefined || columns.actual !== undefined;
  let budget: FoundBudget | null = hasTarget ? findBudget(grid, header.row) : null;
  if (budget && budget.rows.length === 0) budget = null;
  let layout: Layout;
  if (!hasTarget) layout = "L3";
  else if (columns.direction !== undefined || columns.unit !== undefined) layout = "L2";
  else if (!budget) layout = "L5";
  else {
    const labels = budget.rows.map((b) => normalizeHeader(b.label));
    layout =
      !labels.includes("年度资金总额") && (labels.includes("基本支出") || labels.includes("项目支出"))
        ? "L4"
        : "L1";
  }

  const top = budget ? budget.headerRow : header.row;
  return {
    layout,
    headerRow: header.row,
    headerEnd: header.end,
    columns,
    rows,
    firstRow: rows.length ? rows[0].row : header.end + 1,
    lastRow: rows.length ? rows[rows.length - 1].row : header.end,
    totalRow,
    budget,
    grade: findGrade(grid, top, totalRow),
  };
}

/** A header detection of a snapshot (no manual mapping), kept for the analysis that follows it. */
interface Remembered {
  cells: GridSnapshot["cells"];
  merges: GridSnapshot["merges"];
  top: number;
  left: number;
  height: number;
  grid: Grid;
  found: Found | { missing: string[] };
}

const remembered = new WeakMap<GridSnapshot, Remembered>();

/**
 * Keeps a detection of `snap` (made without a mapping) so that the next analysis of the same
 * snapshot object takes it over instead of searching the header again (`chooseSheet`, then
 * `analyzeSheet`). Weakly held: it goes with the snapshot.
 */
export function rememberDetection(
  snap: GridSnapshot,
  grid: Grid,
  found: Found | { missing: string[] },
): void {
  remembered.set(snap, {
    cells: snap.cells,
    merges: snap.merges,
    top: snap.top,
    left: snap.left,
    height: Array.isArray(snap.cells) ? snap.cells.length : 0,
    grid,
    found,
  });
}

/** The remembered detection of `snap`, if the snapshot still has the same shape; `take` forgets it. */
export function rememberedDetection(
  snap: GridSnapshot,
  take: boolean,
): { grid: Grid; found: Found | { missing: string[] } } | null {
  const r = remembered.get(snap);
  if (!r) return null;
  if (take) remembered.delete(snap);
  const same =
    r.cells === snap.cells &&
    r.merges === snap.merges &&
    r.top === snap.top &&
    r.left === snap.left &&
    r.height === (Array.isArray(snap.cells) ? snap.cells.length : 0);
  return same ? { grid: r.grid, found: r.found } : null;
}
