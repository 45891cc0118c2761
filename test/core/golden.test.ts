/** Golden figures of the published reference tables (../shared/reference/*.expected.json). */
import * as fs from "fs";
import * as path from "path";
import { PRESETS, resolveProfile, scoreTable, type CoreReport, type CoreWrite } from "../../src/core";
import { applyWrites, donghuA, donghuB, yiyangC, yuzhongD } from "./fixtures";
import { REFERENCE_DIR as REF } from "../support/expected";
import { zhMessage } from "../support/messages";

interface Expected {
  layout: string;
  budget: { rate: number; score: number; subRows: { row: number; rate: number }[] } | null;
  indicators?: { row: number; name: string; score: number; scoreSource: string; ruleScore?: number }[];
  total: number;
  totalProvisional?: boolean;
  grade: string;
  indicatorCount?: number;
  namesInclude?: string[];
  level1Include?: string[];
  diagnosticsInclude?: { code: string; row?: number }[];
  diagnosticsExclude?: (string | { code: string; row: number })[];
  writesExactly?: string[];
  cellsAfter?: Record<string, number | string>;
  notesStartWith?: Record<string, string>;
}

function expected(name: string): Expected {
  return JSON.parse(fs.readFileSync(path.join(REF, `${name}.expected.json`), "utf8")) as Expected;
}

/** Where each (row, field) of the core lies in the reference sheets. */
type CellOf = (w: CoreWrite) => string;
const cellOfA: CellOf = (w) => {
  switch (w.field) {
    case "budgetRate":
    case "total":
    case "score":
      return `H${w.row}`;
    case "budgetScore":
      return `I${w.row}`;
    case "note":
      return w.noteId!;
    default:
      return `?${w.field}${w.row}`;
  }
};
const cellOfG: CellOf = (w) =>
  w.field === "score" || w.field === "total" ? `G${w.row}` : `?${w.field}${w.row}`;

function check(report: CoreReport, exp: Expected, cellOf: CellOf): void {
  if (exp.budget === null) expect(report.budget).toBeNull();
  else {
    expect(report.budget!.rate).toBeCloseTo(exp.budget.rate, 4);
    expect(report.budget!.score).toBeCloseTo(exp.budget.score, 2);
    for (const sr of exp.budget.subRows)
      expect(report.budget!.subRows.find((s) => s.row === sr.row)?.rate).toBeCloseTo(sr.rate, 4);
  }
  for (const ind of exp.indicators ?? []) {
    const got = report.indicators.find((i) => i.row === ind.row);
    expect({ row: ind.row, name: got?.name, source: got?.scoreSource }).toEqual({
      row: ind.row,
      name: ind.name,
      source: ind.scoreSource,
    });
    expect(Math.abs(got!.score! - ind.score)).toBeLessThan(0.005);
    if (ind.ruleScore !== undefined) expect(got!.ruleScore).toBeCloseTo(ind.ruleScore, 2);
  }
  expect(Math.abs(report.total! - exp.total)).toBeLessThan(0.005);
  if (exp.totalProvisional !== undefined) expect(report.totalProvisional).toBe(exp.totalProvisional);
  expect(report.grade).toBe(exp.grade);
  if (exp.indicatorCount !== undefined) expect(report.indicators).toHaveLength(exp.indicatorCount);
  for (const n of exp.namesInclude ?? []) expect(report.indicators.map((i) => i.name)).toContain(n);
  for (const n of exp.level1Include ?? []) expect(report.indicators.map((i) => i.level1)).toContain(n);
  for (const d of exp.diagnosticsInclude ?? []) {
    const hit = report.diagnostics.some((x) => x.code === d.code && (d.row === undefined || x.row === d.row));
    expect({ ...d, found: hit }).toEqual({ ...d, found: true });
  }
  for (const d of exp.diagnosticsExclude ?? []) {
    const hits = report.diagnostics.filter((x) =>
      typeof d === "string" ? x.code === d : x.code === d.code && x.row === d.row,
    );
    expect(hits).toEqual([]);
  }
  if (exp.writesExactly) expect(report.writes.map(cellOf).sort()).toEqual([...exp.writesExactly].sort());
  for (const [cell, v] of Object.entries(exp.cellsAfter ?? {})) {
    const w = report.writes.find((x) => cellOf(x) === cell);
    if (w) expect(w.after).toEqual(v);
  }
  for (const [cell, prefix] of Object.entries(exp.notesStartWith ?? {})) {
    const w = report.writes.find((x) => cellOf(x) === cell);
    expect(String(w?.after).startsWith(prefix)).toBe(true);
  }
}

const central = { profile: PRESETS.central };

