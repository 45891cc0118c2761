/**
 * Differential golden of the scoring core: a fixed, seeded family of generated tables (every
 * notation, direction, rule, origin, note and budget case the generator knows) scored under
 * several profiles, compared with ./core-reports.json. Messages are compared in zh-CN.
 * Regenerate on purpose with `npm run golden` (as for ./reports).
 */
import { existsSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import fc from "fast-check";
import {
  resolveProfile,
  scoreTable,
  type BudgetInput,
  type BudgetRowInput,
  type CellInput,
  type CellOrigin,
  type CoreReport,
  type IndicatorRowInput,
  type NoteRef,
  type Profile,
  type TableInput,
} from "../../src/core";
import { zhMessage } from "../support/messages";

const UPDATE = process.env.JIXIAO_UPDATE_GOLDEN === "1";
const FILE = join(__dirname, "core-reports.json");

const NUMS = ["100", "80", "0", "=0", "≥95%", "≤100万元", "≥800亿元", "10个", "10次以上", "1-2次", "80%-90%"];
const TEXTS = [
  "显著",
  "较显著",
  "一般",
  "长期",
  "中期",
  "有效",
  "基本有效",
  "未造成污染",
  "达到",
  "基本达到",
];
const ACTUALS = [
  "95",
  "120",
  "96%",
  "0.97",
  "80万元",
  "125万元",
  "12个",
  "3次",
  "2021年11月1日",
  "2022年1月5日",
  "短期",
];
const WORDS = ["完成", "未完成", "无", "—", "", "不适用", "abc", "1e20", "2021年12月31日", "2022-03-01"];
const value = fc.oneof(
  fc.constantFrom(...NUMS, ...TEXTS, ...WORDS, ...ACTUALS),
  fc.integer({ min: -5, max: 2000 }),
  fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000),
  fc.constant(null),
);
const cellArb: fc.Arbitrary<CellInput> = fc
  .tuple(value, fc.constantFrom(undefined, "0.00%", "General", "yyyy-mm-dd"), fc.boolean())
  .map(([v, numFmt, formula]) => {
    const c: CellInput = { value: v };
    if (numFmt && typeof v === "number") c.numFmt = numFmt;
    if (formula && typeof v === "number") c.formula = true;
    return c;
  });
const origin = fc.constantFrom<CellOrigin>("empty", "empty", "empty", "person", "formula", "program");
const scoreCell = fc.oneof(
  fc.constant<CellInput>({ value: null }),
  fc.constant<CellInput>({ value: null }),
  fc.integer({ min: -1, max: 25 }).map((n): CellInput => ({ value: n })),
  fc.constantFrom<CellInput>({ value: 7.5 }, { value: "8分" }, { value: "x" }, { value: 3, formula: true }),
);
const noteArb = fc.oneof(
  fc.constant(null),
  fc
    .tuple(fc.constantFrom("N1", "N2", "N3"), fc.constantFrom(null, "", "【待补充】旧", "人写的说明"))
    .map(([id, text]): NoteRef => ({ id, text })),
);
const rowArb = (n: number): fc.Arbitrary<IndicatorRowInput> =>
  fc
    .record({
      level1: fc.constantFrom("产出指标", "产出指标（50分）", "效益指标 (30分)", ""),
      level2: fc.constantFrom("数量指标", "质量指标（20分）", "满意度指标", ""),
      name: fc.constantFrom("指标甲", "指标乙", "服务对象满意度"),
      target: fc.option(cellArb, { freq: 8 }),
      actual: fc.option(cellArb, { freq: 8 }),
      weight: fc.constantFrom<CellInput>(
        { value: 10 },
        { value: 5 },
        { value: 2.5 },
        { value: null },
        { value: "十" },
      ),
      score: scoreCell,
      scoreOrigin: origin,
      direction: fc.constantFrom(undefined, null, "≥", "≤", "=", "定性", "正向", "反向", "其他"),
      unit: fc.constantFrom(undefined, null, "", "%", "万元", "个"),
      ruleText: fc.constantFrom(
        undefined,
        null,
        "达到目标值为满分，否则不得分",
        "得分=实际达标率×分值",
        "每有一项不符扣1分",
        "按完成比例计分",
      ),
      note: noteArb,
      override: fc.option(
        fc.record(
          {
            direction: fc.constantFrom("positive", "reverse", "equal", "qualitative" as const),
            rule: fc.constantFrom("R-POS", "R-REV", "R-BIN", "R-RATE", "R-QUAL" as const),
          },
          { requiredKeys: [] },
        ),
        { freq: 4 },
      ),
    })
    .map((r) => {
      const out: IndicatorRowInput = { ...r, row: n, override: r.override ?? undefined };
      if (out.target === null && out.actual !== null) out.target = { value: null };
      return out;
    });
