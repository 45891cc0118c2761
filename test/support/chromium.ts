/**
 * The built page in Debian's Chromium, for the e2e tests and the page benchmarks: dist/ served
 * on 127.0.0.1, and a headless Chromium (fresh profile, offline but for that server) opened on
 * it. Every request elsewhere (office.js from Microsoft's CDN included) is aborted, so the page
 * runs in file mode.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";

export const ROOT = path.resolve(__dirname, "../..");
export const DIST = path.join(ROOT, "dist");
export const CHROMIUM = "/usr/bin/chromium";

/** Flags that keep a headless Chromium quiet and offline (TOOLCHAIN.md). */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
};

export interface Served {
  base: string;
  close(): Promise<void>;
}

/** Serves a folder (dist/ by default) on 127.0.0.1 at a free port. */
export async function serveDist(root = DIST): Promise<Served> {
  const server: Server = createServer((req, res) => {
    const rel = path.normalize(decodeURIComponent((req.url ?? "/").split("?")[0])).replace(/^([/\\])+/, "");
    const file = path.join(root, rel);
    if (!file.startsWith(root) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}

export interface LaunchOptions {
  width: number;
  height: number;
  acceptDownloads?: boolean;
  /** Awaited before each request is let through or aborted (e.g. to hold a chunk back). */
  before?: (url: string) => Promise<void> | void;
  /** Told of each request that tried to leave the machine (it is aborted). */
  outside?: (url: string) => void;
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** The browser's fresh profile folder (a place for downloads); removed on close. */
  dir: string;
  /** Closes the browser and removes its profile. */
  close(): Promise<void>;
}

/** Debian's Chromium, headless, with a fresh profile, offline but for `base`. */
export async function launch(base: string, opts: LaunchOptions): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing`);
  // Required lazily: the benchmarks load this module whether or not they open a browser.
  const { chromium } = require("playwright-core") as typeof import("playwright-core");
  const userData = mkdtempSync(path.join(tmpdir(), "jixiao-chromium-"));
  const context = await chromium.launchPersistentContext(userData, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: opts.acceptDownloads ?? false,
    viewport: { width: opts.width, height: opts.height },
    args: CHROMIUM_ARGS,
  });
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    await opts.before?.(url);
    if (url.startsWith(base) || url.startsWith("blob:") || url.startsWith("data:"))
      return route.continue().catch(() => undefined);
    opts.outside?.(url);
    return route.abort().catch(() => undefined);
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    dir: userData,
    close: async () => {
      await context.close();
      rmSync(userData, { recursive: true, force: true });
    },
  };
}
