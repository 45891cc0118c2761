/**
 * Wording of the sheet grid, "why this score" and long lists (src/taskpane/components), zh-CN
 * first, en-US second; loads with them, outside the pane's initial script.
 */
import type { Locale } from "./catalog";
import { fillTemplate } from "./fill";
export const gridZhCN = {
  "grid.title": "表格预览（写入后的样子）",
  "grid.label": "工作表“{sheet}”写入后的样子",
  "grid.legend":
    "左侧有蓝色竖线的单元格将被写入，显示为“原值 → 新值”；右上角有红色三角的单元格有问题。打开“在表格中用颜色标出问题单元格”时按问题类型着色。",
  "grid.empty": "（空）",
  "grid.detail.hint": "点击单元格或用方向键移动，可在此查看完整内容、将写入的值、问题和得分说明。",
  "grid.detail.cell": "{cell}：{text}",
  "grid.detail.empty": "{cell}：（空）",
  "grid.detail.planned": "将写入：{before} → {after}",
  "grid.detail.problem": "问题：{message}",
  "grid.detail.why": "为什么是这个分数（{name}）：{why}",
  "grid.detail.whyBudget": "为什么是这个分数（预算执行率）：{why}",
  "why.title": "得分说明（点开一项，查看它为什么得这个分）",
  "why.score": "{s} / {w} 分",
  "why.noScore": "暂未得分",
  "why.proposedTag": "建议",
  "why.budget": "预算执行率",
  "list.more": "再显示 {k} 项（还有 {rest} 项未列出）",
} as const;

export type GridKey = keyof typeof gridZhCN;

export const gridEnUS: Record<GridKey, string> = {
  "grid.title": "Sheet preview (as it will be after writing)",
  "grid.label": "Sheet “{sheet}” as it will be after writing",
  "grid.legend":
    "Cells with a blue bar on the left will be written, shown as “before → after”; a red corner marks a cell with a problem. With “Colour the cells with issues in the sheet” on, cells take the colour of their problem.",
  "grid.empty": "(empty)",
  "grid.detail.hint":
    "Click a cell or move with the arrow keys to see its full content, the value to be written, its problems and why it scores what it does.",
  "grid.detail.cell": "{cell}: {text}",
  "grid.detail.empty": "{cell}: (empty)",
  "grid.detail.planned": "To be written: {before} → {after}",
  "grid.detail.problem": "Problem: {message}",
  "grid.detail.why": "Why this score ({name}): {why}",
  "grid.detail.whyBudget": "Why this score (budget execution): {why}",
  "why.title": "Why each score (open a row to see how it was scored)",
  "why.score": "{s} / {w} points",
  "why.noScore": "not scored yet",
  "why.proposedTag": "proposed",
  "why.budget": "Budget execution rate",
  "list.more": "Show {k} more ({rest} not listed)",
};

/** The wording of `key` in `locale`, placeholders filled. */
export function gridMessage(
  key: GridKey,
  params: Readonly<Record<string, string | number>> | undefined,
  locale: Locale,
): string {
  return fillTemplate((locale === "en-US" ? gridEnUS : gridZhCN)[key], params);
}
