/**
 * Wording of the scoring core's messages (src/core/messages.ts), zh-CN first, en-US second.
 * `{name}` placeholders are the message's parameters; a parameter that is itself a message
 * is worded in the same locale, a list is joined with the locale's separator.
 */
import type { CoreMessageKey } from "../core/messages";

export const coreZhCN: Record<CoreMessageKey, string> = {
  "core.reason.outOfRange": "超出合理范围（绝对值应小于10¹⁵），无法识别",
  "core.reason.unreadable": "无法识别",
  "core.reason.notNumber": "不是数字",
  "core.reason.notNumeric": "不是数值",
  "core.date": "{y}年{m}月{d}日",
  "core.side.target": "年度指标值“{text}”",
  "core.side.actual": "实际完成值“{text}”",
  "core.cell.rowScore": "{name}的得分",
  "core.cell.budgetScore": "预算执行率得分",
  "core.cell.total": "总分",
  "core.cell.grade": "评价等级",
  "core.cell.rate": "{label}执行率",
  "core.column.budget": "预算数",
  "core.column.executed": "执行数",
  "core.target.unreadable": "{name}：年度指标值“{text}”{reason}，请检查。",
  "core.target.missing": "{name}：未填写年度指标值，无法按规则计分。",
  "core.target.notDate": "{name}：年度指标值“{text}”不是日期，无法按时间计分。",
  "core.actual.missing": "{name}：未填写实际完成值。",
  "core.actual.missingForScore": "{name}：未填写实际完成值，无法计分。",
  "core.actual.textForDate": "{name}：实际完成值“{text}”不是日期，请判断是否在{date}前完成并打分。",
  "core.actual.notDate": "{name}：实际完成值“{text}”不是日期，无法与目标日期比较。",
  "core.actual.notNumber": "{name}：实际完成值“{text}”{reason}，无法与年度指标值{target}比较。",
  "core.actual.wordMet":
    "{name}：实际完成值写为“{text}”而不是数值，按已完成建议满分；请填写与年度指标值{target}可比的实际数值。",
  "core.actual.wordNotMet":
    "{name}：实际完成值写为“{text}”而不是数值，完成程度不明；请填写与年度指标值{target}可比的实际数值。",
  "core.direction.unknown":
    "{name}：指标性质“{text}”无法识别（应为≥、≤、＝、定性或正向、反向），本行未计分，请设置指标方向。",
  "core.unit.mismatch":
    "{name}：年度指标值单位“{targetUnit}”与实际完成值单位“{actualUnit}”不一致，无法比较，请核对。",
  "core.unit.assumed": "{name}：{side}未写单位，按“{unit}”计算。",
  "core.weight.unreadable": "{name}：分值“{text}”{reason}。",
  "core.weight.missing": "{name}：未填写分值，无法计分。",
  "core.score.unreadable": "{name}：得分“{text}”{reason}。",
  "core.score.overWeight": "{name}：得分{score}超过分值{weight}。",
  "core.score.negative": "{name}：得分{score}不能为负数。",
  "core.score.mismatch": "{name}：得分填写为{score}，按规则计算应为{rule}。",
  "core.qual.band":
    "{name}：实际“{actual}”对照年度指标值“{target}”，得分应在{lo}至{hi}分之间，现为{score}分。",
  "core.judgement.byPerson": "{name}：需由评价人按评分标准打分（满分{weight}分）。",
  "core.judgement.qualitative":
    "{name}：定性指标，实际“{actual}”对照年度指标值“{target}”，请判断完成档次并打分（达成{a0}–{a1}分，部分达成{p0}–{p1}分，未达成{n0}–{n1}分）。",
  "core.judgement.byRuleText": "{name}：按评分标准需人工判断打分（满分{weight}分）。",
  "core.judgement.notMetWord":
    "{name}：实际完成值为“{text}”，请判断完成程度并打分（满分{weight}分），并说明偏差原因。",
  "core.under.rate": "{name}：完成率{completion}，未完成年度目标，请说明偏差原因。",
  "core.under.reverseRate": "{name}：完成率{completion}，超出年度指标值，请说明偏差原因。",
  "core.under.qualitative": "{name}：实际“{actual}”未完全达成年度指标值“{target}”，请说明偏差原因。",
  "core.under.late": "{name}：晚于目标时间，请说明偏差原因。",
  "core.under.short": "{name}：未完成年度目标，请说明偏差原因。",
  "core.under.lowScore": "{name}：得分{score}低于分值{weight}，请说明偏差原因。",
  "core.over.withRate":
    "{name}：实际完成值{actual}（完成率{completion}）远超年度指标值{target}，请分析指标值是否设置偏低，必要时适度调减得分。",
  "core.over.plain":
    "{name}：实际完成值{actual}远超年度指标值{target}，请分析指标值是否设置偏低，必要时适度调减得分。",
  "core.note.noCell": "{name}：需要填写偏差原因分析及改进措施，但表中没有对应的单元格。",
  "core.note.empty": "{name}：请填写偏差原因分析及改进措施。",
  "core.note.draft": "{name}：请填写偏差原因分析及改进措施（现为待补充的草稿）。",
  "core.budget.denominator": "表中没有“{preferred}”列，预算执行率按“{used}”计算。",
  "core.budget.noTotalRow": "预算执行情况中没有找到“年度资金总额”或“合计”行，无法计算预算执行率得分。",
  "core.budget.unreadable": "{label}的{column}“{text}”{reason}。",
  "core.budget.missing.unreadable": "{label}的{column}无法识别，无法计算预算执行率。",
  "core.budget.missing.empty": "{label}的{column}为空或为0，无法计算预算执行率。",
  "core.budget.missing.executed": "{label}的执行数未填写，无法计算预算执行率。",
  "core.budget.over100": "预算执行率{rate}，超过100%，按100%计分，请核对执行数与预算数。",
  "core.budget.scoreMismatch": "预算执行率得分填写为{score}，按执行率{rate}计算应为{rule}。",
  "core.budget.scoreOverWeight": "预算执行率得分{score}超过分值{weight}。",
  "core.budget.low": "预算执行率{rate}，低于{threshold}，请说明原因。",
  "core.budget.noteRequired": "预算执行率低于{threshold}，请填写原因及改进措施。",
  "core.budget.rateMismatch": "{label}执行率填写为{written}，按执行数÷预算数计算应为{rate}。",
  "core.level1.weightMismatch": "一级指标“{label}”标明{stated}分，其下各项分值合计为{sum}分。",
  "core.level2.weightMismatch": "二级指标“{label}”标明{stated}分，其下各项分值合计为{sum}分。",
  "core.total.weightSum": "各项分值（含预算执行率）合计为{sum}分，不等于100分，请核对。",
  "core.total.incomplete.rows": "{count}项指标尚未得分（第{rows}行），总分{total}为暂计数，未写入表格。",
  "core.total.incomplete.budget": "预算执行率得分无法计算，总分{total}为暂计数，未写入表格。",
  "core.total.incomplete.direction":
    "{count}项指标的指标性质无法识别（第{rows}行），其得分未经核对，总分{total}为暂计数，未写入表格。",
  "core.total.incomplete.both":
    "{count}项指标尚未得分（第{rows}行），预算执行率得分无法计算，总分{total}为暂计数，未写入表格。",
  "core.total.mismatch": "总分填写为{score}，按各项得分合计应为{total}。",
  "core.total.perfExec":
    "绩效指标得分率{attainment}明显高于预算执行率{rate}，请核实绩效完成情况与资金支出是否匹配。",
  "core.grade.mismatch": "评价等级填写为“{written}”，按总分{total}分应为“{grade}”。",
  "core.formulaKept": "{cell}单元格是公式，未改写（按规则应为{value}）。",
  "core.profile.invalid": "评分口径配置项“{key}”无效：应为{expected}，实际为{got}。",
  "core.profile.unknownKey": "评分口径配置中有未知的配置项“{key}”，请检查拼写。",
  "core.profile.unknownPreset": "未知的评分口径“{name}”。可用的预设为：{presets}，或提供 JSON 配置文件。",
  "core.profile.notObject": "评分口径配置应为 JSON 对象。",
  "core.profile.noLowestGrade": "评分口径配置项“gradeBands”无效：应包含一个 min 为0的最低等级。",
  "core.profile.type.null": "null",
  "core.profile.type.array": "数组",
  "core.profile.type.text": "文本“{value}”",
  "core.profile.type.number": "数字“{value}”",
  "core.profile.type.boolean": "true/false",
  "core.profile.type.object": "对象",
  "core.profile.expect.nonEmptyText": "非空文本",
  "core.profile.expect.decimals": "0至6之间的整数",
  "core.profile.expect.weight": "0至100之间的数字",
  "core.profile.expect.oneOf": "以下之一：{values}",
  "core.profile.expect.factor": "不小于1的数字",
  "core.profile.expect.boolean": "true 或 false",
  "core.profile.expect.fraction": "0至1之间的小数（如0.9）",
  "core.profile.expect.bandsPair": "两个数字组成的数组（如[0.8, 0.6]）",
  "core.profile.expect.bandsOrder": "两个0至1之间、前大后小的数字",
  "core.profile.expect.gradeBands": '等级数组（如[{"grade":"优","min":90}]）',
  "core.profile.expect.gradeBand": "含 grade 与 min 的对象",
  "core.profile.expect.gradeBandKey": "grade 或 min",
  "core.profile.expect.number": "数字",
  "core.profile.expect.array": "数组",
  "core.profile.expect.gradeCap": "含 when 与 maxGrade 的对象",
  "core.profile.expect.gradeCapKey": "when 或 maxGrade",
  "core.profile.expect.when":
    "“指标 比较符 数字”形式的条件（如“budgetRate < 0.9”；指标为 budgetRate、total 或 attainment）",
  "core.profile.expect.ladders": '由文本数组组成的数组（如[["好","较好","差"]]）',
  "core.profile.expect.threshold": "0至1之间（不含1）的小数（如0.6），或 null",
  "core.profile.expect.bands": '档次数组（如[{"min":0.9,"share":1}]），或 null',
  "core.profile.expect.band": "含 min 与 share 的对象",
  "core.profile.expect.bandKey": "min 或 share",
  "core.profile.expect.nonNegative": "不小于0的数字",
};

