/**
 * The one catalog of user-facing strings: zh-CN first, en-US second. Keys are grouped by
 * face; add keys to both locales, in the same section. The scoring core's messages are data
 * (src/core/messages.ts) worded in ./core-messages.ts and formatted by `formatMessage`.
 */
import type { CoreDiagnostic } from "../core/types";
import type { Message, MessageParam } from "../core/messages";
import { coreEnUS, coreZhCN } from "./core-messages";
import { hostEnUS, hostZhCN } from "./host-messages";
import { sheetEnUS, sheetZhCN } from "./sheet-messages";

const zhCN = {
  // --- common
  "app.name": "绩效自评助手",
  // --- cli
  "cli.description": "为项目支出绩效自评表、评分表核算得分并检查问题",
  "cli.score.description": "为一个 .xlsx 文件（或文件夹中的每个 .xlsx 文件）评分",
  "cli.template.description": "生成空白标准表（L1、L2、L3、L4；101号表 L1-2021、L2-2021）",
  "cli.opt.sheet": "要评分的工作表名称",
  "cli.opt.profile": "评分口径：预设名称（central、municipal-20、guangxi、central-2021）或 JSON 配置文件",
  "cli.opt.json": "在标准输出打印 JSON 报告（工作表中有多个表格或输入为文件夹时为数组）",
  "cli.opt.out": "写出评分后的副本（.xlsx）；文件夹时写出汇总表（.xlsx 或 .csv）",
  "cli.opt.recomputeAll": "全部按规则重算：人工填写的得分也被替换（公式除外）",
  "cli.opt.templateOut": "输出文件（.xlsx）",
  "cli.usageError": "参数有误：{detail}",
  "cli.opt.help": "显示帮助",
  "cli.opt.version": "显示版本号",
  "cli.help.usage": "用法：",
  "cli.help.arguments": "参数：",
  "cli.help.options": "选项：",
  "cli.help.commands": "命令：",
  "cli.help.globalOptions": "全局选项：",
  "cli.help.optionsWord": "选项",
  "cli.help.commandWord": "命令",
  "cli.help.command": "显示某个命令的帮助",
  "cli.arg.path": "文件或文件夹",
  "cli.arg.command": "命令",
  "cli.arg.kind": "类型",
  "cli.arg.sheet": "工作表名称",
  "cli.arg.profile": "预设名称|口径文件.json",
  "cli.arg.file": "文件",
  "cli.arg.pathScore": "要评分的 .xlsx 文件；或一个文件夹，其中每个 .xlsx 文件都评分",
  "cli.arg.pathReview": "要复核的 .xlsx 文件，或文件夹（其中每个 .xlsx 文件）",
  "cli.arg.pathReport": "已填写的 .xlsx 文件；或一个文件夹，生成部门自评总结报告",
  "cli.usageMore": "<命令> --help   查看某个命令的全部选项",
  "cli.err.noCommand": "缺少命令（{commands}）",
  "cli.err.invalidArgument": "参数 {name} 的值无效",
  "cli.err.other": "命令行参数无法识别",
  "cli.err.didYouMean": "（是否想输入 {name}？）",
  "cli.err.listSeparator": "、",
  "cli.outDirMissing": "输出文件“{file}”所在的文件夹“{dir}”不存在；请先创建该文件夹，或换一个输出位置。",
  "cli.outDirNotFolder": "输出文件“{file}”的上一级“{dir}”不是文件夹。",
  "cli.outIsFolder": "输出位置“{file}”是一个文件夹；请写出完整的文件名。",
  "cli.outDirReadOnly": "无权在文件夹“{dir}”中写入文件，无法写出“{file}”。",
  "cli.fs.ENOENT": "文件或文件夹不存在",
  "cli.fs.ENOTDIR": "路径中的某一级不是文件夹",
  "cli.fs.EACCES": "没有访问权限",
  "cli.fs.EISDIR": "这是一个文件夹，不是文件",
  "cli.fs.EBUSY": "文件正被其他程序占用（可能已在 Excel 或 WPS 中打开），请关闭后重试",
  "cli.fs.ENOSPC": "磁盘空间不足",
  "cli.fs.EROFS": "磁盘或文件夹只读",
  "cli.fs.ENAMETOOLONG": "文件名或路径过长",
  "cli.fs.EMFILE": "同时打开的文件过多，请稍后重试",
  "cli.fs.ELOOP": "路径中的快捷方式（符号链接）循环引用",
  "cli.fs.EEXIST": "文件已存在",
  "cli.fs.EIO": "读写磁盘时出错",
  "cli.fs.other": "操作系统报告错误（代码 {code}）",
  "cli.usageHint": "用法：",
  "cli.err.missingArgument": "缺少参数 {name}",
  "cli.err.unknownOption": "无法识别的选项 {name}",
  "cli.err.unknownCommand": "无法识别的命令 {name}（可用命令：{commands}）",
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
  "cli.summaryWritten": "已写出汇总表“{file}”（{count} 个工作簿，{tables} 个表格）。",
  "cli.templateWritten": "已写出空白模板“{file}”。",
  "cli.templateKind": "模板类型“{kind}”无效，应为 L1、L2、L3、L4、L1-2021 或 L2-2021。",
  "cli.templateUnavailable": "模板功能暂不可用：{detail}",
  "cli.outRequired": "请用 --out 指定输出文件（.xlsx）。",
  "cli.heading": "{file} · 工作表“{sheet}” · 版式 {layout} · 口径 {profile}",
  "cli.headingTable": " · 第 {table} 个表格（共 {count} 个，{range}）",
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
  "cli.sum.table": "表格",
  "cli.sum.layout": "版式",
  "cli.sum.total": "总分",
  "cli.sum.grade": "等级",
  "cli.sum.provisional": "总分暂定",
  "cli.sum.provisionalMark": "暂定",
  "cli.sum.errors": "错误数",
  "cli.sum.warnings": "警告数",
  "cli.sum.sheetName": "汇总",
  "cli.folderEmpty": "文件夹“{dir}”中没有 .xlsx 文件。",
  "cli.folderFailed": "{count} 个工作簿中有 {failed} 个未能评分（无法读取或未找到表格），见上。",
  "cli.tableForFolder": "--table 只能用于单个文件；文件夹中每个工作簿的每个表格都会评分。",
  "cli.progress": "评分进度",
  "cli.report.description": "根据评分结果生成自评报告草稿（.docx）；对文件夹生成部门自评总结报告",
  "cli.opt.table": "工作表中有多个表格时，选择第 n 个（从 1 起）",
  "cli.opt.reportOut": "输出文件（.docx）",
  "cli.reportOutRequired": "请用 --out 指定输出文件（.docx）。",
  "cli.tableNumber": "--table 应为从 1 起的整数，而不是“{table}”。",
  "cli.tableOutOfRange": "工作表“{sheet}”中只有 {count} 个表格，没有第 {table} 个。",
  "cli.reportWritten": "已写出自评报告草稿“{file}”；【待补充】处需要人工填写。",
  "cli.rollupWritten": "已写出部门自评总结报告“{file}”（{count} 个表格）；【待补充】处需要人工填写。",
  "cli.reportMissing": "“{file}”：{detail}",
  // --- report (the 自评报告 draft; the document itself is written in Chinese)
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
  "taskpane.step.detect": "表格识别",
  "taskpane.step.preview": "预览",
  "taskpane.step.apply": "写入",
  "taskpane.step.choose": "选择文件",
  "taskpane.kind.count": "{kind}（{n}）",
  "taskpane.note.edit": "修改",
  "taskpane.note.done": "完成",
  "taskpane.note.editLabel": "修改 {cell} 的偏差说明",
  "taskpane.note.dropped": "（不写入此条说明）",
  "taskpane.templates.rowHint": "{name}（{hint}）",
  "taskpane.step.review": "检查结果",
  "taskpane.step.write": "写入表格",
  "taskpane.step.download": "下载",
  "taskpane.file.chooseOther": "选择其他文件",
  "taskpane.file.dropHere": "松开鼠标即可打开这个文件。",
  "taskpane.file.none": "还没有选择文件。",
  "taskpane.file.rereadFailed": "无法再次读取文件“{name}”：文件可能已被移动或删除。请重新选择文件。",
  "taskpane.loading.file": "正在读取“{name}”（{size} MB）… {pct}%",
  "taskpane.loading.parse": "正在打开“{name}”…",
  "taskpane.loading.read": "正在读取工作表{sheet}…",
  "taskpane.loading.again": "正在重新读取…",
  "taskpane.leave.replace": "已写入的评分还没有下载。换用其他文件会丢失这些写入，确定继续吗？",
  "taskpane.leave.reread": "已写入的评分还没有下载。重新读取文件会丢失这些写入，确定继续吗？",
  "taskpane.table.label": "本工作表有多张表格，请选择要评分的一张",
  "taskpane.table.option": "第 {n} 张表（{range}，指标第 {first}–{last} 行）",
  "taskpane.written.title": "已写入的单元格（{n} 个）",
  "taskpane.download.notYet": "尚未写入任何内容，现在下载只会得到原文件。请先在上一步写入表格。",
  "taskpane.download.nothingWritten":
    "表格中已有这些内容，本次没有写入任何单元格，原文件就是最新的，无需下载。",
  "taskpane.more.title": "其他",
  "taskpane.action.print": "打印结果摘要",
  "taskpane.summary.noTable": "这张工作表中没有找到可评分的表格，请看下方“表格识别”。",
  "taskpane.summary.empty": "表格中还没有填写指标行，无法计算总分。请先填写各项指标，再重新读取。",
  "taskpane.summary.noProblems": "没有需要处理的问题。",
  "taskpane.summary.problems": "{n} 个问题需要处理（查看）",
  "taskpane.summary.moreMismatches": "另有 {n} 处与规则不一致。",
  "taskpane.summary.mismatchFix": "如需按规则改正，请点“全部按规则重算…”，写入前可先预览。",
  "taskpane.detect.noRows": "表头在第 {header} 行，表格中还没有指标行",
  "taskpane.judge.bandLabel": "{band}（{range}）",
  "taskpane.profile.badJsonAt":
    "口径文件“{file}”格式有误，无法读取：请检查第 {line} 行第 {col} 个字符附近（常见原因：缺少引号或逗号）。",
  "taskpane.action.group.judge": "需要您判断（{n}）",
  "taskpane.action.group.recompute": "表中已填的数与规则不一致（{n}）",
  "taskpane.action.group.fix": "需要在表格中补充或更正（{n}）",
  "taskpane.action.group.explain": "需要说明偏差原因（{n}）",
  "taskpane.action.group.info": "仅供参考（{n}）",
  "taskpane.detect.sheet": "工作表“{sheet}”",
  "taskpane.detect.layout": "表格类型：{layout}",
  "taskpane.layout.L1": "项目支出绩效自评表",
  "taskpane.layout.L2": "指标值分列的自评表",
  "taskpane.layout.L3": "评价评分表",
  "taskpane.layout.L4": "部门整体支出绩效自评表",
  "taskpane.layout.L5": "无预算资金块的自评表",
  "taskpane.detect.rows": "表头在第 {header} 行，指标在第 {first}–{last} 行",
  "taskpane.detect.budget": "预算资金在第 {first}–{last} 行",
  "taskpane.detect.noBudget": "没有预算资金块（不计预算执行得分）",
  "taskpane.detect.columns": "各列的识别结果",
  "taskpane.detect.notFound": "没有找到可评分的表格。请确认选中的是自评表或评分表，或手动指定各列。",
  "taskpane.detect.manual": "正在使用手动指定的列。",
  "taskpane.mapping.open": "识别不对？手动指定列",
  "taskpane.mapping.title": "手动指定列",
  "taskpane.mapping.headerRow": "表头所在行号",
  "taskpane.mapping.headerEnd": "表头结束行号",
  "taskpane.mapping.headerEndHint": "表头占两三行时填写最后一行；只有一行时留空。",
  "taskpane.mapping.badEnd": "表头结束行号应在 {from} 到 {to} 之间（表头最多三行），或留空。",
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
  "taskpane.role.adjustedTarget": "调整指标值",
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
  "taskpane.profile.central-2021": "财预〔2021〕101号口径（及格线、满意度与预算执行分档）",
  "taskpane.profile.custom": "自定义口径（从口径文件读取）…",
  "taskpane.profile.customFile": "选择口径文件",
  "taskpane.profile.customName": "自定义口径：{name}",
  "taskpane.profile.badJson": "口径文件“{file}”格式有误，无法读取。请检查引号、逗号和括号是否成对。",
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
  "taskpane.judge.only": "实际完成值“{actual}”与年度指标值“{target}”相比，本项只能评为{bands}。",
  "taskpane.judge.or": "或",
  "taskpane.judge.bandClosed": "按实际完成值与年度指标值的对比，本项不能评为“{band}”，请重新选择。",
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
  "taskpane.grid.title": "表格预览（写入后的样子，改动处显示 原值 → 新值）",
  "taskpane.highlight.legend": "颜色说明",
  "taskpane.error.generic": "操作没有完成：{message}",
  "taskpane.templates.tables": "插入标准表格",
  "taskpane.templates.tablesHint": "在新工作表中插入一张空白的标准表格。",
  "taskpane.templates.L1": "项目支出绩效自评表",
  "taskpane.templates.L2": "项目支出绩效自评表（指标值分列）",
  "taskpane.templates.L1-2021": "项目支出绩效自评表（101号：成本指标为一级指标）",
  "taskpane.templates.L2-2021": "项目支出绩效自评表（101号，指标值分列）",
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
  // --- review (问题清单)
  "taskpane.action.exportFindings": "导出问题清单",
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
  // --- templates
} as const;

