/** The scoring engine (SCORING.md §2–§7, §9 at the level of values). */
import Decimal from "decimal.js";
import {
  baseValue,
  composeDisplay,
  displayText,
  normalizeLabel,
  normalizeText,
  numberOf,
  parseDirection,
  parseUnit,
  parseValue,
  statedWeight,
  type ParsedValue,
  type Unit,
} from "./parse";
import { message, type Message } from "./messages";
import { parseWhen } from "./profile";
import { bandRange, placeQualitative, qualitativeBands, type Placement } from "./qualitative";
import type {
  BudgetInput,
  BudgetResult,
  CellInput,
  CellOrigin,
  CoreDiagnostic,
  CoreReport,
  CoreWrite,
  DiagnosticCode,
  Direction,
  Field,
  Grade,
  GradeCap,
  IndicatorResult,
  IndicatorRowInput,
  NoteRef,
  Profile,
  RuleId,
  ScoreOptions,
  ScoreSource,
  Severity,
  TableInput,
  WriteKind,
} from "./types";

/** Marker that starts every draft note; a note that still starts with it may be refreshed. */
export const DRAFT_MARK = "【待补充】";

const SEVERITY: Record<DiagnosticCode, Severity> = {
  NO_TABLE_FOUND: "error",
  UNREADABLE_FILE: "error",
  UNPARSEABLE_VALUE: "error",
  MISSING_TARGET: "warning",
  MISSING_ACTUAL: "warning",
  MISSING_WEIGHT: "warning",
  UNIT_MISMATCH: "error",
  UNIT_ASSUMED: "info",
  SCORE_EXCEEDS_WEIGHT: "error",
  SCORE_MISMATCH: "error",
  RATE_MISMATCH: "warning",
  TOTAL_MISMATCH: "error",
  TOTAL_INCOMPLETE: "warning",
  WEIGHT_SUM: "warning",
  LEVEL_WEIGHT_MISMATCH: "warning",
  QUALITATIVE_NEEDS_JUDGEMENT: "warning",
  QUALITATIVE_BAND: "warning",
  UNDER_TARGET: "warning",
  OVER_COMPLETION: "warning",
  LOW_EXECUTION: "warning",
  EXECUTION_OVER_100: "warning",
  BUDGET_MISSING: "error",
  BUDGET_DENOMINATOR: "info",
  PERF_EXEC_MISMATCH: "warning",
  DEVIATION_NOTE_REQUIRED: "warning",
  FORMULA_KEPT: "info",
  MERGES_UNKNOWN: "info",
  MULTIPLE_TABLES: "info",
  TARGET_ADJUSTED: "info",
  BUDGET_TOTAL_FROM_SUBROWS: "info",
};

/** Tolerances of R-TOTAL-5. */
const SCORE_TOL = new Decimal("0.005");
const RATE_TOL = new Decimal("0.00005");
const ZERO = new Decimal(0);
const ONE = new Decimal(1);
const HUNDRED = new Decimal(100);

const GRADE_RANK: Record<Grade, number> = { 优: 0, 良: 1, 中: 2, 差: 3 };

// ---------------------------------------------------------------- small helpers

class Ctx {
  readonly diagnostics: CoreDiagnostic[] = [];
  readonly writes: CoreWrite[] = [];
  constructor(
    readonly profile: Profile,
    readonly recomputeAll: boolean,
  ) {}

  diag(
    code: DiagnosticCode,
    row: number | null,
    field: Field | null,
    message: Message,
    noteId?: string,
  ): void {
    const d: CoreDiagnostic = { code, severity: SEVERITY[code], row, field, message };
    if (noteId !== undefined) d.noteId = noteId;
    this.diagnostics.push(d);
  }

  /** R-ROUND: half-up to `profile.decimals`. */
  round(d: Decimal): Decimal {
    return d.toDecimalPlaces(this.profile.decimals, Decimal.ROUND_HALF_UP);
  }

  /** A figure for a message: rounded per profile, without trailing zeros. */
  fmt(d: Decimal | number): string {
    return this.round(new Decimal(d)).toString();
  }
}

function pct(d: Decimal): string {
  return d.times(100).toFixed(2, Decimal.ROUND_HALF_UP) + "%";
}

function pctShort(d: Decimal): string {
  return d.times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toString() + "%";
}

function rate4(d: Decimal): Decimal {
  return d.toDecimalPlaces(4, Decimal.ROUND_HALF_UP);
}

/** R-PARSE-2: why a cell's number was not read: out of the plausible range, else `otherwise`. */
function reason(
  c: CellInput | null,
  otherwise: "core.reason.unreadable" | "core.reason.notNumber" | "core.reason.notNumeric",
): Message {
  const p = parseValue(c);
  return message(p.kind === "error" && p.outOfRange ? "core.reason.outOfRange" : otherwise);
}

/** A day (days since 1970-01-01) as a message, worded per locale. */
function dayMessage(day: number): Message {
  const d = new Date(day * 86400000);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const dd = d.getUTCDate();
  return message("core.date", {
    y,
    m,
    d: dd,
    mm: String(m).padStart(2, "0"),
    dd: String(dd).padStart(2, "0"),
  });
}

function clamp(s: Decimal, w: Decimal): Decimal {
  return Decimal.max(ZERO, Decimal.min(s, w));
}

function cellValue(c: CellInput | null): CellInput["value"] {
  return c ? c.value : null;
}

/** A rate read from a cell: a percent-formatted number, `82.46%`, or a bare number (>2 means percentage points). */
function rateOf(c: CellInput | null): Decimal | null | "invalid" {
  const p = parseValue(c);
  if (p.kind === "null") return null;
  if (p.kind !== "number") return "invalid";
  if (p.unit) return p.unit.base === "%" ? baseValue(p.value, p.unit) : "invalid";
  return p.value.gt(2) ? p.value.div(100) : p.value;
}

