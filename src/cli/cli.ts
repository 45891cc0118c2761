/** Entry point of `jixiao` (bundled to dist/cli.js); in a review worker thread, the worker's loop. */
import { Worker } from "worker_threads";
import { main } from "./main";
import { isReviewWorker, runReviewWorker } from "./review-pool";

if (isReviewWorker()) {
  runReviewWorker();
} else {
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
