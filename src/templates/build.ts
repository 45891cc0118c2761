/** Builds the standard tables of TEMPLATES.md (T1–T4) as pure data. */
import Decimal from "decimal.js";
import { PRESETS } from "../core/profile";
import { t, type Locale } from "../i18n/catalog";
import { address, columnLetters, parseAddress } from "../sheet/address";
import { DEPARTMENT_FRAMEWORK, evaluationFramework, levelWeight, type FrameworkLevel1 } from "./framework";
import { T101_LEVELS, T1_LEVELS } from "./library";
import type {
  IndicatorTemplateRow,
  TemplateCell,
  TemplateKind,
  TemplateOptions,
  TemplateSheet,
} from "./types";

type Style = Omit<TemplateCell, "cell" | "value">;

const HEAD_FILL = "#D9E1F2";
const TITLE: Style = { bold: true, size: 16, align: "center" };
const HEAD: Style = { bold: true, align: "center", wrap: true, fill: HEAD_FILL };
const LABEL: Style = { align: "center", wrap: true };
const TEXT: Style = { align: "left", wrap: true };
const MONEY: Style = { numFmt: "0.00", align: "right" };
const RATE: Style = { numFmt: "0.00%", align: "right" };
const SCORE: Style = { numFmt: "0.00", align: "right" };
const WEIGHT: Style = { align: "center" };

/** 指标性质 choices (L2, R-DIR). */
export const DIRECTION_CHOICES = ["≥", "≤", "＝", "定性"];
/** The budget execution weight of the central table: the national profile's default (R-BUDGET). */
export const BUDGET_WEIGHT = PRESETS.central.budgetWeightDefault;
const DEFAULT_ROWS = 2;

class Builder {
  /** The language of the input checks' messages. */
  constructor(readonly locale: Locale) {}

  readonly cells = new Map<string, TemplateCell>();
  readonly merges: string[] = [];
  readonly heights: { row: number; height: number }[] = [];
  readonly validations: TemplateSheet["validations"] = [];
  readonly decimalValidations: NonNullable<TemplateSheet["decimalValidations"]> = [];

  put(row: number, col: number, value: string | number | null, style: Style = {}): void {
    const cell = address(row, col);
    this.cells.set(cell, { cell, value, ...style });
  }

  /** Writes the anchor of an area and merges it (a single cell is not merged). */
  area(
    top: number,
    left: number,
    bottom: number,
    right: number,
    value: string | number | null,
    style: Style = {},
  ): void {
    this.put(top, left, value, style);
    if (top !== bottom || left !== right) this.merges.push(`${address(top, left)}:${address(bottom, right)}`);
  }

  height(row: number, height: number): void {
    this.heights.push({ row, height });
  }

  sheet(name: string, widths: number[], borderRange: string): TemplateSheet {
    const cells = [...this.cells.values()].sort((a, b) => {
      const p = parseAddress(a.cell) ?? { row: 0, col: 0 };
      const q = parseAddress(b.cell) ?? { row: 0, col: 0 };
      return p.row - q.row || p.col - q.col;
    });
    const sheet: TemplateSheet = {
      name,
      cells,
      merges: this.merges,
      widths,
      borderRange,
      validations: this.validations,
      decimalValidations: this.decimalValidations,
      errorTitle: t("template.err.title", undefined, this.locale),
    };
    if (this.heights.length > 0) sheet.heights = this.heights;
    return sheet;
  }
}

function yearLine(year?: number): string {
  return year === undefined ? "（      年度）" : `（${year}年度）`;
}

function labelWithWeight(name: string, weight?: number): string {
  return weight === undefined ? name : `${name}（${weight}分）`;
}

/** Level text compared without whitespace, stated weights and a trailing 指标. */
function levelKey(s: string): string {
  return s
    .replace(/\s+/g, "")
    .replace(/[（(][^）)]*[）)]/g, "")
    .replace(/指标$/, "");
}