/** A key of the UI catalog (faces, sheet layer, hosts); the core's keys are `CoreMessageKey`. */
export type MessageKey = keyof typeof zhCN | keyof typeof sheetZhCN | keyof typeof hostZhCN;

const enUS: Record<keyof typeof zhCN, string> = {
  // --- common
  "app.name": "Performance Self-Evaluation Assistant",
  // --- cli
  "cli.description": "Scores budget-performance self-evaluation and scoring tables and checks them",
  "cli.score.description": "Score one .xlsx file (or every .xlsx file in a folder)",
  "cli.template.description":
    "Write a blank standard table (L1, L2, L3, L4; the No. 101 table: L1-2021, L2-2021)",
  "cli.opt.sheet": "name of the sheet to score",
  "cli.opt.profile":
    "scoring profile: a preset (central, municipal-20, guangxi, central-2021) or a JSON file",
  "cli.opt.json": "print the JSON report on standard output (an array for several tables or a folder)",
  "cli.opt.out": "write a scored copy (.xlsx); for a folder, a summary (.xlsx or .csv)",
  "cli.opt.recomputeAll":
    "recompute everything by the rules: people's scores are replaced too (never formulas)",
  "cli.opt.templateOut": "output file (.xlsx)",
  "cli.usageError": "Invalid arguments: {detail}",
  "cli.opt.help": "display help",
  "cli.opt.version": "display the version number",
  "cli.help.usage": "Usage:",
  "cli.help.arguments": "Arguments:",
  "cli.help.options": "Options:",
  "cli.help.commands": "Commands:",
  "cli.help.globalOptions": "Global options:",
  "cli.help.optionsWord": "options",
  "cli.help.commandWord": "command",
  "cli.help.command": "display help for a command",
  "cli.arg.path": "file-or-folder",
  "cli.arg.command": "command",
  "cli.arg.kind": "kind",
  "cli.arg.sheet": "sheet",
  "cli.arg.profile": "preset|profile.json",
  "cli.arg.file": "file",
  "cli.arg.pathScore": "the .xlsx file to score, or a folder: every .xlsx file in it is scored",
  "cli.arg.pathReview": "the .xlsx file to review, or a folder (every .xlsx file in it)",
  "cli.arg.pathReport": "a filled-in .xlsx file, or a folder for the department's summary report",
  "cli.usageMore": "<command> --help   every option of a command",
  "cli.err.noCommand": "no command given ({commands})",
  "cli.err.invalidArgument": "invalid value for {name}",
  "cli.err.other": "the command line could not be understood",
  "cli.err.didYouMean": " (did you mean {name}?)",
  "cli.err.listSeparator": ", ",
  "cli.outDirMissing":
    "The folder “{dir}” of the output file “{file}” does not exist; create it first or choose another place.",
  "cli.outDirNotFolder": "The parent “{dir}” of the output file “{file}” is not a folder.",
  "cli.outIsFolder": "The output “{file}” is a folder; give the full file name.",
  "cli.outDirReadOnly": "No permission to write in the folder “{dir}”: cannot write “{file}”.",
  "cli.fs.ENOENT": "the file or folder does not exist",
  "cli.fs.ENOTDIR": "a part of the path is not a folder",
  "cli.fs.EACCES": "permission denied",
  "cli.fs.EISDIR": "this is a folder, not a file",
  "cli.fs.EBUSY":
    "the file is in use by another program (perhaps open in Excel or WPS); close it and try again",
  "cli.fs.ENOSPC": "the disk is full",
  "cli.fs.EROFS": "the disk or folder is read-only",
  "cli.fs.ENAMETOOLONG": "the file name or path is too long",
  "cli.fs.EMFILE": "too many files open; try again later",
  "cli.fs.ELOOP": "a symbolic link in the path loops",
  "cli.fs.EEXIST": "the file already exists",
  "cli.fs.EIO": "a disk input/output error",
  "cli.fs.other": "the operating system reported an error (code {code})",
  "cli.usageHint": "Usage:",
  "cli.err.missingArgument": "missing argument {name}",
  "cli.err.unknownOption": "unknown option {name}",
  "cli.err.unknownCommand": "unknown command {name} (commands: {commands})",
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
  "cli.summaryWritten": "Wrote the summary “{file}” ({count} workbooks, {tables} tables).",
  "cli.templateWritten": "Wrote the blank template “{file}”.",
  "cli.templateKind": "Unknown template kind “{kind}”: use L1, L2, L3, L4, L1-2021 or L2-2021.",
  "cli.templateUnavailable": "Templates are unavailable: {detail}",
  "cli.outRequired": "Name the output file with --out (.xlsx).",
  "cli.heading": "{file} · sheet “{sheet}” · layout {layout} · profile {profile}",
  "cli.headingTable": " · table {table} of {count} ({range})",
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
  "cli.sum.table": "Table",
  "cli.sum.layout": "Layout",
  "cli.sum.total": "Total",
  "cli.sum.grade": "Grade",
  "cli.sum.provisional": "Total provisional",
  "cli.sum.provisionalMark": "provisional",
  "cli.sum.errors": "Errors",
  "cli.sum.warnings": "Warnings",
  "cli.sum.sheetName": "Summary",
  "cli.folderEmpty": "No .xlsx files in folder “{dir}”.",
  "cli.folderFailed":
    "{failed} of {count} workbooks could not be scored (unreadable or no table found); see above.",
  "cli.tableForFolder":
    "--table applies to a single file; a folder run scores every table of every workbook.",
  "cli.progress": "Scoring",
  "cli.report.description":
    "write the draft self-evaluation report (.docx) from the scores; for a folder, the department's summary report",
  "cli.opt.table": "which table of the sheet, when it holds several (from 1)",
  "cli.opt.reportOut": "output file (.docx)",
  "cli.reportOutRequired": "Name the output file with --out (.docx).",
  "cli.tableNumber": "--table takes a whole number from 1, not “{table}”.",
  "cli.tableOutOfRange": "Sheet “{sheet}” holds {count} table(s); there is no table {table}.",
  "cli.reportWritten": "Draft report written to “{file}”; fill in the places marked 【待补充】.",
  "cli.rollupWritten":
    "Department summary report written to “{file}” ({count} tables); fill in the places marked 【待补充】.",
  "cli.reportMissing": "“{file}”: {detail}",
  // --- report (the 自评报告 draft; the document itself is written in Chinese)
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
  "taskpane.step.detect": "Table detection",
  "taskpane.step.preview": "Preview",
  "taskpane.step.apply": "Write",
  "taskpane.step.choose": "Choose a file",
  "taskpane.kind.count": "{kind} ({n})",
  "taskpane.note.edit": "Edit",
  "taskpane.note.done": "Done",
  "taskpane.note.editLabel": "Edit the deviation note in {cell}",
  "taskpane.note.dropped": "(this note will not be written)",
  "taskpane.templates.rowHint": "{name} ({hint})",
  "taskpane.step.review": "Check the result",
  "taskpane.step.write": "Write to the sheet",
  "taskpane.step.download": "Download",
  "taskpane.file.chooseOther": "Choose another file",
  "taskpane.file.dropHere": "Release to open this file.",
  "taskpane.file.none": "No file has been chosen yet.",
  "taskpane.file.rereadFailed":
    "Cannot read “{name}” again: it may have been moved or deleted. Please choose the file again.",
  "taskpane.loading.file": "Reading “{name}” ({size} MB)… {pct}%",
  "taskpane.loading.parse": "Opening “{name}”…",
  "taskpane.loading.read": "Reading the sheet {sheet}…",
  "taskpane.loading.again": "Reading again…",
  "taskpane.leave.replace":
    "The scores written have not been downloaded. Another file will discard them. Continue?",
  "taskpane.leave.reread":
    "The scores written have not been downloaded. Reading the file again will discard them. Continue?",
  "taskpane.table.label": "This sheet holds several tables: choose the one to score",
  "taskpane.table.option": "Table {n} ({range}, indicators in rows {first}–{last})",
  "taskpane.written.title": "Cells written ({n})",
  "taskpane.download.notYet":
    "Nothing has been written yet: a download now would only give the original file. Write to the sheet first.",
  "taskpane.download.nothingWritten":
    "The sheet already held these values; no cell was written, so the original file is up to date and nothing needs downloading.",
  "taskpane.more.title": "More",
  "taskpane.action.print": "Print the result summary",
  "taskpane.summary.noTable": "No table to score was found on this sheet; see “Table detection” below.",
  "taskpane.summary.empty":
    "The table has no indicator rows yet, so there is no total. Fill in the indicators, then read again.",
  "taskpane.summary.noProblems": "No problems need your attention.",
  "taskpane.summary.problems": "{n} problems need your attention (show)",
  "taskpane.summary.moreMismatches": "{n} more figures differ from the rules.",
  "taskpane.summary.mismatchFix":
    "To correct them by the rules, click “Recompute everything by the rules…”; you can preview before writing.",
  "taskpane.detect.noRows": "Header in row {header}; the table has no indicator rows yet",
  "taskpane.judge.bandLabel": "{band} ({range})",
  "taskpane.profile.badJsonAt":
    "The profile file “{file}” cannot be read: check near line {line}, character {col} (a missing quote or comma is common).",
  "taskpane.action.group.judge": "Your judgement needed ({n})",
  "taskpane.action.group.recompute": "Figures in the table differ from the rules ({n})",
  "taskpane.action.group.fix": "To complete or correct in the table ({n})",
  "taskpane.action.group.explain": "Deviations to explain ({n})",
  "taskpane.action.group.info": "For information ({n})",
  "taskpane.detect.sheet": "Sheet “{sheet}”",
  "taskpane.detect.layout": "Table type: {layout}",
  "taskpane.layout.L1": "Project expenditure self-evaluation table",
  "taskpane.layout.L2": "Self-evaluation table with split target columns",
  "taskpane.layout.L3": "Evaluation scoring sheet",
  "taskpane.layout.L4": "Department overall expenditure self-evaluation table",
  "taskpane.layout.L5": "Self-evaluation table without a budget block",
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
  "taskpane.mapping.headerEnd": "Last header row",
  "taskpane.mapping.headerEndHint":
    "When the header takes two or three rows, its last row; leave empty for one row.",
  "taskpane.mapping.badEnd":
    "The last header row must be from {from} to {to} (at most three header rows), or empty.",
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
  "taskpane.role.adjustedTarget": "Adjusted target",
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
  "taskpane.profile.central-2021": "MOF No. 101 (2021): pass mark, satisfaction and budget bands",
  "taskpane.profile.custom": "Custom profile (JSON file)…",
  "taskpane.profile.customFile": "Choose a profile JSON file",
  "taskpane.profile.customName": "Custom profile: {name}",
  "taskpane.profile.badJson":
    "The profile file “{file}” cannot be read: check that quotes, commas and brackets match.",
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
  "taskpane.judge.only":
    "Compared with the target “{target}”, the actual “{actual}” can only be rated {bands}.",
  "taskpane.judge.or": " or ",
  "taskpane.judge.bandClosed":
    "Compared with the target, the actual cannot be rated “{band}”; please choose again.",
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
  "taskpane.grid.title": "The sheet as it will be after writing (changes shown as before → after)",
  "taskpane.highlight.legend": "Colour key",
  "taskpane.error.generic": "The action did not complete: {message}",
  "taskpane.templates.tables": "Insert a standard table",
  "taskpane.templates.tablesHint": "Inserts a blank standard table into a new sheet.",
  "taskpane.templates.L1": "Project expenditure self-evaluation table",
  "taskpane.templates.L2": "Project self-evaluation table (split target)",
  "taskpane.templates.L1-2021": "Project self-evaluation table (No. 101: cost as a first-level indicator)",
  "taskpane.templates.L2-2021": "Project self-evaluation table (No. 101, split target)",
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
  // --- review (问题清单)
  "taskpane.action.exportFindings": "Export the findings list",
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
  // --- templates
};

