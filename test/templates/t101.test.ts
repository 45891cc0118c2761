/**
 * The 财预〔2021〕101号 table (SCORING.md §8, TEMPLATES.md): 成本指标 as the first 一级指标,
 * 成本20 / 产出40 / 效益20 / 满意度10 + 预算执行率10, in the L1 and split-value L2 forms; the
 * reader takes 成本指标 like any level.
 */
import { resolveProfile } from "../../src/core";
import { analyzeSheet, detectLayout } from "../../src/sheet";
import { buildTemplate, templateToGrid, type TemplateKind } from "../../src/templates";
import { findCell, setCell, statedWeight } from "./helpers";

describe.each([
  ["L1-2021", "L1"],
  ["L2-2021", "L2"],
] as [TemplateKind, string][])("%s", (kind, layout) => {
  const sheet = buildTemplate(kind);
  const grid = templateToGrid(sheet);

  it(`is read as ${layout}`, () => {
    const d = detectLayout(grid);
    expect("missing" in d ? d.missing : d.layout).toBe(layout);
  });

  it("lists 成本指标 first, then 产出, 效益, 满意度, with the weights of 101号 adding up to 100", () => {
    const name = findCell(sheet, "一级指标");
    const labels = sheet.cells
      .filter(
        (c) => c.cell.startsWith("B") && Number(c.cell.slice(1)) > name.row && typeof c.value === "string",
      )
      .map((c) => c.value as string);
    expect(labels).toEqual([
      "成本指标（20分）",
      "产出指标（40分）",
      "效益指标（20分）",
      "满意度指标（10分）",
    ]);
    const levels = labels.reduce((s, l) => s + (statedWeight(l) ?? 0), 0);
    expect(levels + 10).toBe(100);
    expect(findCell(sheet, "经济成本指标").row).toBeLessThan(findCell(sheet, "数量指标").row);
    for (const l2 of ["社会成本指标", "生态环境成本指标", "质量指标", "时效指标", "服务对象满意度指标"])
      expect(findCell(sheet, l2).row).toBeGreaterThan(name.row);
    // The 101号 table has no 成本指标 under 产出指标.
    expect(sheet.cells.filter((c) => c.value === "成本指标")).toHaveLength(0);
    const total = findCell(sheet, "总分");
    expect(sheet.cells.find((c) => c.cell === `${layout === "L2" ? "I" : "G"}${total.row}`)?.value).toBe(100);
  });

  it("scores a 成本指标 row under its 一级指标 (reader and core take it like any level)", () => {
    const g = templateToGrid(sheet);
    const row = findCell(sheet, "经济成本指标").row;
    const split = layout === "L2";
    const cols = split ? { actual: 8, weight: 9 } : { actual: 6, weight: 7 };
    setCell(g, row, 4, "招商引资工作经费");
    if (split) {
      setCell(g, row, 5, "≤");
      setCell(g, row, 6, 50);
      setCell(g, row, 7, "万元");
    } else setCell(g, row, 5, "≤50万元");
    setCell(g, row, cols.actual, "40万元");
    setCell(g, row, cols.weight, 20);
    const { report } = analyzeSheet(g, { profile: resolveProfile("central") });
    const ind = report.indicators.find((i) => i.row === row)!;
    expect(ind).toMatchObject({
      level1: "成本指标",
      level2: "经济成本指标",
      direction: "reverse",
      score: 20,
    });
  });
});
