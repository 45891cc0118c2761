/** R-WRITE: what the core may write (SCORING.md §9). */
import { PRESETS, scoreTable } from "../../src/core";
import { applyWrites, c, EMPTY, row, table } from "./fixtures";
import { central, one } from "./rules/helpers";

describe("R-WRITE-2", () => {
  it("fills empty cells, keeps a person's value, replaces it only with recomputeAll; program values are updated", () => {
    const spec = { target: "60亿元", actual: "38亿元", weight: 5 };
    expect(one(spec).report.writes.find((w) => w.field === "score")).toEqual({
      row: 10,
      field: "score",
      before: null,
      after: 3.17,
      kind: "score",
    });
    const person = one({ ...spec, score: 4 });
    expect([
      person.ind.score,
      person.ind.scoreSource,
      person.report.writes.filter((w) => w.field === "score"),
    ]).toEqual([4, "person", []]);
    const all = one({ ...spec, score: 4 }, PRESETS.central, true);
    expect([all.ind.score, all.ind.scoreSource]).toEqual([3.17, "computed"]);
    expect(all.report.writes.find((w) => w.field === "score")?.before).toBe(4);
    const program = one({ ...spec, score: 4, scoreOrigin: "program" });
    expect(program.report.writes.find((w) => w.field === "score")?.after).toBe(3.17);
  });

  it("a person's total that differs → TOTAL_MISMATCH, kept; equal values are not listed", () => {
    const base = table([row({ row: 10, target: "1个", actual: "1个", weight: 100, score: 100 })], {
      totalRow: { row: 99, score: c(100), scoreOrigin: "person" },
    });
    expect(scoreTable(base, central).writes).toEqual([]);
  });
});

describe("R-WRITE-3", () => {
  it("a formula cell is never overwritten, not even with recomputeAll (FORMULA_KEPT)", () => {
    const r = one(
      {
        target: "60亿元",
        actual: "38亿元",
        weight: 5,
        score: { value: 4, formula: true },
        scoreOrigin: "formula",
      },
      PRESETS.central,
      true,
    );
    expect(r.report.writes.filter((w) => w.field === "score")).toEqual([]);
    expect([r.ind.score, r.ind.scoreSource, r.report.total]).toEqual([4, "formula", 4]);
    expect(r.report.diagnostics.find((d) => d.code === "FORMULA_KEPT")?.severity).toBe("info");
    const t = scoreTable(
      table([row({ row: 10, target: "1个", actual: "1个", weight: 100 })], {
        totalRow: { row: 99, score: { value: 0, formula: true }, scoreOrigin: "formula" },
      }),
      { profile: PRESETS.central, recomputeAll: true },
    );
    expect(t.writes.map((w) => w.field)).toEqual(["score"]);
    expect(t.diagnostics.map((d) => d.code)).toEqual(
      expect.arrayContaining(["FORMULA_KEPT", "TOTAL_MISMATCH"]),
    );
  });
});

describe("R-WRITE-5", () => {
  it("running twice on an unchanged sheet changes nothing the second time", () => {
    const input = table(
      [
        row({ row: 10, target: "10个", actual: "5个", weight: 40 }),
        row({ row: 11, target: "显著", actual: "显著", weight: 30 }),
        row({ row: 12, target: "≤100万元", actual: "125万元", weight: 30 }),
      ],
      { gradeCell: { row: 100, value: EMPTY, origin: "empty" } },
    );
    const first = scoreTable(input, central);
    expect(first.writes.length).toBeGreaterThan(0);
    const second = scoreTable(applyWrites(input, first.writes), central);
    expect(second.writes).toEqual([]);
    expect(second.total).toBe(first.total);
  });
});
