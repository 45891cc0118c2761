/**
 * The measurements behind `npm run bench` (scripts/bench.mjs). Each section returns its
 * figures or null with the reason; a missing or failing part never stops the others.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { syntheticSheet, syntheticTable } from "./synthetic";

export const SIZES = [20, 200, 2000, 5000] as const;

const ROOT = path.resolve(__dirname, "../..");
const REFERENCE = path.resolve(ROOT, "../shared/reference");

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGB: number;
  node: string;
  platform: string;
  date: string;
  /** 1, 5 and 15 minute load averages when the run started (the machine may be shared). */
  loadAverage: number[];
}

export interface Figures {
  syncs: Record<string, { read: number; write: number }> | null;
  /** Largest request and response of a read plus apply, in UTF-8 bytes as the real Office.js client serialises them. */
  officeRequestBytes?: Record<string, { request: number; response: number }>;
  coreMsPerRow: Record<string, number> | null;
  cliFilesPerSec: number | null;
  readOnlyFilesPerSec: number | null;
  cliVsReadRatio: number | null;
  taskpaneInitialGzipKB: number | null;
  /** The page's file-handling chunk (the file host and what only it loads), gzip. */
  fileChunkGzipKB: number | null;
  /** Page in Chromium: file chosen → preview shown, median over the reference workbooks, first file included. */
  pageFirstPreviewMs: number | null;
  /** Peak resident memory of scoring one workbook with `--out`, each in a process of its own. */
  peakRssMB: { zipBomb: number | null; large: number | null } | null;
  /** Time of that run on the large workbook (about 27 MB, a 200,000-row data sheet). */
  largeWorkbookMs: number | null;
  /** Grid snapshot → every table's report and plan, ms per table found (LAYOUTS.md bands, step 7). */
  readerMsPerTable: Record<"band1" | "band3" | "sheetOf20", number> | null;
  /** `jixiao review` over 2,000 generated workbooks (scripts/bench/review.ts, added by bench.mjs). */
  review?: import("./review").ReviewFigures | null;
  /** The page's grid scrolling a 5,000-row table, work per frame (scripts/bench/grid.ts, added by bench.mjs). */
  gridFrameMs?: { p50: number; p95: number } | null;
}

export interface BenchResult {
  machine: Machine;
  figures: Figures;
  /** Why a figure is missing, per section. */
  problems: Record<string, string>;
  /** How each figure was taken (files, repetitions), for BENCHMARKS.md. */
  details: Record<string, string>;
}

export interface BenchOptions {
  /** Fewer repetitions (a quick look, not for BENCHMARKS.md). */
  quick?: boolean;
  /** Skip the production build even when dist/taskpane.js is missing. */
  noBuild?: boolean;
  log: (line: string) => void;
  /** Only this section (`reader`, `review`, `grid`), for a quick comparison; the others stay null. */
  only?: string;
}

export function machine(): Machine {
  let cpuModel = os.cpus()[0]?.model ?? "unknown";
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"));
    if (m) cpuModel = m[1].trim();
  } catch {
    // not Linux: os.cpus() is the fallback
  }
  let cpus = os.availableParallelism ? os.availableParallelism() : os.cpus().length;
  const nproc = spawnSync("nproc", { encoding: "utf8" });
  if (nproc.status === 0 && Number(nproc.stdout.trim()) > 0) cpus = Number(nproc.stdout.trim());
  return {
    cpus,
    cpuModel,
    memoryGB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    date: new Date().toISOString(),
    loadAverage: os.loadavg().map((x) => round(x, 2)),
  };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));

let lastOfficeBytes: Record<string, { request: number; response: number }> = {};

