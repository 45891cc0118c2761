/** Layout detection (LAYOUTS.md "How the reader decides"): header words, never fixed addresses. */
import { withoutSpace } from "../core";
import type { Layout } from "../core/types";
import { cellText, Grid, isEmptyCell, type Bounds } from "./grid";
import type { ColumnMapping, ColumnRole, GridCell, GridSnapshot } from "./types";
import {
  BUDGET_TOTAL_LABELS,
  budgetRole,
  GOAL_LABELS,
  GRADE_LABELS,
  GRADE_WORDS,
  headerRole,
  isOneOf,
  normalizeHeader,
  ROLE_WORDS,
  TABLE_START_LABELS,
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
  /** Last row of the indicator header band (LAYOUTS.md step 2), or headerRow. */
  headerEnd: number;
  columns: Partial<Record<ColumnRole, number>>;
  /** 分值 columns right of the level columns (一级指标 | 分值 | 二级指标 | 分值 …): stated level weights. */
  levelWeights: { level1?: number; level2?: number };
  rows: FoundRow[];
  firstRow: number;
  lastRow: number;
  totalRow: number | null;
  budget: FoundBudget | null;
  grade: { row: number; col: number } | null;
  /** The rectangle this table was searched in (one table of several: its share of the sheet). */
  bounds: Bounds;
}

/** What was looked for when no table was found (NO_TABLE_FOUND). */
export interface NotFound {
  /** Header words looked for and not found (the indicator-name and weight words). */
  missing: string[];
  /** A manual mapping without a valid header row. */
  noHeaderRow?: true;
  /** Header words that were found on the sheet (normalised, in sheet order). */
  found?: string[];
}

const AMOUNT_ROLES: BudgetRole[] = ["planned", "budget", "adjusted", "executed", "rate"];

/** Header band of the indicator block: rows, column roles and its column extent. */
interface Band {
  row: number;
  end: number;
  columns: Partial<Record<ColumnRole, number>>;
  levelWeights: Found["levelWeights"];
  /** Leftmost and rightmost columns of the band's role-bearing cells (merges included). */
  left: number;
  right: number;
}

/**
 * The text of a cell that may be a header word: its displayed text or its text value. A
 * number, date or boolean is never one (every header word holds Chinese characters), and
 * turning each into text is the cost of scanning a long data sheet.
 */
function wordText(c: GridCell | null): string {
  if (!c) return "";
  if (typeof c.t === "string" && c.t !== "") return c.t;
  return typeof c.v === "string" ? c.v : "";
}

/** Role of the text a cell shows, a merged cell counting in every row and column it covers. */
function roleAt(g: Grid, row: number, col: number): ColumnRole | null {
  const t = wordText(g.mergedCell(row, col));
  return t === "" ? null : headerRole(t);
}

/** A number typed in a cell: data, never a header. */
function isNumberCell(g: Grid, row: number, col: number): boolean {
  const c = g.own(row, col);
  return !!c && (typeof c.v === "number" || c.v instanceof Date);
}

/**
 * Role-bearing cells of a row that may continue a header band (its own, and header cells
 * merged down into it): every role counts, the row holds no number, and its role cells are at
 * least as many as its other texts.
 */
function extendsBand(g: Grid, row: number): boolean {
  let roles = 0;
  let others = 0;
  for (let c = g.left; c <= g.right; c++) {
    // A header cell merged down from the row above reaches into this row: it continues the band.
    if (g.covered(row, c)) {
      if (g.anchor(row, c).row < row && headerRole(cellText(g.mergedCell(row, c)))) roles++;
      continue;
    }
    const t = g.text(row, c);
    if (t.trim() === "") continue;
    if (isNumberCell(g, row, c)) return false;
    if (headerRole(t)) roles++;
    else others++;
  }
  return roles > 0 && roles >= others;
}

