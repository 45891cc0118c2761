/**
 * Wording of the pane's shell (src/taskpane/App.tsx): title, language, tabs and choosing a file. The only
 * wording in the pane's initial script; the rest loads with the chunks that show it.
 * zh-CN first, en-US second (`tsc` fails on a key missing from either). Registered when
 * imported: a module that uses one of these keys imports this file (test/i18n/parts.test.ts).
 */
import { registerMessages } from "./runtime";

export const shellZhCN = {
  "app.name": "绩效自评助手",
  "taskpane.subtitle": "为项目支出绩效自评表、评分表核算得分",
  "taskpane.lastRun": "上次一键评分（{time}）：{message}",
  "taskpane.lang.switch": "English",
  "taskpane.lang.label": "切换界面语言",
  "taskpane.tab.score": "评分",
  "taskpane.tab.templates": "模板与指标库",
  "taskpane.busy": "正在处理…",
  "taskpane.start.file": "选择要评分的自评表或评分表（.xlsx），在本页核算得分，再下载评分后的文件。",
  "taskpane.file.choose": "选择 .xlsx 文件",
  "taskpane.file.hint": "文件只在本机浏览器中处理，不会上传到任何地方。",
  "taskpane.file.opened": "已打开：{name}",
  "taskpane.file.notXlsx":
    "“{name}”不是 .xlsx 文件。请在 Excel 或 WPS 中另存为“Excel 工作簿 (*.xlsx)”后再选择。",
  "taskpane.file.openFailed": "无法打开文件“{name}”：{message}",
  "taskpane.file.sheet": "工作表",
  "taskpane.step.choose": "选择文件",
  "taskpane.file.chooseOther": "选择其他文件",
  "taskpane.file.dropHere": "松开鼠标即可打开这个文件。",
  "taskpane.file.none": "还没有选择文件。",
  "taskpane.file.rereadFailed": "无法再次读取文件“{name}”：文件可能已被移动或删除。请重新选择文件。",
  "taskpane.loading.file": "正在读取“{name}”（{size} MB）… {pct}%",
  "taskpane.loading.parse": "正在打开“{name}”…",
  "taskpane.leave.replace": "已写入的评分还没有下载。换用其他文件会丢失这些写入，确定继续吗？",
} as const;

export type ShellKey = keyof typeof shellZhCN;

export const shellEnUS: Record<ShellKey, string> = {
  "app.name": "Performance Self-Evaluation Assistant",
  "taskpane.subtitle": "Scores budget-performance self-evaluation tables",
  "taskpane.lastRun": "Last quick score ({time}): {message}",
  "taskpane.lang.switch": "中文",
  "taskpane.lang.label": "Switch the interface language",
  "taskpane.tab.score": "Score",
  "taskpane.tab.templates": "Templates and indicators",
  "taskpane.busy": "Working…",
  "taskpane.start.file":
    "Choose a self-evaluation or scoring table (.xlsx), score it here, then download the scored file.",
  "taskpane.file.choose": "Choose an .xlsx file",
  "taskpane.file.hint": "The file is processed in this browser only; nothing is uploaded.",
  "taskpane.file.opened": "Opened: {name}",
  "taskpane.file.notXlsx":
    "“{name}” is not an .xlsx file. Save it as an Excel workbook (*.xlsx) and choose it again.",
  "taskpane.file.openFailed": "Cannot open “{name}”: {message}",
  "taskpane.file.sheet": "Sheet",
  "taskpane.step.choose": "Choose a file",
  "taskpane.file.chooseOther": "Choose another file",
  "taskpane.file.dropHere": "Release to open this file.",
  "taskpane.file.none": "No file has been chosen yet.",
  "taskpane.file.rereadFailed":
    "Cannot read “{name}” again: it may have been moved or deleted. Please choose the file again.",
  "taskpane.loading.file": "Reading “{name}” ({size} MB)… {pct}%",
  "taskpane.loading.parse": "Opening “{name}”…",
  "taskpane.leave.replace":
    "The scores written have not been downloaded. Another file will discard them. Continue?",
};

registerMessages(shellZhCN, shellEnUS);
