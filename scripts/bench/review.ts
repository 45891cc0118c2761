/**
 * `jixiao review` at district scale, for `npm run bench`: a folder of 2,000 generated workbooks
 * (scripts/review-corpus.ts, fixed seed) reviewed by the built CLI (dist/cli.js, a process of
 * its own, writing the 问题清单 as .csv), with the default workers and with one. Figures:
 * files per second with the default, peak RSS of that process (worker threads included), and
 * the speed-up of the default over one worker.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { generateReviewCorpus } from "../review-corpus";

const ROOT = path.resolve(__dirname, "../..");
const CLI = path.join(ROOT, "dist/cli.js");

export interface ReviewFigures {
  /** Workbooks per second with the default number of workers (start-up and output included). */
  filesPerSec: number;
  /** Peak resident memory of the run with the default workers, MB. */
  peakRssMB: number;
  /** filesPerSec with the default workers ÷ with 1 worker. */
  workerSpeedup: number;
  files: number;
  /** Worker threads the CLI chose by default for this folder on this machine. */
  defaultWorkers: number;
  oneWorkerFilesPerSec: number;
  oneWorkerPeakRssMB: number;
}

function newestMtime(dir: string): number {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    const st = statSync(p);
    t = Math.max(t, st.isDirectory() ? newestMtime(p) : st.mtimeMs);
  }
  return t;
}

/** dist/cli.js, built when missing or older than the sources. */
function ensureCli(noBuild: boolean | undefined, log: (s: string) => void): void {
  const stale = !existsSync(CLI) || statSync(CLI).mtimeMs < newestMtime(path.join(ROOT, "src"));
  if (!stale) return;
  if (noBuild) {
    if (existsSync(CLI)) return;
    throw new Error("dist/cli.js is missing (run `npm run build`)");
  }
  log("  dist/cli.js missing or older than src: building (webpack --config-name cli)…");
  const b = spawnSync("npx", ["webpack", "--mode", "production", "--config-name", "cli"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (b.status !== 0) throw new Error(`CLI build failed: ${(b.stderr || b.stdout).slice(-400)}`);
}

/** Records the main thread's peak RSS when the process exits (worker threads share it). */
const RSS_HOOK = `
const { isMainThread } = require("node:worker_threads");
if (isMainThread && process.env.JIXIAO_BENCH_RSS) {
  process.on("exit", () => {
    require("node:fs").writeFileSync(process.env.JIXIAO_BENCH_RSS, String(process.resourceUsage().maxRSS));
  });
}
`;

interface Run {
  ms: number;
  rssMB: number;
  tables: number;
}

function reviewOnce(dir: string, work: string, workers: number | null): Run {
  const hook = path.join(work, "rss-hook.cjs");
  if (!existsSync(hook)) writeFileSync(hook, RSS_HOOK);
  const rss = path.join(work, "rss.txt");
  const out = path.join(work, "问题清单.csv");
  const args = ["-r", hook, CLI, "review", dir, "--out", out];
  if (workers !== null) args.push("--workers", String(workers));
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, {
    encoding: "utf8",
    env: { ...process.env, JIXIAO_BENCH_RSS: rss },
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - t0;
  if (r.status !== 0)
    throw new Error(`jixiao review exited ${r.status}: ${(r.stderr || r.stdout).slice(-300)}`);
  const m = /共(\d+)项/.exec(r.stdout);
  return {
    ms,
    rssMB: Math.round(Number(readFileSync(rss, "utf8")) / 1024),
    tables: m ? Number(m[1]) : -1,
  };
}

export interface ReviewBenchOptions {
  quick?: boolean;
  noBuild?: boolean;
  log: (line: string) => void;
  /** Workbooks in the folder (2,000; 200 with quick). */
  files?: number;
}

export async function benchReview(
  opts: ReviewBenchOptions,
): Promise<{ figures: ReviewFigures; detail: string }> {
  const files = opts.files ?? (opts.quick ? 200 : 2000);
  ensureCli(opts.noBuild, opts.log);
  const work = mkdtempSync(path.join(os.tmpdir(), "jixiao-bench-review-"));
  try {
    const dir = path.join(work, "district");
    const g0 = performance.now();
    const manifest = await generateReviewCorpus(dir, files);
    opts.log(`  generated ${manifest.length} workbooks in ${Math.round(performance.now() - g0)} ms`);
    const { defaultWorkers: chosen } =
      require("../../src/cli/review") as typeof import("../../src/cli/review");
    const defaultWorkers = chosen(files);
    const rounds = opts.quick ? 1 : 2;
    const many: Run[] = [];
    const one: Run[] = [];
    for (let i = 0; i < rounds; i++) {
      // Alternating, so that load from elsewhere falls on both alike.
      many.push(reviewOnce(dir, work, null));
      one.push(reviewOnce(dir, work, 1));
      opts.log(
        `  round ${i + 1}: default (${defaultWorkers} workers) ${Math.round(many[i].ms)} ms, ${many[i].rssMB} MB; ` +
          `1 worker ${Math.round(one[i].ms)} ms, ${one[i].rssMB} MB; ${many[i].tables} tables`,
      );
    }
    const best = (rs: Run[]) => Math.min(...rs.map((r) => r.ms));
    const fps = (ms: number) => Number(((files * 1000) / ms).toFixed(1));
    const figures: ReviewFigures = {
      filesPerSec: fps(best(many)),
      peakRssMB: Math.max(...many.map((r) => r.rssMB)),
      workerSpeedup: Number((best(one) / best(many)).toFixed(2)),
      files,
      defaultWorkers,
      oneWorkerFilesPerSec: fps(best(one)),
      oneWorkerPeakRssMB: Math.max(...one.map((r) => r.rssMB)),
    };
    return {
      figures,
      detail: `${files} generated workbooks (${manifest.filter((f) => f.tables === null).length} broken), best of ${rounds} alternating runs of dist/cli.js review --out x.csv, default (${defaultWorkers} workers) and --workers 1`,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
