/**
 * Metamorphic layout transforms (LAYOUTS.md): rewrite a scored table the ways real tables
 * differ — header band over two or three rows, columns reordered, synonyms, title rows,
 * spacers, footnotes, the table moved, a second table below or beside, a level split over
 * two blocks, section rows (一、产出指标) before level groups or instead of the level columns,
 * noisy labels — keeping track of where every original cell went, so that the scores, total,
 * grade, level-1 names and planned writes of the rewritten sheet can be compared with the
 * original's, mapped to the new addresses. Pure functions on grid snapshots.
 */
import { address, parseAddress } from "../../src/sheet/address";
import type { Analysis, GridCell, GridSnapshot, MergeArea } from "../../src/sheet/types";

/** A sheet being rewritten: dense cells from A1, merges, and where each original row/column went. */
export class Work {
  cells: (GridCell | null)[][];
  merges: MergeArea[];
  /** Original sheet row → current row (1-based; index 0 unused). */
  rowMap: number[];
  colMap: number[];
  /**
   * Rows the header-band rewrite added above the header row (a band has at most three rows:
   * it splits the header once); 0 while the header is one row.
   */
  bandAbove = 0;
  /** The level columns were emptied into section rows (once only: they are empty after). */
  levelsMoved = false;

  constructor(
    readonly sheet: string,
    g: GridSnapshot,
  ) {
    const bottom = g.top + g.cells.length - 1;
    const right = g.left + Math.max(0, ...g.cells.map((r) => r.length)) - 1;
    const maxRow = Math.max(bottom, ...g.merges.map((m) => m.bottom));
    const maxCol = Math.max(right, ...g.merges.map((m) => m.right));
    this.cells = [];
    for (let r = 1; r <= maxRow; r++) {
      const row: (GridCell | null)[] = [];
      for (let c = 1; c <= maxCol; c++) {
        const x = g.cells[r - g.top]?.[c - g.left] ?? null;
        row.push(x ? { ...x } : null);
      }
      this.cells.push(row);
    }
    this.merges = g.merges.map((m) => ({ ...m }));
    this.rowMap = Array.from({ length: maxRow + 1 }, (_, i) => i);
    this.colMap = Array.from({ length: maxCol + 1 }, (_, i) => i);
  }

  get height(): number {
    return this.cells.length;
  }
  get width(): number {
    return Math.max(0, ...this.cells.map((r) => r.length));
  }

  get(r: number, c: number): GridCell | null {
    return this.cells[r - 1]?.[c - 1] ?? null;
  }
  set(r: number, c: number, x: GridCell | null): void {
    while (this.cells.length < r) this.cells.push([]);
    const row = this.cells[r - 1];
    while (row.length < c) row.push(null);
    row[c - 1] = x;
  }
  text(r: number, c: number): string {
    const x = this.get(r, c);
    return x && typeof x.v === "string" ? x.v : x && x.v !== null && x.v !== undefined ? String(x.v) : "";
  }

  /** Inserts n rows before row `at`; merges crossing the boundary stretch over them. */
  insertRows(at: number, n: number, fill?: (GridCell | null)[][]): void {
    const blank = Array.from({ length: n }, (_, i) => fill?.[i] ?? []);
    while (this.cells.length < at - 1) this.cells.push([]);
    this.cells.splice(at - 1, 0, ...blank.map((r) => [...r]));
    for (const m of this.merges) {
      if (m.top >= at) {
        m.top += n;
        m.bottom += n;
      } else if (m.bottom >= at) m.bottom += n;
    }
    this.rowMap = this.rowMap.map((r) => (r >= at ? r + n : r));
  }

  /** Inserts n empty columns before column `at`; merges crossing the boundary stretch over them. */
  insertCols(at: number, n: number): void {
    for (const row of this.cells) {
      if (row.length >= at) row.splice(at - 1, 0, ...new Array<GridCell | null>(n).fill(null));
    }
    for (const m of this.merges) {
      if (m.left >= at) {
        m.left += n;
        m.right += n;
      } else if (m.right >= at) m.right += n;
    }
    this.colMap = this.colMap.map((c) => (c >= at ? c + n : c));
  }

