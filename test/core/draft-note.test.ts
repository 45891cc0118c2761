/** R-DEV: the draft of a row that needs a note and has no note cell is exposed, not written. */
import { PRESETS, scoreTable } from "../../src/core";
import { row, table } from "./fixtures";

const central = { profile: PRESETS.central };

describe("R-DEV draft notes where the layout has no note column", () => {
  test("R-DEV: an under-target row without a note cell carries the draft a note cell would get", () => {
    const withCell = scoreTable(
      table([row({ name: "外资完成率", target: "4.3亿美元", actual: "3.58亿美元" })]),
      central,
    );
    const without = scoreTable(
      table([row({ name: "外资完成率", target: "4.3亿美元", actual: "3.58亿美元", note: null })]),
      central,
    );
    const drafted = withCell.writes.find((w) => w.kind === "note")?.after;
    expect(drafted).toBe(
      "【待补充】外资完成率：年度指标值4.3亿美元，实际完成值3.58亿美元，完成率83.26%，未完成年度目标。偏差原因：；改进措施：",
    );
    expect(without.indicators[0].draftNote).toBe(drafted);
    // Nothing else changes: no write is planned for it, and the warning still says there is no cell.
    expect(without.writes.filter((w) => w.kind === "note")).toEqual([]);
    const warn = without.diagnostics.filter((d) => d.code === "DEVIATION_NOTE_REQUIRED");
    expect(warn).toHaveLength(1);
    expect(warn[0]).toMatchObject({ row: 10, field: null });
    expect(without.indicators[0].flags).toContain("DEVIATION_NOTE_REQUIRED");
  });

  test("R-DEV: a row with a note cell, or one that needs no note, has no draftNote", () => {
    const withCell = scoreTable(table([row({ target: "4.3亿美元", actual: "3.58亿美元" })]), central);
    expect(withCell.indicators[0].draftNote).toBeUndefined();
    const met = scoreTable(table([row({ target: "100个", actual: "120个", note: null })]), central);
    expect(met.indicators[0].draftNote).toBeUndefined();
    expect("draftNote" in met.indicators[0]).toBe(false);
  });

  test("R-DEV: reverse and qualitative rows get their own wording", () => {
    const rev = scoreTable(
      table([row({ name: "成本", target: "≤100万元", actual: "125万元", note: null })]),
      central,
    );
    expect(rev.indicators[0].draftNote).toMatch(
      /^【待补充】成本：年度指标值≤100万元，实际125万元，超出指标值25\.00%。/,
    );
    const qual = scoreTable(
      table([row({ name: "可持续性", target: "长期", actual: "中期", score: 3, note: null })]),
      central,
    );
    expect(qual.indicators[0].draftNote).toBe(
      "【待补充】可持续性：年度指标值“长期”，实际“中期”，未完全达成年度指标。偏差原因：；改进措施：",
    );
  });

  test("R-DEV: over-completion needs a draft only when the profile makes the note mandatory", () => {
    const spec = { name: "签约项目", target: "10个", actual: "15个", note: null };
    expect(scoreTable(table([row(spec)]), central).indicators[0].draftNote).toBeUndefined();
    const gx = scoreTable(table([row(spec)]), { profile: PRESETS.guangxi });
    expect(gx.indicators[0].draftNote).toMatch(/^【待补充】签约项目：.*偏差原因：；改进措施：$/);
  });
});
