/** Header words and label normalisation of LAYOUTS.md ("Header words", "How the reader decides" 1). */
import { withoutSpace } from "../core";
import type { ColumnRole } from "./types";

const IDEOGRAPH = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * `role` with a shortcut: when every word it recognises holds a CJK ideograph, a text without
 * one (a number, a date, a code) has no role, whatever normalising would make of it; the data
 * rows of a long sheet are mostly such texts.
 */
function ideographsOnly<T>(
  words: readonly string[],
  role: (text: string) => T | null,
): (text: string) => T | null {
  if (!words.every((w) => IDEOGRAPH.test(w))) return role;
  return (text) => (IDEOGRAPH.test(text) ? role(text) : null);
}

/** Removes whitespace, line breaks and bracketed annotations (`（A）`, `(万元)`), and a trailing colon. */
export function normalizeHeader(text: string): string {
  // Most texts have none of these: they are returned as they are.
  if (!/[\s（()）:：]/.test(text)) return text;
  let s = withoutSpace(text);
  let prev = "";
  while (prev !== s) {
    prev = s;
    s = s.replace(/[（(][^（）()]*[)）]/g, "");
  }
  return s.replace(/[:：]+$/, "");
}

/** Indicator-block column roles and their header words (LAYOUTS.md table). */
export const ROLE_WORDS: Record<ColumnRole, readonly string[]> = {
  level1: ["一级指标"],
  level2: ["二级指标"],
  name: ["三级指标", "指标名称", "具体指标"],
  target: [
    "年度指标值",
    "指标值",
    "年初目标值",
    "年度目标值",
    "目标值",
    "计划值",
    "预期指标值",
    "年初指标值",
  ],
  adjustedTarget: ["调整指标值", "调整后指标值", "调整后目标值", "调整目标值"],
  actual: [
    "实际完成值",
    "完成值",
    "全年实际值",
    "实际值",
    "实际完成",
    "全年完成值",
    "全年实际完成值",
    "实际完成数",
  ],
  weight: ["分值", "权重", "标准分", "满分", "指标权重", "权重分", "指标分值"],
  score: ["得分", "评价得分", "自评得分", "实际得分", "指标得分", "单项指标得分", "单项得分"],
  note: ["偏差原因分析及改进措施", "偏差原因分析", "偏差原因及改进措施", "未完成原因分析", "原因分析"],
  direction: ["指标性质", "计算符号", "指标方向"],
  unit: ["度量单位", "计量单位", "单位"],
  ruleText: ["评分标准", "得分计算方法", "计分方法", "评分方法", "评价要点", "指标说明"],
};

/** Role order used when one header text could be read two ways (none today; kept explicit). */
const ROLE_ORDER: ColumnRole[] = [
  "level1",
  "level2",
  "name",
  "target",
  "adjustedTarget",
  "actual",
  "weight",
  "score",
  "note",
  "direction",
  "unit",
  "ruleText",
];

export type BudgetRole =
  "planned" | "budget" | "adjusted" | "executed" | "weight" | "rate" | "score" | "reason";

export const BUDGET_WORDS: Record<BudgetRole, readonly string[]> = {
  planned: ["年初预算数", "年初预算"],
  budget: ["全年预算数"],
  adjusted: ["调整后预算数", "调整后预算", "调整预算数", "调整预算"],
  executed: ["全年执行数", "预算执行数"],
  rate: ["执行率", "预算执行率"],
  // Chongqing's block names the rate's weight and score after it (执行率权重 | 执行率得分).
  weight: ["分值", "权重", "执行率权重", "执行率分值"],
  score: ["得分", "执行率得分"],
  reason: ["原因", "原因分析"],
};

const BUDGET_ORDER: BudgetRole[] = [
  "planned",
  "budget",
  "adjusted",
  "executed",
  "rate",
  "weight",
  "score",
  "reason",
];

