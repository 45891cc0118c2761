/**
 * Wording of 复核 and the 问题清单 (src/review, `jixiao review`, the pane's export of the problem list).
 * zh-CN first, en-US second (`tsc` fails on a key missing from either). Registered when
 * imported: a module that uses one of these keys imports this file (test/i18n/parts.test.ts).
 */
import { registerMessages } from "./runtime";

export const reviewZhCN = {
  "review.description": "复核：为文件或文件夹中每个工作簿的每张表评分（不写入），输出问题清单",
  "review.opt.out": "输出问题清单（.xlsx 含“问题清单”“汇总”两个工作表；.csv 时汇总另存为 -汇总.csv）",
  "review.opt.json": "在标准输出打印全部问题（JSON 数组）",
  "review.opt.workers":
    "并行的工作线程数（默认按空闲的 CPU 核数自动决定，文件少于300个时不用；1 表示不用工作线程）",
  "review.progress": "复核进度",
  "review.written": "已写出问题清单“{file}”：{tables} 张表，P0 {p0} 条，P1 {p1} 条，P2 {p2} 条。",
  "review.writtenCsv": "汇总另存为“{file}”。",
  "review.outRequired": "请用 --out 指定问题清单文件（.xlsx 或 .csv）。",
  "review.noSheets": "工作簿“{file}”中没有工作表。",
  "review.failed": "复核文件“{file}”时出错：{detail}",
  "review.workerFailed": "复核文件“{file}”的工作线程意外退出：{detail}",
  "review.moreP0": "  ……另有 {n} 条 P0 问题，见问题清单。",
  "review.sheet.findings": "问题清单",
  "review.sheet.summary": "汇总",
  "review.sheetTable": "{sheet}（表{table}）",
  "review.provisional": "（暂定）",
  "review.col.level": "等级",
  "review.col.file": "文件",
  "review.col.sheet": "工作表",
  "review.col.cell": "单元格",
  "review.col.indicator": "指标",
  "review.col.finding": "发现",
  "review.col.basis": "依据",
  "review.col.suggestion": "建议",
  "review.col.project": "项目名称",
  "review.col.writtenTotal": "自评总分",
  "review.col.total": "复核总分",
  "review.col.grade": "等级",
  "review.sum.rollUp": "合计",
  "review.sum.grade": "{grade}（{min}分以上）",
  "review.sum.gradeBelow": "{grade}（{min}分以下）",
  "review.sum.provisional": "总分暂定",
  "review.sum.unreadable": "无法读取的文件",
  "review.rollup.tables": "{n}项",
  "review.rollup.count": "共{n}项",
  "review.rollup.grade": "{n}项{min}分以上（{grade}）",
  "review.rollup.gradeBelow": "{n}项{min}分以下（{grade}）",
  "review.rollup.provisional": "{n}项总分暂定",
  "review.rollup.unreadable": "{n}个文件无法读取",
  "review.rollup.sep": "，",
  "review.rollup.end": "。",
  "review.indicator.budget": "预算执行率",
  "review.indicator.total": "总分",
  "review.rule.LAYOUTS": "表格识别",
  "review.rule.FILE": "文件读取",
  "review.rule.R-PARSE": "数值识别",
  "review.rule.R-PARSE-3": "计量单位",
  "review.rule.R-PARSE-9": "以文字填写完成值",
  "review.rule.R-DIR": "指标方向",
  "review.rule.R-QUAL": "定性指标评分",
  "review.rule.R-CAP": "得分不超过分值",
  "review.rule.R-BUDGET": "预算执行率",
  "review.rule.R-TOTAL-2": "总分暂定",
  "review.rule.R-TOTAL-3": "分值合计",
  "review.rule.R-TOTAL-5": "得分核对",
  "review.rule.R-GRADE-1": "评价等级",
  "review.rule.R-DEV": "偏差分析",
  "review.rule.R-WRITE-1": "写入范围",
  "review.rule.R-WRITE-3": "保留公式",
  "review.rule.S-COST": "成本指标方向",
  "review.rule.S-FUND": "数量指标不应为资金支付",
  "review.rule.S-DUP": "指标重复",
  "review.rule.S-PCT": "比率指标值超过100%",
  "review.rule.S-FULL": "全部满分且实际值等于指标值",
  "review.rule.S-NOTE": "扣分须说明理由",
  "review.rule.S-SAT": "满意度数据来源",
  "review.check.COST_DIRECTION_POSITIVE.written":
    "成本指标“{name}”的指标值“{target}”写为“≥”（越高越好），成本应控制在指标值以内。",
  "review.check.COST_DIRECTION_POSITIVE.default":
    "成本指标“{name}”的指标值“{target}”未写比较符，按“≥”（越高越好）计分，成本应控制在指标值以内。",
  "review.check.FUNDS_AS_QUANTITY": "数量指标“{name}”是资金支付类指标（含“{word}”），不反映实际产出。",
  "review.check.DUPLICATE_INDICATOR": "指标“{name}”在本表中重复出现（第{firstRow}行已有同名指标）。",
  "review.check.PERCENT_TARGET_OVER_100": "正向指标“{name}”的指标值“{target}”超过100%。",
  "review.check.ALL_FULL_MARKS": "全部{rows}项指标均为满分，且实际完成值均与年度指标值相同。",
  "review.check.DEDUCTION_WITHOUT_NOTE.empty": "“{name}”得分{score}，低于分值{weight}，未说明扣分原因。",
  "review.check.DEDUCTION_WITHOUT_NOTE.none":
    "“{name}”得分{score}，低于分值{weight}，表中没有说明扣分原因的栏目。",
  "review.check.SATISFACTION_100_NO_SOURCE":
    "满意度指标“{name}”为100%（年度指标值“{target}”，实际完成值“{actual}”），未注明数据来源。",
  "review.suggest.COST_DIRECTION_POSITIVE":
    "请将“{name}”的指标值改为“≤{target}”（成本控制在指标值以内）；节约率、降低率等越高越好的成本指标除外。",
  "review.suggest.FUNDS_AS_QUANTITY":
    "资金支付进度不是产出，请将“{name}”改为反映实际产出的数量指标（如完成任务数、覆盖人数），资金执行情况以预算执行率反映。",
  "review.suggest.DUPLICATE_INDICATOR":
    "请删除或合并重复的指标“{name}”（与第{firstRow}行相同），并重新分配分值。",
  "review.suggest.PERCENT_TARGET_OVER_100":
    "比率类指标的指标值不应超过100%，请核实“{name}”的指标值，或改用绝对数设定目标。",
  "review.suggest.ALL_FULL_MARKS": "请核实各项实际完成值是否如实填写，并提供佐证材料；指标值应有一定挑战性。",
  "review.suggest.DEDUCTION_WITHOUT_NOTE": "请写明“{name}”扣分（{score}/{weight}分）的原因及改进措施。",
  "review.suggest.SATISFACTION_100_NO_SOURCE":
    "请注明“{name}”的数据来源（调查方式、样本数量，如“发放问卷200份，回收198份”），并附调查结果。",
  "review.suggest.TOTAL_MISMATCH": "请将总分由{written}更正为{computed}，或核对各项得分后重新合计。",
  "review.suggest.SCORE_MISMATCH":
    "请核对“{name}”的得分：按规则应为{rule}分，表中为{written}分；如系适度调减，请在偏差说明中写明理由。",
  "review.suggest.SCORE_EXCEEDS_WEIGHT": "请将“{name}”的得分调整为不超过分值{weight}分。",
  "review.suggest.UNIT_MISMATCH": "请统一“{name}”年度指标值与实际完成值的计量单位后重新计分。",
  "review.suggest.DIRECTION_UNKNOWN": "请将“{name}”的指标性质改为≥、≤、＝或定性之一。",
  "review.suggest.BUDGET_MISSING": "请补填全年预算数（或调整后预算数），再计算预算执行率得分。",
  "review.suggest.RATE_MISMATCH": "请将执行率更正为{rate}（全年执行数÷全年预算数）。",
  "review.suggest.GRADE_MISMATCH": "请将评价等级更正为“{grade}”。",
  "review.suggest.DEVIATION_NOTE_REQUIRED": "请在偏差原因分析栏写明“{name}”的偏差原因及改进措施。",
  "review.suggest.UNDER_TARGET": "请说明“{name}”未完成年度指标的原因，并提出改进措施。",
  "review.suggest.OVER_COMPLETION":
    "请分析“{name}”的年度指标值是否设置偏低；必要时适度调减得分，并在下一年度合理调高指标值。",
  "review.suggest.LOW_EXECUTION": "请说明预算执行率偏低的原因，并提出加快执行的措施。",
  "review.suggest.PERF_EXEC_MISMATCH": "请核实绩效完成情况与资金支出进度是否匹配，必要时调整自评得分。",
  "review.suggest.EXECUTION_OVER_100": "请核实全年执行数是否超出预算，并说明超支原因。",
  "review.suggest.TOTAL_INCOMPLETE": "请先为待评指标评定得分，再确定总分和等级。",
  "review.suggest.WEIGHT_SUM": "请核对各项分值，使分值合计（含预算执行率）为100分。",
  "review.suggest.LEVEL_WEIGHT_MISMATCH": "请核对该级指标标注的分值与其下各项分值之和是否一致。",
  "review.suggest.QUALITATIVE_NEEDS_JUDGEMENT": "请按“达成 / 部分达成 / 未达成”三档为“{name}”评定得分。",
  "review.suggest.QUALITATIVE_BAND": "请核对“{name}”的得分是否与实际完成程度所在档次相符。",
  "review.suggest.UNPARSEABLE_VALUE": "请将“{name}”的数值改为可识别的写法（数字加单位，如“≥95%”“10个”）。",
  "review.suggest.MISSING_TARGET": "请补填“{name}”的年度指标值。",
  "review.suggest.MISSING_ACTUAL": "请补填“{name}”的实际完成值。",
  "review.suggest.MISSING_WEIGHT": "请补填“{name}”的分值。",
  "review.suggest.UNIT_ASSUMED": "请为“{name}”补写计量单位，避免歧义。",
  "review.suggest.ACTUAL_AS_WORD": "请将“{name}”的实际完成值填写为具体数值。",
  "review.suggest.FORMULA_KEPT": "单元格公式的结果与评分规则不一致，请核对公式。",
  "review.suggest.BUDGET_DENOMINATOR": "如需按其他口径计算执行率，请补填相应的预算数列。",
  "review.suggest.NO_TABLE_FOUND":
    "请确认文件含有绩效自评表或评分表，并检查表头文字（一级指标、三级指标、分值、得分等）。",
  "review.suggest.UNREADABLE_FILE": "请在 Excel 或 WPS 中打开该文件，另存为 .xlsx 后重新提交。",
  "review.suggest.default": "请核对并更正。",
} as const;

