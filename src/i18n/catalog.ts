/**
 * The one catalog of user-facing strings: zh-CN first, en-US second. Keys are grouped by
 * face; add keys to both locales, in the same section. The scoring core's messages are data
 * (src/core/messages.ts) worded in ./core-messages.ts and formatted by `formatMessage`.
 */
import type { CoreDiagnostic } from "../core/types";
import type { Message, MessageParam } from "../core/messages";
import { coreEnUS, coreZhCN } from "./core-messages";

const zhCN = {
  // --- common
  "app.name": "绩效自评助手",
  // --- cli
  "cli.description": "为项目支出绩效自评表、评分表核算得分并检查问题",
  "cli.score.description": "为一个 .xlsx 文件（或文件夹中的每个 .xlsx 文件）评分",
  "cli.template.description": "生成空白标准表（L1、L2、L3、L4）",
  "cli.opt.sheet": "要评分的工作表名称",
  "cli.opt.profile": "评分口径：预设名称（central、municipal-20、guangxi）或 JSON 配置文件",
  "cli.opt.json": "在标准输出打印 JSON 报告（文件夹为数组）",
  "cli.opt.out": "写出评分后的副本（.xlsx）；文件夹时写出汇总表（.xlsx 或 .csv）",
  "cli.opt.recomputeAll": "全部按规则重算：人工填写的得分也被替换（公式除外）",
  "cli.opt.templateOut": "输出文件（.xlsx）",
  "cli.usageError": "参数有误：{detail}",
  "cli.usageHint": "用法见下：",
  "cli.err.missingArgument": "缺少参数 {name}",
  "cli.err.unknownOption": "无法识别的选项 {name}",
  "cli.err.unknownCommand": "无法识别的命令 {name}（可用命令：score、template）",
  "cli.err.optionMissingArgument": "选项 {name} 后面需要一个值",
  "cli.err.excessArguments": "多余的参数",
  "cli.fileMissing": "找不到文件或文件夹“{file}”。",
  "cli.fileUnreadable": "无法读取文件“{file}”：{detail}",
  "cli.folderUnreadable": "无法读取文件夹“{dir}”：{detail}",
  "cli.outSameAsInput": "输出文件“{file}”与输入文件相同；输入文件不会被修改，请换一个输出文件名。",
  "cli.outExtension": "输出文件“{file}”的扩展名应为 {ext}。",
  "cli.profileInvalid": "评分口径配置有误（配置项“{key}”）：{message}",
  "cli.profileUnreadable": "无法读取评分口径文件“{file}”：{detail}",
  "cli.profileNotJson": "评分口径文件“{file}”不是有效的 JSON：{detail}",
  "cli.noTable": "文件“{file}”的工作表“{sheet}”中未找到绩效自评表或评分表。",
  "cli.writeFailed": "无法写出文件“{file}”：{detail}",
  "cli.written": "已写出评分后的副本“{file}”，改动 {count} 个单元格。",
  "cli.writtenUnchanged": "无需改动任何单元格，已写出与原文件相同的副本“{file}”。",
  "cli.notesAdded": "另添加 {notes} 条批注（表中没有偏差说明列）。",
  "cli.summaryWritten": "已写出汇总表“{file}”（{count} 个工作簿）。",
  "cli.templateWritten": "已写出空白模板“{file}”。",
  "cli.templateKind": "模板类型“{kind}”无效，应为 L1、L2、L3 或 L4。",
  "cli.templateUnavailable": "模板功能暂不可用：{detail}",
  "cli.outRequired": "请用 --out 指定输出文件（.xlsx）。",
  "cli.heading": "{file} · 工作表“{sheet}” · 版式 {layout} · 口径 {profile}",
  "cli.col.row": "行",
  "cli.col.indicator": "指标",
  "cli.col.weight": "分值",
  "cli.col.score": "得分",
  "cli.col.source": "来源",
  "cli.budgetLine": "预算执行率 {rate}，得分 {score} / {weight}",
  "cli.total": "总分：{total}",
  "cli.grade": "等级：{grade}",
  "cli.provisional": "（暂定）",
  "cli.sev.error": "错误",
  "cli.sev.warning": "警告",
  "cli.counts": "错误 {errors} 个，警告 {warnings} 个，提示 {infos} 个",
  "cli.writesPlanned": "将写入 {count} 个单元格（用 --out 写出副本）",
  "cli.source.computed": "按规则",
  "cli.source.person": "人工",
  "cli.source.formula": "公式",
  "cli.source.proposed": "建议",
  "cli.source.none": "待评",
  "cli.sum.file": "文件",
  "cli.sum.sheet": "工作表",
  "cli.sum.layout": "版式",
  "cli.sum.total": "总分",
  "cli.sum.grade": "等级",
  "cli.sum.errors": "错误数",
  "cli.sum.warnings": "警告数",
  "cli.sum.sheetName": "汇总",
  "cli.folderEmpty": "文件夹“{dir}”中没有 .xlsx 文件。",
  "cli.progress": "评分进度",
  // --- taskpane
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
  "taskpane.file.download": "下载评分后的文件",
  "taskpane.file.downloaded": "已生成“{name}”，原文件未被修改。",
  "taskpane.excel.read": "读取当前工作表",
  "taskpane.reread": "重新读取",
  "taskpane.step.detect": "识别",
  "taskpane.step.preview": "预览",
  "taskpane.step.apply": "写入",
  "taskpane.detect.sheet": "工作表“{sheet}”",
  "taskpane.detect.layout": "表格类型：{layout}",
  "taskpane.layout.L1": "项目支出绩效自评表（L1）",
  "taskpane.layout.L2": "指标值分列的自评表（L2）",
  "taskpane.layout.L3": "评价评分表（L3）",
  "taskpane.layout.L4": "部门整体支出绩效自评表（L4）",
  "taskpane.layout.L5": "无资金块的自评表（L5）",
  "taskpane.detect.rows": "表头在第 {header} 行，指标在第 {first}–{last} 行",
  "taskpane.detect.budget": "预算资金在第 {first}–{last} 行",
  "taskpane.detect.noBudget": "没有预算资金块（不计预算执行得分）",
  "taskpane.detect.columns": "各列的识别结果",
  "taskpane.detect.notFound": "没有找到可评分的表格。请确认选中的是自评表或评分表，或手动指定各列。",
  "taskpane.detect.manual": "正在使用手动指定的列。",
  "taskpane.mapping.open": "识别不对？手动指定列",
  "taskpane.mapping.title": "手动指定列",
  "taskpane.mapping.headerRow": "表头所在行号",
  "taskpane.mapping.none": "（无此列）",
  "taskpane.mapping.save": "保存并重新识别",
  "taskpane.mapping.cancel": "取消",
  "taskpane.mapping.clear": "恢复自动识别",
  "taskpane.mapping.required": "请至少指定“三级指标”“分值”“得分”三列。",
  "taskpane.mapping.badRow": "表头所在行号应为 1 到 {max} 之间的整数。",
  "taskpane.role.level1": "一级指标",
  "taskpane.role.level2": "二级指标",
  "taskpane.role.name": "三级指标（指标名称）",
  "taskpane.role.target": "年度指标值",
  "taskpane.role.actual": "实际完成值",
  "taskpane.role.weight": "分值",
  "taskpane.role.score": "得分",
  "taskpane.role.note": "偏差原因分析及改进措施",
  "taskpane.role.direction": "指标性质",
  "taskpane.role.unit": "度量单位",
  "taskpane.role.ruleText": "评分标准",
  "taskpane.profile.label": "评分口径",
  "taskpane.profile.central": "中央/通用口径",
  "taskpane.profile.municipal-20": "市级口径（预算执行 20 分）",
  "taskpane.profile.guangxi": "广西口径",
  "taskpane.profile.custom": "自定义口径（JSON 文件）…",
  "taskpane.profile.customFile": "选择口径 JSON 文件",
  "taskpane.profile.customName": "自定义口径：{name}",
  "taskpane.profile.badJson": "口径文件“{file}”不是有效的 JSON 文件：{message}",
  "taskpane.profile.error": "口径文件“{file}”中的设置项“{key}”有误：{message}",
  "taskpane.profile.errorNoKey": "口径文件“{file}”有误：{message}",
  "taskpane.summary.total": "总分",
  "taskpane.summary.grade": "等级",
  "taskpane.summary.provisional": "暂定",
  "taskpane.summary.pending": "还有 {n} 项定性指标待您判断，判断后总分和等级才确定。",
  "taskpane.summary.incomplete": "有指标未能得分（见下方“检查发现的问题”），总分和等级暂定，不会写入表格。",
  "taskpane.summary.gradeCap": "等级按口径规定封顶：{when} 时最高为“{grade}”。",
  "taskpane.chart.title": "各一级指标得分",
  "taskpane.chart.budget": "预算执行",
  "taskpane.chart.row": "{name}：{score} / {weight} 分",
  "taskpane.judge.title": "待您判断的定性指标（{n} 项）",
  "taskpane.judge.hint": "请选择完成程度，并在允许范围内填写得分。您的判断会和其他得分一起写入表格。",
  "taskpane.judge.values": "年度指标值“{target}”，实际完成值“{actual}”，分值 {weight} 分",
  "taskpane.judge.level": "完成程度",
  "taskpane.judge.achieved": "达成年度指标",
  "taskpane.judge.partial": "部分达成，具有一定效果",
  "taskpane.judge.notAchieved": "未达成，效果较差",
  "taskpane.judge.range": "{lo}–{hi} 分",
  "taskpane.judge.score": "得分（允许 {lo}–{hi} 分）",
  "taskpane.judge.notNumber": "请填写数字得分，例如 {example}。",
  "taskpane.judge.outOfWeight": "得分应在 0 到 {weight} 分之间，此项暂不写入。",
  "taskpane.judge.outOfBand": "得分 {score} 不在所选档次的 {lo}–{hi} 分之内，请核对。",
  "taskpane.judge.decimals": "得分最多保留 {d} 位小数。",
  "taskpane.preview.title": "将要写入的单元格（{n} 个）",
  "taskpane.preview.none":
    "没有需要写入的单元格。已有的数值不会被改动，与规则不符之处列在下方“检查发现的问题”中。",
  "taskpane.preview.empty": "（空）",
  "taskpane.preview.proposed": "建议",
  "taskpane.preview.proposedHint": "定性指标的实际完成值与年度指标值一致，建议给满分",
  "taskpane.preview.judged": "您的判断",
  "taskpane.preview.noteTag": "批注",
  "taskpane.preview.notesHint":
    "表格没有“偏差原因分析及改进措施”列：以下草稿将作为批注加在指标名称单元格上，不改动单元格内容；已有批注的单元格不会被改动。",
  "taskpane.preview.notesPaneOnly":
    "表格没有“偏差原因分析及改进措施”列，当前 Excel 版本也不支持由加载项添加批注：以下草稿不会写入表格，请复制后自行填写。",
  "taskpane.action.applyNotes": "写入表格（{n} 个单元格，{m} 条批注）",
  "taskpane.applied.notes": "已写入 {n} 个单元格，添加或更新批注 {m} 条。如需恢复，请点“撤销上次写入”。",
  "taskpane.applied.nothing": "表格中已有这些内容和批注，没有需要写入的地方。",
  "taskpane.restored.notes": "已撤销上次写入，恢复了 {n} 个单元格、{m} 条批注。",
  "taskpane.kind.score": "得分",
  "taskpane.kind.rate": "执行率",
  "taskpane.kind.total": "总分",
  "taskpane.kind.grade": "等级",
  "taskpane.kind.note": "偏差说明",
  "taskpane.diag.title": "检查发现的问题（{n} 条）",
  "taskpane.diag.none": "没有发现问题。",
  "taskpane.diag.hint": "点击一条可在表格中定位到对应单元格。",
  "taskpane.severity.error": "错误",
  "taskpane.severity.warning": "需要注意",
  "taskpane.severity.info": "提示",
  "taskpane.diag.whole": "整表",
  "taskpane.action.apply": "写入表格（{n} 个单元格）",
  "taskpane.action.undo": "撤销上次写入",
  "taskpane.action.recompute": "全部按规则重算…",
  "taskpane.applied": "已写入 {n} 个单元格。如需恢复，请点“撤销上次写入”。",
  "taskpane.applied.list": "本次写入的单元格",
  "taskpane.restored": "已撤销上次写入，恢复了 {n} 个单元格。",
  "taskpane.recompute.title": "全部按规则重算？",
  "taskpane.recompute.body":
    "将按规则重新计算全部得分、执行率和总分，人工填写或调整过的数值也会被替换（含公式的单元格不会改动）。确认后先显示预览，您点“写入表格”后才会改动表格，写入后仍可撤销。",
  "taskpane.recompute.confirm": "重算并预览",
  "taskpane.recompute.cancel": "取消",
  "taskpane.recompute.active": "当前预览为“全部按规则重算”：人工填写的数值也将被替换。",
  "taskpane.recompute.exit": "返回普通评分",
  "taskpane.stale": "工作表在预览之后被修改过，这份预览已过期，没有写入任何内容。请重新读取后再写入。",
  "taskpane.highlight.label": "在表格中用颜色标出问题单元格",
  "taskpane.highlight.legend": "颜色说明",
  "taskpane.error.generic": "操作没有完成：{message}",
  "taskpane.templates.tables": "插入标准表格",
  "taskpane.templates.tablesHint": "在新工作表中插入一张空白的标准表格。",
  "taskpane.templates.L1": "项目支出绩效自评表",
  "taskpane.templates.L2": "项目支出绩效自评表（指标值分列）",
  "taskpane.templates.L3": "项目支出绩效评价评分表",
  "taskpane.templates.L4": "部门整体支出绩效自评表",
  "taskpane.templates.inserted": "已插入工作表“{name}”。",
  "taskpane.templates.library": "指标库",
  "taskpane.templates.libraryHint": "勾选指标后插入：插在当前表格所选行的下方，未选行时插在指标块末尾。",
  "taskpane.templates.insertRows": "插入所选指标（{n} 项）",
  "taskpane.templates.rowsInserted": "已插入 {n} 行指标，请填写年度指标值和分值。",
  "taskpane.templates.needFile": "请先在上方选择 .xlsx 文件：标准表格和指标将插入该文件。",
  "taskpane.templates.blank": "下载空白标准表",
  "taskpane.templates.blankHint": "下载一张空白的标准表格（.xlsx），在 Excel 或 WPS 中填写后再回到本页评分。",
  "taskpane.templates.downloaded": "已下载“{name}”。",
  "taskpane.templates.fileHint": "插入后请回到“评分”页，点“下载评分后的文件”保存。",
  // --- office host
  "office.err.editMode":
    "Excel 正处于单元格编辑状态（有单元格正在输入）。请先按回车键或 Esc 键结束输入，再重试；表格没有任何改动。",
  "office.err.protected":
    "工作表{sheet}受保护，无法写入。请在“审阅 → 撤消工作表保护”后重试；表格没有任何改动。",
  "office.err.workbookProtected":
    "工作簿结构受保护，无法添加工作表。请在“审阅 → 保护工作簿”中取消保护后重试；表格没有任何改动。",
  "office.err.payload":
    "工作表{sheet}的数据量超出网页版 Excel 单次传输 5 MB 的上限。请删除表格以外的多余内容后重试，或改用桌面版 Excel；表格没有任何改动。",
  "office.err.apiTooOld":
    "当前 Excel 版本过旧，不支持本加载项（需要 ExcelApi 1.7，即 Excel 2019、Microsoft 365 或网页版 Excel）。请升级 Excel 后再用。",
  "office.err.sheetMissing": "找不到工作表{sheet}，它可能已被删除或改名。",
  "office.err.unknown": "Excel 未能完成操作：{message}。表格没有任何改动，请稍后重试。",
  "office.err.stale":
    "工作表{sheet}在读取之后被修改过（如单元格 {cell}），这份预览已过期，没有写入任何内容。请重新读取后再写入。",
  "office.err.nothingToRestore": "没有可以撤销的写入记录。",
  "office.err.noTable": "工作表{sheet}中没有找到可评分的表格，无法插入指标行。",
  "office.err.settings": "无法保存本工作簿的设置：{message}",
  "office.cmd.done":
    "“{sheet}”评分完成：总分 {total}，等级 {grade}；写入 {written} 个单元格、{notes} 条批注，发现问题 {issues} 条。",
  "office.cmd.doneNoWrite": "“{sheet}”评分完成：总分 {total}，等级 {grade}；无需写入，发现问题 {issues} 条。",
  "office.cmd.provisional": "（暂定，{pending} 项定性指标待判断，请打开评分面板）",
  "office.cmd.noTable": "“{sheet}”中没有找到可评分的表格。请打开评分面板手动指定各列。",
  "office.cmd.failed": "一键评分没有完成：{message}",
  // --- templates
} as const;

