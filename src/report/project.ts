/**
 * The 自评报告 of one table (REPORT.md "The 自评报告 draft"): report + header facts → document
 * model. Every figure comes from the scored report or the table's own rows; every sentence
 * that needs a person's knowledge is a placeholder.
 */
import Decimal from "decimal.js";
import type { IndicatorResult } from "../core/types";
import type { TableFacts } from "../sheet/facts";
import type { Report } from "../sheet/types";
import { amount, points, rate, ratio, sum } from "./format";
import {
  PLACEHOLDER,
  placeholder,
  quoted,
  text,
  type Block,
  type DraftDocument,
  type Inline,
  type MissingFact,
  type TableCellModel,
} from "./model";

export interface DraftOptions {
  /** Budget rate under which execution counts as low (the profile's `lowExecutionThreshold`). */
  lowExecutionThreshold?: number;
}

const NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

export function numeral(n: number): string {
  return NUMERALS[n - 1] ?? String(n);
}

/** Rows that need a deviation note (R-DEV): below target, or a note the run asks for. */
export function rowsNeedingNote(report: Report): IndicatorResult[] {
  const asked = new Set(
    report.diagnostics
      .filter((d) => d.code === "DEVIATION_NOTE_REQUIRED" && d.row !== null)
      .map((d) => d.row),
  );
  return report.indicators.filter((i) => i.flags.includes("UNDER_TARGET") || asked.has(i.row));
}

/** Indicators still waiting for a person's judgement (no score yet). */
export function pendingIndicators(report: Report): IndicatorResult[] {
  return report.indicators.filter((i) => i.score === null);
}

/** Project name for titles: the table's, or a placeholder. */
function nameRuns(facts: TableFacts | null): Inline[] {
  return facts?.projectName ? [text(facts.projectName)] : [placeholder("项目名称")];
}

/** `XX项目` without doubling the word. */
function projectWord(name: string): string {
  return /项目$/.test(name) ? name : `${name}项目`;
}

export function projectTitle(facts: TableFacts | null): string {
  const year = facts?.year ? `${facts.year}年度` : "";
  const name = facts?.projectName ? projectWord(facts.projectName) : "项目";
  return `${year}${name}支出绩效自评报告`;
}

interface Level1Sum {
  name: string;
  weight: Decimal | null;
  score: Decimal | null;
  pending: number;
}

/** Score and weight of each 一级指标, in table order. */
export function level1Sums(report: Report): Level1Sum[] {
  const out: Level1Sum[] = [];
  for (const i of report.indicators) {
    const name = i.level1 || "其他指标";
    let s = out.find((x) => x.name === name);
    if (!s) out.push((s = { name, weight: null, score: null, pending: 0 }));
    if (i.weight !== null) s.weight = (s.weight ?? new Decimal(0)).plus(i.weight);
    if (i.score !== null) s.score = (s.score ?? new Decimal(0)).plus(i.score);
    else s.pending++;
  }
  return out;
}

/** Attainment of the scored indicator rows: Σ score / Σ weight (R-DEV PERF_EXEC_MISMATCH). */
function attainment(report: Report): Decimal | null {
  const scored = report.indicators.filter((i) => i.score !== null && i.weight !== null && i.weight > 0);
  const w = sum(scored.map((i) => i.weight));
  const s = sum(scored.map((i) => i.score));
  if (!w || !s || w.isZero()) return null;
  return s.dividedBy(w);
}

class Builder {
  readonly blocks: Block[] = [];
  readonly missing: MissingFact[] = [];
  miss(m: MissingFact): void {
    if (!this.missing.includes(m)) this.missing.push(m);
  }
  h1(n: number, t: string): void {
    this.blocks.push({ kind: "heading", level: 1, text: `${numeral(n)}、${t}` });
  }
  h2(n: number, t: string): void {
    this.blocks.push({ kind: "heading", level: 2, text: `（${numeral(n)}）${t}` });
  }
  p(...runs: (Inline | string)[]): void {
    this.blocks.push({
      kind: "paragraph",
      indent: true,
      runs: runs.map((r) => (typeof r === "string" ? text(r) : r)),
    });
  }
}

