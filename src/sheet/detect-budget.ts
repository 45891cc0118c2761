/** The budget block (LAYOUTS.md "How the reader decides" step 3). */
import { Grid, cellText } from "./grid";
import { firstByRole } from "./detect-band";
import { BUDGET_TOTAL_LABELS, budgetRole, GOAL_LABELS, isOneOf, type BudgetRole } from "./words";

export interface FoundBudget {
  headerRow: number;
  firstRow: number;
  lastRow: number;
  columns: Partial<Record<BudgetRole | "label", number>>;
  totalRow: number | null;
  rows: { row: number; label: string }[];
}

const AMOUNT_ROLES: BudgetRole[] = ["planned", "budget", "adjusted", "executed", "rate"];

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
