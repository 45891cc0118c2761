/**
 * The indicator header band (LAYOUTS.md "How the reader decides" step 2): one to three rows,
 * each column taking the role of its lowest role-bearing cell; bands of tables side by side
 * (step 7) are read each in its own columns.
 */
import { cellText, isEmptyCell, type Bounds, type Grid } from "./grid";
import type { ColumnRole, GridCell, MergeArea } from "./types";
import { headerRole } from "./words";

/** 分值 columns right of the level columns (一级指标 | 分值 | 二级指标 | 分值 …): stated level weights. */
export interface LevelWeights {
  level1?: number;
  level2?: number;
}

/** Header band of the indicator block: rows, column roles and its column extent. */
export interface Band {
  row: number;
  end: number;
  columns: Partial<Record<ColumnRole, number>>;
  levelWeights: LevelWeights;
  /** Leftmost and rightmost columns of the band's role-bearing cells (merges included). */
  left: number;
  right: number;
}

/**
 * The text of a cell that may be a header word: its displayed text or its text value. A
 * number, date or boolean is never one (every header word holds Chinese characters), and
 * turning each into text is the cost of scanning a long data sheet.
 */
export function wordText(c: GridCell | null): string {
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
export function extendsBand(g: Grid, row: number): boolean {
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
 * A row between header rows holding no number (extendsBand failed on it, so it holds no more
 * role words than other texts): group captions (绩效指标 merged over the level columns),
 * headers that name no role (指标解释), or nothing (a header written on the top and bottom rows
 * of three, unmerged). It lies inside a band when a header row follows it.
 */
function captionRow(g: Grid, row: number): boolean {
  for (let c = g.left; c <= g.right; c++) {
    if (g.covered(row, c)) continue;
    if (isNumberCell(g, row, c)) return false;
  }
  return true;
}

/** True when the row's own cells hold a role word (a band starts only on such a row). */
export function hasOwnRole(g: Grid, row: number): boolean {
  for (let c = g.left; c <= g.right; c++) {
    const t = wordText(g.own(row, c));
    if (t !== "" && headerRole(t)) return true;
  }
  return false;
}

/**
 * Roles of a band's rows [top, end] per column: the lowest role-bearing cell wins (step 2). A
 * cell merged across columns gives way to the role cells below it in all its columns: where
 * one of them has a lower role, its columns without one (a blank column inside 年度指标值
 * over 指标性质 | 指标值 | 度量单位) take none from it.
 */
function bandRoles(g: Grid, top: number, end: number): Map<number, ColumnRole> {
  const out = new Map<number, ColumnRole>();
  let wide: { col: number; m: MergeArea }[] | null = null;
  const lowest = new Map<number, number>();
  for (let c = g.left; c <= g.right; c++) {
    for (let r = end; r >= top; r--) {
      const role = roleAt(g, r, c);
      if (role) {
        out.set(c, role);
        lowest.set(c, r);
        const m = g.merge(r, c);
        if (m && m.right > m.left) (wide ??= []).push({ col: c, m });
        break;
      }
    }
  }
  for (const { col, m } of wide ?? []) {
    for (let c = Math.max(m.left, g.left); c <= Math.min(m.right, g.right); c++)
      if ((lowest.get(c) ?? -1) > m.bottom) {
        out.delete(col);
        break;
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
  levelWeights: LevelWeights;
} {
  const sorted = [...roles.entries()].sort((a, b) => a[0] - b[0]);
  const columns = firstByRole(roles);
  const levelWeights: LevelWeights = {};
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
 * Tables side by side (step 7) are told apart before any band is read: where an empty column
 * parts them, each is read in its own columns, so that a neighbour's rows neither cut a band
 * nor lend it their header cells; where none does, a band is cut where a role other than the
 * weight repeats. Each band found is returned, left to right.
 */
function bandsAt(g: Grid, row: number, blank: () => Set<number>): Band[] | null {
  if (!hasOwnRole(g, row)) return null;
  const parts = shares(g, row, blank());
  if (parts.length === 1) return bandsBeside(g, row);
  const out = parts.flatMap((p) => bandsBeside(g.view(p), row) ?? []);
  return out.length ? out : null;
}

/** The bands starting at `row` of one share of the sheet, cut where a role repeats. */
function bandsBeside(g: Grid, row: number): Band[] | null {
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

/** Columns of `g` holding no text of their own in any row (a title merged across does not count). */
function blankColumns(g: Grid): Set<number> {
  const out = new Set<number>();
  for (let c = g.left; c <= g.right; c++) {
    let blank = true;
    for (let r = g.top; r <= g.bottom && blank; r++) blank = isEmptyCell(g.own(r, c));
    if (blank) out.add(c);
  }
  return out;
}

/** Level columns: they stand left of their table's indicator name. */
const LEVELS: ReadonlySet<ColumnRole> = new Set(["level1", "level2"]);

/**
 * The shares of `g`'s columns that hold one table's band each, for a band starting at `row`:
 * the runs of columns between blank columns (a header cell merged across a blank column joins
 * its sides). Runs join left to right until their rows `row`..`row+2` hold both a name and a
 * weight word (a spacer column may part one table); a run after a table joins it while its
 * roles are new there and none is a level column. With fewer than two tables: one share.
 */
function shares(g: Grid, row: number, blank: Set<number>): Bounds[] {
  if (blank.size === 0) return [g];
  const last = Math.min(g.bottom, row + 2);
  const joined = (c: number): boolean => {
    for (let r = row; r <= last; r++) {
      const m = g.merge(r, c);
      if (m && m.left < c && m.right > c) return true;
    }
    return false;
  };
  const runs: { left: number; right: number; roles: Set<ColumnRole> }[] = [];
  let start: number | null = null;
  for (let c = g.left; c <= g.right + 1; c++) {
    const open = c <= g.right && (!blank.has(c) || joined(c));
    if (open) start ??= c;
    else if (start !== null) {
      const roles = new Set<ColumnRole>();
      for (let k = start; k < c; k++)
        for (let r = row; r <= last; r++) {
          const role = roleAt(g, r, k);
          if (role) roles.add(role);
        }
      runs.push({ left: start, right: c - 1, roles });
      start = null;
    }
  }
  const full = (roles: Set<ColumnRole>) => roles.has("name") && roles.has("weight");
  // Runs join left to right until they hold a table's name and weight; a run after a table
  // joins it while its roles (but the weight) are new there and none is a level (a note column
  // after a spacer): level columns stand left of their table's name.
  type Run = (typeof runs)[number];
  const out: Run[] = [];
  let acc: Run | null = null;
  const join = (to: Run, run: Run) => {
    to.right = run.right;
    run.roles.forEach((r) => to.roles.add(r));
  };
  for (const run of runs) {
    const prev = out[out.length - 1];
    if (!acc && prev && [...run.roles].every((r) => r === "weight" || (!prev.roles.has(r) && !LEVELS.has(r))))
      join(prev, run);
    else if (acc && [...run.roles].some((r) => r !== "weight" && acc!.roles.has(r))) {
      // The same role again: a second table (whose band reaches below these rows) starts here.
      out.push(acc);
      acc = { left: run.left, right: run.right, roles: new Set(run.roles) };
    } else if (acc) join(acc, run);
    else acc = { left: run.left, right: run.right, roles: new Set(run.roles) };
    if (acc && full(acc.roles)) {
      out.push(acc);
      acc = null;
    }
  }
  if (out.length < 2) return [g];
  if (acc) join(out[out.length - 1], acc);
  // Each share reaches to the next one: the blank columns between belong to the left table.
  return out.map((x, i) => ({
    top: g.top,
    left: i === 0 ? g.left : x.left,
    bottom: g.bottom,
    right: i === out.length - 1 ? g.right : out[i + 1].left - 1,
  }));
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

export function firstByRole<R extends string>(cols: Map<number, R>): Partial<Record<R, number>> {
  const out: Partial<Record<R, number>> = {};
  for (const [c, role] of [...cols.entries()].sort((a, b) => a[0] - b[0]))
    if (out[role] === undefined) out[role] = c;
  return out;
}

/** The header bands of `grid`, top to bottom. */
export function bandsDown(grid: Grid): Band[] {
  const bands: Band[] = [];
  let blank: Set<number> | null = null;
  const blankOnce = () => (blank ??= blankColumns(grid));
  for (let r = grid.top; r <= grid.bottom; r++) {
    const at = bandsAt(grid, r, blankOnce);
    if (!at) continue;
    bands.push(...at);
    r = Math.max(...at.map((b) => b.end));
  }
  return bands;
}