function withUnit(n: number | null | undefined, unit: string | null): Inline[] {
  if (n === null || n === undefined) return [placeholder()];
  return unit ? [text(`${amount(n)}${unit}`)] : [text(amount(n)), placeholder("金额单位")];
}

/** The draft 自评报告 of one scored table. `facts` null: the table's header rows were not read. */
export function draftProjectReport(
  report: Report,
  facts: TableFacts | null,
  options: DraftOptions = {},
): DraftDocument {
  const b = new Builder();
  const threshold = options.lowExecutionThreshold ?? 0.9;
  const noTable = report.layout === null;
  if (noTable) b.miss("table");
  if (!facts?.projectName) b.miss("projectName");
  const title = projectTitle(facts);
  b.blocks.push({ kind: "title", text: title });
  if (!facts?.projectName)
    b.blocks.push({ kind: "subtitle", runs: [text("（项目名称："), placeholder("项目名称"), text("）")] });

  // 一、项目基本情况
  b.h1(1, "项目基本情况");
  b.h2(1, "项目概况");
  const dept = facts?.department;
  const impl = facts?.implementer;
  if (!dept) b.miss("department");
  if (!impl) b.miss("implementer");
  b.p(
    "项目名称：",
    ...nameRuns(facts),
    "。主管部门：",
    dept ? text(dept) : placeholder("主管部门"),
    "。实施单位：",
    impl ? text(impl) : placeholder("实施单位"),
    "。",
  );
  b.p(placeholder("项目立项依据、主要内容及实施情况"));

  b.h2(2, "项目资金情况");
  const budget = report.budget;
  const unit = facts?.unit ?? null;
  if (budget) {
    if (!unit) b.miss("unit");
    const annual =
      budget.denominator === "全年预算数" || budget.denominator === null
        ? budget.budget
        : (facts?.budget?.total?.budget ?? null);
    const runs: Inline[] = [];
    const parts: [string, number | null][] = [
      ["年初预算数", budget.planned ?? facts?.budget?.total?.planned ?? null],
      ["全年预算数", annual],
    ];
    if (budget.denominator === "调整后预算数") parts.push(["调整后预算数", budget.budget]);
    parts.push(["全年执行数", budget.executed]);
    runs.push(text("该项目"));
    parts.forEach(([label, n], k) => {
      if (k > 0) runs.push(text("，"));
      runs.push(text(label), ...withUnit(n, unit));
    });
    runs.push(
      text("，预算执行率"),
      budget.rate !== null ? text(rate(budget.rate)) : placeholder("执行率"),
      text("。"),
    );
    b.p(...runs);
    // Sources of funds with an amount (rows of zeros say nothing).
    const subs = (facts?.budget?.rows ?? []).filter((r) => !!(r.executed || r.budget || r.planned));
    if (subs.length > 0) {
      const sr: Inline[] = [];
      subs.forEach((r, k) => {
        const label = r.label.replace(/^其中[:：]?/, "");
        sr.push(
          text(k === 0 ? "其中：" : "；"),
          text(`${label}全年预算数`),
          ...withUnit(r.budget ?? r.planned, unit),
        );
        sr.push(text("、执行数"), ...withUnit(r.executed, unit));
      });
      sr.push(text("。"));
      b.p(...sr);
    }
  } else {
    b.miss("budget");
    b.p(text("自评表未列预算执行情况。"), placeholder("年初预算数、全年预算数、全年执行数及预算执行率"));
  }

  // 二、绩效目标及完成情况
  b.h1(2, "绩效目标及完成情况");
  b.h2(1, "年度总体目标");
  const goal = facts?.goal ?? null;
  if (!goal || (!goal.expected && !goal.actual)) b.miss("goal");
  b.p(
    text("预期目标："),
    ...(goal?.expected ? [quoted(goal.expected)] : [placeholder("年度总体目标（预期）")]),
  );
  b.p(
    text("实际完成情况："),
    ...(goal?.actual ? [quoted(goal.actual)] : [placeholder("年度总体目标实际完成情况")]),
  );
  b.h2(2, "绩效指标完成情况");
  if (report.indicators.length > 0) {
    b.p(`该项目共设置绩效指标${report.indicators.length}项，完成情况见下表。`);
    b.blocks.push(indicatorTable(report, unit));
  } else {
    b.p(text("未从表中读到绩效指标。"), placeholder("绩效指标及完成情况"));
  }

  // 三、自评结论
  b.h1(3, "自评结论");
  conclusion(b, report);

  // 四、偏差分析及改进措施
  b.h1(4, "偏差分析及改进措施");
  deviations(b, report, facts, threshold);

  // 五、存在的问题及改进建议
  b.h1(5, "存在的问题及改进建议");
  b.h2(1, "存在的问题");
  const findings = problemFindings(report, threshold);
  findings.forEach((f, k) => b.p(`${k + 1}. ${f}`));
  b.p(placeholder("项目实施中存在的其他问题"));
  b.h2(2, "改进建议");
  b.p(placeholder("下一步改进措施及建议"));

  // 落款
  b.blocks.push({
    kind: "paragraph",
    align: "right",
    runs: [impl ? text(impl) : placeholder("实施单位")],
  });
  b.blocks.push({ kind: "paragraph", align: "right", runs: [placeholder("日期")] });
  return { kind: "project", title, blocks: b.blocks, missing: b.missing };
}

