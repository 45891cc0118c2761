/**
 * Indicator frameworks of the evaluation tables: 财预〔2020〕10号 附件1 (T3, 评分表) and
 * 财预〔2013〕53号 附件2 (T4, 部门整体支出). Explanations and scoring criteria are
 * paraphrased, not quoted.
 */
import Decimal from "decimal.js";

export interface FrameworkRow {
  name: string;
  weight: number;
  /** 指标解释 */
  explanation?: string;
  /** 评分标准 */
  criteria?: string;
}

export interface FrameworkLevel2 {
  name: string;
  rows: FrameworkRow[];
}

export interface FrameworkLevel1 {
  name: string;
  level2: FrameworkLevel2[];
}

const SHARE = "每点占分值的";
const DEDUCT = "，一点不满足扣除相应分值。";

function checklist(points: string[]): string {
  const marks = "①②③④⑤⑥⑦⑧";
  const share = ["", "全部", "二分之一", "三分之一", "四分之一", "五分之一"][points.length] ?? "相应份额";
  return `看${points.length}点：${points.map((p, i) => marks[i] + p).join("；")}。${SHARE}${share}${DEDUCT}`;
}

const DECISION: FrameworkLevel1 = {
  name: "决策",
  level2: [
    {
      name: "项目立项",
      rows: [
        {
          name: "立项依据充分性",
          weight: 2,
          explanation: "项目立项是否以法律法规、政策、发展规划和部门职责为依据。",
          criteria: checklist([
            "有国家法律法规和政策依据",
            "与行业或区域发展规划一致",
            "在本部门职责范围内，为履职所必需",
            "属于财政资金应当支持的范围",
          ]),
        },
        {
          name: "立项程序规范性",
          weight: 2,
          explanation: "项目申报和审批是否按规定程序办理。",
          criteria: checklist([
            "按规定程序申报设立",
            "审批文件和申报材料齐全、合规",
            "事前开展了必要的可行性研究、论证、风险或绩效评估和集体决策",
          ]),
        },
      ],
    },
    {
      name: "绩效目标",
      rows: [
        {
          name: "绩效目标合理性",
          weight: 2,
          explanation: "所设绩效目标是否有依据、符合实际，与项目实施内容是否相符。",
          criteria: checklist([
            "设定了绩效目标",
            "目标与实际工作内容相关",
            "预期产出和效果合乎正常业绩水平，与预算资金量相匹配",
          ]),
        },
        {
          name: "绩效指标明确性",
          weight: 4,
          explanation: "绩效目标是否分解为清晰、细化、可衡量的指标。",
          criteria: checklist([
            "目标分解为具体的绩效指标",
            "指标有清晰、可衡量的指标值",
            "指标值与年度任务数或计划数相对应",
          ]),
        },
      ],
    },
    {
      name: "资金投入",
      rows: [
        {
          name: "预算编制科学性",
          weight: 3,
          explanation: "预算是否经过论证、有明确标准，额度与年度目标是否相适应。",
          criteria: checklist([
            "预算编制经过论证",
            "预算内容与项目内容一致",
            "额度测算有依据、按标准编制",
            "预算资金量与工作任务相匹配",
          ]),
        },
        {
          name: "资金分配合理性",
          weight: 2,
          explanation: "资金分配是否有测算依据，与项目单位或地方实际是否相适应。",
          criteria: checklist(["分配依据充分", "分配额度合理，与项目单位或地方实际相适应"]),
        },
      ],
    },
  ],
};

