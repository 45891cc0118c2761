/** R-WRITE: what the core may write (SCORING.md §9). */
import fc from "fast-check";
import { DRAFT_MARK, PRESETS, sameValue, scoreTable } from "../../src/core";
import { noteWritable, VALUE_TOL } from "../../src/core/write-policy";
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

describe("sameValue, the one comparison of cell values (R-WRITE-1, R-WRITE-2)", () => {
  const value = fc.oneof(
    fc.constantFrom(null, undefined, "", "  ", "优", " 优 ", "85", " 85.50 ", "1e2", true, false),
    fc.double({ noNaN: true, min: -1e6, max: 1e6 }),
    fc.string(),
    fc.date({ noInvalidDate: true }),
  );

  it("is symmetric and reflexive", () => {
    fc.assert(
      fc.property(value, value, (a, b) => {
        expect(sameValue(a, b)).toBe(sameValue(b, a));
        expect(sameValue(a, a)).toBe(true);
      }),
    );
  });

  it("numbers within VALUE_TOL are the same, further apart they differ", () => {
    const tol = VALUE_TOL.toNumber();
    fc.assert(
      fc.property(fc.integer({ min: -100000, max: 100000 }), fc.integer({ min: 0, max: 9999 }), (i, d) => {
        const x = i + d / 10000;
        expect(sameValue(x, x + tol / 2)).toBe(true);
        expect(sameValue(x, x + tol * 4)).toBe(false);
        expect(sameValue(x, ` ${String(x)} `)).toBe(true);
      }),
    );
  });

  it("empty is the same as empty only; texts trimmed; a number is not a non-decimal text", () => {
    expect([
      sameValue(null, ""),
      sameValue(undefined, "  "),
      sameValue(null, 0),
      sameValue("", false),
    ]).toEqual([true, true, false, false]);
    expect([sameValue(" 优", "优 "), sameValue("优", "良"), sameValue("85", "85.0")]).toEqual([
      true,
      false,
      false,
    ]);
    expect([sameValue(100, "1e2"), sameValue(85, "85%"), sameValue(85, "８５")]).toEqual([
      false,
      false,
      false,
    ]);
    expect([sameValue(true, 1), sameValue(true, true)]).toEqual([false, true]);
    const d = new Date(Date.UTC(2025, 0, 1));
    expect([
      sameValue(d, new Date(d.getTime())),
      sameValue(d, d.getTime()),
      sameValue(d, "2025-01-01"),
    ]).toEqual([true, false, false]);
  });
});

describe("R-WRITE-1 notes: only an empty note or the program's draft is written", () => {
  it("noteWritable", () => {
    const note = (text: string | null, formula?: boolean) => ({
      id: "H10",
      text,
      ...(formula ? { formula } : {}),
    });
    expect(
      [null, "  ", `${DRAFT_MARK}旧稿`, ` ${DRAFT_MARK}旧稿`, "人写的原因", `原因${DRAFT_MARK}`].map((t) =>
        noteWritable(note(t)),
      ),
    ).toEqual([true, true, true, true, false, false]);
    expect(noteWritable(note(null, true))).toBe(false);
  });
});
