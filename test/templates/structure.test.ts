import Decimal from "decimal.js";
import { parseAddress, parseRange } from "../../src/sheet/address";
import {
  buildTemplate,
  DIRECTION_CHOICES,
  INDICATOR_LIBRARY,
  splitTarget,
  T1_LEVELS,
  templateToGrid,
  type TemplateKind,
  type TemplateSheet,
} from "../../src/templates";
import { findCell, statedWeight } from "./helpers";

const KINDS: TemplateKind[] = ["L1", "L2", "L3", "L4", "L1-2021", "L2-2021"];

function valueAt(sheet: TemplateSheet, row: number, col: number): string | number | null {
  const hit = sheet.cells.find((c) => {
    const at = parseAddress(c.cell);
    return at !== null && at.row === row && at.col === col;
  });
  return hit ? hit.value : null;
}

/** Header row, total row and the weight column of the indicator block. */
function block(sheet: TemplateSheet): {
  header: number;
  total: number;
  weightCol: number;
  level1Col: number;
} {
  const header = findCell(sheet, "三级指标").row;
  const weightCol = sheet.cells
    .map((c) => ({ at: parseAddress(c.cell), v: c.value }))
    .find((c) => c.at?.row === header && c.v === "分值")?.at?.col;
  const totalCell = sheet.cells.find((c) => c.value === "总分" || c.value === "评价得分");
  if (weightCol === undefined || !totalCell) throw new Error("no indicator block");
  return {
    header,
    total: parseAddress(totalCell.cell)!.row,
    weightCol,
    level1Col: findCell(sheet, "一级指标").col,
  };
}

describe.each(KINDS)("template %s is well-formed", (kind) => {
  const sheet = buildTemplate(kind, { year: 2024, projectName: "示例项目" });
  const border = parseRange(sheet.borderRange)!;
  const cols = sheet.widths.length;

  it("has valid addresses inside the sheet, and widths for every column", () => {
    expect(border).not.toBeNull();
    expect(border.right).toBe(cols);
    for (const w of sheet.widths) expect(w).toBeGreaterThan(0);
    for (const c of sheet.cells) {
      const at = parseAddress(c.cell);
      expect(at).not.toBeNull();
      expect(at!.col).toBeLessThanOrEqual(cols);
      expect(at!.row).toBeLessThanOrEqual(border.bottom);
    }
    expect(new Set(sheet.cells.map((c) => c.cell)).size).toBe(sheet.cells.length);
  });

  it("has merges inside the sheet that never overlap, with values only in their anchors", () => {
    const areas = sheet.merges.map((m) => parseRange(m)!);
    for (const a of areas) {
      expect(a).not.toBeNull();
      expect(a.right).toBeLessThanOrEqual(cols);
      expect(a.bottom).toBeLessThanOrEqual(border.bottom);
      expect(a.bottom > a.top || a.right > a.left).toBe(true);
    }
    for (let i = 0; i < areas.length; i++) {
      for (let j = i + 1; j < areas.length; j++) {
        const [a, b] = [areas[i], areas[j]];
        const overlap = a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
        expect(overlap ? `${sheet.merges[i]} overlaps ${sheet.merges[j]}` : null).toBeNull();
      }
    }
    for (const c of sheet.cells) {
      const at = parseAddress(c.cell)!;
      const inside = areas.find(
        (a) => at.row >= a.top && at.row <= a.bottom && at.col >= a.left && at.col <= a.right,
      );
      if (inside && (inside.top !== at.row || inside.left !== at.col)) expect(c.value).toBeNull();
    }
  });

  it("has validation ranges that are valid addresses inside the sheet", () => {
    for (const v of [...sheet.validations, ...(sheet.decimalValidations ?? [])]) {
      const r = parseRange(v.range);
      expect(r).not.toBeNull();
      expect(r!.right).toBeLessThanOrEqual(cols);
      expect(r!.bottom).toBeLessThanOrEqual(border.bottom);
    }
  });

  it("validates 分值 as a decimal between 0 and 100 over the indicator rows", () => {
    const { header, total, weightCol } = block(sheet);
    const v = sheet.decimalValidations?.find((d) => {
      const r = parseRange(d.range)!;
      return r.left === weightCol && r.right === weightCol && r.top === header + 1 && r.bottom === total - 1;
    });
    expect(v).toMatchObject({ min: 0, max: 100 });
    expect(v?.error).toMatch(/分值/);
  });

  it("states the year and the project name", () => {
    const texts = sheet.cells.map((c) => c.value);
    expect(texts).toContain("（2024年度）");
    expect(texts).toContain("示例项目");
  });

  it("mirrors into a grid snapshot with every value at its address", () => {
    const grid = templateToGrid(sheet);
    expect(grid.sheet).toBe(sheet.name);
    expect(grid.merges).toHaveLength(sheet.merges.length);
    for (const c of sheet.cells) {
      const at = parseAddress(c.cell)!;
      const g = grid.cells[at.row - 1][at.col - 1];
      if (c.value === null && !c.numFmt) expect(g).toBeNull();
      else expect(g?.v).toEqual(c.value);
      if (c.numFmt) expect(g?.fmt).toBe(c.numFmt);
    }
  });
});