function sameValue(current: CellInput | null, after: number | string): boolean {
  const v = cellValue(current);
  if (v === null || v === undefined) return false;
  if (typeof after === "string") return typeof v === "string" && v === after;
  if (typeof v === "number") return new Decimal(v).eq(after);
  if (typeof v === "string") {
    const n = numberOf(current);
    return n instanceof Decimal && n.eq(after) && /^\s*[-+]?\d+(\.\d+)?\s*$/.test(v);
  }
  return false;
}

/**
 * R-WRITE-2/3: decides what a score-like cell will hold. `value` is what the rule wants
 * (already rounded for writing). Returns the effective origin and whether a write is planned.
 */
function settle(
  ctx: Ctx,
  cell: CellInput | null,
  origin: CellOrigin,
  value: Decimal | string | null,
  where: { row: number; field: Field; kind: WriteKind; label: Message; allowReplacePerson: boolean },
): "written" | "kept-person" | "kept-formula" | "none" | "no-cell" {
  if (cell === null) return "no-cell";
  const isEmpty = origin === "empty" || cell.value === null || cell.value === "";
  if (value === null)
    return isEmpty ? "none" : origin === "formula" || cell.formula ? "kept-formula" : "kept-person";
  const after = typeof value === "string" ? value : value.toNumber();
  if (cell.formula || origin === "formula") {
    if (!sameValue(cell, after))
      ctx.diag(
        "FORMULA_KEPT",
        where.row,
        where.field,
        message("core.formulaKept", {
          cell: where.label,
          value: typeof value === "string" ? value : value.toString(),
        }),
      );
    return "kept-formula";
  }
  const writable =
    isEmpty || origin === "program" || (origin === "person" && ctx.recomputeAll && where.allowReplacePerson);
  if (!writable) return "kept-person";
  if (!sameValue(cell, after))
    ctx.writes.push({
      row: where.row,
      field: where.field,
      before: isEmpty ? null : cell.value,
      after,
      kind: where.kind,
    });
  return "written";
}

// ---------------------------------------------------------------- R-TEXT

type TextRule = RuleId | "judgement" | null;

/** Rules read from scoring-rule texts, by text (bounded). */
const TEXT_RULES = new Map<string, TextRule>();

/** R-TEXT: the rule named in a scoring-rule column; the first match in the spec's list wins. */
export function ruleFromText(text: string | null | undefined): TextRule {
  if (!text) return null;
  // A scoring-rule column usually repeats a few texts down the table: each is read once.
  const known = TEXT_RULES.get(text);
  if (known !== undefined) return known;
  const rule = readRuleText(text);
  if (TEXT_RULES.size >= 1024) TEXT_RULES.clear();
  TEXT_RULES.set(text, rule);
  return rule;
}

function readRuleText(text: string): TextRule {
  const t = normalizeText(text).replace(/[×xX]/g, "*");
  if (/每有一项不符|各扣.{0,6}分|扣除相应权重分/.test(t)) return "judgement";
  if (/达到目标值为满分[,，;；]?否则不得分|低于目标值得满分[,，;；]?否则不得分|否则不得分/.test(t))
    return "R-BIN";
  if (/得分=实际达标率\*分值/.test(t)) return "R-RATE";
  if (/超过标准分以标准分计分|按.{0,12}比例计分|完成值\/计划值/.test(t)) return "R-POS";
  return null;
}

/** R-DIR: a direction column's text (指标性质 / 计算符号). */
export function directionFromColumn(text: string | null | undefined): Direction | null {
  const d = parseDirection(text);
  return d === "unknown" ? null : d;
}

// ---------------------------------------------------------------- units

interface Resolved {
  A: Decimal;
  B: Decimal;
  hi: Decimal | null;
  /** Text of the unit the bare side was given (UNIT_ASSUMED), or null. */
  assumed: { side: "target" | "actual"; unit: string } | null;
  mismatch: { t: string; a: string } | null;
}

function unitLabel(u: Unit): string {
  return u.base === "%" ? "%" : u.text;
}

/** R-PARSE-3: brings target and actual to the same base unit. */
function resolveUnits(
  tVal: Decimal,
  tHi: Decimal | null,
  tUnit0: Unit | null,
  bVal: Decimal,
  aUnit0: Unit | null,
  unitCol: Unit | null,
): Resolved {
  let tu = tUnit0 ?? unitCol;
  let au = aUnit0 ?? unitCol;
  let assumed: Resolved["assumed"] = null;
  if (tu && !au) {
    if (tu.base === "%") au = { base: "%", scale: bVal.abs().lte(1) ? ONE : new Decimal("0.01"), text: "" };
    else au = tu;
    assumed = { side: "actual", unit: unitLabel(tu) };
  } else if (au && !tu) {
    if (au.base === "%") tu = { base: "%", scale: tVal.abs().lte(1) ? ONE : new Decimal("0.01"), text: "" };
    else tu = au;
    assumed = { side: "target", unit: unitLabel(au) };
  }
  if (tu && au && tu.base !== au.base && tu.base !== "" && au.base !== "") {
    return { A: tVal, B: bVal, hi: tHi, assumed: null, mismatch: { t: unitLabel(tu), a: unitLabel(au) } };
  }
  return {
    A: baseValue(tVal, tu),
    B: baseValue(bVal, au),
    hi: tHi === null ? null : baseValue(tHi, tu),
    assumed,
    mismatch: null,
  };
}

// ---------------------------------------------------------------- rows

interface RowEval {
  input: IndicatorRowInput;
  result: IndicatorResult;
  weight: Decimal | null;
  /** Unrounded effective score (round-of-sum). */
  exact: Decimal | null;
  /** Score as the cell will hold it (sum-of-rounded). */
  written: Decimal | null;
  under: boolean;
  over: boolean;
  /** Facts for a draft note (`名称：年度指标值…，…。`). */
  facts: string | null;
}

interface RuleOutcome {
  direction: Direction | null;
  rule: RuleId | null;
  /** Unrounded rule score, or null. */
  score: Decimal | null;
  proposed: boolean;
  completion: Decimal | null;
  shortfall: boolean;
  over: boolean;
  placement: Placement;
  judgement: boolean;
  facts: string | null;
}

