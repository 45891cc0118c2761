/**
 * `jixiao review <file.xlsx|folder> [--profile …] [--json] --out <问题清单.xlsx|.csv>`: scores
 * every table of every workbook without writing to them and writes the 问题清单 (REPORT.md).
 */
import { readdirSync, statSync, writeFileSync } from "fs";
import { availableParallelism, cpus } from "os";
import { basename, dirname, extname, join, relative, resolve, sep } from "path";
import { SingleBar } from "cli-progress";
import type { Profile } from "../core/types";
import { t } from "../i18n/catalog";
import { rollUp, rollUpSentence } from "../review/findings";
import { reviewSheets } from "../review/sheets";
import type { Finding, TableSummary, WorkbookReview } from "../review/types";
import { reviewCsv, reviewXlsx } from "../review/write";
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
/** Fewest files for which worker threads pay for their start-up. */
const MIN_FILES_FOR_WORKERS = 12;

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
  const cores = typeof availableParallelism === "function" ? availableParallelism() : cpus().length;
  return files >= MIN_FILES_FOR_WORKERS ? Math.max(1, Math.min(cores, 8)) : 1;
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

  const results: (WorkbookReview | undefined)[] = new Array(tasks.length);
  const progress = bar(io, tasks.length);
  await reviewAll(tasks, {
    profile,
    workers: workerCount(flags.workers, tasks.length),
    spawn: io.spawnWorker,
    onResult(i, r) {
      results[i] = r;
      progress?.increment({ file: tasks[i].name });
    },
  });
  progress?.stop();

  const findings: Finding[] = [];
  const tables: TableSummary[] = [];
  for (const r of results) {
    if (!r) continue;
    findings.push(...r.findings);
    tables.push(...r.tables);
  }
  const all: WorkbookReview = { findings, tables };
  const say = flags.json ? io.stderr : io.stdout;
  if (flags.json) io.stdout.write(JSON.stringify(findings, null, 2) + "\n");
  else {
    const p0 = findings.filter((x) => x.level === "P0");
    for (const f of p0.slice(0, MAX_P0_LINES))
      io.stdout.write(`  [P0] ${f.file} ${f.sheet}${f.cell ? ` ${f.cell}` : ""} ${f.finding}\n`);
    if (p0.length > MAX_P0_LINES) io.stdout.write(t("review.moreP0", { n: p0.length - MAX_P0_LINES }) + "\n");
  }
  const r = rollUp(tables, profile);
  say.write(rollUpSentence(r) + "\n");
  if (out !== undefined) {
    const sheets = reviewSheets(all, profile);
    try {
      if (ext === ".csv") {
        const csv = reviewCsv(sheets);
        const summaryFile = join(
          dirname(out),
          `${basename(out, extname(out))}-${t("review.sheet.summary")}.csv`,
        );
        writeFileSync(out, csv.findings);
        writeFileSync(summaryFile, csv.summary);
        say.write(t("review.written", { file: out, tables: r.tables, p0: r.p0, p1: r.p1, p2: r.p2 }) + "\n");
        say.write(t("review.writtenCsv", { file: summaryFile }) + "\n");
      } else {
        writeFileSync(out, await reviewXlsx(sheets));
        say.write(t("review.written", { file: out, tables: r.tables, p0: r.p0, p1: r.p1, p2: r.p2 }) + "\n");
      }
    } catch (e) {
      throw new ReviewExit(1, t("cli.writeFailed", { file: out, detail: (e as Error).message }));
    }
  }
  // A single file that could not be read, or held no table: exit 1 (REPORT.md), the list still written.
  if (!isDir && tables.every((s) => s.unreadable)) return 1;
  return 0;
}
