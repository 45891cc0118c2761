#!/usr/bin/env node
// Benchmarks: Office round trips, scoring-core time per row, CLI throughput against exceljs
// alone, and the task pane's initial size. Prints a table, writes BENCHMARKS.md and, with
// --json, prints exactly one JSON object on standard output (everything else goes to stderr).
// Figures only: this never fails on a missed target.
//
//   npm run bench                      table + BENCHMARKS.md
//   npm run --silent bench -- --json   one JSON object on stdout
//   options: --quick (fewer repetitions), --no-write (leave BENCHMARKS.md alone), --no-build,
//            --only reader|review|grid (just those figures, printed and in the JSON;
//            BENCHMARKS.md left alone)
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
require("./bench/register.cjs");
const { runBench, ensurePageBuild, SIZES } = require("./bench/run.ts");
const { benchReview } = require("./bench/review.ts");

const argv = process.argv.slice(2);
const args = new Set(argv);
const onlyAt = argv.indexOf("--only");
const only = onlyAt >= 0 ? argv[onlyAt + 1] : undefined;
const json = args.has("--json");
const quick = args.has("--quick");
const ONLY = ["reader", "review", "grid"];
if (only !== undefined && !ONLY.includes(only)) {
  process.stderr.write(`--only takes one of ${ONLY.join(", ")}\n`);
  process.exit(2);
}
const write = !args.has("--no-write") && !quick && !only;
const say = json ? (s) => process.stderr.write(s + "\n") : (s) => process.stdout.write(s + "\n");

const TARGETS = {
  syncs: "1 read + 1 write at every size",
  core: "flat: ms/row at 5000 rows ≤ 2 × ms/row at 200 rows",
  ratio: "≥ 2",
  size: "≤ 150 KB",
  fileChunk: "≤ 80 KB",
  page: "≤ 400 ms",
  rss: "bounded: recorded",
  grid: "< 16 ms a frame",
};

/** true / false / null (not measured) for each target. */
function verdicts(f) {
  const syncs = f.syncs ? SIZES.every((n) => f.syncs[n]?.read === 1 && f.syncs[n]?.write === 1) : null;
  const core = f.coreMsPerRow ? f.coreMsPerRow[5000] <= 2 * f.coreMsPerRow[200] : null;
  return {
    syncs,
    core,
    ratio: f.cliVsReadRatio === null ? null : f.cliVsReadRatio >= 2,
    size: f.taskpaneInitialGzipKB === null ? null : f.taskpaneInitialGzipKB <= 150,
    fileChunk: f.fileChunkGzipKB == null ? null : f.fileChunkGzipKB <= 80,
    page: f.pageFirstPreviewMs == null ? null : f.pageFirstPreviewMs <= 400,
  };
}

const mark = (v) => (v === null ? "not measured" : v ? "met" : "**NOT met**");
const num = (x, unit = "") => (x === null || x === undefined ? "n/a" : `${x}${unit}`);

