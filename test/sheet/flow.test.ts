/** The scoring flow every face and host calls (`analyzeRead`): settings, judgements (R-QUAL), tables. */
import { resolveProfile } from "../../src/core";
import {
  analyzeRead,
  analyzeSheet,
  analyzeTables,
  chooseSheetDetected,
  firstTable,
  type GridSnapshot,
} from "../../src/sheet";
import { applyPlan, build } from "./grid-builder";
import { l1, l1Rows } from "./fixtures";
import { withCell } from "../support/grid-edit";

const profile = resolveProfile("central");

/** l1 with 增加就业机会 (row 25, 显著/较显著, weight 10, score column H) left for a judgement. */
function awaiting(): GridSnapshot {
  return withCell(l1(), 25, 8, null);
}

describe("analyzeRead: the sheet's settings", () => {
  it("takes the sheet's own overrides and mapping, and no other sheet's", () => {
    const grid = l1();
    const overrides = { 13: { direction: "reverse" as const } };
    const own = analyzeRead({ grid, settings: { overrides: { 自评表: overrides } } }, { profile });
    expect(own.tables).toHaveLength(1);
    expect(own.tables[0].report).toEqual(analyzeSheet(grid, { profile, overrides }).report);
    expect(own.tables[0].report.indicators.find((i) => i.row === 13)?.direction).toBe("reverse");
    const other = analyzeRead({ grid, settings: { overrides: { 其他: overrides } } }, { profile });
    expect(other.tables[0].report).toEqual(analyzeSheet(grid, { profile }).report);

    const mapping = { headerRow: 12, columns: { name: 4, weight: 7, score: 8 } };
    const mapped = analyzeRead({ grid, settings: { mappings: { 自评表: mapping } } }, { profile });
    expect(mapped.tables[0].report).toEqual(analyzeSheet(grid, { profile, mapping }).report);
    expect(mapped.tables[0].report.layout).toBe("L3");
  });

  it("gives the sheet's plan and a no-table analysis where nothing is found", () => {
    const grid = l1();
    const run = analyzeRead({ grid }, { profile, file: "a.xlsx" });
    expect(run.plan).toEqual(run.tables[0].plan);
    expect(run.tables[0].report.file).toBe("a.xlsx");
    const none = analyzeRead({ grid: { ...grid, cells: [[{ v: "说明" }]], merges: [] } }, { profile });
    expect(none.tables).toHaveLength(1);
    expect(firstTable(none).layout).toBeNull();
    expect(none.plan.writes).toEqual([]);
  });
});

describe("analyzeRead: judgements as inputs (R-QUAL)", () => {
  it("lists the rows awaiting a judgement", () => {
    const run = analyzeRead({ grid: awaiting() }, { profile });
    expect(run.tables[0].judgementRows).toContain(25);
    expect(run.tables[0].judged).toEqual([]);
    expect(run.plan.writes.some((w) => w.cell === "H25")).toBe(false);
  });

  it("scores a judged row as if the person had typed the score, its write first", () => {
    const grid = awaiting();
    const run = analyzeRead({ grid }, { profile, judgements: { 25: 7 } });
    const table = run.tables[0];
    expect(table.judgementRows).toContain(25);
    expect(table.judged).toEqual(["H25"]);
    expect(run.plan.writes[0]).toEqual({
      cell: "H25",
      row: 25,
      col: 8,
      before: null,
      after: 7,
      kind: "score",
      field: "score",
      // The person's score: recorded as theirs once written (R-WRITE-2).
      person: true,
    });
    expect(
      table.report.diagnostics.some((d) => d.code === "QUALITATIVE_NEEDS_JUDGEMENT" && d.row === 25),
    ).toBe(false);
    // Differential: the same as scoring the sheet with the score typed in.
    const typed = analyzeSheet(applyPlan(grid, [run.plan.writes[0]]), { profile });
    const { writes: _w, ...rest } = table.report;
    const { writes: _t, ...typedRest } = typed.report;
    void _w;
    void _t;
    expect(rest).toEqual(typedRest);
    expect(table.report.writes).toEqual([
      { cell: "H25", before: null, after: 7, kind: "score" },
      ...typed.report.writes,
    ]);
    expect(table.report.indicators.find((i) => i.row === 25)?.scoreSource).toBe("person");
  });

  it("ignores a judgement above the weight, below 0, or for a row not awaiting one", () => {
    const grid = awaiting();
    const plain = analyzeRead({ grid }, { profile });
    const cases: Record<number, number>[] = [{ 25: 11 }, { 25: -1 }, { 13: 3 }, { 25: Number.NaN }];
    for (const judgements of cases) {
      const run = analyzeRead({ grid }, { profile, judgements });
      expect(run.tables[0].judged).toEqual([]);
      expect(run.tables[0].report).toEqual(plain.tables[0].report);
    }
  });
});

