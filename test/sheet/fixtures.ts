/** Hand-built tables shaped like the published ones (LAYOUTS.md L1–L5). */
import type { GridSnapshot } from "../../src/sheet/types";
import { build, fmt, pct, type BuildOptions, type In } from "./grid-builder";
import { L1_HEADER, NOTES_HEADER } from "../support/headers";

/** L1 as in the 东湖区 2021 自评表 (columns A–I), score cells empty except two judgements. */
export function l1Rows(): { rows: In[][]; merges: string[] } {
  const rows: In[][] = [
    ["项目支出绩效自评表"],
    ["（2021年度）"],
    ["项目名称", "招商引资专项经费"],
    ["主管部门", "东湖区投资促进局", null, null, "实施单位", "东湖区投资促进局"],
    ["项目资金（万元）", "", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [null, "年度资金总额", null, fmt(207, "0.00"), fmt(207, "0.00"), fmt(170.69, "0.00"), 10],
    [
      null,
      "其中：当年财政拨款",
      null,
      fmt(207, "0.00"),
      fmt(207, "0.00"),
      fmt(170.69, "0.00"),
      "—",
      null,
      "—",
    ],
    [null, "上年结转资金", null, 0, 0, 0, "—", "—", "—"],
    [null, "其他资金", null, 0, 0, 0, "—", "—", "—"],
    ["年度总体目标", "预期目标", null, null, null, "实际完成情况"],
    [null, "全力推进招商引资", null, null, null, "外出招商13批次"],
    ["绩 效 指 标", ...L1_HEADER, NOTES_HEADER],
    [
      null,
      "产出指标 （50分）",
      "数量指标 （20分）",
      "利用外资工作完成率",
      "4.3亿美元",
      "3.58亿美元",
      5,
      null,
      "招商基础较差。",
    ],
    [null, null, null, "利用内资工作完成率", "96.67亿元", "80.63亿元", 5],
    [null, null, null, "利用省外资金 工作完成率", "69.80亿元", "58.22亿元", 5],
    [null, null, null, "“152”项目签约数量", "3个", "1个", 5],
    [null, null, "质量指标 （15分）", "新签约项目开工率", "100%", pct(1, "0%"), 5],
    [null, null, null, "新签约项目投产率", "100%", pct(1, "0%"), 5],
    [null, null, null, "“152”项目签约金额", "60亿元", "38亿元", 5],
    [null, null, "时效指标 （5分）", "招商引资工作及时完成率", "100%", pct(1, "0%"), 5],
    [null, null, "成本指标 （10分）", "成本控制率", "100%", "100%", 10],
    [null, "效益指标 （30分）", "经济效益 指标 （15分）", "利用外资增幅", "5%", pct(0.081, "0.0%"), 5],
    [null, null, null, "利用内资增幅", "5%", pct(0.0654), 5],
    [null, null, null, "利用省外资金增幅", "5%", pct(0.08, "0%"), 5],
    [null, null, "社会效益 指标 （10分）", "增加就业机会", "显著", "较显著", 10, fmt(8, "0.00")],
    [null, null, "生态效益 指标", "无"],
    [null, null, "可持续影响 指标 （5分）", "项目可持续性", "长期", "中长期", 5, fmt(3, "0.00")],
    [
      null,
      "满意度 指标 （10分）",
      "服务对象满意度指标（10分）",
      "服务对象满意度",
      "≥95%",
      pct(0.95, "0%"),
      10,
    ],
    ["总分", null, null, null, null, null, 100],
  ];
  const merges = [
    "A1:I1",
    "A2:I2",
    "B3:I3",
    "B4:D4",
    "F4:I4",
    "B5:C5",
    "A5:A9",
    "B6:C6",
    "B7:C7",
    "B8:C8",
    "B9:C9",
    "B10:E10",
    "F10:I10",
    "A10:A11",
    "B11:E11",
    "F11:I11",
    "A12:A28",
    "B13:B21",
    "C13:C16",
    "I13:I16",
    "C17:C19",
    "B22:B27",
    "C22:C24",
    "A29:F29",
  ];
  return { rows, merges };
}

export function l1(o: BuildOptions = {}): GridSnapshot {
  const { rows, merges } = l1Rows();
  return build(rows, { merges, ...o });
}

/** L5: indicator rows only (产出20 / 效益30 / 满意度5 / 管理45), as in the 渝中区 2019 table. */
export function l5(o: BuildOptions = {}): GridSnapshot {
  const rows: In[][] = [
    ["渝中区招商引资专项经费项目绩效自评表（2019年度）"],
    [...L1_HEADER, NOTES_HEADER],
    ["产出指标（20分）", "数量指标", "“招大引强”目标", "10个", "10个", 20],
    ["效益指标（30分）", "社会效益指标", "引进企业", "10个", "10个", 30],
    ["满意度指标（5分）", "服务对象满意度指标", "企业满意度", "≥80%", "80%以上", 5],
    ["管理指标（45分）", "项目管理", "资金管理合规性", "合规", "合规", 45],
    ["总分", null, null, null, null, 100],
  ];
  return build(rows, { merges: ["A1:H1", "A7:E7"], ...o });
}

/** L5 without a 偏差原因 column: levels merged down, two rows short of target, one met. */
export function l5NoNotes(): GridSnapshot {
  return build(
    [
      [...L1_HEADER],
      ["产出指标", "数量指标", "培训人次", "100人次", "80人次", 40, null],
      [null, null, "覆盖乡镇", "10个", "10个", 30, null],
      [null, "成本指标", "人均成本", "≤500元", "600元", 30, null],
      ["总分", null, null, null, null, 100, null],
    ],
    { merges: ["A2:A4"] },
  );
}
