/** R-DEV draft notes on a layout without a note column: carried into the report and the plan. */
import { resolveProfile } from "../../src/core";
import { analyzeSheet, decodeRecord, encodeRecord, emptyRecord, noteDrafts } from "../../src/sheet";
import type { Backup, DetectedLayout, Report } from "../../src/sheet/types";
import { l5NoNotes } from "./fixtures";
import { build } from "./grid-builder";

const profile = resolveProfile("central");

describe("noteDrafts (R-DEV)", () => {
  test("R-DEV: the report carries each row's draft; the plan puts it on the 三级指标 cell as a note", () => {
    const { report, plan, layout } = analyzeSheet(l5NoNotes(), { profile });
    expect(report.layout).toBe("L5");
    expect(layout?.columns.note).toBeUndefined();
    const byRow = Object.fromEntries(report.indicators.map((i) => [i.row, i.draftNote]));
    expect(byRow[2]).toBe(
      "【待补充】培训人次：年度指标值100人次，实际完成值80人次，完成率80.00%，未完成年度目标。偏差原因：；改进措施：",
    );
    expect(byRow[3]).toBeUndefined();
    expect(byRow[4]).toMatch(/^【待补充】人均成本：年度指标值≤500元，实际600元，超出指标值20\.00%。/);

    const drafts = noteDrafts(report, layout);
    expect(drafts).toEqual([
      { cell: "C2", text: byRow[2] },
      { cell: "C4", text: byRow[4] },
    ]);
    expect(plan.notes).toEqual(drafts);
    // Notes are not cell writes: no write goes to a name cell, none is of kind note.
    expect(plan.writes.filter((w) => w.kind === "note" || w.cell.startsWith("C"))).toEqual([]);
    expect(report.writes.map((w) => w.cell).sort()).toEqual(["G2", "G3", "G4", "G5"]);
    // The report (and so `--json`) names the row and its draft.
    expect(JSON.parse(JSON.stringify(report)).indicators[0].draftNote).toBe(byRow[2]);
  });

  test("R-DEV: a table with a note column plans no cell notes (drafts go into the column)", () => {
    const g = build([
      ["三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
      ["培训人次", "100人次", "80人次", 100, null, null],
      ["总分", null, null, 100, null],
    ]);
    const { report, plan, layout } = analyzeSheet(g, { profile });
    expect(report.indicators[0].draftNote).toBeUndefined();
    expect(noteDrafts(report, layout)).toEqual([]);
    expect(plan.notes).toBeUndefined();
    expect(plan.writes.find((w) => w.kind === "note")?.cell).toBe("F2");
  });

  test("R-DEV: rows sharing one merged name cell share one note; no layout gives none", () => {
    const layout = { cells: { "2:name": "C2", "3:name": "C2" } } as unknown as DetectedLayout;
    const report = {
      indicators: [
        { row: 2, draftNote: "【待补充】甲：未完成年度目标。偏差原因：；改进措施：" },
        { row: 3, draftNote: "【待补充】乙：未完成年度目标。偏差原因：；改进措施：" },
        { row: 4, draftNote: "【待补充】丙（无名称单元格）" },
      ],
    } as unknown as Report;
    expect(noteDrafts(report, layout)).toEqual([
      {
        cell: "C2",
        text: "【待补充】甲：未完成年度目标。偏差原因：；改进措施：\n【待补充】乙：未完成年度目标。偏差原因：；改进措施：",
      },
    ]);
    expect(noteDrafts(report, null)).toEqual([]);
  });

  test("R-WRITE-4: a backup's notes survive the record's encoding", () => {
    const backup: Backup = {
      id: "b1",
      sheet: "自评表",
      at: "2026-01-01T00:00:00.000Z",
      cells: [],
      notes: [
        { cell: "C2", before: null, after: "【待补充】新", kind: "note" },
        { cell: "C4", before: "【待补充】旧", after: "【待补充】新", kind: "comment" },
        { cell: "C5", before: null, after: "x" },
      ],
    };
    const { record } = decodeRecord(encodeRecord({ ...emptyRecord(), backups: [backup] }));
    expect(record.backups[0].notes).toEqual(backup.notes);
  });
});
