import type { IndicatorResult } from "../../src/core/types";
import type { PlannedWrite, Report } from "../../src/sheet/types";
import {
  bandsFor,
  checkJudgement,
  defaultScore,
  formatValue,
  groupDiagnostics,
  groupWrites,
  groupByAction,
  heldEntries,
  withEntry,
  levelBars,
  needsAttention,
  patchNotes,
  rowBasis,
  type PendingRow,
} from "../../src/taskpane/logic";
import { formatCell, formatRate, formatScore } from "../../src/taskpane/format";
import { jsonError } from "../../src/taskpane/hooks/useProfileChoice";
import { scoredFileName } from "../../src/taskpane/names";
import { resolveProfile } from "../../src/core/profile";

const ind = (over: Partial<IndicatorResult>): IndicatorResult => ({
  row: 25,
  level1: "效益指标",
  level2: "社会效益指标",
  name: "增加就业机会",
  target: "显著",
  actual: "较显著",
  direction: "qualitative",
  rule: "R-QUAL",
  weight: 10,
  score: null,
  scoreSource: "none",
  ruleScore: null,
  completion: null,
  flags: [],
  bands: null,
  ...over,
});

const write = (
  cell: string,
  row: number,
  col: number,
  kind: PlannedWrite["kind"],
  after: number | string,
): PlannedWrite => ({
  cell,
  row,
  col,
  before: null,
  after,
  kind,
  field: kind === "note" ? "note" : "score",
});

describe("R-QUAL bands for the judgement picker", () => {
  test("from the profile when the report gives none: municipal-20 uses [0.8, 0.5]", () => {
    const b = bandsFor(ind({ weight: 5 }), resolveProfile("municipal-20"))!;
    expect(b).toEqual({ achieved: [4, 5], partial: [2.5, 4], notAchieved: [0, 2.5] });
  });

  test("decimal arithmetic: a weight of 3 gives 2.4 and 1.8 exactly (no binary float drift)", () => {
    const b = bandsFor(ind({ weight: 3 }), resolveProfile("central"))!;
    expect(b.achieved).toEqual([2.4, 3]);
    expect(b.partial).toEqual([1.8, 2.4]);
  });

  const p: PendingRow = {
    indicator: ind({}),
    bands: { achieved: [8, 10], partial: [6, 8], notAchieved: [0, 6] },
    weight: 10,
    cell: "H25",
  };

  test("the score first offered: full marks for 达成, the band's floor otherwise", () => {
    expect(defaultScore(p, "achieved", 2)).toBe("10");
    expect(defaultScore(p, "partial", 2)).toBe("6");
    expect(defaultScore(p, "notAchieved", 2)).toBe("0");
  });

  test("closed ranges, as R-QUAL checks entered scores: 8 is inside both 达成 and 部分达成", () => {
    expect(checkJudgement(p, { band: "achieved", score: "8" }, 2)).toEqual({
      value: 8,
      error: null,
      outOfBand: false,
    });
    expect(checkJudgement(p, { band: "partial", score: "8" }, 2).outOfBand).toBe(false);
    expect(checkJudgement(p, { band: "partial", score: "8.01" }, 2).outOfBand).toBe(true);
    expect(checkJudgement(p, { band: "notAchieved", score: "6.5" }, 2)).toEqual({
      value: 6.5,
      error: null,
      outOfBand: true,
    });
  });

  test("R-CAP: above the weight, not a number, or too many decimals is refused", () => {
    expect(checkJudgement(p, { band: "achieved", score: "10.5" }, 2).error).toBe("outOfWeight");
    expect(checkJudgement(p, { band: "achieved", score: "-1" }, 2).error).toBe("notNumber");
    expect(checkJudgement(p, { band: "achieved", score: "" }, 2).error).toBe("notNumber");
    expect(checkJudgement(p, { band: "achieved", score: "9.125" }, 2).error).toBe("decimals");
    expect(checkJudgement(p, { band: "achieved", score: "９．５" }, 2).value).toBe(9.5);
  });
});

