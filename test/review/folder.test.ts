/**
 * `jixiao review <folder>` over the reference workbooks and the corpus: the exact set of P0
 * findings per file (REPORT.md "The 问题清单"), derived by hand from SCORING.md, and the
 * 问题清单 / 汇总 workbook as written.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "fs";
import { join } from "path";
import ExcelJS from "exceljs";
import type { Finding } from "../../src/review/types";
import { REF, run, tmp } from "../cli/helpers";

const CORPUS = join(__dirname, "../../../shared/corpus/workbooks");

/** The files of reference A's table (A-blank re-saved or edited): notes are missing on rows 19, 25, 27. */
const A_NOTES = ["DEVIATION_NOTE_REQUIRED@I19", "DEVIATION_NOTE_REQUIRED@I25", "DEVIATION_NOTE_REQUIRED@I27"];

/**
 * P0 per file and table, from the spec:
 * - A: rows 19 (3.17 of 5), 25 (8 of 10) and 27 (3 of 5) score below full and need a note
 *   (R-DEV, UNDER_TARGET); their note cells are empty (rows 13–16 share the merged note I13).
 * - B: the published scores add up to 84.13 while F29 says 84.15 (R-TOTAL-5).
 * - C, D: nothing wrong with the results.
 * - c01c: array formulas give 2.5 in H17, H18, H20 and 5 in H21 where the rule gives 5, 5, 5
 *   and 10 (R-TOTAL-5), so those rows also score below full and need notes (R-DEV).
 * - c07 / c08: a second table of the same project (rows 33–61 below, K–S beside): 执行数 200
 *   of 207 and 利用外资 met, but the same rows 19, 25 and 27 of that table lack their notes.
 * - c22: refused (a 1 GB part), one P0 row.
 */
const EXPECTED_P0: Record<string, string[]> = {
  "A-donghu-2021-selfeval-blank.xlsx#1": A_NOTES,
  "A-donghu-2021-selfeval-filled.xlsx#1": A_NOTES,
  "B-donghu-2021-scoresheet.xlsx#1": ["TOTAL_MISMATCH@F29"],
  "C-yiyang-2024-scoresheet.xlsx#1": [],
  "D-yuzhong-2019-selfeval.xlsx#1": [],
  "c01c_array_multi_lo.xlsx#1": [
    "SCORE_MISMATCH@H17",
    "SCORE_MISMATCH@H18",
    "SCORE_MISMATCH@H20",
    "SCORE_MISMATCH@H21",
    "DEVIATION_NOTE_REQUIRED@I17",
    "DEVIATION_NOTE_REQUIRED@I18",
    "DEVIATION_NOTE_REQUIRED@I19",
    "DEVIATION_NOTE_REQUIRED@I20",
    "DEVIATION_NOTE_REQUIRED@I21",
    "DEVIATION_NOTE_REQUIRED@I25",
    "DEVIATION_NOTE_REQUIRED@I27",
  ],
  "c07_two_tables_vertical.xlsx#1": A_NOTES,
  "c07_two_tables_vertical.xlsx#2": [
    "DEVIATION_NOTE_REQUIRED@I51",
    "DEVIATION_NOTE_REQUIRED@I57",
    "DEVIATION_NOTE_REQUIRED@I59",
  ],
  "c08_two_tables_side_by_side.xlsx#1": A_NOTES,
  "c08_two_tables_side_by_side.xlsx#2": [
    "DEVIATION_NOTE_REQUIRED@S19",
    "DEVIATION_NOTE_REQUIRED@S25",
    "DEVIATION_NOTE_REQUIRED@S27",
  ],
  "c13b_chart_image_lo.xlsx#1": A_NOTES,
  "c13c_textbox_shape_lo.xlsx#1": A_NOTES,
  "c14_macro.xlsm#1": A_NOTES,
  "c19d_workbook_structure_protected.xlsx#1": A_NOTES,
  "c22_zipbomb_1024MB.xlsx#-": ["UNREADABLE_FILE@"],
  "c25_filter.xlsx#1": A_NOTES,
  "c25x_table_without_style_raw.xlsx#1": A_NOTES,
  "c26_print_setup_custom_props.xlsx#1": A_NOTES,
  "c30_sparkline.xlsx#1": A_NOTES,
};

let dir: string;
let findings: Finding[];
let out: string;

