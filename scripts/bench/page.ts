/**
 * The page in Debian's Chromium (headless, file mode, office.js blocked): for each reference
 * workbook in turn, the time from choosing the file to the preview's total being shown,
 * measured in the page itself (the file input's change event to the new total's node). The
 * first file includes loading the file-handling and scoring chunks.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
};

export interface PagePreview {
  /** ms from file chosen to preview shown, per workbook, in the order they were chosen. */
  files: { file: string; ms: number }[];
  medianMs: number;
}

export async function measurePagePreview(dist: string, reference: string): Promise<PagePreview> {
  if (!existsSync(path.join(dist, "taskpane.html"))) throw new Error("dist/taskpane.html is missing");
  if (!existsSync("/usr/bin/chromium")) throw new Error("/usr/bin/chromium is missing");
  const { chromium } = require("playwright-core") as typeof import("playwright-core");
  const workbooks = readdirSync(reference)
    .filter((f) => f.endsWith(".xlsx"))
    .sort()
    .map((f) => path.join(reference, f));
  const server = createServer((req, res) => {
    const rel = path.normalize(decodeURIComponent((req.url ?? "/").split("?")[0])).replace(/^([/\\])+/, "");
    const file = path.join(dist, rel);
    if (!file.startsWith(dist) || !existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const userData = mkdtempSync(path.join(tmpdir(), "jixiao-bench-chromium-"));
  const context = await chromium.launchPersistentContext(userData, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    viewport: { width: 320, height: 900 },
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  try {
    await context.route("**/*", (route) => {
      const url = route.request().url();
      return url.startsWith(base) || url.startsWith("blob:") || url.startsWith("data:")
        ? route.continue()
        : route.abort();
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${base}/taskpane.html`);
    const input = page.locator('input[type="file"][accept^=".xlsx"]');
    await input.waitFor({ state: "attached" });
    const files: PagePreview["files"] = [];
    for (const file of workbooks) {
      // In the page: the change event starts the clock; a total node that was not there before stops it.
      const done = page.evaluate(
        () =>
          new Promise<number>((resolve, reject) => {
            const old = document.querySelector('[data-testid="total"]');
            let t0 = -1;
            const el = document.querySelector('input[type="file"]')!;
            el.addEventListener("change", () => (t0 = performance.now()), { capture: true, once: true });
            const check = () => {
              const now = document.querySelector('[data-testid="total"]');
              if (t0 >= 0 && now && now !== old) {
                observer.disconnect();
                resolve(performance.now() - t0);
              }
            };
            const observer = new MutationObserver(check);
            observer.observe(document.body, { childList: true, subtree: true, characterData: true });
            setTimeout(() => {
              observer.disconnect();
              reject(new Error("no preview within 60 s"));
            }, 60_000);
          }),
      );
      await page.waitForTimeout(50);
      await input.setInputFiles(file);
      const ms = await done;
      files.push({ file: path.basename(file), ms: Math.round(ms) });
    }
    const sorted = files.map((f) => f.ms).sort((a, b) => a - b);
    const m = Math.floor(sorted.length / 2);
    const medianMs = sorted.length % 2 ? sorted[m] : Math.round((sorted[m - 1] + sorted[m]) / 2);
    return { files, medianMs };
  } finally {
    await context.close();
    await new Promise<void>((ok) => server.close(() => ok()));
    rmSync(userData, { recursive: true, force: true });
  }
}
