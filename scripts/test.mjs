#!/usr/bin/env node
// Every test: unit and integration (jest), the production build, then the end-to-end tests
// (built CLI, built page in Debian's Chromium). Prints one closing line: "N passed, N failed".
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";

const run = (cmd, args, opts = {}) =>
  spawnSync(cmd, args, { stdio: "inherit", shell: false, ...opts }).status ?? 1;
const npx = (args) => run("npx", args);
mkdirSync("build", { recursive: true });

let passed = 0;
let failed = 0;
let ok = true;
const tally = (file) => {
  if (!existsSync(file)) return;
  const r = JSON.parse(readFileSync(file, "utf8"));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
};

const extra = process.argv.slice(2);
ok = npx(["jest", "--json", "--outputFile=build/jest-unit.json", ...extra]) === 0 && ok;
tally("build/jest-unit.json");

if (!process.env.JIXIAO_SKIP_E2E) {
  ok = npx(["webpack", "--mode", "production"]) === 0 && ok;
  ensureChromium();
  ok = npx(["jest", "-c", "jest.e2e.config.js", "--json", "--outputFile=build/jest-e2e.json"]) === 0 && ok;
  tally("build/jest-e2e.json");
}

console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 ? 0 : 1);

/**
 * The end-to-end tests need Debian's Chromium, a CJK font, LibreOffice Calc (a real
 * consumer of the scored copies), LibreOffice Writer and poppler (the rendered 自评报告); install them where we may (root, apt).
 */
function ensureChromium() {
  const need = [
    "/usr/bin/chromium",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/lib/libreoffice/program/libsclo.so",
    "/usr/lib/libreoffice/program/libswlo.so",
    "/usr/bin/pdftoppm",
  ];
  if (need.every((f) => existsSync(f))) return;
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  if (!root || !existsSync("/usr/bin/apt-get")) {
    console.error(
      "端到端测试需要 Chromium、中文字体、LibreOffice（Calc、Writer）与 poppler：apt-get install -y chromium fonts-wqy-microhei libreoffice-calc-nogui libreoffice-writer-nogui poppler-utils",
    );
    return;
  }
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  run("apt-get", ["update", "-qq"], { env });
  run(
    "apt-get",
    [
      "install",
      "-y",
      "-qq",
      "chromium",
      "fonts-wqy-microhei",
      "libreoffice-calc-nogui",
      "libreoffice-writer-nogui",
      "poppler-utils",
    ],
    {
      env,
    },
  );
}