beforeAll(async () => {
  dir = tmp("jixiao-review-");
  const folder = join(dir, "in");
  mkdirSync(join(folder, "corpus"), { recursive: true });
  for (const f of readdirSync(REF).filter((n) => n.endsWith(".xlsx")))
    copyFileSync(join(REF, f), join(folder, f));
  for (const f of readdirSync(CORPUS)) copyFileSync(join(CORPUS, f), join(folder, "corpus", f));
  out = join(dir, "问题清单.xlsx");
  const r = await run(["review", folder, "--json", "--out", out, "--workers", "1"]);
  expect(r.code).toBe(0);
  findings = JSON.parse(r.stdout) as Finding[];
}, 120000);

it("lists exactly the expected P0 findings of every file and table (and no other file or table)", () => {
  const got: Record<string, string[]> = {};
  for (const f of findings) {
    const k = `${f.file.replace(/^corpus\//, "")}#${f.table ?? "-"}`;
    got[k] ??= [];
    if (f.level === "P0") got[k].push(`${f.code}@${f.cell}`);
  }
  const sorted = (o: Record<string, string[]>) =>
    Object.fromEntries(Object.entries(o).map(([k, v]) => [k, [...v].sort()]));
  expect(sorted(got)).toEqual(sorted(EXPECTED_P0));
});

it("B: TOTAL_MISMATCH at F29 cites R-TOTAL-5 and suggests 84.15 → 84.13", () => {
  const b = findings.find((f) => f.file === "B-donghu-2021-scoresheet.xlsx" && f.code === "TOTAL_MISMATCH")!;
  expect(b).toMatchObject({
    level: "P0",
    sheet: "评分表",
    cell: "F29",
    indicator: "总分",
    rule: "R-TOTAL-5",
  });
  expect(b.basis).toBe("R-TOTAL-5 得分核对");
  expect(b.finding).toMatch(/84\.15.*84\.13/);
  expect(b.suggestion).toBe("请将总分由84.15更正为84.13，或核对各项得分后重新合计。");
});

it("lists the indicator-setting findings of the real tables as P1 (A: S-COST at E21; B: S-NOTE)", () => {
  const a = findings.filter((f) => f.file === "A-donghu-2021-selfeval-blank.xlsx" && f.rule.startsWith("S-"));
  expect(a.map((f) => `${f.level} ${f.rule}@${f.cell}`)).toEqual(["P1 S-COST@E21"]);
  const b = findings.filter((f) => f.file === "B-donghu-2021-scoresheet.xlsx" && f.rule === "S-NOTE");
  // Rows scored below their weight in B's 评分表, which has no column for the reason.
  expect(b.map((f) => f.cell)).toEqual([
    "F6",
    "F9",
    "F10",
    "F14",
    "F15",
    "F16",
    "F17",
    "F19",
    "F20",
    "F27",
    "F28",
  ]);
  expect(b.every((f) => f.level === "P1")).toBe(true);
});

it("writes the 问题清单 and 汇总 sheets with the columns of REPORT.md and the roll-up at the foot", async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual(["问题清单", "汇总"]);
  const list = wb.getWorksheet("问题清单")!;
  expect(list.getRow(1).values).toEqual([
    undefined,
    "等级",
    "文件",
    "工作表",
    "单元格",
    "指标",
    "发现",
    "依据",
    "建议",
  ]);
  expect(list.rowCount).toBe(findings.length + 1);
  const sum = wb.getWorksheet("汇总")!;
  expect(sum.getRow(1).values).toEqual([
    undefined,
    "文件",
    "工作表",
    "项目名称",
    "自评总分",
    "复核总分",
    "等级",
    "P0",
    "P1",
    "P2",
  ]);
  const rows: unknown[][] = [];
  sum.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  const b = rows.find((r) => r[0] === "B-donghu-2021-scoresheet.xlsx")!;
  expect(b.slice(0, 2)).toEqual(["B-donghu-2021-scoresheet.xlsx", "评分表"]);
  expect(b.slice(3, 9)).toEqual([84.15, 84.13, "良", 1, 11, 0]);
  const a = rows.find((r) => r[0] === "A-donghu-2021-selfeval-filled.xlsx")!;
  expect(a.slice(2, 6)).toEqual(["招商引资专项经费", 86.59, 86.59, "良"]);
  // The roll-up: 5 reference tables, 11 corpus workbooks read (c07 and c08 with two tables each), c22 not.
  const last = rows[rows.length - 1][0] as string;
  expect(last).toMatch(/^共18项，/);
  expect(last).toContain("1个文件无法读取");
});