/**
 * A row between header rows holding no role word and no number: group captions (绩效指标
 * merged over the level columns) and headers that name no role (指标解释). It lies inside a
 * band when a header row follows it.
 */
function captionRow(g: Grid, row: number): boolean {
  let texts = 0;
  for (let c = g.left; c <= g.right; c++) {
    if (g.covered(row, c)) continue;
    const t = g.text(row, c);
    if (t.trim() === "") continue;
    if (isNumberCell(g, row, c)) return false;
    texts++;
  }
  return texts > 0;
}

/** True when the row's own cells hold a role word (a band starts only on such a row). */
function hasOwnRole(g: Grid, row: number): boolean {
  for (let c = g.left; c <= g.right; c++) {
    const t = wordText(g.own(row, c));
    if (t !== "" && headerRole(t)) return true;
  }
  return false;
}

/** Roles of a band's rows [top, end] per column: the lowest role-bearing cell wins (step 2). */
function bandRoles(g: Grid, top: number, end: number): Map<number, ColumnRole> {
  const out = new Map<number, ColumnRole>();
  for (let c = g.left; c <= g.right; c++) {
    for (let r = end; r >= top; r--) {
      const role = roleAt(g, r, c);
      if (role) {
        out.set(c, role);
        break;
      }
    }
  }
  return out;
}

function hasNameAndWeight(roles: Map<number, ColumnRole>): boolean {
  let name = false;
  let weight = false;
  for (const role of roles.values()) {
    if (role === "name") name = true;
    else if (role === "weight") weight = true;
  }
  return name && weight;
}

/**
 * The columns of one table's band, left to right, cut where a second table's header begins
 * on the same rows (a level or name column again: tables side by side, step 7). Columns may
 * come in any order within a table.
 */
function segments(roles: Map<number, ColumnRole>): Map<number, ColumnRole>[] {
  const out: Map<number, ColumnRole>[] = [];
  let cur = new Map<number, ColumnRole>();
  let seen = new Set<ColumnRole>();
  for (const [c, role] of [...roles.entries()].sort((a, b) => a[0] - b[0])) {
    // Any role but the weight again (分值 may follow each level column): a second table's
    // header, also where it starts lower and its upper row shows only some of its words.
    const again = role !== "weight" && seen.has(role);
    if (again && hasNameAndWeight(cur)) {
      out.push(cur);
      cur = new Map();
      seen = new Set();
    }
    cur.set(c, role);
    seen.add(role);
  }
  if (cur.size) out.push(cur);
  return out;
}

/**
 * Role columns of one band segment: the leftmost column of each role, except that where
 * 分值 follows each level column the indicator's weight is the 分值 right of the name and
 * the others are stated level weights (step 2).
 */
function columnsOf(roles: Map<number, ColumnRole>): {
  columns: Partial<Record<ColumnRole, number>>;
  levelWeights: Found["levelWeights"];
} {
  const sorted = [...roles.entries()].sort((a, b) => a[0] - b[0]);
  const columns = firstByRole(roles);
  const levelWeights: Found["levelWeights"] = {};
  const weights = sorted.filter(([, r]) => r === "weight").map(([c]) => c);
  if (weights.length > 1) {
    const after = (role: ColumnRole): number | undefined => {
      const at = columns[role];
      if (at === undefined) return undefined;
      const next = sorted.find(([c]) => c > at);
      return next && next[1] === "weight" ? next[0] : undefined;
    };
    const w = after("name");
    if (w !== undefined) {
      columns.weight = w;
      const w1 = after("level1");
      const w2 = after("level2");
      if (w1 !== undefined && w1 !== w) levelWeights.level1 = w1;
      if (w2 !== undefined && w2 !== w) levelWeights.level2 = w2;
    }
  }
  return { columns, levelWeights };
}