/** Splits a target such as `≥90%` into 指标性质 / 指标值 / 度量单位 (L2). */
export function splitTarget(row: Pick<IndicatorTemplateRow, "target" | "direction" | "unit">): {
  direction: string | null;
  value: string | number | null;
  unit: string | null;
} {
  const target = row.target.trim();
  const m = /^(≥|≤|＝|=|>=|<=|﹦)?\s*(\d+(?:\.\d+)?)\s*(.*)$/.exec(target);
  if (m) {
    const op = m[1] === undefined ? null : ({ ">=": "≥", "<=": "≤", "=": "＝", "﹦": "＝" }[m[1]] ?? m[1]);
    return { direction: op ?? row.direction ?? null, value: Number(m[2]), unit: m[3] || row.unit || null };
  }
  if (target !== "") return { direction: row.direction ?? "定性", value: target, unit: row.unit ?? null };
  return { direction: row.direction ?? null, value: null, unit: row.unit ?? null };
}

/** The target as one cell (L1): the suggested target, with the unit added to a bare number. */
function targetText(row: IndicatorTemplateRow): string | null {
  const t = row.target.trim();
  if (t === "") return null;
  if (row.unit && /^(≥|≤|＝|=)?\s*\d+(\.\d+)?$/.test(t)) return t + row.unit;
  return t;
}

interface Level2Plan {
  label: string;
  rows: (IndicatorTemplateRow | null)[];
}

interface Level1Plan {
  label: string;
  level2: Level2Plan[];
}

/** Plans the indicator block of T1/T2 from the fixed levels, the library rows given and the empty-row counts. */
function planCentralLevels(options: TemplateOptions, levels = T1_LEVELS): Level1Plan[] {
  const given = options.indicators ?? [];
  const count = (level2: string): number => {
    const r = options.rows;
    if (r === undefined) return DEFAULT_ROWS;
    if (typeof r === "number") return r;
    const hit = Object.keys(r).find((k) => levelKey(k) === levelKey(level2));
    return hit === undefined ? DEFAULT_ROWS : r[hit];
  };
  const used = new Set<IndicatorTemplateRow>();
  const plans: Level1Plan[] = levels.map((l1) => ({
    label: labelWithWeight(l1.level1, l1.weight),
    level2: l1.level2.map((name) => {
      const rows = given.filter((g) => levelKey(g.level2) === levelKey(name));
      rows.forEach((g) => used.add(g));
      return {
        label: name,
        rows: rows.length > 0 ? rows : Array.from({ length: Math.max(1, count(name)) }, () => null),
      };
    }),
  }));
  // Rows whose 二级指标 is not one of the fixed ones: a new 二级指标 under their 一级指标.
  for (const row of given.filter((g) => !used.has(g))) {
    let l1 = plans.find((p) => levelKey(p.label) === levelKey(row.level1));
    if (!l1) {
      l1 = { label: row.level1, level2: [] };
      plans.push(l1);
    }
    let l2 = l1.level2.find((p) => levelKey(p.label) === levelKey(row.level2));
    if (!l2) {
      l2 = { label: row.level2, rows: [] };
      l1.level2.push(l2);
    }
    l2.rows.push(row);
  }
  return plans;
}

function planFramework(framework: FrameworkLevel1[]): Level1Plan[] {
  return framework.map((l1) => ({
    label: labelWithWeight(l1.name, levelWeight(l1)),
    level2: l1.level2.map((l2) => ({
      label: labelWithWeight(l2.name, levelWeight(l2)),
      rows: l2.rows.map((r) => ({
        level1: l1.name,
        level2: l2.name,
        name: r.name,
        target: "",
        weight: r.weight,
      })),
    })),
  }));
}

interface SelfEvalSpec {
  sheetName: string;
  title: string;
  year?: number;
  nameLabel: string;
  projectName?: string;
  row4: [string, string];
  split: boolean;
  budgetTitle: string;
  budgetRows: { label: string; total: boolean }[];
  budgetReason: boolean;
  levels: Level1Plan[];
  /** Add per-row score validations (rows with a known weight). */
  scoreValidation: boolean;
}

