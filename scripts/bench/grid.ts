/**
 * The page's sheet grid scrolling a 5,000-row table in Chromium: the built page (dist/) is
 * served locally, a synthetic workbook is uploaded, and the grid is scrolled programmatically
 * while each frame's work is timed in the page (see `scrollFrames`).
 *
 *   node -r ./scripts/bench/register.cjs scripts/bench/grid.ts [rows]   prints {p50, p95, …}
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { DIST, launch, serveDist } from "../../test/support/chromium";
import { syntheticSheet } from "./synthetic";

/** A workbook of one self-evaluation table with `n` indicator rows (scripts/bench/synthetic.ts). */
export async function syntheticWorkbook(n: number): Promise<Uint8Array> {
  const { grid } = syntheticSheet("band1", n);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(grid.sheet);
  grid.cells.forEach((row, r) =>
    row.forEach((c, col) => {
      if (!c) return;
      const cell = ws.getCell(r + 1, col + 1);
      cell.value = c.v;
      if (c.fmt) cell.numFmt = c.fmt;
    }),
  );
  for (const m of grid.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Opens `file` in the page and waits until the grid is shown. */
export async function openInPage(page: Page, base: string, file: string): Promise<void> {
  await page.goto(`${base}/taskpane.html`);
  await page.locator('input[type="file"][accept^=".xlsx"]').setInputFiles(file);
  await page.getByTestId("sheet-grid").waitFor({ timeout: 180000 });
}

export interface FrameFigures {
  p50: number;
  p95: number;
  frames: number;
  /** Sheet rows drawn at the end, first and last (the window after scrolling). */
  lastRows: [number, number];
}

/**
 * Scrolls the grid by `step` px a frame for `frames` frames (down, and back up at the end),
 * and times each frame's work in the page: from the scroll event (a capture listener on the
 * window, before the grid's own) to the end of that frame's rendering, marked by a message
 * posted from its requestAnimationFrame callback (it runs once style, layout and paint are
 * done). Headless Chromium paces frames at 60 Hz, so the interval between frames would only
 * say 16.7 ms; the work says how close to it the grid comes.
 */
export async function scrollFrames(
  page: Page,
  frames = 240,
  step = 140,
): Promise<FrameFigures & { times: number[]; intervalP50: number }> {
  const out = await page.evaluate(
    async ({ frames, step }) => {
      const el = document.querySelector<HTMLElement>('[data-testid="sheet-grid"]')!;
      let scrolledAt = 0;
      const onScroll = () => {
        scrolledAt = performance.now();
      };
      window.addEventListener("scroll", onScroll, { capture: true });
      /** Resolves after the next frame is rendered: its rAF time and the time rendering ended. */
      const frameDone = () =>
        new Promise<[number, number]>((ok) =>
          requestAnimationFrame((t) => {
            const ch = new MessageChannel();
            ch.port1.onmessage = () => ok([t, performance.now()]);
            ch.port2.postMessage(0);
          }),
        );
      const times: number[] = [];
      const intervals: number[] = [];
      await frameDone();
      let [last] = await frameDone();
      const max = el.scrollHeight - el.clientHeight;
      let dir = 1;
      for (let i = 0; i < frames; i++) {
        if (el.scrollTop + step * dir > max || el.scrollTop + step * dir < 0) dir = -dir;
        scrolledAt = 0;
        el.scrollTop += step * dir;
        const [t, end] = await frameDone();
        if (scrolledAt > 0) times.push(end - scrolledAt);
        intervals.push(t - last);
        last = t;
      }
      window.removeEventListener("scroll", onScroll, { capture: true });
      // End on a known offset: the last rows of the sheet.
      el.scrollTop = max;
      await frameDone();
      await frameDone();
      const rows = [...el.querySelectorAll('[role="row"][aria-rowindex]')]
        .map((r) => Number(r.querySelector('[role="rowheader"]')?.textContent))
        .filter((n) => n > 0);
      return { times, intervals, lastRows: [Math.min(...rows), Math.max(...rows)] as [number, number] };
    },
    { frames, step },
  );
  const q = (xs: number[], p: number) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] * 10) / 10;
  };
  return {
    p50: q(out.times, 0.5),
    p95: q(out.times, 0.95),
    frames: out.times.length,
    lastRows: out.lastRows,
    times: out.times,
    intervalP50: q(out.intervals, 0.5),
  };
}

/** The bench figure `gridFrameMs`: a 5,000-row table scrolled in the built page. */
export async function gridFrameMs(
  opts: { rows?: number; log?: (s: string) => void } = {},
): Promise<FrameFigures> {
  const rows = opts.rows ?? 5000;
  if (!existsSync(path.join(DIST, "taskpane.html")))
    throw new Error("dist/taskpane.html missing: build first");
  const dir = mkdtempSync(path.join(tmpdir(), "jixiao-grid-bench-"));
  const file = path.join(dir, `synthetic-${rows}.xlsx`);
  writeFileSync(file, await syntheticWorkbook(rows));
  const server = await serveDist();
  const browser = await launch(server.base, { width: 1280, height: 900 });
  try {
    opts.log?.(`  page grid: ${rows} rows, opening…`);
    await openInPage(browser.page, server.base, file);
    await scrollFrames(browser.page, 30); // warm-up
    const f = await scrollFrames(browser.page);
    opts.log?.(
      `  page grid: p50 ${f.p50} ms, p95 ${f.p95} ms of work per frame (${f.frames} frames; frame interval p50 ${f.intervalP50} ms)`,
    );
    return { p50: f.p50, p95: f.p95, frames: f.frames, lastRows: f.lastRows };
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  gridFrameMs({ rows: Number(process.argv[2]) || 5000, log: (s) => process.stderr.write(s + "\n") }).then(
    (f) => console.log(JSON.stringify(f)),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
