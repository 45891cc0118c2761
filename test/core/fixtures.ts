/** Hand-built TableInputs of the reference tables (../shared/reference) and small builders. */
import type {
  BudgetInput,
  CoreWrite,
  CellInput,
  CellOrigin,
  IndicatorRowInput,
  NoteRef,
  TableInput,
} from "../../src/core";

export function c(value: CellInput["value"], numFmt?: string): CellInput {
  return numFmt ? { value, numFmt } : { value };
}

export const EMPTY: CellInput = { value: null };

export interface RowSpec {
  row?: number;
  level1?: string;
  level2?: string;
  name?: string;
  target?: CellInput | string | number | null;
  actual?: CellInput | string | number | null;
  weight?: number | string | null;
  score?: CellInput | number | string | null;
  scoreOrigin?: CellOrigin;
  note?: NoteRef | null;
  direction?: string | null;
  unit?: string | null;
  ruleText?: string | null;
  override?: IndicatorRowInput["override"];
  /** L3: no target and actual columns. */
  noFigures?: boolean;
}

function cell(v: CellInput | string | number | null | undefined): CellInput {
  if (v === undefined || v === null) return EMPTY;
  if (typeof v === "object") return v;
  return { value: v };
}

/** One indicator row; the score origin follows the cell (empty → empty, else person) unless given. */
export function row(spec: RowSpec): IndicatorRowInput {
  const score = cell(spec.score);
  return {
    row: spec.row ?? 10,
    level1: spec.level1 ?? "产出指标",
    level2: spec.level2 ?? "数量指标",
    name: spec.name ?? "测试指标",
    target: spec.noFigures ? null : cell(spec.target),
    actual: spec.noFigures ? null : cell(spec.actual),
    weight: cell(spec.weight === undefined ? 10 : spec.weight),
    score,
    scoreOrigin: spec.scoreOrigin ?? (score.value === null ? "empty" : "person"),
    note: spec.note === undefined ? { id: `I${spec.row ?? 10}`, text: null } : spec.note,
    direction: spec.direction,
    unit: spec.unit,
    ruleText: spec.ruleText,
    override: spec.override,
  };
}

/** A table of the given rows (L5: no budget block). */
export function table(rows: IndicatorRowInput[], extra: Partial<TableInput> = {}): TableInput {
  return {
    layout: "L5",
    indicators: rows,
    budget: null,
    totalRow: { row: 99, score: EMPTY, scoreOrigin: "empty" },
    ...extra,
  };
}

// ---------------------------------------------------------------- A: 东湖 2021 自评表 (L1)

const MERGED_NOTE = "招商基础较差。下一步将优化招商政策和措施。";

export function donghuBudget(): BudgetInput {
  return {
    columns: { planned: true, budget: true, adjusted: false, executed: true },
    total: {
      row: 6,
      label: "年度资金总额",
      planned: c(207),
      budget: c(207),
      adjusted: null,
      executed: c(170.69, "0.00"),
      rate: EMPTY,
      rateOrigin: "empty",
      weight: c(10),
      score: EMPTY,
      scoreOrigin: "empty",
      reason: null,
    },
    subRows: [
      {
        row: 7,
        label: "其中：当年财政拨款",
        planned: c(207),
        budget: c(207),
        adjusted: null,
        executed: c(170.69),
        rate: EMPTY,
        rateOrigin: "empty",
      },
      {
        row: 8,
        label: "上年结转资金",
        planned: c(0),
        budget: c(0),
        adjusted: null,
        executed: c(0),
        rate: c("—"),
        rateOrigin: "person",
      },
      {
        row: 9,
        label: "其他资金",
        planned: c(0),
        budget: c(0),
        adjusted: null,
        executed: c(0),
        rate: c("—"),
        rateOrigin: "person",
      },
    ],
  };
}

const OUT = "产出指标 （50分）";
const EFF = "效益指标 （30分）";

