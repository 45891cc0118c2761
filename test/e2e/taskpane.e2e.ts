/**
 * The built page (dist/) in Debian's Chromium, in file mode (office.js blocked), walked through
 * as a finance officer would: choose → review → write → download, at 320 px and 1280 px, by
 * mouse and by keyboard alone. Each numbered finding of the pane review has a check here
 * (named "finding N"); axe-core checks accessibility; layout shift after 写入 is measured in
 * the page. Screenshots of every step go to test-artifacts/.
 */
import { mkdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import ExcelJS from "exceljs";
import { DIST, ROOT, launch, serveDist, type Browser, type Served } from "../support/chromium";

const ARTIFACTS = join(ROOT, "test-artifacts");
const BLANK = join(ROOT, "../shared/reference/A-donghu-2021-selfeval-blank.xlsx");
const SCORESHEET = join(ROOT, "../shared/reference/B-donghu-2021-scoresheet.xlsx");
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

let server: Served;
let browser: Browser;
let base: string;
let page: Page;
/** While set, the file host's code is held back (to see the loading state). */
let hold: Promise<void> | null = null;
/** Every request that tried to leave the machine. */
const outside: string[] = [];

beforeAll(async () => {
  if (!existsSync(join(DIST, "taskpane.html")))
    throw new Error("dist/taskpane.html missing: run the build first");
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await serveDist();
  base = server.base;
  browser = await launch(base, {
    width: 320,
    height: 900,
    acceptDownloads: true,
    before: async (url) => {
      if (hold && /file-host.*\.js$/.test(url)) await hold;
    },
    outside: (url) => outside.push(url),
  });
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

let step = 0;
const shot = async (name: string) => {
  step += 1;
  const w = page.viewportSize()?.width ?? 0;
  await page.screenshot({
    path: join(ARTIFACTS, `taskpane-${String(step).padStart(2, "0")}-${name}-${w}.png`),
    fullPage: true,
  });
};

/** A screenshot of one part of the page (the step a check is about), next to the full-page ones. */
const shotOf = async (part: ReturnType<Page["locator"]>, name: string) => {
  step += 1;
  const w = page.viewportSize()?.width ?? 0;
  await part.screenshot({
    path: join(ARTIFACTS, `taskpane-${String(step).padStart(2, "0")}-${name}-${w}.png`),
  });
};

/** No horizontal scrolling in a 320 px pane. */
const fitsWidth = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/** axe-core in the page: serious and critical violations (ids and where). */
/** A workbook file as exceljs reads it (a download, a reference copy). */
async function loadXlsx(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  return wb;
}

async function axeSerious(): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(c: Document): Promise<{ violations: Violation[] }> } })
      .axe;
    interface Violation {
      id: string;
      impact?: string;
      nodes: { target: string[] }[];
    }
    // Fluent's focus manager (tabster) puts aria-hidden sentinel elements around groups; they
    // hand the focus on and are never read: left out of the check.
    const r = await axe.run({ exclude: [["[data-tabster-dummy]"]] } as unknown as Document);
    return r.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
}

/** Starts summing layout shifts in the page (every shift, input-driven or not: stricter than CLS). */
const startShiftMeter = () =>
  page.evaluate(() => {
    const w = window as unknown as { __shift: { all: number; cls: number } };
    w.__shift = { all: 0, cls: 0 };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
        w.__shift.all += e.value;
        if (!e.hadRecentInput) w.__shift.cls += e.value;
      }
    }).observe({ type: "layout-shift", buffered: false });
  });
const readShift = () =>
  page.evaluate(() => (window as unknown as { __shift: { all: number; cls: number } }).__shift);

/** Whether an element is inside the viewport (the person can see it without scrolling). */
const inView = (testId: string) =>
  page.getByTestId(testId).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;
  });

const focusedTestId = () =>
  page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el && !(el as HTMLElement).dataset?.testid) el = el.parentElement;
    return (el as HTMLElement | null)?.dataset.testid ?? document.activeElement?.tagName ?? null;
  });

/** Polls until `read` gives `want` (or 10 s pass), giving the last value. */
async function settled<T>(read: () => Promise<T>, want: T): Promise<T> {
  let v = await read();
  for (let i = 0; i < 100 && v !== want; i++) {
    await page.waitForTimeout(100);
    v = await read();
  }
  return v;
}