/** T1, T2 and T4: header, budget block, goal block, indicator block, total row (LAYOUTS.md L1/L2/L4). */
function buildSelfEval(spec: SelfEvalSpec, locale: Locale): TemplateSheet {
  const b = new Builder(locale);
  // Indicator columns.
  const name = 4;
  const target = 5;
  const actual = spec.split ? 8 : 6;
  const weight = actual + 1;
  const score = actual + 2;
  const note = actual + 3;
  const last = note;
  const L = columnLetters;

  b.area(1, 1, 1, last, spec.title, TITLE);
  b.height(1, 30);
  b.area(2, 1, 2, last, yearLine(spec.year), { align: "center" });
  b.put(3, 1, spec.nameLabel, LABEL);
  b.area(3, 2, 3, last, spec.projectName ?? null, TEXT);
  b.put(4, 1, spec.row4[0], LABEL);
  b.area(4, 2, 4, 4, null, TEXT);
  b.put(4, 5, spec.row4[1], LABEL);
  b.area(4, 6, 4, last, null, TEXT);

  // Budget block (R-BUDGET): 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 [| 原因分析].
  const bh = 5;
  const bLast = bh + spec.budgetRows.length;
  b.area(bh, 1, bLast, 1, spec.budgetTitle, LABEL);
  b.area(bh, 2, bh, 3, null, HEAD);
  ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"].forEach((h, i) =>
    b.put(bh, 4 + i, h, HEAD),
  );
  if (spec.budgetReason) b.area(bh, 10, bh, last, "原因分析", HEAD);
  let budgetTotalRow = 0;
  spec.budgetRows.forEach((r, i) => {
    const row = bh + 1 + i;
    b.area(row, 2, row, 3, r.label, { align: "left", wrap: true });
    for (let c = 4; c <= 6; c++) b.put(row, c, null, MONEY);
    if (r.total) {
      budgetTotalRow = row;
      b.put(row, 7, BUDGET_WEIGHT, WEIGHT);
      b.put(row, 9, null, SCORE);
    } else {
      b.put(row, 7, "—", WEIGHT);
      b.put(row, 9, "—", { align: "center" });
    }
    b.put(row, 8, null, RATE);
    if (spec.budgetReason)
      b.area(row, 10, row, last, r.total ? null : "—", r.total ? TEXT : { align: "center" });
  });
  b.decimalValidations.push({
    range: address(budgetTotalRow, 7),
    min: 0,
    max: 100,
    error: t("template.err.weight", undefined, b.locale),
  });

  // Goal block.
  const g = bLast + 1;
  const mid = 1 + Math.floor((last - 1) / 2);
  b.area(g, 1, g + 1, 1, "年度总体目标", LABEL);
  b.area(g, 2, g, mid, "预期目标", HEAD);
  b.area(g, mid + 1, g, last, "实际完成情况", HEAD);
  b.area(g + 1, 2, g + 1, mid, null, TEXT);
  b.area(g + 1, mid + 1, g + 1, last, null, TEXT);
  b.height(g + 1, 72);

  // Indicator block.
  const h = g + 2;
  const headers = spec.split
    ? [
        "一级指标",
        "二级指标",
        "三级指标",
        "指标性质",
        "指标值",
        "度量单位",
        "实际完成值",
        "分值",
        "得分",
        "偏差原因分析及改进措施",
      ]
    : [
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        "实际完成值",
        "分值",
        "得分",
        "偏差原因分析及改进措施",
      ];
  headers.forEach((text, i) => b.put(h, 2 + i, text, HEAD));
  let row = h + 1;
  for (const l1 of spec.levels) {
    const top1 = row;
    for (const l2 of l1.level2) {
      const top2 = row;
      for (const ind of l2.rows) {
        b.put(row, name, ind?.name ?? null, TEXT);
        if (spec.split) {
          const parts = ind ? splitTarget(ind) : { direction: null, value: null, unit: null };
          b.put(row, target, parts.direction, { align: "center" });
          b.put(row, target + 1, parts.value, { align: "center" });
          b.put(row, target + 2, parts.unit, { align: "center" });
        } else {
          b.put(row, target, ind ? targetText(ind) : null, LABEL);
        }
        b.put(row, actual, null, LABEL);
        b.put(row, weight, ind?.weight ?? null, WEIGHT);
        b.put(row, score, null, SCORE);
        b.put(row, note, null, TEXT);
        if (spec.scoreValidation && ind?.weight !== undefined) {
          b.decimalValidations.push({
            range: address(row, score),
            min: 0,
            max: ind.weight,
            error: t("template.err.score", { weight: ind.weight }, b.locale),
          });
        }
        row++;
      }
      b.area(top2, 3, row - 1, 3, l2.label, LABEL);
    }
    b.area(top1, 2, row - 1, 2, l1.label, LABEL);
  }
  const lastIndicator = row - 1;
  b.area(h, 1, lastIndicator, 1, "绩效指标", LABEL);
  const total = lastIndicator + 1;
  const statedSum = spec.levels
    .map((l) => /（(\d+)分）$/.exec(l.label)?.[1])
    .reduce((s, w) => (w === undefined ? s : s.plus(w)), new Decimal(BUDGET_WEIGHT));
  b.area(total, 1, total, weight - 1, "总分", { bold: true, align: "center" });
  b.put(total, weight, statedSum.toNumber(), { bold: true, align: "center" });
  b.put(total, score, null, { ...SCORE, bold: true });
  b.put(total, note, null, TEXT);

  b.decimalValidations.push({
    range: `${L(weight)}${h + 1}:${L(weight)}${lastIndicator}`,
    min: 0,
    max: 100,
    error: t("template.err.weight", undefined, b.locale),
  });
  if (spec.split) {
    b.validations.push({
      range: `${L(target)}${h + 1}:${L(target)}${lastIndicator}`,
      list: DIRECTION_CHOICES,
      error: t("template.err.direction", undefined, b.locale),
    });
  }
  const widths = spec.split
    ? [10, 12, 14, 24, 10, 10, 10, 12, 8, 10, 30]
    : [10, 12, 14, 24, 14, 14, 8, 10, 32];
  return b.sheet(spec.sheetName, widths, `A3:${L(last)}${total}`);
}