/** A-donghu-2021-selfeval-blank: score cells empty except the two qualitative judgements. */
export function donghuA(): TableInput {
  const merged: NoteRef = { id: "I13", text: MERGED_NOTE };
  const r = (
    n: number,
    level1: string,
    level2: string,
    name: string,
    target: CellInput | null,
    actual: CellInput | null,
    weight: number | null,
    score: number | null = null,
  ): IndicatorRowInput => ({
    row: n,
    level1,
    level2,
    name,
    target,
    actual,
    weight: weight === null ? EMPTY : c(weight),
    score: score === null ? EMPTY : c(score),
    scoreOrigin: score === null ? "empty" : "person",
    note: n >= 13 && n <= 16 ? merged : { id: `I${n}`, text: null },
  });
  return {
    layout: "L1",
    budget: donghuBudget(),
    indicators: [
      r(13, OUT, "数量指标 （20分）", "利用外资工作完成率", c("4.3亿美元"), c("3.58亿美元"), 5),
      r(14, OUT, "数量指标 （20分）", "利用内资工作完成率", c("96.67亿元"), c("80.63亿元"), 5),
      r(15, OUT, "数量指标 （20分）", "利用省外资金 工作完成率", c("69.80亿元"), c("58.22亿元"), 5),
      r(16, OUT, "数量指标 （20分）", "“152”项目签约数量", c("3个"), c("1个"), 5),
      r(17, OUT, "质量指标 （15分）", "新签约项目开工率", c("100%"), c(1, "0%"), 5),
      r(18, OUT, "质量指标 （15分）", "新签约项目投产率", c("100%"), c(1, "0%"), 5),
      r(19, OUT, "质量指标 （15分）", "“152”项目签约金额", c("60亿元"), c("38亿元"), 5),
      r(20, OUT, "时效指标 （5分）", "招商引资工作及时完成率", c("100%"), c(1, "0%"), 5),
      r(21, OUT, "成本指标 （10分）", "成本控制率", c("100%"), c("100%"), 10),
      r(22, EFF, "经济效益 指标 （15分）", "利用外资增幅", c("5%"), c(0.081, "0.0%"), 5),
      r(23, EFF, "经济效益 指标 （15分）", "利用内资增幅", c("5%"), c(0.0654, "0.00%"), 5),
      r(24, EFF, "经济效益 指标 （15分）", "利用省外资金增幅", c("5%"), c(0.08, "0%"), 5),
      r(25, EFF, "社会效益 指标 （10分）", "增加就业机会", c("显著"), c("较显著"), 10, 8),
      r(26, EFF, "生态效益 指标", "无", EMPTY, EMPTY, null),
      r(27, EFF, "可持续影响 指标 （5分）", "项目可持续性", c("长期"), c("中长期"), 5, 3),
      r(
        28,
        "满意度 指标 （10分）",
        "服务对象满意度指标（10分）",
        "服务对象满意度",
        c("≥95%"),
        c(0.95, "0%"),
        10,
      ),
    ],
    totalRow: { row: 29, score: EMPTY, scoreOrigin: "empty" },
  };
}

// ---------------------------------------------------------------- B: 东湖 2021 评分表 (L3)