describe("R-TOTAL-3: stated level weights", () => {
  it.each(["L1", "L2", "L4"] as TemplateKind[])(
    "%s: level-1 weights plus the budget weight make the 总分 of 100",
    (kind) => {
      const sheet = buildTemplate(kind);
      const { header, total, weightCol, level1Col } = block(sheet);
      let sum = new Decimal(0);
      for (let r = header + 1; r < total; r++) {
        const label = valueAt(sheet, r, level1Col);
        if (typeof label === "string") sum = sum.plus(statedWeight(label) ?? Number.NaN);
      }
      const budgetTotal = findCell(sheet, kind === "L4" ? "合计" : "年度资金总额");
      const budgetWeightCol = findCell(sheet, "分值").col;
      const budgetWeight = valueAt(sheet, budgetTotal.row, budgetWeightCol);
      expect(budgetWeight).toBe(10);
      expect(sum.plus(10).toNumber()).toBe(100);
      expect(valueAt(sheet, total, weightCol)).toBe(100);
    },
  );

  it("L1 carries the fixed levels 产出50 / 效益30 / 满意度10 with their 二级指标", () => {
    const sheet = buildTemplate("L1");
    const texts = sheet.cells.map((c) => c.value);
    expect(texts).toEqual(
      expect.arrayContaining(["产出指标（50分）", "效益指标（30分）", "满意度指标（10分）"]),
    );
    for (const l of T1_LEVELS) for (const l2 of l.level2) expect(texts).toContain(l2);
  });

  it.each(["separate", "inBenefit"] as const)(
    "L3 (%s): row weights sum to 100, each stated level weight equals the rows under it",
    (satisfaction) => {
      const sheet = buildTemplate("L3", { satisfaction });
      const { header, total, weightCol } = block(sheet);
      let sum = new Decimal(0);
      const byLevel = new Map<string, Decimal>();
      const areas = sheet.merges.map((m) => parseRange(m)!);
      for (let r = header + 1; r < total; r++) {
        const w = valueAt(sheet, r, weightCol);
        expect(typeof w).toBe("number");
        sum = sum.plus(w as number);
        for (const col of [1, 2]) {
          const anchor = areas.find((a) => a.left === col && a.top <= r && a.bottom >= r);
          const label = String(valueAt(sheet, anchor ? anchor.top : r, col));
          const key = `${col}:${anchor ? anchor.top : r}:${label}`;
          byLevel.set(key, (byLevel.get(key) ?? new Decimal(0)).plus(w as number));
        }
      }
      expect(sum.toNumber()).toBe(100);
      expect(valueAt(sheet, total, weightCol)).toBe(100);
      for (const [key, s] of byLevel)
        expect([key, statedWeight(key.split(":")[2])]).toEqual([key, s.toNumber()]);
    },
  );

  it("L3 uses the default weighting 决策15/过程15/产出35/效益25/满意度10", () => {
    const texts = buildTemplate("L3").cells.map((c) => c.value);
    expect(texts).toEqual(
      expect.arrayContaining([
        "决策（15分）",
        "过程（15分）",
        "产出（35分）",
        "效益（25分）",
        "满意度（10分）",
      ]),
    );
  });

  it("L3 writes a scoring standard for every row, and limits each score to its weight", () => {
    const sheet = buildTemplate("L3");
    const { header, total } = block(sheet);
    const ruleCol = findCell(sheet, "评分标准").col;
    const scoreCol = findCell(sheet, "得分").col;
    for (let r = header + 1; r < total; r++) {
      expect(String(valueAt(sheet, r, ruleCol) ?? "").length).toBeGreaterThan(10);
      const v = sheet.decimalValidations?.find((d) => d.range === `${"ABCDEFG"[scoreCol - 1]}${r}`);
      expect(v?.max).toBe(valueAt(sheet, r, 4));
    }
  });

  it("L4 carries the 财预〔2013〕53号 levels and the budget rows 基本支出 / 项目支出 / 合计", () => {
    const texts = buildTemplate("L4").cells.map((c) => c.value);
    expect(texts).toEqual(
      expect.arrayContaining(["基本支出", "项目支出", "合计", "预算完成率", "政府采购执行率"]),
    );
    expect(texts).not.toContain("年度资金总额");
    expect(
      texts.filter((t) => typeof t === "string" && /^(投入|过程|产出|效果)（\d+分）$/.test(t)),
    ).toHaveLength(4);
  });
});

