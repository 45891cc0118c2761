/**
 * Peak memory of scoring one workbook with `--out`, in a process of its own:
 *   node -r ./scripts/bench/register.cjs scripts/bench/rss.ts file.xlsx
 * prints {"maxRssMB": …, "ms": …, "outcome": "…"}.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { resolveProfile } from "../../src/core";
import { scoreFile } from "../../src/cli/score-file";

async function main(): Promise<void> {
  const file = process.argv[2];
  const t0 = performance.now();
  let outcome: string;
  try {
    const r = await scoreFile(readFileSync(file), path.basename(file), {
      profile: resolveProfile("central"),
      out: true,
    });
    outcome = `scored, ${r.result.plan.writes.length} writes, copy ${r.output?.length ?? 0} bytes`;
  } catch (e) {
    outcome = `refused: ${(e as Error).message}`;
  }
  const ms = Math.round(performance.now() - t0);
  const maxRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(JSON.stringify({ maxRssMB, ms, outcome }) + "\n");
}
void main();
