/**
 * The department's 自评总结报告 over several scored tables: how many, the grade distribution
 * (as the 高新区 2020 report puts it: 共完成预算项目自评19项，其中17项得分在90分以上（优），
 * 2项在80分以上（良）), the list of projects, total budget and execution, the tables with
 * low execution or unmet targets, and placeholders for the narrative.
 */
import Decimal from "decimal.js";
import type { Grade, GradeBand } from "../core/types";
import type { TableFacts } from "../sheet/facts";
import type { Report } from "../sheet/types";
import { amount, points, rate, ratio, toWan } from "./format";
import {
  placeholder,
  text,
  type Block,
  type DraftDocument,
  type Inline,
  type MissingFact,
  type TableCellModel,
} from "./model";
import { numeral, pendingIndicators } from "./project";

export interface RollupEntry {
  /** The workbook's file name. */
  file: string;
  report: Report;
  facts: TableFacts | null;
}

export interface RollupOptions {
  /** The profile's grade bands (highest first); default 90 / 80 / 60. */
  gradeBands?: GradeBand[];
  /** The profile's `lowExecutionThreshold` (default 0.9). */
  lowExecutionThreshold?: number;
}

const DEFAULT_BANDS: GradeBand[] = [
  { grade: "优", min: 90 },
  { grade: "良", min: 80 },
  { grade: "中", min: 60 },
  { grade: "差", min: 0 },
];

/** `90分以上（优）` for each band; the lowest band as `60分以下（差）`. */
function bandWords(bands: GradeBand[]): Map<Grade, string> {
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  const out = new Map<Grade, string>();
  sorted.forEach((b, k) => {
    const above = sorted[k - 1];
    if (b.min > 0 || k === 0) out.set(b.grade, `${points(b.min)}分以上（${b.grade}）`);
    else out.set(b.grade, `${points(above.min)}分以下（${b.grade}）`);
  });
  return out;
}

/** The one value every entry agrees on, else null. */
function common(values: (string | null | undefined)[]): string | null {
  const set = new Set(values.filter((v): v is string => !!v));
  return set.size === 1 ? [...set][0] : null;
}

function projectName(e: RollupEntry): Inline[] {
  if (e.facts?.projectName) return [text(e.facts.projectName)];
  // Several tables of one sheet carry their number (`table`, REPORT.md).
  const table = (e.report as { table?: number }).table;
  return [placeholder("项目名称"), text(`（${e.file}${table && table > 1 ? ` 表${table}` : ""}）`)];
}

function nameText(e: RollupEntry): string {
  return projectName(e)
    .map((r) => r.text)
    .join("");
}

/** Budget and execution of an entry in 万元; null where the table lacks them or their unit. */
function moneyOf(e: RollupEntry): { budget: Decimal; executed: Decimal } | null {
  const b = e.report.budget;
  if (!b) return null;
  const factor = toWan(e.facts?.unit ?? null);
  const annual =
    b.denominator === "全年预算数" || b.denominator === null
      ? b.budget
      : (e.facts?.budget?.total?.budget ?? b.budget);
  if (!factor || annual === null || b.executed === null) return null;
  return { budget: factor.times(annual), executed: factor.times(b.executed) };
}

function scored(e: RollupEntry): boolean {
  return e.report.layout !== null && e.report.total !== null;
}

