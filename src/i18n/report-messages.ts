/**
 * Wording of the 自评报告 draft (src/report; the document itself is written in Chinese), from the
 * pane's button and `jixiao report`.
 * zh-CN first, en-US second (`tsc` fails on a key missing from either). Registered when
 * imported: a module that uses one of these keys imports this file (test/i18n/parts.test.ts).
 */
import { registerMessages } from "./runtime";

export const reportZhCN = {
  "report.missing.table": "未找到可评分的表格，报告中的指标、得分和等级均以【待补充】标出",
  "report.missing.projectName": "表头中未找到项目名称（如“项目名称”行），报告中以【待补充】标出",
  "report.missing.department": "表头中未找到主管部门，报告中以【待补充】标出",
  "report.missing.implementer": "表头中未找到实施单位（或预算单位），报告中以【待补充】标出",
  "report.missing.budget":
    "表中没有预算执行情况（年初预算数、全年预算数、全年执行数），报告中以【待补充】标出",
  "report.missing.unit": "未注明金额单位（如“项目资金（万元）”），报告中的金额单位以【待补充】标出",
  "report.missing.goal": "表中没有年度总体目标（预期目标、实际完成情况），报告中以【待补充】标出",
  "report.missing.total": "总分尚未算出，自评结论以【待补充】标出",
  "report.missing.provisional": "尚有指标待评定，报告中的总分和等级写为“暂定”",
  "report.action.generate": "生成自评报告",
  "report.action.busy": "正在生成自评报告…",
  "report.generated": "已生成自评报告草稿“{file}”；【待补充】处需要人工填写。",
  "report.generatedMissing": "已生成自评报告草稿“{file}”。注意：{detail}。",
  "report.failed": "未能生成自评报告：{message}",
} as const;

export type ReportKey = keyof typeof reportZhCN;

export const reportEnUS: Record<ReportKey, string> = {
  "report.missing.table":
    "no table to score was found: indicators, scores and grade are marked 【待补充】 in the report",
  "report.missing.projectName":
    "no project name in the header rows (a 项目名称 row): marked 【待补充】 in the report",
  "report.missing.department": "no 主管部门 in the header rows: marked 【待补充】 in the report",
  "report.missing.implementer":
    "no 实施单位 (or 预算单位) in the header rows: marked 【待补充】 in the report",
  "report.missing.budget":
    "the table has no budget block (年初预算数, 全年预算数, 全年执行数): marked 【待补充】 in the report",
  "report.missing.unit":
    "the unit of the amounts is not stated (e.g. 项目资金（万元）): marked 【待补充】 in the report",
  "report.missing.goal":
    "the table has no 年度总体目标 (expected / achieved): marked 【待补充】 in the report",
  "report.missing.total": "the total is not computed yet: the conclusion is marked 【待补充】",
  "report.missing.provisional":
    "some indicators await judgement: the report calls the total and grade provisional (暂定)",
  "report.action.generate": "Write the self-evaluation report",
  "report.action.busy": "Writing the self-evaluation report…",
  "report.generated": "Draft report “{file}” written; fill in the places marked 【待补充】.",
  "report.generatedMissing": "Draft report “{file}” written. Note: {detail}.",
  "report.failed": "The report could not be written: {message}",
};

registerMessages(reportZhCN, reportEnUS);