  /** Swaps two whole columns (merges of one of them only if single-column). */
  swapCols(a: number, b: number): void {
    for (const row of this.cells) {
      while (row.length < Math.max(a, b)) row.push(null);
      [row[a - 1], row[b - 1]] = [row[b - 1], row[a - 1]];
    }
    for (const m of this.merges) {
      if (m.left === a && m.right === a) m.left = m.right = b;
      else if (m.left === b && m.right === b) m.left = m.right = a;
    }
    this.colMap = this.colMap.map((c) => (c === a ? b : c === b ? a : c));
  }

  /** The first and last column of the original sheet, where they are now. */
  tableColumns(): [number, number] {
    const cols = this.colMap.slice(1);
    return [Math.min(...cols), Math.max(...cols)];
  }

  mergeAt(r: number, c: number): MergeArea | null {
    return this.merges.find((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right) ?? null;
  }

  /** True when some merge spans the boundary between rows at-1 and at. */
  rowBoundaryCrossed(at: number, cols?: (c: number, m: MergeArea) => boolean): boolean {
    return this.merges.some((m) => m.top < at && m.bottom >= at && (!cols || cols(m.left, m)));
  }

  snapshot(): GridSnapshot {
    const width = this.width;
    return {
      sheet: this.sheet,
      top: 1,
      left: 1,
      cells: this.cells.map((r) => {
        const out = r.map((x) => (x ? { ...x } : null));
        while (out.length < width) out.push(null);
        return out;
      }),
      merges: this.merges.map((m) => ({ ...m })),
      hiddenRows: [],
      hiddenCols: [],
    };
  }

  mapRow(r: number): number {
    return this.rowMap[r] ?? r;
  }
  mapCell(addr: string): string {
    const a = parseAddress(addr);
    if (!a) return addr;
    return address(this.mapRow(a.row), this.colMap[a.col] ?? a.col);
  }
}

// ---------------------------------------------------------------------------------------
// What a table's baseline analysis says about its layout (where the transforms may act).

export interface Shape {
  /** Indicator header row and the first indicator row (the band is headerRow..firstRow-1). */
  headerRow: number;
  bandEnd: number;
  firstRow: number;
  lastRow: number;
  totalRow: number | null;
  /** Column → indicator role. */
  roles: Map<number, string>;
  budgetHeaderRow: number | null;
  budgetTotalRow: number | null;
  budgetLastRow: number | null;
  budgetCols: Map<number, string>;
  levelCols: number[];
  indicatorRows: number[];
  /** Level 1 of each indicator row of the report (the row's own or inherited label). */
  level1: Map<number, string>;
}

export function shapeOf(a: Analysis): Shape | null {
  const l = a.layout;
  if (!l) return null;
  const roles = new Map<number, string>();
  for (const [role, c] of Object.entries(l.columns)) if (c !== undefined) roles.set(c, role);
  const budgetCols = new Map<number, string>();
  for (const [role, c] of Object.entries(l.budget?.columns ?? {}))
    if (c !== undefined) budgetCols.set(c, role);
  const rows = l.indicatorRows ?? a.report.indicators.map((i) => i.row);
  return {
    headerRow: l.headerRow,
    bandEnd: Math.max(l.headerRow, (rows[0] ?? l.firstRow) - 1),
    firstRow: l.firstRow,
    lastRow: l.lastRow,
    totalRow: l.totalRow,
    roles,
    budgetHeaderRow: l.budget?.headerRow ?? null,
    budgetTotalRow: l.budget?.totalRow ?? null,
    budgetLastRow: l.budget?.lastRow ?? null,
    budgetCols,
    levelCols: [l.columns.level1, l.columns.level2].filter((c): c is number => c !== undefined),
    indicatorRows: rows,
    level1: new Map(a.report.indicators.map((i) => [i.row, i.level1])),
  };
}

// ---------------------------------------------------------------------------------------
// The transforms. Each takes the sheet, the baseline shape (in original coordinates) and a
// random source (integers in [0, n)), and returns false when it does not apply to this table.

export type Pick = (n: number) => number;
export type Transform = (w: Work, s: Shape, pick: Pick) => boolean;

const txt = (v: string): GridCell => ({ v });

/** Title rows above the table (some merged across it). */
export const titleRows: Transform = (w, _s, pick) => {
  const n = 1 + pick(3);
  const texts = ["某某县2023年度项目支出绩效自评表", "（2023年度）", "单位：万元"];
  w.insertRows(1, n);
  for (let i = 0; i < n; i++) {
    w.set(i + 1, 1, txt(texts[i]));
    if (pick(2) === 0 && w.width > 1) w.merges.push({ top: i + 1, left: 1, bottom: i + 1, right: w.width });
  }
  return true;
};

/** The table moved down and right. */
export const moveTable: Transform = (w, _s, pick) => {
  const dr = 1 + pick(4);
  const dc = 1 + pick(3);
  w.insertRows(1, dr);
  w.insertCols(1, dc);
  return true;
};

/** A footnote block under the table. */
export const footnote: Transform = (w, _s, pick) => {
  const at = w.height + 1 + pick(2);
  w.set(
    at,
    1,
    txt("注：1.一级指标分值统一设置为：产出指标50分、效益指标30分、满意度指标10分、预算资金执行率10分。"),
  );
  if (w.width > 1) w.merges.push({ top: at, left: 1, bottom: at, right: w.width });
  w.set(at + 1, 1, txt("填报人：         联系电话："));
  return true;
};

/** A blank row between two rows of the table (not inside the header band). */
export const spacerRow: Transform = (w, s, pick) => {
  const candidates: number[] = [];
  // Rows of the original sheet (rows added by earlier rewrites have no original number).
  for (let r = 2; r < w.rowMap.length; r++) {
    if (r > s.headerRow && r <= s.bandEnd + 1) continue;
    // Once the header row is split into a band, the row before it is inside the band.
    if (w.bandAbove > 0 && r === s.headerRow) continue;
    if (s.budgetHeaderRow !== null && r === s.budgetHeaderRow + 1) continue;
    candidates.push(r);
  }
  if (candidates.length === 0) return false;
  const at = candidates[pick(candidates.length)];
  w.insertRows(w.mapRow(at), 1);
  return true;
};

/** A blank column between two columns of the table. */
export const spacerColumn: Transform = (w, _s, pick) => {
  if (w.width < 2) return false;
  w.insertCols(2 + pick(w.width - 1), 1);
  return true;
};

const GRADE_WORDS = new Set(["优", "良", "中", "差", "优秀", "良好", "合格", "不合格"]);
const MOVABLE = new Set(["target", "actual", "weight", "score", "note", "direction", "unit", "ruleText"]);

/** Two value columns of the indicator block swapped (with the budget cells in them). */
export const swapColumns: Transform = (w, s, pick) => {
  const firstBudget = Math.min(
    ...[...s.budgetCols.entries()].filter(([, r]) => r !== "label").map(([c]) => c),
  );
  const labelCol = [...s.budgetCols.entries()].find(([, r]) => r === "label")?.[0] ?? 0;
  const cols = [...s.roles.entries()]
    .filter(([c, role]) => MOVABLE.has(role) && c > labelCol && (s.budgetCols.size === 0 || c >= firstBudget))
    .map(([c]) => c)
    .filter((c) => {
      // A grade word in the total row must stay right of the total's score cell.
      if (s.totalRow === null) return true;
      return !GRADE_WORDS.has(w.text(w.mapRow(s.totalRow), w.colMap[c]).trim());
    });
  const pairs: [number, number][] = [];
  for (const a of cols)
    for (const b of cols) {
      if (a >= b) continue;
      const ca = w.colMap[a];
      const cb = w.colMap[b];
      const ok = w.merges.every((m) => {
        const hasA = ca >= m.left && ca <= m.right;
        const hasB = cb >= m.left && cb <= m.right;
        return hasA === hasB || m.left === m.right;
      });
      if (ok) pairs.push([ca, cb]);
    }
  if (pairs.length === 0) return false;
  const [a, b] = pairs[pick(pairs.length)];
  w.swapCols(a, b);
  return true;
};

/**
 * Header words of LAYOUTS.md, per role: those the reader has long known, and those added to
 * the table for issue-10 tables (年初指标值, 全年完成值, 指标权重, 指标得分, notes containing 原因,
 * 项目资金总额 / 总额, 自评总分), kept apart so that each family can be followed on its own.
 */
const KNOWN_WORDS: Record<string, string[]> = {
  name: ["三级指标", "指标名称", "具体指标"],
  target: ["年度指标值", "指标值", "年初目标值", "年度目标值", "目标值", "计划值", "预期指标值"],
  actual: ["实际完成值", "完成值", "全年实际值", "实际值", "实际完成"],
  weight: ["分值", "权重", "标准分", "满分"],
  score: ["得分", "评价得分", "自评得分", "实际得分"],
  note: ["偏差原因分析及改进措施", "偏差原因分析", "偏差原因及改进措施", "未完成原因分析", "原因分析"],
  direction: ["指标性质", "计算符号", "指标方向"],
  unit: ["度量单位", "计量单位", "单位"],
};
const NEW_WORDS: Record<string, string[]> = {
  target: ["年初指标值"],
  actual: ["全年完成值", "全年实际完成值", "实际完成数"],
  weight: ["指标权重", "权重分", "指标分值"],
  score: ["指标得分", "单项指标得分"],
  note: ["未完成原因及拟采取的改进措施", "未完成原因和改进措施"],
};
const BUDGET_KNOWN: Record<string, string[]> = {
  weight: ["分值", "权重"],
  rate: ["执行率", "预算执行率"],
  executed: ["全年执行数", "预算执行数"],
  planned: ["年初预算数", "年初预算"],
};
const BUDGET_TOTAL_KNOWN = ["年度资金总额", "资金总额", "合计"];
const BUDGET_TOTAL_NEW = ["项目资金总额", "总额", "年度总金额"];
const TABLE_TOTAL_KNOWN = ["总分", "合计", "总计"];
const TABLE_TOTAL_NEW = ["自评总分"];

function strip(t: string): string {
  return t.replace(/[\s\u3000]+/g, "").replace(/（[^）]*）|\([^)]*\)/g, "");
}

