/** Layout detection (LAYOUTS.md "How the reader decides"): header words, never fixed addresses. */
import { statedWeight, withoutSpace } from "../core";
import type { Layout } from "../core/types";
import { cellText, Grid, isEmptyCell, type Bounds } from "./grid";
import { bandsDown, extendsBand, wordText, type Band, type LevelWeights } from "./detect-band";
import { findBudget, isGoalLabel, type FoundBudget } from "./detect-budget";
import { sectionOf } from "./detect-section";
import type { ColumnMapping, ColumnRole, GridSnapshot } from "./types";
import {
  budgetRole,
  GRADE_LABELS,
  GRADE_WORDS,
  headerRole,
  isOneOf,
  normalizeHeader,
  ROLE_WORDS,
  TABLE_START_LABELS,
  TABLE_TOTAL_LABELS,
} from "./words";

export type { FoundBudget } from "./detect-budget";

export interface FoundRow {
  row: number;
  level1: string;
  level2: string;
}

/** Everything the reader found, in sheet coordinates. */
export interface Found {
  layout: Layout;
  headerRow: number;
  /** Last row of the indicator header band (LAYOUTS.md step 2), or headerRow. */
  headerEnd: number;
  columns: Partial<Record<ColumnRole, number>>;
  /** 分值 columns right of the level columns (一级指标 | 分值 | 二级指标 | 分值 …): stated level weights. */
  levelWeights: LevelWeights;
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

/**
 * A row that repeats the header inside the indicator block (a table split over pages): its
 * name or weight cell holds that role's word, or its target and actual cells do, or (a row of
 * a repeated band of several rows) it holds no number and no fewer header words than other
 * texts, as a band's rows do.
 */
function repeatsHeader(g: Grid, row: number, columns: Partial<Record<ColumnRole, number>>): boolean {
  const is = (role: ColumnRole): boolean => {
    const c = columns[role];
    if (c === undefined) return false;
    const t = g.text(row, c);
    return t !== "" && headerRole(t) === role;
  };
  if (is("name") || is("weight") || (is("target") && is("actual"))) return true;
  // Most rows are data: a number in the weight or score column settles it before any word is read.
  for (const c of [columns.weight, columns.score, columns.actual])
    if (c !== undefined && typeof g.own(row, c)?.v === "number") return false;
  return extendsBand(g, row);
}

/**
 * The table total row (LAYOUTS.md step 4): its leftmost text is a total label — unless that
 * text stands in the column it heads (评价得分 over the score column, on a repeated header row).
 */
function isTotalRow(g: Grid, row: number, columns: Partial<Record<ColumnRole, number>>): boolean {
  const lm = g.leftmost(row);
  if (!lm || !isOneOf(lm.text, TABLE_TOTAL_LABELS)) return false;
  const role = headerRole(lm.text);
  return !role || columns[role] !== lm.col;
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
  if (col === undefined || label === "" || statedWeight(label) !== null) return label;
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
    if (isTotalRow(grid, r, columns)) {
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
    // A section row (一、产出指标) names the level 1 of the rows under it; it is no indicator.
    const section = sectionOf(grid, r, header.left, header.right);
    if (section !== null) {
      l1 = section;
      l2 = "";
      continue;
    }
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
  if (TABLE_START_LABELS.includes(n) || isGoalLabel(lm.text)) return true;
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
    if (isTotalRow(g, r, prev.columns)) {
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

/** A column without text of its own (a title merged across it does not count). */
function emptyColumn(g: Grid, col: number): boolean {
  for (let r = g.top; r <= g.bottom; r++) if (g.text(r, col).trim() !== "") return false;
  return true;
}

/**
 * Column ranges outside every band's columns, without their empty edge columns, at least two
 * wide (a spacer column inside a table the search missed does not cut it).
 */
function bandGaps(grid: Grid, bands: Band[]): Bounds[] {
  const out: Bounds[] = [];
  let start: number | null = null;
  for (let c = grid.left; c <= grid.right + 1; c++) {
    const open = c <= grid.right && !bands.some((b) => c >= b.left && c <= b.right);
    if (open) start ??= c;
    else if (start !== null) {
      let left = start;
      let right = c - 1;
      while (left <= right && emptyColumn(grid, left)) left++;
      while (right >= left && emptyColumn(grid, right)) right--;
      if (right - left >= 1) out.push({ top: grid.top, left, bottom: grid.bottom, right });
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
      // Between this band and the one just above (which may repeat the table's header).
      const split = splitBetween(view, stack[k - 1], stack[k]);
      if (split === null) continue;
      tables.push({ band: current, bounds: { top, left, bottom: split - 1, right } });
      top = split;
      current = stack[k];
    }
    tables.push({ band: current, bounds: { top, left, bottom: grid.bottom, right } });
  });
  // Reading order: tables from their first row (title, else band) to their band's end form
  // lines where these spans overlap (tables side by side); lines top to bottom, each left to right.
  const first = (t: (typeof tables)[number]): number => {
    const v = grid.view(t.bounds);
    for (let r = v.top; r < t.band.row; r++) if (!v.rowEmpty(r)) return r;
    return t.band.row;
  };
  const byTop = tables.map((t) => ({ t, top: first(t), line: 0 })).sort((a, b) => a.top - b.top);
  let lineEnd = -Infinity;
  let line = -1;
  for (const x of byTop) {
    if (x.top > lineEnd) line++;
    lineEnd = x.top > lineEnd ? x.t.band.end : Math.max(lineEnd, x.t.band.end);
    x.line = line;
  }
  const ordered = byTop.sort((a, b) => a.line - b.line || a.t.band.left - b.t.band.left);
  return ordered.map(({ t }) => detectOne(grid.view(t.bounds), t.band));
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