function numericOf(p: ParsedValue): { v: Decimal; hi: Decimal | null; unit: Unit | null } | null {
  if (p.kind === "number") return { v: p.value, hi: null, unit: p.unit };
  if (p.kind === "range") return { v: p.lo, hi: p.hi, unit: p.unit };
  return null;
}

function evaluateRule(
  ctx: Ctx,
  row: IndicatorRowInput,
  name: string,
  w: Decimal | null,
  tP: ParsedValue,
  aP: ParsedValue,
  tText: string | null,
  aText: string | null,
): RuleOutcome {
  const out: RuleOutcome = {
    direction: null,
    rule: null,
    score: null,
    proposed: false,
    completion: null,
    shortfall: false,
    over: false,
    placement: null,
    judgement: false,
    facts: null,
  };
  const textRule = ruleFromText(row.ruleText);
  const isJudgement =
    (row.target === null && row.actual === null) || (textRule === "judgement" && !row.override?.rule);
  if (isJudgement) {
    out.judgement = true;
    return out;
  }

  // R-DIR
  const colDir = directionFromColumn(row.direction);
  let direction: Direction;
  if (tP.kind === "text" || (colDir === "qualitative" && tP.kind !== "null")) direction = "qualitative";
  else if (tP.kind === "date") direction = "date";
  else if (row.override?.direction) direction = row.override.direction;
  else if (colDir) direction = colDir;
  else if (tP.kind === "range") direction = "range";
  else if (tP.kind === "number" && tP.op)
    direction = tP.op === "ge" || tP.op === "gt" ? "positive" : tP.op === "eq" ? "equal" : "reverse";
  else direction = "positive";
  if (row.override?.direction === "qualitative") direction = "qualitative";
  out.direction = direction;

  // Rule choice: override, R-TEXT, then the direction's own rule.
  const defaultRule: RuleId =
    direction === "reverse"
      ? "R-REV"
      : direction === "equal"
        ? "R-EQ"
        : direction === "date"
          ? "R-DATE"
          : direction === "qualitative"
            ? "R-QUAL"
            : "R-POS";
  let rule: RuleId = row.override?.rule ?? (textRule && textRule !== "judgement" ? textRule : defaultRule);
  if (direction === "qualitative" && rule !== "R-BIN") rule = "R-QUAL";
  if (direction === "date" && (rule === "R-RATE" || rule === "R-POS" || rule === "R-REV" || rule === "R-EQ"))
    rule = "R-DATE";
  out.rule = rule;

  if (tP.kind === "error") {
    ctx.diag(
      "UNPARSEABLE_VALUE",
      row.row,
      "target",
      message("core.target.unreadable", {
        name,
        text: tText ?? "",
        reason: reason(row.target, "core.reason.unreadable"),
      }),
    );
    return out;
  }
  if (tP.kind === "null") {
    ctx.diag("MISSING_TARGET", row.row, "target", message("core.target.missing", { name }));
    return out;
  }

  // Qualitative (R-QUAL, R-LADDER).
  if (direction === "qualitative") {
    if (aP.kind === "null" || aText === null) {
      ctx.diag("MISSING_ACTUAL", row.row, "actual", message("core.actual.missing", { name }));
      return out;
    }
    const placement = placeQualitative(tText ?? "", aText, ctx.profile);
    out.placement = placement;
    const achieved =
      placement !== null &&
      (placement.kind === "identical" || (placement.kind === "ladder" && placement.below === 0));
    const below =
      placement !== null &&
      (placement.kind === "negation" || (placement.kind === "ladder" && placement.below > 0));
    out.shortfall = below;
    if (w && achieved) {
      out.score = w;
      out.proposed = rule === "R-QUAL";
    } else if (w && below && rule === "R-BIN") {
      out.score = ZERO;
    }
    out.facts = `${name}：年度指标值“${tText}”，实际“${aText}”，未完全达成年度指标。`;
    return out;
  }

  // Dates (R-DATE).
  if (direction === "date") {
    if (tP.kind !== "date") {
      ctx.diag(
        "UNPARSEABLE_VALUE",
        row.row,
        "target",
        message("core.target.notDate", { name, text: tText ?? "" }),
      );
      return out;
    }
    if (aP.kind === "null") {
      ctx.diag("MISSING_ACTUAL", row.row, "actual", message("core.actual.missing", { name }));
      return out;
    }
    if (aP.kind !== "date") {
      if (aP.kind === "text")
        ctx.diag(
          "QUALITATIVE_NEEDS_JUDGEMENT",
          row.row,
          "score",
          message("core.actual.textForDate", { name, text: aText ?? "", date: dayMessage(tP.day) }),
        );
      else
        ctx.diag(
          "UNPARSEABLE_VALUE",
          row.row,
          "actual",
          message("core.actual.notDate", { name, text: aText ?? "" }),
        );
      return out;
    }
    const met = aP.day <= tP.day;
    out.shortfall = !met;
    if (w) out.score = met ? w : ZERO;
    if (!met) out.facts = `${name}：年度指标值${tText}，实际完成值${aText}，晚于目标时间。`;
    return out;
  }

  // Numbers and ranges.
  const t = numericOf(tP)!;
  let bNum: { v: Decimal; unit: Unit | null } | null = null;
  if (aP.kind === "number") bNum = { v: aP.value, unit: aP.unit };
  else if (aP.kind === "range") bNum = { v: aP.lo, unit: aP.unit };
  else if (aP.kind === "null" && aP.none && t.v.isZero()) bNum = { v: ZERO, unit: t.unit };
  if (!bNum) {
    if (aP.kind === "null")
      ctx.diag("MISSING_ACTUAL", row.row, "actual", message("core.actual.missingForScore", { name }));
    else
      ctx.diag(
        "UNPARSEABLE_VALUE",
        row.row,
        "actual",
        message("core.actual.notNumber", {
          name,
          text: aText ?? "",
          reason: reason(row.actual, "core.reason.notNumeric"),
          target: tText ?? "",
        }),
      );
    return out;
  }
  const unitCol = row.unit ? parseUnit(row.unit) : null;
  const r = resolveUnits(t.v, t.hi, t.unit, bNum.v, bNum.unit, unitCol);
  if (r.mismatch) {
    ctx.diag(
      "UNIT_MISMATCH",
      row.row,
      "actual",
      message("core.unit.mismatch", { name, targetUnit: r.mismatch.t, actualUnit: r.mismatch.a }),
    );
    return out;
  }
  if (r.assumed && !(aP.kind === "null")) {
    const side =
      r.assumed.side === "actual"
        ? message("core.side.actual", { text: String(aText) })
        : message("core.side.target", { text: String(tText) });
    ctx.diag(
      "UNIT_ASSUMED",
      row.row,
      r.assumed.side,
      message("core.unit.assumed", { name, side, unit: r.assumed.unit }),
    );
  }
  const A = r.A;
  const B = Decimal.max(r.B, ZERO); // R-CAP: negative actuals count as 0
  const k = new Decimal(ctx.profile.overCompletionFactor);

  // Completion.
  if ((direction === "positive" || direction === "equal") && A.gt(0)) out.completion = B.div(A);
  else if (direction === "range" && A.gt(0)) out.completion = B.div(A);
  else if (direction === "reverse" && B.gt(0)) out.completion = A.div(B);

  // Shortfall and over-completion (R-DEV).
  if (direction === "reverse") out.shortfall = B.gt(A);
  else if (direction === "equal" && A.isZero()) out.shortfall = B.gt(0);
  else out.shortfall = B.lt(A);
  if (direction === "positive" || direction === "equal") out.over = A.gt(0) && B.gte(k.times(A));
  if (direction === "range") out.over = r.hi !== null && r.hi.gt(0) && B.gte(k.times(r.hi));

  if (w) {
    const met =
      direction === "reverse" ? B.lte(A) : direction === "equal" && A.isZero() ? B.lte(0) : B.gte(A);
    let s: Decimal;
    switch (rule) {
      case "R-BIN":
        s = met ? w : ZERO;
        break;
      case "R-RATE": {
        let frac: Decimal;
        if (r.assumed === null && (bNum.unit?.base === "%" || unitCol?.base === "%")) frac = B;
        else if (bNum.unit === null && !unitCol && r.B.lte(1)) frac = B;
        else frac = A.gt(0) ? B.div(A) : ONE;
        s = w.times(Decimal.min(frac, ONE));
        break;
      }
      case "R-REV":
        if (B.lte(A)) s = w;
        else if (A.lte(0)) s = ZERO;
        else if (ctx.profile.reverseMode === "binary") s = ZERO;
        else if (ctx.profile.reverseMode === "linear")
          s = w.times(Decimal.max(ZERO, ONE.minus(B.minus(A).div(A))));
        else s = w.times(A).div(B);
        break;
      case "R-EQ":
        if (A.isZero()) s = B.lte(0) ? w : ZERO;
        else s = B.gte(A) ? w : A.gt(0) ? w.times(B).div(A) : w;
        break;
      default:
        // R-POS (also ranges, against lo)
        if (A.gt(0)) s = B.gte(A) ? w : w.times(B).div(A);
        else s = B.gte(A) ? w : ZERO;
    }
    out.score = clamp(s, w);
  }

  if (direction === "reverse" && out.shortfall)
    out.facts = `${name}：年度指标值${tText}，实际${aText}，${A.gt(0) ? `超出指标值${pct(B.minus(A).div(A))}` : "超出指标值"}。`;
  else if (out.shortfall)
    out.facts = `${name}：年度指标值${tText}，实际完成值${aText}，${out.completion ? `完成率${pct(out.completion)}，` : ""}未完成年度目标。`;
  else if (out.over)
    out.facts = `${name}：年度指标值${tText}，实际完成值${aText}，${out.completion ? `完成率${pct(out.completion)}，` : ""}大幅超过年度指标值，请分析指标值设置是否偏低。`;
  return out;
}