function indicatorTable(report: Report, unit: string | null): Block {
  const hasValues = report.indicators.some((i) => i.target !== null || i.actual !== null);
  const header = hasValues
    ? ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]
    : ["一级指标", "二级指标", "三级指标", "分值", "得分"];
  const widths = hasValues ? [12, 13, 24, 15, 15, 9, 12] : [14, 22, 40, 12, 12];
  const cell = (t: string, align: TableCellModel["align"] = "center"): TableCellModel => ({
    runs: [text(t)],
    align,
  });
  const rows: TableCellModel[][] = [];
  const budget = report.budget;
  if (budget && budget.weight !== null) {
    const row: TableCellModel[] = [{ runs: [text("预算执行率")], span: 3, align: "center" }];
    if (hasValues) {
      row.push(cell(budget.budget !== null ? `${amount(budget.budget)}${unit ?? ""}` : "—"));
      row.push(
        cell(
          budget.executed !== null
            ? `${amount(budget.executed)}${unit ?? ""}${budget.rate !== null ? `（${rate(budget.rate)}）` : ""}`
            : "—",
        ),
      );
    }
    row.push(cell(points(budget.weight)), cell(budget.score !== null ? points(budget.score) : "待评定"));
    rows.push(row);
  }
  const list = report.indicators;
  list.forEach((i, k) => {
    const prev = list[k - 1];
    const next = list[k + 1];
    const sameL1 = (a?: IndicatorResult) => !!a && a.level1 === i.level1;
    const sameL2 = (a?: IndicatorResult) => sameL1(a) && a!.level2 === i.level2;
    const merged = (t: string, withPrev: boolean, withNext: boolean): TableCellModel => {
      const c = cell(t);
      if (withPrev) c.vMerge = "continue";
      else if (withNext) c.vMerge = "start";
      return c;
    };
    const row: TableCellModel[] = [
      merged(i.level1 || "—", sameL1(prev), sameL1(next)),
      merged(i.level2 || "—", sameL2(prev), sameL2(next)),
      cell(i.name, "left"),
    ];
    if (hasValues) row.push(cell(i.target ?? "—"), cell(i.actual ?? "—"));
    row.push(
      cell(i.weight !== null ? points(i.weight) : "—"),
      cell(i.score !== null ? points(i.score) : "待评定"),
    );
    rows.push(row);
  });
  const weights = sum([...(budget ? [budget.weight] : []), ...list.map((i) => i.weight)]);
  rows.push([
    { runs: [text("合计")], span: hasValues ? 5 : 3, align: "center" },
    cell(weights ? weights.toString() : "—"),
    cell(
      report.total !== null ? points(report.total) + (report.totalProvisional ? "（暂定）" : "") : "待评定",
    ),
  ]);
  return { kind: "table", header, rows, widths, caption: "绩效指标完成情况表" };
}

