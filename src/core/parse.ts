/** Value notation (SCORING.md §1, R-PARSE-1 … R-PARSE-8) and display text. */
import Decimal from "decimal.js";
import {
  columnComparator,
  COMPARATOR_ALIKES,
  directionOfOp,
  shownComparator,
  splitComparator,
  startsWithSymbol,
  withoutLeadingSymbols,
  type Op,
} from "./comparators";
import type { CellInput } from "./types";

export type { Op } from "./comparators";

/**
 * A unit: `base` is the dimension (元, 美元, 个, 人次, `%` …; '' for a bare scale such as 亿),
 * `scale` multiplies the written number into the base (万元 → 1e4; % → 0.01), `text` is as written.
 */
export interface Unit {
  base: string;
  scale: Decimal;
  text: string;
}

export interface ParsedNumber {
  kind: "number";
  op: Op | null;
  /** The number as written (before the unit's scale). */
  value: Decimal;
  unit: Unit | null;
}

export type ParsedValue =
  | { kind: "null"; /** written as 无 (R-PARSE-7) */ none: boolean }
  | ParsedNumber
  | { kind: "range"; lo: Decimal; hi: Decimal; unit: Unit | null }
  /** `day`: days since 1970-01-01 (UTC). */
  | { kind: "date"; day: number; op: Op | null }
  | { kind: "text"; text: string; norm: string }
  /** `outOfRange`: a number outside the plausible range of R-PARSE-2 (see `plausible`). */
  | { kind: "error"; text: string; outOfRange?: boolean };

const NULL_MARKERS = new Set([
  "",
  "—",
  "–",
  "-",
  "/",
  "*",
  "不适用",
  "N/A",
  "n/a",
  "NA",
  "——",
  "--",
  "－",
  "\\",
]);

/** Look-alikes typed for the usual characters: comparators (R-PARSE-1), signs and the tilde. */
const LOOKALIKE: Readonly<Record<string, string>> = {
  ...COMPARATOR_ALIKES,
  "﹢": "+",
  "﹣": "-",
  "～": "~",
  "〜": "~",
};

/** Characters `toHalfWidth` changes (most texts have none: they are returned as they are). */
const WIDE = new RegExp(`[\\uff01-\\uff5e\\u3000${Object.keys(LOOKALIKE).join("")}]`);

/** Full-width → half-width, ideographic space → space (R-PARSE-2, R-PARSE-8). */
export function toHalfWidth(s: string): string {
  if (!WIDE.test(s)) return s;
  let out = "";
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += " ";
    else out += LOOKALIKE[ch] ?? ch;
  }
  return out;
}

/** A text without any whitespace or line break: labels and words are compared so. */
export function withoutSpace(s: string): string {
  return s.replace(/\s+/g, "");
}

/** Qualitative normalisation (R-PARSE-8): trim, drop inner whitespace, full-width → half-width. */
export function normalizeText(s: string): string {
  return withoutSpace(toHalfWidth(s));
}

/**
 * Qualitative text for comparison (R-PARSE-8): normalised, without a comparator standing
 * before it (`﹦ 未造成污染` reads `未造成污染`; the comparator of a direction column is never
 * part of the text).
 */
export function qualitativeText(s: string): string {
  const t = normalizeText(s);
  const stripped = withoutLeadingSymbols(t);
  return stripped === "" ? t : stripped;
}

/** What a direction column (指标性质 / 计算符号 / 指标方向) says (R-DIR). */
export type ColumnDirection = "positive" | "reverse" | "equal" | "qualitative";

/**
 * R-DIR: the direction a direction column's text gives. null: empty, a null marker, or
 * 定量 / 定量指标 (the nature column's "quantitative", partner of 定性: it states no direction,
 * so the direction comes from the target's comparator, else the default); "unknown": any other
 * text (DIRECTION_UNKNOWN: never guessed). A trailing 指标 / 型 is ignored (正向指标).
 */
