#!/usr/bin/env node
// The task pane's initial JavaScript, gzip-compressed: the scripts dist/taskpane.html loads
// from the production build (lazy chunks and office.js from Microsoft's CDN excluded).
// Target ≤ 150 KB. It needs a production build: run `npm run build` first (the development
// build `npm start` writes to dist/ is refused, its size means nothing).
// Usage: npm run size [-- --json]
// And the page's file chunk: the scripts the page's import() of the file host loads that the
// page has not loaded already (from dist/chunk-groups.json, written by the build). Target ≤ 80 KB.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const dist = resolve(dirname(fileURLToPath(import.meta.url)), "..", "dist");
const html = join(dist, "taskpane.html");
const BUILD_FIRST =
  "npm run size 需要生产构建：请先运行 npm run build（或 npx webpack --mode production --config-name web）。";
if (!existsSync(html)) {
  console.error(`找不到 dist/taskpane.html。${BUILD_FIRST}`);
  console.error("(npm run size needs a production build: run `npm run build` first.)");
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
  if (!existsSync(file)) {
    console.error(`dist/taskpane.html 引用的 ${src} 不存在。${BUILD_FIRST}`);
    process.exit(1);
  }
  const code = readFileSync(file);
  // A development build (npm start) carries source maps and unminified modules.
  const text = code.toString("utf8");
  if (/\/\/# sourceMappingURL=\S+\s*$/.test(text.slice(-300)) || /^\/\*{6}\/ /m.test(text)) {
    console.error(`dist/ 中是开发构建（npm start 生成的）。${BUILD_FIRST}`);
    console.error("(dist/ holds a development build: run `npm run build` first.)");
    process.exit(1);
  }
  const gz = gzipSync(code, { level: 9 }).length;
  files.push({ file: src, gzipKB: kb(gz) });
  bytes += gz;
}
const total = kb(bytes);

let fileChunk = null;
const fileFiles = [];
const groupsFile = join(dist, "chunk-groups.json");
if (existsSync(groupsFile)) {
  const groups = JSON.parse(readFileSync(groupsFile, "utf8"));
  const initial = new Set(scripts.map((s) => s.replace(/^\.?\//, "").split("?")[0]));
  let fb = 0;
  for (const f of groups["file-host"] ?? []) {
    if (initial.has(f)) continue;
    const gz = gzipSync(readFileSync(join(dist, f)), { level: 9 }).length;
    fileFiles.push({ file: f, gzipKB: kb(gz) });
    fb += gz;
  }
  if (groups["file-host"]) fileChunk = kb(fb);
}

if (process.argv.includes("--json"))
  console.log(JSON.stringify({ taskpaneInitialGzipKB: total, fileChunkGzipKB: fileChunk }));
else {
  for (const f of files) console.log(`${f.file}\t${f.gzipKB} KB`);
  console.log(`task pane initial JavaScript (gzip): ${total} KB (target ≤ 150 KB)`);
  for (const f of fileFiles) console.log(`${f.file}\t${f.gzipKB} KB`);
  console.log(`page's file chunk (gzip): ${fileChunk ?? "n/a"} KB (target ≤ 80 KB)`);
}

function kb(n) {
  return Math.round((n / 1024) * 10) / 10;
}
