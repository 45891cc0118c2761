/**
 * Wording of the hosts' messages (the file host: files that cannot be read, writes refused,
 * sheets not found; the standard tables' input checks), zh-CN first, en-US second. Hosts
 * throw them as data (`HostError.text`, `FileReadError.text`); faces word them with
 * `errorText(e, locale)`. The Office host's own messages are the `office.*` keys of ./catalog.
 */

export const hostZhCN = {
  // files that cannot be read (src/hosts/file/read-errors.ts)
  "file.read.encrypted": "文件“{file}”设有打开密码（已加密），请在 Excel 中取消密码后另存再试。",
  "file.read.xls": "文件“{file}”是旧版 .xls 格式，请在 Excel 或 WPS 中“另存为” .xlsx 格式后再试。",
  "file.read.empty": "文件“{file}”是空文件，没有可读取的内容。",
  "file.read.damaged": "文件“{file}”已损坏或不完整，无法作为 Excel 工作簿打开。",
  "file.read.notXlsx": "文件“{file}”不是 Excel 工作簿（.xlsx），无法读取。",
  "file.read.tooLarge": "文件“{file}”超过 {limit} 的大小上限，无法读取。",
  "file.limit.part":
    "文件“{file}”中的部件“{part}”解压后为 {found}，超过上限 {limit}，为防止耗尽内存未予读取（可能已损坏或是“压缩炸弹”）。",
  "file.limit.total":
    "文件“{file}”解压后的总大小为 {found}，超过上限 {limit}，为防止耗尽内存未予读取（可能已损坏或是“压缩炸弹”）。",
  "file.limit.sheets":
    "文件“{file}”的工作表数为 {found}，超过上限 {limit}，为防止耗尽内存未予读取（可能已损坏或是“压缩炸弹”）。",
  "file.limit.cells":
    "文件“{file}”的单元格数为 {found}，超过上限 {limit}，为防止耗尽内存未予读取（可能已损坏或是“压缩炸弹”）。",
  "file.count": "{n} 个",
  "file.countOver": "{n} 个以上",
  "file.sizeOver": "{size} 以上",
  "file.bytes": "{n} 字节",
  // sheets, writes and undo (src/hosts/file)
  "file.sheetNotFound": "工作簿“{file}”中没有名为“{sheet}”的工作表。现有工作表：{available}。",
  "file.noSheets": "无",
  "file.sheetMissing": "文件“{file}”中没有名为“{sheet}”的工作表。",
  "file.bookSheetMissing": "工作簿中没有名为“{sheet}”的工作表。",
  "file.noSheet": "文件“{file}”中没有工作表。",
  "file.protected": "工作表“{sheet}”受保护，未写入任何单元格。请先撤销工作表保护。",
  "file.badAddress": "单元格地址“{cell}”无效，未写入任何单元格，请重新评分。",
  "file.changed": "单元格 {sheet}!{cell} 的内容已变化（现为“{now}”），未写入任何单元格，请重新评分。",
  "file.empty": "空",
  "file.formula": "单元格 {sheet}!{cell} 含公式，不会被覆盖（R-WRITE-3），请重新评分。",
  "file.nothingToRestore": "没有可撤销的写入记录。",
  "file.templateUnavailable": "模板暂不可用：{detail}",
  "file.noIndicatorInsert": "在网页中打开的文件暂不支持插入指标行：请在 Excel 中插入，或先插入空白标准表。",
  // the standard tables' input checks (src/templates), shown by Excel on a wrong entry
  "template.err.title": "输入有误",
  "template.err.weight": "分值应为 0 到 100 之间的数字。",
  "template.err.direction": "指标性质请从下拉列表中选择：≥、≤、＝ 或 定性。",
  "template.err.score": "得分应在 0 到 {weight} 之间，不能超过分值。",
} as const;

export const hostEnUS: Record<keyof typeof hostZhCN, string> = {
  "file.read.encrypted":
    "The file “{file}” is protected by an opening password (encrypted). Remove the password in Excel, save it again and retry.",
  "file.read.xls":
    "The file “{file}” is in the old .xls format. Save it as .xlsx in Excel or WPS (Save As) and retry.",
  "file.read.empty": "The file “{file}” is empty: there is nothing to read.",
  "file.read.damaged":
    "The file “{file}” is damaged or incomplete and cannot be opened as an Excel workbook.",
  "file.read.notXlsx": "The file “{file}” is not an Excel workbook (.xlsx) and cannot be read.",
  "file.read.tooLarge": "The file “{file}” is larger than the limit of {limit} and cannot be read.",
  "file.limit.part":
    "The part “{part}” of the file “{file}” unpacks to {found}, over the limit of {limit}; it was not read, to protect memory (the file may be damaged or a “zip bomb”).",
  "file.limit.total":
    "The file “{file}” unpacks to {found} in all, over the limit of {limit}; it was not read, to protect memory (it may be damaged or a “zip bomb”).",
  "file.limit.sheets":
    "The file “{file}” holds {found} sheets, over the limit of {limit}; it was not read, to protect memory (it may be damaged or a “zip bomb”).",
  "file.limit.cells":
    "The file “{file}” holds {found} cells, over the limit of {limit}; it was not read, to protect memory (it may be damaged or a “zip bomb”).",
  "file.count": "{n}",
  "file.countOver": "more than {n}",
  "file.sizeOver": "more than {size}",
  "file.bytes": "{n} bytes",
  "file.sheetNotFound": "The workbook “{file}” has no sheet named “{sheet}”. Its sheets: {available}.",
  "file.noSheets": "none",
  "file.sheetMissing": "The file “{file}” has no sheet named “{sheet}”.",
  "file.bookSheetMissing": "The workbook has no sheet named “{sheet}”.",
  "file.noSheet": "The file “{file}” has no sheets.",
  "file.protected": "The sheet “{sheet}” is protected; no cell was written. Unprotect the sheet first.",
  "file.badAddress": "The cell address “{cell}” is not valid; no cell was written. Score again.",
  "file.changed":
    "The cell {sheet}!{cell} has changed (it now holds “{now}”); no cell was written. Score again.",
  "file.empty": "empty",
  "file.formula":
    "The cell {sheet}!{cell} holds a formula and is never overwritten (R-WRITE-3). Score again.",
  "file.nothingToRestore": "There is no write to undo.",
  "file.templateUnavailable": "Templates are unavailable: {detail}",
  "file.noIndicatorInsert":
    "Indicator rows cannot yet be inserted into a file opened in the page: insert them in Excel, or insert a blank standard table first.",
  "template.err.title": "Invalid entry",
  "template.err.weight": "The weight must be a number from 0 to 100.",
  "template.err.direction": "Choose the indicator type from the list: ≥, ≤, ＝ or 定性.",
  "template.err.score": "The score must be from 0 to {weight}, not above the weight.",
};