/** Rough row height for wrapped text: CJK characters count double. */
function wrappedHeight(texts: { text: string; width: number }[]): number {
  let lines = 1;
  for (const { text, width } of texts) {
    const units = Array.from(text).reduce((s, ch) => s + (ch.charCodeAt(0) > 0xff ? 2 : 1), 0);
    lines = Math.max(lines, Math.ceil(units / Math.max(1, width - 1)));
  }
  return Math.max(30, lines * 15);
}

/** T3 评分表 (LAYOUTS.md L3). */
function buildScoreSheet(options: TemplateOptions): TemplateSheet {
  const b = new Builder(options.locale ?? "zh-CN");
  const widths = [10, 14, 16, 8, 30, 46, 10];
  const last = widths.length;
  b.area(1, 1, 1, last, "项目支出绩效评价指标体系评分表", TITLE);
  b.height(1, 30);
  b.area(2, 1, 2, last, yearLine(options.year), { align: "center" });
  b.put(3, 1, "项目名称", LABEL);
  b.area(3, 2, 3, last, options.projectName ?? null, TEXT);
  const h = 4;
  ["一级指标", "二级指标", "三级指标", "分值", "指标解释", "评分标准", "得分"].forEach((t, i) =>
    b.put(h, i + 1, t, HEAD),
  );
  let row = h + 1;
  let sum = new Decimal(0);
  for (const l1 of evaluationFramework(options.satisfaction ?? "separate")) {
    const top1 = row;
    for (const l2 of l1.level2) {
      const top2 = row;
      for (const r of l2.rows) {
        b.put(row, 3, r.name, LABEL);
        b.put(row, 4, r.weight, WEIGHT);
        b.put(row, 5, r.explanation ?? null, TEXT);
        b.put(row, 6, r.criteria ?? null, TEXT);
        b.put(row, 7, null, SCORE);
        b.decimalValidations.push({
          range: address(row, 7),
          min: 0,
          max: r.weight,
          error: t("template.err.score", { weight: r.weight }, b.locale),
        });
        b.height(
          row,
          wrappedHeight([
            { text: r.explanation ?? "", width: widths[4] },
            { text: r.criteria ?? "", width: widths[5] },
          ]),
        );
        sum = sum.plus(r.weight);
        row++;
      }
      b.area(top2, 2, row - 1, 2, labelWithWeight(l2.name, levelWeight(l2)), LABEL);
    }
    b.area(top1, 1, row - 1, 1, labelWithWeight(l1.name, levelWeight(l1)), LABEL);
  }
  const total = row;
  b.area(total, 1, total, 3, "评价得分", { bold: true, align: "center" });
  b.put(total, 4, sum.toNumber(), { bold: true, align: "center" });
  b.area(total, 5, total, 6, null, TEXT);
  b.put(total, 7, null, { ...SCORE, bold: true });
  b.decimalValidations.unshift({
    range: `D${h + 1}:D${total - 1}`,
    min: 0,
    max: 100,
    error: t("template.err.weight", undefined, b.locale),
  });
  return b.sheet(TEMPLATE_TITLES.L3, widths, `A3:${columnLetters(last)}${total}`);
}