test("writes are grouped 得分 / 执行率 / 总分 / 偏差说明 in that order, by place within a group", () => {
  const g = groupWrites([
    write("I19", 19, 9, "note", "【待补充】"),
    write("H29", 29, 8, "total", 86.59),
    write("H13", 13, 8, "score", 4.16),
    write("H6", 6, 8, "rate", 0.8246),
    write("I6", 6, 9, "score", 8.25),
  ]);
  expect(g.map((x) => x.kind)).toEqual(["score", "rate", "total", "note"]);
  expect(g[0].writes.map((w) => w.cell)).toEqual(["I6", "H13"]);
});

test("diagnostics are grouped by severity, errors first", () => {
  const d = (code: string, severity: "error" | "warning" | "info") =>
    ({ code, severity, cell: null, row: null, message: "" }) as Report["diagnostics"][number];
  const g = groupDiagnostics([
    d("UNIT_ASSUMED", "info"),
    d("UNDER_TARGET", "warning"),
    d("TOTAL_MISMATCH", "error"),
  ]);
  expect(g.map((x) => x.severity)).toEqual(["error", "warning", "info"]);
});

test("R-ROUND display: rates as percentages with 2 decimals, empty as null", () => {
  expect(formatValue(0.8246, "rate")).toBe("82.46%");
  expect(formatValue(1, "rate")).toBe("100.00%");
  expect(formatValue(4.16, "score")).toBe("4.16");
  expect(formatValue(null)).toBeNull();
  expect(formatValue("")).toBeNull();
});

test("per 一级指标 bars sum scores and weights in decimal (0.1 + 0.2 = 0.3)", () => {
  const report = {
    budget: { row: 6, score: 8.25, weight: 10, subRows: [] },
    indicators: [
      ind({ row: 13, level1: "产出指标", weight: 0.2, score: 0.1 }),
      ind({ row: 14, level1: "产出指标", weight: 0.1, score: 0.2 }),
      ind({ row: 25, level1: "效益指标", weight: 10, score: null }),
    ],
  } as unknown as Report;
  const bars = levelBars(report, "预算执行");
  expect(bars).toEqual([
    { name: "预算执行", score: "8.25", weight: "10.00", percent: 82.5 },
    { name: "产出指标", score: "0.30", weight: "0.30", percent: 100 },
    { name: "效益指标", score: "0.00", weight: "10.00", percent: 0 },
  ]);
});

test("names: the download is <name>-评分.xlsx", () => {
  expect(scoredFileName("东湖区2021.xlsx")).toBe("东湖区2021-评分.xlsx");
  expect(scoredFileName("表.XLSX")).toBe("表-评分.xlsx");
});

