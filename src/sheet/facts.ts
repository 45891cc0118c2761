/**
 * The facts a 自评报告 quotes from a table's own rows, apart from its scores: the title and
 * year, the header rows above the indicator block (项目名称, 主管部门, 实施单位, the unit of
 * the budget figures, 年度总体目标 预期/实际), the budget block's amounts, and the note text of
 * each indicator row. Pure: a grid snapshot and the detected layout in, plain data out.
 */
import { numberOf, withoutSpace } from "../core";
import { address, parseRange } from "./address";
import { cellText, Grid, toCellInput } from "./grid";
import type { DetectedLayout, GridSnapshot } from "./types";
import { normalizeHeader } from "./words";

export interface BudgetAmounts {
  row: number;
  label: string;
  /** 年初预算数 */
  planned: number | null;
  /** 全年预算数 */
  budget: number | null;
  /** 调整后预算数 */
  adjusted: number | null;
  /** 全年执行数 */
  executed: number | null;
}

/** The note cell of an indicator row (rows under one merged note cell share its `cell`). */
export interface RowNote {
  row: number;
  /** Address of the note cell (the merged area's top-left cell). */
  cell: string;
  /** Text as written; null when empty. */
  text: string | null;
}

export interface TableFacts {
  /** The table's title row (`项目支出绩效自评表`), as written without line breaks. */
  title: string | null;
  /** The year of the evaluation (`2021`), from the title or the rows above the table. */
  year: string | null;
  projectName: string | null;
  /** Where the project name came from: a labelled header row, or the title. */
  projectNameFrom: "header" | "title" | null;
  /** 主管部门 */
  department: string | null;
  /** 实施单位 / 预算单位 */
  implementer: string | null;
  /** Unit of the budget figures (`万元`), from the title, a header or the budget block. */
  unit: string | null;
  /** 年度总体目标: 预期目标 and 实际完成情况 as written; null when the table has no goal block. */
  goal: { expected: string | null; actual: string | null } | null;
  /** The budget block's rows (the total row first); null when the table has none. */
  budget: { total: BudgetAmounts | null; rows: BudgetAmounts[] } | null;
  /** Note cell of each indicator row that has one, by sheet row. */
  notes: Record<number, RowNote>;
  /** The budget block's reason (原因) cell of its total row, when it has one. */
  budgetReason: RowNote | null;
  /** Address of the cell each fact was read from (`projectName` → `B3`). */
  cells: Partial<Record<FactKey, string>>;
}

export type FactKey =
  "title" | "year" | "projectName" | "department" | "implementer" | "unit" | "goalExpected" | "goalActual";

/** Where a table lies; without it, the whole snapshot (rows above the table are searched upwards). */
export interface FactBounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

// ---------------------------------------------------------------- words

/** Header-row labels, normalised (no whitespace, no bracketed annotation, no trailing colon). */
const LABELS: Record<"projectName" | "department" | "implementer", readonly string[]> = {
  projectName: ["项目名称", "项目全称", "项目名"],
  department: ["主管部门", "主管部门及代码", "主管单位", "主管部门名称", "部门名称", "部门"],
  implementer: [
    "实施单位",
    "项目实施单位",
    "预算单位",
    "预算单位名称",
    "项目单位",
    "执行单位",
    "承担单位",
    "单位名称",
  ],
};
const GOAL_LABELS = [
  "年度总体目标",
  "总体目标",
  "年度绩效目标",
  "年度目标",
  "绩效总目标",
  "年度总体目标完成情况",
];
const EXPECTED_WORDS = ["预期目标", "年初目标", "年度目标", "目标", "计划目标", "预期"];
const ACTUAL_WORDS = [
  "实际完成情况",
  "实际完成",
  "完成情况",
  "全年实际完成情况",
  "实际完成目标",
  "年度实际完成情况",
  "实际",
];
/** Leftmost labels that end a table (the previous table's total row when tables are stacked). */
const TOTAL_LABELS = ["总分", "总计", "评价得分", "自评得分", "自评总分", "合计"];
const UNITS = "亿元|万元|千元|元";
const UNIT_IN_BRACKETS = new RegExp(`[（(]\\s*(?:(?:金额|资金)?单位\\s*[:：]\\s*)?(${UNITS})\\s*[)）]`);
const UNIT_AFTER_LABEL = new RegExp(
  `(?:金额|资金|货币|计量)?单位\\s*[:：]\\s*(${UNITS})(?![\\u4e00-\\u9fa5])`,
);
/** How far above the indicator header the header rows are looked for. */
const MAX_ROWS_ABOVE = 40;

