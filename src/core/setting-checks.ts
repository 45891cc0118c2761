/**
 * Indicator-setting checks (REPORT.md "The 问题清单"): how targets were set, for a reviewer.
 * Rules as data: each check has a code, a rule id and a test over the scored rows. They are
 * warnings only, never change a score, and run after scoring (they read its results).
 */
import Decimal from "decimal.js";
import { baseValue, normalizeText, parseText, qualitativeText, type ParsedValue } from "./parse";
import type { Field, IndicatorResult } from "./types";
import { isDraftNote } from "./write-policy";

export type SettingCode =
  | "COST_DIRECTION_POSITIVE"
  | "FUNDS_AS_QUANTITY"
  | "DUPLICATE_INDICATOR"
  | "PERCENT_TARGET_OVER_100"
  | "ALL_FULL_MARKS"
  | "DEDUCTION_WITHOUT_NOTE"
  | "SATISFACTION_100_NO_SOURCE";

/** One scored row as the checks see it: an IndicatorResult's figures plus its note. */
export interface SettingRow extends Pick<
  IndicatorResult,
  "row" | "level1" | "level2" | "name" | "target" | "actual" | "direction" | "weight" | "score"
> {
  /** The row's deviation note (null: empty); undefined when the table has no note column. */
  note?: string | null;
}

export interface SettingInput {
  rows: SettingRow[];
  /** Rows that already carry DEVIATION_NOTE_REQUIRED (their missing note is listed once, there). */
  noteRequiredRows?: readonly number[];
}

/** A finding of a check: data; the wording comes from the message catalog (`review.check.<code>`). */
export interface SettingFinding {
  code: SettingCode;
  /** The check's rule id (S-…), cited in the 问题清单's 依据. */
  rule: string;
  severity: "warning";
  /** Sheet row; null for the whole table. */
  row: number | null;
  /** Which cell of the row. */
  field: Field | null;
  params: Record<string, string | number>;
}

export interface SettingCheck {
  code: SettingCode;
  rule: string;
  run(input: SettingInput): Omit<SettingFinding, "code" | "rule" | "severity">[];
}

/** Words of a fund-payment measure, wrongly used as a 数量指标 (财预〔2021〕101号). */
export const FUND_PAYMENT_WORDS = ["资金支付", "资金拨付", "预算执行", "执行率"] as const;

/** Cost measures that are rightly “higher is better” (a saving, a reduction). */
export const COST_SAVING_WORDS = ["节约", "节省", "降低", "下降", "压减", "减少", "压缩"] as const;

/** Words that name where a satisfaction figure comes from. */
export const SATISFACTION_SOURCE_WORDS = [
  "问卷",
  "调查",
  "调研",
  "测评",
  "回访",
  "抽样",
  "抽查",
  "样本",
  "份",
  "评议",
  "座谈",
  "访谈",
  "统计",
  "来源",
  "第三方",
  "电话",
  "系统",
  "平台",
] as const;

/** Fewest rows for “every row at full marks” to say something about the table. */
const FULL_MARKS_MIN_ROWS = 3;

const has = (s: string, words: readonly string[]) => words.some((w) => s.includes(w));

/** A note nobody wrote yet: empty, or still the program's draft. */
function emptyNote(note: string | null | undefined): boolean {
  return note === undefined || note === null || note.trim() === "" || isDraftNote(note);
}

function isCost(r: SettingRow): boolean {
  return normalizeText(r.level2).includes("成本") || normalizeText(r.level1).includes("成本");
}

function parsed(text: string | null): ParsedValue | null {
  return text === null || text.trim() === "" ? null : parseText(text);
}

function isPercent(v: ParsedValue | null): v is Extract<ParsedValue, { kind: "number" }> {
  return v !== null && v.kind === "number" && v.unit !== null && v.unit.base === "%";
}

/** A percentage value as a fraction (120% → 1.2). */
function fraction(v: Extract<ParsedValue, { kind: "number" }>): Decimal {
  return baseValue(v.value, v.unit);
}

/** The actual equals the target, ignoring the target's comparator (R-PARSE-8 normalisation). */
function sameAsTarget(target: string | null, actual: string | null): boolean {
  const a = parsed(target);
  const b = parsed(actual);
  if (!a || !b || a.kind === "null" || b.kind === "null") return false;
  if (a.kind === "number" && b.kind === "number") {
    const ua = a.unit?.base ?? b.unit?.base ?? "";
    const ub = b.unit?.base ?? a.unit?.base ?? "";
    if (ua !== ub) return false;
    return baseValue(a.value, a.unit ?? b.unit).eq(baseValue(b.value, b.unit ?? a.unit));
  }
  if (a.kind === "date" && b.kind === "date") return a.day === b.day;
  return qualitativeText(target!) === qualitativeText(actual!);
}

function below(score: number | null, weight: number | null): boolean {
  return score !== null && weight !== null && new Decimal(score).lt(weight);
}