function table(result) {
  const f = result.figures;
  const v = verdicts(f);
  const syncCell = (n) => (f.syncs ? `${f.syncs[n].read} + ${f.syncs[n].write}` : "n/a");
  const coreCell = (n) => (f.coreMsPerRow ? String(f.coreMsPerRow[n]) : "n/a");
  const rows = [
    ["figure", ...SIZES.map((n) => `${n} rows`), "target", "result"],
    ["Office round trips per run (read + write)", ...SIZES.map(syncCell), TARGETS.syncs, mark(v.syncs)],
    ["Scoring core, ms per indicator row", ...SIZES.map(coreCell), TARGETS.core, mark(v.core)],
  ];
  const single = [
    ["figure", "value", "target", "result"],
    ["`jixiao score <folder>`, files/s", num(f.cliFilesPerSec), "", ""],
    ["exceljs `wb.xlsx.load` only, files/s", num(f.readOnlyFilesPerSec), "", ""],
    ["CLI vs load-only throughput (`cliVsReadRatio`)", num(f.cliVsReadRatio), TARGETS.ratio, mark(v.ratio)],
    ["task pane initial JS, gzip", num(f.taskpaneInitialGzipKB, " KB"), TARGETS.size, mark(v.size)],
    ["`jixiao review <folder>` (2,000 workbooks), files/s", num(f.review?.filesPerSec), "", ""],
    ["`jixiao review <folder>`, peak RSS", num(f.review?.peakRssMB, " MB"), "", ""],
    ["`jixiao review <folder>`, default workers ÷ 1 worker", num(f.review?.workerSpeedup), "", ""],
    [
      "page's file chunk, gzip (`fileChunkGzipKB`)",
      num(f.fileChunkGzipKB, " KB"),
      TARGETS.fileChunk,
      mark(v.fileChunk),
    ],
    [
      "page, file chosen → preview shown, median (`pageFirstPreviewMs`)",
      num(f.pageFirstPreviewMs, " ms"),
      TARGETS.page,
      mark(v.page),
    ],
    [
      "peak RSS, zip bomb c22 (`peakRssMB.zipBomb`)",
      num(f.peakRssMB?.zipBomb, " MB"),
      TARGETS.rss,
      f.peakRssMB?.zipBomb == null ? mark(null) : "recorded",
    ],
    [
      "peak RSS, large workbook (`peakRssMB.large`)",
      num(f.peakRssMB?.large, " MB"),
      TARGETS.rss,
      f.peakRssMB?.large == null ? mark(null) : "recorded",
    ],
    ["large workbook, score with --out, ms (`largeWorkbookMs`)", num(f.largeWorkbookMs, " ms"), "", ""],
    [
      "page grid scrolling 5,000 rows, ms per frame (p50 / p95)",
      f.gridFrameMs ? `${f.gridFrameMs.p50} / ${f.gridFrameMs.p95}` : "n/a",
      TARGETS.grid,
      f.gridFrameMs ? mark(f.gridFrameMs.p95 < 16) : mark(null),
    ],
    ...["band1", "band3", "sheetOf20"].map((k) => [
      `reader, ms per table (${k})`,
      num(f.readerMsPerTable?.[k]),
      "≤ 1.5 × the figure before header bands and several tables per sheet",
      "",
    ]),
  ];
  return { rows, single, v };
}

