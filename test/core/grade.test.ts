/** R-GRADE (SCORING.md §5). */
import { resolveProfile, scoreTable } from "../../src/core";
import { donghuBudget, EMPTY, row, table } from "./fixtures";
import { central, withBudget } from "./rules/helpers";

describe("R-GRADE-1", () => {
  it.each([
    [90, "优"],
    [89.99, "良"],
    [80, "良"],
    [60, "中"],
    [59.99, "差"],
  ])("total %d → %s", (total, grade) => {
    const r = scoreTable(
      table([row({ row: 10, target: "1个", actual: "1个", weight: 100, score: total })]),
      central,
    );
    expect(r.grade).toBe(grade);
  });
});

describe("R-GRADE-1 the grade cell", () => {
  const rows = [row({ row: 10, target: "1个", actual: "1个", weight: 100 })];
  const withGrade = (
    value: unknown,
    origin: "empty" | "person" | "formula" | "program" = "person",
    extra = {},
  ) =>
    table(rows, {
      gradeCell: { row: 100, value: value === null ? EMPTY : { value: value as string, ...extra }, origin },
    });

  it("a written grade that differs from the computed one is kept: GRADE_MISMATCH (warning) naming both", () => {
    const r = scoreTable(withGrade("良"), central);
    expect(r.grade).toBe("优");
    expect(r.diagnostics.find((d) => d.code === "GRADE_MISMATCH")).toMatchObject({
      severity: "warning",
      row: 100,
      field: "grade",
      message: { key: "core.grade.mismatch", params: { written: "良", grade: "优", total: "100" } },
    });
    expect(r.writes.filter((w) => w.field === "grade")).toEqual([]);
  });

  it("优秀/良好/合格/不合格 read as 优/良/中/差", () => {
    expect(scoreTable(withGrade("优秀"), central).diagnostics.map((d) => d.code)).not.toContain(
      "GRADE_MISMATCH",
    );
    for (const g of ["良好", "合格", "不合格"])
      expect(scoreTable(withGrade(g), central).diagnostics.map((d) => d.code)).toContain("GRADE_MISMATCH");
  });

  it("a formula's grade is kept and checked; 全部按规则重算 replaces a person's grade", () => {
    const f = scoreTable(withGrade("良", "formula", { formula: true }), central);
    expect(f.diagnostics.map((d) => d.code)).toEqual(
      expect.arrayContaining(["GRADE_MISMATCH", "FORMULA_KEPT"]),
    );
    const all = scoreTable(withGrade("良"), { ...central, recomputeAll: true });
    expect(all.writes.find((w) => w.field === "grade")).toMatchObject({ before: "良", after: "优" });
    expect(all.diagnostics.map((d) => d.code)).not.toContain("GRADE_MISMATCH");
  });

  it("全部按规则重算 never replaces a text that names no grade (R-WRITE-2: a person's text)", () => {
    const all = scoreTable(withGrade("见附件"), { ...central, recomputeAll: true });
    expect(all.writes.filter((w) => w.field === "grade")).toEqual([]);
    expect(all.diagnostics.find((d) => d.code === "GRADE_MISMATCH")).toMatchObject({
      message: { params: { written: "见附件", grade: "优" } },
    });
    const empty = scoreTable(withGrade(null, "empty"), { ...central, recomputeAll: true });
    expect(empty.writes.find((w) => w.field === "grade")).toMatchObject({ before: null, after: "优" });
  });

  it("a provisional total neither fills nor checks the grade cell", () => {
    const pending = table([row({ row: 10, target: "合格", actual: "基本合格", weight: 100 })], {
      gradeCell: { row: 100, value: { value: "差" }, origin: "person" },
    });
    const r = scoreTable(pending, central);
    expect(r.totalProvisional).toBe(true);
    expect(r.diagnostics.map((d) => d.code)).not.toContain("GRADE_MISMATCH");
    expect(r.writes.filter((w) => w.field === "grade")).toEqual([]);
  });

  it("the check uses the capped grade (R-GRADE-2)", () => {
    const p = resolveProfile({ gradeCaps: [{ when: "total >= 95", maxGrade: "良" }] });
    const r = scoreTable(withGrade("良"), { profile: p });
    expect(r.grade).toBe("良");
    expect(r.diagnostics.map((d) => d.code)).not.toContain("GRADE_MISMATCH");
  });
});

describe("R-GRADE-2", () => {
  it("caps lower the grade when their condition holds; budgetRate caps need a budget score", () => {
    const cap = { when: "budgetRate < 0.9", maxGrade: "良" as const };
    const p = resolveProfile({ gradeCaps: [cap] });
    const rows = [row({ row: 20, target: "3个", actual: "3个", weight: 90 })];
    const r = scoreTable(withBudget(donghuBudget(), rows), { profile: p });
    expect(r.total).toBe(98.25);
    expect([r.grade, r.gradeCap]).toEqual(["良", cap]);
    const noBudget = scoreTable(table([row({ row: 10, target: "1个", actual: "1个", weight: 100 })]), {
      profile: p,
    });
    expect([noBudget.grade, noBudget.gradeCap]).toEqual(["优", null]);
    const t = resolveProfile({ gradeCaps: [{ when: "total >= 95", maxGrade: "中" }] });
    expect(
      scoreTable(table([row({ row: 10, target: "1个", actual: "1个", weight: 100 })]), { profile: t }).grade,
    ).toBe("中");
  });

  it("writes the grade only when a grade cell is given", () => {
    const input = table([row({ row: 10, target: "1个", actual: "1个", weight: 100 })], {
      gradeCell: { row: 100, value: EMPTY, origin: "empty" },
    });
    expect(scoreTable(input, central).writes.find((w) => w.field === "grade")?.after).toBe("优");
    expect(
      scoreTable(table([row({ row: 10, target: "1个", actual: "1个", weight: 100 })]), central).writes.map(
        (w) => w.field,
      ),
    ).not.toContain("grade");
  });
});
