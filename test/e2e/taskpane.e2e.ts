/**
 * The built page (dist/) in Debian's Chromium, in file mode (office.js blocked): upload the
 * blank reference table, preview, write, download, and check the downloaded workbook.
 * Screenshots of each step go to test-artifacts/.
 */
import { createServer, type Server } from "node:http";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve } from "node:path";
import type { AddressInfo } from "node:net";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import ExcelJS from "exceljs";

const ROOT = resolve(__dirname, "../..");
const DIST = join(ROOT, "dist");
const ARTIFACTS = join(ROOT, "test-artifacts");
const BLANK = join(ROOT, "../shared/reference/A-donghu-2021-selfeval-blank.xlsx");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
};

let server: Server;
let base: string;
let context: BrowserContext;
let page: Page;
let userData: string;
/** Every request that tried to leave the machine. */
const outside: string[] = [];

beforeAll(async () => {
  if (!existsSync(join(DIST, "taskpane.html")))
    throw new Error("dist/taskpane.html missing: run the build first");
  mkdirSync(ARTIFACTS, { recursive: true });
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? "/").split("?")[0])).replace(/^([/\\])+/, "");
    const file = join(DIST, path);
    if (!file.startsWith(DIST) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  userData = mkdtempSync(join(tmpdir(), "jixiao-chromium-"));
  context = await chromium.launchPersistentContext(userData, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    acceptDownloads: true,
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
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(base) || url.startsWith("blob:") || url.startsWith("data:")) return route.continue();
    outside.push(url);
    return route.abort();
  });
  page = context.pages()[0] ?? (await context.newPage());
});

afterAll(async () => {
  await context?.close();
  await new Promise<void>((ok) => (server ? server.close(() => ok()) : ok()));
  if (userData) rmSync(userData, { recursive: true, force: true });
});

const shot = (name: string) =>
  page.screenshot({ path: join(ARTIFACTS, `taskpane-${name}.png`), fullPage: true });

/** No horizontal scrolling in a 320 px pane. */
const fitsWidth = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

test("file mode: upload the blank table, preview 86.59 良 and 20 writes, write, download the scored copy", async () => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));

  await page.goto(`${base}/taskpane.html`);
  const choose = page.getByRole("button", { name: "选择 .xlsx 文件" });
  await choose.waitFor();
  await shot("1-start");
  expect(await fitsWidth()).toBe(true);

  await page.locator('input[type="file"][accept^=".xlsx"]').setInputFiles(BLANK);
  await page.getByText("将要写入的单元格（20 个）").waitFor({ timeout: 30000 });
  expect(await page.getByTestId("total").textContent()).toBe("86.59");
  expect(await page.getByTestId("grade").textContent()).toBe("良");
  expect(await page.getByText("暂定", { exact: true }).count()).toBe(0);
  await shot("2-preview");
  expect(await fitsWidth()).toBe(true);

  await page.getByRole("button", { name: "写入表格（20 个单元格）" }).click();
  await page.getByText("已写入 20 个单元格", { exact: false }).waitFor();
  await page.getByText("没有需要写入的单元格", { exact: false }).waitFor();
  await shot("3-applied");
  expect(await fitsWidth()).toBe(true);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "下载评分后的文件" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("A-donghu-2021-selfeval-blank-评分.xlsx");
  const saved = join(userData, "scored.xlsx");
  await download.saveAs(saved);
  await page.getByText("原文件未被修改", { exact: false }).waitFor();
  await shot("4-downloaded");
  expect(await fitsWidth()).toBe(true);

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(saved) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("自评表")!;
  expect(ws.getCell("H13").value).toBe(4.16);
  expect(ws.getCell("I6").value).toBe(8.25);
  expect(ws.getCell("H29").value).toBe(86.59);
  expect(String(ws.getCell("I19").value)).toMatch(/^【待补充】/);

  expect(errors).toEqual([]);
  // Nothing but office.js (blocked here) was requested from outside the machine.
  expect([...new Set(outside)]).toEqual([OFFICE_JS]);
});

test("?view=templates opens on the templates view", async () => {
  await page.goto(`${base}/taskpane.html?view=templates`);
  await page.getByRole("tab", { name: "模板与指标库", selected: true }).waitFor();
  await page.getByText("请先在上方选择 .xlsx 文件：标准表格和指标将插入该文件。").waitFor();
  await shot("5-templates");
});