const B_ROWS: [number, string, string, string, number, number, string][] = [
  [
    3,
    "决策 (15分)",
    "项目立项 (4分)",
    "立项依据 充分性",
    2,
    2,
    "四项各占1/4权重分,每有一项不符,扣除相应权重分。",
  ],
  [
    4,
    "决策 (15分)",
    "项目立项 (4分)",
    "立项程序 规范性",
    2,
    2,
    "两项各占1/2权重分,每有一项不符,扣除相应权重分。",
  ],
  [
    5,
    "决策 (15分)",
    "绩效目标 (6分)",
    "绩效目标 合理性",
    2,
    2,
    "四项各占1/4权重分,每有一项不符,扣除相应权重分。",
  ],
  [
    6,
    "决策 (15分)",
    "绩效目标 (6分)",
    "绩效指标 明确性",
    4,
    2.4,
    "两项各占1/2权重分,每有一项不符,扣除相应权重分。",
  ],
  [
    7,
    "决策 (15分)",
    "资金投入 (5分)",
    "预算编制 科学性",
    3,
    3,
    "三项各占1/3权重分,每有一项不符,扣除相应权重分。",
  ],
  [
    8,
    "决策 (15分)",
    "资金投入 (5分)",
    "资金分配 合理性",
    2,
    2,
    "二项各占1/2权重分,每有一项不符,扣除相应权重分。",
  ],
  [
    9,
    "过程 (15分)",
    "资金管理(11分)",
    "资金到位率",
    2,
    1.88,
    "资金到位率达100%得满分,低于100%按指标权重比例计分。",
  ],
  [
    10,
    "过程 (15分)",
    "资金管理(11分)",
    "预算执行率",
    5,
    4.38,
    "预算执行率为100%得满分,低于100%按指标权重比例计分。",
  ],
  [
    11,
    "过程 (15分)",
    "资金管理(11分)",
    "资金使用 合规性",
    4,
    4,
    "①②③每有一项不符,各扣1分;④不符合,该项指标为0分。",
  ],
  [
    12,
    "过程 (15分)",
    "组织实施 (4分)",
    "管理制度 健全性",
    2,
    2,
    "二项各占1/2权重分,每有一项不符,扣除相应权重分。",
  ],
  [
    13,
    "过程 (15分)",
    "组织实施 (4分)",
    "制度执行 有效性",
    2,
    2,
    "四项各占1/4权重分,每有一项不符,扣除相应权重分。",
  ],
  [
    14,
    "产出 (35分)",
    "产出数量(16分)",
    "利用外资 工作完成率",
    4,
    3.33,
    "得分=实际利用外资工作完成额/计划利用外资工作完成额4.3亿美元*100%*分值,超过标准分以标准分计分。",
  ],
  [
    15,
    "产出 (35分)",
    "产出数量(16分)",
    "利用内资 工作完成率",
    4,
    3.33,
    "得分=实际内资工作完成额/计划内资工作完成额96.67亿元*100%*分值,超过标准分以标准分计分。",
  ],
  [
    16,
    "产出 (35分)",
    "产出数量(16分)",
    "利用省外资金 工作完成率",
    4,
    3.33,
    "得分=实际利用省外资金额/计划利用省外资金额69.80亿元*100%*分值,超过标准分以标准分计分。",
  ],
  [
    17,
    "产出 (35分)",
    "产出数量(16分)",
    "“152”项目 签约数量",
    4,
    1.33,
    "得分=实际152”项目签约数量/计划“152”项目签约数量3个*100%*分值,超过标准分以标准分计分。",
  ],
  [
    18,
    "产出 (35分)",
    "产出质量 (9分)",
    "新签约项目 开工率",
    3,
    3,
    "年度目标值为98%,得分=实际达标率*分值,超过标准分以标准分计分。",
  ],
  [
    19,
    "产出 (35分)",
    "产出质量 (9分)",
    "新签约项目 投产率",
    3,
    2.15,
    "年度目标值为78%,得分=实际达标率*分值,超过标准分以标准分计分。",
  ],
  [
    20,
    "产出 (35分)",
    "产出质量 (9分)",
    "“152”项目 签约金额",
    3,
    1,
    "年度目标值为20亿元/个,得分=实际达标率*分值,超过标准分以标准分计分。",
  ],
  [
    21,
    "产出 (35分)",
    "产出时效 (5分)",
    "招商引资工作 及时完成率",
    5,
    5,
    "时效指标目标值为100% ,达到目标值为满分,否则不得分。",
  ],
  [
    22,
    "产出 (35分)",
    "产出成本 (5分)",
    "成本超出 标准次数",
    5,
    5,
    "目标值为≤5次,低于目标值得满分,否则不得分。",
  ],
  [23, "效益 (25分)", "经济效益 (15分)", "利用外资增幅", 5, 5, "目标值为≥5%,达到目标值为满分,否则不得分"],
  [24, "效益 (25分)", "经济效益 (15分)", "利用内资增幅", 5, 5, "目标值为≥5%,达到目标值为满分,否则不得分。"],
  [
    25,
    "效益 (25分)",
    "经济效益 (15分)",
    "利用省外 资金增幅",
    5,
    5,
    "目标值为≥5%,达到目标值为满分,否则不得分",
  ],
  [26, "效益 (25分)", "社会效益 (5分)", "提供就业 岗位数量", 5, 5, "定性指标……得分=完成率*分值"],
  [27, "效益 (25分)", "可持续效益(5分)", "政策长期持续性", 5, 4, "定性指标……得分=完成率*分值"],
  [
    28,
    "满意度 (10分)",
    "社会公众或服务对象 满意度 (10分)",
    "服务对象满意度",
    10,
    5,
    "满意度100%得满分,低于100%按实际完成百分比*分值权重分值进行评分。",
  ],
];