function evaluateRow(ctx: Ctx, row: IndicatorRowInput, layout: TableInput["layout"]): RowEval | null {
  const tP = parseValue(row.target);
  const aP = parseValue(row.actual);
  const wN = numberOf(row.weight, true);
  const name = normalizeLabel(row.name);

  // R-PARSE-7: target and weight both null → not applicable, skipped silently.
  if ((tP.kind === "null" || row.target === null) && wN === null) return null;

  const l2 = row.direction != null || (row.unit != null && row.unit !== "");
  const tText = l2
    ? composeDisplay(row.direction, displayText(row.target), row.unit)
    : displayText(row.target);
  const aRaw = displayText(row.actual);
  const unitText = (row.unit ?? "").trim();
  const aText =
    l2 && aRaw !== null && unitText && aP.kind === "number" && !aP.unit && !aRaw.trim().endsWith(unitText)
      ? aRaw.trim() + unitText
      : aRaw;

  const flagsBefore = ctx.diagnostics.length;
  let w: Decimal | null = null;
  if (wN === "invalid") {
    ctx.diag(
      "UNPARSEABLE_VALUE",
      row.row,
      "weight",
      message("core.weight.unreadable", {
        name,
        text: displayText(row.weight) ?? "",
        reason: reason(row.weight, "core.reason.notNumber"),
      }),
    );
  } else if (wN === null) {
    ctx.diag("MISSING_WEIGHT", row.row, "weight", message("core.weight.missing", { name }));
  } else {
    w = wN;
  }

  const o = evaluateRule(ctx, row, name, w, tP, aP, tText, aText);
  const ruleRounded = o.score ? ctx.round(o.score) : null;

  // The score cell (R-WRITE-2/3).
  const current = numberOf(row.score);
  const label = message("core.cell.rowScore", { name });
  const settled = settle(ctx, row.score, row.scoreOrigin, ruleRounded, {
    row: row.row,
    field: "score",
    kind: "score",
    label,
    allowReplacePerson: !o.proposed,
  });
  let exact: Decimal | null = null;
  let written: Decimal | null = null;
  let source: ScoreSource = "none";
  if (settled === "written" || settled === "no-cell") {
    exact = o.score;
    written = ruleRounded;
    source = o.score ? (o.proposed ? "proposed" : "computed") : "none";
  } else if (settled === "kept-person" || settled === "kept-formula") {
    source = settled === "kept-person" ? "person" : "formula";
    if (current === "invalid") {
      ctx.diag(
        "UNPARSEABLE_VALUE",
        row.row,
        "score",
        message("core.score.unreadable", {
          name,
          text: displayText(row.score) ?? "",
          reason: reason(row.score, "core.reason.notNumber"),
        }),
      );
      source = "none";
    } else if (current !== null) {
      exact = current;
      written = current;
    } else source = "none";
  }

  // Checks of a kept score.
  if ((settled === "kept-person" || settled === "kept-formula") && written) {
    if (w && written.gt(w))
      ctx.diag(
        "SCORE_EXCEEDS_WEIGHT",
        row.row,
        "score",
        message("core.score.overWeight", { name, score: written.toString(), weight: w.toString() }),
      );
    if (written.lt(0))
      ctx.diag(
        "SCORE_EXCEEDS_WEIGHT",
        row.row,
        "score",
        message("core.score.negative", { name, score: written.toString() }),
      );
    if (o.direction === "qualitative" && w) {
      const range = bandRange(o.placement, w, ctx.profile);
      if (range && (written.lt(range[0]) || written.gt(range[1])))
        ctx.diag(
          "QUALITATIVE_BAND",
          row.row,
          "score",
          message("core.qual.band", {
            name,
            actual: String(aText),
            target: String(tText),
            lo: ctx.fmt(range[0]),
            hi: ctx.fmt(range[1]),
            score: written.toString(),
          }),
        );
    } else if (ruleRounded && !o.proposed && written.minus(ruleRounded).abs().gte(SCORE_TOL)) {
      ctx.diag(
        "SCORE_MISMATCH",
        row.row,
        "score",
        message("core.score.mismatch", { name, score: written.toString(), rule: ruleRounded.toString() }),
      );
    }
  }

  // Rows still waiting for a score.
  if (written === null && w) {
    if (o.judgement && row.target === null && row.actual === null)
      ctx.diag(
        "QUALITATIVE_NEEDS_JUDGEMENT",
        row.row,
        "score",
        message("core.judgement.byPerson", { name, weight: w.toString() }),
      );
    else if (o.direction === "qualitative" && aP.kind !== "null") {
      const b = qualitativeBands(w.toNumber(), ctx.profile);
      ctx.diag(
        "QUALITATIVE_NEEDS_JUDGEMENT",
        row.row,
        "score",
        message("core.judgement.qualitative", {
          name,
          actual: String(aText),
          target: String(tText),
          a0: b.achieved[0],
          a1: b.achieved[1],
          p0: b.partial[0],
          p1: b.partial[1],
          n0: b.notAchieved[0],
          n1: b.notAchieved[1],
        }),
      );
    } else if (o.judgement && row.target !== null && o.direction === null)
      ctx.diag(
        "QUALITATIVE_NEEDS_JUDGEMENT",
        row.row,
        "score",
        message("core.judgement.byRuleText", { name, weight: w.toString() }),
      );
  }

  // R-DEV: UNDER_TARGET (rows with a target; not L3 judgement rows).
  const hasTarget = row.target !== null && layout !== "L3";
  const scoreShort = written !== null && w !== null && written.lt(w);
  const under = hasTarget && w !== null && (o.shortfall || scoreShort);
  let facts = o.facts;
  if (under) {
    if (!o.shortfall || !facts) {
      facts = `${name}：年度指标值${tText ?? ""}，实际完成值${aText ?? ""}，得分${written ? written.toString() : ""}低于分值${w!.toString()}。`;
    }
    const msg =
      o.completion && o.direction !== "qualitative"
        ? message(o.direction === "reverse" ? "core.under.reverseRate" : "core.under.rate", {
            name,
            completion: pctShort(o.completion),
          })
        : o.direction === "qualitative"
          ? message("core.under.qualitative", { name, actual: aText ?? "", target: tText ?? "" })
          : o.shortfall
            ? message(o.direction === "date" ? "core.under.late" : "core.under.short", { name })
            : message("core.under.lowScore", {
                name,
                score: String(written?.toString()),
                weight: w!.toString(),
              });
    ctx.diag("UNDER_TARGET", row.row, "score", msg);
  }
  if (o.over) {
    ctx.diag(
      "OVER_COMPLETION",
      row.row,
      "actual",
      o.completion
        ? message("core.over.withRate", {
            name,
            actual: String(aText),
            completion: pctShort(o.completion),
            target: String(tText),
          })
        : message("core.over.plain", { name, actual: String(aText), target: String(tText) }),
    );
  }

  const flags = ctx.diagnostics
    .slice(flagsBefore)
    .filter((d) => d.row === row.row)
    .map((d) => d.code);
  const result: IndicatorResult = {
    row: row.row,
    level1: normalizeLabel(row.level1),
    level2: normalizeLabel(row.level2),
    name,
    target: tText,
    actual: aText,
    direction: o.judgement && o.direction === null ? null : o.direction,
    rule: o.judgement ? null : o.rule,
    weight: w ? w.toNumber() : null,
    score: written ? written.toNumber() : null,
    scoreSource: source,
    ruleScore: o.judgement
      ? null
      : o.direction === "qualitative"
        ? o.proposed && ruleRounded
          ? ruleRounded.toNumber()
          : null
        : ruleRounded
          ? ruleRounded.toNumber()
          : null,
    completion: o.completion ? rate4(o.completion).toNumber() : null,
    flags: [...new Set(flags)],
    bands: o.direction === "qualitative" && w ? qualitativeBands(w.toNumber(), ctx.profile) : null,
  };
  return { input: row, result, weight: w, exact, written, under, over: o.over, facts };
}

