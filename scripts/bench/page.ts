/**
 * The page in Debian's Chromium (headless, file mode, office.js blocked): for each reference
 * workbook in turn, the time from choosing the file to the preview's total being shown,
 * measured in the page itself (the file input's change event to the new total's node). The
 * first file includes loading the file-handling and scoring chunks.
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { launch, serveDist } from "../../test/support/chromium";

export interface PagePreview {
  /** ms from file chosen to preview shown, per workbook, in the order they were chosen. */
  files: { file: string; ms: number }[];
  medianMs: number;
}

export async function measurePagePreview(dist: string, reference: string): Promise<PagePreview> {
  if (!existsSync(path.join(dist, "taskpane.html"))) throw new Error("dist/taskpane.html is missing");
  const workbooks = readdirSync(reference)
    .filter((f) => f.endsWith(".xlsx"))
    .sort()
    .map((f) => path.join(reference, f));
  const server = await serveDist(dist);
  const browser = await launch(server.base, { width: 320, height: 900 });
  try {
    const { page } = browser;
    const base = server.base;
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
    await browser.close();
    await server.close();
  }
}
