/**
 * A district's folder of 自评表 for `jixiao review` at scale: N workbooks made with a fixed seed
 * from the reference workbooks (../shared/reference) and the real published tables
 * (test/fixtures/real). Each copy varies the figures (actual values, 执行数, now and then a
 * written total), moves the table (rows above, columns to the left), and some workbooks hold
 * two tables one under the other, a second table on another sheet, or a sheet of notes; a
 * few are broken (empty, text, cut short, a zip that is no workbook).
 *
 *   node -r ./scripts/bench/register.cjs scripts/review-corpus.ts <dir> [n] [--seed s]
 *
 * writes the workbooks into sub-folders of <dir> and prints the manifest (JSON): per file the
 * number of tables it holds (0: none, the review lists it as a P0 row) or that it is broken.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { zipSync, strToU8 } from "fflate";
import { resolveProfile } from "../src/core";
import { analyzeTables } from "../src/sheet";
import { parseAddress, columnLetters } from "../src/sheet/address";
import { loadWorkbook, workbookGrids } from "../src/hosts/file/workbook";

const ROOT = path.resolve(__dirname, "..");
export const REFERENCE_DIR = path.resolve(ROOT, "../shared/reference");
export const REAL_DIR = path.join(ROOT, "test/fixtures/real");
export const DEFAULT_SEED = 20261201;
const FIXED = new Date(Date.UTC(2026, 0, 1));

type Value = number | string | boolean | Date;
interface Cell {
  v: Value;
  fmt?: string;
}

/** One sheet of a source workbook: its cells, merges and what may be varied. */
interface SourceSheet {
  name: string;
  /** `row,col` (1-based) → cell. */
  cells: Map<string, Cell>;
  rows: number;
  cols: number;
  merges: string[];
  /** Tables the reader finds on the sheet as published. */
  tables: number;
  /** Numeric cells that carry figures: actual values, 执行数 of the budget rows. */
  figures: string[];
  /** The written total of each table. */
  totals: string[];
}

interface Source {
  name: string;
  sheets: SourceSheet[];
}

export interface CorpusFile {
  /** Path relative to the folder, `/`-separated (as the 问题清单 names it). */
  file: string;
  /** Tables in the workbook (0: no table found: one P0 row), or null when the file is broken. */
  tables: number | null;
}

