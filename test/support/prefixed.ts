/**
 * Workbooks whose SpreadsheetML parts bind the main namespace to a prefix
 * (`<x:worksheet xmlns:x="…/main">`), as the Open XML SDK and some converters write them.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { SaxesParser } from "saxes";
import { PackageBook } from "../../src/hosts/file/workbook";

export const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/**
 * The same XML with the SpreadsheetML namespace bound to `x:` instead of being the default:
 * every element in it gets the prefix; elements of other namespaces and all attributes stay.
 */
export function prefixed(xml: string): string {
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

/**
 * A workbook whose workbook, sheet, styles, shared strings and comments parts use the `x:`
 * prefix; `parts`: how many parts were rewritten.
 */
export function prefixedWorkbook(file: string): { bytes: Uint8Array; parts: number } {
  const book = PackageBook.open(readFileSync(file), path.basename(file));
  let parts = 0;
  for (const part of book.pkg.names()) {
    if (!/^xl\/(workbook|styles|sharedStrings|worksheets\/[^/]+|comments\d*)\.xml$/.test(part)) continue;
    const xml = book.pkg.text(part)!;
    if (!xml.includes(`xmlns="${MAIN}"`)) continue;
    book.pkg.setText(part, prefixed(xml));
    parts++;
  }
  return { bytes: book.toBytes(), parts };
}