/** `项目名称：招商引资专项经费` → [label, value]; null when the text is not `label：value`. */
function splitInline(text: string): [string, string] | null {
  const m = /^([^:：]{1,12})[:：]\s*([\s\S]+)$/.exec(text.trim());
  if (!m) return null;
  const value = m[2].trim();
  return value === "" ? null : [normalizeHeader(m[1]), value];
}

/** Text as written, with line breaks and runs of spaces collapsed (values of header cells). */
function clean(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t\u3000]+/g, " ")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "")
    .join("\n")
    .trim();
}

/** A single-line value (names of projects and units): line breaks inside are dropped. */
function oneLine(text: string): string {
  return clean(text).replace(/\n/g, "");
}

function factLabel(norm: string): keyof typeof LABELS | "goal" | null {
  for (const key of Object.keys(LABELS) as (keyof typeof LABELS)[])
    if (LABELS[key].includes(norm)) return key;
  if (GOAL_LABELS.includes(norm)) return "goal";
  return null;
}

function isAnyLabel(text: string): boolean {
  const norm = normalizeHeader(text);
  if (norm === "") return false;
  if (factLabel(norm) !== null) return true;
  if (EXPECTED_WORDS.includes(norm) || ACTUAL_WORDS.includes(norm)) return true;
  const inline = splitInline(text);
  return inline !== null && factLabel(inline[0]) !== null;
}

// ---------------------------------------------------------------- extent

interface Extent {
  /** First row searched (title rows included). */
  top: number;
  /** Last row above the indicator header. */
  last: number;
  left: number;
  right: number;
}

function layoutColumns(layout: DetectedLayout): number[] {
  const cols = Object.values(layout.columns).filter((c): c is number => typeof c === "number");
  if (layout.budget)
    cols.push(...Object.values(layout.budget.columns).filter((c): c is number => typeof c === "number"));
  return cols;
}

function extentOf(g: Grid, layout: DetectedLayout | null, bounds: FactBounds | null): Extent {
  let left = Math.max(bounds?.left ?? g.left, g.left);
  let right = Math.min(bounds?.right ?? g.right, g.right);
  if (!layout) {
    // No table found: the first rows of the sheet (or of the bounds) hold whatever header there is.
    const top = Math.max(bounds?.top ?? g.top, g.top);
    return {
      top,
      last: Math.min(bounds?.bottom ?? g.bottom, g.bottom, top + MAX_ROWS_ABOVE - 1),
      left,
      right,
    };
  }
  const cols = layoutColumns(layout);
  if (!bounds && cols.length > 0) {
    // The table's own columns, widened leftwards over the label column(s) of its header row
    // (`绩效指标` beside 一级指标), so that a table beside another keeps to its side.
    left = Math.min(...cols);
    right = Math.max(...cols);
    for (let c = left - 1; c >= g.left; c--) {
      const m = g.merge(layout.headerRow, c);
      if (g.text(layout.headerRow, c).trim() === "" && !m) break;
      left = m ? Math.min(m.left, c) : c;
    }
  }
  // The budget block and the goal rows may lie between the header rows and the indicator header.
  const last = layout.headerRow - 1;
  const floor = Math.max(bounds?.top ?? g.top, g.top, last - MAX_ROWS_ABOVE + 1);
  let top = floor;
  // Upwards from the header: stop below the total row of a table stacked above this one.
  for (let r = last; r >= floor; r--) {
    const lm = leftmostIn(g, r, left, right);
    if (
      lm &&
      TOTAL_LABELS.includes(normalizeHeader(lm.text)) &&
      !(layout.budget && r >= layout.budget.headerRow)
    ) {
      top = r + 1;
      break;
    }
  }
  return { top, last, left, right };
}

function leftmostIn(g: Grid, row: number, left: number, right: number): { col: number; text: string } | null {
  for (let c = left; c <= right; c++) {
    const t = g.text(row, c);
    if (t.trim() !== "") return { col: c, text: t };
  }
  return null;
}

/** Own non-empty cells of a row within the extent, left to right. */
function rowCells(g: Grid, row: number, e: Extent): { col: number; text: string }[] {
  const out: { col: number; text: string }[] = [];
  for (let c = e.left; c <= e.right; c++) {
    const t = g.text(row, c);
    if (t.trim() !== "") out.push({ col: c, text: t });
  }
  return out;
}

// ---------------------------------------------------------------- facts

const YEAR = /((?:19|20)\d{2})\s*年/;