export type MessageKey = keyof typeof zhCN;

const enUS: Record<MessageKey, string> = {
  // --- common
  "app.name": "Performance Self-Evaluation Assistant",
  // --- cli
  "cli.description": "Scores budget-performance self-evaluation and scoring tables and checks them",
  "cli.score.description": "Score one .xlsx file (or every .xlsx file in a folder)",
  "cli.template.description": "Write a blank standard table (L1, L2, L3, L4)",
  "cli.opt.sheet": "name of the sheet to score",
  "cli.opt.profile": "scoring profile: a preset (central, municipal-20, guangxi) or a JSON file",
  "cli.opt.json": "print the JSON report on standard output (an array for a folder)",
  "cli.opt.out": "write a scored copy (.xlsx); for a folder, a summary (.xlsx or .csv)",
  "cli.opt.recomputeAll":
    "recompute everything by the rules: people's scores are replaced too (never formulas)",
  "cli.opt.templateOut": "output file (.xlsx)",
  "cli.usageError": "Invalid arguments: {detail}",
  "cli.usageHint": "Usage:",
  "cli.err.missingArgument": "missing argument {name}",
  "cli.err.unknownOption": "unknown option {name}",
  "cli.err.unknownCommand": "unknown command {name} (commands: score, template)",
  "cli.err.optionMissingArgument": "option {name} needs a value",
  "cli.err.excessArguments": "too many arguments",
  "cli.fileMissing": "File or folder “{file}” not found.",
  "cli.fileUnreadable": "Cannot read file “{file}”: {detail}",
  "cli.folderUnreadable": "Cannot read folder “{dir}”: {detail}",
  "cli.outSameAsInput":
    "Output file “{file}” is the input file; the input is never modified, choose another name.",
  "cli.outExtension": "Output file “{file}” should end in {ext}.",
  "cli.profileInvalid": "Invalid scoring profile (key “{key}”): {message}",
  "cli.profileUnreadable": "Cannot read profile file “{file}”: {detail}",
  "cli.profileNotJson": "Profile file “{file}” is not valid JSON: {detail}",
  "cli.noTable": "No self-evaluation or scoring table found on sheet “{sheet}” of “{file}”.",
  "cli.writeFailed": "Cannot write file “{file}”: {detail}",
  "cli.written": "Wrote the scored copy “{file}”: {count} cells changed.",
  "cli.writtenUnchanged": "Nothing to change; wrote a copy identical to the input: “{file}”.",
  "cli.notesAdded": " Also added {notes} cell notes (the table has no deviation-note column).",
  "cli.summaryWritten": "Wrote the summary “{file}” ({count} workbooks).",
  "cli.templateWritten": "Wrote the blank template “{file}”.",
  "cli.templateKind": "Unknown template kind “{kind}”: use L1, L2, L3 or L4.",
  "cli.templateUnavailable": "Templates are unavailable: {detail}",
  "cli.outRequired": "Name the output file with --out (.xlsx).",
  "cli.heading": "{file} · sheet “{sheet}” · layout {layout} · profile {profile}",
  "cli.col.row": "Row",
  "cli.col.indicator": "Indicator",
  "cli.col.weight": "Weight",
  "cli.col.score": "Score",
  "cli.col.source": "Source",
  "cli.budgetLine": "Budget execution rate {rate}, score {score} / {weight}",
  "cli.total": "Total: {total}",
  "cli.grade": "Grade: {grade}",
  "cli.provisional": " (provisional)",
  "cli.sev.error": "error",
  "cli.sev.warning": "warning",
  "cli.counts": "{errors} errors, {warnings} warnings, {infos} notes",
  "cli.writesPlanned": "{count} cells would be written (use --out to write a copy)",
  "cli.source.computed": "rule",
  "cli.source.person": "person",
  "cli.source.formula": "formula",
  "cli.source.proposed": "proposed",
  "cli.source.none": "pending",
  "cli.sum.file": "File",
  "cli.sum.sheet": "Sheet",
  "cli.sum.layout": "Layout",
  "cli.sum.total": "Total",
  "cli.sum.grade": "Grade",
  "cli.sum.errors": "Errors",
  "cli.sum.warnings": "Warnings",
  "cli.sum.sheetName": "Summary",
  "cli.folderEmpty": "No .xlsx files in folder “{dir}”.",
  "cli.progress": "Scoring",
  // --- taskpane
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
  "taskpane.file.download": "Download the scored file",
  "taskpane.file.downloaded": "“{name}” was created; the original file is unchanged.",
  "taskpane.excel.read": "Read the active sheet",
  "taskpane.reread": "Read again",
  "taskpane.step.detect": "Detect",
  "taskpane.step.preview": "Preview",
  "taskpane.step.apply": "Write",
  "taskpane.detect.sheet": "Sheet “{sheet}”",
  "taskpane.detect.layout": "Table type: {layout}",
  "taskpane.layout.L1": "Project expenditure self-evaluation table (L1)",
  "taskpane.layout.L2": "Self-evaluation table with split target columns (L2)",
  "taskpane.layout.L3": "Evaluation scoring sheet (L3)",
  "taskpane.layout.L4": "Department overall expenditure self-evaluation table (L4)",
  "taskpane.layout.L5": "Self-evaluation table without a budget block (L5)",
  "taskpane.detect.rows": "Header on row {header}, indicators on rows {first}–{last}",
  "taskpane.detect.budget": "Budget figures on rows {first}–{last}",
  "taskpane.detect.noBudget": "No budget block (no budget execution score)",
  "taskpane.detect.columns": "Columns found",
  "taskpane.detect.notFound":
    "No table to score was found. Check that this is a self-evaluation or scoring table, or map the columns by hand.",
  "taskpane.detect.manual": "Using the columns mapped by hand.",
  "taskpane.mapping.open": "Wrong? Map the columns by hand",
  "taskpane.mapping.title": "Map the columns by hand",
  "taskpane.mapping.headerRow": "Header row number",
  "taskpane.mapping.none": "(no such column)",
  "taskpane.mapping.save": "Save and detect again",
  "taskpane.mapping.cancel": "Cancel",
  "taskpane.mapping.clear": "Back to automatic detection",
  "taskpane.mapping.required": "Map at least the indicator name, weight and score columns.",
  "taskpane.mapping.badRow": "The header row must be a whole number from 1 to {max}.",
  "taskpane.role.level1": "Level-1 indicator",
  "taskpane.role.level2": "Level-2 indicator",
  "taskpane.role.name": "Indicator name",
  "taskpane.role.target": "Target",
  "taskpane.role.actual": "Actual",
  "taskpane.role.weight": "Weight",
  "taskpane.role.score": "Score",
  "taskpane.role.note": "Deviation explanation",
  "taskpane.role.direction": "Direction",
  "taskpane.role.unit": "Unit",
  "taskpane.role.ruleText": "Scoring rule",
  "taskpane.profile.label": "Scoring profile",
  "taskpane.profile.central": "Central (general)",
  "taskpane.profile.municipal-20": "Municipal (budget 20 points)",
  "taskpane.profile.guangxi": "Guangxi",
  "taskpane.profile.custom": "Custom profile (JSON file)…",
  "taskpane.profile.customFile": "Choose a profile JSON file",
  "taskpane.profile.customName": "Custom profile: {name}",
  "taskpane.profile.badJson": "The profile file “{file}” is not valid JSON: {message}",
  "taskpane.profile.error": "In the profile file “{file}”, the setting “{key}” is wrong: {message}",
  "taskpane.profile.errorNoKey": "The profile file “{file}” is wrong: {message}",
  "taskpane.summary.total": "Total",
  "taskpane.summary.grade": "Grade",
  "taskpane.summary.provisional": "Provisional",
  "taskpane.summary.pending":
    "{n} qualitative indicators await your judgement; the total and grade are provisional until then.",
  "taskpane.summary.incomplete":
    "Some indicators could not be scored (see the issues below); the total and grade are provisional and are not written.",
  "taskpane.summary.gradeCap": "The grade is capped by the profile: when {when}, at most “{grade}”.",
  "taskpane.chart.title": "Score by level-1 indicator",
  "taskpane.chart.budget": "Budget execution",
  "taskpane.chart.row": "{name}: {score} of {weight}",
  "taskpane.judge.title": "Qualitative indicators awaiting your judgement ({n})",
  "taskpane.judge.hint":
    "Choose how far the target was met and enter a score within the allowed range. Your judgement is written with the other scores.",
  "taskpane.judge.values": "Target “{target}”, actual “{actual}”, weight {weight}",
  "taskpane.judge.level": "Attainment",
  "taskpane.judge.achieved": "Target met",
  "taskpane.judge.partial": "Partly met, with some effect",
  "taskpane.judge.notAchieved": "Not met, poor effect",
  "taskpane.judge.range": "{lo}–{hi} points",
  "taskpane.judge.score": "Score (allowed {lo}–{hi})",
  "taskpane.judge.notNumber": "Enter a number, for example {example}.",
  "taskpane.judge.outOfWeight": "The score must be between 0 and {weight}; it is not written.",
  "taskpane.judge.outOfBand": "The score {score} is outside the chosen band {lo}–{hi}; please check.",
  "taskpane.judge.decimals": "Use at most {d} decimal places.",
  "taskpane.preview.title": "Cells to be written ({n})",
  "taskpane.preview.none":
    "Nothing to write. Existing values are kept; where they differ from the rules, see “Issues found” below.",
  "taskpane.preview.empty": "(empty)",
  "taskpane.preview.proposed": "suggested",
  "taskpane.preview.proposedHint": "The qualitative actual matches the target; full score suggested",
  "taskpane.preview.judged": "your judgement",
  "taskpane.preview.noteTag": "note",
  "taskpane.preview.notesHint":
    "The table has no deviation-explanation column: these drafts will be added as notes on the indicator name cells, without changing any cell's content; a cell that already has a note is left alone.",
  "taskpane.preview.notesPaneOnly":
    "The table has no deviation-explanation column, and this version of Excel does not let add-ins add notes: these drafts are not written to the sheet; copy them where you need them.",
  "taskpane.action.applyNotes": "Write to the sheet ({n} cells, {m} notes)",
  "taskpane.applied.notes":
    "{n} cells written, {m} notes added or updated. To restore them, click “Undo the last write”.",
  "taskpane.applied.nothing": "The sheet already holds these values and notes; nothing needed writing.",
  "taskpane.restored.notes": "The last write was undone: {n} cells and {m} notes restored.",
  "taskpane.kind.score": "Scores",
  "taskpane.kind.rate": "Execution rates",
  "taskpane.kind.total": "Total",
  "taskpane.kind.grade": "Grade",
  "taskpane.kind.note": "Deviation explanations",
  "taskpane.diag.title": "Issues found ({n})",
  "taskpane.diag.none": "No issues found.",
  "taskpane.diag.hint": "Click an issue to go to its cell.",
  "taskpane.severity.error": "Errors",
  "taskpane.severity.warning": "Warnings",
  "taskpane.severity.info": "Notes",
  "taskpane.diag.whole": "Whole table",
  "taskpane.action.apply": "Write to the sheet ({n} cells)",
  "taskpane.action.undo": "Undo the last write",
  "taskpane.action.recompute": "Recompute everything by the rules…",
  "taskpane.applied": "{n} cells written. To restore them, click “Undo the last write”.",
  "taskpane.applied.list": "Cells written",
  "taskpane.restored": "The last write was undone; {n} cells restored.",
  "taskpane.recompute.title": "Recompute everything by the rules?",
  "taskpane.recompute.body":
    "All scores, execution rates and the total are recalculated by the rules, replacing values people entered or adjusted (cells with formulas are never changed). You see a preview first; the sheet changes only when you click “Write to the sheet”, and the write can be undone.",
  "taskpane.recompute.confirm": "Recompute and preview",
  "taskpane.recompute.cancel": "Cancel",
  "taskpane.recompute.active": "This preview recomputes everything: values people entered are replaced too.",
  "taskpane.recompute.exit": "Back to normal scoring",
  "taskpane.stale":
    "The sheet changed after this preview, so the preview is out of date and nothing was written. Read the sheet again, then write.",
  "taskpane.highlight.label": "Colour the cells with issues in the sheet",
  "taskpane.highlight.legend": "Colour key",
  "taskpane.error.generic": "The action did not complete: {message}",
  "taskpane.templates.tables": "Insert a standard table",
  "taskpane.templates.tablesHint": "Inserts a blank standard table into a new sheet.",
  "taskpane.templates.L1": "Project expenditure self-evaluation table",
  "taskpane.templates.L2": "Project self-evaluation table (split target)",
  "taskpane.templates.L3": "Project evaluation scoring sheet",
  "taskpane.templates.L4": "Department overall expenditure self-evaluation table",
  "taskpane.templates.inserted": "Sheet “{name}” inserted.",
  "taskpane.templates.library": "Indicator library",
  "taskpane.templates.libraryHint":
    "Tick indicators, then insert them below the selected row of the current table, or at the end of the indicator block.",
  "taskpane.templates.insertRows": "Insert the selected indicators ({n})",
  "taskpane.templates.rowsInserted": "{n} indicator rows inserted; fill in their targets and weights.",
  "taskpane.templates.needFile":
    "First choose an .xlsx file above: tables and indicators are inserted into it.",
  "taskpane.templates.blank": "Download a blank standard table",
  "taskpane.templates.blankHint":
    "Downloads a blank standard table (.xlsx) to fill in with Excel or WPS, then score it on this page.",
  "taskpane.templates.downloaded": "Downloaded “{name}”.",
  "taskpane.templates.fileHint":
    "Afterwards, go back to the Score tab and click “Download the scored file” to save.",
  // --- office host
  "office.err.editMode":
    "Excel is in cell edit mode (a cell is being typed in). Press Enter or Esc to finish, then try again; nothing was changed.",
  "office.err.protected":
    "The sheet {sheet} is protected and cannot be written. Unprotect it (Review → Unprotect Sheet) and try again; nothing was changed.",
  "office.err.workbookProtected":
    "The workbook structure is protected, so no sheet can be added. Unprotect it (Review → Protect Workbook) and try again; nothing was changed.",
  "office.err.payload":
    "The sheet {sheet} holds more data than Excel on the web can transfer at once (5 MB). Remove content outside the table, or use desktop Excel; nothing was changed.",
  "office.err.apiTooOld":
    "This version of Excel is too old for the add-in (ExcelApi 1.7 is needed: Excel 2019, Microsoft 365 or Excel on the web). Please update Excel.",
  "office.err.sheetMissing": "The sheet {sheet} cannot be found; it may have been deleted or renamed.",
  "office.err.unknown":
    "Excel could not complete the action: {message}. Nothing was changed; please try again.",
  "office.err.stale":
    "The sheet {sheet} changed after it was read (e.g. cell {cell}), so this preview is out of date and nothing was written. Read the sheet again, then write.",
  "office.err.nothingToRestore": "There is no write to undo.",
  "office.err.noTable": "No table to score was found on {sheet}, so no indicator rows can be inserted.",
  "office.err.settings": "The workbook settings could not be saved: {message}",
  "office.cmd.done":
    "“{sheet}” scored: total {total}, grade {grade}; {written} cells and {notes} notes written, {issues} issues found.",
  "office.cmd.doneNoWrite":
    "“{sheet}” scored: total {total}, grade {grade}; nothing to write, {issues} issues found.",
  "office.cmd.provisional":
    " (provisional: {pending} qualitative indicators await judgement; open the scoring pane)",
  "office.cmd.noTable":
    "No table to score was found on “{sheet}”. Open the scoring pane to map the columns by hand.",
  "office.cmd.failed": "Quick scoring did not complete: {message}",
  // --- templates
};