export const coreEnUS: Record<CoreMessageKey, string> = {
  "core.reason.outOfRange": "is out of the plausible range (absolute value below 10¹⁵) and cannot be read",
  "core.reason.unreadable": "cannot be read",
  "core.reason.notNumber": "is not a number",
  "core.reason.notNumeric": "is not a number",
  "core.date": "{y}-{mm}-{dd}",
  "core.side.target": "the target “{text}”",
  "core.side.actual": "the actual “{text}”",
  "core.cell.rowScore": "The score of {name}",
  "core.cell.budgetScore": "The budget execution score",
  "core.cell.total": "The total",
  "core.cell.grade": "The grade",
  "core.cell.rate": "The execution rate of {label}",
  "core.column.budget": "budget",
  "core.column.executed": "amount spent",
  "core.target.unreadable": "{name}: the target “{text}” {reason}; please check it.",
  "core.target.missing": "{name}: no target is filled in, so the rule cannot score it.",
  "core.target.notDate": "{name}: the target “{text}” is not a date, so it cannot be scored by time.",
  "core.actual.missing": "{name}: no actual value is filled in.",
  "core.actual.missingForScore": "{name}: no actual value is filled in, so it cannot be scored.",
  "core.actual.textForDate":
    "{name}: the actual “{text}” is not a date; please judge whether it was done by {date} and enter a score.",
  "core.actual.notDate":
    "{name}: the actual “{text}” is not a date, so it cannot be compared with the target date.",
  "core.actual.notNumber":
    "{name}: the actual “{text}” {reason}, so it cannot be compared with the target {target}.",
  "core.actual.wordMet":
    "{name}: the actual is written as “{text}”, not a figure; full marks are proposed as done. Please enter a figure comparable with the target {target}.",
  "core.actual.wordNotMet":
    "{name}: the actual is written as “{text}”, not a figure, so the degree of completion is unknown. Please enter a figure comparable with the target {target}.",
  "core.direction.unknown":
    "{name}: the direction “{text}” is not recognised (expected ≥, ≤, ＝, 定性, 正向 or 反向); the row is not scored until a direction is set.",
  "core.unit.mismatch":
    "{name}: the target's unit “{targetUnit}” and the actual's unit “{actualUnit}” differ and cannot be compared; please check.",
  "core.unit.assumed": "{name}: {side} has no unit; “{unit}” was assumed.",
  "core.weight.unreadable": "{name}: the weight “{text}” {reason}.",
  "core.weight.missing": "{name}: no weight is filled in, so it cannot be scored.",
  "core.score.unreadable": "{name}: the score “{text}” {reason}.",
  "core.score.overWeight": "{name}: the score {score} exceeds the weight {weight}.",
  "core.score.negative": "{name}: the score {score} cannot be negative.",
  "core.score.mismatch": "{name}: the score entered is {score}; by the rule it should be {rule}.",
  "core.qual.band":
    "{name}: with the actual “{actual}” against the target “{target}”, the score should be between {lo} and {hi}; it is {score}.",
  "core.judgement.byPerson": "{name}: the evaluator scores this by the scoring criteria (out of {weight}).",
  "core.judgement.qualitative":
    "{name}: qualitative indicator, actual “{actual}” against the target “{target}”; please judge the band and enter a score (achieved {a0}–{a1}, partly achieved {p0}–{p1}, not achieved {n0}–{n1}).",
  "core.judgement.byRuleText":
    "{name}: the scoring criteria call for a person's judgement (out of {weight}).",
  "core.judgement.notMetWord":
    "{name}: the actual is “{text}”; please judge how far it was done, enter a score (out of {weight}) and explain the deviation.",
  "core.under.rate":
    "{name}: completion {completion}, the annual target was not met; please explain the deviation.",
  "core.under.reverseRate":
    "{name}: completion {completion}, the annual target was exceeded; please explain the deviation.",
  "core.under.qualitative":
    "{name}: the actual “{actual}” does not fully meet the target “{target}”; please explain the deviation.",
  "core.under.late": "{name}: later than the target date; please explain the deviation.",
  "core.under.short": "{name}: the annual target was not met; please explain the deviation.",
  "core.under.lowScore":
    "{name}: the score {score} is below the weight {weight}; please explain the deviation.",
  "core.over.withRate":
    "{name}: the actual {actual} (completion {completion}) is far above the target {target}; please consider whether the target was set too low and, if so, reduce the score moderately.",
  "core.over.plain":
    "{name}: the actual {actual} is far above the target {target}; please consider whether the target was set too low and, if so, reduce the score moderately.",
  "core.note.noCell":
    "{name}: an explanation of the deviation and the improvement measures is needed, but the table has no cell for it.",
  "core.note.empty": "{name}: please fill in the reasons for the deviation and the improvement measures.",
  "core.note.draft":
    "{name}: please fill in the reasons for the deviation and the improvement measures (the cell holds a draft to complete).",
  "core.budget.denominator": "The table has no “{preferred}” column; the execution rate uses “{used}”.",
  "core.budget.noTotalRow":
    "The budget block has no “年度资金总额” (total funds) or “合计” row, so the budget execution score cannot be computed.",
  "core.budget.unreadable": "{label}: the {column} “{text}” {reason}.",
  "core.budget.missing.unreadable":
    "{label}: the {column} cannot be read, so the execution rate cannot be computed.",
  "core.budget.missing.empty":
    "{label}: the {column} is empty or 0, so the execution rate cannot be computed.",
  "core.budget.missing.executed":
    "{label}: the amount spent is not filled in, so the execution rate cannot be computed.",
  "core.budget.over100":
    "The budget execution rate is {rate}, above 100%; it is scored as 100%. Please check the amounts spent and budgeted.",
  "core.budget.scoreMismatch":
    "The budget execution score entered is {score}; with the execution rate {rate} it should be {rule}.",
  "core.budget.scoreOverWeight": "The budget execution score {score} exceeds the weight {weight}.",
  "core.budget.low": "The budget execution rate is {rate}, below {threshold}; please explain why.",
  "core.budget.noteRequired":
    "The budget execution rate is below {threshold}; please fill in the reasons and the improvement measures.",
  "core.budget.rateMismatch":
    "The execution rate of {label} is entered as {written}; spent ÷ budget gives {rate}.",
  "core.level1.weightMismatch":
    "The first-level indicator “{label}” states {stated} points; the weights under it add up to {sum}.",
  "core.level2.weightMismatch":
    "The second-level indicator “{label}” states {stated} points; the weights under it add up to {sum}.",
  "core.total.weightSum": "The weights (budget execution included) add up to {sum}, not 100; please check.",
  "core.total.incomplete.rows":
    "{count} indicators have no score yet (rows {rows}); the total {total} is provisional and was not written.",
  "core.total.incomplete.budget":
    "The budget execution score cannot be computed; the total {total} is provisional and was not written.",
  "core.total.incomplete.direction":
    "{count} indicators have a direction that cannot be read (rows {rows}), so their scores are unchecked; the total {total} is provisional and was not written.",
  "core.total.incomplete.both":
    "{count} indicators have no score yet (rows {rows}) and the budget execution score cannot be computed; the total {total} is provisional and was not written.",
  "core.total.mismatch": "The total entered is {score}; the scores add up to {total}.",
  "core.total.perfExec":
    "The indicators' score rate {attainment} is well above the budget execution rate {rate}; please check that performance and spending match.",
  "core.grade.mismatch": "The grade is written as “{written}”; by the total {total} it should be “{grade}”.",
  "core.formulaKept": "{cell} is a formula and was not changed (by the rule it would be {value}).",
  "core.profile.invalid": "The profile setting “{key}” is invalid: expected {expected}, got {got}.",
  "core.profile.unknownKey": "The profile has an unknown setting “{key}”; please check the spelling.",
  "core.profile.unknownPreset":
    "Unknown profile “{name}”. The presets are {presets}; or give a JSON profile file.",
  "core.profile.notObject": "A profile must be a JSON object.",
  "core.profile.noLowestGrade":
    "The profile setting “gradeBands” is invalid: it needs a lowest grade with min 0.",
  "core.profile.type.null": "null",
  "core.profile.type.array": "an array",
  "core.profile.type.text": "the text “{value}”",
  "core.profile.type.number": "the number “{value}”",
  "core.profile.type.boolean": "true/false",
  "core.profile.type.object": "an object",
  "core.profile.expect.nonEmptyText": "non-empty text",
  "core.profile.expect.decimals": "an integer from 0 to 6",
  "core.profile.expect.weight": "a number from 0 to 100",
  "core.profile.expect.oneOf": "one of {values}",
  "core.profile.expect.factor": "a number not below 1",
  "core.profile.expect.boolean": "true or false",
  "core.profile.expect.fraction": "a fraction from 0 to 1 (e.g. 0.9)",
  "core.profile.expect.bandsPair": "an array of two numbers (e.g. [0.8, 0.6])",
  "core.profile.expect.bandsOrder": "two numbers from 0 to 1, the first not below the second",
  "core.profile.expect.gradeBands": 'an array of grades (e.g. [{"grade":"优","min":90}])',
  "core.profile.expect.gradeBand": "an object with grade and min",
  "core.profile.expect.gradeBandKey": "grade or min",
  "core.profile.expect.number": "a number",
  "core.profile.expect.array": "an array",
  "core.profile.expect.gradeCap": "an object with when and maxGrade",
  "core.profile.expect.gradeCapKey": "when or maxGrade",
  "core.profile.expect.when":
    "a condition “figure operator number” (e.g. “budgetRate < 0.9”; the figure is budgetRate, total or attainment)",
  "core.profile.expect.ladders": 'an array of arrays of text (e.g. [["good","fair","poor"]])',
  "core.profile.expect.threshold": "a fraction from 0 up to (not including) 1 (e.g. 0.6), or null",
  "core.profile.expect.bands": 'an array of bands (e.g. [{"min":0.9,"share":1}]), or null',
  "core.profile.expect.band": "an object with min and share",
  "core.profile.expect.bandKey": "min or share",
  "core.profile.expect.nonNegative": "a number not below 0",
};
