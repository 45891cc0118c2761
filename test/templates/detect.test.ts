import { resolveProfile } from "../../src/core";
import { analyzeSheet, detectLayout, parseAddress, type DetectedLayout } from "../../src/sheet";
import { buildTemplate, INDICATOR_LIBRARY, templateToGrid, type TemplateKind } from "../../src/templates";
import { findCell } from "./helpers";

function detected(kind: TemplateKind, options?: Parameters<typeof buildTemplate>[1]): DetectedLayout {
  const res = detectLayout(templateToGrid(buildTemplate(kind, options)));
  if ("missing" in res) throw new Error(`not detected: ${res.missing.join(", ")}`);
  return res;
}

describe("LAYOUTS.md: every template is read as its own layout", () => {
  it.each(["L1", "L2", "L3", "L4"] as TemplateKind[])("%s is detected as that layout", (kind) => {
    expect(detected(kind).layout).toBe(kind);
  });

  it.each(["L1", "L2", "L4"] as TemplateKind[])(
    "%s: the reader finds every column where the template put it",
    (kind) => {
      const sheet = buildTemplate(kind);
      const d = detected(kind);
      const header = findCell(sheet, "三级指标");
      expect(d.headerRow).toBe(header.row);
      const expectCol = (role: keyof DetectedLayout["columns"], text: string) =>
        expect([role, d.columns[role]]).toEqual([role, findCell(sheet, text, undefined).col]);
      expectCol("level1", "一级指标");
      expectCol("level2", "二级指标");
      expectCol("name", "三级指标");
      expectCol("actual", "实际完成值");
      expectCol("note", "偏差原因分析及改进措施");
      expectCol("target", kind === "L2" ? "指标值" : "年度指标值");
      if (kind === "L2") {
        expectCol("direction", "指标性质");
        expectCol("unit", "度量单位");
      }
      const inHeader = (text: string) =>
        sheet.cells.find((c) => c.value === text && parseAddress(c.cell)?.row === header.row)?.cell;
      expect(d.columns.weight).toBe(parseAddress(inHeader("分值")!)!.col);
      expect(d.columns.score).toBe(parseAddress(inHeader("得分")!)!.col);
      expect(d.totalRow).toBe(findCell(sheet, "总分").row);
      expect(d.budget).not.toBeNull();
      expect(d.budget!.totalRow).toBe(findCell(sheet, kind === "L4" ? "合计" : "年度资金总额").row);
      expect(d.budget!.headerRow).toBe(findCell(sheet, "年初预算数").row);
    },
  );

  it("L3: the reader finds the scoring-rule column and the 评价得分 total row", () => {
    const sheet = buildTemplate("L3");
    const d = detected("L3");
    expect(d.columns.ruleText).toBe(findCell(sheet, "评分标准").col);
    expect(d.columns.weight).toBe(findCell(sheet, "分值").col);
    expect(d.columns.score).toBe(findCell(sheet, "得分").col);
    expect(d.totalRow).toBe(findCell(sheet, "评价得分").row);
    expect(d.budget).toBeNull();
  });

  it("a template filled from the whole 招商引资 set is still read as L2", () => {
    const set = INDICATOR_LIBRARY.find((g) => g.id === "investment-promotion")!;
    expect(detected("L2", { indicators: set.rows }).layout).toBe("L2");
    expect(detected("L1", { indicators: set.rows }).layout).toBe("L1");
  });

  it("a blank template reports every framework row of L3 and L4 and none of the empty rows", () => {
    const profile = resolveProfile("central");
    const l3 = analyzeSheet(templateToGrid(buildTemplate("L3")), { profile });
    expect(l3.report.layout).toBe("L3");
    expect(l3.report.indicators).toHaveLength(17);
    const l4 = analyzeSheet(templateToGrid(buildTemplate("L4")), { profile });
    expect(l4.report.layout).toBe("L4");
    expect(l4.report.indicators).toHaveLength(28);
    const l1 = analyzeSheet(templateToGrid(buildTemplate("L1")), { profile });
    expect(l1.report.layout).toBe("L1");
    expect(l1.report.indicators).toHaveLength(0);
  });
});