// ---------------------------------------------------------------- notes (R-DEV drafts)

/** A note the program drafted (it starts with `DRAFT_MARK`, SCORING.md §6): only these are ever refreshed. */
export function isDraftNote(text: string | null): boolean {
  return text !== null && text.trimStart().startsWith(DRAFT_MARK);
}

function isBlank(text: string | null): boolean {
  return text === null || text.trim() === "";
}

/** The draft of a note covering `rows` (one row, or every row of a merged note block). */
function draftText(rows: RowEval[]): string {
  return `${DRAFT_MARK}${rows.map((r) => r.facts ?? `${r.result.name}：未完成年度目标。`).join("")}偏差原因：；改进措施：`;
}

function draftNotes(ctx: Ctx, rows: RowEval[]): void {
  const needing = rows.filter((r) => r.under || (r.over && ctx.profile.overCompletionNoteRequired));
  // First row of each note cell, computed once (a note merged over several rows is written on its first).
  const firstRow = new Map<string, number>();
  for (const r of rows) {
    const id = r.input.note?.id;
    if (id === undefined) continue;
    const seen = firstRow.get(id);
    if (seen === undefined || r.input.row < seen) firstRow.set(id, r.input.row);
  }
  const groups = new Map<string, { note: NoteRef; rows: RowEval[] }>();
  for (const r of needing) {
    const note = r.input.note ?? null;
    if (!note) {
      r.result.draftNote = draftText([r]);
      ctx.diag(
        "DEVIATION_NOTE_REQUIRED",
        r.input.row,
        null,
        message("core.note.noCell", { name: r.result.name }),
      );
      r.result.flags.push("DEVIATION_NOTE_REQUIRED");
      continue;
    }
    const g = groups.get(note.id) ?? { note, rows: [] };
    g.rows.push(r);
    groups.set(note.id, g);
  }
  for (const { note, rows: gRows } of groups.values()) {
    const personal = !isBlank(note.text) && !isDraftNote(note.text);
    if (personal || note.formula) continue;
    const draft = draftText(gRows);
    const first = firstRow.get(note.id) ?? gRows[0].input.row;
    if (note.text !== draft)
      ctx.writes.push({
        row: first,
        field: "note",
        noteId: note.id,
        before: note.text,
        after: draft,
        kind: "note",
      });
    for (const r of gRows) {
      ctx.diag(
        "DEVIATION_NOTE_REQUIRED",
        r.input.row,
        "note",
        message(isBlank(note.text) ? "core.note.empty" : "core.note.draft", { name: r.result.name }),
        note.id,
      );
      r.result.flags.push("DEVIATION_NOTE_REQUIRED");
    }
  }
}

