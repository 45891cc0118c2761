/**
 * The comparators of R-PARSE-1 and R-DIR, one table: each word or symbol with the comparison
 * it makes and where it may stand: before a figure (`≥90%`, `不低于90%`), after it (`90%以上`),
 * or alone in a direction column (指标性质 / 计算符号: `≥`, `不低于`, `正向`). Look-alike
 * characters typed for a symbol (`≧`, `═`) read as that symbol (`toHalfWidth`).
 */

/** Comparator of a value (R-PARSE-1). `>` is treated as ≥ and `<` as ≤ by the rules. */
export type Op = "ge" | "gt" | "le" | "lt" | "eq";

export interface Comparator {
  /** As written once look-alikes are made plain (`toHalfWidth`) and whitespace removed. */
  text: string;
  op: Op;
  /** May stand before a figure. */
  before?: true;
  /** May stand after a figure. */
  after?: true;
  /** Names a direction alone in a direction column. */
  column?: true;
  /** Look-alike characters typed for this symbol. */
  alike?: string;
}

const BC = { before: true, column: true } as const;
const AC = { after: true, column: true } as const;

export const COMPARATORS: readonly Comparator[] = [
  { text: "≥", op: "ge", ...BC, alike: "≧⩾" },
  { text: ">=", op: "ge", ...BC },
  { text: "=>", op: "ge", column: true },
  { text: ">", op: "gt", ...BC, alike: "﹥" },
  { text: "≤", op: "le", ...BC, alike: "≦⩽" },
  { text: "<=", op: "le", ...BC },
  { text: "=<", op: "le", column: true },
  { text: "<", op: "lt", ...BC, alike: "﹤" },
  // `═` (box drawing, typed for ＝ in many Yunnan tables) is =, never ≥.
  { text: "=", op: "eq", ...BC, alike: "﹦═" },
  { text: "==", op: "eq", ...BC },
  { text: "大于或等于", op: "ge", ...BC },
  { text: "大于等于", op: "ge", ...BC },
  { text: "不低于", op: "ge", ...BC },
  { text: "不少于", op: "ge", ...BC },
  { text: "不小于", op: "ge", ...BC },
  { text: "至少", op: "ge", ...BC },
  { text: "大于", op: "gt", ...BC },
  { text: "超过", op: "gt", ...BC },
  { text: "高于", op: "gt", ...BC },
  { text: "小于或等于", op: "le", ...BC },
  { text: "小于等于", op: "le", ...BC },
  { text: "不高于", op: "le", ...BC },
  { text: "不超过", op: "le", ...BC },
  { text: "不多于", op: "le", ...BC },
  { text: "不大于", op: "le", ...BC },
  { text: "控制在", op: "le", before: true },
  { text: "不晚于", op: "le", before: true },
  { text: "小于", op: "lt", ...BC },
  { text: "低于", op: "lt", ...BC },
  { text: "少于", op: "lt", ...BC },
  { text: "等于", op: "eq", ...BC },
  { text: "等同", op: "eq", column: true },
  { text: "及以上", op: "ge", ...AC },
  { text: "以上", op: "ge", ...AC },
  { text: "及以下", op: "le", ...AC },
  { text: "以下", op: "le", ...AC },
  { text: "以内", op: "le", ...AC },
  { text: "之内", op: "le", ...AC },
  { text: "正向", op: "ge", column: true },
  { text: "反向", op: "le", column: true },
];

const SYMBOL = /^[≥≤=<>]+$/;

/** Longest first, so that `大于等于` is read before `大于` and `>=` before `>`. */
function longestFirst(list: Comparator[]): readonly Comparator[] {
  return list.sort((a, b) => b.text.length - a.text.length);
}

const BEFORE = longestFirst(COMPARATORS.filter((c) => c.before));
const AFTER = longestFirst(COMPARATORS.filter((c) => c.after));
const COLUMN: ReadonlyMap<string, Op> = new Map(
  COMPARATORS.filter((c) => c.column).map((c) => [c.text, c.op]),
);
const SYMBOLS: ReadonlyMap<string, Op> = new Map(
  COMPARATORS.filter((c) => SYMBOL.test(c.text)).map((c) => [c.text, c.op]),
);
const LEADING_SYMBOLS = new RegExp(
  `^(?:${BEFORE.filter((c) => SYMBOL.test(c.text))
    .map((c) => c.text)
    .join("|")})+`,
);

/** Look-alike character → the symbol it is typed for. */
export const COMPARATOR_ALIKES: Readonly<Record<string, string>> = Object.fromEntries(
  COMPARATORS.flatMap((c) => [...(c.alike ?? "")].map((ch) => [ch, c.text])),
);

/** A figure's comparator, before it (`≥`, `不低于`) or after it (`以上`); the first one before wins. */
export function splitComparator(s: string): { body: string; op: Op | null } {
  let body = s;
  let op: Op | null = null;
  const pre = BEFORE.find((c) => body.startsWith(c.text));
  if (pre) {
    op = pre.op;
    body = body.slice(pre.text.length);
  }
  const post = AFTER.find((c) => body.endsWith(c.text) && body.length > c.text.length);
  if (post) {
    op = op ?? post.op;
    body = body.slice(0, -post.text.length);
  }
  return { body, op };
}

/** The comparator a direction column's (normalised) text names alone, or null. */
export function columnComparator(text: string): Op | null {
  return COLUMN.get(text) ?? null;
}

/** The direction a comparator gives a row (R-DIR): ≥ > positive, ≤ < reverse, = equal. */
export function directionOfOp(op: Op): "positive" | "reverse" | "equal" {
  return op === "ge" || op === "gt" ? "positive" : op === "eq" ? "equal" : "reverse";
}

/** A text without the comparator symbols standing before it (`﹦ 未造成污染` → `未造成污染`). */
export function withoutLeadingSymbols(text: string): string {
  return text.replace(LEADING_SYMBOLS, "");
}

/** True when a (normalised) text starts with a comparator symbol. */
export function startsWithSymbol(text: string): boolean {
  return /^[≥≤=<>]/.test(text);
}

const SHOWN: Record<Op, string> = { ge: "≥", gt: ">", le: "≤", lt: "<", eq: "=" };

/**
 * How a comparator is shown before a figure: a symbol as written (`>` stays `>`, `>=` shows
 * `≥`), a word by its direction's symbol (`不低于` → `≥`, `大于` → `≥`).
 */
export function shownComparator(normalized: string, direction: string | null): string {
  const symbol = SYMBOLS.get(normalized);
  if (symbol) return SHOWN[symbol];
  return direction === "positive" ? "≥" : direction === "reverse" ? "≤" : direction === "equal" ? "=" : "";
}