function wordSwap(fresh: boolean): Transform {
  return (w, s, pick) => {
    let changed = false;
    const put = (r: number, c: number, alts: string[]) => {
      const x = w.get(r, c);
      if (!x || alts.length === 0) return;
      const now = strip(String(x.v ?? ""));
      const others = alts.filter((a) => a !== now);
      if (others.length === 0) return;
      w.set(r, c, { ...x, v: others[pick(others.length)] });
      changed = true;
    };
    const words = (table: Record<string, string[]>, role: string) => table[role] ?? [];
    for (let r = s.headerRow; r <= s.bandEnd; r++)
      for (const [c, role] of s.roles) {
        const rr = w.mapRow(r);
        const cc = w.colMap[c];
        const t = strip(w.text(rr, cc));
        const all = [...words(KNOWN_WORDS, role), ...words(NEW_WORDS, role)];
        if (!all.includes(t)) continue;
        if (fresh) {
          if (words(NEW_WORDS, role).length && pick(2) === 0) put(rr, cc, words(NEW_WORDS, role));
        } else if (pick(3) !== 0) put(rr, cc, words(KNOWN_WORDS, role));
      }
    if (!fresh && s.budgetHeaderRow !== null)
      for (const [c, role] of s.budgetCols) {
        const rr = w.mapRow(s.budgetHeaderRow);
        if (BUDGET_KNOWN[role]?.includes(strip(w.text(rr, w.colMap[c]))) && pick(2) === 0)
          put(rr, w.colMap[c], BUDGET_KNOWN[role]);
      }
    const label = (r0: number | null, known: string[], added: string[]) => {
      if (r0 === null) return;
      const r = w.mapRow(r0);
      for (let c = 1; c <= w.width; c++) {
        const t = strip(w.text(r, c));
        if (t === "") continue;
        if ([...known, ...added].includes(t) && pick(2) === 0) put(r, c, fresh ? added : known);
        return;
      }
    };
    label(s.totalRow, TABLE_TOTAL_KNOWN, TABLE_TOTAL_NEW);
    label(s.budgetTotalRow, BUDGET_TOTAL_KNOWN, BUDGET_TOTAL_NEW);
    return changed;
  };
}

