#!/usr/bin/env node
// `npm run validate`: Microsoft's validation of manifest.xml (office-addin-manifest validate).
// It sends the manifest to an online service, so it needs the internet; offline it fails.
// The offline check of the same manifest is test/manifest.test.ts (`npx jest test/manifest.test.ts`),
// part of `npm test`.
import { spawnSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const OFFLINE = "npx jest test/manifest.test.ts";

console.log(
  "manifest.xml 由 Microsoft 的在线服务验证，需要联网。离线检查见 test/manifest.test.ts（" + OFFLINE + "）。",
);
console.log(
  "(Validates manifest.xml with Microsoft's online service: needs the internet. Offline check: " +
    OFFLINE +
    ")",
);
console.log("");

const cli = join(ROOT, "node_modules", "office-addin-manifest", "cli.js");
const r = spawnSync(
  process.execPath,
  [cli, "validate", join(ROOT, "manifest.xml"), ...process.argv.slice(2)],
  {
    cwd: ROOT,
    stdio: "inherit",
  },
);
if (r.status !== 0) {
  console.error("");
  console.error(
    `在线验证未通过或无法完成（没有网络时必然如此）。离线时请运行 ${OFFLINE}；联网后再运行 npm run validate。`,
  );
  console.error(
    `(Online validation failed or could not run, as it always does offline. Offline: ${OFFLINE}.)`,
  );
}
process.exit(r.status ?? 1);
