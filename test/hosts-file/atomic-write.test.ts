/**
 * R-WRITE-4 from the file system's side: a scored copy is written atomically. A run killed
 * during the write leaves the old file whole; two runs writing the same destination leave one
 * complete file, never a mix; neither leaves a broken file where a good one stood.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { writeFileAtomic } from "../../src/hosts/file/atomic-write";

const ROOT = path.join(__dirname, "..", "..");
const SIZE = 64 * 1024 * 1024;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "jixiao-atomic-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts a writer process; resolves when it is about to write. */
function writer(dest: string, fill: number) {
  const child = spawn(
    process.execPath,
    ["-r", "./scripts/bench/register.cjs", "test/support/atomic-writer.ts", dest, String(SIZE), String(fill)],
    { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] },
  );
  let out = "";
  const writing = new Promise<void>((resolve) =>
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      if (out.includes("writing")) resolve();
    }),
  );
  const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, writing, exit, output: () => out };
}

/** The file is entirely made of one byte value, and has the full size. */
function uniform(file: string): number | null {
  const b = readFileSync(file);
  if (b.length !== SIZE) return null;
  const first = b[0];
  return b.every((x) => x === first) ? first : null;
}

test("writeFileAtomic replaces the file's content and leaves no temporary file", () => {
  const dest = path.join(dir, "plain.xlsx");
  writeFileSync(dest, "old");
  writeFileAtomic(dest, new TextEncoder().encode("new"));
  expect(readFileSync(dest, "utf8")).toBe("new");
  expect(readdirSync(dir).filter((f) => f.includes("plain.xlsx"))).toEqual(["plain.xlsx"]);
});

test("killed during the write: the old file stays whole", async () => {
  const dest = path.join(dir, "killed.xlsx");
  writeFileSync(dest, new Uint8Array(SIZE).fill(1));
  for (const delay of [0, 5, 20, 60]) {
    const w = writer(dest, 2);
    await w.writing;
    await new Promise((r) => setTimeout(r, delay));
    w.child.kill("SIGKILL");
    await w.exit;
    // Either the old content or, had the write finished first, the complete new one.
    const got = uniform(dest);
    expect([1, 2]).toContain(got);
    if (got === 2) writeFileSync(dest, new Uint8Array(SIZE).fill(1));
  }
  // At least one kill landed mid-write: its temporary file is still beside the destination.
  expect(
    readdirSync(dir).filter((f) => f.startsWith(".killed.xlsx.") && f.endsWith(".tmp")).length,
  ).toBeGreaterThan(0);
}, 120_000);

test("two writers to the same destination: both finish, one complete file wins", async () => {
  const dest = path.join(dir, "two.xlsx");
  writeFileSync(dest, new Uint8Array(SIZE).fill(1));
  const a = writer(dest, 3);
  const b = writer(dest, 4);
  const [ca, cb] = await Promise.all([a.exit, b.exit]);
  expect([ca, cb]).toEqual([0, 0]);
  expect([3, 4]).toContain(uniform(dest));
  expect(readdirSync(dir).filter((f) => f.includes("two.xlsx"))).toEqual(["two.xlsx"]);
}, 120_000);