/** Header and label words swapped for synonyms the reader has long known. */
export const synonyms: Transform = wordSwap(false);
/** Header and label words swapped for the synonyms LAYOUTS.md added for issue-10 tables. */
export const newWords: Transform = wordSwap(true);

/** Stray spaces, line breaks, full-width brackets and trailing colons in labels and headers. */
export const labelNoise: Transform = (w, s, pick) => {
  let changed = false;
  const noisy = (t: string): string => {
    const kind = pick(5);
    if (kind === 0 && t.length >= 2) return t.split("").join(" ");
    if (kind === 1 && t.length >= 2) {
      const k = 1 + pick(t.length - 1);
      return `${t.slice(0, k)}\n${t.slice(k)}`;
    }
    if (kind === 2) return `  ${t} `;
    if (kind === 3) return t.replace(/\(/g, "（").replace(/\)/g, "）");
    return t.replace(/（/g, "(").replace(/）/g, ")");
  };
  const touch = (r: number, c: number, colon = false) => {
    const x = w.get(r, c);
    if (!x || typeof x.v !== "string" || x.v.trim() === "" || pick(2) === 0) return;
    let t = noisy(x.v);
    if (colon && pick(2) === 0 && !/[：:]$/.test(t.trim())) t = `${t}${pick(2) ? "：" : ":"}`;
    w.set(r, c, { ...x, v: t });
    changed = true;
  };
  for (let r = s.headerRow; r <= s.bandEnd; r++)
    for (const c of s.roles.keys()) touch(w.mapRow(r), w.colMap[c]);
  for (const r of s.indicatorRows) for (const c of s.levelCols) touch(w.mapRow(r), w.colMap[c]);
  const label = [...s.budgetCols.entries()].find(([, role]) => role === "label")?.[0];
  if (label !== undefined && s.budgetHeaderRow !== null && s.budgetLastRow !== null)
    for (let r = s.budgetHeaderRow + 1; r <= s.budgetLastRow; r++) touch(w.mapRow(r), w.colMap[label], true);
  return changed;
};

