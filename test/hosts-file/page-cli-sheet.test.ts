/**
 * One sheet choice (REPORT.md "Command line"): the page opens an uploaded workbook on the
 * sheet the command line scores when no --sheet is given, for every reference, corpus and
 * real workbook, and for a workbook where a name with 自评 holds no table.
 */
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import ExcelJS from "exceljs";
import { resolveProfile } from "../../src/core";
import { scoreFile } from "../../src/cli/score-file";
import { realServices } from "../../src/taskpane/real-services";
import { REF } from "../cli/helpers";

const CORPUS = join(REF, "..", "corpus", "workbooks");
const REAL = join(__dirname, "..", "fixtures", "real");
const profile = resolveProfile();

const workbooks = [
  ...readdirSync(REF).map((f) => join(REF, f)),
  ...readdirSync(CORPUS).map((f) => join(CORPUS, f)),
  ...readdirSync(REAL).map((f) => join(REAL, f)),
].filter((f) => /\.xls[xm]$/i.test(f));

/** The sheet the page starts on, or the message it shows for a file it cannot open. */
async function pageSheet(bytes: Uint8Array, name: string): Promise<string | undefined> {
  try {
    return (await realServices.openFile(bytes.slice().buffer, name)).chosenSheet();
  } catch (e) {
    return `error: ${(e as Error).message}`;
  }
}

/** The sheet `jixiao score` scores, or the message it gives for a file it cannot read. */
async function cliSheet(bytes: Uint8Array, name: string): Promise<string | undefined> {
  try {
    return (await scoreFile(bytes, name, { profile })).result.sheet;
  } catch (e) {
    return `error: ${(e as Error).message}`;
  }
}

describe("the page and the command line choose the same sheet", () => {
  it("finds the reference, corpus and real workbooks", () => {
    expect(workbooks.length).toBeGreaterThanOrEqual(4 + 12 + 15);
  });

  it.each(workbooks.map((f) => [f.slice(f.lastIndexOf("/") + 1), f]))(
    "%s",
    async (name, file) => {
      const bytes = new Uint8Array(readFileSync(file));
      expect(await pageSheet(bytes, name)).toBe(await cliSheet(bytes, name));
    },
    60_000,
  );

  it("passes over a sheet named 自评… that holds no table", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      readFileSync(join(REF, "A-donghu-2021-selfeval-blank.xlsx")) as unknown as ArrayBuffer,
    );
    wb.worksheets[0].name = "Sheet1";
    wb.addWorksheet("自评说明").getCell("A1").value = "填表说明：按年度指标值填写。";
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(await cliSheet(bytes, "x.xlsx")).toBe("Sheet1");
    expect(await pageSheet(bytes, "x.xlsx")).toBe("Sheet1");
  }, 60_000);
});