export function draftRollup(entries: RollupEntry[], options: RollupOptions = {}): DraftDocument {
  const blocks: Block[] = [];
  const missing: MissingFact[] = [];
  const miss = (m: MissingFact) => {
    if (!missing.includes(m)) missing.push(m);
  };
  const p = (...runs: (Inline | string)[]) =>
    blocks.push({
      kind: "paragraph",
      indent: true,
      runs: runs.map((r) => (typeof r === "string" ? text(r) : r)),
    });
  const h1 = (n: number, t: string) =>
    blocks.push({ kind: "heading", level: 1, text: `${numeral(n)}、${t}` });
  const h2 = (n: number, t: string) =>
    blocks.push({ kind: "heading", level: 2, text: `（${numeral(n)}）${t}` });
  const threshold = options.lowExecutionThreshold ?? 0.9;
  const bands = options.gradeBands?.length ? options.gradeBands : DEFAULT_BANDS;

  const dept = common(entries.map((e) => e.facts?.department));
  const year = common(entries.map((e) => e.facts?.year));
  if (!dept) miss("department");
  const title = `${year ? `${year}年度` : ""}${dept ?? ""}项目支出绩效自评总结报告`;
  blocks.push({ kind: "title", text: title });
  if (!dept) blocks.push({ kind: "subtitle", runs: [text("（"), placeholder("部门名称"), text("）")] });

  h1(1, "自评工作开展情况");
  p(placeholder("自评工作的组织方式、自评范围和工作过程"));

  h1(2, "自评结果");
  h2(1, "总体情况");
  const ok = entries.filter(scored);
  const failed = entries.filter((e) => !scored(e));
  const words = bandWords(bands);
  const order = [...bands].sort((a, b) => b.min - a.min).map((b) => b.grade);
  const counts = order
    .map((g) => ({ g, n: ok.filter((e) => e.report.grade === g).length }))
    .filter((c) => c.n > 0);
  const dist = counts.map((c, k) => `${c.n}项${k === 0 ? "得分" : ""}在${words.get(c.g) ?? c.g}`).join("，");
  const provisional = ok.filter((e) => e.report.totalProvisional || pendingIndicators(e.report).length > 0);
  const totals = ok.map((e) => e.report.total as number);
  const avg = totals.length
    ? totals.reduce((a, x) => a.plus(x), new Decimal(0)).dividedBy(totals.length)
    : null;
  p(
    `共完成预算项目自评${ok.length}项${dist ? `，其中${dist}` : ""}。` +
      (avg ? `平均得分${avg.toDecimalPlaces(2).toString()}分。` : ""),
  );
  if (provisional.length > 0) {
    miss("provisional");
    p(
      `其中${provisional.length}项尚有指标待评定，得分及等级为暂定：${provisional.map(nameText).join("、")}。`,
    );
  }
  if (failed.length > 0) {
    miss("table");
    p(
      text(`另有${failed.length}个文件未能评分，未计入上述结果：${failed.map((e) => e.file).join("、")}。`),
      placeholder("上述文件的自评情况"),
    );
  }

  h2(2, "预算执行情况");
  const money = ok.map((e) => ({ e, m: moneyOf(e) }));
  const counted = money.filter((x) => x.m !== null);
  const budgetSum = counted.reduce((a, x) => a.plus(x.m!.budget), new Decimal(0));
  const execSum = counted.reduce((a, x) => a.plus(x.m!.executed), new Decimal(0));
  if (counted.length > 0) {
    const r = budgetSum.isZero() ? null : execSum.dividedBy(budgetSum).toDecimalPlaces(4).toNumber();
    p(
      `纳入自评的${counted.length}个项目全年预算数合计${amount(budgetSum.toNumber())}万元，全年执行数合计${amount(execSum.toNumber())}万元` +
        (r !== null ? `，总体预算执行率${rate(r)}。` : "。"),
    );
  } else {
    miss("budget");
    p(placeholder("项目预算数、执行数合计及总体执行率"));
  }
  const without = money.filter((x) => x.m === null).map((x) => x.e);
  if (without.length > 0 && counted.length > 0) {
    miss("unit");
    p(`${without.map(nameText).join("、")}未列预算执行情况或未注明金额单位，未计入合计。`);
  }

  const header = [
    "序号",
    "项目名称",
    "全年预算数（万元）",
    "全年执行数（万元）",
    "执行率",
    "自评得分",
    "等级",
  ];
  const cell = (t: string, align: TableCellModel["align"] = "center"): TableCellModel => ({
    runs: [text(t)],
    align,
  });
  const rows: TableCellModel[][] = entries.map((e, k) => {
    const m = moneyOf(e);
    const provisionalMark = e.report.totalProvisional ? "（暂定）" : "";
    return [
      cell(String(k + 1)),
      { runs: projectName(e), align: "left" },
      cell(m ? amount(m.budget.toNumber()) : "—"),
      cell(m ? amount(m.executed.toNumber()) : "—"),
      cell(
        e.report.budget?.rate !== null && e.report.budget?.rate !== undefined
          ? rate(e.report.budget.rate)
          : "—",
      ),
      cell(e.report.total !== null ? points(e.report.total) + provisionalMark : "未评分"),
      cell(e.report.grade ?? "—"),
    ];
  });
  blocks.push({
    kind: "table",
    header,
    rows,
    widths: [7, 33, 14, 14, 11, 12, 9],
    caption: "项目支出绩效自评结果汇总表",
  });

  h1(3, "存在的主要问题");
  let n = 0;
  const low = ok.filter(
    (e) =>
      e.report.budget?.rate !== null &&
      e.report.budget?.rate !== undefined &&
      e.report.budget.rate < threshold,
  );
  if (low.length > 0) {
    h2(++n, "部分项目预算执行率偏低");
    p(
      `预算执行率低于${ratio(threshold)}的项目${low.length}个：` +
        low.map((e) => `${nameText(e)}（${rate(e.report.budget!.rate!)}）`).join("、") +
        "。",
    );
  }
  const unmet = ok
    .map((e) => ({ e, rows: e.report.indicators.filter((i) => i.flags.includes("UNDER_TARGET")) }))
    .filter((x) => x.rows.length > 0);
  if (unmet.length > 0) {
    h2(++n, "部分绩效指标未完成年度目标");
    p(`${unmet.length}个项目的部分绩效指标未完成年度目标：`);
    unmet.forEach((x, k) =>
      p(`${k + 1}. ${nameText(x.e)}：${x.rows.map((i) => i.name).join("、")}，共${x.rows.length}项。`),
    );
  }
  h2(++n, "其他问题");
  p(placeholder("自评中发现的其他问题"));

  h1(4, "改进措施及结果应用");
  p(placeholder("下一步改进措施及自评结果应用情况"));

  blocks.push({ kind: "paragraph", align: "right", runs: [dept ? text(dept) : placeholder("部门名称")] });
  blocks.push({ kind: "paragraph", align: "right", runs: [placeholder("日期")] });
  return { kind: "rollup", title, blocks, missing };
}