const headings = () =>
  page.locator("h2").evaluateAll((hs) => hs.map((h) => h.textContent ?? "").filter((t) => /^\d+ · /.test(t)));

async function openPage(width: number) {
  await page.setViewportSize({ width, height: 900 });
  await page.goto(`${base}/taskpane.html`);
  await page.getByRole("button", { name: "选择 .xlsx 文件" }).waitFor();
}

test("file mode at 320 px: choose → review → write → download, each step in view, with the scored copy checked", async () => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await openPage(320);
  await shot("start");
  expect(await fitsWidth()).toBe(true);
  expect(await axeSerious()).toEqual([]);

  // Finding 9: a loading state while the file opens (the file code is held back here to see it).
  let release: () => void = () => undefined;
  hold = new Promise<void>((ok) => (release = ok));
  await page.locator('input[type="file"][accept^=".xlsx"]').setInputFiles(BLANK);
  await page.getByText("正在打开“A-donghu-2021-selfeval-blank.xlsx”…").waitFor();
  await shot("loading");
  release();
  hold = null;

  await page.getByText("将要写入的单元格（20 个）").waitFor({ timeout: 60000 });
  expect(await page.getByTestId("total").textContent()).toBe("86.59");
  expect(await page.getByTestId("grade").textContent()).toBe("良");
  expect(await page.getByText("暂定", { exact: true }).count()).toBe(0);
  // Finding 13: after loading, the focus is on the result, not the body.
  expect(await settled(focusedTestId, "result")).toBe("result");
  // Finding 7: steps numbered 1, 2, 3, 4 in order; 撤销 not offered before a write.
  expect(await headings()).toEqual(["1 · 选择文件", "2 · 检查结果", "3 · 写入表格", "4 · 下载"]);
  expect(await page.getByRole("button", { name: "撤销上次写入" }).count()).toBe(0);
  // Finding 1: no download before 写入, and it says why; one primary action (写入).
  expect(await page.getByRole("button", { name: "下载评分后的文件" }).count()).toBe(0);
  expect(await page.getByTestId("download-none").textContent()).toContain("尚未写入任何内容");
  // Finding 6: in the page the highlight switch colours the sheet grid shown here, never the file
  // (test/e2e/grid.e2e.ts checks the colours cell by cell; the download below has no fills added).
  const grid = page.getByTestId("sheet-grid");
  await grid.waitFor({ timeout: 60000 });
  expect(await grid.locator("[data-color]").count()).toBe(0);
  const hl = page.getByRole("switch", { name: "在表格中用颜色标出问题单元格" });
  await hl.click();
  expect(await hl.isChecked()).toBe(true);
  await hl.click();
  expect(await hl.isChecked()).toBe(false);
  // Finding 10: no layout codes or English in zh-CN.
  const text = await page.locator("main").innerText();
  expect(text).not.toMatch(/（L\d）|\(L\d\)|central|guangxi|JSON/);
  // Finding 8: the count of problems sits next to the total.
  expect(await page.getByTestId("attention").textContent()).toMatch(/^\d+ 个问题需要处理/);
  await shot("review");
  expect(await fitsWidth()).toBe(true);
  expect(await axeSerious()).toEqual([]);

  // Finding 5: before a write, leaving the page is not held up.
  const leaveBlocked = () =>
    page.evaluate(() => {
      const e = new Event("beforeunload", { cancelable: true });
      window.dispatchEvent(e);
      return e.defaultPrevented;
    });
  expect(await leaveBlocked()).toBe(false);

  // Finding 2: the confirmation of 写入 appears next to the button, focused, in view; no layout jump.
  const write = page.getByRole("button", { name: "写入表格（20 个单元格）" });
  await write.scrollIntoViewIfNeeded();
  await startShiftMeter();
  await write.click();
  await page.getByText("已写入 20 个单元格", { exact: false }).waitFor();
  await page.getByText("已写入的单元格（20 个）").waitFor();
  await page.waitForTimeout(500);
  const shift = await readShift();
  console.log(`layout shift after 写入 at 320 px: cls=${shift.cls.toFixed(4)} all=${shift.all.toFixed(4)}`);
  expect(shift.cls).toBeLessThan(0.1);
  expect(shift.all).toBeLessThan(0.1);
  expect(await inView("write-status")).toBe(true);
  expect(await settled(focusedTestId, "write-status")).toBe("write-status");
  await shot("written");
  expect(await fitsWidth()).toBe(true);
  expect(await axeSerious()).toEqual([]);
  // Finding 7: 撤销 now offered; finding 5: leaving now asks first.
  expect(await page.getByRole("button", { name: "撤销上次写入" }).count()).toBe(1);
  expect(await leaveBlocked()).toBe(true);

  // Finding 5: choosing another file asks first; declining keeps the written work.
  page.once("dialog", (d) => void d.dismiss());
  await page.getByRole("button", { name: "选择其他文件" }).click();
  expect(await page.getByText("已写入的单元格（20 个）").count()).toBe(1);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "下载评分后的文件" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("A-donghu-2021-selfeval-blank-评分.xlsx");
  const saved = join(browser.dir, "A-donghu-2021-selfeval-blank-评分.xlsx");
  await download.saveAs(saved);
  await page.getByText("原文件未被修改", { exact: false }).waitFor();
  await shot("downloaded");
  expect(await fitsWidth()).toBe(true);
  expect(await leaveBlocked()).toBe(false);

  const ws = (await loadXlsx(saved)).getWorksheet("自评表")!;
  expect(ws.getCell("H13").value).toBe(4.16);
  expect(ws.getCell("I6").value).toBe(8.25);
  expect(ws.getCell("H29").value).toBe(86.59);
  expect(String(ws.getCell("I19").value)).toMatch(/^【待补充】/);

  // Finding 12: the scored copy chosen again plans nothing, offers no download and never names
  // a "…-评分-评分.xlsx".
  await page.locator('input[type="file"][accept^=".xlsx"]').setInputFiles(saved);
  await page.getByText("将要写入的单元格（0 个）").waitFor({ timeout: 60000 });
  expect(await page.getByRole("button", { name: "下载评分后的文件" }).count()).toBe(0);
  await shot("scored-copy-again");

  expect(errors).toEqual([]);
  // Nothing but office.js (blocked here) was requested from outside the machine.
  expect([...new Set(outside)]).toEqual([OFFICE_JS]);
});

