/**
 * The shortcuts that keep scoring fast give the same answers as the long way: detection
 * reused from chooseSheet, memoised header words and labels, number-format facts read
 * once, the first row of a shared note found in one pass, and a core linear in rows.
 */
import { readFileSync } from "fs";
import { join } from "path";
import Decimal from "decimal.js";
import { resolveProfile, scoreTable } from "../src/core";
import {
  displayText,
  isDateFormat,
  isPercentFormat,
  normalizeLabel,
  plausible,
  zeroResidue,
} from "../src/core/parse";
import { ruleFromText } from "../src/core/rule-text";
import { loadWorkbook, workbookGrids } from "../src/hosts/file/workbook";
import { analyzeSheet, chooseSheet, type GridSnapshot } from "../src/sheet";
import { headerRole, normalizeHeader } from "../src/sheet/words";
import { row, table } from "./core/fixtures";
import { l1 } from "./sheet/fixtures";
import { REFERENCE_DIR as REFERENCE } from "./support/expected";

const central = resolveProfile("central");

async function referenceGrid(name: string): Promise<GridSnapshot> {
  const wb = await loadWorkbook(readFileSync(join(REFERENCE, `${name}.xlsx`)), `${name}.xlsx`);
  return workbookGrids(wb)[0];
}

describe("detection made by chooseSheet is reused by analyzeSheet", () => {
  const cover = (): GridSnapshot => ({
    sheet: "封面",
    top: 1,
    left: 1,
    cells: [[{ v: "项目支出绩效自评表" }]],
    merges: [],
    hiddenRows: [],
    hiddenCols: [],
  });

  it("gives the same analysis as a fresh detection (LAYOUTS.md decision procedure)", async () => {
    const grid = await referenceGrid("A-donghu-2021-selfeval-filled");
    const fresh = analyzeSheet(structuredClone(grid), { profile: central });
    const sheets = [
      { name: "封面", grid: cover() },
      { name: grid.sheet, grid },
    ];
    expect(chooseSheet(sheets)).toBe(grid.sheet);
    const reused = analyzeSheet(grid, { profile: central });
    expect(reused).toEqual(fresh);
    expect(reused.layout?.layout).toBe("L1");
  });

  it("detects again when the snapshot's cells were replaced after the sheet was chosen", () => {
    const table1 = l1({ sheet: "自评表" });
    expect(
      chooseSheet([
        { name: "封面", grid: cover() },
        { name: "自评表", grid: table1 },
      ]),
    ).toBe("自评表");
    // The same snapshot object, now holding the cover's text only: no table any more.
    Object.assign(table1, { cells: cover().cells });
    const a = analyzeSheet(table1, { profile: central });
    expect(a.layout).toBeNull();
    expect(a.report.diagnostics[0].code).toBe("NO_TABLE_FOUND");
  });

  it("a manual mapping is never answered with the remembered header detection", () => {
    const grid = l1({ sheet: "自评表" });
    chooseSheet([
      { name: "封面", grid: cover() },
      { name: "自评表", grid },
    ]);
    const a = analyzeSheet(grid, { profile: central, mapping: { headerRow: 1, columns: {} } });
    expect(a.layout).toBeNull();
    expect(a.report.diagnostics[0].message).toContain("手动列设置不完整");
  });

  it("one candidate sheet is chosen without looking for a table (REPORT.md: else the first sheet)", () => {
    expect(chooseSheet([{ name: "封面", grid: cover() }])).toBe("封面");
  });
});

describe("layout.cells is built on first read and is an ordinary property to every reader", () => {
  it("reads, JSON, spreading, keys and assignment", () => {
    const a = analyzeSheet(l1({ sheet: "自评表" }), { profile: central });
    const layout = a.layout!;
    expect(Object.keys(layout)).toContain("cells");
    const cells = layout.cells;
    expect(cells).toBe(layout.cells);
    expect(typeof cells).toBe("object");
    expect(Object.keys(cells).length).toBeGreaterThan(10);
    for (const [key, addr] of Object.entries(cells)) {
      expect(key).toMatch(/^(\d+:[a-zA-Z0-9]+|note:[A-Z]+\d+)$/);
      expect(addr).toMatch(/^[A-Z]+\d+$/);
    }
    expect(JSON.parse(JSON.stringify(layout)).cells).toEqual(cells);
    expect({ ...layout }.cells).toEqual(cells);
    // Every planned write names a cell the layout lists (R-WRITE-1).
    const listed = new Set(Object.values(cells));
    for (const w of a.plan.writes) expect(listed.has(w.cell)).toBe(true);
    layout.cells = { "1:name": "A1" };
    expect(layout.cells).toEqual({ "1:name": "A1" });
  });

  it("assigning before any read replaces it", () => {
    const layout = analyzeSheet(l1({ sheet: "自评表" }), { profile: central }).layout!;
    layout.cells = {};
    expect(layout.cells).toEqual({});
    expect(JSON.stringify(layout)).toContain('"cells":{}');
  });
});