const FUNDS_IN_PLACE: FrameworkRow = {
  name: "资金到位率",
  weight: 2,
  explanation: "实际到位资金占预算资金的比例，反映资金对项目实施的保障程度。",
  criteria: "资金到位率＝实际到位资金÷预算资金×100%。达到100%得满分，不足100%按到位比例计分。",
};
const EXECUTION: FrameworkRow = {
  name: "预算执行率",
  weight: 5,
  explanation: "实际支出资金占实际到位资金的比例，反映预算执行进度。",
  criteria: "预算执行率＝实际支出资金÷实际到位资金×100%。达到100%得满分，不足100%按执行比例计分。",
};
const COMPLIANCE: FrameworkRow = {
  name: "资金使用合规性",
  weight: 4,
  explanation: "资金使用是否符合财经法规、财务制度和专项资金管理规定。",
  criteria:
    "看4点：①符合财经法规、财务制度和专项资金管理办法；②资金拨付有完整的审批程序和手续；" +
    "③按预算批复或合同约定的用途使用；④无截留、挤占、挪用、虚列支出等情况。" +
    "①至③每有一点不满足扣除相应分值；出现④所列情况的，本指标不得分。",
};
const RULES: FrameworkRow = {
  name: "管理制度健全性",
  weight: 2,
  explanation: "项目单位的财务和业务管理制度是否健全。",
  criteria: checklist(["已建立相应的财务和业务管理制度", "制度合法、合规、完整"]),
};
const RULES_APPLIED: FrameworkRow = {
  name: "制度执行有效性",
  weight: 2,
  explanation: "项目实施是否遵守有关法律法规和业务管理规定。",
  criteria: checklist([
    "遵守法律法规和管理规定",
    "项目调整和支出调整手续完备",
    "合同、验收报告、技术鉴定等资料齐全并及时归档",
    "人员、场地设备、信息支撑等条件落实到位",
  ]),
};

const OUTPUT: FrameworkLevel1 = {
  name: "产出",
  level2: [
    {
      name: "产出数量",
      rows: [
        {
          name: "实际完成率",
          weight: 13,
          explanation: "实际产出数占计划产出数的比例，反映产出数量目标的实现程度。",
          criteria:
            "实际完成率＝实际产出数÷计划产出数×100%。达到100%得满分，不足100%按完成比例计分；" +
            "有多项产出的，分项计分后加总。",
        },
      ],
    },
    {
      name: "产出质量",
      rows: [
        {
          name: "质量达标率",
          weight: 12,
          explanation: "质量达标的产出数占实际产出数的比例，反映产出质量目标的实现程度。",
          criteria: "质量达标率＝质量达标产出数÷实际产出数×100%。达到100%得满分，不足100%按达标比例计分。",
        },
      ],
    },
    {
      name: "产出时效",
      rows: [
        {
          name: "完成及时性",
          weight: 5,
          explanation: "实际完成时间与计划完成时间的对比，反映产出时效目标的实现程度。",
          criteria: "在计划时间内完成得满分；逾期完成的，视延误程度和原因酌情扣分；未完成不得分。",
        },
      ],
    },
    {
      name: "产出成本",
      rows: [
        {
          name: "成本节约率",
          weight: 5,
          explanation: "实际节约的成本占计划成本的比例，反映成本控制情况。",
          criteria:
            "成本节约率＝（计划成本－实际成本）÷计划成本×100%。实际成本不超过计划成本得满分；" +
            "超出的，按超出比例扣分，扣完为止。",
        },
      ],
    },
  ],
};

const BENEFIT_ROW: FrameworkRow = {
  name: "实施效益",
  weight: 25,
  explanation: "项目实施带来的经济效益、社会效益、生态效益和可持续影响。",
  criteria:
    "按项目实际选取经济效益、社会效益、生态效益、可持续影响等指标分别设定分值。定量指标按完成比例计分；" +
    "定性指标分达成、部分达成、未达成三档，分别在分值的100%～80%、80%～60%、60%～0之间评分。",
};
const SATISFACTION_ROW: FrameworkRow = {
  name: "社会公众或服务对象满意度",
  weight: 10,
  explanation: "受项目影响的社会公众或服务对象对实施效果的满意程度。",
  criteria: "一般通过问卷等社会调查取得。满意度达到目标值得满分，低于目标值按满意度与目标值之比计分。",
};