/** English plural forms: a key's `.one` form, used when the count `n` is 1. */
const enUSOne: Partial<Record<`${MessageKey}.one`, string>> = {
  "taskpane.summary.pending.one":
    "1 qualitative indicator awaits your judgement; the total and grade are provisional until then.",
  "taskpane.action.apply.one": "Write to the sheet (1 cell)",
  "taskpane.action.applyNotes.one": "Write to the sheet (1 cell, {m} notes)",
  "taskpane.applied.one": "1 cell written. To restore it, click “Undo the last write”.",
  "taskpane.applied.notes.one":
    "1 cell written, {m} notes added or updated. To restore them, click “Undo the last write”.",
  "taskpane.restored.one": "The last write was undone; 1 cell restored.",
  "taskpane.restored.notes.one": "The last write was undone: 1 cell and {m} notes restored.",
  "taskpane.templates.rowsInserted.one": "1 indicator row inserted; fill in its target and weight.",
  "taskpane.written.title.one": "Cell written (1)",
  "taskpane.summary.problems.one": "1 problem needs your attention (show)",
  "taskpane.summary.moreMismatches.one": "1 more figure differs from the rules.",
};

export type Locale = "zh-CN" | "en-US";

const catalogs: Record<Locale, Record<string, string>> = {
  "zh-CN": { ...zhCN, ...sheetZhCN, ...hostZhCN, ...coreZhCN },
  "en-US": { ...enUS, ...sheetEnUS, ...hostEnUS, ...coreEnUS, ...enUSOne },
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

function fill(template: string, params: Readonly<Record<string, UiParam>>, locale: Locale): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => {
    if (!(name in params)) return m;
    const v = params[name];
    if (typeof v === "string" || typeof v === "number") return String(v);
    if (Array.isArray(v)) return v.join(LIST_SEPARATOR[locale]);
    return formatMessage(v as Message | UiMessage, locale);
  });
}

