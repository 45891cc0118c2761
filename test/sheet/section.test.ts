/**
 * Section rows of the indicator block (`一、产出指标`, `（一）产出指标`, `产出指标（50分）`):
 * each names the level 1 of the rows under it where their level-1 cell is empty (LAYOUTS.md
 * step 5 reading of levels, R-TOTAL-3 stated weights), and is never an indicator.
 */
import { resolveProfile } from "../../src/core";
import { analyzeSheet, detectLayout, type DetectedLayout, type GridSnapshot } from "../../src/sheet";
import { build, type In } from "./grid-builder";

const profile = resolveProfile("central");

function layoutOf(g: GridSnapshot): DetectedLayout {
  const d = detectLayout(g);
  if ("missing" in d) throw new Error(`no table: ${d.missing.join(",")}`);
  return d;
}

const HEADER = ["三级指标", "年度指标值", "实际完成值", "分值", "得分"];

/** A table without level columns whose levels are section rows (rows 2 and 5). */
function sectioned(first: string, second: string, merged: boolean): GridSnapshot {
  const rows: In[][] = [
    HEADER,
    [first],
    ["培训人次", "100人次", "90人次", 30, null],
    ["宣传次数", "10次", "10次", 30, null],
    [second],
    ["满意度", "≥90%", "95%", 40, null],
    ["总分", null, null, 100, null],
  ];
  return build(rows, { merges: merged ? ["A2:E2", "A5:E5"] : [] });
}

describe("section rows (一、产出指标) name the level 1 of the rows under them", () => {
  it.each([
    ["merged across the table", "一、产出指标（50分）", "二、效益指标", true],
    ["in the first column only, numbered （一）", "（一）产出指标（50分）", "（二）效益指标", false],
    ["in the first column only, unnumbered", "产出指标（50分）", "效益指标", false],
    ["merged, 第一部分", "第一部分 产出指标（50分）", "第二部分 效益指标", true],
  ])("%s: no indicator, level 1 of the rows under it, never written", (_, first, second, merged) => {
    const g = sectioned(first as string, second as string, merged as boolean);
    expect(layoutOf(g).indicatorRows).toEqual([3, 4, 6]);
    const a = analyzeSheet(g, { profile });
    expect(a.report.indicators.map((i) => [i.row, i.level1, i.score])).toEqual([
      [3, "产出指标", 27],
      [4, "产出指标", 30],
      [6, "效益指标", 40],
    ]);
    expect(a.report.total).toBe(97);
    expect(a.plan.writes.filter((w) => /^[A-Z]+[25]$/.test(w.cell))).toEqual([]);
    // R-TOTAL-3: the section states 50, its rows weigh 60.
    const lw = a.report.diagnostics.filter((d) => d.code === "LEVEL_WEIGHT_MISMATCH");
    expect(lw).toHaveLength(1);
    expect(lw[0].message).toMatch(/产出指标.*50.*60/);
  });

  it("over level columns: a row's own level-1 cell wins; an empty one takes the section's", () => {
    const g = build(
      [
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["一、产出指标"],
        [null, "数量指标", "培训人次", "100人次", "90人次", 50, null],
        ["二、效益指标"],
        ["效益", "社会效益指标", "满意度", "≥90%", "95%", 50, null],
      ],
      { merges: ["A2:G2", "A4:G4"] },
    );
    const a = analyzeSheet(g, { profile });
    expect(a.report.indicators.map((i) => [i.row, i.level1, i.level2])).toEqual([
      [3, "产出指标", "数量指标"],
      [5, "效益", "社会效益指标"],
    ]);
  });

  it("a lone text in the first column not worded as a section stays an indicator row (a placeholder)", () => {
    const g = build([HEADER, ["指标1：培训人次", "100人次", "90人次", 50, null], ["指标2："], ["……"]]);
    expect(layoutOf(g).indicatorRows).toEqual([2, 3, 4]);
  });

  it("a text merged across from a later column (a note) is no section: the level above still holds", () => {
    const g = build(
      [
        ["一级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["产出指标", "培训人次", "100人次", "90人次", 50, null],
        [null, "注：以下为补充指标"],
        [null, "宣传次数", "10次", "10次", 50, null],
      ],
      { merges: ["B3:F3"] },
    );
    const a = analyzeSheet(g, { profile });
    expect(a.report.indicators.map((i) => [i.row, i.level1])).toEqual([
      [2, "产出指标"],
      [4, "产出指标"],
    ]);
  });

  it("a lone text in a later column, unmerged, is no section", () => {
    const g = build([
      ["一级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
      ["产出指标", "培训人次", "100人次", "90人次", 50, null],
      [null, "一、宣传"],
    ]);
    expect(layoutOf(g).indicatorRows).toEqual([2, 3]);
  });
});
