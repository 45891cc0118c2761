/**
 * Choosing the sheet of a large workbook without reading every sheet whole (REPORT.md "Command
 * line": the sheet named 自评表/评分表/自评, else the first holding a table): the rule runs on
 * each sheet's first rows, and only the chosen sheet is read whole. Unchanged parts of a scored
 * copy are copied as the input stores them.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { resolveProfile } from "../../src/core";
import { chooseBookSheet, PackageBook } from "../../src/hosts/file/workbook";
import { scoreWorkbook } from "../support/score";
import { REFERENCE_DIR } from "../support/expected";
import { unzip } from "../support/package-diff";

const BLANK = path.join(REFERENCE_DIR, "A-donghu-2021-selfeval-blank.xlsx");
const profile = resolveProfile("central");

/** A data sheet of `rows` rows × 4 columns (numbers and short texts), no table. */
function dataSheetXml(rows: number): string {
  const out: string[] = [];
  for (let r = 1; r <= rows; r++)
    out.push(
      `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>明细${r % 97}</t></is></c><c r="B${r}"><v>${r}</v></c>` +
        `<c r="C${r}"><v>${(r * 7) % 1000}</v></c><c r="D${r}" t="inlineStr"><is><t>单位${r % 13}</t></is></c></row>`,
    );
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${out.join("")}</sheetData></worksheet>`
  );
}

/**
 * The blank reference with its table sheet renamed `tableSheet` and sheets added before it
 * (in the workbook's tab order).
 */
function workbookWith(before: { name: string; xml: string }[], tableSheet: string): Uint8Array {
  const book = PackageBook.open(readFileSync(BLANK), "t.xlsx");
  for (const s of before) book.addSheet(s.name, s.xml, "visible");
  let wb = book.pkg.text(book.workbookPath)!;
  const m = /<sheets>([\s\S]*)<\/sheets>/.exec(wb)!;
  const tags = m[1].match(/<sheet [^>]*\/>/g)!;
  const reordered = [...tags.slice(1), tags[0].replace('name="自评表"', `name="${tableSheet}"`)];
  wb = wb.replace(m[1], reordered.join(""));
  book.pkg.setText(book.workbookPath, wb);
  return book.toBytes();
}

/** Names of the sheets read whole while `run` runs. */
function wholeReads(run: () => void): string[] {
  const spy = jest.spyOn(PackageBook.prototype, "grid");
  try {
    run();
    return spy.mock.calls.map((c) => c[0] as string);
  } finally {
    spy.mockRestore();
  }
}

describe("sheet choice on each sheet's first rows", () => {
  const big = { name: "明细", xml: dataSheetXml(6000) };
  const notes = { name: "说明", xml: dataSheetXml(3) };

  test("a large data sheet before the table sheet is only peeked at; the table sheet alone is read whole", () => {
    const bytes = workbookWith([big, notes], "Sheet1");
    const book = PackageBook.open(bytes, "t.xlsx");
    expect(book.sheets.map((s) => s.name)).toEqual(["明细", "说明", "Sheet1"]);
    let chosen: string | null = null;
    const reads = wholeReads(() => {
      chosen = chooseBookSheet(book, 64 * 1024);
    });
    expect(chosen).toBe("Sheet1");
    expect(reads).not.toContain("明细");
    expect(book.pkg.size(book.sheet("明细")!.path)).toBeGreaterThan(64 * 1024);
  });

  test("a sheet named 自评表 is chosen without reading the others", () => {
    const book = PackageBook.open(workbookWith([big], "自评表"), "t.xlsx");
    const reads = wholeReads(() => expect(chooseBookSheet(book, 64 * 1024)).toBe("自评表"));
    expect(reads).toEqual(["自评表"]);
  });

  test("a table below every sheet's peek is still found: then the sheets are read whole", () => {
    // 2 KB of the table sheet ends before its indicator header (row 11 onwards).
    const book = PackageBook.open(workbookWith([notes, big], "Sheet1"), "t.xlsx");
    expect(book.peek("Sheet1", 2048).whole).toBe(false);
    expect(chooseBookSheet(book, 2048)).toBe("Sheet1");
  });

  test("a peek is the start of the sheet: its cells are the whole sheet's cells in those rows", () => {
    const book = PackageBook.open(workbookWith([big], "Sheet1"), "t.xlsx");
    const { grid, whole } = book.peek("明细", 32 * 1024);
    expect(whole).toBe(false);
    const full = book.grid("明细");
    expect(grid.cells.length).toBeGreaterThan(50);
    expect(grid.cells.length).toBeLessThan(full.cells.length);
    // The last row of the peek may be cut: every row before it is whole.
    for (let r = 0; r < grid.cells.length - 1; r++) expect(grid.cells[r]).toEqual(full.cells[r]);
  });

  test("scoring chooses the same sheet as before, with the big sheet in front", async () => {
    const bytes = workbookWith([big, notes], "Sheet1");
    const r = await scoreWorkbook(bytes, "t.xlsx", { profile, out: true });
    expect(r.grid.sheet).toBe("Sheet1");
    expect(r.analysis.plan.writes).toHaveLength(20);
  });
});

describe("R-WRITE-1: unchanged parts are copied as the input stores them", () => {
  /** The compressed bytes of each part as stored (local header data), read independently of the code under test. */
  function storedData(bytes: Uint8Array): Map<string, Uint8Array> {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const out = new Map<string, Uint8Array>();
    let at = 0;
    while (at + 30 <= bytes.length && view.getUint32(at, true) === 0x04034b50) {
      const flags = view.getUint16(at + 6, true);
      const nameLength = view.getUint16(at + 26, true);
      const extraLength = view.getUint16(at + 28, true);
      const name = new TextDecoder().decode(bytes.subarray(at + 30, at + 30 + nameLength));
      const start = at + 30 + nameLength + extraLength;
      if (flags & 8) return out; // sizes in a data descriptor: stop here (what was read is enough)
      const size = view.getUint32(at + 18, true);
      out.set(name, bytes.subarray(start, start + size));
      at = start + size;
    }
    return out;
  }

  test.each(["A-donghu-2021-selfeval-blank.xlsx", "C-yiyang-2024-scoresheet.xlsx"])("%s", async (name) => {
    const input = new Uint8Array(readFileSync(path.join(REFERENCE_DIR, name)));
    const r = await scoreWorkbook(input, name, { profile, out: true });
    const changed = new Set(["xl/workbook.xml", "xl/styles.xml", "[Content_Types].xml"]);
    const before = storedData(input);
    expect(before.size).toBeGreaterThan(3);
    const out = Buffer.from(r.output!);
    const inflatedIn = unzip(input);
    const inflatedOut = unzip(r.output!);
    let copied = 0;
    for (const [part, data] of before) {
      if (changed.has(part) || part.startsWith("xl/worksheets/") || part.endsWith(".rels")) continue;
      if (data.length < 16) continue;
      expect(Buffer.from(inflatedOut[part])).toEqual(Buffer.from(inflatedIn[part]));
      expect(out.indexOf(Buffer.from(data))).toBeGreaterThan(0);
      copied++;
    }
    expect(copied).toBeGreaterThan(0);
  });
});
