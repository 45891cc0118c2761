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