/** Round trips of one read and one apply through the Office host and Microsoft's real Excel client library. */
async function benchSyncs(opts: BenchOptions): Promise<Figures["syncs"]> {
  const fake = require("../../test/support/fake-excel") as typeof import("../../test/support/fake-excel");
  const office =
    require("../../src/hosts/office/office-host") as typeof import("../../src/hosts/office/office-host");
  const sheet = require("../../src/sheet") as typeof import("../../src/sheet");
  const core = require("../../src/core") as typeof import("../../src/core");

  const profile = core.resolveProfile("central");
  const out: Record<string, { read: number; write: number }> = {};
  const bytes: Record<string, { request: number; response: number }> = {};
  lastOfficeBytes = bytes;
  for (const n of SIZES) {
    const ctx = fake.createFakeExcel(fake.buildSelfEvaluationTable(n));
    const host = office.createOfficeHost(fake.officeEnvFor(ctx));
    ctx.resetSyncCount();
    const read = await host.readSheet();
    const reads = ctx.syncCount;
    const readReq = ctx.maxRequest;
    const readRes = ctx.maxResponse;
    const analysis = sheet.analyzeRead(read, { profile });
    ctx.resetSyncCount();
    await host.apply(analysis.plan);
    const writes = ctx.syncCount;
    out[String(n)] = { read: reads, write: writes };
    bytes[String(n)] = {
      request: Math.max(readReq, ctx.maxRequest),
      response: Math.max(readRes, ctx.maxResponse),
    };
    opts.log(
      `  syncs ${String(n).padStart(5)} rows: read ${reads}, write ${writes} (${analysis.plan.writes.length} cells)`,
    );
  }
  return out;
}

/** Median time of `scoreTable` per indicator row. */
function benchCore(opts: BenchOptions): Figures["coreMsPerRow"] {
  const core = require("../../src/core") as typeof import("../../src/core");
  const profile = core.resolveProfile("central");
  const samples = opts.quick ? 3 : 7;
  const minSampleMs = opts.quick ? 50 : 200;
  const out: Record<string, number> = {};
  for (const n of SIZES) {
    const input = syntheticTable(n);
    core.scoreTable(input, { profile }); // warm-up
    const perCall: number[] = [];
    for (let s = 0; s < samples; s++) {
      let calls = 0;
      const t0 = performance.now();
      let t = t0;
      do {
        core.scoreTable(input, { profile });
        calls++;
        t = performance.now();
      } while (t - t0 < minSampleMs);
      perCall.push((t - t0) / calls);
    }
    out[String(n)] = round(median(perCall) / n, 4);
    opts.log(
      `  core ${String(n).padStart(5)} rows: ${round(median(perCall), 3)} ms per table, ${out[String(n)]} ms per row`,
    );
  }
  return out;
}

/**
 * The reader: a grid snapshot to every table's analysis (detection, core, plan), for one
 * table with a 1-row header band, one with a 3-row band, and a sheet of 20 tables; median
 * time per table reported.
 */
function benchReader(opts: BenchOptions): NonNullable<Figures["readerMsPerTable"]> {
  const sheet = require("../../src/sheet") as typeof import("../../src/sheet") & {
    analyzeTables?: (g: unknown, o: unknown) => unknown[];
  };
  const core = require("../../src/core") as typeof import("../../src/core");
  const profile = core.resolveProfile("central");
  const analyzeAll = (grid: unknown): number => {
    if (typeof sheet.analyzeTables === "function") return sheet.analyzeTables(grid, { profile }).length;
    sheet.analyzeSheet(grid as Parameters<typeof sheet.analyzeSheet>[0], { profile });
    return 1;
  };
  const samples = opts.quick ? 3 : 7;
  const minSampleMs = opts.quick ? 50 : 200;
  const out = {} as NonNullable<Figures["readerMsPerTable"]>;
  for (const kind of ["band1", "band3", "sheetOf20"] as const) {
    const { grid, tables } = syntheticSheet(kind);
    // A fresh snapshot object per call: nothing remembered from an earlier call is reused.
    const fresh = () => ({ ...grid });
    const found = analyzeAll(fresh()); // warm-up
    const perCall: number[] = [];
    for (let s = 0; s < samples; s++) {
      let calls = 0;
      const t0 = performance.now();
      let t = t0;
      do {
        analyzeAll(fresh());
        calls++;
        t = performance.now();
      } while (t - t0 < minSampleMs);
      perCall.push((t - t0) / calls);
    }
    // Per table reported (a sheet where nothing is found counts as one).
    out[kind] = round(median(perCall) / Math.max(1, found), 4);
    opts.log(
      `  reader ${kind}: ${out[kind]} ms per table (${tables} tables on the sheet, ${found} reported)`,
    );
  }
  return out;
}

