/**
 * The zip container: every part of every reference and corpus workbook reads as fflate's
 * unzipSync reads it, whether the central directory is plain (parts inflated straight from
 * it) or not (the whole read through fflate).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { unzipSync } from "fflate";
import { PackageBook } from "../../src/hosts/file/workbook";
import { ZipPackage } from "../../src/hosts/file/package/zip";
import { REFERENCE_DIR } from "../support/expected";

const CORPUS_DIR = path.join(REFERENCE_DIR, "..", "corpus", "workbooks");
const WORKBOOKS = [
  ...readdirSync(REFERENCE_DIR).map((f) => path.join(REFERENCE_DIR, f)),
  ...readdirSync(CORPUS_DIR).map((f) => path.join(CORPUS_DIR, f)),
].filter((f) => /\.xls[xm]$/.test(f) && !/zipbomb/.test(f));

/** The same zip with the signature of each local header but the first spoiled: only fflate's own reading copes. */
function unusualDirectory(bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  for (let i = 4; i + 4 <= out.length; i++)
    if (view.getUint32(i, true) === 0x04034b50) view.setUint32(i, 0x04034b51, true);
  return out;
}

describe.each(WORKBOOKS.map((f) => [path.basename(f), f]))("%s", (name, file) => {
  const bytes = new Uint8Array(readFileSync(file));

  test("every part has fflate's bytes, in fflate's order", () => {
    const expected = unzipSync(bytes);
    const pkg = ZipPackage.open(bytes, name);
    expect(pkg.names()).toEqual(Object.keys(expected));
    for (const part of pkg.names())
      expect({ part, same: Buffer.from(pkg.bytes(part)!).equals(expected[part]) }).toEqual({
        part,
        same: true,
      });
  });

  test("a zip whose directory is not plain reads the same sheets and grids", () => {
    const plain = PackageBook.open(bytes, name);
    const odd = PackageBook.open(unusualDirectory(bytes), name);
    expect(odd.sheets).toEqual(plain.sheets);
    for (const s of plain.sheets) expect(odd.grid(s.name)).toEqual(plain.grid(s.name));
  });
});