/**
 * The 财预〔2020〕10号 framework. `separate`: 决策15/过程15/产出35/效益25/满意度10;
 * `inBenefit`: 决策15/过程25/产出35/效益25, 满意度 inside 效益.
 */
export function evaluationFramework(satisfaction: "separate" | "inBenefit"): FrameworkLevel1[] {
  if (satisfaction === "inBenefit") {
    return [
      DECISION,
      {
        name: "过程",
        level2: [
          {
            name: "资金管理",
            rows: [
              { ...FUNDS_IN_PLACE, weight: 2 },
              { ...EXECUTION, weight: 4 },
              { ...COMPLIANCE, weight: 8 },
            ],
          },
          {
            name: "组织实施",
            rows: [
              { ...RULES, weight: 4 },
              { ...RULES_APPLIED, weight: 7 },
            ],
          },
        ],
      },
      OUTPUT,
      {
        name: "效益",
        level2: [{ name: "项目效益", rows: [{ ...BENEFIT_ROW, weight: 15 }, SATISFACTION_ROW] }],
      },
    ];
  }
  return [
    DECISION,
    {
      name: "过程",
      level2: [
        { name: "资金管理", rows: [FUNDS_IN_PLACE, EXECUTION, COMPLIANCE] },
        { name: "组织实施", rows: [RULES, RULES_APPLIED] },
      ],
    },
    OUTPUT,
    { name: "效益", level2: [{ name: "项目效益", rows: [BENEFIT_ROW] }] },
    { name: "满意度", level2: [{ name: "满意度", rows: [SATISFACTION_ROW] }] },
  ];
}

function named(names: [string, number][]): FrameworkRow[] {
  return names.map(([name, weight]) => ({ name, weight }));
}

/** The 财预〔2013〕53号 附件2 framework for 部门整体支出 (90 points; the budget score adds 10). */
export const DEPARTMENT_FRAMEWORK: FrameworkLevel1[] = [
  {
    name: "投入",
    level2: [
      {
        name: "目标设定",
        rows: named([
          ["绩效目标合理性", 2],
          ["绩效指标明确性", 2],
        ]),
      },
      {
        name: "预算配置",
        rows: named([
          ["在职人员控制率", 2],
          ["“三公经费”变动率", 2],
          ["重点支出安排率", 2],
        ]),
      },
    ],
  },
  {
    name: "过程",
    level2: [
      {
        name: "预算执行",
        rows: named([
          ["预算完成率", 3],
          ["预算调整率", 2],
          ["支付进度率", 2],
          ["结转结余率", 2],
          ["结转结余变动率", 1],
          ["公用经费控制率", 2],
          ["“三公经费”控制率", 2],
          ["政府采购执行率", 1],
        ]),
      },
      {
        name: "预算管理",
        rows: named([
          ["管理制度健全性", 2],
          ["资金使用合规性", 2],
          ["预决算信息公开性", 1],
          ["基础信息完善性", 1],
        ]),
      },
      {
        name: "资产管理",
        rows: named([
          ["管理制度健全性", 2],
          ["资产管理安全性", 1],
          ["固定资产利用率", 1],
        ]),
      },
    ],
  },
  {
    name: "产出",
    level2: [
      {
        name: "职责履行",
        rows: named([
          ["实际完成率", 10],
          ["完成及时率", 5],
          ["质量达标率", 10],
          ["重点工作办结率", 5],
        ]),
      },
    ],
  },
  {
    name: "效果",
    level2: [
      {
        name: "履职效益",
        rows: named([
          ["经济效益", 5],
          ["社会效益", 8],
          ["生态效益", 2],
          ["社会公众或服务对象满意度", 10],
        ]),
      },
    ],
  },
];

/** Sum of the row weights under a level. */
export function levelWeight(level: FrameworkLevel1 | FrameworkLevel2): number {
  const rows = "rows" in level ? level.rows : level.level2.flatMap((l) => l.rows);
  return rows.reduce((s, r) => s.plus(r.weight), new Decimal(0)).toNumber();
}
