/**
 * R-WRITE-1 for packages whose SpreadsheetML parts use a namespace prefix
 * (`<x:worksheet xmlns:x="…/main">`, as the Open XML SDK and some converters write them):
 * reading sees the same table, and every element the scored copy adds (cells, rows, styles,
 * notes' `<legacyDrawing>`, the record sheet's `<sheet>`) is in the SpreadsheetML namespace.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { SaxesParser } from "saxes";
import { resolveProfile } from "../../src/core";
import { PackageBook, restoreLatest } from "../../src/hosts/file/workbook";
import { scoreWorkbook } from "../support/score";
import { RECORD_SHEET } from "../../src/sheet";
import { REFERENCE_DIR } from "../support/expected";
import { text, unzip } from "../support/package-diff";
import { prefixedWorkbook } from "../support/prefixed";

const CORPUS_DIR = path.join(REFERENCE_DIR, "..", "corpus", "workbooks");
const profile = resolveProfile("central");

/** A prefixed copy of `file`, with at least the workbook, a sheet and the styles rewritten. */
function prefixedCopy(file: string): Uint8Array {
  const { bytes, parts } = prefixedWorkbook(file);
  expect(parts).toBeGreaterThanOrEqual(3);
  return bytes;
}

/** Elements of a part that are not in a namespace they should be: unprefixed names without a default namespace. */
function elementsOutsideNamespaces(xml: string): string[] {
  const out: string[] = [];
  const p = new SaxesParser({ xmlns: true });
  p.on("opentag", (tag) => {
    if (!tag.uri) out.push(tag.name);
  });
  p.write(xml).close();
  return out;
}

describe.each([
  ["A-donghu-2021-selfeval-blank.xlsx", path.join(REFERENCE_DIR, "A-donghu-2021-selfeval-blank.xlsx")],
  ["c13c_textbox_shape_lo.xlsx", path.join(CORPUS_DIR, "c13c_textbox_shape_lo.xlsx")],
])("%s with prefixed SpreadsheetML parts", (_name, file) => {
  test("R-WRITE-1: the same plan; the copy's new elements are SpreadsheetML; restore returns every cell", async () => {
    const plain = new Uint8Array(readFileSync(file));
    const bytes = prefixedCopy(file);
    const a = await scoreWorkbook(plain, "a.xlsx", { profile, out: true });
    const b = await scoreWorkbook(bytes, "b.xlsx", { profile, out: true });
    expect(b.analysis.plan.writes).toEqual(a.analysis.plan.writes);
    expect(b.analysis.plan.writes.length).toBeGreaterThan(0);

    const parts = unzip(b.output!);
    for (const [name, data] of Object.entries(parts)) {
      if (!/\.(xml|rels)$/.test(name)) continue;
      expect({ name, outside: elementsOutsideNamespaces(text(data)) }).toEqual({ name, outside: [] });
    }
    // Every cell element of the scored sheet is a SpreadsheetML `c`, with the planned values.
    const out = PackageBook.open(b.output!, "b.xlsx");
    const sheetXml = out.sheetXml(b.analysis.plan.sheet);
    expect(sheetXml).not.toMatch(/<(c|row|v|f|is|legacyDrawing)[\s>/]/);
    const grid = out.grid(b.analysis.plan.sheet);
    const expected = a.grid && PackageBook.open(a.output!, "a.xlsx").grid(a.analysis.plan.sheet);
    expect(grid.cells).toEqual(expected!.cells);
    expect(out.sheets.find((s) => s.name === RECORD_SHEET)?.state).toBe("veryHidden");

    // 撤销 from the record returns the prefixed input's cells exactly.
    restoreLatest(out);
    const again = PackageBook.open(out.toBytes(), "b.xlsx");
    expect(again.grid(b.analysis.plan.sheet).cells).toEqual(
      PackageBook.open(bytes, "b.xlsx").grid(b.analysis.plan.sheet).cells,
    );
  });
});
