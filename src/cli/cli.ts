/** Entry point of `jixiao` (bundled to dist/cli.js); in a review worker thread, the worker's loop. */
import { Worker } from "worker_threads";
import { setLocale } from "../i18n/catalog";
import { main } from "./main";
import { isReviewWorker, runReviewWorker } from "./review-pool";

if (isReviewWorker()) {
  runReviewWorker();
} else {
  // zh-CN unless asked otherwise (JIXIAO_LANG=en-US); the terminal's LANG is not a reliable guide.
  if (/^en\b/i.test(process.env.JIXIAO_LANG ?? "")) setLocale("en-US");
  main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    isTTY: !!process.stderr.isTTY,
    // Workers run this very file.
    spawnWorker: (workerData) => new Worker(__filename, { workerData }),
  }).then(
    (status) => {
      process.exitCode = status;
    },
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