// ---------------------------------------------------------------- budget (R-BUDGET)

const DENOMINATOR_KEY = { 全年预算数: "budget", 调整后预算数: "adjusted", 年初预算数: "planned" } as const;
type DenName = keyof typeof DENOMINATOR_KEY;

interface BudgetEval {
  result: BudgetResult;
  rate: Decimal | null;
  exact: Decimal | null;
  written: Decimal | null;
  weight: Decimal | null;
}

function num(c: CellInput | null): Decimal | null {
  const n = numberOf(c);
  return n instanceof Decimal ? n : null;
}

function evaluateBudget(ctx: Ctx, b: BudgetInput): BudgetEval {
  const total = b.total;
  const result: BudgetResult = {
    row: total ? total.row : null,
    planned: null,
    budget: null,
    executed: null,
    rate: null,
    weight: null,
    score: null,
    scoreSource: "none",
    denominator: null,
    subRows: [],
  };
  const ev: BudgetEval = { result, rate: null, exact: null, written: null, weight: null };
  const pref = ctx.profile.budgetDenominator;
  let den: DenName | null = null;
  if (b.columns[DENOMINATOR_KEY[pref]]) den = pref;
  else {
    den =
      (["调整后预算数", "全年预算数", "年初预算数"] as DenName[]).find(
        (d) => b.columns[DENOMINATOR_KEY[d]],
      ) ?? null;
    if (den)
      ctx.diag(
        "BUDGET_DENOMINATOR",
        total ? total.row : null,
        total ? "budgetDenominator" : null,
        message("core.budget.denominator", { preferred: pref, used: den }),
      );
  }
  result.denominator = den;
  if (!total) {
    ctx.diag("BUDGET_MISSING", null, null, message("core.budget.noTotalRow"));
    return ev;
  }
  result.planned = num(total.planned)?.toNumber() ?? null;
  result.executed = num(total.executed)?.toNumber() ?? null;
  const denCell = (r: typeof total | BudgetInput["subRows"][number]): CellInput | null =>
    den === null ? null : r[DENOMINATOR_KEY[den]];
  const d = num(denCell(total));
  const e = num(total.executed);
  result.budget = d?.toNumber() ?? null;
  // R-PARSE-2: an unreadable budget figure is named, not taken for an empty one.
  const badDen = numberOf(denCell(total)) === "invalid";
  const badExec = numberOf(total.executed) === "invalid";
  const rowLabel = total.label || "年度资金总额";
  for (const [bad, c, field, what] of [
    [badDen, denCell(total), "budgetDenominator", den ?? message("core.column.budget")],
    [badExec, total.executed, "budgetExecuted", message("core.column.executed")],
  ] as const)
    if (bad)
      ctx.diag(
        "UNPARSEABLE_VALUE",
        total.row,
        field,
        message("core.budget.unreadable", {
          label: rowLabel,
          column: what,
          text: displayText(c) ?? "",
          reason: reason(c, "core.reason.notNumber"),
        }),
      );
  const wCell = numberOf(total.weight);
  const w = wCell instanceof Decimal ? wCell : new Decimal(ctx.profile.budgetWeightDefault);
  result.weight = w.toNumber();
  ev.weight = w;

  if (!d || d.isZero() || !e) {
    ctx.diag(
      "BUDGET_MISSING",
      total.row,
      "budgetDenominator",
      badDen || badExec
        ? message("core.budget.missing.unreadable", {
            label: rowLabel,
            column: badDen ? (den ?? message("core.column.budget")) : message("core.column.executed"),
          })
        : !d || d.isZero()
          ? message("core.budget.missing.empty", {
              label: rowLabel,
              column: den ?? message("core.column.budget"),
            })
          : message("core.budget.missing.executed", { label: rowLabel }),
    );
  } else {
    const rate = Decimal.max(e, ZERO).div(d);
    ev.rate = rate;
    result.rate = rate4(rate).toNumber();
    checkRate(ctx, total.row, total.rate, total.rateOrigin, rate, total.label);
    if (rate.gt(1))
      ctx.diag(
        "EXECUTION_OVER_100",
        total.row,
        "budgetRate",
        message("core.budget.over100", { rate: pct(rate) }),
      );
    const score = w.times(Decimal.min(rate, ONE));
    const rounded = ctx.round(score);
    const current = numberOf(total.score);
    const st = settle(ctx, total.score, total.scoreOrigin, rounded, {
      row: total.row,
      field: "budgetScore",
      kind: "score",
      label: message("core.cell.budgetScore"),
      allowReplacePerson: true,
    });
    if (st === "written" || st === "no-cell") {
      ev.exact = score;
      ev.written = rounded;
      result.scoreSource = "computed";
    } else if (current instanceof Decimal) {
      ev.exact = current;
      ev.written = current;
      result.scoreSource = st === "kept-formula" ? "formula" : "person";
      if (current.minus(rounded).abs().gte(SCORE_TOL))
        ctx.diag(
          "SCORE_MISMATCH",
          total.row,
          "budgetScore",
          message("core.budget.scoreMismatch", {
            score: current.toString(),
            rate: pct(rate),
            rule: rounded.toString(),
          }),
        );
      if (current.gt(w))
        ctx.diag(
          "SCORE_EXCEEDS_WEIGHT",
          total.row,
          "budgetScore",
          message("core.budget.scoreOverWeight", { score: current.toString(), weight: w.toString() }),
        );
    }
    result.score = ev.written ? ev.written.toNumber() : null;

    // R-DEV: LOW_EXECUTION, with a reason draft where the block has a reason column.
    const threshold = new Decimal(ctx.profile.lowExecutionThreshold);
    if (rate.lt(threshold)) {
      ctx.diag(
        "LOW_EXECUTION",
        total.row,
        "budgetRate",
        message("core.budget.low", { rate: pct(rate), threshold: pctShort(threshold) }),
      );
      const reason = total.reason;
      if (reason && !reason.formula && (isBlank(reason.text) || isDraftNote(reason.text))) {
        const draft = `${DRAFT_MARK}预算执行率${pct(rate)}，低于${pctShort(threshold)}。原因：；改进措施：`;
        if (reason.text !== draft)
          ctx.writes.push({
            row: total.row,
            field: "budgetReason",
            noteId: reason.id,
            before: reason.text,
            after: draft,
            kind: "note",
          });
        ctx.diag(
          "DEVIATION_NOTE_REQUIRED",
          total.row,
          "budgetReason",
          message("core.budget.noteRequired", { threshold: pctShort(threshold) }),
          reason.id,
        );
      }
    }
  }

  for (const sr of b.subRows) {
    const sd = num(denCell(sr));
    const se = num(sr.executed);
    let r: Decimal | null = null;
    if (sd && !sd.isZero() && se) {
      r = Decimal.max(se, ZERO).div(sd);
      checkRate(ctx, sr.row, sr.rate, sr.rateOrigin, r, sr.label);
    }
    result.subRows.push({ row: sr.row, label: sr.label, rate: r ? rate4(r).toNumber() : null });
  }
  return ev;
}