/** 200 copies of the reference workbooks in a temporary folder. */
function referenceFolder(copies: number): { dir: string; files: string[] } {
  const sources = readdirSync(REFERENCE)
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => path.join(REFERENCE, f));
  if (sources.length === 0) throw new Error(`no reference workbooks in ${REFERENCE}`);
  const dir = mkdtempSync(path.join(os.tmpdir(), "jixiao-bench-"));
  const files: string[] = [];
  for (let i = 0; i < copies; i++) {
    const src = sources[i % sources.length];
    const dest = path.join(dir, `${path.basename(src, ".xlsx")}-${String(i).padStart(3, "0")}.xlsx`);
    copyFileSync(src, dest);
    files.push(dest);
  }
  return { dir, files };
}

/** A sink that is both a function and a stream-like object, for whichever the CLI's io expects. */
function sink(): ((s: string) => void) & { write: (s: string) => boolean; text: () => string } {
  const parts: string[] = [];
  const f = ((s: string) => void parts.push(String(s))) as ((s: string) => void) & {
    write: (s: string) => boolean;
    text: () => string;
  };
  f.write = (s: string) => {
    parts.push(String(s));
    return true;
  };
  f.text = () => parts.join("");
  return f;
}

interface Throughput {
  cliFilesPerSec: number | null;
  readOnlyFilesPerSec: number | null;
  cliVsReadRatio: number | null;
}

/**
 * CLI (`jixiao score <folder> --json`, in process) against exceljs `wb.xlsx.load` alone on
 * the same 200 files, alternating runs.
 */