function markdownTable(rows) {
  const [head, ...body] = rows;
  return [
    `| ${head.join(" | ")} |`,
    `|${head.map(() => "---").join("|")}|`,
    ...body.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");
}

function plainTable(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  return rows.map((r) => r.map((x, c) => String(x).padEnd(widths[c])).join("  ")).join("\n");
}

function benchmarksMd(result, notes) {
  const m = result.machine;
  const { rows, single } = table(result);
  const problems = Object.entries(result.problems);
  return `# Benchmarks

Figures from \`npm run bench\` (scripts/bench.mjs), a real run on this machine. They are
measurements, not tests: a missed target is reported here, never as a failed build.

- Date: ${m.date}
- Machine: ${m.cpus} CPU (\`nproc\`), ${m.cpuModel}, ${m.memoryGB} GB memory, ${m.platform}
- Node: ${m.node}
- Load average when the run started: ${m.loadAverage.join(", ")} (1, 5, 15 min; other work on the machine slows the run)

## Per table size

${markdownTable(rows)}

## Files and bundle

${markdownTable(single)}
${problems.length ? `\nNot measured in this run:\n\n${problems.map(([k, p]) => `- ${k}: ${p}`).join("\n")}\n` : ""}
## How each figure is taken

- **Round trips**: the Office host (\`createOfficeHost\`) reads a synthetic self-evaluation
  table of N indicator rows from the recording fake of Excel's request context
  (test/support/fake-excel.ts), the sheet layer analyses it, and the host applies the
  plan. The fake counts \`context.sync()\` calls of the read and of the apply.
- **Scoring core**: \`scoreTable\` on a synthetic L1 table of N rows (counts, amounts,
  formatted percentages, reverse, range, date and qualitative rows in turn), ${result.details.core ?? "median of several samples"};
  the time per table divided by N.
- **Throughput**: 200 copies of the reference workbooks (../shared/reference/*.xlsx),
  copied into a temporary folder at bench time. \`jixiao score <folder> --json\` runs in
  process through \`main()\` (the same code as dist/cli.js, without Node's start-up);
  the baseline is \`new ExcelJS.Workbook().xlsx.load(bytes)\` on each file; ${result.details.throughput ?? "alternating runs"}.
- **Reader**: grid snapshot to every table's report and plan (detection, scoring core,
  write plan) for a synthetic project table of 20 indicator rows whose indicator header is
  one row (\`band1\`) or a three-row band with merged groups (\`band3\`), and for a sheet of
  20 such tables one under another (\`sheetOf20\`); ${result.details.reader ?? "median of several samples"};
  the time per call divided by the number of tables reported (1 when none is found).
- **Review at district scale**: ${result.details.review ?? "generated workbooks reviewed by dist/cli.js"}
  (scripts/review-corpus.ts: the reference and real tables with varied figures, moved tables,
  two tables on a sheet, a second sheet, broken files). Files/s with the default workers, the
  process's peak RSS (worker threads included), and files/s with the default ÷ with \`--workers 1\`.
- **Task pane size**: \`node scripts/size.mjs --json\` after a production build.
- **File chunk**: the same script, the gzip size of the chunks the page's \`import()\` of the
  file host loads that the page has not loaded already (dist/chunk-groups.json, written by
  the build).
- **Page preview**: the built page in Debian's Chromium (headless, file mode, office.js
  blocked); the reference workbooks chosen one after another in one page; the time from the
  file input's change event to the new total being in the document, measured in the page;
  the median, the first file (which loads the chunks) included${result.details.page ? ` (${result.details.page})` : ""}.
- **Peak memory**: \`scripts/bench/rss.ts\` scores one workbook with \`--out\` in a process of
  its own (TypeScript loader included) and reports its maximum RSS: the zip bomb of
  ../shared/corpus${result.details.zipBomb ? ` (${result.details.zipBomb})` : ""}, and a large workbook written by
  \`scripts/bench/large.ts\` (the blank reference table, a 200,000-row data sheet, 16 MB of
  photos${result.details.large ? `: ${result.details.large}` : ""}).
- **Page grid**: scripts/bench/grid.ts uploads a synthetic 5,000-row table to the built page
  in Chromium and scrolls the grid 140 px a frame; each frame's work is timed in the page,
  from the scroll event to the end of that frame's rendering (a message posted from its
  requestAnimationFrame callback).

## Notes
${notes}`;
}

const result = await runBench({
  quick,
  noBuild: args.has("--no-build"),
  only,
  log: (s) => process.stderr.write(s + "\n"),
});
if (!only || only === "review") {
  process.stderr.write("Review at district scale…\n");
  try {
    const r = await benchReview({
      quick,
      noBuild: args.has("--no-build"),
      log: (s) => process.stderr.write(s + "\n"),
    });
    result.figures.review = r.figures;
    result.details.review = r.detail;
  } catch (e) {
    result.figures.review = null;
    result.problems.review = String(e?.message ?? e).split("\n")[0];
  }
}
// The page's sheet grid in Chromium (scripts/bench/grid.ts); needs the build from runBench.
if (!only || only === "grid") {
  process.stderr.write("Page grid, scrolling 5,000 rows (Chromium)…\n");
  try {
    if (only)
      ensurePageBuild({ noBuild: args.has("--no-build"), log: (s) => process.stderr.write(s + "\n") });
    const g = await require("./bench/grid.ts").gridFrameMs({ log: (s) => process.stderr.write(s + "\n") });
    result.figures.gridFrameMs = { p50: g.p50, p95: g.p95 };
  } catch (e) {
    result.problems.grid = String(e?.message ?? e).split("\n")[0];
  }
}
const { rows, single } = table(result);
/** With --only: just the rows that section measured (the value column is not "n/a"). */
const shown = (t) =>
  only ? [t[0], ...t.slice(1).filter((r) => r.slice(1, -2).some((x) => x !== "n/a"))] : t;
say("");
say(
  `${result.machine.cpus} CPU ${result.machine.cpuModel}, ${result.machine.memoryGB} GB, Node ${result.machine.node}`,
);
for (const t of [rows, single].map(shown).filter((t) => t.length > 1)) {
  say(plainTable(t));
  say("");
}
for (const [k, p] of Object.entries(result.problems)) say(`not measured (${k}): ${p}`);

if (write) {
  const file = path.join(root, "BENCHMARKS.md");
  let notes = "\n(none)\n";
  if (existsSync(file)) {
    const old = readFileSync(file, "utf8");
    const i = old.indexOf("\n## Notes\n");
    if (i >= 0) notes = old.slice(i + "\n## Notes\n".length);
  }
  writeFileSync(file, benchmarksMd(result, notes));
  say(`\nwrote ${path.relative(process.cwd(), file) || file}`);
}

/** With --only: just the figures that section measured. */
const figures = only
  ? Object.fromEntries(Object.entries(result.figures).filter(([, v]) => v !== null && v !== undefined))
  : result.figures;
if (json) process.stdout.write(JSON.stringify(figures) + "\n");
