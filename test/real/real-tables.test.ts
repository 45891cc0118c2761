/**
 * Real published 自评表 (test/fixtures/real, SOURCES.md there) read from their workbooks and
 * scored with the default profile: every field of the hand-written expectation must hold
 * (LAYOUTS.md, SCORING.md; fields as in ../shared/reference/README.md).
 *
 * A fixture whose expectation the reader cannot meet yet is listed in PENDING with the rule it
 * waits for; the test then checks that it still fails, so that the list cannot silently rot:
 * when it starts to pass, move it out of PENDING.
 */
import { resolveProfile } from "../../src/core";
import { gridFromWorksheet, loadWorkbook } from "../support/exceljs-reader";
import { scoreWorkbook } from "../support/score";
import { analyzeTables } from "../../src/sheet";
import type { Report } from "../../src/sheet/types";
import { checkReport } from "../support/expected";
import {
  fixtureIds,
  gridOf,
  PENDING,
  readDescription,
  readRealExpected,
  workbookBytes,
  type RealExpected,
} from "./fixtures";

const profile = resolveProfile("central");

/** Checks a run against the expectation: one report, or one per table (LAYOUTS.md step 7). */
function check(reports: Report[], exp: RealExpected): void {
  const tables = exp.tables ?? [exp];
  expect(reports.length).toBe(tables.length);
  tables.forEach((t, i) => {
    expect(reports[i].table ?? 1).toBe(i + 1);
    checkReport(reports[i], t);
  });
}

/** Every table of the workbook's sheet, read through the file host. */
async function reportsOf(id: string): Promise<Report[]> {
  const wb = await loadWorkbook(workbookBytes(id), `${id}.xlsx`);
  const grid = gridFromWorksheet(wb.worksheets[0]);
  return analyzeTables(grid, { profile, file: `${id}.xlsx` }).map((a) => a.report);
}

const ids = fixtureIds();

describe("real published tables", () => {
  test("at least 15 tables, every one described, built and expected", () => {
    expect(ids.length).toBeGreaterThanOrEqual(15);
    for (const id of ids) expect(readDescription(id).id).toBe(id);
    for (const id of Object.keys(PENDING)) expect(ids).toContain(id);
  });

  describe.each(ids.filter((id) => !(id in PENDING)))("%s", (id) => {
    test("scores as derived by hand from the spec and the published figures", async () => {
      check(await reportsOf(id), readRealExpected(id));
    });

    test("the workbook and its description read the same (file host against the snapshot)", async () => {
      const fromFile = await reportsOf(id);
      const fromGrid = analyzeTables(gridOf(readDescription(id)), { profile, file: `${id}.xlsx` });
      expect(JSON.stringify(fromGrid.map((a) => a.report))).toBe(JSON.stringify(fromFile));
    });

    test("the command line's scoring of the first table agrees (scoreWorkbook)", async () => {
      const { analysis } = await scoreWorkbook(workbookBytes(id), `${id}.xlsx`, { profile });
      const [first] = await reportsOf(id);
      expect(JSON.stringify(analysis.report)).toBe(JSON.stringify(first));
    });
  });

  for (const [id, why] of Object.entries(PENDING)) {
    test(`${id} still fails (pending: ${why}); move it out of PENDING when it passes`, async () => {
      const reports = await reportsOf(id);
      let failed = false;
      try {
        check(reports, readRealExpected(id));
      } catch {
        failed = true;
      }
      expect({ id, stillFails: failed }).toEqual({ id, stillFails: true });
    });
  }
});