/** Right edge of a column's band cells, merged cells included. */
function rightEdge(g: Grid, top: number, end: number, col: number): number {
  let right = col;
  for (let r = top; r <= end; r++) {
    const m = g.merge(r, col);
    if (m && m.right > right) right = m.right;
  }
  return right;
}

/**
 * The header band starting at `row`, if any: one to three consecutive rows that together
 * hold an indicator-name word and a weight word; the longest that still adds roles wins.
 * Each segment of it (tables side by side) is returned; the first is the leftmost.
 */
function bandsAt(g: Grid, row: number): Band[] | null {
  const bands = bandsIn(g, row);
  if (!bands || bands.length < 2) return bands;
  // Tables side by side: one table's band may run over more rows than its neighbour's, whose
  // data rows then stop the band across the whole sheet row. Each is extended in its own columns.
  return bands.map((b, i) => {
    const left = i === 0 ? g.left : bands[i - 1].right + 1;
    const right = i === bands.length - 1 ? g.right : bands[i + 1].left - 1;
    const own = bandsIn(g.view({ top: g.top, left, bottom: g.bottom, right }), row)?.[0];
    return own && own.end > b.end ? own : b;
  });
}

/** The band starting at `row` read across the whole width of `g`, cut into its segments. */
function bandsIn(g: Grid, row: number): Band[] | null {
  if (!hasOwnRole(g, row)) return null;
  let end = row;
  while (end < row + 2 && end < g.bottom) {
    if (extendsBand(g, end + 1)) end++;
    // A row of group captions (绩效指标 merged over the level columns) between header rows.
    else if (end + 2 <= row + 2 && end + 2 <= g.bottom && captionRow(g, end + 1) && extendsBand(g, end + 2))
      end += 2;
    else break;
  }
  // The longest band that holds both words; a shorter one only when the longer does not.
  for (let e = end; e >= row; e--) {
    const roles = bandRoles(g, row, e);
    if (!hasNameAndWeight(roles)) continue;
    const out: Band[] = [];
    for (const seg of segments(roles)) {
      if (!hasNameAndWeight(seg)) continue;
      const cols = [...seg.keys()];
      const left = Math.min(...cols);
      const last = Math.max(...cols);
      out.push({ row, end: e, ...columnsOf(seg), left, right: rightEdge(g, row, e, last) });
    }
    return out.length ? out : null;
  }
  return null;
}

function firstByRole<R extends string>(cols: Map<number, R>): Partial<Record<R, number>> {
  const out: Partial<Record<R, number>> = {};
  for (const [c, role] of [...cols.entries()].sort((a, b) => a[0] - b[0]))
    if (out[role] === undefined) out[role] = c;
  return out;
}

/** A row that repeats the header inside the indicator block (a table split over pages). */
function repeatsHeader(g: Grid, row: number, columns: Partial<Record<ColumnRole, number>>): boolean {
  const is = (role: ColumnRole): boolean => {
    const c = columns[role];
    if (c === undefined) return false;
    const t = g.text(row, c);
    return t !== "" && headerRole(t) === role;
  };
  return is("name") || is("weight") || (is("target") && is("actual"));
}

/** Header words found on the sheet, and the name/weight words missing (NO_TABLE_FOUND). */
function notFound(g: Grid): NotFound {
  const roles = new Set<ColumnRole>();
  const words: string[] = [];
  for (let r = g.top; r <= g.bottom; r++) {
    for (let c = g.left; c <= g.right; c++) {
      const t = wordText(g.own(r, c));
      if (t === "") continue;
      const role = headerRole(t);
      if (!role) continue;
      roles.add(role);
      const w = normalizeHeader(t);
      if (words.length < 40 && !words.includes(w)) words.push(w);
    }
  }
  const missing: string[] = [];
  if (!roles.has("name")) missing.push(...ROLE_WORDS.name);
  if (!roles.has("weight")) missing.push(...ROLE_WORDS.weight);
  // Both found but never together in one header band: name both.
  if (missing.length === 0) missing.push(...ROLE_WORDS.name, ...ROLE_WORDS.weight);
  return { missing, found: words };
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
    const col = (m ? m.right : c) + 1;
    // The label heads a grade column (in the header band) rather than standing left of the grade.
    if (col > g.right) return null;
    return { row, col };
  }
  return null;
}