export function parseDirection(text: string | null | undefined): ColumnDirection | "unknown" | null {
  if (text === null || text === undefined) return null;
  const t = normalizeText(String(text)).replace(/(?:指标|型|类)$/, "");
  if (NULL_MARKERS.has(t) || /^[-—–/*\\]+$/.test(t) || t === "无" || t === "定量") return null;
  if (t === "定性") return "qualitative";
  const op = columnComparator(t);
  return op ? directionOfOp(op) : "unknown";
}

/**
 * R-PARSE-9: a completion word written as the actual of a numeric or date target, the one
 * list of the family. `met`: [已|全部|按时|如期|全面|足额|及时] + 完成|达到|达成|达标|实现
 * [+ 预期|年度|既定|计划] [+ 目标|指标|任务] [+ 值], and 是; `notMet` (done to an unknown
 * degree: a person judges): 未[能|全部|按时|如期] / 基本 / 部分 + the same verbs and tails,
 * 没(有)完成, 否; null: any other text.
 */
export function completionWord(text: string | null | undefined): "met" | "notMet" | null {
  if (text === null || text === undefined) return null;
  const t = qualitativeText(String(text)).replace(/[。.!！]+$/, "");
  if (t === "") return null;
  if (
    /^(?:否|没有?完成|(?:未(?:能|全部|按时|如期)?|基本|部分)(?:完成|达到|达成|达标|实现)(?:预期|年度)?(?:目标|指标|任务)?(?:值)?)$/.test(
      t,
    )
  )
    return "notMet";
  if (
    /^(?:是|已?(?:全部|按时|如期|全面|足额|及时)?(?:完成|达到|达成|达标|实现)(?:了)?(?:预期|年度|既定|计划)?(?:目标|指标|任务)?(?:值)?)$/.test(
      t,
    )
  )
    return "met";
  return null;
}

const STATED_WEIGHT = /[（(]\s*[0-9０-９]+(?:[.．][0-9０-９]+)?\s*分\s*[）)]/g;

/** A level label without its stated weight (`（50分）`) and without any whitespace or line break. */
export function normalizeLabel(label: string): string {
  // Most labels have neither: they are returned as they are.
  // Whitespace first: `（5 0 分）` is a stated weight too.
  return /[\s分]/.test(label) ? withoutSpace(label).replace(STATED_WEIGHT, "") : label;
}

/** The weight stated in a level label (`产出指标（50分）` → 50); null when none (R-TOTAL-3). */
export function statedWeight(label: string): number | null {
  const m = /[（(](\d+(?:\.\d+)?)分[）)]/.exec(toHalfWidth(withoutSpace(label)));
  return m ? Number(m[1]) : null;
}

// ---------------------------------------------------------------- number formats

function stripFormatLiterals(fmt: string): string {
  return fmt
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "");
}

interface FormatInfo {
  percent: boolean;
  date: boolean;
  /** Decimals shown by the first section. */
  decimals: number;
  /** Thousands separators shown. */
  grouped: boolean;
}

/** What a number format shows. */
function readFormat(fmt: string): FormatInfo {
  const stripped = stripFormatLiterals(fmt);
  const first = stripFormatLiterals(fmt.split(";")[0]);
  const f = first.toLowerCase();
  const m = /\.([0#?]+)/.exec(first);
  return {
    percent: stripped.includes("%"),
    date:
      !(f === "general" || f === "@" || f.includes("%")) &&
      (/[yd]/.test(f) || (/m/.test(f) && !/[hs]/.test(f))),
    decimals: m ? m[1].length : 0,
    grouped: stripped.includes(","),
  };
}

/** The formats these tables use most (Excel's built-in ones, and those the program writes), read once. */
const COMMON_FORMATS: ReadonlyMap<string, FormatInfo> = new Map(
  [
    "General",
    "0",
    "0.0",
    "0.00",
    "0.0000",
    "#,##0",
    "#,##0.00",
    "0%",
    "0.0%",
    "0.00%",
    "@",
    "yyyy-mm-dd",
    "yyyy/m/d",
    "m/d/yy",
    "mm-dd-yy",
    'yyyy"年"m"月"d"日"',
    "yyyy年m月d日",
  ].map((f) => [f, readFormat(f)]),
);

function formatInfo(fmt: string): FormatInfo {
  return COMMON_FORMATS.get(fmt) ?? readFormat(fmt);
}

/** True when an Excel number format is a percent format. */
export function isPercentFormat(fmt: string | undefined): boolean {
  return !!fmt && formatInfo(fmt).percent;
}

/** True when an Excel number format shows a date. */
export function isDateFormat(fmt: string | undefined): boolean {
  return !!fmt && formatInfo(fmt).date;
}

function decimalsOf(fmt: string): number {
  return formatInfo(fmt).decimals;
}

const DAY_MS = 86400000;

/** Days since 1970-01-01 of an Excel serial (1900 date system, with its leap-year bug). */
export function excelSerialToDay(serial: number): number {
  const whole = Math.floor(serial);
  return whole - 25569 + (whole < 60 ? 1 : 0);
}

function dateToDay(d: Date): number {
  return Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) / DAY_MS);
}

function ymdToDay(y: number, m: number, d: number): number | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCMonth() !== m - 1) return null;
  return Math.floor(t / DAY_MS);
}