it("never writes to the workbooks it reviews", () => {
  for (const f of readdirSync(REF).filter((n) => n.endsWith(".xlsx"))) {
    const copy = join(dir, "in", f);
    expect(readFileSync(copy).equals(readFileSync(join(REF, f)))).toBe(true);
    expect(statSync(copy).size).toBe(statSync(join(REF, f)).size);
  }
  expect(existsSync(out)).toBe(true);
});

/**
 * The real published tables (test/fixtures/real, SOURCES.md), reviewed as one folder. P0 per
 * table, derived by hand from SCORING.md and the published figures:
 * - 棠溪 村级 / 委托: the 年度资金总额 row writes 0 / 0.00% / 0 over a sub-row whose figures
 *   give 100% (202.64 → 132.912 of 132.912; 89.974 of 89.974): RATE_MISMATCH at the rate,
 *   SCORE_MISMATCH at the budget score (0 against 10).
 * - 海淀: 154.74 / 310.2 = 49.88%, written 50% (RATE_MISMATCH) and scored 5, the rule's 4.99.
 * - 廊坊: 37.24 / 43.2 = 86.20%, written 86% and scored 9 (rule 8.62); 工程资金金额 43.2 → 37.24
 *   also 9 against 8.62 (its note is written, so no note is missing).
 * - 中江: 总分 100 written, budget 10 + indicators 100 = 110 (R-TOTAL-5).
 * - 稷山: the authors' rounded scores differ from the rule's (97.3% of 2 → 1.95, not 1.9; …),
 *   and every such row is below full with no note (R-DEV).
 * - 丽江, 永德: scores below the rule's (9 of 10 on met rows; 9 for 98% of 10 → 9.8, 7 for met)
 *   on rows without a note: SCORE_MISMATCH and the missing note (the row as written is below full).
 * - 广水, 黄冈, 银川: no table by the spec as written (LAYOUTS.md; SOURCES.md says why).
 * - 大英 table 1: `完成` against ≤30万元 is met by R-PARSE-9 (ACTUAL_AS_WORD, information), so
 *   nothing is P0; table 2 (cut off by the page) has nothing wrong in its results.
 * - 霍邱, 青神, 天长: nothing wrong in the results (rows without targets are P1); 萧县 neither
 *   (its 其中… rows without a weight are P1).
 * - 衡山, 忠县: no 分值 column anywhere, so no table (LAYOUTS.md step 2); 大通湖: the weights
 *   stand only in the level labels (`(4分)`) and 自评分 is no header word, so no table either.
 * - 科学城 (重庆): 定量指标 names no direction (R-DIR, D7 and D18); under the merged 指标性质
 *   cells the other rows are ≥ by default, so 预算调整率 3% → 0, 结转结余率 2% → 0,
 *   公用经费控制率 97% and 政府采购执行率 72.74% score 0, 0, 1.94, 1.45 against the written 2s.
 */
const REAL = join(__dirname, "../fixtures/real");

const EXPECTED_REAL_P0: Record<string, string[]> = {
  "ah-huoqiu-2022.xlsx#1": [],
  "ah-tangxi-cunji-2022.xlsx#1": ["RATE_MISMATCH@H7", "SCORE_MISMATCH@I7"],
  "ah-tangxi-weituo-2022.xlsx#1": ["RATE_MISMATCH@H7", "SCORE_MISMATCH@I7"],
  "ah-tianchang-2022.xlsx#1": [],
  "ah-xiaoxian-2023.xlsx#1": [],
  "bj-haidian-2016.xlsx#1": ["RATE_MISMATCH@G6", "SCORE_MISMATCH@H6"],
  "cq-zhongxian-2021.xlsx#-": ["NO_TABLE_FOUND@"],
  "cq-kexuecheng-2021.xlsx#1": [7, 10, 11, 12, 13].map((r) => `SCORE_MISMATCH@J${r}`),
  "hb-guangshui-2019.xlsx#-": ["NO_TABLE_FOUND@"],
  "hb-huanggang-2020.xlsx#-": ["NO_TABLE_FOUND@"],
  "he-langfang-2019.xlsx#1": ["RATE_MISMATCH@H7", "SCORE_MISMATCH@I7", "SCORE_MISMATCH@H14"],
  "hn-datonghu-2020.xlsx#-": ["NO_TABLE_FOUND@"],
  "hn-hengshan-2020.xlsx#-": ["NO_TABLE_FOUND@"],
  "nx-yinchuan-2021.xlsx#-": ["NO_TABLE_FOUND@"],
  "sc-daying-2023.xlsx#1": [],
  "sc-daying-2023.xlsx#2": [],
  "sc-qingshen-2023.xlsx#1": [],
  "sc-zhongjiang-2022.xlsx#1": ["TOTAL_MISMATCH@H23"],
  "sx-jishan-2021.xlsx#1": [15, 19, 20, 21, 22, 23, 24, 25, 26, 27, 29, 30, 32].flatMap((r) => [
    `SCORE_MISMATCH@H${r}`,
    `DEVIATION_NOTE_REQUIRED@I${r}`,
  ]),
  "yn-lijiang-2020.xlsx#1": [13, 14, 15, 16].flatMap((r) => [
    `SCORE_MISMATCH@I${r}`,
    `DEVIATION_NOTE_REQUIRED@J${r}`,
  ]),
  "yn-yongde-2022.xlsx#1": [16, 19].flatMap((r) => [`SCORE_MISMATCH@I${r}`, `DEVIATION_NOTE_REQUIRED@J${r}`]),
};