/**
 * The grade cell (LAYOUTS.md "grade"): right of a 等级 label at or below the table total row
 * (or above the table), else the total row's cell of a column headed 等级, else a cell right
 * of the total's score cell on the total row holding a grade word (优 良 中 差, 优秀 …).
 */
function findGrade(
  g: Grid,
  top: number,
  band: { row: number; end: number },
  totalRow: number | null,
  scoreCol: number | undefined,
): { row: number; col: number } | null {
  if (totalRow !== null) {
    for (let r = totalRow; r <= Math.min(g.bottom, totalRow + 5); r++) {
      const hit = gradeIn(g, r);
      if (hit) return hit;
    }
    for (let c = g.left; c <= g.right; c++) {
      for (let r = band.row; r <= band.end; r++) {
        if (isOneOf(cellText(g.mergedCell(r, c)), GRADE_LABELS)) return { row: totalRow, col: c };
      }
    }
    if (scoreCol !== undefined) {
      for (let c = scoreCol + 1; c <= g.right; c++) {
        const t = g.text(totalRow, c);
        if (t === "") continue;
        if (isOneOf(t, GRADE_WORDS)) return { row: totalRow, col: c };
        break;
      }
    }
  }
  for (let r = g.top; r < top; r++) {
    const hit = gradeIn(g, r);
    if (hit) return hit;
  }
  return null;
}

function levelText(g: Grid, row: number, col: number | undefined): string {
  if (col === undefined) return "";
  return cellText(g.mergedCell(row, col)).trim();
}

/** A level label with the weight of its 分值 column stated in it (`产出指标（50分）`), for R-TOTAL-3. */
function withLevelWeight(g: Grid, row: number, label: string, col: number | undefined): string {
  if (col === undefined || label === "" || /[（(]\s*\d+(?:\.\d+)?\s*分\s*[）)]/.test(label)) return label;
  const c = g.mergedCell(row, col);
  const v = c?.v;
  const n =
    typeof v === "number" ? v : typeof v === "string" && /^\s*\d+(\.\d+)?\s*$/.test(v) ? Number(v) : NaN;
  return Number.isFinite(n) ? `${label}（${n}分）` : label;
}