/** Project name from a title such as `渝中区招商引资专项经费项目绩效自评表（2019年度）`. */
export function projectFromTitle(title: string): string | null {
  let s = withoutSpace(title);
  s = s.replace(/[（(]\s*(?:19|20)\d{2}\s*年度?\s*[)）]/g, "");
  s = s.replace(/^(?:(?:19|20)\d{2}年度?)/, "");
  const tail =
    /(?:项目)?(?:资金)?(?:部门)?(?:整体)?(?:支出)?(?:绩效)?(?:自评|评价|评分|考核)?(?:指标体系)?(?:自评|评价|评分|考核)?(?:情况)?(?:汇总)?表$/;
  if (!tail.test(s)) return null;
  s = s.replace(tail, "");
  // What is left must be a name, not a bare kind (`项目支出绩效自评表` leaves nothing).
  if (s.length < 2 || /^(?:项目|部门|单位|整体|支出|绩效)+$/.test(s)) return null;
  return s;
}

function amountOf(g: Grid, row: number, col: number | undefined): number | null {
  if (col === undefined) return null;
  const n = numberOf(toCellInput(g.own(row, col)));
  return n === null || n === "invalid" ? null : n.toNumber();
}

function noteAt(g: Grid, row: number, col: number): RowNote {
  const a = g.anchor(row, col);
  const text = cellText(g.raw(a.row, a.col));
  return { row, cell: address(a.row, a.col), text: text.trim() === "" ? null : clean(text) };
}

/**
 * The header facts of one table. `layout` is the detected layout (null when no table was
 * found: the rows of the snapshot are searched for the labels all the same); `bounds`, the
 * table's range when the sheet holds several (see the report's `range`).
 */
export function tableFacts(
  snap: GridSnapshot,
  layout: DetectedLayout | null,
  bounds?: FactBounds | string | null,
): TableFacts {
  const g = new Grid(snap);
  const b = typeof bounds === "string" ? parseRange(bounds) : (bounds ?? null);
  const facts: TableFacts = {
    title: null,
    year: null,
    projectName: null,
    projectNameFrom: null,
    department: null,
    implementer: null,
    unit: null,
    goal: null,
    budget: null,
    notes: {},
    budgetReason: null,
    cells: {},
  };
  if (g.bottom < g.top || g.right < g.left) return facts;
  const e = extentOf(g, layout, b);
  const inBudget = (r: number) =>
    !!layout?.budget && r >= layout.budget.headerRow && r <= layout.budget.lastRow;

  const set = (
    key: "title" | "year" | "projectName" | "department" | "implementer" | "unit",
    value: string,
    row: number,
    col: number,
  ): void => {
    if (facts[key] !== null || value === "") return;
    facts[key] = value;
    facts.cells[key] = address(row, col);
  };
  let seenLabel = false;

  for (let r = e.top; r <= e.last; r++) {
    const cells = rowCells(g, r, e);
    for (let i = 0; i < cells.length; i++) {
      const { col, text } = cells[i];
      // Unit: `项目资金（万元）`, `单位：万元`, `（单位：万元）` in any header cell or the title.
      if (facts.unit === null) {
        const m = UNIT_IN_BRACKETS.exec(text) ?? UNIT_AFTER_LABEL.exec(text);
        if (m) set("unit", m[1], r, col);
      }
      if (inBudget(r)) continue;
      // Title and year: the first text of the rows above, when it names a table.
      if (facts.title === null && cells.length === 1 && /表/.test(text) && !isAnyLabel(text)) {
        set("title", oneLine(text), r, col);
      }
      if (facts.year === null && !seenLabel) {
        const y = YEAR.exec(withoutSpace(text));
        if (y && (cells.length === 1 || /年度/.test(text))) set("year", y[1], r, col);
      }
      const norm = normalizeHeader(text);
      let key = factLabel(norm);
      if (key !== null) seenLabel = true;
      let value: { text: string; row: number; col: number } | null = null;
      if (key === null) {
        const inline = splitInline(text);
        const k = inline ? factLabel(inline[0]) : null;
        if (inline && k && k !== "goal") {
          key = k;
          value = { text: inline[1], row: r, col };
        }
      } else if (key !== "goal") {
        const next = cells[i + 1];
        if (next && !isAnyLabel(next.text)) {
          value = { text: next.text, row: r, col: next.col };
          i++;
        }
      }
      if (key === "goal") {
        if (facts.goal === null) facts.goal = readGoal(g, e, r, col, facts);
        continue;
      }
      if (key && value) set(key, oneLine(value.text), value.row, value.col);
    }
  }

  if (facts.projectName !== null) facts.projectNameFrom = "header";
  else if (facts.title !== null) {
    const p = projectFromTitle(facts.title);
    if (p) {
      facts.projectName = p;
      facts.projectNameFrom = "title";
    }
  }

  if (layout?.budget) {
    const bc = layout.budget.columns;
    const rows: BudgetAmounts[] = [];
    for (let r = layout.budget.firstRow; r <= layout.budget.lastRow; r++) {
      const labelCol = bc.label;
      const label = labelCol !== undefined ? oneLine(cellText(g.mergedCell(r, labelCol))) : "";
      const a: BudgetAmounts = {
        row: r,
        label,
        planned: amountOf(g, r, bc.planned),
        budget: amountOf(g, r, bc.budget),
        adjusted: amountOf(g, r, bc.adjusted),
        executed: amountOf(g, r, bc.executed),
      };
      if (
        a.planned === null &&
        a.budget === null &&
        a.adjusted === null &&
        a.executed === null &&
        label === ""
      )
        continue;
      rows.push(a);
    }
    const total =
      layout.budget.totalRow !== null ? (rows.find((x) => x.row === layout.budget!.totalRow) ?? null) : null;
    facts.budget = { total, rows: rows.filter((x) => x !== total) };
    if (layout.budget.totalRow !== null && bc.reason !== undefined)
      facts.budgetReason = noteAt(g, layout.budget.totalRow, bc.reason);
  }

  const noteCol = layout?.columns.note;
  if (layout && noteCol !== undefined) {
    const rows = layout.indicatorRows ?? range(layout.firstRow, layout.lastRow);
    for (const r of rows) facts.notes[r] = noteAt(g, r, noteCol);
  }
  return facts;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let r = from; r <= to; r++) out.push(r);
  return out;
}