/** B-donghu-2021-scoresheet: published scores add to 84.13; the total cell says 84.15. */
export function donghuB(): TableInput {
  return {
    layout: "L3",
    budget: null,
    indicators: B_ROWS.map(([n, l1, l2, name, w, s, text]) => ({
      row: n,
      level1: l1,
      level2: l2,
      name,
      target: null,
      actual: null,
      weight: c(w),
      score: c(s),
      scoreOrigin: "person" as const,
      ruleText: text,
      note: null,
    })),
    totalRow: { row: 29, score: c(84.15), scoreOrigin: "person" },
  };
}

// ---------------------------------------------------------------- C: 益阳 2024 评分表 (L3)

const C_ROWS: [number, string, string, string, number, number][] = [
  [3, "决  策", "预算支出决策\n（项目立项）", "预算支出决策（项目立项）依据\n充分性", 2, 2],
  [4, "决  策", "预算支出决策\n（项目立项）", "决策（立项）程序规范性", 2, 2],
  [5, "决  策", "绩效\n目标", "绩效目标\n合理性", 2, 2],
  [6, "决  策", "绩效\n目标", "绩效指标\n明确性", 4, 4],
  [7, "决\n策", "资金\n投入", "预算\n编制\n科学性", 3, 3],
  [8, "决\n策", "资金\n投入", "资金\n分配\n合理性", 2, 2],
  [9, "过\n程", "资金\n管理", "资金\n到位率", 2, 1],
  [10, "过\n程", "资金\n管理", "预算\n执行率", 4, 3],
  [11, "过\n程", "资金\n管理", "资金\n使用\n合规性", 8, 8],
  [12, "过\n程", "组织\n实施", "管理\n制度\n健全性", 4, 4],
  [13, "过\n程", "组织\n实施", "制度\n执行\n有效性", 7, 7],
  [14, "产   出", "产出\n数量", "实际\n完成率", 13, 12],
  [15, "产   出", "产出\n质量", "质量\n达标率", 12, 12],
  [16, "产   出", "产出\n时效", "完成\n及时性", 5, 5],
  [17, "产   出", "产出\n成本", "成本\n节约率", 5, 5],
  [18, "效   益", "预算\n支出\n效益", "实施\n效益", 15, 15],
  [19, "效   益", "预算\n支出\n效益", "社会\n公众\n或服\n务对\n象满\n意度", 10, 10],
];

/** C-yiyang-2024-scoresheet: level labels broken by spaces and line breaks, 决策 split over two blocks. */
export function yiyangC(): TableInput {
  return {
    layout: "L3",
    budget: null,
    indicators: C_ROWS.map(([n, l1, l2, name, w, s]) => ({
      row: n,
      level1: l1,
      level2: l2,
      name,
      target: null,
      actual: null,
      weight: c(w),
      score: c(s),
      scoreOrigin: "person" as const,
      ruleText: "评价要点：①……",
      note: null,
    })),
    totalRow: { row: 20, score: EMPTY, scoreOrigin: "empty" },
  };
}

// ---------------------------------------------------------------- D: 渝中 2019 自评表 (L5)

