/** The indicator library (TEMPLATES.md "Indicator library" and "Common indicators"). */
import type { IndicatorGroup, IndicatorTemplateRow } from "./types";

export const OUTPUT = "产出指标";
export const BENEFIT = "效益指标";
export const SATISFACTION = "满意度指标";

/** The fixed levels of the central 自评表 (T1) and their stated weights. */
export const T1_LEVELS: { level1: string; weight: number; level2: string[] }[] = [
  { level1: OUTPUT, weight: 50, level2: ["数量指标", "质量指标", "时效指标", "成本指标"] },
  {
    level1: BENEFIT,
    weight: 30,
    level2: ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"],
  },
  { level1: SATISFACTION, weight: 10, level2: ["服务对象满意度指标"] },
];

/**
 * The 财预〔2021〕101号 table: 成本指标 is a 一级指标, listed first; 成本20 / 产出40 / 效益20 /
 * 满意度10, with 预算执行率 10.
 */
export const T101_LEVELS: { level1: string; weight: number; level2: string[] }[] = [
  { level1: "成本指标", weight: 20, level2: ["经济成本指标", "社会成本指标", "生态环境成本指标"] },
  { level1: OUTPUT, weight: 40, level2: ["数量指标", "质量指标", "时效指标"] },
  {
    level1: BENEFIT,
    weight: 20,
    level2: ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"],
  },
  { level1: SATISFACTION, weight: 10, level2: ["服务对象满意度指标"] },
];

type RowSpec = Omit<IndicatorTemplateRow, "level1" | "level2" | "target"> & { target?: string };

function rows(level1: string, level2: string, specs: RowSpec[]): IndicatorTemplateRow[] {
  return specs.map((s) => ({ level1, level2, ...s, target: s.target ?? "" }));
}

const QUALITATIVE = "定性";

/** 共性指标, one group per 二级指标. */
const COMMON: IndicatorGroup[] = [
  {
    id: "common-quantity",
    title: "共性指标 · 数量指标",
    rows: rows(OUTPUT, "数量指标", [
      { name: "完成任务数", unit: "项", direction: "≥" },
      { name: "覆盖人数", unit: "人", direction: "≥" },
      { name: "覆盖户数", unit: "户", direction: "≥" },
      { name: "培训人次", unit: "人次", direction: "≥" },
      { name: "建设数量", unit: "个", direction: "≥" },
    ]),
  },
  {
    id: "common-quality",
    title: "共性指标 · 质量指标",
    rows: rows(OUTPUT, "质量指标", [
      { name: "验收合格率", unit: "%", direction: "≥" },
      { name: "达标率", unit: "%", direction: "≥" },
      { name: "完成率", unit: "%", direction: "≥" },
    ]),
  },
  {
    id: "common-time",
    title: "共性指标 · 时效指标",
    rows: rows(OUTPUT, "时效指标", [
      { name: "按时完成率", unit: "%", direction: "≥" },
      { name: "完成时间", hint: "填写完成日期，如“2024年12月31日前”" },
    ]),
  },
  {
    id: "common-cost",
    title: "共性指标 · 成本指标",
    rows: rows(OUTPUT, "成本指标", [
      { name: "经费控制", unit: "万元", direction: "≤" },
      { name: "成本节约率", unit: "%", direction: "≥" },
      { name: "单位成本", unit: "元", direction: "≤" },
    ]),
  },
  {
    id: "common-economic",
    title: "共性指标 · 经济效益指标",
    rows: rows(BENEFIT, "经济效益指标", [
      { name: "带动投资", unit: "万元", direction: "≥" },
      { name: "增加收入", unit: "万元", direction: "≥" },
      { name: "增加税收", unit: "万元", direction: "≥" },
    ]),
  },
  {
    id: "common-social",
    title: "共性指标 · 社会效益指标",
    rows: rows(BENEFIT, "社会效益指标", [
      { name: "受益人数", unit: "人", direction: "≥" },
      { name: "带动就业", unit: "人", direction: "≥" },
      { name: "公共服务改善", direction: QUALITATIVE },
    ]),
  },
  {
    id: "common-ecological",
    title: "共性指标 · 生态效益指标",
    rows: rows(BENEFIT, "生态效益指标", [
      { name: "污染减排", direction: "≥" },
      { name: "环境改善", direction: QUALITATIVE },
    ]),
  },
  {
    id: "common-sustainable",
    title: "共性指标 · 可持续影响指标",
    rows: rows(BENEFIT, "可持续影响指标", [
      { name: "长效机制建立", direction: QUALITATIVE },
      { name: "持续发挥作用年限", unit: "年", direction: "≥" },
    ]),
  },
  {
    id: "common-satisfaction",
    title: "共性指标 · 满意度指标",
    rows: rows(SATISFACTION, "服务对象满意度指标", [
      { name: "服务对象满意度", target: "≥90%", unit: "%", direction: "≥" },
    ]),
  },
];

