/**
 * Reviewing many workbooks: in this thread, or in worker threads (one workbook at a time per
 * worker, so memory stays bounded whatever the folder's size). A worker that dies takes only
 * its workbook with it: that workbook becomes a P0 row and a fresh worker carries on.
 */
import { readFileSync } from "fs";
import { parentPort, workerData, type Worker } from "worker_threads";
import type { Profile } from "../core/types";
import { getLocale, setLocale, t, type Locale } from "../i18n/catalog";
import "../i18n/cli-messages";
import "../i18n/review-messages";
import { unreadable } from "../review/findings";
import type { WorkbookReview } from "../review/types";
import { reviewWorkbookBytes } from "../review/workbook";

export interface ReviewTask {
  /** Path to read. */
  path: string;
  /** Name shown in the 问题清单 (relative to the folder). */
  name: string;
}

/** What a worker is started with (`workerData`). */
export interface ReviewWorkerData {
  jixiao: "review-worker";
  profile: Profile;
  locale: Locale;
}

/** Starts a worker thread running `runReviewWorker` (the CLI bundle starts itself). */
export type SpawnWorker = (data: ReviewWorkerData) => Worker;

/** Reviews one file in this thread; never throws. */
export async function reviewPath(task: ReviewTask, profile: Profile): Promise<WorkbookReview> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(task.path);
  } catch (e) {
    return unreadable(
      task.name,
      "",
      "UNREADABLE_FILE",
      t("cli.fileUnreadable", { file: task.name, detail: (e as Error).message }),
    );
  }
  return reviewWorkbookBytes(bytes, task.name, profile);
}

/** True in a thread started by `SpawnWorker` (then call `runReviewWorker`). */
export function isReviewWorker(): boolean {
  return parentPort !== null && (workerData as Partial<ReviewWorkerData> | null)?.jixiao === "review-worker";
}

/** The worker's loop: `{ id, task }` in, `{ id, review }` out. */
export function runReviewWorker(): void {
  const data = workerData as ReviewWorkerData;
  setLocale(data.locale);
  parentPort!.on("message", (m: { id: number; task: ReviewTask }) => {
    void reviewPath(m.task, data.profile).then((review) => parentPort!.postMessage({ id: m.id, review }));
  });
}

export interface PoolOptions {
  profile: Profile;
  /** Worker threads; 1 (or no `spawn`) reviews in this thread. */
  workers: number;
  spawn?: SpawnWorker;
  /** Called once per file, in completion order. */
  onResult(index: number, review: WorkbookReview): void;
}

/** Reviews the tasks; results reach `onResult` as they complete. */
export async function reviewAll(tasks: ReviewTask[], opts: PoolOptions): Promise<void> {
  const count = Math.max(1, Math.min(opts.workers, tasks.length));
  if (count <= 1 || !opts.spawn) {
    for (let i = 0; i < tasks.length; i++) opts.onResult(i, await reviewPath(tasks[i], opts.profile));
    return;
  }
  const spawn = opts.spawn;
  const data: ReviewWorkerData = { jixiao: "review-worker", profile: opts.profile, locale: getLocale() };
  let next = 0;
  let done = 0;
  await new Promise<void>((resolve) => {
    const start = () => {
      const worker = spawn(data);
      let current: number | null = null;
      let finished = false;
      const feed = () => {
        if (next >= tasks.length) {
          current = null;
          finished = true;
          void worker.terminate();
          return;
        }
        current = next++;
        worker.postMessage({ id: current, task: tasks[current] });
      };
      const complete = (index: number, review: WorkbookReview) => {
        opts.onResult(index, review);
        if (++done === tasks.length) resolve();
      };
      worker.on("message", (m: { id: number; review: WorkbookReview }) => {
        complete(m.id, m.review);
        feed();
      });
      const lost = (detail: string) => {
        if (finished) return;
        finished = true;
        const index = current;
        current = null;
        if (index !== null) {
          const name = tasks[index].name;
          complete(
            index,
            unreadable(name, "", "UNREADABLE_FILE", t("review.workerFailed", { file: name, detail })),
          );
        }
        if (next < tasks.length) start();
      };
      worker.on("error", (e) => lost(e instanceof Error ? e.message : String(e)));
      worker.on("exit", (code) => lost(`exit ${code}`));
      feed();
    };
    for (let i = 0; i < count; i++) start();
  });
}
