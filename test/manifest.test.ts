/**
 * @jest-environment jsdom
 */
/** Offline checks of manifest.xml (the online validator needs the network: `npm run validate`). */
import { readFileSync, existsSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..");
const xml = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const doc = new DOMParser().parseFromString(xml, "application/xml");
const all = (name: string) => Array.from(doc.getElementsByTagName(name));
const ids = (name: string) => all(name).filter((e) => e.hasAttribute("id"));

function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(b.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

function localFile(url: string): string {
  return path.join(ROOT, new URL(url).pathname);
}

describe("manifest.xml", () => {
  test("is well-formed XML: a TaskPaneApp for Excel workbooks", () => {
    expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
    const root = doc.documentElement;
    expect(root.localName).toBe("OfficeApp");
    expect(root.getAttribute("xsi:type")).toBe("TaskPaneApp");
    expect(all("Host").some((h) => h.getAttribute("Name") === "Workbook")).toBe(true);
    expect(all("Permissions")[0].textContent).toBe("ReadWriteDocument");
    expect(all("Id")[0].textContent).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
  });

  test("zh-CN by default, with an en-US override for every string", () => {
    expect(all("DefaultLocale")[0].textContent).toBe("zh-CN");
    for (const el of [
      ...all("DisplayName"),
      ...all("Description").filter((d) => d.hasAttribute("DefaultValue")),
      ...all("bt:String"),
    ]) {
      const overrides = Array.from(el.children).filter((c) => c.localName === "Override");
      expect(overrides.map((o) => o.getAttribute("Locale"))).toEqual(["en-US"]);
    }
  });

  test("requires ExcelApi 1.7 and no more (newer sets are checked at run time)", () => {
    const sets = all("Set");
    expect(sets.map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion")])).toEqual([
      ["ExcelApi", "1.7"],
    ]);
  });

  test("every resid used is defined, and every resource is used", () => {
    const defined = new Set(
      [...ids("bt:Image"), ...ids("bt:Url"), ...ids("bt:String")].map((e) => e.getAttribute("id")!),
    );
    const used = new Set(
      Array.from(doc.getElementsByTagName("*"))
        .filter((e) => e.hasAttribute("resid"))
        .map((e) => e.getAttribute("resid")!),
    );
    expect(used.size).toBeGreaterThan(0);
    for (const r of used) {
      expect(defined).toContain(r);
      expect(r.length).toBeLessThanOrEqual(32);
    }
    for (const d of defined) expect(used).toContain(d);
  });

  test("every URL is https", () => {
    const urls: string[] = [];
    for (const e of Array.from(doc.getElementsByTagName("*"))) {
      for (const a of ["DefaultValue", "Value"]) {
        const v = e.getAttribute(a);
        if (v && /^[a-z]+:\/\//i.test(v)) urls.push(v);
      }
      if (e.localName === "AppDomain") urls.push(e.textContent ?? "");
    }
    expect(urls.length).toBeGreaterThan(8);
    for (const u of urls) expect(u).toMatch(/^https:\/\//);
  });

  test("string length limits: short strings ≤ 125, long strings ≤ 250, name ≤ 125, description ≤ 250", () => {
    const values = (el: Element) => [
      el.getAttribute("DefaultValue") ?? "",
      ...Array.from(el.children).map((c) => c.getAttribute("Value") ?? ""),
    ];
    const short = all("bt:ShortStrings")[0];
    const long = all("bt:LongStrings")[0];
    for (const s of Array.from(short.children))
      for (const v of values(s)) expect(v.length).toBeLessThanOrEqual(125);
    for (const s of Array.from(long.children))
      for (const v of values(s)) expect(v.length).toBeLessThanOrEqual(250);
    for (const v of values(all("DisplayName")[0])) expect(v.length).toBeLessThanOrEqual(125);
    for (const v of values(all("Description")[0])) expect(v.length).toBeLessThanOrEqual(250);
  });

  test("the ribbon group 绩效自评: 评分面板, 一键评分 (scoreActiveSheet), 插入模板 (?view=templates)", () => {
    const strings = new Map(
      all("bt:String").map((s) => [s.getAttribute("id"), s.getAttribute("DefaultValue")]),
    );
    const urls = new Map(all("bt:Url").map((s) => [s.getAttribute("id"), s.getAttribute("DefaultValue")]));
    const group = all("Group")[0];
    expect(strings.get(group.getElementsByTagName("Label")[0].getAttribute("resid"))).toBe("绩效自评");
    const controls = all("Control").map((c) => {
      const label = strings.get(c.getElementsByTagName("Label")[0].getAttribute("resid"));
      const action = c.getElementsByTagName("Action")[0];
      const src = action.getElementsByTagName("SourceLocation")[0]?.getAttribute("resid");
      return {
        label,
        action: action.getAttribute("xsi:type"),
        fn: action.getElementsByTagName("FunctionName")[0]?.textContent,
        url: src ? urls.get(src) : undefined,
      };
    });
    expect(controls).toEqual([
      {
        label: "评分面板",
        action: "ShowTaskpane",
        fn: undefined,
        url: "https://localhost:3000/taskpane.html",
      },
      { label: "一键评分", action: "ExecuteFunction", fn: "scoreActiveSheet", url: undefined },
      {
        label: "插入模板",
        action: "ShowTaskpane",
        fn: undefined,
        url: "https://localhost:3000/taskpane.html?view=templates",
      },
    ]);
    const functionFile = all("FunctionFile")[0].getAttribute("resid");
    expect(urls.get(functionFile)).toBe("https://localhost:3000/commands.html");
    // The function the ribbon calls is the one the command page registers.
    const commands = readFileSync(path.join(ROOT, "src/commands/commands.ts"), "utf8");
    expect(commands).toMatch(/associate\(\s*"scoreActiveSheet"/);
  });

  test("icons: files present in assets/ with the pixel sizes they claim (16, 32, 64, 80, 128)", () => {
    for (const size of [16, 32, 64, 80, 128]) {
      const file = path.join(ROOT, "assets", `icon-${size}.png`);
      expect(existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
    for (const img of ids("bt:Image")) {
      const size = Number(/(\d+)x\1$/.exec(img.getAttribute("id")!)?.[1]);
      expect(pngSize(localFile(img.getAttribute("DefaultValue")!))).toEqual({ width: size, height: size });
    }
    for (const [tag, size] of [
      ["IconUrl", 32],
      ["HighResolutionIconUrl", 64],
    ] as const)
      expect(pngSize(localFile(all(tag)[0].getAttribute("DefaultValue")!))).toEqual({
        width: size,
        height: size,
      });
    // Ribbon icons are given for each size the group and its buttons need.
    for (const icon of all("Icon"))
      expect(Array.from(icon.children).map((c) => c.getAttribute("size"))).toEqual(["16", "32", "80"]);
  });
});