/** mulberry32: small, fast and the same on every machine. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function plain(v: ExcelJS.CellValue): Value | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean" || v instanceof Date) return v;
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("result" in v) {
      const r = v.result;
      return typeof r === "number" || typeof r === "string" || typeof r === "boolean" || r instanceof Date
        ? r
        : null;
    }
    if ("text" in v && typeof v.text === "string") return v.text;
  }
  return null;
}

async function loadSource(file: string): Promise<Source> {
  const bytes = readFileSync(file);
  const name = path.basename(file, ".xlsx");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  // Where the tables are, as the reader finds them in the published workbook.
  const book = await loadWorkbook(bytes, path.basename(file));
  const grids = new Map(workbookGrids(book).map((g) => [g.sheet, g]));
  const profile = resolveProfile("central");
  const sheets: SourceSheet[] = [];
  wb.eachSheet((ws) => {
    if (ws.state !== "visible") return;
    const cells = new Map<string, Cell>();
    let rows = 0;
    let cols = 0;
    ws.eachRow({ includeEmpty: false }, (row, r) =>
      row.eachCell({ includeEmpty: false }, (c, col) => {
        if (c.isMerged && c.master !== c) return;
        const v = plain(c.value);
        if (v === null || v === "") return;
        cells.set(`${r},${col}`, c.numFmt && c.numFmt !== "General" ? { v, fmt: c.numFmt } : { v });
        rows = Math.max(rows, r);
        cols = Math.max(cols, col);
      }),
    );
    const grid = grids.get(ws.name);
    const figures: string[] = [];
    const totals: string[] = [];
    let tables = 0;
    if (grid) {
      for (const a of analyzeTables(grid, { profile })) {
        const layout = a.layout;
        if (!layout) continue;
        tables++;
        const numeric = (addr: string | undefined) => {
          const p = addr ? parseAddress(addr) : null;
          const k = p ? `${p.row},${p.col}` : "";
          return p && typeof cells.get(k)?.v === "number" ? k : null;
        };
        for (const [key, addr] of Object.entries(layout.cells)) {
          if (!key.endsWith(":actual")) continue;
          const k = numeric(addr);
          if (k) figures.push(k);
        }
        const b = layout.budget;
        if (b?.columns.executed !== undefined)
          for (let r = b.firstRow; r <= b.lastRow; r++) {
            const k = numeric(`${columnLetters(b.columns.executed)}${r}`);
            if (k) figures.push(k);
          }
        if (layout.totalRow !== null) {
          const k = numeric(layout.cells[`${layout.totalRow}:total`]);
          if (k) totals.push(k);
        }
      }
    }
    sheets.push({
      name: ws.name,
      cells,
      rows,
      cols,
      merges: [...((ws.model as { merges?: string[] }).merges ?? [])],
      tables,
      figures,
      totals,
    });
  });
  return { name, sheets };
}

/** Every source workbook, read once. */
export async function loadSources(): Promise<Source[]> {
  const files = [
    ...readdirSync(REFERENCE_DIR)
      .filter((f) => f.endsWith(".xlsx"))
      .map((f) => path.join(REFERENCE_DIR, f)),
    ...readdirSync(REAL_DIR)
      .filter((f) => f.endsWith(".xlsx"))
      .map((f) => path.join(REAL_DIR, f)),
  ].sort();
  const out: Source[] = [];
  for (const f of files) out.push(await loadSource(f));
  return out;
}

function shiftRange(range: string, dr: number, dc: number): string {
  return range
    .split(":")
    .map((a) => {
      const p = parseAddress(a)!;
      return `${columnLetters(p.col + dc)}${p.row + dr}`;
    })
    .join(":");
}

/** Writes a source sheet into `ws` at an offset, varying its figures. */
function place(ws: ExcelJS.Worksheet, sheet: SourceSheet, dr: number, dc: number, rnd: () => number): void {
  const vary = new Map<string, number>();
  for (const k of sheet.figures) {
    const v = sheet.cells.get(k)!.v as number;
    const x = rnd();
    // Most figures as published; some short of the target, some over it.
    const f = x < 0.6 ? 1 : x < 0.75 ? 0.9 : x < 0.85 ? 0.75 : x < 0.95 ? 1.1 : 1.5;
    if (f !== 1) vary.set(k, Number((v * f).toFixed(v < 1 ? 4 : 2)));
  }
  for (const k of sheet.totals) {
    if (rnd() < 0.15) vary.set(k, Number(((sheet.cells.get(k)!.v as number) + 0.02).toFixed(2)));
  }
  for (const [k, cell] of sheet.cells) {
    const [r, c] = k.split(",").map(Number);
    const at = ws.getCell(r + dr, c + dc);
    at.value = vary.get(k) ?? cell.v;
    if (cell.fmt) at.numFmt = cell.fmt;
  }
  for (const m of sheet.merges) ws.mergeCells(shiftRange(m, dr, dc));
}

function pick<T>(xs: readonly T[], rnd: () => number): T {
  return xs[Math.floor(rnd() * xs.length)];
}

/** The sheet holding tables (the first visible one where the reader finds any; else the first). */
function main(s: Source): SourceSheet {
  return s.sheets.find((x) => x.tables > 0) ?? s.sheets[0];
}

async function brokenBytes(kind: number, sample: Uint8Array): Promise<Uint8Array> {
  switch (kind) {
    case 0:
      return new Uint8Array(0);
    case 1:
      return strToU8("这不是工作簿，是一份说明。");
    case 2:
      return sample.slice(0, Math.floor(sample.length * 0.6));
    default:
      return zipSync({ "readme.txt": strToU8("no workbook here") });
  }
}