describe("analyzeRead: several tables on one sheet (LAYOUTS.md step 7)", () => {
  /** Two l1 tables, rows 1–29 and 33–61, both with 增加就业机会 left for a judgement. */
  function two(): GridSnapshot {
    const { rows, merges } = l1Rows();
    const down = (m: string) => m.replace(/(\d+)/g, (r) => String(Number(r) + 32));
    const g = build([...rows, [], [], [], ...rows], { merges: [...merges, ...merges.map(down)] });
    return [25, 57].reduce((grid, r) => withCell(grid, r, 8, null), g);
  }

  it("gives one analysis per table and one plan holding every table's writes", () => {
    const grid = two();
    const run = analyzeRead({ grid }, { profile });
    expect(run.tables.map((t) => t.report.range)).toEqual(["A1:I29", "A33:I61"]);
    expect(run.tables).toEqual(analyzeTables(grid, { profile }));
    expect(run.plan.writes).toEqual([...run.tables[0].plan.writes, ...run.tables[1].plan.writes]);
  });

  it("applies each judgement in the table holding its row", () => {
    const run = analyzeRead({ grid: two() }, { profile, judgements: { 57: 6 } });
    expect(run.tables[0].judged).toEqual([]);
    expect(run.tables[1].judged).toEqual(["H57"]);
    expect(run.plan.writes.filter((w) => w.cell === "H57" || w.cell === "H25").map((w) => w.after)).toEqual([
      6,
    ]);
  });
});

describe("analyzeRead: the sheet choice's detection, handed along as a value", () => {
  it("gives the same analysis as detecting again, and is not used for another or a changed snapshot", () => {
    const grid = l1();
    const blank: GridSnapshot = { ...grid, sheet: "说明", cells: [[{ v: "说明" }]], merges: [] };
    const chosen = chooseSheetDetected([
      { name: "说明", grid: blank },
      { name: "自评表", grid },
    ]);
    expect(chosen?.name).toBe("自评表");
    const detection = chosen!.detection!;
    expect(detection.snap).toBe(grid);
    const fresh = analyzeRead({ grid }, { profile });
    expect(analyzeRead({ grid, detection }, { profile })).toEqual(fresh);
    // Handed with another snapshot, or with this one changed since, it is not taken over.
    const base = l1();
    const other: GridSnapshot = {
      ...base,
      cells: base.cells.map((r, i) => (i === 12 - base.top ? r.map(() => null) : r)),
    };
    expect(analyzeRead({ grid: other, detection }, { profile })).toEqual(
      analyzeRead({ grid: other }, { profile }),
    );
    // A host that changes a snapshot in place (their type forbids it) gets a fresh detection.
    (grid as { cells: GridSnapshot["cells"] }).cells = grid.cells.slice(0, 13 - grid.top);
    expect(analyzeRead({ grid, detection }, { profile })).toEqual(analyzeRead({ grid }, { profile }));
    expect(firstTable(analyzeRead({ grid, detection }, { profile })).report.indicators).toHaveLength(0);
  });
});
