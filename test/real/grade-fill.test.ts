/**
 * R-GRADE-1 on the reference workbooks and the real fixtures: an empty grade cell (LAYOUTS.md
 * "grade": right of a 等级 label at or below the total row, or the total row's cell of a column
 * headed 等级 / 评价等级 / 自评等级) is filled with the computed grade when the total is final,
 * under R-WRITE: the plan is the table's own plan plus that one write, nothing else changes;
 * a provisional total fills nothing; applying and restoring gives the cell back (R-WRITE-4).
 */
import { readFileSync } from "fs";
import { join } from "path";
import ExcelJS from "exceljs";
import { resolveProfile } from "../../src/core";
import { address } from "../../src/sheet/address";
import { analyzeSheet, analyzeTables, chooseSheet } from "../../src/sheet";
import type { Analysis, GridSnapshot } from "../../src/sheet/types";
import {
  applyPlan,
  loadWorkbook as loadPackage,
  readRecordAndSettings,
  restoreLatest,
} from "../../src/hosts/file/workbook";
import { gridFromWorksheet, loadWorkbook } from "../support/exceljs-reader";
import { REFERENCE_DIR, REFERENCE_NAMES } from "../support/expected";
import { fixtureIds, gridOf, PENDING, readDescription } from "./fixtures";
import { invariant, Work } from "./metamorphic";

const profile = resolveProfile("central");
const REFERENCES = REFERENCE_NAMES;

interface Base {
  id: string;
  grid: GridSnapshot;
  a: Analysis;
}

/** Where the grade cell goes and how it is labelled; returns its address in the rewritten sheet. */
type Placement = (w: Work, a: Analysis) => { row: number; col: number } | null;

const PLACEMENTS: Record<string, Placement> = {
  /** A row 自评等级 | (empty) inserted under the total row, in the table's first column. */
  labelRowBelow: (w, a) => {
    const l = a.layout!;
    if (l.totalRow === null) return null;
    const at = w.mapRow(l.totalRow) + 1;
    if (w.rowBoundaryCrossed(at)) return null;
    const left = Math.min(...Object.values(l.columns).filter((c): c is number => c !== undefined));
    w.insertRows(at, 1);
    w.set(at, left, { v: "自评等级：" });
    return { row: at, col: left + 1 };
  },
  /**
   * 评价等级 | (empty) on the total row itself, right of every used column; the empty cell has
   * a border (a cell of the sheet's used range, as hosts read it).
   */
  labelInTotalRow: (w, a) => {
    const l = a.layout!;
    if (l.totalRow === null) return null;
    const row = w.mapRow(l.totalRow);
    const col = w.width + 1;
    w.set(row, col, { v: "评价等级" });
    w.set(row, col + 1, { v: null });
    return { row, col: col + 1 };
  },
  /** A column headed 等级 (merged down over the header band) right of the table. */
  gradeColumn: (w, a) => {
    const l = a.layout!;
    if (l.totalRow === null) return null;
    const top = w.mapRow(l.headerRow);
    const bottom = w.mapRow(l.headerEnd ?? l.headerRow);
    const col = w.width + 1;
    w.set(top, col, { v: "等级" });
    if (bottom > top) w.merges.push({ top, left: col, bottom, right: col });
    return { row: w.mapRow(l.totalRow), col };
  },
};

/** The baseline's writes plus the grade write, as `invariant` lists them. */
function withGradeWrite(base: Analysis, w: Work, cell: string): unknown {
  const want = invariant(base, w) as { writes: { cell: string; kind: string; after: unknown }[] };
  const writes = [...want.writes, { cell, kind: "grade", after: base.report.grade }].sort((p, q) =>
    p.cell < q.cell ? -1 : p.cell > q.cell ? 1 : 0,
  );
  return { ...want, writes };
}

let bases: Base[] = [];

beforeAll(async () => {
  const refs = await Promise.all(
    REFERENCES.map(async (id) => {
      const wb = await loadWorkbook(readFileSync(join(REFERENCE_DIR, `${id}.xlsx`)), `${id}.xlsx`);
      const sheets = wb.worksheets.map((ws) => ({ name: ws.name, grid: gridFromWorksheet(ws) }));
      return { id, grid: sheets.find((s) => s.name === chooseSheet(sheets))!.grid };
    }),
  );
  const real = fixtureIds()
    .filter((id) => !(id in PENDING))
    .map((id) => ({ id, grid: gridOf(readDescription(id)) }));
  bases = [...refs, ...real]
    .map((b) => ({ ...b, a: analyzeSheet(b.grid, { profile }) }))
    // Tables with a total row and no grade cell of their own (yn-yongde writes 优 beside its total).
    .filter(
      (b) => b.a.layout?.totalRow != null && !Object.keys(b.a.layout.cells).some((k) => k.endsWith(":grade")),
    );
});