test("finding 8: a total that differs from the rules is said at the top, with 全部按规则重算 beside it", async () => {
  await openPage(320);
  await page.locator('input[type="file"][accept^=".xlsx"]').setInputFiles(SCORESHEET);
  const banner = page.getByTestId("mismatch");
  await banner.waitFor({ timeout: 60000 });
  expect(await page.getByTestId("total").textContent()).toBe("84.13");
  const said = await banner.innerText();
  expect(said).toContain("84.15");
  expect(said).toContain("84.13");
  expect(await banner.getByRole("button", { name: "全部按规则重算…" }).count()).toBe(1);
  // At the top: the banner is inside the first screen.
  const top = await banner.evaluate((el) => el.getBoundingClientRect().top);
  expect(top).toBeLessThan(900);
  await shot("mismatch");
  expect(await axeSerious()).toEqual([]);
});

/** A copy of reference A with the person's score on row 25 (显著 vs 较显著) removed: the row awaits a judgement. */
async function pendingCopy(): Promise<string> {
  const wb = await loadXlsx(BLANK);
  wb.getWorksheet("自评表")!.getCell("H25").value = null;
  const file = join(browser.dir, "A-待判断.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

for (const width of [320, 1280])
  test(`finding 3 at ${width} px: a judgement row offers only the band the core accepts, and what it offers is not flagged once written`, async () => {
    await openPage(width);
    await page.locator('input[type="file"][accept^=".xlsx"]').setInputFiles(await pendingCopy());
    const panel = page.getByRole("region", { name: /待您判断的定性指标（1 项）/ });
    await panel.waitFor({ timeout: 60000 });
    // 较显著 is one ladder step below 显著: the core accepts 6–8 only (R-QUAL), and the label says so.
    expect(await panel.getByRole("radio").count()).toBe(1);
    await panel.getByRole("radio", { name: "部分达成，具有一定效果（6.00–8.00 分）" }).check();
    expect(await panel.innerText()).toContain("本项只能评为“部分达成，具有一定效果”");
    expect(await panel.getByRole("textbox", { name: "得分（允许 6.00–8.00 分）" }).inputValue()).toBe("6");
    await panel.getByRole("textbox", { name: "得分（允许 6.00–8.00 分）" }).fill("8");
    await settled(async () => (await page.getByTestId("total").textContent()) ?? "", "86.59");
    await shot("judged");
    await shotOf(panel, "judged-row");
    expect(await fitsWidth()).toBe(true);
    expect(await axeSerious()).toEqual([]);
    await page.getByRole("button", { name: /^写入表格/ }).click();
    await page.getByText("已写入", { exact: false }).first().waitFor();
    // Read again after writing: the judged 8 is the person's score now, and the core does not flag it.
    await page.getByTestId("write-status").getByText("已写入", { exact: false }).waitFor();
    expect(await page.getByTestId("problems").locator('[data-code="QUALITATIVE_BAND"]').count()).toBe(0);
    expect(await page.getByTestId("total").textContent()).toBe("86.59");
    await shot("judged-written");
  });

const TABLE_D = join(ROOT, "../shared/reference/D-yuzhong-2019-selfeval.xlsx");

for (const width of [320, 1280])
  test(`finding 12 at ${width} px: a proposed full score can be changed before 写入; the plan, the total and the downloaded file follow`, async () => {
    await openPage(width);
    await page.locator('input[type="file"][accept^=".xlsx"]').setInputFiles(TABLE_D);
    const panel = page.getByRole("region", { name: "建议得分（6 项）" });
    await panel.waitFor({ timeout: 60000 });
    expect(await page.getByTestId("total").textContent()).toBe("100.00");
    const g13 = panel.getByRole("group", { name: /G13 · 项目立项必要性和充分性/ });
    await g13.getByRole("radio", { name: "改为我的评分" }).check();
    await g13.getByRole("textbox", { name: "得分（允许 6.40–8.00 分）" }).fill("7");
    expect(await settled(async () => (await page.getByTestId("total").textContent()) ?? "", "99.00")).toBe(
      "99.00",
    );
    const planned = page.locator('li[data-cell="G13"]').first();
    expect(await planned.innerText()).toMatch(/7\.00[\s\S]*您的判断/);
    await shotOf(g13, "proposal-changed");
    await shot("proposal-changed");
    expect(await fitsWidth()).toBe(true);
    expect(await axeSerious()).toEqual([]);
    await page.getByRole("button", { name: /^写入表格/ }).click();
    await page.getByTestId("write-status").getByText("已写入", { exact: false }).waitFor();
    // Read again: G13 is the person's 7 now, not a proposal the program would write over.
    await page.getByRole("region", { name: "建议得分（5 项）" }).waitFor();
    expect(await page.getByTestId("total").textContent()).toBe("99.00");
    await shot("proposal-written");
    // The downloaded file holds the changed score and the total that follows from it.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "下载评分后的文件" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("D-yuzhong-2019-selfeval-评分.xlsx");
    const saved = join(browser.dir, `D-proposal-changed-${width}.xlsx`);
    await download.saveAs(saved);
    const ws = (await loadXlsx(saved)).getWorksheet("2019自评表")!;
    expect(ws.getCell("G13").value).toBe(7);
    expect(ws.getCell("G18").value).toBe(7);
    expect(ws.getCell("G19").value).toBe(99);
  });

for (const width of [320, 1280])
  test(`finding 10 at ${width} px: switching to 市级口径 with no change in the result says why in one line`, async () => {
    await openPage(width);
    await page.locator('input[type="file"][accept^=".xlsx"]').setInputFiles(BLANK);
    await page.getByText("将要写入的单元格（20 个）").waitFor({ timeout: 60000 });
    await page.getByRole("combobox", { name: "评分口径" }).selectOption("municipal-20");
    const line = page.getByTestId("profile-same");
    await line.getByText("改用市级口径（预算执行 20 分）后结果没有变化", { exact: false }).waitFor();
    expect(await line.innerText()).toContain("预算执行率的分母（调整后预算数，而非全年预算数）");
    expect(await page.getByTestId("total").textContent()).toBe("86.59");
    await shotOf(line, "profile-same");
    await shot("profile-same");
    expect(await fitsWidth()).toBe(true);
    expect(await axeSerious()).toEqual([]);
  });

test("keyboard only: choose, write and download without a mouse; the focus follows the result (finding 13)", async () => {
  await openPage(320);
  const chooser = page.waitForEvent("filechooser");
  await page.keyboard.press("Tab");
  // Tab to the choose button, then Enter.
  for (let i = 0; i < 10; i++) {
    const name = await page.evaluate(() => document.activeElement?.textContent ?? "");
    if (name === "选择 .xlsx 文件") break;
    await page.keyboard.press("Tab");
  }
  await page.keyboard.press("Enter");
  await (await chooser).setFiles(BLANK);
  await page.getByText("将要写入的单元格（20 个）").waitFor({ timeout: 60000 });
  expect(await settled(focusedTestId, "result")).toBe("result");

  const tabTo = async (label: RegExp) => {
    for (let i = 0; i < 200; i++) {
      const name = await page.evaluate(() => document.activeElement?.textContent ?? "");
      if (label.test(name)) return;
      await page.keyboard.press("Tab");
    }
    throw new Error(`no focusable ${label}`);
  };
  await tabTo(/^写入表格（20 个单元格）$/);
  // A visible focus ring on the focused control.
  const ring = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const cs = getComputedStyle(el);
    return (
      el.matches(":focus-visible") &&
      (cs.outlineStyle !== "none" || el.hasAttribute("data-fui-focus-visible"))
    );
  });
  expect(ring).toBe(true);
  await shot("keyboard-write-focused");
  await page.keyboard.press("Enter");
  await page.getByText("已写入 20 个单元格", { exact: false }).waitFor();
  expect(await settled(focusedTestId, "write-status")).toBe("write-status");
  await tabTo(/^下载评分后的文件$/);
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  expect(download.suggestedFilename()).toBe("A-donghu-2021-selfeval-blank-评分.xlsx");
  await shot("keyboard-downloaded");
});