/** One table read from its header band (or a manual mapping), inside `grid`'s bounds. */
function detectOne(grid: Grid, header: Band): Found {
  const columns = header.columns;

  // Indicator block: up to the table total row or the end of the grid.
  let totalRow: number | null = null;
  for (let r = header.end + 1; r <= grid.bottom; r++) {
    const lm = grid.leftmost(r);
    if (lm && isOneOf(lm.text, TABLE_TOTAL_LABELS)) {
      totalRow = r;
      break;
    }
  }
  const lastRow = totalRow !== null ? totalRow - 1 : grid.bottom;
  const dataCols = (
    ["name", "target", "adjustedTarget", "actual", "weight", "score", "direction", "unit"] as const
  )
    .map((k) => columns[k])
    .filter((c): c is number => c !== undefined);
  const rows: FoundRow[] = [];
  let l1 = "";
  let l2 = "";
  for (let r = header.end + 1; r <= lastRow; r++) {
    // Levels: a merged cell gives its value to the rows it covers; an empty one inherits.
    // A row repeating the header (a table split over pages) is skipped.
    if (repeatsHeader(grid, r, columns)) continue;
    const t1 = withLevelWeight(grid, r, levelText(grid, r, columns.level1), header.levelWeights.level1);
    const t2 = withLevelWeight(grid, r, levelText(grid, r, columns.level2), header.levelWeights.level2);
    // A new level 1 starts its own level 2 (an empty level 2 under it does not inherit across).
    if (t1 !== "" && t1 !== l1 && withoutSpace(t1) !== withoutSpace(l1)) {
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
      !labels.some((l) => l === "年度资金总额" || l === "项目资金总额") &&
      (labels.includes("基本支出") || labels.includes("项目支出"))
        ? "L4"
        : "L1";
  }

  const top = budget ? budget.headerRow : header.row;
  return {
    layout,
    headerRow: header.row,
    headerEnd: header.end,
    columns,
    levelWeights: header.levelWeights,
    rows,
    firstRow: rows.length ? rows[0].row : header.end + 1,
    lastRow: rows.length ? rows[rows.length - 1].row : header.end,
    totalRow,
    budget,
    grade: findGrade(grid, top, header, totalRow, columns.score),
    bounds: { top: grid.top, left: grid.left, bottom: grid.bottom, right: grid.right },
  };
}

/** The header band a manual mapping describes (LAYOUTS.md "When the reader cannot decide"). */
function mappedBand(grid: Grid, mapping: ColumnMapping): Band | NotFound {
  const cols: Partial<Record<ColumnRole, number>> = {};
  for (const [role, col] of Object.entries(mapping.columns ?? {}) as [ColumnRole, number | undefined][]) {
    if (typeof col === "number" && Number.isInteger(col) && col >= 1 && role in ROLE_WORDS) cols[role] = col;
  }
  const missing: string[] = [];
  if (cols.name === undefined) missing.push(...ROLE_WORDS.name);
  if (cols.weight === undefined) missing.push(...ROLE_WORDS.weight);
  const hr = Number.isInteger(mapping.headerRow) ? mapping.headerRow : NaN;
  const noHeaderRow = !(hr >= 1 && hr <= grid.bottom);
  const he = mapping.headerEnd;
  const end =
    typeof he === "number" && Number.isInteger(he) && he >= hr && he <= Math.min(grid.bottom, hr + 2)
      ? he
      : hr;
  if (noHeaderRow) return { missing, noHeaderRow };
  if (missing.length) return { missing };
  const used = Object.values(cols) as number[];
  return {
    row: hr,
    end,
    columns: cols,
    levelWeights: {},
    left: Math.min(...used),
    right: Math.max(...used),
  };
}

/** A row that opens a table: a title, a project row, a budget header or a goal row (step 7). */
function opensTable(g: Grid, row: number): boolean {
  const lm = g.leftmost(row);
  if (!lm) return false;
  const n = normalizeHeader(lm.text);
  if (TABLE_START_LABELS.includes(n) || GOAL_LABELS.includes(n)) return true;
  if (/(自评表|评分表|评价表)$/.test(n) || /^(项目支出|部门整体支出)?绩效(自评|评价)/.test(n)) return true;
  let budgetWords = 0;
  for (let c = g.left; c <= g.right; c++) {
    const t = g.text(row, c);
    if (t !== "" && budgetRole(t) && ++budgetWords >= 2) return true;
  }
  return false;
}

/**
 * Where the table whose band is `next` begins, when a table with band `prev` lies above it
 * in the same columns: the first row opening a table after `prev`'s total row (or after
 * `prev`'s band when it has none), else, after a total row, `next`'s first band row. null:
 * `next` repeats `prev`'s header (a table split over pages).
 */
function splitBetween(g: Grid, prev: Band, next: Band): number | null {
  let total: number | null = null;
  for (let r = prev.end + 1; r < next.row; r++) {
    const lm = g.leftmost(r);
    if (lm && isOneOf(lm.text, TABLE_TOTAL_LABELS)) {
      total = r;
      break;
    }
  }
  for (let r = (total ?? prev.end) + 1; r < next.row; r++) if (opensTable(g, r)) return r;
  return total !== null ? next.row : null;
}

/** Rows and columns a table occupies in its share of the sheet: non-empty cells and merges. */
export function usedRange(g: Grid): Bounds | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -Infinity;
  let right = -Infinity;
  for (let r = g.top; r <= g.bottom; r++) {
    for (let c = g.left; c <= g.right; c++) {
      if (isEmptyCell(g.own(r, c))) continue;
      const m = g.merge(r, c);
      const b = m ?? { top: r, left: c, bottom: r, right: c };
      top = Math.min(top, b.top, r);
      left = Math.min(left, b.left, c);
      bottom = Math.max(bottom, Math.min(b.bottom, g.bottom), r);
      right = Math.max(right, Math.min(b.right, g.right), c);
    }
  }
  return top === Infinity ? null : { top: Math.max(top, g.top), left: Math.max(left, g.left), bottom, right };
}