/** `2021年12月31日`. */
export function formatDay(day: number): string {
  const d = new Date(day * DAY_MS);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

function groupThousands(s: string): string {
  const [i, f] = s.split(".");
  const neg = i.startsWith("-");
  const digits = neg ? i.slice(1) : i;
  const g = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return (neg ? "-" : "") + g + (f !== undefined ? "." + f : "");
}

function generalNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  // Integers of up to 11 digits are shown as they are (String(-0) is "0", as Excel shows it).
  if (Number.isInteger(n) && n < 1e11 && n > -1e11) return String(n);
  return new Decimal(n.toPrecision(11)).toString();
}

/** `generalNumber` as a Decimal, without going through its text (finite numbers only). */
function generalDecimal(n: number): Decimal {
  if (n === 0) return new Decimal(0); // -0 reads as 0
  if (Number.isInteger(n) && n < 1e11 && n > -1e11) return new Decimal(n);
  return new Decimal(n.toPrecision(11));
}

/**
 * The text of a cell as the sheet displays it: `cell.text` when the host gives it, else
 * formatted from value and number format (1 with `0%` → `100%`, 207 with `0.00` → `207.00`,
 * dates → `2021年12月31日`). Null for an empty cell.
 */
export function displayText(cell: CellInput | null): string | null {
  if (!cell) return null;
  // Office shows ##### when a column is too narrow: that is not the cell's text.
  if (cell.text !== undefined && cell.text !== null && cell.text !== "" && !/^#+$/.test(cell.text))
    return cell.text;
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === "string") return v === "" ? null : v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : formatDay(dateToDay(v));
  if (typeof v !== "number" || !Number.isFinite(v)) return String(v);
  const fmt = cell.numFmt;
  if (!fmt || fmt.toLowerCase() === "general" || fmt === "@") return generalNumber(v);
  if (isDateFormat(fmt)) return formatDay(excelSerialToDay(v));
  const dp = decimalsOf(fmt);
  if (isPercentFormat(fmt)) {
    return new Decimal(generalNumber(v)).times(100).toFixed(dp, Decimal.ROUND_HALF_UP) + "%";
  }
  const fixed = new Decimal(generalNumber(v)).toFixed(dp, Decimal.ROUND_HALF_UP);
  return formatInfo(fmt).grouped ? groupThousands(fixed) : fixed;
}

// ---------------------------------------------------------------- units (R-PARSE-3)

/** Scales as Decimals, made once (Decimals are immutable, so units may share them). */
const SCALE_PREFIXES: [string, Decimal][] = [
  ["十万", new Decimal(1e5)],
  ["百万", new Decimal(1e6)],
  ["千万", new Decimal(1e7)],
  ["亿", new Decimal(1e8)],
  ["万", new Decimal(1e4)],
  ["千", new Decimal(1e3)],
];
const UNIT_SCALE = new Decimal(1);
const PERCENT = new Decimal("0.01");
const PERMILLE = new Decimal("0.001");

const BASE_SYNONYMS: Record<string, string> = {
  人民币: "元",
  元人民币: "元",
  人民币元: "元",
  块: "元",
  美金: "美元",
};

/** Parses a unit text (`亿美元`, `万人次`, `%`); null when empty. */
export function parseUnit(text: string): Unit | null {
  const t = normalizeText(text);
  if (t === "") return null;
  if (t === "%") return { base: "%", scale: PERCENT, text: t };
  if (t === "‰") return { base: "%", scale: PERMILLE, text: t };
  if (t === "百分比" || t === "百分点") return { base: "%", scale: PERCENT, text: t };
  for (const [p, f] of SCALE_PREFIXES) {
    if (t.startsWith(p)) {
      const rest = t.slice(p.length);
      // 千克 / 千米 are still a scale of 克 / 米; a bare 千 / 万 / 亿 is a scale without dimension.
      return { base: BASE_SYNONYMS[rest] ?? rest, scale: f, text: t };
    }
  }
  return { base: BASE_SYNONYMS[t] ?? t, scale: UNIT_SCALE, text: t };
}