const budgetRow = (n: number, label: string): fc.Arbitrary<BudgetRowInput> =>
  fc.record({
    row: fc.constant(n),
    label: fc.constant(label),
    planned: fc.option(fc.constantFrom<CellInput>({ value: 100 }, { value: 0 }), { freq: 4 }),
    budget: fc.option(
      fc.constantFrom<CellInput>({ value: 200 }, { value: 0 }, { value: "abc" }, { value: 120 }),
      { freq: 4 },
    ),
    adjusted: fc.option(fc.constantFrom<CellInput>({ value: 150 }), { freq: 2 }),
    executed: fc.option(
      fc.constantFrom<CellInput>({ value: 170.69 }, { value: 250 }, { value: 20 }, { value: "x" }),
      { freq: 4 },
    ),
    rate: fc.constantFrom<CellInput | null>(null, { value: null }, { value: 0.8 }, { value: "85%" }),
    rateOrigin: origin,
  });
const budgetArb: fc.Arbitrary<BudgetInput> = fc.record({
  columns: fc.record({
    planned: fc.boolean(),
    budget: fc.boolean(),
    adjusted: fc.boolean(),
    executed: fc.constant(true),
  }),
  total: fc.option(
    fc
      .tuple(
        budgetRow(3, "年度资金总额"),
        fc.constantFrom<CellInput | null>({ value: 10 }, { value: null }, { value: 20 }),
        scoreCell,
        origin,
        fc.constantFrom<NoteRef | null>(null, { id: "R", text: null }, { id: "R", text: "说明" }),
      )
      .map(([r, weight, score, scoreOrigin, reason]) => ({ ...r, weight, score, scoreOrigin, reason })),
    { freq: 6 },
  ),
  subRows: fc.array(budgetRow(4, "当年财政拨款"), { maxLength: 1 }),
});
const tableArb: fc.Arbitrary<TableInput> = fc
  .record({
    layout: fc.constantFrom("L1", "L2", "L3", "L5" as const),
    rows: fc.integer({ min: 1, max: 7 }),
    budget: fc.option(budgetArb, { freq: 2 }),
    total: fc.record({ score: scoreCell, scoreOrigin: origin }),
    grade: fc.option(
      fc.record({
        value: fc.constantFrom<CellInput | null>(null, { value: null }, { value: "良" }),
        origin,
      }),
    ),
  })
  .chain((t) =>
    fc.tuple(...Array.from({ length: t.rows }, (_, i) => rowArb(10 + i))).map((rows): TableInput => ({
      layout: t.layout,
      indicators: rows,
      budget: t.budget,
      totalRow: { row: 99, ...t.total },
      gradeCell: t.grade ? { row: 100, ...t.grade } : null,
    })),
  );

const PROFILES: Profile[] = [
  resolveProfile(),
  resolveProfile("municipal-20"),
  resolveProfile("guangxi"),
  resolveProfile(JSON.parse(readFileSync(join(__dirname, "profiles", "custom-a.json"), "utf8"))),
  resolveProfile(JSON.parse(readFileSync(join(__dirname, "profiles", "custom-b.json"), "utf8"))),
];

/** The pinned part: the report as before judgements became an input (their rows: test/core/judgement). */
function plain(r: CoreReport): unknown {
  const { judgementRows: _j, ...rest } = r;
  void _j;
  return { ...rest, diagnostics: r.diagnostics.map((d) => ({ ...d, message: zhMessage(d) })) };
}

describe("core differential golden", () => {
  it("scores the seeded family of tables as pinned", () => {
    const tables = fc.sample(tableArb, { seed: 20261201, numRuns: 600 });
    const got = tables.map((input, i) =>
      plain(scoreTable(input, { profile: PROFILES[i % PROFILES.length], recomputeAll: i % 7 === 3 })),
    );
    const text = JSON.stringify(got) + "\n";
    if (UPDATE || !existsSync(FILE)) {
      if (!UPDATE) throw new Error("no core-reports.json: run `npm run golden`");
      writeFileSync(FILE, text);
      return;
    }
    const want = JSON.parse(readFileSync(FILE, "utf8")) as unknown[];
    const now = JSON.parse(text) as unknown[];
    for (let i = 0; i < want.length; i++)
      expect({ table: i, report: now[i] }).toEqual({ table: i, report: want[i] });
    expect(now.length).toBe(want.length);
  });
});