/** The checks, in the order the 问题清单 lists them. */
export const SETTING_CHECKS: readonly SettingCheck[] = [
  {
    // A ≥ (higher is better) on a cost row: cost is to be kept at or under the target.
    code: "COST_DIRECTION_POSITIVE",
    rule: "S-COST",
    run: ({ rows }) =>
      rows
        .filter(
          (r) =>
            isCost(r) &&
            r.direction === "positive" &&
            // No target: nothing was set the wrong way round (MISSING_TARGET says what is missing).
            parsed(r.target) !== null &&
            !has(normalizeText(r.name), COST_SAVING_WORDS),
        )
        .map((r) => {
          const t = parsed(r.target);
          const written = t !== null && t.kind === "number" && t.op !== null;
          return {
            row: r.row,
            field: "target" as const,
            params: { name: r.name, target: r.target ?? "", how: written ? "written" : "default" },
          };
        }),
  },
  {
    // A 数量指标 that measures paying out the money rather than an output.
    code: "FUNDS_AS_QUANTITY",
    rule: "S-FUND",
    run: ({ rows }) =>
      rows
        .filter(
          (r) => normalizeText(r.level2).includes("数量") && has(normalizeText(r.name), FUND_PAYMENT_WORDS),
        )
        .map((r) => ({
          row: r.row,
          field: "name" as const,
          params: {
            name: r.name,
            word: FUND_PAYMENT_WORDS.find((w) => normalizeText(r.name).includes(w)) ?? "",
          },
        })),
  },
  {
    // The same 三级指标 twice in one table.
    code: "DUPLICATE_INDICATOR",
    rule: "S-DUP",
    run: ({ rows }) => {
      const first = new Map<string, SettingRow>();
      const out: ReturnType<SettingCheck["run"]> = [];
      for (const r of rows) {
        const key = normalizeText(r.name);
        if (key === "") continue;
        const seen = first.get(key);
        if (seen) out.push({ row: r.row, field: "name", params: { name: r.name, firstRow: seen.row } });
        else first.set(key, r);
      }
      return out;
    },
  },
  {
    // A percentage target above 100% on a positive row: a rate cannot exceed its whole.
    code: "PERCENT_TARGET_OVER_100",
    rule: "S-PCT",
    run: ({ rows }) =>
      rows
        .filter((r) => {
          if (r.direction !== "positive") return false;
          const t = parsed(r.target);
          return isPercent(t) && fraction(t).gt(1);
        })
        .map((r) => ({
          row: r.row,
          field: "target" as const,
          params: { name: r.name, target: r.target ?? "" },
        })),
  },
  {
    // Every row at full marks and every actual equal to its target: a table filled without figures.
    code: "ALL_FULL_MARKS",
    rule: "S-FULL",
    run: ({ rows }) => {
      const weighted = rows.filter((r) => r.weight !== null && r.weight > 0);
      if (weighted.length < FULL_MARKS_MIN_ROWS) return [];
      const all = weighted.every(
        (r) => r.score !== null && new Decimal(r.score).eq(r.weight!) && sameAsTarget(r.target, r.actual),
      );
      return all ? [{ row: null, field: null, params: { rows: weighted.length } }] : [];
    },
  },
  {
    // A deduction with no reason: scored below full, no note (rows R-DEV already flags are left to it).
    code: "DEDUCTION_WITHOUT_NOTE",
    rule: "S-NOTE",
    run: ({ rows, noteRequiredRows = [] }) =>
      rows
        .filter((r) => below(r.score, r.weight) && emptyNote(r.note) && !noteRequiredRows.includes(r.row))
        .map((r) => ({
          row: r.row,
          field: r.note === undefined ? ("score" as const) : ("note" as const),
          params: {
            name: r.name,
            score: r.score!,
            weight: r.weight!,
            column: r.note === undefined ? "none" : "empty",
          },
        })),
  },
  {
    // A satisfaction of 100% (target or actual) with no figure source in the note.
    code: "SATISFACTION_100_NO_SOURCE",
    rule: "S-SAT",
    run: ({ rows }) =>
      rows
        .filter((r) => {
          if (!(normalizeText(r.level2).includes("满意度") || normalizeText(r.name).includes("满意度")))
            return false;
          const full = [r.target, r.actual].some((x) => {
            const v = parsed(x);
            return isPercent(v) && fraction(v).eq(1);
          });
          return full && (emptyNote(r.note) || !has(normalizeText(r.note ?? ""), SATISFACTION_SOURCE_WORDS));
        })
        .map((r) => ({
          row: r.row,
          field: r.note === undefined ? ("actual" as const) : ("note" as const),
          params: { name: r.name, target: r.target ?? "", actual: r.actual ?? "" },
        })),
  },
];

/** Runs every indicator-setting check over one scored table. */
export function settingChecks(input: SettingInput): SettingFinding[] {
  const out: SettingFinding[] = [];
  for (const check of SETTING_CHECKS)
    for (const f of check.run(input))
      out.push({ code: check.code, rule: check.rule, severity: "warning", ...f });
  return out;
}
