/**
 * `jixiao review <file.xlsx|folder> [--profile …] [--json] --out <问题清单.xlsx|.csv>`: scores
 * every table of every workbook without writing to them and writes the 问题清单 (REPORT.md).
 */
import { readdirSync, statSync } from "fs";
import { availableParallelism, cpus, loadavg } from "os";
import { basename, dirname, extname, join, relative, resolve, sep } from "path";
import { SingleBar } from "cli-progress";
import type { Profile } from "../core/types";
import { t } from "../i18n/catalog";
import "../i18n/cli-messages";
import "../i18n/review-messages";
import { rollUp, rollUpSentence } from "../review/findings";
import type { TableSummary } from "../review/types";
import { csvSink, InOrder, jsonSink, xlsxSink, type ReviewSink } from "./review-out";
import { reviewAll, type ReviewTask, type SpawnWorker } from "./review-pool";

export interface ReviewFlags {
  profile?: string;
  json?: boolean;
  out?: string;
  workers?: string;
}

export interface ReviewIO {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  isTTY: boolean;
  spawnWorker?: SpawnWorker;
}

/** A failure that ends the run: exit status and one line. */
export class ReviewExit extends Error {
  constructor(
    readonly status: 1 | 2,
    message: string,
    readonly usage = false,
  ) {
    super(message);
  }
}

const WORKBOOK = /\.(xlsx|xlsm|xls)$/i;
/** P0 findings printed on the terminal (all are in the 问题清单). */
const MAX_P0_LINES = 20;
/**
 * Fewest files for which worker threads pay for their start-up: each worker loads the program
 * (about 0.8 s of CPU for dist/cli.js, measured) against about 5 ms of CPU per generated
 * workbook in one thread (2,000 in 10.2 s); with two idle cores that is won back after some
 * 0.8 / (0.005 × ½) ≈ 300 files.
 */
const MIN_FILES_FOR_WORKERS = 300;
/** Most worker threads, whatever the cores (each holds one workbook at a time). */
const MAX_WORKERS = 8;

/** Workbooks under a folder (sub-folders included), sorted; lock files (~$) left out. */
export function listWorkbooks(dir: string, skip?: string): ReviewTask[] {
  const out: ReviewTask[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      if (name.startsWith("~$") || name.startsWith(".")) continue;
      const p = join(d, name);
      let st;
      try {
        st = statSync(p);
      } catch {
        continue;
      }
      if (st.isDirectory()) walk(p);
      else if (st.isFile() && WORKBOOK.test(name) && (skip === undefined || resolve(p) !== resolve(skip)))
        out.push({ path: p, name: relative(dir, p).split(sep).join("/") });
    }
  };
  walk(dir);
  return out;
}

function workerCount(flag: string | undefined, files: number): number {
  if (flag !== undefined) {
    const n = Number(flag);
    if (!Number.isInteger(n) || n < 1 || n > 64)
      throw new ReviewExit(2, t("cli.usageError", { detail: `--workers ${flag}` }), true);
    return n;
  }
  return defaultWorkers(files);
}

/**
 * Worker threads `review` uses for a folder of `files` workbooks when `--workers` is not given:
 * one per idle core (cores less the 1-minute load average, rounded), at most 8; one thread for
 * a small folder or a busy machine, where workers only add their start-up (measured: 2 workers
 * on 2 cores under a load of 20 ran 5× slower than 1).
 */
export function defaultWorkers(
  files: number,
  cores = typeof availableParallelism === "function" ? availableParallelism() : cpus().length,
  load = loadavg()[0],
): number {
  if (files < MIN_FILES_FOR_WORKERS) return 1;
  const idle = Math.floor(cores - load + 0.5);
  return Math.max(1, Math.min(idle, cores, MAX_WORKERS));
}

function bar(io: ReviewIO, total: number): SingleBar | null {
  if (!io.isTTY || total === 0) return null;
  const b = new SingleBar({
    stream: io.stderr as unknown as NodeJS.WritableStream,
    format: `${t("review.progress")} [{bar}] {value}/{total} {file}`,
    hideCursor: true,
    clearOnComplete: true,
  });
  b.start(total, 0, { file: "" });
  return b;
}