describe("memoised texts give the same answers every time", () => {
  it("header words (LAYOUTS.md header words), asked repeatedly", () => {
    for (let i = 0; i < 3; i++) {
      expect(headerRole(" 分值\n（分）")).toBe("weight");
      expect(headerRole("三级指标")).toBe("name");
      expect(headerRole("分值/权重")).toBe("weight");
      expect(headerRole("项目名称")).toBeNull();
      expect(normalizeHeader("偏差原因分析 (含改进措施)：")).toBe("偏差原因分析");
    }
  });

  it("level labels lose their stated weight (R-TOTAL-3), also on the second reading", () => {
    for (let i = 0; i < 2; i++) expect(normalizeLabel("产出指标 （50分）")).toBe("产出指标");
  });

  it("R-TEXT rule texts, asked repeatedly", () => {
    for (let i = 0; i < 2; i++) {
      expect(ruleFromText("达到目标值为满分，否则不得分")).toBe("R-BIN");
      expect(ruleFromText("每有一项不符扣1分")).toBe("judgement");
      expect(ruleFromText("按完成比例计分")).toBe("R-POS");
      expect(ruleFromText("见说明")).toBeNull();
    }
  });

  it("number formats: percent and date facts read once per format", () => {
    for (let i = 0; i < 2; i++) {
      expect(isPercentFormat("0.00%")).toBe(true);
      expect(isPercentFormat('0.00"%"')).toBe(false);
      expect(isDateFormat("yyyy-mm-dd")).toBe(true);
      expect(isDateFormat("[h]:mm:ss")).toBe(false);
      expect(isDateFormat("0%")).toBe(false);
      expect(displayText({ value: 1234567.891, numFmt: "#,##0.00" })).toBe("1,234,567.89");
    }
  });

  it("integers display as written, up to 11 digits; larger ones through 11 significant digits", () => {
    expect(displayText({ value: 12345678901 })).toBe("12345678901");
    expect(displayText({ value: -0 })).toBe("0");
    expect(displayText({ value: -42 })).toBe("-42");
    expect(displayText({ value: 123456789012 })).toBe("123456789010");
    expect(displayText({ value: 0.1 + 0.2 })).toBe("0.3");
  });

  it("R-PARSE-2 plausible range: bounds compared exactly", () => {
    expect(plausible(new Decimal("999999999999999.9"))).toBe(true);
    expect(plausible(new Decimal("1e15"))).toBe(false);
    expect(plausible(new Decimal("-1e15"))).toBe(false);
    expect(plausible(new Decimal("1e-9"))).toBe(true);
    expect(plausible(new Decimal("9.99e-10"))).toBe(true);
    expect(zeroResidue(new Decimal("-1e-9")).toString()).toBe("-1e-9");
    expect(zeroResidue(new Decimal("9.99e-10")).toString()).toBe("0");
    expect(plausible(new Decimal(0))).toBe(true);
    expect(plausible(new Decimal(Infinity))).toBe(false);
    expect(plausible(new Decimal(NaN))).toBe(false);
  });
});

describe("R-DEV draft notes", () => {
  it("a note shared by several rows is written on its first row, even when that row needs no note", () => {
    const shared = { id: "I13", text: null };
    const r = scoreTable(
      table([
        row({ row: 13, name: "甲", target: "10个", actual: "10个", weight: 50, note: shared }),
        row({ row: 14, name: "乙", target: "10个", actual: "5个", weight: 50, note: shared }),
      ]),
      { profile: central },
    );
    const notes = r.writes.filter((w) => w.kind === "note");
    expect(notes).toHaveLength(1);
    expect(notes[0].row).toBe(13);
    expect(String(notes[0].after)).toContain("乙：");
  });

  it("R-DEV: 20 000 rows with a note cell each get one draft per row, each at its own row", () => {
    const rows = Array.from({ length: 20000 }, (_, i) =>
      row({ row: 10 + i, name: `指标${i}`, target: "10个", actual: "5个", weight: 1 }),
    );
    const r = scoreTable(table(rows), { profile: central });
    const notes = r.writes.filter((w) => w.kind === "note");
    expect(notes).toHaveLength(20000);
    expect(notes.every((w, i) => w.row === 10 + i)).toBe(true);
  });
});