describe("golden: A 东湖 2021 自评表 (L1)", () => {
  it("R-TOTAL-1 reproduces 8.25 / 4.16 / 4.17 / 4.17 / 1.67 / 3.17 and 86.59 with its expected diagnostics and writes", () => {
    const report = scoreTable(donghuA(), central);
    check(report, expected("A-donghu-2021-selfeval-blank"), cellOfA);
    const byRow = (r: number): number | null => report.indicators.find((i) => i.row === r)!.score;
    expect([report.budget!.score, byRow(13), byRow(14), byRow(15), byRow(16), byRow(19)]).toEqual([
      8.25, 4.16, 4.17, 4.17, 1.67, 3.17,
    ]);
    expect(report.total).toBe(86.59);
    expect(report.writes.find((w) => w.field === "total")?.after).toBe(86.59);
  });

  it("R-TOTAL-1 round-of-sum gives 86.58 on the same table", () => {
    const report = scoreTable(donghuA(), { profile: resolveProfile({ totalPolicy: "round-of-sum" }) });
    expect(report.total).toBe(86.58);
    expect(report.grade).toBe("良");
  });

  it("R-DEV keeps the person's merged note over rows 13–16 and drafts notes for rows 19, 25, 27 only", () => {
    const report = scoreTable(donghuA(), central);
    const notes = report.writes.filter((w) => w.kind === "note");
    expect(notes.map((w) => w.noteId).sort()).toEqual(["I19", "I25", "I27"]);
    expect(notes.find((w) => w.noteId === "I19")!.after).toBe(
      "【待补充】“152”项目签约金额：年度指标值60亿元，实际完成值38亿元，完成率63.33%，未完成年度目标。偏差原因：；改进措施：",
    );
    expect(notes.find((w) => w.noteId === "I27")!.after).toBe(
      "【待补充】项目可持续性：年度指标值“长期”，实际“中长期”，未完全达成年度指标。偏差原因：；改进措施：",
    );
    expect(report.diagnostics.filter((d) => d.code === "DEVIATION_NOTE_REQUIRED" && d.row! <= 16)).toEqual(
      [],
    );
  });

  it("R-WRITE-5 a second run over the written sheet changes nothing", () => {
    const first = scoreTable(donghuA(), central);
    const after = applyWrites(donghuA(), first.writes);
    const second = scoreTable(after, central);
    expect(second.writes).toEqual([]);
    expect(second.total).toBe(86.59);
    expect(second.indicators.map((i) => i.score)).toEqual(first.indicators.map((i) => i.score));
  });

  it("filled copy: every published score is a person's, nothing to correct, only notes drafted", () => {
    const filled = donghuA();
    const published: Record<number, number> = {
      13: 4.16,
      14: 4.17,
      15: 4.17,
      16: 1.67,
      17: 5,
      18: 5,
      19: 3.17,
      20: 5,
      21: 10,
      22: 5,
      23: 5,
      24: 5,
      28: 10,
    };
    for (const r of filled.indicators)
      if (published[r.row] !== undefined) {
        r.score = { value: published[r.row] };
        r.scoreOrigin = "person";
      }
    const t = filled.budget!.total!;
    t.rate = { value: 0.8246, numFmt: "0.00%" };
    t.rateOrigin = "person";
    t.score = { value: 8.25 };
    t.scoreOrigin = "person";
    filled.budget!.subRows[0].rate = { value: 0.8246, numFmt: "0.00%" };
    filled.budget!.subRows[0].rateOrigin = "person";
    filled.totalRow = { row: 29, score: { value: 86.59 }, scoreOrigin: "person" };
    const report = scoreTable(filled, central);
    const exp = expected("A-donghu-2021-selfeval-filled");
    check(report, exp, cellOfA);
  });
});

describe("golden: B 东湖 2021 评分表 (L3)", () => {
  it("R-TOTAL-5 scores adding to 84.13 against a stated 84.15 → TOTAL_MISMATCH naming both", () => {
    const report = scoreTable(donghuB(), central);
    check(report, expected("B-donghu-2021-scoresheet"), cellOfG);
    const d = report.diagnostics.find((x) => x.code === "TOTAL_MISMATCH")!;
    expect(zhMessage(d)).toBe("总分填写为84.15，按各项得分合计应为84.13。");
    expect(
      report.indicators.every((i) => i.rule === null && i.direction === null && i.scoreSource === "person"),
    ).toBe(true);
  });
});

describe("golden: C 益阳 2024 评分表 (L3)", () => {
  it("R-TOTAL-3 groups broken level labels and a split level; writes the total 97", () => {
    const report = scoreTable(yiyangC(), central);
    check(report, expected("C-yiyang-2024-scoresheet"), cellOfG);
  });
});

describe("golden: D 渝中 2019 自评表 (L5)", () => {
  it("R-QUAL proposes full marks on identical qualitative rows; total 100", () => {
    const report = scoreTable(yuzhongD(), central);
    check(report, expected("D-yuzhong-2019-selfeval"), cellOfG);
    expect(report.indicators.filter((i) => i.scoreSource === "proposed").map((i) => i.row)).toEqual([
      13, 14, 15, 16, 17, 18,
    ]);
  });
});
