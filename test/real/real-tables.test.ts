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
import { scoreWorkbook } from "../../src/hosts/file/workbook";
import { analyzeSheet } from "../../src/sheet";
import type { Report } from "../../src/sheet/types";
import { checkReport } from "../support/expected";
import {
  fixtureIds,
  gridOf,
  readDescription,
  readRealExpected,
  workbookBytes,
  type RealExpected,
} from "./fixtures";

/** Fixture → the rule of LAYOUTS.md / SCORING.md that the reader does not meet yet on it. */
export const PENDING: Record<string, string> = {
  "sc-daying-2023":
    "LAYOUTS step 7: two tables on one sheet; R-PARSE-9: 完成 as the actual of a numeric target",
  "ah-huoqiu-2022":
    "R-QUAL/R-PARSE-9: a filled score on a 2022年底之前 row whose actual is 达成预期指标 still asks for judgement",
};

const profile = resolveProfile("central");

/** Checks a run against the expectation (one table, or the first table of several until the flow reports each). */
function check(reports: Report[], exp: RealExpected): void {
  if (exp.tables) {
    expect(reports.length).toBe(exp.tables.length);
    exp.tables.forEach((t, i) => checkReport(reports[i], t));
  } else {
    expect(reports.length).toBe(1);
    checkReport(reports[0], exp);
  }
}

async function reportsOf(id: string): Promise<Report[]> {
  const { analysis } = await scoreWorkbook(workbookBytes(id), `${id}.xlsx`, { profile });
  return [analysis.report];
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
      const [fromFile] = await reportsOf(id);
      const fromGrid = analyzeSheet(gridOf(readDescription(id)), { profile, file: `${id}.xlsx` }).report;
      expect(JSON.stringify(fromGrid)).toBe(JSON.stringify(fromFile));
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
