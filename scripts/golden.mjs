#!/usr/bin/env node
// Rewrites the golden JSON reports (test/golden/reports) from the current code. Run it only
// when output changes on purpose, then review `git diff test/golden` and commit it.
import { spawnSync } from "node:child_process";

const r = spawnSync("npx", ["jest", "test/golden", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, JIXIAO_UPDATE_GOLDEN: "1" },
});
process.exit(r.status ?? 1);