/** The single header row split into a band of two or three rows, in one of the arrangements. */
export const headerBand: Transform = (w, s, pick) => {
  if (s.bandEnd !== s.headerRow || w.bandAbove > 0) return false;
  const h = w.mapRow(s.headerRow);
  if (w.rowBoundaryCrossed(h)) return false;
  const n = 1 + pick(2); // rows added above the header row
  w.bandAbove = n;
  const width = w.width;
  const header = w.cells[h - 1].slice();
  w.insertRows(h, n);
  const top = h;
  const low = h + n; // the original header row now
  // A group cell over the level columns (绩效指标) and over the target/actual columns.
  const groups: { cols: number[]; text: string }[] = [];
  const lv = [...s.roles.entries()]
    .filter(([, r]) => r === "level1" || r === "level2" || r === "name")
    .map(([c]) => w.colMap[c]);
  const tv = [...s.roles.entries()]
    .filter(([, r]) => r === "target" || r === "direction" || r === "unit")
    .map(([c]) => w.colMap[c]);
  const contiguous = (cs: number[]) => cs.length > 1 && Math.max(...cs) - Math.min(...cs) === cs.length - 1;
  if (contiguous(lv)) groups.push({ cols: lv.sort((a, b) => a - b), text: "绩效指标" });
  if (contiguous(tv)) groups.push({ cols: tv.sort((a, b) => a - b), text: "年度指标值（A）" });
  const grouped = new Set(groups.flatMap((g) => g.cols));
  for (const g of groups) {
    const left = g.cols[0];
    const right = g.cols[g.cols.length - 1];
    const row = low - 1;
    if (w.merges.some((m) => m.top <= row && m.bottom >= row && m.right >= left && m.left <= right)) continue;
    w.set(row, left, txt(g.text));
    w.merges.push({ top: row, left, bottom: row, right });
  }
  // Every other header cell: moved up and merged down, moved up unmerged, or left at the bottom.
  for (let c = 1; c <= width; c++) {
    const x = header[c - 1];
    if (!x || grouped.has(c) || w.mergeAt(low, c)) continue;
    const how = pick(3);
    if (how === 2) continue;
    const from = how === 0 ? top : top + pick(n + 1);
    if (from === low) continue;
    w.set(low, c, null);
    w.set(from, c, { ...x });
    if (how === 0) w.merges.push({ top: from, left: c, bottom: low, right: c });
  }
  if (n === 2 && pick(2) === 0) {
    // A third row on top: a caption over the whole indicator header.
    if (!w.merges.some((m) => m.top <= top && m.bottom >= top)) {
      const cols = [...s.roles.keys()].map((c) => w.colMap[c]);
      const left = Math.min(...cols);
      const right = Math.max(...cols);
      if (!w.get(top, left) && !w.merges.some((m) => m.top === top)) {
        let free = true;
        for (let c = left; c <= right; c++) if (w.get(top, c)) free = false;
        if (free && right > left) {
          w.set(top, left, txt("绩效指标完成情况"));
          w.merges.push({ top, left, bottom: top, right });
        }
      }
    }
  }
  return true;
};