/** The value in the unit's base (3.58 亿美元 → 3.58e8; 95% → 0.95). */
export function baseValue(value: Decimal, unit: Unit | null): Decimal {
  return unit ? value.times(unit.scale) : value;
}

// ---------------------------------------------------------------- value parsing

/** Words after a date that make it a deadline (`2021年12月31日前`). */
const DATE_SUFFIXES = ["之前", "以前", "前", "止"];

const NUM = String.raw`[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[-+]?\.\d+`;
const UNIT = String.raw`[^\d\s,.~+\-]{1,8}`;
const NUMBER_RE = new RegExp(`^(${NUM})(${UNIT})?$`);
const RANGE_RE = new RegExp(`^(${NUM})(${UNIT})?(?:-|~|至|到|—|–)(${NUM})(${UNIT})?$`);

function dec(s: string): Decimal {
  return new Decimal(s.replace(/,/g, ""));
}

/**
 * R-PARSE-2: the figures of these tables (budgets in 元 up to 亿, counts, percentages,
 * weights) are plausible only below 1e15 in magnitude as written (before a unit's scale,
 * at most 1e8). A larger number (a typo, a stray 1e308) is unparseable: it would make
 * scores, rates or completions overflow. A nonzero magnitude below 1e-9 is a binary
 * floating-point residue (a formula such as =0.1+0.2-0.3 leaves 5.55e-17; 5e-324 is the
 * smallest double) and reads as 0. Within these bounds every quotient and product of the
 * rules stays finite as a double.
 */
export const PLAUSIBLE_MAX = new Decimal("1e15");
export const PLAUSIBLE_MIN = new Decimal("1e-9");
const ZERO = new Decimal(0);

/** True when `d` can be read as a figure (see `zeroResidue` for what it then reads as). */
export function plausible(d: Decimal): boolean {
  if (!d.isFinite()) return false;
  // The bound is a power of ten: comparing exponents (`e`, of the leading digit) is exact.
  return d.isZero() || d.e < PLAUSIBLE_MAX.e;
}

/** The figure a plausible number reads as: a residue below 1e-9 in magnitude becomes 0. */
export function zeroResidue(d: Decimal): Decimal {
  return d.isZero() || d.e >= PLAUSIBLE_MIN.e ? d : ZERO;
}

/** Excel's last date serial (9999-12-31). */
const MAX_DATE_SERIAL = 2958465;

function parseDateText(s: string): number | null {
  // Every written date starts with a four-digit year.
  if (!/^\d{4}/.test(s)) return null;
  let m = /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/.exec(s);
  if (!m) m = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$/.exec(s);
  if (m) return ymdToDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})年(\d{1,2})月(?:底|末)?$/.exec(s);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) return null;
    return Math.floor(Date.UTC(y, mo, 0) / DAY_MS);
  }
  m = /^(\d{4})年(?:底|末|年底|年末)$/.exec(s);
  if (m) return ymdToDay(Number(m[1]), 12, 31);
  return null;
}