export type ReviewKey = keyof typeof reviewZhCN;

export const reviewEnUS: Record<ReviewKey, string> = {
  "review.description":
    "Review: score every table of every workbook in a file or folder (nothing written) and list the findings",
  "review.opt.out":
    "findings list (.xlsx with the sheets Findings and Summary; with .csv the summary goes to -汇总.csv)",
  "review.opt.json": "print every finding on standard output (a JSON array)",
  "review.opt.workers": "worker threads (default: one per idle CPU core, none under 300 files; 1 means none)",
  "review.progress": "Reviewing",
  "review.written": "Findings list “{file}” written: {tables} tables, P0 {p0}, P1 {p1}, P2 {p2}.",
  "review.writtenCsv": "Summary written to “{file}”.",
  "review.outRequired": "Name the findings list with --out (.xlsx or .csv).",
  "review.noSheets": "The workbook “{file}” has no sheets.",
  "review.failed": "Reviewing “{file}” failed: {detail}",
  "review.workerFailed": "The worker reviewing “{file}” stopped unexpectedly: {detail}",
  "review.moreP0": "  … {n} more P0 findings in the list.",
  "review.sheet.findings": "Findings",
  "review.sheet.summary": "Summary",
  "review.sheetTable": "{sheet} (table {table})",
  "review.provisional": " (provisional)",
  "review.col.level": "Level",
  "review.col.file": "File",
  "review.col.sheet": "Sheet",
  "review.col.cell": "Cell",
  "review.col.indicator": "Indicator",
  "review.col.finding": "Finding",
  "review.col.basis": "Basis",
  "review.col.suggestion": "Suggestion",
  "review.col.project": "Project",
  "review.col.writtenTotal": "Total as written",
  "review.col.total": "Total as reviewed",
  "review.col.grade": "Grade",
  "review.sum.rollUp": "Total",
  "review.sum.grade": "{grade} ({min} points or more)",
  "review.sum.gradeBelow": "{grade} (below {min} points)",
  "review.sum.provisional": "Provisional totals",
  "review.sum.unreadable": "Files that could not be read",
  "review.rollup.tables": "{n} tables",
  "review.rollup.count": "{n} tables",
  "review.rollup.grade": "{n} at {min} points or more ({grade})",
  "review.rollup.gradeBelow": "{n} below {min} points ({grade})",
  "review.rollup.provisional": "{n} with a provisional total",
  "review.rollup.unreadable": "{n} files could not be read",
  "review.rollup.sep": "; ",
  "review.rollup.end": ".",
  "review.indicator.budget": "Budget execution rate",
  "review.indicator.total": "Total",
  "review.rule.LAYOUTS": "table detection",
  "review.rule.FILE": "file reading",
  "review.rule.R-PARSE": "value notation",
  "review.rule.R-PARSE-3": "units",
  "review.rule.R-PARSE-9": "completion words as actuals",
  "review.rule.R-DIR": "direction",
  "review.rule.R-QUAL": "qualitative scoring",
  "review.rule.R-CAP": "score within the weight",
  "review.rule.R-BUDGET": "budget execution",
  "review.rule.R-TOTAL-2": "provisional total",
  "review.rule.R-TOTAL-3": "weights",
  "review.rule.R-TOTAL-5": "figures checked",
  "review.rule.R-GRADE-1": "grade",
  "review.rule.R-DEV": "deviations",
  "review.rule.R-WRITE-1": "what is written",
  "review.rule.R-WRITE-3": "formulas kept",
  "review.rule.S-COST": "direction of cost indicators",
  "review.rule.S-FUND": "quantity indicators are not fund payments",
  "review.rule.S-DUP": "duplicate indicators",
  "review.rule.S-PCT": "rate target above 100%",
  "review.rule.S-FULL": "full marks with actuals equal to targets",
  "review.rule.S-NOTE": "deductions need a reason",
  "review.rule.S-SAT": "source of satisfaction figures",
  "review.check.COST_DIRECTION_POSITIVE.written":
    "Cost indicator “{name}” has the target “{target}” written as ≥ (higher is better); a cost should stay within its target.",
  "review.check.COST_DIRECTION_POSITIVE.default":
    "Cost indicator “{name}” has the target “{target}” without a comparator, so it is scored as ≥ (higher is better); a cost should stay within its target.",
  "review.check.FUNDS_AS_QUANTITY":
    "Quantity indicator “{name}” measures fund payment (“{word}”), not an output.",
  "review.check.DUPLICATE_INDICATOR":
    "Indicator “{name}” appears twice in this table (already on row {firstRow}).",
  "review.check.PERCENT_TARGET_OVER_100":
    "Positive indicator “{name}” has a target of “{target}”, above 100%.",
  "review.check.ALL_FULL_MARKS": "All {rows} indicators have full marks and every actual equals its target.",
  "review.check.DEDUCTION_WITHOUT_NOTE.empty":
    "“{name}” scores {score} of {weight} with no reason given for the deduction.",
  "review.check.DEDUCTION_WITHOUT_NOTE.none":
    "“{name}” scores {score} of {weight}; the table has no column for the reason of a deduction.",
  "review.check.SATISFACTION_100_NO_SOURCE":
    "Satisfaction indicator “{name}” is at 100% (target “{target}”, actual “{actual}”) with no source of the figure noted.",
  "review.suggest.COST_DIRECTION_POSITIVE":
    "Write the target of “{name}” as “≤{target}” (cost kept within the target); savings and reduction rates, where higher is better, excepted.",
  "review.suggest.FUNDS_AS_QUANTITY":
    "Paying out funds is not an output: replace “{name}” with a quantity indicator of what was delivered (tasks completed, people covered); spending is measured by the budget execution rate.",
  "review.suggest.DUPLICATE_INDICATOR":
    "Remove or merge the duplicate indicator “{name}” (same as row {firstRow}) and share out its weight again.",
  "review.suggest.PERCENT_TARGET_OVER_100":
    "A rate target should not exceed 100%: check the target of “{name}”, or set it as an absolute figure.",
  "review.suggest.ALL_FULL_MARKS":
    "Check that the actuals were reported as achieved, with supporting evidence; targets should be demanding.",
  "review.suggest.DEDUCTION_WITHOUT_NOTE":
    "State why “{name}” lost points ({score} of {weight}) and what will be improved.",
  "review.suggest.SATISFACTION_100_NO_SOURCE":
    "Note the source of “{name}” (survey method and sample, e.g. 200 questionnaires sent, 198 returned) and attach the results.",
  "review.suggest.TOTAL_MISMATCH":
    "Correct the total from {written} to {computed}, or check the scores and add them up again.",
  "review.suggest.SCORE_MISMATCH":
    "Check the score of “{name}”: the rule gives {rule}, the table has {written}; if it was lowered on purpose, give the reason in the deviation note.",
  "review.suggest.SCORE_EXCEEDS_WEIGHT": "Lower the score of “{name}” to at most its weight of {weight}.",
  "review.suggest.UNIT_MISMATCH":
    "Use the same unit for the target and the actual of “{name}”, then score it again.",
  "review.suggest.DIRECTION_UNKNOWN": "Set the direction of “{name}” to one of ≥, ≤, ＝ or 定性.",
  "review.suggest.BUDGET_MISSING":
    "Fill in the annual budget (or adjusted budget) so that the execution rate can be scored.",
  "review.suggest.RATE_MISMATCH": "Correct the execution rate to {rate} (executed ÷ annual budget).",
  "review.suggest.GRADE_MISMATCH": "Correct the grade to “{grade}”.",
  "review.suggest.DEVIATION_NOTE_REQUIRED":
    "Write the reason for the deviation of “{name}” and the measures to improve in the note column.",
  "review.suggest.UNDER_TARGET":
    "Explain why “{name}” fell short of its annual target and how it will be improved.",
  "review.suggest.OVER_COMPLETION":
    "Consider whether the target of “{name}” was set too low; lower the score moderately if so, and raise the target next year.",
  "review.suggest.LOW_EXECUTION":
    "Explain the low budget execution and how spending will be brought on schedule.",
  "review.suggest.PERF_EXEC_MISMATCH":
    "Check that the reported performance matches the spending, and adjust the self-assessed scores if needed.",
  "review.suggest.EXECUTION_OVER_100":
    "Check whether spending exceeded the budget and explain the overspend.",
  "review.suggest.TOTAL_INCOMPLETE":
    "Score the indicators awaiting judgement before settling the total and the grade.",
  "review.suggest.WEIGHT_SUM": "Check the weights so that they add up to 100 (budget execution included).",
  "review.suggest.LEVEL_WEIGHT_MISMATCH":
    "Check that the weight stated for the level equals the sum of the weights under it.",
  "review.suggest.QUALITATIVE_NEEDS_JUDGEMENT":
    "Score “{name}” in one of the three bands: achieved, partly achieved, not achieved.",
  "review.suggest.QUALITATIVE_BAND":
    "Check that the score of “{name}” lies in the band of what was achieved.",
  "review.suggest.UNPARSEABLE_VALUE":
    "Write the figure of “{name}” in a readable form (a number with its unit, e.g. ≥95%, 10个).",
  "review.suggest.MISSING_TARGET": "Fill in the annual target of “{name}”.",
  "review.suggest.MISSING_ACTUAL": "Fill in the actual of “{name}”.",
  "review.suggest.MISSING_WEIGHT": "Fill in the weight of “{name}”.",
  "review.suggest.UNIT_ASSUMED": "Add the unit to “{name}” to avoid ambiguity.",
  "review.suggest.ACTUAL_AS_WORD": "Write the actual of “{name}” as a figure.",
  "review.suggest.FORMULA_KEPT": "The formula's result differs from the scoring rule: check the formula.",
  "review.suggest.BUDGET_DENOMINATOR": "To use another budget figure, fill in that budget column.",
  "review.suggest.NO_TABLE_FOUND":
    "Make sure the file holds a self-evaluation or scoring table and check its header (一级指标, 三级指标, 分值, 得分 …).",
  "review.suggest.UNREADABLE_FILE": "Open the file in Excel or WPS, save it as .xlsx and submit it again.",
  "review.suggest.default": "Check and correct.",
};

registerMessages(reviewZhCN, reviewEnUS);
