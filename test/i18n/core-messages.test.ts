/** The catalogs of the core's messages (diagnostics as data, SCORING.md §7). */
import { resolveProfile, scoreTable, type Message } from "../../src/core";
import { coreEnUS, coreZhCN } from "../../src/i18n/core-messages";
import { formatMessage } from "../../src/i18n/catalog";
import { donghuA, donghuB, yiyangC, yuzhongD } from "../core/fixtures";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const messages = (m: Message): Message[] => [
  m,
  ...Object.values(m.params).flatMap((p) =>
    typeof p === "object" && !Array.isArray(p) ? messages(p as Message) : [],
  ),
];

describe("core message catalogs", () => {
  it("every key has the same placeholders in zh-CN and en-US (dates aside)", () => {
    for (const key of Object.keys(coreZhCN) as (keyof typeof coreZhCN)[]) {
      if (key === "core.date") continue;
      expect({ key, en: placeholders(coreEnUS[key]) }).toEqual({ key, en: placeholders(coreZhCN[key]) });
    }
  });

  it("a message of the reference tables is worded in both locales, with every placeholder filled", () => {
    const profile = resolveProfile();
    for (const input of [donghuA(), donghuB(), yiyangC(), yuzhongD()])
      for (const d of scoreTable(input, { profile }).diagnostics) {
        const zh = formatMessage(d.message, "zh-CN");
        const en = formatMessage(d.message, "en-US");
        expect(zh).toMatch(/[\u4e00-\u9fff]/);
        expect(zh).not.toMatch(/\{\w+\}/);
        expect(en).not.toMatch(/\{\w+\}/);
        expect(en).not.toBe(zh);
        for (const m of messages(d.message)) expect(coreEnUS[m.key]).toBeDefined();
      }
  });

  it("lists are joined per locale; a message parameter is worded in the same locale", () => {
    const m: Message = {
      key: "core.total.incomplete.both",
      params: { count: 2, rows: [11, 12], total: "80" },
    };
    expect(formatMessage(m, "zh-CN")).toBe(
      "2项指标尚未得分（第11、12行），预算执行率得分无法计算，总分80为暂计数，未写入表格。",
    );
    expect(formatMessage(m, "en-US")).toContain("rows 11, 12");
    const date: Message = {
      key: "core.actual.textForDate",
      params: {
        name: "X",
        text: "按时",
        date: { key: "core.date", params: { y: 2021, m: 6, d: 1, mm: "06", dd: "01" } },
      },
    };
    expect(formatMessage(date, "zh-CN")).toContain("2021年6月1日前");
    expect(formatMessage(date, "en-US")).toContain("by 2021-06-01");
  });
});