test("finding 13: the select shows a focus ring, not only an underline", async () => {
  await openPage(320);
  await page.locator('input[type="file"][accept^=".xlsx"]').setInputFiles(BLANK);
  await page.getByText("将要写入的单元格（20 个）").waitFor({ timeout: 60000 });
  await page.getByRole("combobox", { name: "评分口径" }).focus();
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Tab");
  const outline = await page.evaluate(() => {
    const cs = getComputedStyle(document.activeElement!);
    return `${cs.outlineStyle} ${cs.outlineWidth}`;
  });
  expect(outline).toBe("solid 2px");
});

test("1280 px: the same flow reads well wide; English is complete (finding 14)", async () => {
  await openPage(1280);
  await shot("start");
  await page.locator('input[type="file"][accept^=".xlsx"]').setInputFiles(BLANK);
  await page.getByText("将要写入的单元格（20 个）").waitFor({ timeout: 60000 });
  await shot("review");
  await page.getByRole("button", { name: "写入表格（20 个单元格）" }).click();
  await page.getByText("已写入 20 个单元格", { exact: false }).waitFor();
  expect(await inView("write-status")).toBe(true);
  await shot("written");
  await page.getByRole("button", { name: /切换界面语言/ }).click();
  await page.getByText("Cells written (20)").waitFor();
  // The page's own words (the sheet grid shows the workbook's cells, which stay as written).
  const text = await page.locator("main").evaluate((m) => {
    const c = m.cloneNode(true) as HTMLElement;
    c.querySelectorAll('[data-testid="sheet-grid"], [data-testid="grid-detail"]').forEach((e) => e.remove());
    document.body.appendChild(c);
    const s = c.innerText;
    c.remove();
    return s;
  });
  expect(text).not.toMatch(/\b1 [a-z]+s\b/);
  expect(text).not.toMatch(/（|）/);
  await shot("english");
});

test("?view=templates opens on the templates view", async () => {
  await openPage(320);
  await page.goto(`${base}/taskpane.html?view=templates`);
  await page.getByRole("tab", { name: "模板与指标库", selected: true }).waitFor();
  await page.getByText("请先在上方选择 .xlsx 文件：标准表格和指标将插入该文件。").waitFor();
  await shot("templates");
});