function conclusion(b: Builder, report: Report): void {
  const pending = pendingIndicators(report);
  const provisional = report.totalProvisional || report.gradeProvisional || pending.length > 0;
  if (report.total === null) {
    b.miss("total");
    b.p(text("自评得分尚未算出。"), placeholder("综合得分及自评等级"));
  } else if (provisional) {
    b.miss("provisional");
    const names = pending.map((i) => `“${i.name}”`).join("、");
    const runs: Inline[] = [];
    if (pending.length > 0) runs.push(text(`尚有${pending.length}项指标（${names}）待评定，`));
    runs.push(text(`综合得分暂定为${points(report.total)}分`));
    runs.push(text(report.grade ? `，自评等级暂定为“${report.grade}”` : "，自评等级待定"));
    runs.push(text("，待上述指标评定后更新。"));
    b.p(...runs);
  } else {
    const grade = report.grade ? `，自评等级为“${report.grade}”` : "";
    b.p(`经自评，该项目综合得分${points(report.total)}分${grade}。`);
  }
  if (report.gradeCap && report.grade) b.p(`按所用评分口径，等级最高评为“${report.gradeCap.maxGrade}”。`);
  const parts: string[] = [];
  const budget = report.budget;
  if (budget && budget.weight !== null)
    parts.push(
      `预算执行率得分${budget.score !== null ? `${points(budget.score)}分` : "待评定"}（分值${points(budget.weight)}分）`,
    );
  for (const l of level1Sums(report)) {
    const score = l.score !== null ? `${l.score.toString()}分` : "待评定";
    const more = l.pending > 0 && l.score !== null ? `，另有${l.pending}项待评定` : "";
    parts.push(
      `${l.name}得分${score}${l.weight !== null ? `（分值${l.weight.toString()}分${more}）` : more ? `（${more.slice(1)}）` : ""}`,
    );
  }
  if (parts.length > 0) b.p(`其中：${parts.join("；")}。`);
}

