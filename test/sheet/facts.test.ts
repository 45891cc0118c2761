/** Header facts of a table (title, 项目名称, 主管部门, 实施单位, unit, 年度总体目标, budget amounts, notes). */
import { readFileSync } from "fs";
import { join } from "path";
import { gridFromWorksheet, loadWorkbook } from "../support/exceljs-reader";
import { resolveProfile } from "../../src/core";
import {
  analyzeTables,
  chooseSheet,
  detectLayout,
  type DetectedLayout,
  type GridSnapshot,
} from "../../src/sheet";
import { projectFromTitle, tableFacts } from "../../src/sheet/facts";
import { REFERENCE_DIR } from "../support/expected";
import { build } from "./grid-builder";
import { L1_HEADER } from "../support/headers";

const CORPUS_DIR = join(__dirname, "..", "..", "..", "shared", "corpus", "workbooks");

async function read(file: string): Promise<GridSnapshot> {
  const wb = await loadWorkbook(readFileSync(file), file);
  const sheets = wb.worksheets.map((ws) => ({ name: ws.name, grid: gridFromWorksheet(ws) }));
  const chosen = chooseSheet(sheets);
  return sheets.find((s) => s.name === chosen)!.grid;
}

function layoutOf(grid: GridSnapshot): DetectedLayout {
  const l = detectLayout(grid);
  if ("missing" in l) throw new Error(`no table: ${l.missing.join(",")}`);
  return l;
}

describe("tableFacts on the reference workbooks", () => {
  test("A: project, units, unit 万元, goal, budget block, merged note over rows 13–16", async () => {
    const grid = await read(join(REFERENCE_DIR, "A-donghu-2021-selfeval-blank.xlsx"));
    const f = tableFacts(grid, layoutOf(grid));
    expect(f.title).toBe("项目支出绩效自评表");
    expect(f.year).toBe("2021");
    expect(f.projectName).toBe("招商引资专项经费");
    expect(f.projectNameFrom).toBe("header");
    expect(f.department).toBe("东湖区投资促进局");
    expect(f.implementer).toBe("东湖区投资促进局");
    expect(f.unit).toBe("万元");
    expect(f.cells).toMatchObject({ projectName: "B3", department: "B4", implementer: "F4", unit: "A5" });
    expect(f.goal?.expected).toMatch(/^以构建开放型经济新体制综合试验为契机/);
    expect(f.goal?.actual).toMatch(/^区委区政府主要领导赴北京/);
    expect(f.cells.goalExpected).toBe("B11");
    expect(f.cells.goalActual).toBe("F11");
    expect(f.budget?.total).toEqual({
      row: 6,
      label: "年度资金总额",
      planned: 207,
      budget: 207,
      adjusted: null,
      executed: 170.69,
    });
    expect(f.budget?.rows.map((r) => r.label)).toEqual(["其中：当年财政拨款", "上年结转资金", "其他资金"]);
    for (const r of [13, 14, 15, 16])
      expect(f.notes[r]).toEqual({ row: r, cell: "I13", text: "招商基础较差。下一步将优化招商政策和措施。" });
    expect(f.notes[19]).toEqual({ row: 19, cell: "I19", text: null });
    expect(f.budgetReason).toBeNull();
  });

  test("D: no header rows; the project name and year come from the title", async () => {
    const grid = await read(join(REFERENCE_DIR, "D-yuzhong-2019-selfeval.xlsx"));
    const f = tableFacts(grid, layoutOf(grid));
    expect(f.title).toBe("渝中区招商引资专项经费项目绩效自评表（2019年度）");
    expect(f.projectName).toBe("渝中区招商引资专项经费");
    expect(f.projectNameFrom).toBe("title");
    expect(f.year).toBe("2019");
    expect(f.department).toBeNull();
    expect(f.implementer).toBeNull();
    expect(f.unit).toBeNull();
    expect(f.goal).toBeNull();
    expect(f.budget).toBeNull();
    expect(f.notes[8]).toEqual({ row: 8, cell: "H8", text: null });
  });

  test("C: an evaluation scoring sheet titled with the year and the fund's name", async () => {
    const grid = await read(join(REFERENCE_DIR, "C-yiyang-2024-scoresheet.xlsx"));
    const f = tableFacts(grid, layoutOf(grid));
    expect(f.year).toBe("2024");
    expect(f.projectName).toBe("开放型经济发展与三产业发展引导资金暨招商引资考核专项经费");
    expect(f.projectNameFrom).toBe("title");
    expect(f.notes).toEqual({});
  });

  test.each([
    ["c08_two_tables_side_by_side.xlsx", ["B3", "L3"], [170.69, 200]],
    ["c07_two_tables_vertical.xlsx", ["B3", "B35"], [170.69, 200]],
  ])("%s: each table keeps to its own header rows (the reader's range)", async (file, cells, executed) => {
    const grid = await read(join(CORPUS_DIR, file));
    const tables = analyzeTables(grid, { profile: resolveProfile("central") });
    expect(tables).toHaveLength(2);
    const facts = tables.map((a) => tableFacts(grid, a.layout, a.report.range));
    expect(facts.map((f) => f.projectName)).toEqual(["招商引资专项经费", "第二个项目经费"]);
    expect(facts.map((f) => f.cells.projectName)).toEqual(cells);
    expect(facts.map((f) => f.budget?.total?.executed)).toEqual(executed);
    expect(facts.map((f) => f.unit)).toEqual(["万元", "万元"]);
  });

  test("without the range, a table beside another still keeps to its columns", async () => {
    const grid = await read(join(CORPUS_DIR, "c08_two_tables_side_by_side.xlsx"));
    const [, right] = analyzeTables(grid, { profile: resolveProfile("central") });
    expect(tableFacts(grid, right.layout).projectName).toBe("第二个项目经费");
  });
});

