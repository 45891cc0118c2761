#!/usr/bin/env node
// The task pane's initial JavaScript, gzip-compressed: the scripts dist/taskpane.html loads
// from the build (lazy chunks and office.js from Microsoft's CDN excluded). Target ≤ 150 KB.
// Usage: node scripts/size.mjs [--json]   (run after `npx webpack --mode production --config-name web`)
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const dist = resolve(dirname(fileURLToPath(import.meta.url)), "..", "dist");
const html = join(dist, "taskpane.html");
if (!existsSync(html)) {
  console.error("找不到 dist/taskpane.html：请先构建（npx webpack --mode production --config-name web）。");
  process.exit(1);
}

const scripts = [
  ...readFileSync(html, "utf8").matchAll(/<script\b[^>]*?\bsrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g),
]
  .map((m) => m[1] ?? m[2] ?? m[3])
  .filter((src) => !/^(https?:)?\/\//i.test(src));

let bytes = 0;
const files = [];
for (const src of scripts) {
  const file = join(dist, src.replace(/^\.?\//, "").split("?")[0]);
  const gz = gzipSync(readFileSync(file), { level: 9 }).length;
  files.push({ file: src, gzipKB: kb(gz) });
  bytes += gz;
}
const total = kb(bytes);

if (process.argv.includes("--json")) console.log(JSON.stringify({ taskpaneInitialGzipKB: total }));
else {
  for (const f of files) console.log(`${f.file}\t${f.gzipKB} KB`);
  console.log(`task pane initial JavaScript (gzip): ${total} KB (target ≤ 150 KB)`);
}

function kb(n) {
  return Math.round((n / 1024) * 10) / 10;
}