/** The header bands of `grid`, top to bottom. */
function bandsDown(grid: Grid): Band[] {
  const bands: Band[] = [];
  for (let r = grid.top; r <= grid.bottom; r++) {
    const at = bandsAt(grid, r);
    if (!at) continue;
    bands.push(...at);
    r = Math.max(...at.map((b) => b.end));
  }
  return bands;
}

/** A column without text of its own (a title merged across it does not count). */
function emptyColumn(g: Grid, col: number): boolean {
  for (let r = g.top; r <= g.bottom; r++) if (g.text(r, col).trim() !== "") return false;
  return true;
}

/** Column ranges outside every band's columns, cut at empty columns, at least two wide. */
function bandGaps(grid: Grid, bands: Band[]): Bounds[] {
  const out: Bounds[] = [];
  let start: number | null = null;
  for (let c = grid.left; c <= grid.right + 1; c++) {
    const open = c <= grid.right && !bands.some((b) => c >= b.left && c <= b.right) && !emptyColumn(grid, c);
    if (open) start ??= c;
    else if (start !== null) {
      if (c - start >= 2) out.push({ top: grid.top, left: start, bottom: grid.bottom, right: c - 1 });
      start = null;
    }
  }
  return out;
}

/**
 * Every table of a sheet (LAYOUTS.md step 7), in reading order: header bands are found down
 * the sheet, side by side bands cut where a second table's header begins; tables in the same
 * columns end where the next one opens. Each table is detected inside its own share of the
 * sheet, so nothing of one is read or written as part of another.
 */
export function detectTables(grid: Grid): Found[] | NotFound {
  const bands = bandsDown(grid);
  if (bands.length === 0) return notFound(grid);
  // A table beside another whose cells, on the same sheet rows, hid its band: searched again
  // in the columns no band covers.
  for (const gap of bandGaps(grid, bands)) bands.push(...bandsDown(grid.view(gap)));
  if (bands.length === 1) return [detectOne(grid, bands[0])];

  let groups = columnGroups(bands);
  if (groups.length > 1) {
    // Tables side by side: each is read again in its own columns, where the neighbour's cells
    // on the same sheet rows no longer stop its band from reaching over two or three rows.
    const own = groups.flatMap((grp, i) => {
      const again = bandsDown(grid.view(ownColumns(grid, groups, i)));
      return again.length ? again : grp.bands;
    });
    groups = columnGroups(own);
  }

  const tables: { band: Band; bounds: Bounds }[] = [];
  groups.forEach((grp, i) => {
    const left = i === 0 ? grid.left : groups[i - 1].right + 1;
    const right = i === groups.length - 1 ? grid.right : grp.right;
    const view = grid.view({ top: grid.top, left, bottom: grid.bottom, right });
    const stack = grp.bands.sort((a, b) => a.row - b.row);
    let top = grid.top;
    let current = stack[0];
    for (let k = 1; k < stack.length; k++) {
      const split = splitBetween(view, current, stack[k]);
      if (split === null) continue;
      tables.push({ band: current, bounds: { top, left, bottom: split - 1, right } });
      top = split;
      current = stack[k];
    }
    tables.push({ band: current, bounds: { top, left, bottom: grid.bottom, right } });
  });
  tables.sort((a, b) => a.band.row - b.band.row || a.band.left - b.band.left);
  return tables.map((t) => detectOne(grid.view(t.bounds), t.band));
}

