/** The catalogs of the sheet layer's and the hosts' messages: data worded per locale. */
import { resolveProfile } from "../../src/core";
import { errorText, formatMessage, t, uiMessage } from "../../src/i18n/catalog";
import { hostEnUS, hostZhCN } from "../../src/i18n/host-messages";
import { sheetEnUS, sheetZhCN } from "../../src/i18n/sheet-messages";
import { HostError } from "../../src/hosts/host";
import {
  countOf,
  overLimit,
  readError,
  sizeOver,
  sizeText,
  tooLarge,
} from "../../src/hosts/file/read-errors";
import { SheetNotFoundError } from "../../src/hosts/file/score";
import { analyzeSheet } from "../../src/sheet";
import { HIGHLIGHT_LEGEND } from "../../src/sheet/highlights";
import type { GridSnapshot } from "../../src/sheet/types";
import { buildTemplate } from "../../src/templates";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const CJK = /[\u4e00-\u9fff]/;

function grid(rows: (string | number | null)[][]): GridSnapshot {
  return {
    sheet: "Sheet1",
    top: 1,
    left: 1,
    cells: rows.map((r) => r.map((v) => (v === null ? null : { v }))),
  } as unknown as GridSnapshot;
}

describe("sheet and host message catalogs", () => {
  it("every key has the same placeholders in zh-CN and en-US", () => {
    for (const [zh, en] of [
      [sheetZhCN, sheetEnUS],
      [hostZhCN, hostEnUS],
    ] as [Record<string, string>, Record<string, string>][])
      for (const key of Object.keys(zh))
        expect({ key, en: placeholders(en[key]) }).toEqual({ key, en: placeholders(zh[key]) });
  });

  it("NO_TABLE_FOUND keeps its zh-CN wording and reads in English for en-US (R-DETECT)", () => {
    const g = grid([
      ["一级指标", "三级指标", "得分"],
      ["产出指标", "数量", 5],
    ]);
    const profile = resolveProfile();
    const zh = analyzeSheet(g, { profile }).report.diagnostics[0];
    expect(zh.code).toBe("NO_TABLE_FOUND");
    expect(zh.message).toMatch(
      /^工作表“Sheet1”中没有找到绩效指标表：没有一至三行的表头同时含有指标名称列和分值列（找到的表头文字：“一级指标”、“三级指标”、“得分”；缺少的表头文字：“分值”(、“[^”]+”)*）。请检查表头，或手动指定表头行和各列。$/,
    );
    const en = analyzeSheet(g, { profile, locale: "en-US" }).report.diagnostics[0].message;
    expect(en).toMatch(/^No indicator table was found on sheet “Sheet1”/);
    expect(en.replace(/“[^”]*”/g, "")).not.toMatch(CJK);
  });

  it("an incomplete manual mapping names the header row in the locale", () => {
    const g = grid([["三级指标", "分值"]]);
    const profile = resolveProfile();
    const mapping = { headerRow: 0, columns: { name: 1 } };
    const zh = analyzeSheet(g, { profile, mapping }).report.diagnostics[0].message;
    expect(zh).toContain("“表头行”");
    expect(zh).toMatch(/^工作表“Sheet1”的手动列设置不完整：缺少/);
    const en = analyzeSheet(g, { profile, mapping, locale: "en-US" }).report.diagnostics[0].message;
    expect(en).toContain("“header row”");
    expect(en.replace(/“[^”]*”/g, "")).not.toMatch(CJK);
  });

  it("file errors keep their zh-CN message and carry data an en-US face words in English", () => {
    const errors = [
      readError("xls", "a.xls"),
      readError("encrypted", "a.xlsx"),
      readError("empty", "a.xlsx"),
      readError("damaged", "a.xlsx"),
      readError("not-xlsx", "a.txt"),
      tooLarge("big.xlsx", 50 * 1024 * 1024),
      overLimit(
        "z.xlsx",
        "part",
        sizeText(300 * 1024 * 1024),
        sizeText(200 * 1024 * 1024),
        "xl/worksheets/sheet1.xml",
      ),
      overLimit("z.xlsx", "total", sizeOver(600), sizeText(500)),
      overLimit("z.xlsx", "sheets", countOf(300, true), countOf(255)),
      overLimit("z.xlsx", "cells", countOf(100, true), countOf(100)),
      new SheetNotFoundError("a.xlsx", "X", ["S1", "S2"]),
      new SheetNotFoundError("a.xlsx", "X", []),
      new HostError(
        "STALE",
        uiMessage("file.changed", { sheet: "S", cell: "A1", now: uiMessage("file.empty") }),
      ),
    ];
    for (const e of errors) {
      expect(errorText(e, "zh-CN")).toBe(e.message);
      expect(e.message).toMatch(CJK);
      const en = errorText(e, "en-US");
      expect(en).not.toMatch(/\{\w+\}/);
      expect(en.replace(/“[^”]*”/g, "")).not.toMatch(CJK);
    }
    expect(readError("xls", "a.xls").message).toBe(
      "文件“a.xls”是旧版 .xls 格式，请在 Excel 或 WPS 中“另存为” .xlsx 格式后再试。",
    );
    expect(overLimit("z.xlsx", "sheets", countOf(300, true), countOf(255)).message).toBe(
      "文件“z.xlsx”的工作表数为 300 个以上，超过上限 255 个，为防止耗尽内存未予读取（可能已损坏或是“压缩炸弹”）。",
    );
    expect(overLimit("z.xlsx", "total", sizeOver(600), sizeText(500)).message).toBe(
      "文件“z.xlsx”解压后的总大小为 600 字节 以上，超过上限 500 字节，为防止耗尽内存未予读取（可能已损坏或是“压缩炸弹”）。",
    );
    expect(new SheetNotFoundError("a.xlsx", "X", []).message).toBe(
      "工作簿“a.xlsx”中没有名为“X”的工作表。现有工作表：无。",
    );
    expect(errorText(new SheetNotFoundError("a.xlsx", "X", ["S1", "S2"]), "en-US")).toBe(
      "The workbook “a.xlsx” has no sheet named “X”. Its sheets: S1, S2.",
    );
    expect(errorText(new Error("plain"), "en-US")).toBe("plain");
  });

  it("the highlight legend and the standard tables' input checks are worded in the locale", () => {
    for (const l of HIGHLIGHT_LEGEND) {
      expect(t(l.label, undefined, "zh-CN")).toMatch(CJK);
      expect(t(l.label, undefined, "en-US")).not.toMatch(CJK);
    }
    const zh = buildTemplate("L4");
    const en = buildTemplate("L4", { locale: "en-US" });
    expect(zh.errorTitle).toBe("输入有误");
    expect(en.errorTitle).toBe("Invalid entry");
    const errs = (s: typeof zh) =>
      [...s.validations, ...(s.decimalValidations ?? [])].map((v) => v.error ?? "");
    expect(errs(zh).length).toBeGreaterThan(0);
    expect(errs(zh)).toContain("分值应为 0 到 100 之间的数字。");
    expect(errs(en).length).toBe(errs(zh).length);
    for (const e of errs(en)) expect(e.replace(/定性/g, "")).not.toMatch(CJK);
    expect(formatMessage(uiMessage("template.err.score", { weight: 5 }), "zh-CN")).toBe(
      "得分应在 0 到 5 之间，不能超过分值。",
    );
  });
});