const D_ROWS: [number, string, string, string, string, string, number][] = [
  [3, "产出指标（20分）", "数量指标", "“招大引强”目标", "10个", "10个", 4],
  [4, "产出指标（20分）", "数量指标", "参加重大会展活动", "10次以上", "10次以上", 3],
  [5, "产出指标（20分）", "数量指标", "制作相关宣传资料", "10000册", "10000册以上", 3],
  [6, "产出指标（20分）", "数量指标", "拜访及接待境内外客商", "1000人次", "1000人次以上", 4],
  [7, "产出指标（20分）", "数量指标", "举办重大项目签约活动", "1-2次", "2次", 3],
  [8, "产出指标（20分）", "数量指标", "开展境内外招商推介活动", "2次以上", "3次", 3],
  [
    9,
    "效益指标（30分）",
    "社会效益指标",
    "引进税收超过100万、GDP贡献超过1000万、营收超过1亿的“招大引强”企业",
    "10个",
    "10个",
    15,
  ],
  [10, "效益指标（30分）", "经济效益指标", "签约重点项目", "50个", "50个", 8],
  [11, "效益指标（30分）", "经济效益指标", "重点项目签约金额", "50亿元", "50.5亿元", 7],
  [12, "满意度指标（5分）", "服务对象满意度指标", "企业满意度", "≥80%", "80%以上", 5],
  [13, "管理指标（45分）", "项目管理", "项目立项必要性和充分性", "充分", "充分", 8],
  [14, "管理指标（45分）", "项目管理", "资金专款专用", "是", "是", 8],
  [15, "管理指标（45分）", "项目管理", "资金管理合规性", "合规", "合规", 8],
  [16, "管理指标（45分）", "项目管理", "资金支付审批程序和手续完整性", "完整", "完整", 7],
  [17, "管理指标（45分）", "项目管理", "政府采购执行规范性", "规范", "规范", 7],
  [18, "管理指标（45分）", "项目管理", "管理制度健全性", "健全", "健全", 7],
];

/** D-yuzhong-2019-selfeval: no budget block; every score empty. */
export function yuzhongD(): TableInput {
  return {
    layout: "L5",
    budget: null,
    indicators: D_ROWS.map(([n, l1, l2, name, t, a, w]) => ({
      row: n,
      level1: l1,
      level2: l2,
      name,
      target: c(t),
      actual: c(a),
      weight: c(w),
      score: EMPTY,
      scoreOrigin: "empty" as const,
      note: { id: `H${n}`, text: null },
    })),
    totalRow: { row: 19, score: EMPTY, scoreOrigin: "empty" },
  };
}

/** Applies the core's writes to a copy of the input, as a host would, recording them as the program's. */
export function applyWrites(input: TableInput, writes: CoreWrite[]): TableInput {
  const t = structuredClone(input);
  for (const w of writes) {
    if (w.field === "score") {
      const r = t.indicators.find((x) => x.row === w.row)!;
      r.score = { value: w.after };
      r.scoreOrigin = "program";
    } else if (w.field === "note") {
      for (const r of t.indicators)
        if (r.note && r.note.id === w.noteId) r.note = { ...r.note, text: String(w.after) };
    } else if (w.field === "budgetRate") {
      const b = t.budget!;
      const r = b.total!.row === w.row ? b.total! : b.subRows.find((s) => s.row === w.row)!;
      r.rate = { value: w.after, numFmt: "0.00%" };
      r.rateOrigin = "program";
    } else if (w.field === "budgetScore") {
      t.budget!.total!.score = { value: w.after };
      t.budget!.total!.scoreOrigin = "program";
    } else if (w.field === "budgetReason") {
      t.budget!.total!.reason = { ...t.budget!.total!.reason!, text: String(w.after) };
    } else if (w.field === "total") {
      t.totalRow = { ...t.totalRow!, score: { value: w.after }, scoreOrigin: "program" };
    } else if (w.field === "grade") {
      t.gradeCell = { ...t.gradeCell!, value: { value: w.after }, origin: "program" };
    }
  }
  return t;
}