/**
 * The goal block: `年度总体目标` at (row, col), then either sub-headers 预期目标 / 实际完成情况
 * with the text under (or beside) each, inline `预期目标：…` texts, or one text beside the label.
 */
function readGoal(
  g: Grid,
  e: Extent,
  row: number,
  col: number,
  facts: TableFacts,
): { expected: string | null; actual: string | null } {
  const m = g.merge(row, col);
  const blockBottom = Math.min(e.last, Math.max(row, m ? m.bottom : row) + 12);
  const labelRight = m ? m.right : col;
  // Rows of the block: from the label row down to the next row holding another fact label.
  let bottom = row;
  for (let r = row + 1; r <= blockBottom; r++) {
    const lm = leftmostIn(g, r, e.left, e.right);
    if (lm && lm.col <= labelRight && factLabel(normalizeHeader(lm.text)) !== null && !(m && r <= m.bottom))
      break;
    bottom = r;
  }
  if (m) bottom = Math.max(bottom, Math.min(m.bottom, e.last));

  let expectedCol: { col: number; right: number; row: number } | null = null;
  let actualCol: { col: number; right: number; row: number } | null = null;
  const expected: string[] = [];
  const actual: string[] = [];
  let expectedAt: string | null = null;
  let actualAt: string | null = null;
  for (let r = row; r <= bottom; r++) {
    for (const c of rowCells(g, r, { ...e, left: labelRight + 1 })) {
      const norm = normalizeHeader(c.text);
      const cm = g.merge(r, c.col);
      const right = cm ? cm.right : c.col;
      if (!expectedCol && EXPECTED_WORDS.includes(norm)) {
        expectedCol = { col: c.col, right, row: cm ? cm.bottom : r };
        continue;
      }
      if (!actualCol && ACTUAL_WORDS.includes(norm)) {
        actualCol = { col: c.col, right, row: cm ? cm.bottom : r };
        continue;
      }
      const inline = splitInline(c.text);
      if (inline && EXPECTED_WORDS.includes(inline[0])) {
        expected.push(clean(inline[1]));
        expectedAt ??= address(r, c.col);
        continue;
      }
      if (inline && ACTUAL_WORDS.includes(inline[0])) {
        actual.push(clean(inline[1]));
        actualAt ??= address(r, c.col);
        continue;
      }
      const under = (h: { col: number; right: number; row: number } | null) =>
        h !== null && r > h.row && c.col >= h.col && c.col <= h.right;
      if (under(expectedCol)) {
        expected.push(clean(c.text));
        expectedAt ??= address(r, c.col);
      } else if (under(actualCol)) {
        actual.push(clean(c.text));
        actualAt ??= address(r, c.col);
      } else if (!expectedCol && !actualCol && r === row) {
        // One text beside the label: the goal as planned.
        expected.push(clean(c.text));
        expectedAt ??= address(r, c.col);
      }
    }
  }
  if (expectedAt) facts.cells.goalExpected = expectedAt;
  if (actualAt) facts.cells.goalActual = actualAt;
  return {
    expected: expected.length ? expected.join("\n") : null,
    actual: actual.length ? actual.join("\n") : null,
  };
}
