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

const CORPUS_DIR = path.join(REFERENCE_DIR, "..", "corpus", "workbooks");
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const profile = resolveProfile("central");

/**
 * The same XML with the SpreadsheetML namespace bound to `x:` instead of being the default:
 * every element in it gets the prefix; elements of other namespaces and all attributes stay.
 */
function prefixed(xml: string): string {
  const p = new SaxesParser({ xmlns: true, position: true });
  const edits: { at: number; len: number; text: string }[] = [];
  let openStart = 0;
  p.on("opentagstart", () => {
    openStart = xml.lastIndexOf("<", p.position - 1);
  });
  p.on("opentag", (tag) => {
    if (tag.uri === MAIN && tag.prefix === "") edits.push({ at: openStart + 1, len: 0, text: "x:" });
  });
  p.on("closetag", (tag) => {
    if (tag.isSelfClosing || tag.uri !== MAIN || tag.prefix !== "") return;
    edits.push({ at: xml.lastIndexOf("</", p.position - 1) + 2, len: 0, text: "x:" });
  });
  p.write(xml).close();
  let out = xml;
  for (const e of edits.sort((a, b) => b.at - a.at))
    out = out.slice(0, e.at) + e.text + out.slice(e.at + e.len);
  return out.replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`);
}

/** A workbook whose workbook, sheet, styles, shared strings and comments parts use the `x:` prefix. */
function prefixedWorkbook(file: string): Uint8Array {
  const book = PackageBook.open(readFileSync(file), path.basename(file));
  let n = 0;
  for (const part of book.pkg.names()) {
    if (!/^xl\/(workbook|styles|sharedStrings|worksheets\/[^/]+|comments\d*)\.xml$/.test(part)) continue;
    const xml = book.pkg.text(part)!;
    if (!xml.includes(`xmlns="${MAIN}"`)) continue;
    book.pkg.setText(part, prefixed(xml));
    n++;
  }
  expect(n).toBeGreaterThanOrEqual(3);
  return book.toBytes();
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
    const bytes = prefixedWorkbook(file);
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