/** Runs `review`; returns the exit status. */
export async function review(
  input: string,
  flags: ReviewFlags,
  profile: Profile,
  io: ReviewIO,
): Promise<number> {
  const out = flags.out;
  let ext: string | null = null;
  if (out === undefined) {
    if (!flags.json) throw new ReviewExit(2, t("review.outRequired"), true);
  } else {
    ext = extname(out).toLowerCase();
    if (ext !== ".xlsx" && ext !== ".csv")
      throw new ReviewExit(2, t("cli.outExtension", { file: out, ext: ".xlsx / .csv" }), true);
  }
  let isDir: boolean;
  try {
    isDir = statSync(input).isDirectory();
  } catch {
    throw new ReviewExit(1, t("cli.fileMissing", { file: input }));
  }
  if (!isDir && out !== undefined && resolve(out) === resolve(input))
    throw new ReviewExit(2, t("cli.outSameAsInput", { file: out }), true);
  let tasks: ReviewTask[];
  try {
    tasks = isDir ? listWorkbooks(input, out) : [{ path: input, name: basename(input) }];
  } catch (e) {
    throw new ReviewExit(1, t("cli.folderUnreadable", { dir: input, detail: (e as Error).message }));
  }
  if (isDir && tasks.length === 0 && !flags.json)
    io.stderr.write(t("cli.folderEmpty", { dir: input }) + "\n");

  const sinks: ReviewSink[] = [];
  let summaryFile: string | null = null;
  try {
    if (flags.json) sinks.push(jsonSink(io.stdout));
    if (out !== undefined && ext === ".csv") {
      summaryFile = join(dirname(out), `${basename(out, extname(out))}-${t("review.sheet.summary")}.csv`);
      sinks.push(csvSink(out, summaryFile));
    } else if (out !== undefined) sinks.push(xlsxSink(out));
  } catch (e) {
    for (const s of sinks) s.abort();
    throw new ReviewExit(1, t("cli.writeFailed", { file: out ?? "", detail: (e as Error).message }));
  }

  // Findings go to the outputs as the files complete (in the folder's order) and are not kept;
  // only the 汇总 rows, the P0 lines shown on the terminal and the counts are.
  const tables: TableSummary[] = [];
  const p0Lines: string[] = [];
  let p0Count = 0;
  const inOrder = new InOrder((r) => {
    for (const s of sinks) s.add(r);
    tables.push(...r.tables);
    for (const f of r.findings) {
      if (f.level !== "P0") continue;
      if (++p0Count <= MAX_P0_LINES)
        p0Lines.push(`  [P0] ${f.file} ${f.sheet}${f.cell ? ` ${f.cell}` : ""} ${f.finding}\n`);
    }
  });
  const progress = bar(io, tasks.length);
  try {
    await reviewAll(tasks, {
      profile,
      workers: workerCount(flags.workers, tasks.length),
      spawn: io.spawnWorker,
      onResult(i, r) {
        inOrder.put(i, r);
        progress?.increment({ file: tasks[i].name });
      },
    });
  } catch (e) {
    for (const s of sinks) s.abort();
    throw e;
  } finally {
    progress?.stop();
  }

  const say = flags.json ? io.stderr : io.stdout;
  if (!flags.json) {
    for (const line of p0Lines) io.stdout.write(line);
    if (p0Count > MAX_P0_LINES) io.stdout.write(t("review.moreP0", { n: p0Count - MAX_P0_LINES }) + "\n");
  }
  const r = rollUp(tables, profile);
  try {
    for (const s of sinks) await s.finish(tables, profile);
  } catch (e) {
    for (const s of sinks) s.abort();
    throw new ReviewExit(1, t("cli.writeFailed", { file: out ?? "", detail: (e as Error).message }));
  }
  say.write(rollUpSentence(r) + "\n");
  if (out !== undefined) {
    say.write(t("review.written", { file: out, tables: r.tables, p0: r.p0, p1: r.p1, p2: r.p2 }) + "\n");
    if (summaryFile !== null) say.write(t("review.writtenCsv", { file: summaryFile }) + "\n");
  }
  // A single file that could not be read, or held no table: exit 1 (REPORT.md), the list still written.
  if (!isDir && tables.every((s) => s.unreadable)) return 1;
  return 0;
}
