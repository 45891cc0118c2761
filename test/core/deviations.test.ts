/** R-DEV: deviations and draft notes (SCORING.md §6). */
import { PRESETS, scoreTable } from "../../src/core";
import { donghuA, donghuBudget, row, table } from "./fixtures";
import { central, one, withBudget } from "./rules/helpers";
import { zhMessage } from "../support/messages";

describe("R-DEV", () => {
  it("UNDER_TARGET on shortfalls and on s < w; OVER_COMPLETION at B ≥ k·A; none for L3 judgement rows", () => {
    expect(one({ target: "10个", actual: "9个", weight: 5 }).codes).toContain("UNDER_TARGET");
    expect(one({ target: "10个", actual: "10个", weight: 5, score: 4 }).codes).toContain("UNDER_TARGET");
    expect(one({ target: "10个", actual: "12个", weight: 5 }).codes).toContain("OVER_COMPLETION");
    expect(one({ target: "10个", actual: "11.9个", weight: 5 }).codes).not.toContain("OVER_COMPLETION");
    expect(one({ target: "10个", actual: "12个", weight: 5 }, PRESETS.guangxi).codes).not.toContain(
      "OVER_COMPLETION",
    );
    expect(one({ target: "1-2次", actual: "2次", weight: 5 }).codes).not.toContain("OVER_COMPLETION");
    expect(one({ target: "1-2次", actual: "3次", weight: 5 }).codes).toContain("OVER_COMPLETION");
    expect(one({ noFigures: true, weight: 5, score: 2 }).codes).not.toContain("UNDER_TARGET");
  });

  it("a met row scored below its weight (a deduction, a formula) says so, not that the target was missed", () => {
    // c01c: an array formula gives 2.5 of 5 on a 100% / 100% row, also under 全部按规则重算.
    for (const recompute of [false, true]) {
      const r = one(
        {
          target: "100%",
          actual: "100%",
          weight: 5,
          score: { value: 2.5, formula: true },
          scoreOrigin: "formula",
        },
        PRESETS.central,
        recompute,
      );
      expect(r.ind).toMatchObject({ score: 2.5, scoreSource: "formula", completion: 1 });
      expect(r.msg("UNDER_TARGET")).toBe("测试指标：得分2.5低于分值5，请说明偏差原因。");
    }
    expect(one({ target: "≤5次", actual: "3次", weight: 5, score: 4 }).msg("UNDER_TARGET")).toBe(
      "测试指标：得分4低于分值5，请说明偏差原因。",
    );
    expect(one({ target: "合格", actual: "合格", weight: 5, score: 4 }).msg("UNDER_TARGET")).toBe(
      "测试指标：得分4低于分值5，请说明偏差原因。",
    );
    // A shortfall still names the completion.
    expect(one({ target: "10个", actual: "9个", weight: 5, score: 4 }).msg("UNDER_TARGET")).toBe(
      "测试指标：完成率90%，未完成年度目标，请说明偏差原因。",
    );
  });

  it("a qualitative row waiting for judgement counts when the ladder places it below", () => {
    const r = one({ target: "长期", actual: "中期", weight: 5 });
    expect(r.codes).toEqual(
      expect.arrayContaining(["UNDER_TARGET", "QUALITATIVE_NEEDS_JUDGEMENT", "DEVIATION_NOTE_REQUIRED"]),
    );
    expect(r.report.writes.find((w) => w.kind === "note")!.after).toBe(
      "【待补充】测试指标：年度指标值“长期”，实际“中期”，未完全达成年度指标。偏差原因：；改进措施：",
    );
  });

  it("over-completion notes are mandatory only when the profile says so", () => {
    const spec = { target: "10个", actual: "15个", weight: 5 };
    expect(one(spec).report.writes.filter((w) => w.kind === "note")).toEqual([]);
    const gx = one(spec, PRESETS.guangxi);
    expect(gx.codes).toEqual(expect.arrayContaining(["OVER_COMPLETION", "DEVIATION_NOTE_REQUIRED"]));
    expect(String(gx.report.writes.find((w) => w.kind === "note")!.after)).toMatch(/^【待补充】/);
  });

  it("one draft naming each row for a note shared by several rows; a person's note is never changed", () => {
    const shared = { id: "I13", text: null };
    const rows = [
      row({ row: 13, name: "甲", target: "10个", actual: "5个", weight: 50, note: shared }),
      row({ row: 14, name: "乙", target: "10个", actual: "10个", weight: 25, note: shared }),
      row({ row: 15, name: "丙", target: "4次", actual: "3次", weight: 25, note: shared }),
    ];
    const r = scoreTable(table(rows), central);
    const notes = r.writes.filter((w) => w.kind === "note");
    expect(notes).toEqual([
      {
        row: 13,
        field: "note",
        noteId: "I13",
        before: null,
        after:
          "【待补充】甲：年度指标值10个，实际完成值5个，完成率50.00%，未完成年度目标。丙：年度指标值4次，实际完成值3次，完成率75.00%，未完成年度目标。偏差原因：；改进措施：",
        kind: "note",
      },
    ]);
    const person = table(rows.map((x) => ({ ...x, note: { id: "I13", text: "人员调整，进度滞后。" } })));
    const rp = scoreTable(person, central);
    expect(rp.writes.filter((w) => w.kind === "note")).toEqual([]);
    expect(rp.diagnostics.map((d) => d.code)).not.toContain("DEVIATION_NOTE_REQUIRED");
  });

  it("a marked note is refreshed only when its text changes; a missing note cell is reported", () => {
    const stale = one({
      target: "10个",
      actual: "5个",
      weight: 5,
      note: { id: "I10", text: "【待补充】旧的草稿" },
    });
    expect(stale.report.writes.find((w) => w.kind === "note")?.before).toBe("【待补充】旧的草稿");
    const draft = String(stale.report.writes.find((w) => w.kind === "note")!.after);
    const same = one({ target: "10个", actual: "5个", weight: 5, note: { id: "I10", text: draft } });
    expect(same.report.writes.filter((w) => w.kind === "note")).toEqual([]);
    expect(same.codes).toContain("DEVIATION_NOTE_REQUIRED");
    expect(one({ target: "10个", actual: "5个", weight: 5, note: null }).codes).toContain(
      "DEVIATION_NOTE_REQUIRED",
    );
  });

  it("PERF_EXEC_MISMATCH when attainment is more than 5% ahead of execution", () => {
    const r = scoreTable(donghuA(), central);
    expect(zhMessage(r.diagnostics.find((d) => d.code === "PERF_EXEC_MISMATCH")!)).toBe(
      "绩效指标得分率87.04%明显高于预算执行率82.46%，请核实绩效完成情况与资金支出是否匹配。",
    );
    const rows = [row({ row: 20, target: "3个", actual: "2.5个", weight: 90 })];
    expect(
      scoreTable(withBudget(donghuBudget(), rows), central).diagnostics.map((d) => d.code),
    ).not.toContain("PERF_EXEC_MISMATCH");
  });
});
