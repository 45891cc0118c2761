/** The sheet grid's windowing, merges and key moves (src/taskpane/components/grid/model.ts). */
import fc from "fast-check";
import {
  buildModel,
  cellsOf,
  columnAt,
  estimateWidth,
  move,
  ROW_HEIGHT,
  shownAfter,
  shownText,
  windowOf,
} from "../../src/taskpane/components/grid/model";
import type { PlannedWrite } from "../../src/sheet/types";
import { build, pct } from "../sheet/grid-builder";

const sheet = (rows: number, cols: number, merges: string[] = []) =>
  build(
    Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => `r${r + 1}c${c + 1}`)),
    { merges },
  );

describe("grid model", () => {
  it("a window holds the rows in view plus the overscan, whatever the scroll offset", () => {
    const m = buildModel(sheet(5000, 9));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 * ROW_HEIGHT }),
        fc.integer({ min: 50, max: 2000 }),
        (top, h) => {
          const w = windowOf(m, top, 0, h, 800, 4);
          const first = Math.floor(top / ROW_HEIGHT);
          const last = Math.ceil((top + h) / ROW_HEIGHT);
          expect(w.r0).toBe(Math.max(0, first - 4));
          expect(w.r1).toBe(Math.min(4999, last + 4));
          // Never the whole sheet: the DOM holds O(viewport) rows.
          expect(w.r1 - w.r0 + 1).toBeLessThanOrEqual(Math.ceil(h / ROW_HEIGHT) + 10);
        },
      ),
    );
  });

  it("columnAt finds the column under an offset (binary search over the column edges)", () => {
    const xs = [0, 50, 120, 300, 360];
    expect([0, 49, 50, 119, 120, 299, 300, 359, 1000].map((x) => columnAt(xs, x))).toEqual([
      0, 0, 1, 1, 2, 2, 3, 3, 3,
    ]);
  });

  it("a merged area is drawn once, at its anchor, when any part of it is in the window", () => {
    const m = buildModel(sheet(40, 4, ["A1:A30", "B5:C6"]));
    // Rows 20–25 in view: A1:A30 still drawn, from row 1, 30 rows tall.
    const boxes = cellsOf(m, { r0: 19, r1: 24, c0: 0, c1: 3 });
    const all = [...boxes.values()].flat();
    expect(all.filter((b) => b.col === 1)).toEqual([{ row: 1, col: 1, rowSpan: 30, colSpan: 1 }]);
    expect(all.filter((b) => b.col === 2)).toHaveLength(6);
    const top = [...cellsOf(m, { r0: 0, r1: 9, c0: 0, c1: 3 }).values()].flat();
    expect(top.filter((b) => b.row === 5 && b.col === 2)).toEqual([
      { row: 5, col: 2, rowSpan: 2, colSpan: 2 },
    ]);
    expect(top.some((b) => (b.row === 5 || b.row === 6) && b.col === 3)).toBe(false);
  });

  it("arrow keys step over a merged area as one cell and stop at the edges", () => {
    const m = buildModel(sheet(10, 4, ["B2:C3"]));
    expect(move(m, { row: 2, col: 1 }, "right")).toEqual({ row: 2, col: 2 });
    expect(move(m, { row: 2, col: 2 }, "right")).toEqual({ row: 2, col: 4 });
    expect(move(m, { row: 2, col: 2 }, "down")).toEqual({ row: 4, col: 2 });
    expect(move(m, { row: 4, col: 3 }, "up")).toEqual({ row: 2, col: 2 });
    expect(move(m, { row: 1, col: 1 }, "up")).toEqual({ row: 1, col: 1 });
    expect(move(m, { row: 1, col: 1 }, "left")).toEqual({ row: 1, col: 1 });
    expect(move(m, { row: 1, col: 1 }, "last")).toEqual({ row: 10, col: 4 });
    expect(move(m, { row: 9, col: 1 }, "pageDown", 5)).toEqual({ row: 10, col: 1 });
  });

  it("cells show as the sheet does; planned values as they will be written", () => {
    const m = buildModel(build([["利用外资", pct(0.8246), 4.3]]));
    expect(shownText(m.grid, 1, 2)).toBe("82.46%");
    const w = (after: number | string, numFmt?: string): PlannedWrite => ({
      cell: "C1",
      row: 1,
      col: 3,
      before: null,
      after,
      kind: "rate",
      field: "budgetRate",
      numFmt,
    });
    expect(shownAfter(w(0.8246, "0.00%"))).toBe("82.46%");
    expect(shownAfter(w(4.16))).toBe("4.16");
  });

  it("planned cells beyond the read range widen the model (a grade written below the table)", () => {
    const m = buildModel(sheet(3, 2), [
      { cell: "D5", row: 5, col: 4, before: null, after: "良", kind: "grade", field: "grade" },
    ]);
    expect([m.rows, m.cols]).toEqual([5, 4]);
    expect(m.planned.get("D5")?.after).toBe("良");
  });

  describe("column widths (a figure is never cut)", () => {
    const score = (row: number, col: number, after: number, before: number | null = null): PlannedWrite => ({
      cell: `${String.fromCharCode(64 + col)}${row}`,
      row,
      col,
      before,
      after,
      kind: "score",
      field: "score",
    });
    const width = (m: ReturnType<typeof buildModel>, col: number) => m.colX[col] - m.colX[col - 1];

    it("a planned score's column holds “（空）→ 4.16” in full, whatever the measure", () => {
      fc.assert(
        fc.property(
          fc.double({ min: 0, max: 1e9, noNaN: true }).map((x) => Math.round(x * 100) / 100),
          fc.constantFrom(
            undefined,
            (s: string) => s.length * 13,
            (s: string) => estimateWidth(s) * 1.2,
          ),
          (after, measure) => {
            const m = buildModel(sheet(3, 3), [score(2, 3, after)], null, { measure });
            const text = `（空）→ ${after}`;
            expect(width(m, 3)).toBeGreaterThanOrEqual((measure ?? estimateWidth)(text));
          },
        ),
      );
    });

    it("long text ends in an ellipsis at 160 px; figures anywhere in the column widen it", () => {
      const rows: (string | number)[][] = Array.from({ length: 5000 }, (_, r) => [
        `r${r}`,
        "很长的文字".repeat(10),
        r === 2500 ? 123456789.125 : 1,
      ]);
      const m = buildModel(build(rows), [], null, { measure: (s) => s.length * 10 });
      expect(width(m, 2)).toBe(160);
      // Row 2501 is not among the rows sampled for text, but a figure is always measured.
      expect(width(m, 3)).toBeGreaterThanOrEqual("123456789.125".length * 10);
    });
  });
});
