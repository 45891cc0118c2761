/** R-QUAL judgements as an input of the core: scored as a person's score, written first. */
import fc from "fast-check";
import { resolveProfile, scoreTable, type TableInput } from "../../src/core";
import { donghuA, row, table } from "./fixtures";

const profile = resolveProfile();
const awaiting = () =>
  table([
    row({ row: 10, target: "显著", actual: "有一定效果", weight: 10 }),
    row({ row: 11, target: "≥90%", actual: "95%", weight: 20 }),
    row({ row: 12, name: "满意度", noFigures: true, weight: 10 }),
  ]);

/** The table as if a person had typed `value` into the row's score cell. */
function typed(input: TableInput, at: number, value: number): TableInput {
  return {
    ...input,
    indicators: input.indicators.map((r) =>
      r.row === at ? { ...r, score: { value }, scoreOrigin: "person" as const } : r,
    ),
  };
}

describe("R-QUAL judgements given outside the sheet", () => {
  it("a row awaiting a judgement is scored as a person's score, and the judgement written first", () => {
    const plain = scoreTable(awaiting(), { profile });
    expect(plain.judgementRows).toEqual([10, 12]);
    const r = scoreTable(awaiting(), { profile, judgements: { 10: 7, 12: 10 } });
    expect(r.judgementRows).toEqual([10, 12]);
    expect(r.indicators.find((i) => i.row === 10)).toMatchObject({ score: 7, scoreSource: "person" });
    expect(r.writes.slice(0, 2)).toEqual([
      { row: 10, field: "score", before: null, after: 7, kind: "score", judgement: true },
      { row: 12, field: "score", before: null, after: 10, kind: "score", judgement: true },
    ]);
    expect(r.totalProvisional).toBe(false);
    expect(r.diagnostics.some((d) => d.code === "QUALITATIVE_NEEDS_JUDGEMENT")).toBe(false);
  });

  it("a judgement out of 0–weight, not a number, or for a row that awaits none changes nothing", () => {
    const plain = scoreTable(awaiting(), { profile });
    for (const judgements of [{ 10: 11 }, { 10: -1 }, { 10: Number.NaN }, { 11: 5 }, { 13: 5 }] as Record<
      number,
      number
    >[])
      expect(scoreTable(awaiting(), { profile, judgements })).toEqual(plain);
  });

  it("the report equals that of the table with the judgement typed into the score cell (but the write)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), (tenth) => {
        const value = tenth / 10;
        const judged = scoreTable(awaiting(), { profile, judgements: { 10: value } });
        const asTyped = scoreTable(typed(awaiting(), 10, value), { profile });
        const { writes, judgementRows, ...rest } = judged;
        const { writes: typedWrites, judgementRows: _r, ...typedRest } = asTyped;
        void _r;
        expect(rest).toEqual(typedRest);
        expect(judgementRows).toEqual([10, 12]);
        expect(writes).toEqual([
          { row: 10, field: "score", before: null, after: value, kind: "score", judgement: true },
          ...typedWrites,
        ]);
      }),
      { seed: 20261201, numRuns: 30 },
    );
  });

  it("a reference table without judgement rows is unchanged by judgements", () => {
    const plain = scoreTable(donghuA(), { profile });
    const rows = Object.fromEntries(plain.indicators.map((i) => [i.row, 0]));
    expect(scoreTable(donghuA(), { profile, judgements: rows })).toEqual(plain);
  });

  const proposing = () =>
    table([
      row({ row: 10, target: "≥90%", actual: "已完成", weight: 10 }),
      row({ row: 11, target: "有效", actual: "有效", weight: 5 }),
      row({ row: 12, target: "≥90%", actual: "95%", weight: 20 }),
    ]);

  it("R-PARSE-9, R-QUAL: a proposal changed before writing is scored and written as the person's score", () => {
    const plain = scoreTable(proposing(), { profile });
    expect(plain.indicators.map((i) => i.scoreSource)).toEqual(["proposed", "proposed", "computed"]);
    expect(plain.judgementRows).toEqual([]);
    const r = scoreTable(proposing(), { profile, judgements: { 10: 6.5, 11: 4 } });
    expect(r.indicators.map((i) => [i.score, i.scoreSource, i.ruleScore])).toEqual([
      [6.5, "person", 10],
      [4, "person", 5],
      [20, "computed", 20],
    ]);
    expect(r.total).toBe(30.5);
    expect(r.writes.slice(0, 2)).toEqual([
      { row: 10, field: "score", before: null, after: 6.5, kind: "score", judgement: true },
      { row: 11, field: "score", before: null, after: 4, kind: "score", judgement: true },
    ]);
    // Still asking for the figure; no SCORE_MISMATCH against the proposal; 4 of 5 is in 达成's band.
    expect(r.diagnostics.filter((d) => d.row === 10).map((d) => d.code)).toContain("ACTUAL_AS_WORD");
    expect(r.diagnostics.some((d) => d.code === "SCORE_MISMATCH" || d.code === "QUALITATIVE_BAND")).toBe(
      false,
    );
    expect(r.judgementRows).toEqual([]);
  });

  it("a changed proposal reports as the same score typed into the empty cell (but the write)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.constantFrom(10, 11), (tenth, at) => {
        const value = at === 10 ? tenth / 10 : tenth / 20;
        const judged = scoreTable(proposing(), { profile, judgements: { [at]: value } });
        const asTyped = scoreTable(typed(proposing(), at, value), { profile });
        const { writes, ...rest } = judged;
        const { writes: typedWrites, ...typedRest } = asTyped;
        expect(rest).toEqual(typedRest);
        expect(writes).toEqual([
          { row: at, field: "score", before: null, after: value, kind: "score", judgement: true },
          ...typedWrites,
        ]);
      }),
      { seed: 20261201, numRuns: 40 },
    );
  });
});