/** Names the sheet of each template kind. */
export const TEMPLATE_TITLES: Record<TemplateKind, string> = {
  L1: "项目支出绩效自评表",
  L2: "项目支出绩效自评表（指标值分列）",
  L3: "项目支出绩效评价评分表",
  L4: "部门整体支出绩效自评表",
  "L1-2021": "项目支出绩效自评表（101号）",
  "L2-2021": "项目支出绩效自评表（101号，指标值分列）",
};

/**
 * Builds a standard table (TEMPLATES.md T1–T4) that the reader detects as the layout of
 * the same name (LAYOUTS.md L1–L4).
 */
export function buildTemplate(kind: TemplateKind, options: TemplateOptions = {}): TemplateSheet {
  switch (kind) {
    case "L1":
    case "L2":
    case "L1-2021":
    case "L2-2021":
      return buildSelfEval(
        {
          sheetName: TEMPLATE_TITLES[kind],
          title: "项目支出绩效自评表",
          year: options.year,
          nameLabel: "项目名称",
          projectName: options.projectName,
          row4: ["主管部门", "实施单位"],
          split: kind === "L2" || kind === "L2-2021",
          budgetTitle: "项目资金（万元）",
          budgetRows: [
            { label: "年度资金总额", total: true },
            { label: "其中：当年财政拨款", total: false },
            { label: "上年结转资金", total: false },
            { label: "其他资金", total: false },
          ],
          budgetReason: kind === "L2" || kind === "L2-2021",
          levels: planCentralLevels(options, kind.endsWith("-2021") ? T101_LEVELS : T1_LEVELS),
          scoreValidation: false,
        },
        options.locale ?? "zh-CN",
      );
    case "L3":
      return buildScoreSheet(options);
    case "L4":
      return buildSelfEval(
        {
          sheetName: TEMPLATE_TITLES.L4,
          title: "部门整体支出绩效自评表",
          year: options.year,
          nameLabel: "部门名称",
          projectName: options.projectName,
          row4: ["联系人", "联系电话"],
          split: false,
          budgetTitle: "部门资金（万元）",
          budgetRows: [
            { label: "基本支出", total: false },
            { label: "项目支出", total: false },
            { label: "合计", total: true },
          ],
          budgetReason: false,
          levels: planFramework(DEPARTMENT_FRAMEWORK),
          scoreValidation: true,
        },
        options.locale ?? "zh-CN",
      );
  }
}