describe("tableFacts: wording families of header rows", () => {
  // A minimal indicator block under the header rows given.
  const block = [
    [...L1_HEADER],
    ["产出指标", "数量指标", "培训人次", "100人次", "90人次", 100, null],
    ["总分", null, null, null, null, 100, null],
  ];
  const factsOf = (header: (string | null)[][], merges: string[] = []) => {
    const grid = build([...header, ...block], { merges });
    return tableFacts(grid, layoutOf(grid));
  };

  test.each([
    [[["项目名称：农村公路养护"]], "农村公路养护"],
    [[["项目名称:", "农村公路养护"]], "农村公路养护"],
    [[["项 目 名 称", null, "农村公路养护"]], "农村公路养护"],
    [[["项目名称（全称）", "农村公路\n养护"]], "农村公路养护"],
  ])("项目名称 as %j", (header, name) => {
    const f = factsOf(header);
    expect(f.projectName).toBe(name);
    expect(f.projectNameFrom).toBe("header");
  });

  test("主管部门 / 预算单位 on one row, unit in a （单位：万元） line", () => {
    const f = factsOf([
      ["2023年度项目支出绩效自评表"],
      [null, null, null, null, null, "（单位：万元）"],
      ["项目名称", "农村公路养护", null, null, null, null, null],
      ["主管部门", "县交通运输局", null, "预算单位", "县公路事务中心", null, null],
    ]);
    expect(f).toMatchObject({
      year: "2023",
      projectName: "农村公路养护",
      department: "县交通运输局",
      implementer: "县公路事务中心",
      unit: "万元",
    });
  });

  test("资金单位 in the title; goal text beside its label, no sub-headers", () => {
    const f = factsOf([
      ["项目支出绩效自评表（资金单位：元）"],
      ["项目名称", "农村公路养护"],
      ["年度总体目标", "完成100公里农村公路养护"],
    ]);
    expect(f.unit).toBe("元");
    expect(f.goal).toEqual({ expected: "完成100公里农村公路养护", actual: null });
  });

  test("goal with inline 预期目标： / 实际完成情况： texts", () => {
    const f = factsOf([
      ["项目名称", "农村公路养护"],
      ["年度总体目标", "预期目标：完成100公里", null, null, "实际完成情况：完成90公里"],
    ]);
    expect(f.goal).toEqual({ expected: "完成100公里", actual: "完成90公里" });
  });

  test("a title that only names the kind of table gives no project name", () => {
    const f = factsOf([["项目支出绩效自评表"], ["（2022年度）"]]);
    expect(f.projectName).toBeNull();
    expect(f.year).toBe("2022");
  });

  test("no table found: the first rows are still searched", () => {
    const grid = build([["项目名称", "某项目"], ["主管部门", "某局"], ["随便写的内容"]]);
    const f = tableFacts(grid, null);
    expect(f.projectName).toBe("某项目");
    expect(f.department).toBe("某局");
    expect(f.notes).toEqual({});
  });

  test("an empty snapshot gives no facts and does not throw", () => {
    const f = tableFacts(
      { sheet: "S", top: 1, left: 1, cells: [], merges: [], hiddenRows: [], hiddenCols: [] },
      null,
    );
    expect(f.projectName).toBeNull();
  });
});

describe("projectFromTitle", () => {
  test.each([
    ["渝中区招商引资专项经费项目绩效自评表（2019年度）", "渝中区招商引资专项经费"],
    ["2021年度农村公路养护项目支出绩效自评表", "农村公路养护"],
    ["2024年度开放型经济发展引导资金项目资金部门评价指标体系评分表", "开放型经济发展引导资金"],
    ["项目支出绩效自评表", null],
    ["部门整体支出绩效自评表", null],
    ["说明", null],
  ])("%s → %s", (title, name) => {
    expect(projectFromTitle(title)).toBe(name);
  });
});
