/**
 * Wording of the sheet layer's messages (src/sheet: tables found or not, the write plan, the
 * highlight legend), zh-CN first, en-US second; the type checker lists a key en-US lacks.
 * Header words quoted in a message are the table's own (Chinese) words in both locales.
 */

export const sheetZhCN = {
  "sheet.multipleTables": "工作表“{sheet}”中有{tables}张表，每张表分别评分。",
  "sheet.targetAdjusted": "第{row}行按调整后的指标值（{cell}）评分。",
  "sheet.budgetFromSubRows": "第{row}行（预算资金总额）未填金额，按其下各行之和计算执行率。",
  "sheet.noTable":
    "工作表“{sheet}”中没有找到绩效指标表：没有一至三行的表头同时含有指标名称列和分值列（{seen}缺少的表头文字：{missing}）。请检查表头，或手动指定表头行和各列。",
  "sheet.noTable.seen": "找到的表头文字：{words}；",
  "sheet.noTable.noneSeen": "没有找到任何表头文字；",
  "sheet.mappingIncomplete": "工作表“{sheet}”的手动列设置不完整：缺少{missing}。请补全后再评分。",
  "sheet.word.headerRow": "表头行",
  "sheet.mergesUnknown":
    "此版本的 Excel 无法读取合并单元格（需要 ExcelApi 1.13 及以上），为免写入合并区域，偏差说明草稿没有写入表格；请按“请填写偏差原因分析”的提示手工填写。",
  "sheet.mark.exceedsWeight": "得分超过分值",
  "sheet.mark.missingValue": "指标值或完成值缺失、无法识别",
  "sheet.mark.unitMismatch": "指标值与完成值单位不一致",
  "sheet.mark.mismatch": "得分、执行率或总分与规则计算不符",
  "sheet.mark.pending": "定性指标待判断",
  "sheet.mark.noteRequired": "需要填写偏差原因分析",
} as const;

export const sheetEnUS: Record<keyof typeof sheetZhCN, string> = {
  "sheet.multipleTables": "Sheet “{sheet}” holds {tables} tables; each is scored on its own.",
  "sheet.targetAdjusted": "Row {row} is scored against its adjusted target ({cell}).",
  "sheet.budgetFromSubRows":
    "Row {row} (the budget total) has no amounts: its rate uses the sums of the rows below it.",
  "sheet.noTable":
    "No indicator table was found on sheet “{sheet}”: no header of one to three rows holds both an indicator name column and a weight column ({seen}header words missing: {missing}). Check the header, or give the header rows and columns by hand.",
  "sheet.noTable.seen": "header words found: {words}; ",
  "sheet.noTable.noneSeen": "no header words found; ",
  "sheet.mappingIncomplete":
    "The columns given by hand for sheet “{sheet}” are incomplete: {missing} missing. Complete them, then score.",
  "sheet.word.headerRow": "header row",
  "sheet.mergesUnknown":
    "This version of Excel cannot read merged cells (ExcelApi 1.13 or later is needed), so the draft deviation notes were not written, to avoid writing into merged areas; fill in the notes asked for by hand.",
  "sheet.mark.exceedsWeight": "Score above the weight",
  "sheet.mark.missingValue": "Target or actual missing or unreadable",
  "sheet.mark.unitMismatch": "Target and actual in different units",
  "sheet.mark.mismatch": "Score, rate or total differs from the rules",
  "sheet.mark.pending": "Qualitative indicator awaiting judgement",
  "sheet.mark.noteRequired": "Deviation note needed",
};