function checkRate(
  ctx: Ctx,
  row: number,
  cell: CellInput | null,
  origin: CellOrigin,
  rate: Decimal,
  label: string,
): void {
  const r4 = rate4(rate);
  const st = settle(ctx, cell, origin, r4, {
    row,
    field: "budgetRate",
    kind: "rate",
    label: message("core.cell.rate", { label }),
    allowReplacePerson: true,
  });
  if (st === "kept-person" || st === "kept-formula") {
    const cur = rateOf(cell);
    if (cur instanceof Decimal && cur.minus(rate).abs().gte(RATE_TOL))
      ctx.diag(
        "RATE_MISMATCH",
        row,
        "budgetRate",
        message("core.budget.rateMismatch", { label, written: pct(cur), rate: pct(rate) }),
      );
  }
}

// ---------------------------------------------------------------- totals, levels, grade

function checkLevels(ctx: Ctx, rows: RowEval[]): void {
  interface Group {
    label: string;
    stated: number | null;
    sum: Decimal;
    first: number;
    /** The last label text read for a stated weight (rows of one merged cell repeat it). */
    read: string | null;
  }
  const groups = new Map<string, Group>();
  const add = (key: string, raw: string, r: RowEval): void => {
    let g = groups.get(key);
    if (!g) {
      g = { label: normalizeLabel(raw), stated: null, sum: ZERO, first: r.input.row, read: null };
      groups.set(key, g);
    }
    if (g.stated === null && g.read !== raw) {
      g.stated = statedWeight(raw);
      g.read = raw;
    }
    if (r.weight) g.sum = g.sum.plus(r.weight);
  };
  for (const r of rows) {
    // The row's result holds its labels already normalised (normalizeLabel).
    const l1 = r.result.level1;
    const l2 = r.result.level2;
    if (l1) add(`1\u0000${l1}`, r.input.level1, r);
    if (l2) add(`2\u0000${l1}\u0000${l2}`, r.input.level2, r);
  }
  for (const [key, g] of groups) {
    if (g.stated === null || g.sum.eq(g.stated)) continue;
    ctx.diag(
      "LEVEL_WEIGHT_MISMATCH",
      g.first,
      null,
      message(key.startsWith("1") ? "core.level1.weightMismatch" : "core.level2.weightMismatch", {
        label: g.label,
        stated: g.stated,
        sum: g.sum.toString(),
      }),
    );
  }
}