function deviations(b: Builder, report: Report, facts: TableFacts | null, threshold: number): void {
  let n = 0;
  const budget = report.budget;
  const low = report.diagnostics.some((d) => d.code === "LOW_EXECUTION");
  if (budget && low && budget.rate !== null) {
    n++;
    b.h2(n, "预算执行偏差");
    const reason = facts?.budgetReason ?? null;
    const draft = reason ? report.writes.find((w) => w.kind === "note" && w.cell === reason.cell) : undefined;
    const note =
      reason?.text && !draft
        ? quoted(reason.text)
        : draft
          ? quoted(String(draft.after))
          : placeholder("预算执行率偏低的原因及改进措施");
    b.p(`预算执行率${rate(budget.rate)}，低于${ratio(threshold)}。原因及改进措施：`, note);
  }
  const rows = rowsNeedingNote(report);
  if (rows.length > 0) {
    n++;
    b.h2(n, "绩效指标偏差");
    let lastCell: string | null = null;
    rows.forEach((i, k) => {
      const runs: Inline[] = [text(`${k + 1}. ${i.name}：`), ...factsOfRow(i), text("偏差原因及改进措施：")];
      const note = facts?.notes[i.row] ?? null;
      const draft =
        (note ? report.writes.find((w) => w.kind === "note" && w.cell === note.cell)?.after : undefined) ??
        i.draftNote;
      if (note && lastCell === note.cell && (note.text || draft)) runs.push(text("同上。"));
      else if (note?.text && !draft) runs.push(quoted(note.text));
      else if (draft !== undefined) runs.push(quoted(askOf(String(draft))));
      else runs.push(placeholder("偏差原因及改进措施"));
      lastCell = note?.cell ?? null;
      b.p(...runs);
    });
  }
  // Rows scored below full marks without a target to miss (评分表 rows): the deduction needs a reason.
  const noted = new Set(rows.map((i) => i.row));
  const deducted = report.indicators.filter(
    (i) => !noted.has(i.row) && i.score !== null && i.weight !== null && new Decimal(i.score).lt(i.weight),
  );
  if (deducted.length > 0) {
    n++;
    b.h2(n, "扣分指标");
    deducted.forEach((i, k) =>
      b.p(
        text(`${k + 1}. ${i.name}：`),
        ...factsOfRow(i),
        text("扣分原因及改进措施："),
        placeholder("扣分原因及改进措施"),
      ),
    );
  }
  if (n === 0)
    b.p(
      report.indicators.length === 0
        ? "未从表中读到绩效指标。"
        : budget
          ? "各项绩效指标均已完成年度目标，预算执行率不低于" + ratio(threshold) + "。"
          : "各项绩效指标均已完成年度目标。",
    );
}

/**
 * The part of a draft note that asks for the reason (`【待补充】偏差原因：；改进措施：`): the
 * facts it starts with are already in the paragraph. A draft of another shape is kept whole.
 */
function askOf(draft: string): string {
  const k = draft.indexOf("偏差原因：");
  return draft.startsWith(PLACEHOLDER) && k > 0 ? PLACEHOLDER + draft.slice(k) : draft;
}

/** `年度指标值…，实际完成值…，完成率…，得分…分（分值…分）。` */
function factsOfRow(i: IndicatorResult): Inline[] {
  const parts: string[] = [];
  const q = (v: string) => (i.direction === "qualitative" ? `“${v}”` : v);
  if (i.target !== null) parts.push(`年度指标值${q(i.target)}`);
  if (i.actual !== null) parts.push(`实际完成值${q(i.actual)}`);
  if (i.completion !== null) parts.push(`完成率${ratio(i.completion)}`);
  if (i.score !== null)
    parts.push(`得分${points(i.score)}分${i.weight !== null ? `（分值${points(i.weight)}分）` : ""}`);
  else parts.push("得分待评定");
  return [text(`${parts.join("，")}。`)];
}

/** Findings the table itself supports: low execution, performance ahead of spending, over-completion. */
export function problemFindings(report: Report, threshold: number): string[] {
  const out: string[] = [];
  const budget = report.budget;
  if (
    budget?.rate !== null &&
    budget?.rate !== undefined &&
    report.diagnostics.some((d) => d.code === "LOW_EXECUTION")
  )
    out.push(`预算执行率${rate(budget.rate)}，低于${ratio(threshold)}。`);
  if (
    budget?.rate !== null &&
    budget?.rate !== undefined &&
    report.diagnostics.some((d) => d.code === "PERF_EXEC_MISMATCH")
  ) {
    const a = attainment(report);
    if (a)
      out.push(
        `绩效指标得分率${ratio(a.toDecimalPlaces(4).toNumber())}明显高于预算执行率${rate(budget.rate)}，绩效完成情况与资金支出进度需核实是否匹配。`,
      );
  }
  for (const i of report.indicators) {
    if (!i.flags.includes("OVER_COMPLETION") || i.completion === null) continue;
    out.push(
      `“${i.name}”实际完成值${i.actual ?? ""}，为年度指标值${i.target ?? ""}的${ratio(i.completion)}，需分析指标值是否设置偏低。`,
    );
  }
  return out;
}