async function benchThroughput(opts: BenchOptions, problems: Record<string, string>): Promise<Throughput> {
  const ExcelJS = require("exceljs") as typeof import("exceljs");

  const copies = 200;
  const { dir, files } = referenceFolder(copies);
  const out: Throughput = {
    cliFilesPerSec: null,
    readOnlyFilesPerSec: null,
    cliVsReadRatio: null,
  };
  try {
    const readOnly = async () => {
      const t0 = performance.now();
      for (const f of files) {
        const wb = new ExcelJS.Workbook();
        // exceljs types ask for a Buffer of an older @types/node; any byte array works.
        await wb.xlsx.load(readFileSync(f) as unknown as ArrayBuffer);
      }
      return performance.now() - t0;
    };
    let cli: (() => Promise<number>) | null = null;
    try {
      const { main } = require("../../src/cli/main") as typeof import("../../src/cli/main");
      cli = async () => {
        const stdout = sink();
        const stderr = sink();
        const io = { stdout, stderr, isTTY: false } as unknown as Parameters<typeof main>[1];
        const t0 = performance.now();
        const code = await main(["score", dir, "--json"], io);
        const ms = performance.now() - t0;
        if (code !== 0)
          throw new Error(`jixiao score <folder> exited ${code}: ${stderr.text().slice(0, 300)}`);
        const reports = JSON.parse(stdout.text()) as unknown[];
        if (!Array.isArray(reports) || reports.length !== copies) {
          throw new Error(
            `expected ${copies} reports, got ${Array.isArray(reports) ? reports.length : typeof reports}`,
          );
        }
        return ms;
      };
    } catch (e) {
      problems.cli = `CLI not available: ${(e as Error).message.split("\n")[0]}`;
    }
    const rounds = opts.quick ? 1 : 3;
    await readOnly(); // warm-up: file cache, JIT
    if (cli) await cli();
    const readMs: number[] = [];
    const cliMs: number[] = [];
    for (let i = 0; i < rounds; i++) {
      readMs.push(await readOnly());
      if (cli) cliMs.push(await cli());
    }
    out.readOnlyFilesPerSec = round((copies * 1000) / median(readMs), 1);
    opts.log(`  exceljs load only: ${out.readOnlyFilesPerSec} files/s (median of ${rounds})`);
    if (cliMs.length) {
      out.cliFilesPerSec = round((copies * 1000) / median(cliMs), 1);
      out.cliVsReadRatio = round(out.cliFilesPerSec / out.readOnlyFilesPerSec, 3);
      opts.log(`  jixiao score <folder>: ${out.cliFilesPerSec} files/s, ratio ${out.cliVsReadRatio}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

/** Builds the page (webpack, production) when dist/ lacks it, unless `noBuild`. */
export function ensurePageBuild(opts: BenchOptions): void {
  if (
    !existsSync(path.join(ROOT, "dist/taskpane.js")) ||
    !existsSync(path.join(ROOT, "dist/taskpane.html"))
  ) {
    if (opts.noBuild) throw new Error("dist/taskpane.js is missing (run `npm run build`)");
    opts.log("  dist/taskpane.js missing: building (webpack --mode production)…");
    const b = spawnSync("npx", ["webpack", "--mode", "production", "--config-name", "web"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    if (b.status !== 0) throw new Error(`build failed: ${(b.stderr || b.stdout).slice(-400)}`);
  }
}

/** The task pane's initial JS, gzip, from scripts/size.mjs (building first when needed). */
function benchSize(opts: BenchOptions): number {
  ensurePageBuild(opts);
  if (!existsSync(path.join(ROOT, "scripts/size.mjs"))) throw new Error("scripts/size.mjs is missing");
  const r = spawnSync(process.execPath, ["scripts/size.mjs", "--json"], { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`scripts/size.mjs exited ${r.status}: ${r.stderr.slice(-300)}`);
  const line = r.stdout.trim().split("\n").pop() ?? "";
  const kb = (JSON.parse(line) as { taskpaneInitialGzipKB?: unknown }).taskpaneInitialGzipKB;
  if (typeof kb !== "number") throw new Error(`scripts/size.mjs printed no taskpaneInitialGzipKB: ${line}`);
  opts.log(`  task pane initial JS: ${kb} KB gzip`);
  return kb;
}

/** The page's file chunk, gzip, from scripts/size.mjs (after benchSize built the page). */
function benchFileChunk(opts: BenchOptions): number {
  const r = spawnSync(process.execPath, ["scripts/size.mjs", "--json"], { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`scripts/size.mjs exited ${r.status}: ${r.stderr.slice(-300)}`);
  const line = r.stdout.trim().split("\n").pop() ?? "";
  const kb = (JSON.parse(line) as { fileChunkGzipKB?: unknown }).fileChunkGzipKB;
  if (typeof kb !== "number") throw new Error(`scripts/size.mjs printed no fileChunkGzipKB: ${line}`);
  opts.log(`  file chunk: ${kb} KB gzip`);
  return kb;
}

/** First preview in Chromium, per reference workbook (scripts/bench/page.ts). */
async function benchPage(opts: BenchOptions, details: Record<string, string>): Promise<number> {
  const { measurePagePreview } = require("./page") as typeof import("./page");
  const r = await measurePagePreview(path.join(ROOT, "dist"), REFERENCE);
  for (const f of r.files) opts.log(`  page preview ${f.file}: ${f.ms} ms`);
  details.page = r.files.map((f) => `${f.file} ${f.ms} ms`).join(", ");
  return r.medianMs;
}

/** Runs `node -r register scripts/bench/<script> args…` and parses the JSON line it prints last. */
function child<T>(script: string, args: string[]): T {
  const r = spawnSync(
    process.execPath,
    ["-r", path.join(__dirname, "register.cjs"), path.join(__dirname, script), ...args],
    { cwd: ROOT, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 },
  );
  if (r.status !== 0) throw new Error(`${script} exited ${r.status}: ${(r.stderr || r.stdout).slice(-300)}`);
  return JSON.parse(r.stdout.trim().split("\n").pop() ?? "") as T;
}

/** Peak RSS of scoring the zip bomb of ../shared/corpus and a generated large workbook, each in its own process. */
function benchRss(
  opts: BenchOptions,
  problems: Record<string, string>,
  details: Record<string, string>,
): { peak: NonNullable<Figures["peakRssMB"]>; largeMs: number | null } {
  type Rss = { maxRssMB: number; ms: number; outcome: string };
  const peak: NonNullable<Figures["peakRssMB"]> = { zipBomb: null, large: null };
  let largeMs: number | null = null;
  const bomb = path.resolve(ROOT, "../shared/corpus/workbooks/c22_zipbomb_1024MB.xlsx");
  try {
    if (!existsSync(bomb)) throw new Error(`${bomb} is missing`);
    const r = child<Rss>("rss.ts", [bomb]);
    peak.zipBomb = r.maxRssMB;
    details.zipBomb = `${r.ms} ms, ${r.outcome}`;
    opts.log(`  zip bomb: ${r.maxRssMB} MB peak, ${r.ms} ms (${r.outcome.slice(0, 80)})`);
  } catch (e) {
    problems.zipBomb = (e as Error).message.split("\n")[0];
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "jixiao-bench-large-"));
  try {
    const file = path.join(dir, "large.xlsx");
    const made = child<{ bytes: number }>("large.ts", [
      path.join(REFERENCE, "A-donghu-2021-selfeval-blank.xlsx"),
      file,
    ]);
    const r = child<Rss>("rss.ts", [file]);
    peak.large = r.maxRssMB;
    largeMs = r.ms;
    details.large = `${(made.bytes / 1024 / 1024).toFixed(1)} MB, ${r.ms} ms, ${r.outcome}`;
    opts.log(`  large workbook (${details.large}): ${r.maxRssMB} MB peak`);
  } catch (e) {
    problems.large = (e as Error).message.split("\n")[0];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { peak, largeMs };
}

export async function runBench(opts: BenchOptions): Promise<BenchResult> {
  const problems: Record<string, string> = {};
  const details: Record<string, string> = {};
  const figures: Figures = {
    syncs: null,
    coreMsPerRow: null,
    cliFilesPerSec: null,
    readOnlyFilesPerSec: null,
    cliVsReadRatio: null,
    taskpaneInitialGzipKB: null,
    fileChunkGzipKB: null,
    pageFirstPreviewMs: null,
    peakRssMB: null,
    largeWorkbookMs: null,
    readerMsPerTable: null,
  };
  const host = machine();
  const why = (e: unknown) => ((e as Error)?.message ?? String(e)).split("\n")[0];

  // Added by bench.mjs: review (scripts/bench/review.ts) and grid (scripts/bench/grid.ts).
  if (opts.only === "review" || opts.only === "grid") return { machine: host, figures, problems, details };
  if (opts.only === "reader") {
    figures.readerMsPerTable = benchReader(opts);
    return { machine: host, figures, problems, details };
  }
  opts.log("Office host round trips…");
  try {
    figures.syncs = await benchSyncs(opts);
    figures.officeRequestBytes = lastOfficeBytes;
  } catch (e) {
    problems.syncs = why(e);
  }
  opts.log("Scoring core…");
  try {
    figures.coreMsPerRow = benchCore(opts);
    details.core = `median of ${opts.quick ? 3 : 7} samples of at least ${opts.quick ? 50 : 200} ms each`;
  } catch (e) {
    problems.core = why(e);
  }
  opts.log("Reader (grid snapshot to every table's analysis)…");
  try {
    figures.readerMsPerTable = benchReader(opts);
    details.reader = `20 indicator rows per table; median of ${opts.quick ? 3 : 7} samples of at least ${opts.quick ? 50 : 200} ms each`;
  } catch (e) {
    problems.reader = why(e);
  }
  opts.log("CLI throughput (200 copies of the reference workbooks)…");
  try {
    Object.assign(figures, await benchThroughput(opts, problems));
    details.throughput = `200 files, median of ${opts.quick ? 1 : 3} alternating runs after a warm-up`;
  } catch (e) {
    problems.throughput = why(e);
  }
  opts.log("Task pane size…");
  try {
    figures.taskpaneInitialGzipKB = benchSize(opts);
  } catch (e) {
    problems.size = why(e);
  }
  opts.log("Page file chunk…");
  try {
    figures.fileChunkGzipKB = benchFileChunk(opts);
  } catch (e) {
    problems.fileChunk = why(e);
  }
  opts.log("Page, file chosen → preview shown (Chromium)…");
  try {
    figures.pageFirstPreviewMs = await benchPage(opts, details);
  } catch (e) {
    problems.page = why(e);
  }
  opts.log("Peak memory (zip bomb, large workbook)…");
  const rss = benchRss(opts, problems, details);
  figures.peakRssMB = rss.peak;
  figures.largeWorkbookMs = rss.largeMs;
  return { machine: host, figures, problems, details };
}
