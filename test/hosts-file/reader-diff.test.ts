/**
 * Differential test of the package reader against exceljs (the reader the file host used
 * before): over every workbook of ../shared/reference, ../shared/corpus, the hostile corpus and
 * the real-table fixtures, every sheet's grid agrees cell by cell — values, formulas, number
 * formats, errors — and in merges and hidden rows. The one intended difference: cells an array
 * or data-table formula covers are formula cells in the package reader (R-WRITE-3), where
 * exceljs sees only the first.
 */
import { readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { unzipSync } from "fflate";
import { PackageBook } from "../../src/hosts/file/workbook";
import { address, parseRange, RECORD_SHEET } from "../../src/sheet";
import type { GridCell, GridSnapshot } from "../../src/sheet/types";
import { makeCorpus } from "../corpus/make-corpus";
import * as excel from "../support/exceljs-reader";
import { REFERENCE_DIR } from "../support/expected";

const CORPUS = path.join(REFERENCE_DIR, "..", "corpus", "workbooks");
const REAL = path.join(__dirname, "..", "fixtures", "real");
const HOSTILE = path.join(os.tmpdir(), `jixiao-reader-diff-${process.pid}`);

const list = (dir: string) => {
  try {
    return readdirSync(dir)
      .filter((f) => /\.xls[xm]$/i.test(f) && !/zipbomb|big-50mb/.test(f))
      .sort()
      .map((f) => path.join(dir, f));
  } catch {
    return [];
  }
};

let hostile: string[] = [];
beforeAll(async () => {
  const made = await makeCorpus(HOSTILE);
  hostile = made.filter((f) => f.name !== "big-50mb.xlsx").map((f) => f.path);
}, 120_000);
afterAll(() => rmSync(HOSTILE, { recursive: true, force: true }));

function cellMap(g: GridSnapshot): Map<string, GridCell> {
  const m = new Map<string, GridCell>();
  g.cells.forEach((row, r) =>
    row.forEach((c, k) => {
      if (c) m.set(address(g.top + r, g.left + k), c);
    }),
  );
  return m;
}

const canon = (c: GridCell | undefined) =>
  c === undefined
    ? null
    : JSON.stringify({
        v:
          c.v instanceof Date
            ? { date: c.v.getTime() }
            : typeof c.v === "number" && Number.isNaN(c.v)
              ? "NaN"
              : c.v,
        f: c.f ?? null,
        fmt: c.fmt ?? null,
        err: !!c.err,
      });

/** Cells covered by array or data-table formulas, from the sheet part itself. */
function arrayCells(bytes: Uint8Array, book: PackageBook, sheet: string): Set<string> {
  const xml = new TextDecoder().decode(
    unzipSync(bytes, { filter: (f) => f.name === book.sheet(sheet)!.path })[book.sheet(sheet)!.path],
  );
  const out = new Set<string>();
  for (const m of xml.matchAll(/<(?:\w+:)?f\b[^>]*\bt="(?:array|dataTable)"[^>]*\bref="([^"]+)"/g)) {
    const r = parseRange(m[1]);
    if (!r) continue;
    for (let row = r.top; row <= r.bottom; row++)
      for (let c = r.left; c <= r.right; c++) out.add(address(row, c));
  }
  return out;
}

async function compare(file: string): Promise<void> {
  const bytes = new Uint8Array(readFileSync(file));
  let book: PackageBook;
  let wb: Awaited<ReturnType<typeof excel.loadWorkbook>>;
  try {
    wb = await excel.loadWorkbook(bytes, path.basename(file));
  } catch {
    // exceljs cannot read it: the package reader must refuse it too, or read it without crashing.
    try {
      const b = PackageBook.open(bytes, path.basename(file));
      for (const s of b.sheets) b.grid(s.name);
    } catch (e) {
      expect((e as Error).name).toBe("FileReadError");
    }
    return;
  }
  book = PackageBook.open(bytes, path.basename(file));
  const names = wb.worksheets.map((ws) => ws.name).filter((n) => n !== RECORD_SHEET);
  expect(book.sheets.map((s) => s.name).filter((n) => n !== RECORD_SHEET)).toEqual(names);
  for (const name of names) {
    const old = excel.gridFromWorksheet(wb.getWorksheet(name)!);
    const now = book.grid(name);
    const covered = arrayCells(bytes, book, name);
    const a = cellMap(old);
    const b = cellMap(now);
    const differ: string[] = [];
    for (const cell of new Set([...a.keys(), ...b.keys()])) {
      const x = a.get(cell);
      const y = b.get(cell);
      if (covered.has(cell) && y?.f !== undefined && x?.f === undefined) {
        // R-WRITE-3: the package reader marks the whole array range.
        if ((x?.v ?? null) !== (y.v ?? null) && !(x?.v instanceof Date)) differ.push(`${name}!${cell} value`);
        continue;
      }
      if (canon(x) !== canon(y)) differ.push(`${name}!${cell}: ${canon(x)} → ${canon(y)}`);
    }
    expect(differ).toEqual([]);
    const key = (m: { top: number; left: number; bottom: number; right: number }) =>
      `${m.top},${m.left},${m.bottom},${m.right}`;
    expect(now.merges.map(key).sort()).toEqual(old.merges.map(key).sort());
    expect([...now.hiddenRows].sort((p, q) => p - q)).toEqual([...old.hiddenRows].sort((p, q) => p - q));
    expect(now.hiddenCols).toEqual(old.hiddenCols);
  }
}

describe("package reader = exceljs, cell by cell", () => {
  test.each(list(REFERENCE_DIR).map((f) => [path.basename(f), f]))("reference %s", async (_n, f) =>
    compare(f),
  );
  test.each(list(CORPUS).map((f) => [path.basename(f), f]))("corpus %s", async (_n, f) => compare(f));
  test.each(list(REAL).map((f) => [path.basename(f), f]))("real %s", async (_n, f) => compare(f));
  test("the hostile corpus", async () => {
    expect(hostile.length).toBeGreaterThan(10);
    for (const f of hostile) await compare(f);
  }, 300_000);
});