/** Parses a written text (not a cell). Never throws. */
export function parseText(raw: string): ParsedValue {
  try {
    const text = raw.trim();
    const s = normalizeText(text);
    if (NULL_MARKERS.has(s) || /^[-—–/*\\]+$/.test(s) || /^(不适用|N\/?A)$/i.test(s))
      return { kind: "null", none: false };
    if (s === "无") return { kind: "null", none: true };

    // Dates (R-PARSE-6): optional 不晚于 / 截至 before, 前 / 以前 after.
    {
      let body = s;
      let op: Op | null = null;
      if (body.startsWith("不晚于")) {
        body = body.slice(3);
        op = "le";
      } else if (body.startsWith("截至") || body.startsWith("截止")) {
        body = body.slice(2);
        op = "le";
      }
      for (const suf of DATE_SUFFIXES) {
        if (body.endsWith(suf) && body.length > suf.length) {
          body = body.slice(0, -suf.length);
          op = "le";
          break;
        }
      }
      const day = parseDateText(body);
      if (day !== null) return { kind: "date", day, op };
    }

    // 控制在…以内 and other comparators.
    const { body, op } = splitComparator(s.startsWith("约") && s.length > 1 ? s.slice(1) : s);
    let m = NUMBER_RE.exec(body);
    if (m) {
      const unit = m[2] ? parseUnit(m[2]) : null;
      const value = dec(m[1]);
      if (!plausible(value)) return { kind: "error", text, outOfRange: true };
      return { kind: "number", op, value: zeroResidue(value), unit };
    }
    m = RANGE_RE.exec(body);
    if (m && op === null) {
      const rawLo = dec(m[1]);
      const rawHi = dec(m[3]);
      if (!plausible(rawLo) || !plausible(rawHi)) return { kind: "error", text, outOfRange: true };
      const lo = zeroResidue(rawLo);
      const hi = zeroResidue(rawHi);
      const u1 = m[2] ? parseUnit(m[2]) : null;
      const u2 = m[4] ? parseUnit(m[4]) : null;
      const unit = u2 ?? u1;
      if (u1 && u2 && (u1.base !== u2.base || !u1.scale.eq(u2.scale))) {
        // 1万-2万元: both sides in their own scale
        return {
          kind: "range",
          lo: baseValue(lo, u1).div(unit!.scale),
          hi,
          unit,
        };
      }
      if (lo.lte(hi)) return { kind: "range", lo, hi, unit };
      return { kind: "range", lo: hi, hi: lo, unit };
    }
    return { kind: "text", text, norm: s };
  } catch {
    return { kind: "text", text: raw, norm: normalizeText(String(raw)) };
  }
}

/** Parses a cell's value (R-PARSE). Never throws. */
export function parseValue(cell: CellInput | null): ParsedValue {
  try {
    if (!cell) return { kind: "null", none: false };
    const v = cell.value;
    if (cell.error) return { kind: "error", text: String(v) };
    if (v === null || v === undefined) return { kind: "null", none: false };
    if (v instanceof Date) {
      if (Number.isNaN(v.getTime())) return { kind: "error", text: String(v) };
      return { kind: "date", day: dateToDay(v), op: null };
    }
    if (typeof v === "boolean") return { kind: "text", text: v ? "是" : "否", norm: v ? "是" : "否" };
    if (typeof v === "number") {
      if (!Number.isFinite(v)) return { kind: "error", text: String(v), outOfRange: true };
      if (isDateFormat(cell.numFmt)) {
        if (v < 0 || v >= MAX_DATE_SERIAL + 1) return { kind: "error", text: String(v), outOfRange: true };
        return { kind: "date", day: excelSerialToDay(v), op: null };
      }
      const raw = generalDecimal(v);
      if (!plausible(raw)) return { kind: "error", text: displayText(cell) ?? String(v), outOfRange: true };
      const d = zeroResidue(raw);
      if (isPercentFormat(cell.numFmt))
        return { kind: "number", op: null, value: d, unit: { base: "%", scale: new Decimal(1), text: "" } };
      return { kind: "number", op: null, value: d, unit: null };
    }
    return parseText(String(v));
  } catch {
    return { kind: "error", text: String(cell?.value) };
  }
}

/**
 * A plain number from a cell (weights, scores, budget figures): null when empty, "invalid"
 * when not a number. A written unit (`5分`, `207万元`) is ignored; `%` divides by 100 except
 * for weights (`权重 10%` is 10 points).
 */
export function numberOf(cell: CellInput | null, isWeight = false): Decimal | null | "invalid" {
  const p = parseValue(cell);
  if (p.kind === "null") return null;
  if (p.kind === "number" && (p.op === null || p.op === "eq")) {
    if (!p.unit || p.unit.base !== "%") return p.value;
    if (!isWeight) return baseValue(p.value, p.unit);
    // weights: 10% → 10; a percent-formatted 0.1 → 10
    return p.unit.text === "" ? p.value.times(100) : p.value;
  }
  return "invalid";
}

/** Composes L2 display text: operator + value + unit (`≥800亿元`). */
export function composeDisplay(
  direction: string | null | undefined,
  value: string | null,
  unit: string | null | undefined,
): string | null {
  if (value === null) return null;
  const d = normalizeText(direction ?? "");
  const dir = parseDirection(direction);
  const op = shownComparator(d, dir);
  const v = value.trim();
  const u = (unit ?? "").trim();
  return (startsWithSymbol(v) ? "" : op) + v + (u && !v.endsWith(u) ? u : "");
}