/**
 * A message of the sheet layer, a host or a face as data: a catalog key and the values it
 * names, worded by `formatMessage` in the locale of whoever shows it.
 */
export interface UiMessage {
  key: MessageKey;
  params: Readonly<Record<string, UiParam>>;
}

/** A value a UI message names: a figure or text, a list, or another message of any layer. */
export type UiParam = MessageParam | UiMessage;

/** A message: `key` with its parameters. */
export function uiMessage(key: MessageKey, params: Record<string, UiParam> = {}): UiMessage {
  return { key, params };
}

/** Looks a key up in the current locale (or the one given) and fills `{name}` placeholders. */
export function t(key: MessageKey, params?: Record<string, UiParam>, locale: Locale = current): string {
  // A count of one takes the key's `.one` form where the locale has one (English plurals).
  const one = params?.n === 1 ? catalogs[locale][`${key}.one`] : undefined;
  const s = one ?? catalogs[locale][key] ?? catalogs["zh-CN"][key];
  return params ? fill(s, params, locale) : s;
}

/** The wording of a message (data: catalog key + parameters) in `locale`. Pure. */
export function formatMessage(m: Message | UiMessage, locale: Locale): string {
  return fill(catalogs[locale][m.key] ?? catalogs["zh-CN"][m.key], m.params, locale);
}

/** The wording of a core diagnostic in `locale`. */
export function formatDiagnostic(d: Pick<CoreDiagnostic, "message">, locale: Locale): string {
  return formatMessage(d.message, locale);
}

/**
 * What an error says to a person in `locale`: errors that carry their message as data
 * (`text`: host, file-read and profile errors) are worded in it; others give `message`.
 */
export function errorText(e: unknown, locale: Locale): string {
  if (e && typeof e === "object" && "text" in e) {
    const m = (e as { text: unknown }).text;
    if (m && typeof m === "object" && "key" in m && "params" in m)
      return formatMessage(m as UiMessage, locale);
  }
  return e instanceof Error ? e.message : String(e);
}

/** True when the catalog has the key (keys built from codes may name none). */
export function hasMessage(key: string): key is MessageKey {
  return [zhCN, sheetZhCN, hostZhCN].some((c) => Object.prototype.hasOwnProperty.call(c, key));
}