describe("R-GRADE-1: an empty grade cell is filled, on reference and real tables", () => {
  test("the reference workbooks and most real tables take part", () => {
    expect(bases.map((b) => b.id)).toEqual(expect.arrayContaining(REFERENCES));
    expect(bases.length).toBeGreaterThanOrEqual(REFERENCES.length + 5);
    expect(bases.some((b) => b.a.report.totalProvisional)).toBe(true);
  });

  test.each(Object.keys(PLACEMENTS))(
    "%s: the plan gains exactly the grade write (final totals) or nothing (provisional)",
    (name) => {
      const failures: string[] = [];
      for (const base of bases) {
        const w = new Work(base.grid.sheet, base.grid);
        const at = PLACEMENTS[name](w, base.a);
        if (!at) continue;
        const cell = address(at.row, at.col);
        const got = analyzeTables(w.snapshot(), { profile })[0];
        const want = base.a.report.totalProvisional ? invariant(base.a, w) : withGradeWrite(base.a, w, cell);
        if (JSON.stringify(invariant(got)) !== JSON.stringify(want))
          failures.push(`${base.id}: ${JSON.stringify(invariant(got))} ≠ ${JSON.stringify(want)}`);
        // The written grade is then read back: no mismatch, nothing more to write (R-WRITE-5).
        if (!base.a.report.totalProvisional) {
          const grade = got.plan.writes.find((x) => x.kind === "grade");
          if (!grade) continue;
          w.set(at.row, at.col, { v: grade.after as string });
          const again = analyzeTables(w.snapshot(), { profile })[0];
          const codes = again.report.diagnostics.map((d) => d.code);
          if (codes.includes("GRADE_MISMATCH") || again.plan.writes.some((x) => x.kind === "grade"))
            failures.push(`${base.id}: the written grade is not read back`);
        }
      }
      expect(failures).toEqual([]);
    },
  );

  test("the grade is the computed one: 良 on A (86.59), 良 on B (84.13, written 84.15), 优 on 霍邱 (100)", () => {
    const graded = (id: string) => {
      const base = bases.find((b) => b.id === id);
      if (!base) throw new Error(`${id} does not take part`);
      const w = new Work(base.grid.sheet, base.grid);
      const at = PLACEMENTS.labelRowBelow(w, base.a)!;
      return analyzeSheet(w.snapshot(), { profile }).plan.writes.find(
        (x) => x.row === at.row && x.col === at.col,
      )?.after;
    };
    expect(graded("A-donghu-2021-selfeval-blank")).toBe("良");
    expect(graded("B-donghu-2021-scoresheet")).toBe("良");
    expect(graded("ah-huoqiu-2022")).toBe("优");
  });

  test("an empty cell right of the total's score with no 等级 label or column is not a grade cell (yn-yongde, 优 cleared)", () => {
    const desc = readDescription("yn-yongde-2022");
    const g = gridOf(desc);
    const base = analyzeSheet(g, { profile });
    const key = Object.keys(base.layout!.cells).find((k) => k.endsWith(":grade"))!;
    expect(base.layout!.cells[key]).toBe("J25");
    const w = new Work(g.sheet, g);
    w.set(25, 10, null);
    const cleared = analyzeSheet(w.snapshot(), { profile });
    expect(cleared.report.grade).toBe("优");
    expect(cleared.plan.writes.filter((x) => x.kind === "grade")).toEqual([]);
  });

  test("R-WRITE-4: the grade write on a real .xlsx is recorded and restored", async () => {
    const name = "A-donghu-2021-selfeval-blank";
    const xl = new ExcelJS.Workbook();
    await xl.xlsx.load(readFileSync(join(REFERENCE_DIR, `${name}.xlsx`)) as unknown as ArrayBuffer);
    const base = bases.find((b) => b.id === name)!;
    const ws = xl.getWorksheet(base.grid.sheet)!;
    const row = base.a.layout!.totalRow! + 1;
    ws.getCell(row, 1).value = "自评等级";
    const bytes = new Uint8Array(await xl.xlsx.writeBuffer());

    const wb = await loadPackage(bytes, `${name}.xlsx`);
    const grid = wb.grid(base.grid.sheet);
    const plan = analyzeSheet(grid, { profile, record: readRecordAndSettings(wb).record }).plan;
    const grade = plan.writes.find((x) => x.kind === "grade");
    expect(grade).toMatchObject({ cell: `B${row}`, before: null, after: "良" });
    applyPlan(wb, plan, readRecordAndSettings(wb));
    const written = new ExcelJS.Workbook();
    await written.xlsx.load(wb.toBytes() as unknown as ArrayBuffer);
    expect(written.getWorksheet(base.grid.sheet)!.getCell(`B${row}`).value).toBe("良");

    expect(restoreLatest(wb).restored).toBe(plan.writes.length);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(wb.toBytes() as unknown as ArrayBuffer);
    expect(back.getWorksheet(base.grid.sheet)!.getCell(`B${row}`).value).toBeNull();
  });
});