export type Locale = "zh-CN" | "en-US";

const catalogs: Record<Locale, Record<string, string>> = {
  "zh-CN": { ...zhCN, ...coreZhCN },
  "en-US": { ...enUS, ...coreEnUS },
};

/** How each locale joins a list parameter. */
const LIST_SEPARATOR: Record<Locale, string> = { "zh-CN": "、", "en-US": ", " };

let current: Locale = "zh-CN";

export function setLocale(locale: Locale): void {
  current = locale;
}

export function getLocale(): Locale {
  return current;
}

function fill(template: string, params: Readonly<Record<string, MessageParam>>, locale: Locale): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => {
    if (!(name in params)) return m;
    const v = params[name];
    if (typeof v === "string" || typeof v === "number") return String(v);
    if (Array.isArray(v)) return v.join(LIST_SEPARATOR[locale]);
    return formatMessage(v as Message, locale);
  });
}

/** Looks a key up in the current locale (or the one given) and fills `{name}` placeholders. */
export function t(
  key: MessageKey,
  params?: Record<string, string | number>,
  locale: Locale = current,
): string {
  const s = catalogs[locale][key] ?? zhCN[key];
  return params ? fill(s, params, locale) : s;
}

/** The wording of a message (data: catalog key + parameters) in `locale`. Pure. */
export function formatMessage(m: Message, locale: Locale): string {
  return fill(catalogs[locale][m.key] ?? coreZhCN[m.key], m.params, locale);
}

/** The wording of a core diagnostic in `locale`. */
export function formatDiagnostic(d: Pick<CoreDiagnostic, "message">, locale: Locale): string {
  return formatMessage(d.message, locale);
}
