/**
 * The built command line's `review` with real worker threads (dist/cli.js starts itself in
 * each): a generated folder gives byte for byte the same 问题清单 with 2 workers as in one
 * thread, and the inputs stay untouched.
 */
import { spawnSync } from "child_process";
import { createHash } from "crypto";
import { mkdtempSync, readdirSync, readFileSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { generateReviewCorpus } from "../../scripts/review-corpus";

const ROOT = resolve(__dirname, "..", "..");
const CLI = join(ROOT, "dist", "cli.js");

function digest(dir: string): string {
  const h = createHash("sha256");
  for (const f of (readdirSync(dir, { recursive: true }) as string[]).sort())
    if (f.endsWith(".xlsx")) h.update(f).update(readFileSync(join(dir, f)));
  return h.digest("hex");
}

test("60 workbooks: --workers 2 writes exactly what --workers 1 writes", async () => {
  const dir = mkdtempSync(join(tmpdir(), "jixiao-e2e-review-"));
  const folder = join(dir, "district");
  const manifest = await generateReviewCorpus(folder, 60);
  const before = digest(folder);
  const run = (workers: number) => {
    const out = join(dir, `w${workers}.csv`);
    const r = spawnSync(
      process.execPath,
      [CLI, "review", folder, "--out", out, "--workers", String(workers)],
      {
        encoding: "utf8",
        timeout: 600000,
      },
    );
    expect([r.status, r.stderr]).toEqual([0, ""]);
    return {
      list: readFileSync(out, "utf8"),
      summary: readFileSync(join(dir, `w${workers}-汇总.csv`), "utf8"),
      // The lines naming the output files differ by name only.
      stdout: r.stdout.split(`w${workers}`).join("w?"),
    };
  };
  const one = run(1);
  const two = run(2);
  expect(two).toEqual(one);
  const tables = manifest.reduce((n, f) => n + (f.tables ?? 0), 0);
  expect(one.stdout).toContain(`共${tables}项，`);
  expect(digest(folder)).toBe(before);
}, 900000);
