/**
 * Golden JSON reports: `jixiao score FILE --json` of every reference workbook and every
 * corpus workbook that scores, under the profiles in ./profiles and with --recompute-all,
 * compared byte for byte with ./reports. Guards refactors that must not change output.
 *
 * A deliberate change of output: `npm run golden` rewrites ./reports; review the diff and
 * commit it with the change that caused it.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { basename, join } from "path";
import { REF, run } from "../cli/helpers";

const UPDATE = process.env.JIXIAO_UPDATE_GOLDEN === "1";
const OUT = join(__dirname, "reports");
const PROFILES = join(__dirname, "profiles");
const CORPUS = join(REF, "..", "corpus", "workbooks");
/** Refused before scoring (a 1 GB part): nothing to pin, and costly to open. */
const SKIP = new Set(["c22_zipbomb_1024MB.xlsx"]);

interface Variant {
  id: string;
  args: string[];
}

const profiles = readdirSync(PROFILES)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => ({ id: f.replace(/\.json$/, ""), args: ["--profile", join(PROFILES, f)] }));
const ALL: Variant[] = [
  { id: "central", args: [] },
  { id: "recompute-all", args: ["--recompute-all"] },
  { id: "municipal-20", args: ["--profile", "municipal-20"] },
  { id: "guangxi", args: ["--profile", "guangxi"] },
  ...profiles,
];
/** The corpus workbooks are variants of one table: the default profile is enough there. */
const CORPUS_VARIANTS = ALL.slice(0, 2);

const workbooks = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => /\.xls[xm]$/i.test(f) && !SKIP.has(f))
        .sort()
        .map((f) => join(dir, f))
    : [];

const cases: { file: string; variant: Variant; golden: string; required: boolean }[] = [];
for (const file of workbooks(REF))
  for (const variant of ALL) cases.push({ file, variant, golden: goldenName(file, variant), required: true });
for (const file of workbooks(CORPUS))
  for (const variant of CORPUS_VARIANTS)
    cases.push({ file, variant, golden: goldenName(file, variant), required: false });

function goldenName(file: string, variant: Variant): string {
  const base = basename(file).replace(/\.xls[xm]$/i, "");
  return `${base}.${variant.id}.json`;
}

if (UPDATE) {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
}

describe("golden JSON reports (score --json)", () => {
  test.each(cases.map((c) => [c.golden, c] as const))("%s", async (_name, c) => {
    const target = join(OUT, c.golden);
    const r = await run(["score", c.file, "--json", ...c.variant.args]);
    if (UPDATE) {
      // Pinned only when the workbook scores (a table found, exit 0).
      if (r.code === 0) writeFileSync(target, r.stdout);
      return;
    }
    if (!existsSync(target)) {
      // A new corpus workbook is pinned by the next `npm run golden`; a reference one must be.
      if (c.required) throw new Error(`no golden report ${c.golden}: run \`npm run golden\``);
      return;
    }
    expect({ code: r.code, stderr: r.code === 0 ? "" : r.stderr }).toEqual({ code: 0, stderr: "" });
    expect(r.stdout).toBe(readFileSync(target, "utf8"));
  });

  test("every golden report belongs to a workbook that is still there", () => {
    if (UPDATE) return;
    const known = new Set(cases.map((c) => c.golden));
    expect(readdirSync(OUT).filter((f) => !known.has(f))).toEqual([]);
  });
});
