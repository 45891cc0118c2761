/** The budget block (LAYOUTS.md "How the reader decides" step 3). */
import { Grid, cellText } from "./grid";
import { firstByRole } from "./detect-band";
import {
  BUDGET_ROW_WORDS,
  BUDGET_TOTAL_LABELS,
  budgetRole,
  GOAL_LABELS,
  isOneOf,
  normalizeHeader,
  type BudgetRole,
} from "./words";

export interface FoundBudget {
  headerRow: number;
  firstRow: number;
  lastRow: number;
  columns: Partial<Record<BudgetRole | "label", number>>;
  totalRow: number | null;
  rows: { row: number; label: string }[];
}

const AMOUNT_ROLES: BudgetRole[] = ["planned", "budget", "adjusted", "executed", "rate"];

/** A goal row's label: 年度总体目标, also as 年度总体目标完成情况 (it ends the budget block). */
export function isGoalLabel(text: string): boolean {
  const n = normalizeHeader(text);
  return GOAL_LABELS.some((w) => n.startsWith(w) && /^(及?完成情况|实现情况)?$/.test(n.slice(w.length)));
}

/** A figure in a budget column: a number, a formula, or a text holding a digit (`880`, `95%`). */
function isFigure(g: Grid, row: number, col: number): boolean {
  const c = g.own(row, col);
  if (!c) return false;
  if (typeof c.v === "number" || c.v instanceof Date || c.f) return true;
  return typeof c.v === "string" && /\d/.test(c.v);
}

/**
 * A row under the budget rows that belongs to what follows (a caption such as 绩效指标完成情况
 * over the indicator header band): no figure in the budget columns, and a label that is no
 * budget row label (no budget word, or a cell merged over the budget columns), or none.
 */
function trailingCaption(
  g: Grid,
  row: number,
  label: { text: string; col: number } | null,
  figureCols: number[],
): boolean {
  if (figureCols.some((c) => isFigure(g, row, c))) return false;
  if (!label) return true;
  const m = g.merge(row, label.col);
  if (m && m.right >= Math.min(...figureCols)) return true;
  const n = normalizeHeader(label.text);
  return !BUDGET_ROW_WORDS.some((w) => n.includes(w));
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

export function findBudget(g: Grid, headerRow: number): FoundBudget | null {
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
      for (let c = g.left; c <= g.right && !goal; c++) goal = isGoalLabel(g.text(k, c));
      if (goal) {
        last = k - 1;
        break;
      }
    }
    const firstCol = Math.min(...[...roles.keys()]);
    // Caption rows between the budget rows and the indicator header band (LAYOUTS.md steps 2–3)
    // end the block: they belong to the band below.
    const figureCols = [...roles.entries()].filter(([, k]) => k !== "reason").map(([c]) => c);
    while (
      last > r &&
      (g.rowEmpty(last) || trailingCaption(g, last, budgetRowLabel(g, last, r, firstCol), figureCols))
    )
      last--;
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