interface ColumnGroup {
  left: number;
  right: number;
  bands: Band[];
}

/** Column groups, left to right: bands whose columns overlap belong to one stack of tables. */
function columnGroups(bands: Band[]): ColumnGroup[] {
  const groups: ColumnGroup[] = [];
  for (const b of [...bands].sort((x, y) => x.left - y.left)) {
    const g = groups.find((x) => b.left <= x.right && b.right >= x.left);
    if (g) {
      g.left = Math.min(g.left, b.left);
      g.right = Math.max(g.right, b.right);
      g.bands.push(b);
    } else groups.push({ left: b.left, right: b.right, bands: [b] });
  }
  return groups.sort((a, b) => a.left - b.left);
}

/**
 * The columns of group `i` of several side by side: from the empty column before it (else the
 * previous group's end) to the empty column after it (else its own end, the sheet's for the last).
 */
function ownColumns(grid: Grid, groups: ColumnGroup[], i: number): Bounds {
  const grp = groups[i];
  const prev = i > 0 ? groups[i - 1].right : grid.left - 1;
  const next = i < groups.length - 1 ? groups[i + 1].left : grid.right + 1;
  let left = grp.left;
  while (left - 1 > prev && !emptyColumn(grid, left - 1)) left--;
  let right = grp.right;
  while (right + 1 < next && !emptyColumn(grid, right + 1)) right++;
  if (i === groups.length - 1 && right + 1 >= next) right = grid.right;
  return { top: grid.top, left, bottom: grid.bottom, right };
}

/** Decision procedure of LAYOUTS.md for the first table of a grid (or the one a mapping describes). */
export function detect(grid: Grid, mapping?: ColumnMapping | null): Found | NotFound {
  if (mapping) {
    const band = mappedBand(grid, mapping);
    return "missing" in band ? band : detectOne(grid, band);
  }
  const all = detectTables(grid);
  return "missing" in all ? all : all[0];
}

/**
 * The tables found on one snapshot without a manual mapping: made by the sheet choice
 * (`chooseSheetDetected`) and handed, as a value, to the analysis of that very snapshot so
 * that it does not search the header again.
 */
export interface Detection {
  readonly snap: GridSnapshot;
  readonly grid: Grid;
  readonly found: Found[] | NotFound;
  /** The snapshot's shape when it was detected: a snapshot changed since is detected again. */
  readonly shape: Shape;
}

interface Shape {
  cells: GridSnapshot["cells"];
  merges: GridSnapshot["merges"];
  top: number;
  left: number;
  height: number;
}

function shapeOf(snap: GridSnapshot): Shape {
  const height = Array.isArray(snap.cells) ? snap.cells.length : 0;
  return { cells: snap.cells, merges: snap.merges, top: snap.top, left: snap.left, height };
}

/** Every table of a snapshot (LAYOUTS.md step 7), as a value to hand to its analysis. */
export function detectSnapshot(snap: GridSnapshot): Detection {
  const grid = new Grid(snap);
  return { snap, grid, found: detectTables(grid), shape: shapeOf(snap) };
}

/** The detection's tables when it was made on `snap` as it still is; otherwise null. */
export function detectionOf(
  snap: GridSnapshot,
  d: Detection | null | undefined,
): { grid: Grid; found: Found[] | NotFound } | null {
  if (!d || d.snap !== snap) return null;
  const now = shapeOf(snap);
  const same = (Object.keys(now) as (keyof Shape)[]).every((k) => now[k] === d.shape[k]);
  return same ? { grid: d.grid, found: d.found } : null;
}