/** Budget rows that carry the budget score (R-BUDGET); labels are normalised (trailing colon dropped). */
export const BUDGET_TOTAL_LABELS = [
  "年度资金总额",
  "项目资金总额",
  "资金总额",
  "年度总金额",
  "总金额",
  "总额",
  "金额",
  "合计",
  "总计",
];
/** Table total row labels (LAYOUTS.md 4). */
export const TABLE_TOTAL_LABELS = ["总分", "合计", "总计", "评价得分", "自评得分", "自评总分"];
/** Labels of the goal block that ends the budget block. */
export const GOAL_LABELS = ["年度总体目标", "总体目标", "年度绩效目标"];
/**
 * Words of budget row labels (年度资金总额, 其中：当年财政拨款, 上年结转资金, 基本支出 …): a row
 * without figures under the budget block is a budget row only when its label holds one of them.
 */
export const BUDGET_ROW_WORDS = [
  "资金",
  "拨款",
  "结转",
  "结余",
  "支出",
  "预算",
  "经费",
  "收入",
  "总额",
  "合计",
  "总计",
  "小计",
  "其中",
  "其他",
  "财政",
  "自筹",
  "配套",
  "补助",
  "专项",
  "专户",
  "债",
  "基金",
  "资本",
  "上级",
  "本级",
  "中央",
  "省级",
  "市级",
  "县级",
  "区级",
  "单位",
];
/** Labels of a grade cell (the grade is the cell right of it), and headers of a grade column. */
export const GRADE_LABELS = ["等级", "评价等级", "自评等级", "绩效等级"];
/** Texts of a written grade (R-GRADE-1: 优秀/良好/合格/不合格 read as 优/良/中/差). */
export const GRADE_WORDS = ["优", "良", "中", "差", "优秀", "良好", "合格", "不合格"];
/** Labels of rows that open a new table (title, project rows): a table above ends before them. */
export const TABLE_START_LABELS = ["项目名称", "单位名称", "部门名称", "预算单位", "主管部门", "实施单位"];

/** Each word → its role, a constant table; a word of two roles takes the first in `order`. */
function wordTable<R extends string>(
  words: Record<R, readonly string[]>,
  order: R[],
): ReadonlyMap<string, R> {
  const table = new Map<string, R>();
  for (const role of order) for (const w of words[role]) if (!table.has(w)) table.set(w, role);
  return table;
}

const ROLE_OF_WORD = wordTable(ROLE_WORDS, ROLE_ORDER);
const BUDGET_ROLE_OF_WORD = wordTable(BUDGET_WORDS, BUDGET_ORDER);

/** Splits `分值/权重`-style headers into their alternatives. */
function alternatives(norm: string): string[] {
  return norm.split(/[/／、]/).filter((p) => p !== "");
}

/** The role of a normalised header: its word's, or the one role all its alternatives name. */
function roleOf<R extends string>(norm: string, table: ReadonlyMap<string, R>): R | null {
  if (norm === "") return null;
  const direct = table.get(norm);
  if (direct !== undefined) return direct;
  const parts = alternatives(norm);
  if (parts.length < 2) return null;
  let found: R | null = null;
  for (const p of parts) {
    const r = table.get(p) ?? null;
    if (r === null || (found !== null && found !== r)) return null;
    found = r;
  }
  return found;
}

/**
 * The indicator column role of a header text, when its normalised text equals a role word;
 * any other header containing 原因 is the deviation-note column (未完成原因及拟采取的改进措施).
 */
export const headerRole: (text: string) => ColumnRole | null = ideographsOnly(
  Object.values(ROLE_WORDS).flat().concat("原因"),
  (text) => {
    const norm = normalizeHeader(text);
    const role = roleOf(norm, ROLE_OF_WORD);
    if (role) return role;
    return norm.includes("原因") && norm.length <= 30 ? "note" : null;
  },
);

/** The budget column role of a header text. */
export const budgetRole: (text: string) => BudgetRole | null = ideographsOnly(
  Object.values(BUDGET_WORDS).flat(),
  (text) => roleOf(normalizeHeader(text), BUDGET_ROLE_OF_WORD),
);

export function isOneOf(text: string, labels: readonly string[]): boolean {
  return labels.includes(normalizeHeader(text));
}