describe("rows and library indicators", () => {
  it("places the requested number of empty rows under each 二级指标", () => {
    const base = buildTemplate("L1");
    const more = buildTemplate("L1", { rows: { 数量指标: 5 } });
    const three = buildTemplate("L1", { rows: 3 });
    const count = (s: TemplateSheet) => block(s).total - block(s).header - 1;
    expect(count(base)).toBe(9 * 2);
    expect(count(more)).toBe(9 * 2 + 3);
    expect(count(three)).toBe(9 * 3);
  });

  it("places library indicators under their 二级指标 and adds 二级指标 the table lacks", () => {
    const rows = [
      { level1: "产出指标", level2: "质量指标", name: "项目落地率", target: "≥80%", weight: 5 },
      { level1: "效益指标", level2: "社会效益", name: "带动地区就业", target: "有效带动", direction: "定性" },
      { level1: "产出指标", level2: "管理指标", name: "制度建设", target: "" },
    ];
    const sheet = buildTemplate("L1", { indicators: rows });
    const quality = findCell(sheet, "质量指标", 3);
    const landing = findCell(sheet, "项目落地率", 4);
    expect(landing.row).toBe(quality.row);
    expect(valueAt(sheet, landing.row, 5)).toBe("≥80%");
    expect(valueAt(sheet, landing.row, 7)).toBe(5);
    expect(findCell(sheet, "带动地区就业", 4).row).toBe(findCell(sheet, "社会效益指标", 3).row);
    const extra = findCell(sheet, "管理指标", 3);
    expect(extra.row).toBeLessThan(findCell(sheet, "效益指标（30分）", 2).row);
    expect(findCell(sheet, "制度建设", 4).row).toBe(extra.row);
  });

  it("L2 splits a suggested target into 指标性质 / 指标值 / 度量单位", () => {
    const row = INDICATOR_LIBRARY.flatMap((g) => g.rows).find((r) => r.name === "投资客商/企业满意度")!;
    const sheet = buildTemplate("L2", { indicators: [row] });
    const at = findCell(sheet, "投资客商/企业满意度", 4);
    expect([5, 6, 7].map((c) => valueAt(sheet, at.row, c))).toEqual(["≥", 90, "%"]);
    expect(splitTarget({ target: "≤100", unit: "万元" })).toEqual({
      direction: "≤",
      value: 100,
      unit: "万元",
    });
    expect(splitTarget({ target: "长期", direction: "定性" })).toEqual({
      direction: "定性",
      value: "长期",
      unit: null,
    });
    expect(splitTarget({ target: "", unit: "亿元", direction: "≥" })).toEqual({
      direction: "≥",
      value: null,
      unit: "亿元",
    });
  });

  it("L2 offers the 指标性质 choices ≥ ≤ ＝ 定性 over its indicator rows", () => {
    const sheet = buildTemplate("L2");
    const { header, total } = block(sheet);
    const col = findCell(sheet, "指标性质").col;
    expect(sheet.validations).toHaveLength(1);
    expect(parseRange(sheet.validations[0].range)).toEqual({
      top: header + 1,
      bottom: total - 1,
      left: col,
      right: col,
    });
    expect(sheet.validations[0].list).toEqual(["≥", "≤", "＝", "定性"]);
  });
});

describe("INDICATOR_LIBRARY", () => {
  const all = INDICATOR_LIBRARY.flatMap((g) => g.rows);
  const levels = new Map(T1_LEVELS.map((l) => [l.level1, l.level2]));

  it("has unique ids and titled, non-empty groups", () => {
    expect(new Set(INDICATOR_LIBRARY.map((g) => g.id)).size).toBe(INDICATOR_LIBRARY.length);
    for (const g of INDICATOR_LIBRARY) {
      expect(g.title).not.toBe("");
      expect(g.rows.length).toBeGreaterThan(0);
      expect(new Set(g.rows.map((r) => r.name)).size).toBe(g.rows.length);
    }
  });

  it("places every row on a fixed level of the central table, with a known 指标性质", () => {
    for (const r of all) {
      expect(levels.get(r.level1)).toContain(r.level2);
      if (r.direction !== undefined) expect(DIRECTION_CHOICES).toContain(r.direction);
      if (r.direction === "定性") expect(r.unit).toBeUndefined();
    }
  });

  it("groups the common indicators by every 二级指标", () => {
    const common = INDICATOR_LIBRARY.filter((g) => g.id.startsWith("common-"));
    const covered = new Set(common.map((g) => g.rows[0].level2));
    expect([...covered].sort()).toEqual(T1_LEVELS.flatMap((l) => l.level2).sort());
    for (const g of common) expect(new Set(g.rows.map((r) => r.level2)).size).toBe(1);
  });

  it("carries the 招商引资 set with its units and qualitative targets", () => {
    const set = INDICATOR_LIBRARY.find((g) => g.id === "investment-promotion")!;
    const by = new Map(set.rows.map((r) => [r.name, r]));
    expect(by.get("引进省外到位资金")).toMatchObject({ level2: "数量指标", unit: "亿元", direction: "≥" });
    expect(by.get("实际利用外资")).toMatchObject({ unit: "万美元" });
    expect(by.get("招商引资工作经费")).toMatchObject({ level2: "成本指标", direction: "≤", unit: "万元" });
    expect(by.get("带动地区就业")).toMatchObject({ target: "有效带动", direction: "定性" });
    expect(by.get("政策长期持续性")).toMatchObject({ level2: "可持续影响指标", target: "长期" });
    expect(by.get("项目实施涉及工作人员满意度")).toMatchObject({ target: "≥90%", level1: "满意度指标" });
    expect(set.rows.length).toBeGreaterThanOrEqual(35);
  });
});