/** A level split over two blocks (a table over two pages): the header repeated between them. */
export const splitLevel: Transform = (w, s, pick) => {
  const rows = s.indicatorRows;
  const levelSet = new Set(s.levelCols.map((c) => w.colMap[c]));
  const candidates: number[] = [];
  for (let i = 1; i < rows.length; i++) {
    const at = w.mapRow(rows[i]);
    if (w.mapRow(rows[i - 1]) !== at - 1) continue;
    // Only level merges (split) or merges in columns without a role (stretched) may cross.
    const crossing = w.merges.filter((m) => m.top < at && m.bottom >= at);
    const roleCols = new Set([...s.roles.keys()].map((c) => w.colMap[c]));
    const ok = crossing.every((m) => {
      const cols = Array.from({ length: m.right - m.left + 1 }, (_, k) => m.left + k);
      return cols.every((c) => levelSet.has(c)) || cols.every((c) => !roleCols.has(c));
    });
    if (ok) candidates.push(at);
  }
  if (candidates.length === 0) return false;
  const at = candidates[pick(candidates.length)];
  // The whole header band, also when the header-band rewrite split it.
  const bandTop = w.mapRow(s.headerRow) - w.bandAbove;
  const bandBottom = w.mapRow(s.bandEnd);
  // The table's own header is repeated; a neighbour's cells on the same rows are not.
  const [from, to] = w.tableColumns();
  const bandRows = w.cells
    .slice(bandTop - 1, bandBottom)
    .map((r) => r.map((x, j) => (x && j + 1 >= from && j + 1 <= to ? { ...x } : null)));
  const bandMerges = w.merges
    .filter((m) => m.top >= bandTop && m.bottom <= bandBottom && m.left >= from && m.right <= to)
    .map((m) => ({ ...m }));
  const n = bandRows.length;
  // Split level merges crossing `at`: the upper part keeps the text, the lower gets a copy.
  const splits: { m: MergeArea; text: GridCell | null }[] = [];
  for (const m of w.merges) {
    if (!(m.top < at && m.bottom >= at)) continue;
    const cols = Array.from({ length: m.right - m.left + 1 }, (_, k) => m.left + k);
    if (cols.every((c) => levelSet.has(c))) splits.push({ m, text: w.get(m.top, m.left) });
  }
  const lower: MergeArea[] = [];
  for (const { m } of splits) {
    lower.push({ top: at, left: m.left, bottom: m.bottom, right: m.right });
    m.bottom = at - 1;
  }
  w.merges = w.merges.filter((m) => m.bottom >= m.top && !(m.top === m.bottom && m.left === m.right));
  w.insertRows(at, n, bandRows);
  for (const m of bandMerges)
    w.merges.push({
      top: at + (m.top - bandTop),
      left: m.left,
      bottom: at + (m.bottom - bandTop),
      right: m.right,
    });
  splits.forEach(({ text }, i) => {
    const m = lower[i];
    const moved = { top: m.top + n, left: m.left, bottom: m.bottom + n, right: m.right };
    if (text) w.set(moved.top, moved.left, { ...text });
    if (moved.bottom > moved.top || moved.right > moved.left) w.merges.push(moved);
  });
  // Unmerged level cells that inherited the value above (within the indicator block) now start
  // a block: repeat the text.
  for (const c of levelSet) {
    const r = at + n;
    if (w.get(r, c) || w.mergeAt(r, c)) continue;
    for (let up = at - 1; up > bandBottom; up--) {
      const m = w.mergeAt(up, c);
      const v = m ? w.get(m.top, m.left) : w.get(up, c);
      if (v && String(v.v ?? "").trim() !== "") {
        w.set(r, c, { ...v });
        break;
      }
    }
  }
  void pick;
  return true;
};

const ORDINALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/**
 * Section rows inserted before level-1 groups of the indicator block, each merged across the
 * columns `cols` or in the first of them only. `label(row)` is the level-1 label of the group
 * starting at that (original) row. With `every`, each group gets one (else the first and some
 * others), and nothing is inserted unless all can be.
 */
function insertSections(
  w: Work,
  s: Shape,
  pick: Pick,
  cols: number[],
  label: (row: number) => string,
  every: boolean,
): boolean {
  const first = Math.min(...cols);
  const last = Math.max(...cols);
  // Group starts: the first indicator row, and each row whose level 1 differs from the one above.
  const starts: number[] = [];
  let prev: string | null = null;
  for (const r of s.indicatorRows) {
    const l1 = s.level1.get(r) ?? "";
    if (l1 !== prev) starts.push(r);
    prev = l1;
  }
  // Only merges outside the indicator columns (a 绩效指标 column merged down) may cross a boundary.
  const free = (start: number) => {
    const at = w.mapRow(start);
    return !w.merges.some((m) => m.top < at && m.bottom >= at && m.right >= first && m.left <= last);
  };
  const chosen = starts.filter((r, i) => free(r) && (every || i === 0 || pick(2) === 1));
  if (chosen.length === 0 || (every && chosen.length < starts.length)) return false;
  chosen.forEach((start, i) => {
    const at = w.mapRow(start);
    const name = label(start);
    w.insertRows(at, 1);
    const across = last > first && pick(2) === 0;
    // Unmerged, a section is worded as one: numbered, or a name ending in 指标 or stating a weight.
    const worded =
      /指标$/.test(name.replace(/[（(][^）)]*分\s*[）)]\s*$/, "").replace(/\s+/g, "")) ||
      /分\s*[）)]\s*$/.test(name);
    const style = across || worded ? pick(3) : pick(2);
    const n = ORDINALS[i % 10];
    const text = style === 0 ? `${n}、${name}` : style === 1 ? `（${n}）${name}` : name;
    w.set(at, first, txt(text));
    if (across) w.merges.push({ top: at, left: first, bottom: at, right: last });
  });
  return true;
}

/**
 * Section rows (`一、产出指标`, `（二）效益指标`, `产出指标`) before level-1 groups of the
 * indicator block, merged across the indicator columns or in the first one only.
 */
export const sectionRows: Transform = (w, s, pick) => {
  // A section names the level 1 of rows that have none: only tables whose rows all have one.
  if ([...s.level1.values()].some((l) => l === "")) return false;
  const cols = [...s.roles.keys()].map((c) => w.colMap[c]);
  return insertSections(w, s, pick, cols, (r) => s.level1.get(r) ?? "", false);
};

/**
 * The level columns emptied (header and indicator block) and the level-1 labels written as
 * section rows instead (their stated weights kept): a table that names its levels in rows.
 */
