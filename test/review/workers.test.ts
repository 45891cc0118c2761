/**
 * `review` in worker threads gives the same 问题清单 as in one thread, and a worker that dies
 * costs only its workbook (a P0 row), never the run. Also the command's arguments and exits.
 */
import { copyFileSync, existsSync, readdirSync, writeFileSync } from "fs";
import { join, resolve } from "path";
import { Worker } from "worker_threads";
import { resolveProfile } from "../../src/core";
import { reviewAll, type ReviewTask, type ReviewWorkerData } from "../../src/cli/review-pool";
import { defaultWorkers, listWorkbooks } from "../../src/cli/review";
import type { WorkbookReview } from "../../src/review/types";
import { REF, run, tmp } from "../cli/helpers";

const REGISTER = resolve(__dirname, "../../scripts/bench/register.cjs");
const POOL = resolve(__dirname, "../../src/cli/review-pool.ts");

/** A worker running the TypeScript sources (the CLI bundle starts itself instead). */
function tsWorker(extra = ""): (data: ReviewWorkerData) => Worker {
  return (workerData) =>
    new Worker(
      `${extra}\nrequire(${JSON.stringify(REGISTER)});\nrequire(${JSON.stringify(POOL)}).runReviewWorker();`,
      { eval: true, workerData },
    );
}

async function collect(tasks: ReviewTask[], workers: number, spawn?: (d: ReviewWorkerData) => Worker) {
  const out: WorkbookReview[] = new Array(tasks.length);
  await reviewAll(tasks, {
    profile: resolveProfile("central"),
    workers,
    spawn,
    onResult: (i, r) => {
      expect(out[i]).toBeUndefined();
      out[i] = r;
    },
  });
  return out;
}

let folder: string;
let tasks: ReviewTask[];

beforeAll(() => {
  folder = tmp("jixiao-workers-");
  const refs = readdirSync(REF).filter((n) => n.endsWith(".xlsx"));
  for (let i = 0; i < 3; i++) for (const f of refs) copyFileSync(join(REF, f), join(folder, `${i}-${f}`));
  writeFileSync(join(folder, "broken.xlsx"), "not a workbook");
  tasks = listWorkbooks(folder);
});

it("two workers give exactly what one thread gives, in the files' order", async () => {
  const one = await collect(tasks, 1);
  const two = await collect(tasks, 2, tsWorker());
  expect(two).toEqual(one);
  expect(one).toHaveLength(16);
  const broken = one[tasks.findIndex((t) => t.name === "broken.xlsx")];
  expect(broken.findings.map((f) => [f.level, f.code])).toEqual([["P0", "UNREADABLE_FILE"]]);
}, 120000);

it("a worker that dies on a workbook turns it into a P0 row; the others are all reviewed", async () => {
  const dying = tsWorker(
    `require("worker_threads").parentPort.on("message", (m) => { if (m.task.name.startsWith("1-B")) process.exit(7); });`,
  );
  const got = await collect(tasks, 2, dying);
  const victim = tasks.findIndex((t) => t.name.startsWith("1-B"));
  expect(got[victim].findings).toEqual([
    expect.objectContaining({ level: "P0", code: "UNREADABLE_FILE", file: tasks[victim].name }),
  ]);
  expect(got[victim].findings[0].finding).toContain("exit 7");
  const others = got.filter((_, i) => i !== victim);
  expect(others.every((r) => r.tables.length >= 1)).toBe(true);
  // 15 copies of the reference workbooks and the broken file, less the one lost.
  expect(others.filter((r) => r.tables.some((s) => !s.unreadable))).toHaveLength(14);
}, 120000);

describe("arguments and exits", () => {
  it("asks for --out (or --json), an .xlsx or .csv name, and an existing path", async () => {
    expect((await run(["review", REF])).code).toBe(2);
    expect((await run(["review", REF, "--out", join(tmp(), "x.txt")])).code).toBe(2);
    expect((await run(["review", "/nonexistent/folder", "--json"])).code).toBe(1);
    expect((await run(["review", REF, "--json", "--workers", "0"])).code).toBe(2);
  });
  it("a single unreadable file exits 1 and still writes its P0 row", async () => {
    const out = join(tmp(), "清单.csv");
    const r = await run(["review", join(folder, "broken.xlsx"), "--out", out]);
    expect(r.code).toBe(1);
    expect(existsSync(out)).toBe(true);
    expect(existsSync(out.replace(/\.csv$/, "-汇总.csv"))).toBe(true);
  });
  it("a single file with --json prints the findings as an array on standard output only", async () => {
    const r = await run(["review", join(REF, "B-donghu-2021-scoresheet.xlsx"), "--json"]);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as unknown[];
    expect(Array.isArray(list)).toBe(true);
    expect(list[0]).toMatchObject({ level: "P0", code: "TOTAL_MISMATCH", cell: "F29" });
  });
});

describe("the default number of workers", () => {
  it("one per idle core, at most 8; one thread for a small folder or a busy machine", () => {
    // (files, cores, 1-minute load)
    expect(defaultWorkers(2000, 2, 0.1)).toBe(2);
    expect(defaultWorkers(2000, 2, 1.2)).toBe(1);
    expect(defaultWorkers(2000, 2, 20)).toBe(1);
    expect(defaultWorkers(2000, 16, 0)).toBe(8);
    expect(defaultWorkers(2000, 16, 12)).toBe(4);
    expect(defaultWorkers(299, 16, 0)).toBe(1);
    expect(defaultWorkers(300, 16, 0)).toBe(8);
  });
});