function gradeOf(total: Decimal, profile: Profile): Grade {
  const bands = [...profile.gradeBands].sort((a, b) => b.min - a.min);
  for (const b of bands) if (total.gte(b.min)) return b.grade;
  return bands[bands.length - 1]?.grade ?? "差";
}

function compare(a: Decimal, op: string, b: number): boolean {
  switch (op) {
    case "<":
      return a.lt(b);
    case "<=":
      return a.lte(b);
    case ">":
      return a.gt(b);
    default:
      return a.gte(b);
  }
}

// ---------------------------------------------------------------- entry point

/** Scores one table (SCORING.md). Pure: the input is not modified. */
export function scoreTable(input: TableInput, options: ScoreOptions): CoreReport {
  const profile = options.profile;
  const ctx = new Ctx(profile, !!options.recomputeAll);
  const budget = input.budget ? evaluateBudget(ctx, input.budget) : null;

  const rows: RowEval[] = [];
  for (const r of input.indicators) {
    const ev = evaluateRow(ctx, r, input.layout);
    if (ev) rows.push(ev);
  }
  draftNotes(ctx, rows);
  checkLevels(ctx, rows);

  // R-TOTAL-1/2
  const policyRounded = profile.totalPolicy === "sum-of-rounded";
  let sum = ZERO;
  const pending: number[] = [];
  let weightSum = ZERO;
  let scoredRows = ZERO;
  let scoredWeights = ZERO;
  for (const r of rows) {
    if (r.weight) weightSum = weightSum.plus(r.weight);
    const s = policyRounded ? r.written : r.exact;
    if (s === null) {
      pending.push(r.input.row);
      continue;
    }
    sum = sum.plus(s);
    scoredRows = scoredRows.plus(s);
    if (r.weight) scoredWeights = scoredWeights.plus(r.weight);
  }
  if (budget) {
    if (budget.weight && input.budget?.total) weightSum = weightSum.plus(budget.weight);
    const bs = policyRounded ? budget.written : budget.exact;
    if (bs) sum = sum.plus(bs);
  }
  const budgetMissing = !!input.budget && !budget?.written;
  let provisional = pending.length > 0 || budgetMissing;

  // R-TOTAL-4
  if (profile.rescaleNotApplicable && weightSum.gt(0) && !weightSum.eq(HUNDRED))
    sum = sum.times(HUNDRED).div(weightSum);
  const total = rows.length > 0 || budget ? ctx.round(sum) : null;
  if (rows.length === 0 && !budget) provisional = false;

  // R-TOTAL-3
  if (rows.length > 0 && !weightSum.eq(HUNDRED) && !profile.rescaleNotApplicable)
    ctx.diag("WEIGHT_SUM", null, null, message("core.total.weightSum", { sum: weightSum.toString() }));

  if (provisional && total !== null) {
    const key =
      pending.length === 0
        ? "core.total.incomplete.budget"
        : budgetMissing
          ? "core.total.incomplete.both"
          : "core.total.incomplete.rows";
    ctx.diag(
      "TOTAL_INCOMPLETE",
      input.totalRow ? input.totalRow.row : null,
      input.totalRow ? "total" : null,
      message(key, { count: pending.length, rows: pending, total: total.toString() }),
    );
  }

  // R-TOTAL-5 and the total cell (R-WRITE-2/3).
  if (input.totalRow && total !== null && !provisional) {
    const tr = input.totalRow;
    const current = numberOf(tr.score);
    const st = settle(ctx, tr.score, tr.scoreOrigin, total, {
      row: tr.row,
      field: "total",
      kind: "total",
      label: message("core.cell.total"),
      allowReplacePerson: true,
    });
    if (
      (st === "kept-person" || st === "kept-formula") &&
      current instanceof Decimal &&
      current.minus(total).abs().gte(SCORE_TOL)
    )
      ctx.diag(
        "TOTAL_MISMATCH",
        tr.row,
        "total",
        message("core.total.mismatch", { score: current.toString(), total: total.toString() }),
      );
  }

  // R-DEV: PERF_EXEC_MISMATCH.
  const attainment = scoredWeights.gt(0) ? scoredRows.div(scoredWeights) : null;
  if (budget?.rate && budget.written && attainment && attainment.gt(0)) {
    const gap = attainment.minus(budget.rate).div(attainment);
    if (gap.gt("0.05"))
      ctx.diag(
        "PERF_EXEC_MISMATCH",
        budget.result.row,
        "budgetRate",
        message("core.total.perfExec", { attainment: pct(attainment), rate: pct(budget.rate) }),
      );
  }

  // R-GRADE-1/2
  let grade: Grade | null = total !== null ? gradeOf(total, profile) : null;
  let gradeCap: GradeCap | null = null;
  if (grade && total !== null) {
    for (const cap of profile.gradeCaps) {
      const w = parseWhen(cap.when);
      if (!w) continue;
      const figure =
        w.figure === "budgetRate"
          ? budget?.written
            ? budget.rate
            : null
          : w.figure === "total"
            ? total
            : attainment;
      if (!figure || !compare(figure, w.op, w.value)) continue;
      if (GRADE_RANK[cap.maxGrade] > GRADE_RANK[grade]) {
        grade = cap.maxGrade;
        gradeCap = cap;
      }
    }
  }
  if (input.gradeCell && grade && !provisional) {
    const gc = input.gradeCell;
    settle(ctx, gc.value, gc.origin, grade, {
      row: gc.row,
      field: "grade",
      kind: "grade",
      label: message("core.cell.grade"),
      allowReplacePerson: true,
    });
  }

  return {
    profile: profile.name,
    budget: budget ? budget.result : null,
    indicators: rows.map((r) => r.result),
    total: total ? total.toNumber() : null,
    totalProvisional: provisional,
    grade,
    gradeProvisional: provisional && grade !== null,
    gradeCap,
    diagnostics: ctx.diagnostics,
    writes: ctx.writes,
  };
}
