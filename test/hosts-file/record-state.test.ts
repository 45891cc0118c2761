/**
 * R-WRITE-6: the record sheet stays very hidden. LibreOffice has no very hidden sheets and
 * saves `_jixiao` as `state="hidden"`, where 取消隐藏 shows it; the next write through the
 * file host (restore, or scoring again) makes it very hidden again, touching nothing else of
 * the workbook part.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { resolveProfile } from "../../src/core";
import { PackageBook, restoreLatest } from "../../src/hosts/file/workbook";
import { RECORD_SHEET } from "../../src/sheet";
import { REFERENCE_DIR } from "../support/expected";
import { prefixedWorkbook } from "../support/prefixed";
import { scoreWorkbook } from "../support/score";

const profile = resolveProfile("central");
const A = path.join(REFERENCE_DIR, "A-donghu-2021-selfeval-blank.xlsx");

/** The scored copy of `input` with the record sheet only hidden, as LibreOffice saves it. */
async function hiddenRecordCopy(input: Uint8Array): Promise<Uint8Array> {
  const { output } = await scoreWorkbook(input, "a.xlsx", { profile, out: true });
  const book = PackageBook.open(output!, "a.xlsx");
  const wb = book.pkg.text("xl/workbook.xml")!;
  expect(wb).toContain('state="veryHidden"');
  book.pkg.setText("xl/workbook.xml", wb.replace('state="veryHidden"', 'state="hidden"'));
  return book.toBytes();
}

const stateOf = (bytes: Uint8Array) =>
  PackageBook.open(bytes, "a.xlsx").sheets.find((s) => s.name === RECORD_SHEET)?.state;

describe.each([
  ["plain", () => new Uint8Array(readFileSync(A))],
  ["prefixed", () => prefixedWorkbook(A).bytes],
])("record sheet saved as hidden (%s SpreadsheetML)", (_kind, input) => {
  test("restore makes it very hidden again; the rest of the workbook part is unchanged", async () => {
    const bytes = await hiddenRecordCopy(input());
    expect(stateOf(bytes)).toBe("hidden");
    const book = PackageBook.open(bytes, "a.xlsx");
    const before = book.pkg.text("xl/workbook.xml")!;
    expect(restoreLatest(book).restored).toBeGreaterThan(0);
    const after = book.toBytes();
    expect(stateOf(after)).toBe("veryHidden");
    const wb = PackageBook.open(after, "a.xlsx").pkg.text("xl/workbook.xml")!;
    expect(wb).toBe(before.replace('state="hidden"', 'state="veryHidden"'));
  });

  test("scoring again makes it very hidden again", async () => {
    // Scored and restored: the record sheet is there, the cells are empty again.
    const book = PackageBook.open(await hiddenRecordCopy(input()), "a.xlsx");
    restoreLatest(book);
    const wb = book.pkg.text("xl/workbook.xml")!;
    book.pkg.setText("xl/workbook.xml", wb.replace('state="veryHidden"', 'state="hidden"'));
    const bytes = book.toBytes();
    expect(stateOf(bytes)).toBe("hidden");
    const { output, analysis } = await scoreWorkbook(bytes, "a.xlsx", { profile, out: true });
    expect(analysis.plan.writes.length).toBeGreaterThan(0);
    expect(stateOf(output!)).toBe("veryHidden");
  });
});