export const levelsAsSections: Transform = (w, s, pick) => {
  if (s.levelCols.length === 0 || s.level1.size === 0 || w.levelsMoved) return false;
  const level = new Set(s.levelCols.map((c) => w.colMap[c]));
  const top = w.mapRow(s.headerRow) - w.bandAbove;
  const bottom = w.mapRow(s.lastRow);
  // Level header cells merged with other columns cannot be emptied alone.
  const across = (m: MergeArea) =>
    m.bottom >= top &&
    m.top <= bottom &&
    m.right > m.left &&
    [...level].some((c) => c >= m.left && c <= m.right);
  if (w.merges.some(across)) return false;
  const l1 = w.colMap[s.levelCols[0]];
  const labels = new Map<number, string>();
  for (const r of s.indicatorRows) {
    const at = w.mapRow(r);
    const m = w.mergeAt(at, l1);
    const raw = w.text(m ? m.top : at, l1).trim();
    labels.set(r, raw || s.level1.get(r) || "绩效指标");
  }
  const kept = w.merges;
  w.merges = kept.filter(
    (m) => !(m.left === m.right && level.has(m.left) && m.top >= top && m.bottom <= bottom),
  );
  const cols = [...s.roles.entries()]
    .filter(([, role]) => role !== "level1" && role !== "level2")
    .map(([c]) => w.colMap[c]);
  if (!insertSections(w, s, pick, cols, (r) => labels.get(r) ?? "绩效指标", true)) {
    w.merges = kept;
    return false;
  }
  for (let r = top; r <= w.mapRow(s.lastRow); r++) for (const c of level) w.set(r, c, null);
  w.levelsMoved = true;
  return true;
};

/** A second table (another grid) below the table, after blank rows. */
export function tableBelow(other: GridSnapshot): Transform {
  return (w, _s, pick) => {
    const start = w.height + 2 + pick(3);
    place(w, other, start, 1);
    return true;
  };
}

/** A second table beside the table, after blank columns, its rows beside the table's rows. */
export function tableBeside(other: GridSnapshot): Transform {
  return (w, _s, pick) => {
    const start = w.width + 2 + pick(2);
    const last = w.rowMap.length - 1;
    const rowAt = (r: number) => (r <= last ? w.mapRow(r) : w.mapRow(last) + (r - last));
    place(w, other, 1, start, rowAt);
    return true;
  };
}

/** A second table beside the table whose rows do not line up with the first's. */
export function tableBesideShifted(other: GridSnapshot): Transform {
  return (w, _s, pick) => {
    const start = w.width + 2 + pick(2);
    place(w, other, w.mapRow(1) + 1 + pick(3), start);
    return true;
  };
}

/** Copies a grid in at (top, left); `rowAt` (sheet row of the grid → row), when given, spreads its rows. */
function place(w: Work, g: GridSnapshot, top: number, left: number, rowAt?: (r: number) => number): void {
  const at = rowAt ?? ((r: number) => r - g.top + top);
  g.cells.forEach((row, i) =>
    row.forEach((x, j) => {
      if (x) w.set(at(g.top + i), left + j, { ...x });
    }),
  );
  for (const m of g.merges)
    w.merges.push({
      top: at(m.top),
      left: m.left - g.left + left,
      bottom: at(m.bottom),
      right: m.right - g.left + left,
    });
}

// ---------------------------------------------------------------------------------------
// The invariant.

const NOTE_SPACE = /[\s\u3000]+/g;

/**
 * What must not change: layout, budget, total, grade, indicator scores and level-1 names, writes
 * (mapped).
 */
export function invariant(a: Analysis, w?: Work): unknown {
  const r = a.report;
  const mapRow = (x: number) => (w ? w.mapRow(x) : x);
  const mapCell = (x: string) => (w ? w.mapCell(x) : x);
  return {
    layout: r.layout,
    budget: r.budget && {
      row: r.budget.row === null ? null : mapRow(r.budget.row),
      rate: r.budget.rate,
      score: r.budget.score,
      subRows: r.budget.subRows.map((s) => ({ row: mapRow(s.row), rate: s.rate })),
    },
    total: r.total,
    totalProvisional: r.totalProvisional,
    grade: r.grade,
    indicators: r.indicators.map((i) => ({
      row: mapRow(i.row),
      level1: i.level1,
      name: i.name,
      score: i.score,
      ruleScore: i.ruleScore,
      scoreSource: i.scoreSource,
    })),
    writes: r.writes
      .map((x) => ({
        cell: mapCell(x.cell),
        kind: x.kind,
        after: typeof x.after === "string" ? x.after.replace(NOTE_SPACE, "") : x.after,
      }))
      .sort((p, q) => (p.cell < q.cell ? -1 : p.cell > q.cell ? 1 : 0)),
  };
}