/**
 * Writes `n` workbooks under `dir` (same seed, same folder) and returns the manifest in the
 * order the files were made.
 */
export async function generateReviewCorpus(
  dir: string,
  n: number,
  seed = DEFAULT_SEED,
  sources?: Source[],
): Promise<CorpusFile[]> {
  const all = sources ?? (await loadSources());
  const withTables = all.filter((s) => main(s).tables > 0);
  const oneTable = all.filter((s) => main(s).tables === 1);
  const rnd = random(seed);
  const manifest: CorpusFile[] = [];
  let sample: Uint8Array | null = null;
  for (let i = 0; i < n; i++) {
    const folder = `区${(i % 7) + 1}/单位${(Math.floor(i / 7) % 13) + 1}`;
    mkdirSync(path.join(dir, folder), { recursive: true });
    const x = rnd();
    const id = String(i + 1).padStart(4, "0");
    if (x < 0.03 && sample) {
      const kind = Math.floor(rnd() * 4);
      const file = `${folder}/${id}-损坏${kind}.xlsx`;
      writeFileSync(path.join(dir, file), await brokenBytes(kind, sample));
      manifest.push({ file, tables: null });
      continue;
    }
    const wb = new ExcelJS.Workbook();
    wb.creator = "jixiao review corpus";
    wb.created = FIXED;
    wb.modified = FIXED;
    // Now and then a workbook where no table is found (it becomes one P0 row): a published
    // table the reader cannot take, or a workbook of notes only.
    const noTable = all.filter((s) => main(s).tables === 0);
    const first =
      x < 0.06 || withTables.length === 0 ? pick(noTable.length ? noTable : all, rnd) : pick(withTables, rnd);
    const a = main(first);
    const ws = wb.addWorksheet(a.name);
    const dr = pick([0, 0, 0, 1, 2, 5], rnd);
    const dc = pick([0, 0, 0, 1, 3], rnd);
    place(ws, a, dr, dc, rnd);
    let tables = a.tables;
    let name = first.name;
    const y = rnd();
    if (y < 0.12 && a.tables > 0) {
      // A second table three rows under the first, as departments paste them: a whole table
      // (a source holding the tail of a table, as 大英's page does, would continue the first).
      const second = pick(oneTable, rnd);
      place(ws, main(second), dr + a.rows + 3, dc, rnd);
      tables += main(second).tables;
      name += `+${second.name}`;
    } else if (y < 0.2) {
      // Another project's table on a sheet of its own.
      const second = pick(withTables, rnd);
      const other = main(second);
      place(wb.addWorksheet(other.name === a.name ? `${other.name}2` : other.name), other, 0, 0, rnd);
      tables += other.tables;
      name += `+${second.name}`;
    } else if (y < 0.25) {
      const notes = wb.addWorksheet("填表说明");
      notes.getCell("A1").value = "填表说明";
      notes.getCell("A2").value = "1. 绩效指标按年初批复的绩效目标填写。";
      notes.getCell("A3").value = "2. 偏差原因须写明。";
    }
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    sample ??= bytes;
    const file = `${folder}/${id}-${name}.xlsx`;
    writeFileSync(path.join(dir, file), bytes);
    manifest.push({ file, tables });
  }
  return manifest;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const seedAt = args.indexOf("--seed");
  const seed = seedAt >= 0 ? Number(args.splice(seedAt, 2)[1]) : DEFAULT_SEED;
  const [dir, count = "2000"] = args;
  if (!dir) {
    process.stderr.write("usage: review-corpus.ts <dir> [n] [--seed s]\n");
    process.exit(2);
  }
  void generateReviewCorpus(dir, Number(count), seed).then((m) =>
    process.stdout.write(JSON.stringify(m) + "\n"),
  );
}
