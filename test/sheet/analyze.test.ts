import { resolveProfile } from "../../src/core";
import { detectBuilt } from "../../src/sheet/analyze";
import {
  analyzeSheet,
  emptyRecord,
  recordApplied,
  type AnalyzeOptions,
  type GridSnapshot,
  type LedgerEntry,
  type WorkbookRecord,
} from "../../src/sheet";
import { applyPlan, build, formula, type In } from "./grid-builder";
import { l1, l1Rows } from "./fixtures";
import { L2_HEADER } from "../support/headers";

const profile = resolveProfile("central");

function record(entries: Omit<LedgerEntry, "at">[]): WorkbookRecord {
  return { ...emptyRecord(), ledger: entries.map((e) => ({ ...e, at: "2026-01-01T00:00:00Z" })) };
}

function input(g: GridSnapshot, o: Partial<AnalyzeOptions> = {}) {
  const res = detectBuilt(g, { profile, ...o });
  if ("missing" in res) throw new Error("no table");
  return res.built.input;
}

/** A small L5 table: one quantitative row, total row. */
function small(score: In, total: In = null, sheet = "自评表"): GridSnapshot {
  return build(
    [
      ["三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
      ["培训人次", "100人次", "80人次", 100, score, null],
      ["总分", null, null, 100, total],
    ],
    { sheet },
  );
}

describe("origins of filled cells (R-WRITE-2, R-WRITE-3)", () => {
  it("is program only when the ledger holds this very value for this sheet and cell", () => {
    const g = small(80);
    expect(input(g).indicators[0].scoreOrigin).toBe("person");
    expect(
      input(g, { record: record([{ sheet: "自评表", cell: "E2", value: 80 }]) }).indicators[0].scoreOrigin,
    ).toBe("program");
    expect(
      input(g, { record: record([{ sheet: "自评表", cell: "E2", value: 75 }]) }).indicators[0].scoreOrigin,
    ).toBe("person");
    expect(
      input(g, { record: record([{ sheet: "其他", cell: "E2", value: 80 }]) }).indicators[0].scoreOrigin,
    ).toBe("person");
    expect(
      input(g, { record: record([{ sheet: "自评表", cell: "E3", value: 80 }]) }).indicators[0].scoreOrigin,
    ).toBe("person");
    expect(input(small(null)).indicators[0].scoreOrigin).toBe("empty");
  });

  it("is formula when the cell holds a formula, whatever the ledger says", () => {
    const g = small(formula("D2*0.8", 80));
    const i = input(g, { record: record([{ sheet: "自评表", cell: "E2", value: 80 }]) });
    expect(i.indicators[0].scoreOrigin).toBe("formula");
    expect(i.indicators[0].score).toEqual({ value: 80, formula: true });
  });

  it("keeps a person's score and reports the difference; replaces the program's own stale value", () => {
    const person = analyzeSheet(small(70), { profile });
    expect(person.plan.writes.find((w) => w.cell === "E2")).toBeUndefined();
    expect(person.report.diagnostics).toContainEqual(
      expect.objectContaining({ code: "SCORE_MISMATCH", cell: "E2", row: 2 }),
    );

    const program = analyzeSheet(small(70), {
      profile,
      record: record([{ sheet: "自评表", cell: "E2", value: 70 }]),
    });
    expect(program.plan.writes.find((w) => w.cell === "E2")).toMatchObject({
      before: 70,
      after: 80,
      kind: "score",
    });
  });

  it("replaces a person's score only on 全部按规则重算, never a formula", () => {
    const all = analyzeSheet(small(70), { profile, recomputeAll: true });
    expect(all.plan.writes.find((w) => w.cell === "E2")).toMatchObject({ before: 70, after: 80 });

    const f = analyzeSheet(small(formula("D2*0.7", 70)), { profile, recomputeAll: true });
    expect(f.plan.writes.find((w) => w.cell === "E2")).toBeUndefined();
    expect(f.report.diagnostics).toContainEqual(
      expect.objectContaining({ code: "FORMULA_KEPT", cell: "E2" }),
    );
  });
});

describe("write plan (R-WRITE-1)", () => {
  const a = analyzeSheet(l1(), { profile, file: "t.xlsx" });

  it("plans one write per cell with row, col, before, after, kind and field", () => {
    const h13 = a.plan.writes.find((w) => w.cell === "H13");
    expect(h13).toEqual({
      cell: "H13",
      row: 13,
      col: 8,
      before: null,
      after: 4.16,
      kind: "score",
      field: "score",
    });
    const i6 = a.plan.writes.find((w) => w.cell === "I6");
    expect(i6).toMatchObject({ row: 6, col: 9, after: 8.25, kind: "score", field: "budgetScore" });
    const h29 = a.plan.writes.find((w) => w.cell === "H29");
    expect(h29).toMatchObject({ kind: "total", field: "total" });
    expect(new Set(a.plan.writes.map((w) => w.cell)).size).toBe(a.plan.writes.length);
    expect(a.report.writes).toEqual(
      a.plan.writes.map((w) => ({ cell: w.cell, before: w.before, after: w.after, kind: w.kind })),
    );
  });

  it("gives a rate write 0.00% only when its cell is not already a percent format", () => {
    expect(a.plan.writes.find((w) => w.cell === "H6")).toMatchObject({
      kind: "rate",
      after: 0.8246,
      numFmt: "0.00%",
    });
    const { rows, merges } = l1Rows();
    rows[5][7] = { v: null, fmt: "0.0%" };
    const b = analyzeSheet(build(rows, { merges }), { profile });
    const h6 = b.plan.writes.find((w) => w.cell === "H6");
    expect(h6?.kind).toBe("rate");
    expect(h6?.numFmt).toBeUndefined();
  });

  it("plans only score, rate, total, grade and note cells of the table", () => {
    const allowed = new Set(["H", "I"]);
    for (const w of a.plan.writes)
      expect([w.cell, allowed.has(w.cell.replace(/\d+/, ""))]).toEqual([w.cell, true]);
    for (const w of a.plan.writes.filter((x) => x.cell.startsWith("I") && x.row >= 13))
      expect(w.kind).toBe("note");
  });

  it("names each diagnostic's cell from its row and field", () => {
    for (const d of a.report.diagnostics) {
      if (d.code === "UNDER_TARGET" && d.row === 13) expect(d.cell).toBe("H13");
      if (d.code === "DEVIATION_NOTE_REQUIRED" && d.row === 19) expect(d.cell).toBe("I19");
      if (d.code === "LOW_EXECUTION") expect(d.cell).toMatch(/^[A-I]6$/);
    }
    expect(a.report.diagnostics.some((d) => d.code === "UNDER_TARGET" && d.row === 13)).toBe(true);
  });
});

describe("merged note blocks", () => {
  it("write one draft at the anchor only, for all the rows they cover", () => {
    const { rows, merges } = l1Rows();
    rows[12][8] = null; // empty the merged note I13:I16
    const a = analyzeSheet(build(rows, { merges }), { profile });
    const notes = a.plan.writes.filter((w) => w.kind === "note");
    const inBlock = notes.filter((w) => w.row >= 13 && w.row <= 16);
    expect(inBlock.map((w) => w.cell)).toEqual(["I13"]);
    const text = String(inBlock[0].after);
    expect(text.startsWith("【待补充】")).toBe(true);
    for (const n of ["利用外资工作完成率", "利用内资工作完成率", "“152”项目签约数量"])
      expect(text).toContain(n);
    const d = detectBuilt(build(rows, { merges }), { profile });
    if ("missing" in d) throw new Error("no table");
    const ids = d.built.input.indicators.filter((i) => i.row >= 13 && i.row <= 16).map((i) => i.note?.id);
    expect(ids).toEqual(["I13", "I13", "I13", "I13"]);
  });

  it("never write over a person's note", () => {
    const a = analyzeSheet(l1(), { profile });
    expect(a.plan.writes.find((w) => w.cell === "I13")).toBeUndefined();
  });
});

describe("grade cell", () => {
  it("is filled with the grade when empty (R-GRADE-1)", () => {
    const g = build([
      ["三级指标", "年度指标值", "实际完成值", "分值", "得分"],
      ["培训人次", "100人次", "95人次", 100],
      ["总分", null, null, 100],
      ["自评等级", null],
    ]);
    const a = analyzeSheet(g, { profile });
    expect(a.plan.writes.find((w) => w.cell === "B4")).toMatchObject({
      after: "优",
      kind: "grade",
      field: "grade",
    });
  });
});

describe("grade cell read and checked (R-GRADE-1)", () => {
  const sheet = (grade: In, label = "总分") =>
    build([
      ["三级指标", "年度指标值", "实际完成值", "分值", "得分"],
      ["培训人次", "100人次", "95人次", 100],
      [label, null, null, 100, null, grade],
    ]);

  it.each(["良", "良好", "差"])(
    "a written %j beside a total of 95 is kept and reported, naming its cell",
    (g) => {
      const a = analyzeSheet(sheet(g), { profile });
      expect(a.report.grade).toBe("优");
      const d = a.report.diagnostics.filter((x) => x.code === "GRADE_MISMATCH");
      expect(d).toEqual([expect.objectContaining({ severity: "warning", cell: "F3", row: 3 })]);
      expect(d[0].message).toContain(`“${g}”`);
      expect(a.plan.writes.find((w) => w.cell === "F3")).toBeUndefined();
    },
  );

  it.each(["优", "优秀", " 优 "])("%j names the computed grade: no mismatch, nothing written", (g) => {
    const a = analyzeSheet(sheet(g), { profile });
    expect(a.report.diagnostics.map((x) => x.code)).not.toContain("GRADE_MISMATCH");
    expect(a.plan.writes.find((w) => w.cell === "F3")).toBeUndefined();
    // Also under 全部按规则重算: 优秀 is not rewritten as 优.
    const all = analyzeSheet(sheet(g), { profile, recomputeAll: true });
    expect(all.plan.writes.find((w) => w.cell === "F3")).toBeUndefined();
  });
});

describe("idempotence (R-WRITE-5)", () => {
  it("plans nothing when the plan has been applied and recorded", () => {
    const g = build(
      [
        ["项目资金", "", "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分", "原因"],
        [null, "年度资金总额", 100, 120, 96, null, 10, null, null],
        [null, "财政拨款", 100, 120, 60],
        [...L2_HEADER, "未完成原因分析"],
        ["产出指标", "数量指标", "引进省外到位资金", "≥", 800, "亿元", 700, 45],
        [null, "质量指标", "项目落地率", "≥", 90, "%", 95, 45],
        ["总分", null, null, null, null, null, null, 100],
      ],
      { merges: ["A1:A3", "A5:A6"] },
    );
    const first = analyzeSheet(g, { profile });
    expect(first.report.layout).toBe("L2");
    expect(first.plan.writes.length).toBeGreaterThan(0);
    const written = applyPlan(g, first.plan.writes);
    const rec = recordApplied(emptyRecord(), first.plan, {
      id: "1",
      sheet: g.sheet,
      at: "2026-01-01T00:00:00Z",
      cells: [],
    });
    const second = analyzeSheet(written, { profile, record: rec });
    expect(second.plan.writes).toEqual([]);
    expect(second.report.total).toEqual(first.report.total);
  });
});

describe("no table found", () => {
  it("returns a report with layout null, no indicators and NO_TABLE_FOUND naming the words looked for", () => {
    const a = analyzeSheet(build([["说明"], ["无关内容", 1]], { sheet: "Sheet1" }), {
      profile,
      file: "x.xlsx",
    });
    expect(a.layout).toBeNull();
    expect(a.plan).toEqual({ sheet: "Sheet1", writes: [] });
    expect(a.report).toMatchObject({
      file: "x.xlsx",
      sheet: "Sheet1",
      layout: null,
      indicators: [],
      writes: [],
    });
    expect(a.report.diagnostics).toHaveLength(1);
    const d = a.report.diagnostics[0];
    expect(d).toMatchObject({ code: "NO_TABLE_FOUND", severity: "error", cell: null, row: null });
    for (const w of ["三级指标", "分值", "Sheet1"]) expect(d.message).toContain(w);
  });
});

describe("manual mapping in analyzeSheet", () => {
  it("scores with the mapped columns, and says what an incomplete mapping lacks", () => {
    const g = build([
      ["指标", "目标", "实际", "满分值", "评分"],
      ["培训人次", "100人次", "80人次", 100, null],
      ["总分", null, null, 100, null],
    ]);
    const ok = analyzeSheet(g, {
      profile,
      mapping: { headerRow: 1, columns: { name: 1, target: 2, actual: 3, weight: 4, score: 5 } },
    });
    expect(ok.report.layout).toBe("L5");
    expect(ok.plan.writes.find((w) => w.cell === "E2")).toMatchObject({ after: 80, kind: "score" });
    const bad = analyzeSheet(g, { profile, mapping: { headerRow: 1, columns: { name: 1 } } });
    expect(bad.report.layout).toBeNull();
    expect(bad.report.diagnostics[0].message).toContain("手动列设置");
    expect(bad.report.diagnostics[0].message).toContain("分值");
  });
});
