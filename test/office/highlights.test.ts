/** Highlights: the marks of a report, and fills that come back exactly. */
import { t } from "../../src/i18n/catalog";
import { createOfficeHost } from "../../src/hosts/office/office-host";
import { HIGHLIGHT_LEGEND, highlightMarks } from "../../src/sheet/highlights";
import type { Report, ReportDiagnostic } from "../../src/sheet/types";
import { analyze, setup, sheetState } from "./helpers";

function report(diagnostics: Partial<ReportDiagnostic>[]): Report {
  return {
    diagnostics: diagnostics.map((d) => ({ severity: "warning", row: 1, message: "", cell: null, ...d })),
  } as unknown as Report;
}

describe("highlightMarks", () => {
  test("one colour per issue kind, each with a label in both catalogs", () => {
    const colours = HIGHLIGHT_LEGEND.map((l) => l.color);
    expect(new Set(colours).size).toBe(colours.length);
    for (const l of HIGHLIGHT_LEGEND) {
      expect(l.color).toMatch(/^#[0-9A-F]{6}$/);
      expect(t(l.label, undefined, "zh-CN")).toMatch(/[\u4e00-\u9fff]/);
      expect(t(l.label, undefined, "en-US")).toMatch(/^[A-Z][a-z]/);
    }
    const covered = HIGHLIGHT_LEGEND.flatMap((l) => l.diagnostics);
    for (const code of [
      "SCORE_EXCEEDS_WEIGHT",
      "MISSING_TARGET",
      "MISSING_ACTUAL",
      "UNPARSEABLE_VALUE",
      "UNIT_MISMATCH",
      "SCORE_MISMATCH",
      "TOTAL_MISMATCH",
      "QUALITATIVE_NEEDS_JUDGEMENT",
      "DEVIATION_NOTE_REQUIRED",
    ])
      expect(covered).toContain(code);
  });

  test("marks the cells the diagnostics name; the most serious issue wins a shared cell", () => {
    const colour = (code: string) =>
      HIGHLIGHT_LEGEND.find((l) => l.diagnostics.includes(code as never))!.color;
    const marks = highlightMarks(
      report([
        { code: "DEVIATION_NOTE_REQUIRED", cell: "H13" },
        { code: "SCORE_EXCEEDS_WEIGHT", cell: "H13" },
        { code: "MISSING_ACTUAL", cell: "F14" },
        { code: "TOTAL_MISMATCH", cell: "$H$33" },
        { code: "WEIGHT_SUM", cell: null },
        { code: "UNDER_TARGET", cell: "H15" },
      ]),
    );
    expect(marks).toEqual(
      expect.arrayContaining([
        { cell: "H13", color: colour("SCORE_EXCEEDS_WEIGHT"), code: "SCORE_EXCEEDS_WEIGHT" },
        { cell: "F14", color: colour("MISSING_ACTUAL"), code: "MISSING_ACTUAL" },
        { cell: "H33", color: colour("TOTAL_MISMATCH"), code: "TOTAL_MISMATCH" },
      ]),
    );
    expect(marks).toHaveLength(3);
  });
});

describe("highlight and clearHighlights", () => {
  test("clearing restores each cell's earlier fill exactly, user fills included", async () => {
    const { host, sheet } = setup(20);
    sheet.set("F14", "3个", { fill: "#FFFF00" });
    sheet.set("D15", "指标3", { fill: "#92D050" });
    const before = sheetState(sheet);
    const marks = [
      { cell: "F14", color: "#FFC7CE", code: "SCORE_EXCEEDS_WEIGHT" },
      { cell: "H13", color: "#BDD7EE", code: "QUALITATIVE_NEEDS_JUDGEMENT" },
    ];
    await host.highlight("自评表", marks);
    expect(sheet.cell("F14").fill).toBe("#FFC7CE");
    expect(sheet.cell("H13").fill).toBe("#BDD7EE");
    // Highlighting again (the pane refreshes) must not forget the user's fill.
    await host.highlight("自评表", [
      { cell: "F14", color: "#FFEB9C", code: "SCORE_MISMATCH" },
      { cell: "D15", color: "#FFEB9C", code: "SCORE_MISMATCH" },
    ]);
    expect(sheet.cell("F14").fill).toBe("#FFEB9C");
    await host.clearHighlights("自评表");
    expect(sheetState(sheet)).toEqual(before);
    expect(sheet.cell("F14").fill).toBe("#FFFF00");
    expect(sheet.cell("H13").fill ?? null).toBeNull();
  });

  test("highlights survive save and reopen and are cleared by a new host", async () => {
    const { book, host, sheet } = setup(20);
    sheet.set("E13", "≥100个", { fill: "#00B0F0" });
    const before = sheetState(sheet);
    await host.highlight(
      "自评表",
      highlightMarks(analyze(await host.readSheet()).report).concat({
        cell: "E13",
        color: "#F8CBAD",
        code: "MISSING_TARGET",
      }),
    );
    const reopened = book.reopen();
    await createOfficeHost(reopened.env()).clearHighlights("自评表");
    expect(sheetState(reopened.sheet("自评表")!)).toEqual(before);
  });

  test("ExcelApi 1.8 (no cell properties): white reads as no fill, other fills come back", async () => {
    const { host, sheet } = setup(20, { api: "1.8" });
    sheet.set("F14", "3个", { fill: "#FFFF00" });
    await host.highlight("自评表", [
      { cell: "F14", color: "#FFC7CE", code: "SCORE_EXCEEDS_WEIGHT" },
      { cell: "F15", color: "#FFC7CE", code: "SCORE_EXCEEDS_WEIGHT" },
    ]);
    await host.clearHighlights("自评表");
    expect(sheet.cell("F14").fill).toBe("#FFFF00");
    expect(sheet.cell("F15").fill ?? null).toBeNull();
  });

  test("apply between highlight and clear: restore and clear each bring back their own state", async () => {
    const { host, sheet } = setup(20);
    sheet.set("H13", null, { fill: "#FFFF00" });
    const before = sheetState(sheet);
    await host.highlight("自评表", [{ cell: "H13", color: "#BDD7EE", code: "QUALITATIVE_NEEDS_JUDGEMENT" }]);
    await host.apply(analyze(await host.readSheet()).plan);
    await host.restore();
    await host.clearHighlights("自评表");
    expect(sheetState(sheet)).toEqual(before);
  });
});
