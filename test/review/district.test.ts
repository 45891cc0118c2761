/**
 * `jixiao review` over a district's folder: 200 workbooks generated with a fixed seed from the
 * reference and real tables (scripts/review-corpus.ts: varied figures, moved tables, two tables
 * on a sheet, a second sheet, broken files). Every file appears in the 问题清单's 汇总 with as
 * many rows as it holds tables (one row when it could not be read or held none), and the counts
 * of the roll-up, the 问题清单 and --json agree. The 2,000-workbook run is in `npm run bench`.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { parse } from "csv-parse/sync";
import { generateReviewCorpus, loadSources, type CorpusFile } from "../../scripts/review-corpus";
import type { Finding } from "../../src/review/types";
import { run, tmp } from "../cli/helpers";

const N = 200;

let manifest: CorpusFile[];
let findings: Finding[];
let summary: string[][];
let list: string[][];
let code: number;

beforeAll(async () => {
  const dir = tmp("jixiao-district-");
  const folder = join(dir, "区");
  manifest = await generateReviewCorpus(folder, N);
  const out = join(dir, "问题清单.csv");
  const r = await run(["review", folder, "--json", "--out", out, "--workers", "1"]);
  code = r.code;
  findings = JSON.parse(r.stdout) as Finding[];
  const csv = (f: string) =>
    parse(readFileSync(f, "utf8").replace(/^\uFEFF/, ""), { relax_column_count: true }) as string[][];
  list = csv(out);
  summary = csv(join(dir, "问题清单-汇总.csv"));
}, 900000);

it("the generator is deterministic and makes every kind of file", async () => {
  expect(manifest).toHaveLength(N);
  const again = await generateReviewCorpus(tmp("jixiao-district-again-"), 25, undefined, await loadSources());
  expect(again).toEqual(manifest.slice(0, 25));
  const kinds = (p: (f: CorpusFile) => boolean) => manifest.filter(p).length;
  expect(kinds((f) => f.tables === null)).toBeGreaterThan(0);
  expect(kinds((f) => f.tables === 0)).toBeGreaterThan(0);
  expect(kinds((f) => (f.tables ?? 0) >= 2)).toBeGreaterThan(5);
  expect(kinds((f) => f.file.includes("+"))).toBeGreaterThan(10);
});

it("one bad file never stops the run: exit 0", () => {
  expect(code).toBe(0);
});

it("汇总 has every file, with one row per table (one row for a file without any)", () => {
  const end = summary.findIndex((r, i) => i > 0 && r.every((x) => x === ""));
  const rows = summary.slice(1, end);
  const perFile = new Map<string, number>();
  for (const r of rows) perFile.set(r[0], (perFile.get(r[0]) ?? 0) + 1);
  const want = new Map(manifest.map((f) => [f.file, Math.max(1, f.tables ?? 0)]));
  expect(Object.fromEntries(perFile)).toEqual(Object.fromEntries(want));
  // In the folder's order (sorted paths), as the 问题清单 lists them.
  const order = [...new Set(rows.map((r) => r[0]))];
  expect(order).toEqual([...want.keys()].sort());
});

it("each broken file is one UNREADABLE_FILE row, each file without a table one NO_TABLE_FOUND row", () => {
  for (const f of manifest.filter((x) => x.tables === null || x.tables === 0)) {
    const own = findings.filter((x) => x.file === f.file);
    expect([f.file, own.map((x) => `${x.level} ${x.code}`)]).toEqual([
      f.file,
      [f.tables === null ? "P0 UNREADABLE_FILE" : "P0 NO_TABLE_FOUND"],
    ]);
  }
});

it("the roll-up, the 问题清单 and --json agree", () => {
  const tables = manifest.reduce((n, f) => n + (f.tables ?? 0), 0);
  const unread = manifest.filter((f) => !f.tables).length;
  const sentence = summary[summary.length - 1][0];
  expect(sentence).toMatch(new RegExp(`^共${tables}项，`));
  expect(sentence).toContain(`${unread}个文件无法读取`);
  expect(list.length - 1).toBe(findings.length);
  const total = summary.find((r) => r[0] === "合计")!;
  const count = (l: string) => findings.filter((f) => f.level === l).length;
  expect(total.slice(6, 9).map(Number)).toEqual([count("P0"), count("P1"), count("P2")]);
  expect(list.slice(1).map((r) => r[0])).toEqual(findings.map((f) => f.level));
});