/** Known not yet as the spec says, each asserted to still differ (so the list cannot rot): none now. */
const PENDING_REAL = new Set<string>();

/**
 * The indicator-setting checks on the real tables (P1), hand-checked:
 * - S-COST: 霍邱 成本指标 `≥5万元` (E16); 中江 项目计划总投资 `20万元` and 廊坊 成本控制率 `100`
 *   read as ≥ (no comparator); not 永德's `═ 100%` 达标率, nor 天长's row 22 with no target.
 * - S-SAT: 100% satisfaction with an empty note: 永德 学生 / 家长 (J22, J23), 天长 (I37).
 * - S-FULL: 中江, every row at full marks with each actual equal to its target.
 * - S-FUND, S-DUP, S-PCT: none (天长's 资金支付完成率 is a 时效指标, not a 数量指标).
 */
const EXPECTED_REAL_SETTING: Record<string, string[]> = {
  "ah-huoqiu-2022.xlsx#1": ["S-COST@E16"],
  "ah-tianchang-2022.xlsx#1": ["S-SAT@I37"],
  "he-langfang-2019.xlsx#1": ["S-COST@E23"],
  "sc-zhongjiang-2022.xlsx#1": ["S-COST@F17", "S-FULL@A1:I23"],
  "yn-yongde-2022.xlsx#1": ["S-SAT@J22", "S-SAT@J23"],
};

describe("the real published tables as one folder", () => {
  let real: Finding[];
  beforeAll(async () => {
    const r = await run(["review", REAL, "--json", "--workers", "1"]);
    expect(r.code).toBe(0);
    real = JSON.parse(r.stdout) as Finding[];
  }, 120000);

  const by = (pick: (f: Finding) => string | null) => {
    const got: Record<string, string[]> = {};
    for (const f of real) {
      const k = `${f.file}#${f.table ?? "-"}`;
      got[k] ??= [];
      const v = pick(f);
      if (v !== null) got[k].push(v);
    }
    for (const k of Object.keys(got)) got[k].sort();
    return got;
  };

  it("lists every file of the folder and every table found", () => {
    const files = readdirSync(REAL).filter((n) => n.endsWith(".xlsx"));
    expect(new Set(real.map((f) => f.file))).toEqual(new Set(files));
    expect(Object.keys(by(() => null)).sort()).toEqual(Object.keys(EXPECTED_REAL_P0).sort());
  });

  it("lists exactly the expected P0 findings of every table", () => {
    const got = by((f) => (f.level === "P0" ? `${f.code}@${f.cell}` : null));
    for (const [k, want] of Object.entries(EXPECTED_REAL_P0)) {
      if (PENDING_REAL.has(k)) expect(got[k]).not.toEqual([...want].sort());
      else expect([k, got[k]]).toEqual([k, [...want].sort()]);
    }
  });

  it("lists exactly the expected indicator-setting findings, all P1", () => {
    const got = by((f) => (f.rule.startsWith("S-") ? `${f.rule}@${f.cell}` : null));
    const want: Record<string, string[]> = {};
    for (const k of Object.keys(EXPECTED_REAL_P0)) want[k] = [...(EXPECTED_REAL_SETTING[k] ?? [])].sort();
    expect(got).toEqual(want);
    expect(real.filter((f) => f.rule.startsWith("S-")).every((f) => f.level === "P1")).toBe(true);
  });

  it("中江: TOTAL_MISMATCH names both figures and the 建议 gives the correction", () => {
    const z = real.find((f) => f.file === "sc-zhongjiang-2022.xlsx" && f.code === "TOTAL_MISMATCH")!;
    expect(z.finding).toMatch(/100.*110/);
    expect(z.suggestion).toBe("请将总分由100更正为110，或核对各项得分后重新合计。");
  });
});