describe("pane flow logic", () => {
  const d = (code: string, severity: "error" | "warning" | "info") =>
    ({ code, severity, cell: null, row: null, message: code }) as never;

  test("problems are grouped by what the person must do: judge, recompute, fix, explain, info (finding 8)", () => {
    const groups = groupByAction([
      d("UNDER_TARGET", "warning"),
      d("TOTAL_MISMATCH", "error"),
      d("MULTIPLE_TABLES", "info"),
      d("QUALITATIVE_NEEDS_JUDGEMENT", "warning"),
      d("UNPARSEABLE_VALUE", "error"),
      d("MISSING_WEIGHT", "warning"),
    ]);
    expect(groups.map((g) => [g.action, g.items.map((i) => i.code)])).toEqual([
      ["judge", ["QUALITATIVE_NEEDS_JUDGEMENT"]],
      ["recompute", ["TOTAL_MISMATCH"]],
      ["fix", ["UNPARSEABLE_VALUE", "MISSING_WEIGHT"]],
      ["explain", ["UNDER_TARGET"]],
      ["info", ["MULTIPLE_TABLES"]],
    ]);
    expect(needsAttention(groups.flatMap((g) => g.items))).toBe(5);
  });

  test("重新读取 keeps a judgement while its row reads the same, and drops it when the row changed (finding 4)", () => {
    const row = (actual: string) =>
      ({
        indicator: ind({ row: 25, name: "增加就业机会", target: "显著", actual, weight: 10 }),
      }) as PendingRow;
    const j = { band: "partial" as const, score: "7", basis: rowBasis(row("较显著").indicator) };
    expect(heldEntries({ 25: j }, [row("较显著")])).toEqual({ 25: j });
    expect(heldEntries({ 25: j }, [row("不显著")])).toEqual({});
    expect(heldEntries({ 25: j }, [])).toEqual({});
  });

  test("an entry is stamped with its row's basis when made, and removed by null", () => {
    const rows = [
      { indicator: ind({ row: 25, name: "增加就业机会", target: "显著", actual: "较显著", weight: 10 }) },
    ];
    const made = withEntry<{ score: string; basis?: string }>({}, rows, 25, { score: "7" });
    expect(made).toEqual({ 25: { score: "7", basis: rowBasis(rows[0].indicator) } });
    expect(heldEntries(made, rows)).toEqual(made);
    expect(withEntry(made, rows, 25, null)).toEqual({});
  });

  test("numbers one way (finding 11): scores with the profile's decimals, rates with two decimals", () => {
    expect(formatScore(100, 2)).toBe("100.00");
    expect(formatScore(21.2, 2)).toBe("21.20");
    expect(formatScore(74.7, 1)).toBe("74.7");
    expect(formatScore("4.165", 2)).toBe("4.17");
    expect(formatRate(0.9)).toBe("90.00%");
    expect(formatCell(100, "score", 2)).toBe("100.00");
    expect(formatCell(0.9, "rate", 2)).toBe("90.00%");
    expect(formatCell("【待补充】", "note", 2)).toBe("【待补充】");
  });

  test("a scored copy uploaded again keeps its name, never …-评分-评分.xlsx (finding 12)", () => {
    expect(scoredFileName("东湖-评分.xlsx")).toBe("东湖-评分.xlsx");
    expect(scoredFileName("东湖-评分 (1).xlsx")).toBe("东湖-评分.xlsx");
    expect(scoredFileName("东湖.xlsx")).toBe("东湖-评分.xlsx");
  });

  test("a broken profile file is said in Chinese with its line, not the parser's English (finding 10)", () => {
    let err: unknown;
    const text = '{\n  "decimals": 2,\n  name: "x"\n}';
    try {
      JSON.parse(text);
    } catch (e) {
      err = e;
    }
    const m = jsonError("口径.json", text, err);
    expect(m).toMatch(/^口径文件“口径.json”格式有误，无法读取：请检查第 3 行/);
    expect(m).not.toMatch(/Expected|JSON|position/);
  });
});

test("patchNotes: edited drafts replace the plan's text, emptied ones leave the plan, scores untouched", () => {
  const plan = {
    sheet: "S",
    writes: [
      { cell: "H13", row: 13, col: 8, before: null, after: 4.16, kind: "score", field: "score" },
      {
        cell: "I19",
        row: 19,
        col: 9,
        before: null,
        after: "【待补充】…偏差原因：；改进措施：",
        kind: "note",
        field: "note",
      },
      { cell: "I25", row: 25, col: 9, before: null, after: "【待补充】…", kind: "note", field: "note" },
    ],
    notes: [{ cell: "C2", text: "草稿" }],
  } as never;
  const out = patchNotes(plan, { I19: " 偏差原因：资金晚到；改进措施：提前申报。 ", I25: "", C2: "改过的" });
  expect(out.writes.map((w) => [w.cell, w.after])).toEqual([
    ["H13", 4.16],
    ["I19", "偏差原因：资金晚到；改进措施：提前申报。"],
  ]);
  expect(out.notes).toEqual([{ cell: "C2", text: "改过的" }]);
  expect(patchNotes(plan, {})).toBe(plan);
});
