/** @jest-environment jsdom */
/**
 * The sheet grid, "why this score" and the long lists as components (jsdom + testing-library):
 * ARIA grid with one tab stop, keys and clicks move the active cell and the detail panel
 * follows, a 5,000-row table keeps a window of rows in the DOM, explanations are worded when
 * opened, and long lists draw their first items with a button for more.
 */
import "./dom";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { PRESETS } from "../../src/core/profile";
import { analyzeSheet } from "../../src/sheet";
import type { GridSnapshot } from "../../src/sheet/types";
import { SheetGrid } from "../../src/taskpane/components/grid/SheetGrid";
import { WhyScores } from "../../src/taskpane/components/grid/WhyScores";
import { LIST_PAGE, LongList } from "../../src/taskpane/components/LongList";
import { syntheticSheet } from "../../scripts/bench/synthetic";
import { setLocale } from "../../src/i18n/catalog";

const profile = PRESETS.central;

function table(n: number) {
  const grid = syntheticSheet("band1", n).grid as unknown as GridSnapshot;
  const analysis = analyzeSheet(grid, { profile });
  return { grid, analysis };
}

const gridEl = () => screen.getByRole("grid");
const cells = () => within(gridEl()).getAllByRole("gridcell");
const tabStops = () => cells().filter((c) => c.tabIndex === 0);
const detail = () => screen.getByTestId("grid-detail").textContent ?? "";

beforeAll(() => {
  setLocale("zh-CN");
  // jsdom does not scroll.
  Element.prototype.scrollIntoView ??= () => undefined;
});

describe("SheetGrid", () => {
  it("is an ARIA grid with one tab stop; keys and a go-to request move it, the detail follows", () => {
    const { grid, analysis } = table(20);
    const props = {
      grid,
      writes: analysis.plan.writes,
      report: analysis.report,
      profile,
      locale: "zh-CN" as const,
    };
    const { rerender } = render(<SheetGrid {...props} />);
    const g = gridEl();
    expect(g.getAttribute("aria-readonly")).toBe("true");
    expect(Number(g.getAttribute("aria-rowcount"))).toBeGreaterThan(20);
    // Roving tabindex: one cell in the tab order, the top-left one until a cell is chosen.
    expect(tabStops()).toHaveLength(1);
    const first = tabStops()[0].dataset.cell!;
    expect(first).toBe("A1");

    // (Row 1 is a title merged across the table: one stop.)
    fireEvent.keyDown(g, { key: "ArrowDown" });
    fireEvent.keyDown(g, { key: "ArrowDown" });
    fireEvent.keyDown(g, { key: "ArrowRight" });
    expect(tabStops()).toHaveLength(1);
    const moved = tabStops()[0];
    expect(moved.dataset.cell).toMatch(/^B\d+$/);
    expect(moved.getAttribute("aria-selected")).toBe("true");
    expect(detail()).toContain(moved.dataset.cell!);

    // A planned cell shows before → after, and the detail says what will be written.
    const w = analysis.plan.writes.find((x) => x.kind === "score")!;
    // A problem click in the page asks the grid to go to a cell (focusCell).
    rerender(<SheetGrid {...props} focusCell={{ cell: w.cell, seq: 1 }} />);
    expect(tabStops().map((c) => c.dataset.cell)).toEqual([w.cell]);
    const planned = tabStops()[0];
    expect(planned.dataset.planned).toBe("true");
    expect(planned.textContent).toMatch(/^（空）→ \d/);
    expect((document.activeElement as HTMLElement).dataset?.cell).toBe(w.cell);
    fireEvent.keyDown(g, { key: "ArrowLeft" });
    expect(tabStops().map((c) => c.dataset.cell)).not.toEqual([w.cell]);
    fireEvent.keyDown(g, { key: "ArrowRight" });
    expect(tabStops().map((c) => c.dataset.cell)).toEqual([w.cell]);
    expect(detail()).toContain(`将写入：`);
    // Its row's explanation ends on the score written.
    expect(detail()).toMatch(/为什么是这个分数/);
  });

  it("a 5,000-row table keeps only a window of rows in the DOM", () => {
    const { grid, analysis } = table(5000);
    render(<SheetGrid grid={grid} writes={analysis.plan.writes} locale="zh-CN" height={400} />);
    const rows = within(gridEl()).getAllByRole("row");
    expect(Number(gridEl().getAttribute("aria-rowcount"))).toBeGreaterThan(5000);
    expect(rows.length).toBeLessThan(60);
    // Ctrl+End goes to the last cell; it is drawn (and the tab stop) though far below.
    fireEvent.keyDown(gridEl(), { key: "End", ctrlKey: true });
    const last = tabStops()[0];
    expect(Number(/\d+$/.exec(last.dataset.cell!)![0])).toBe(grid.top + grid.cells.length - 1);
    expect(within(gridEl()).getAllByRole("row").length).toBeLessThan(70);
  });
});

describe("WhyScores", () => {
  it("words a row's explanation when it is opened, and lists a long table in pages", () => {
    const { analysis } = table(300);
    const { container } = render(<WhyScores report={analysis.report} profile={profile} locale="zh-CN" />);
    const details = container.querySelectorAll("details");
    // The budget row and the first page of indicator rows.
    expect(details.length).toBeLessThanOrEqual(LIST_PAGE + 1);
    expect(screen.getByTestId("list-more").textContent).toMatch(/再显示 \d+ 项/);
    const row = [...details].find((d) => d.dataset.row === String(analysis.report.indicators[0].row))!;
    expect(row.querySelector("p")).toBeNull();
    row.open = true;
    fireEvent(row, new Event("toggle"));
    const text = row.querySelector("p")?.textContent ?? "";
    const score = analysis.report.indicators[0].score ?? analysis.report.indicators[0].ruleScore;
    expect(text).toMatch(new RegExp(`${score!.toFixed(profile.decimals)}分。$`));
  });
});

describe("LongList", () => {
  const list = (n: number) =>
    render(
      <LongList items={Array.from({ length: n }, (_, i) => i)}>{(i) => <li key={i}>item {i}</li>}</LongList>,
    );

  it("draws the first page and a button for the next, until every item is drawn", () => {
    list(250);
    expect(screen.getAllByRole("listitem")).toHaveLength(LIST_PAGE);
    expect(screen.getByTestId("list-more").textContent).toBe("再显示 100 项（还有 150 项未列出）");
    fireEvent.click(screen.getByTestId("list-more"));
    expect(screen.getAllByRole("listitem")).toHaveLength(200);
    expect(screen.getByTestId("list-more").textContent).toBe("再显示 50 项（还有 50 项未列出）");
    fireEvent.click(screen.getByTestId("list-more"));
    expect(screen.getAllByRole("listitem")).toHaveLength(250);
    expect(screen.queryByTestId("list-more")).toBeNull();
    // In order, none twice.
    expect(screen.getAllByRole("listitem").map((li) => li.textContent)).toEqual(
      Array.from({ length: 250 }, (_, i) => `item ${i}`),
    );
  });

  it("draws a short remainder at once rather than behind a button", () => {
    list(LIST_PAGE + LIST_PAGE / 5);
    expect(screen.getAllByRole("listitem")).toHaveLength(LIST_PAGE + LIST_PAGE / 5);
    expect(screen.queryByTestId("list-more")).toBeNull();
  });
});