/** 招商引资 / 投资促进 indicators, as used in published reports. */
const INVESTMENT: IndicatorGroup = {
  id: "investment-promotion",
  title: "招商引资 / 投资促进",
  rows: [
    ...rows(OUTPUT, "数量指标", [
      { name: "引进省外到位资金", unit: "亿元", direction: "≥" },
      { name: "实际利用外资", unit: "万美元", direction: "≥", hint: "也可用亿美元" },
      { name: "利用内资", unit: "亿元", direction: "≥" },
      { name: "引进工业项目省外到位资金", unit: "亿元", direction: "≥" },
      { name: "投资5000万元以上新开工项目数", unit: "个", direction: "≥" },
      { name: "投资3000万元以上新签约项目数", unit: "个", direction: "≥" },
      { name: "重大项目签约数量", unit: "个", direction: "≥" },
      { name: "招商引资工作调研督查", unit: "次", direction: "≥" },
      { name: "举办招商推介会", unit: "次", direction: "≥" },
      { name: "新包装项目数", unit: "个", direction: "≥" },
      { name: "参加重大会展活动", unit: "次", direction: "≥" },
      { name: "制作宣传资料", unit: "册", direction: "≥" },
      { name: "拜访及接待客商", unit: "人次", direction: "≥" },
      { name: "举办重大项目签约活动", unit: "次", direction: "≥" },
    ]),
    ...rows(OUTPUT, "质量指标", [
      { name: "项目落地率", unit: "%", direction: "≥" },
      { name: "新签约项目开工率", unit: "%", direction: "≥" },
      { name: "新签约项目投产率", unit: "%", direction: "≥" },
      { name: "重大项目签约金额", unit: "亿元", direction: "≥" },
    ]),
    ...rows(OUTPUT, "时效指标", [
      { name: "项目完成及时率", unit: "%", direction: "≥" },
      { name: "招商引资工作及时完成率", unit: "%", direction: "≥" },
    ]),
    ...rows(OUTPUT, "成本指标", [
      { name: "招商引资工作经费", unit: "万元", direction: "≤" },
      { name: "成本控制率", unit: "%" },
      { name: "成本超出标准次数", unit: "次", direction: "≤" },
    ]),
    ...rows(BENEFIT, "经济效益指标", [
      { name: "引进省外到位资金增长率", unit: "%", direction: "≥" },
      { name: "实际利用外资增长率", unit: "%", direction: "≥" },
      { name: "利用内资增幅", unit: "%", direction: "≥" },
      { name: "招商引资引进企业增加税收", target: "增加", direction: QUALITATIVE },
    ]),
    ...rows(BENEFIT, "社会效益指标", [
      { name: "带动地区就业", target: "有效带动", direction: QUALITATIVE },
      { name: "促进本地区产业发展、升级", target: "有效促进", direction: QUALITATIVE },
      { name: "提供就业岗位数量", hint: "可填岗位数（个），或按定性指标填写" },
    ]),
    ...rows(BENEFIT, "生态效益指标", [
      { name: "引进企业未对环境造成污染", target: "未造成污染", direction: QUALITATIVE },
    ]),
    ...rows(BENEFIT, "可持续影响指标", [
      { name: "对就业、税收的可持续影响", target: "可持续", direction: QUALITATIVE },
      { name: "政策长期持续性", target: "长期", direction: QUALITATIVE },
    ]),
    ...rows(SATISFACTION, "服务对象满意度指标", [
      { name: "项目实施涉及工作人员满意度", target: "≥90%", unit: "%", direction: "≥" },
      {
        name: "投资客商/企业满意度",
        target: "≥90%",
        unit: "%",
        direction: "≥",
        hint: "常见目标值在80%至95%之间",
      },
      { name: "服务对象满意度", target: "≥90%", unit: "%", direction: "≥" },
    ]),
  ],
};

/** The indicator library: 共性指标 by 二级指标, then sector sets. */
export const INDICATOR_LIBRARY: readonly IndicatorGroup[] = [...COMMON, INVESTMENT];
