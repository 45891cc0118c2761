/**
 * R-PARSE-9: completion words as the actual of a numeric or date target (SCORING.md §1), and
 * R-QUAL's "a score already entered is kept; judgement only with the score cell empty".
 */
import { PRESETS } from "../../../src/core";
import { one } from "./helpers";

const MET = [
  "完成",
  "已完成",
  "全部完成",
  "按时完成",
  "达到",
  "已达到",
  "达成",
  "达标",
  "达成预期指标",
  "达到预期目标",
  "是",
];
const NOT_MET = ["未完成", "未达到", "未达成", "否", "基本完成"];
const TARGETS: [string, string | null, string][] = [
  ["≥95%", null, "R-POS"],
  ["30", "≤", "R-REV"],
  ["=0", null, "R-EQ"],
  ["2023年12月31日前", null, "R-DATE"],
];

describe("R-PARSE-9 a met word proposes the rule's full score", () => {
  describe.each(TARGETS)("target %j (direction %j)", (target, direction, rule) => {
    it.each(MET)(
      "%j: full score proposed into the empty cell, ACTUAL_AS_WORD asks for the figure",
      (word) => {
        const r = one({ target, direction, unit: direction ? "万元" : null, actual: word, weight: 8 });
        expect(r.ind).toMatchObject({
          score: 8,
          scoreSource: "proposed",
          ruleScore: 8,
          rule,
          completion: null,
        });
        expect(r.report.diagnostics.find((d) => d.code === "ACTUAL_AS_WORD")).toMatchObject({
          severity: "info",
          row: 10,
          field: "actual",
        });
        expect(r.msg("ACTUAL_AS_WORD")).toContain(`“${word}”`);
        expect(r.codes).not.toContain("UNPARSEABLE_VALUE");
        expect(r.codes).not.toContain("QUALITATIVE_NEEDS_JUDGEMENT");
        expect(r.codes).not.toContain("UNDER_TARGET");
        expect(r.report.totalProvisional).toBe(false);
        expect(r.report.writes).toContainEqual(
          expect.objectContaining({ row: 10, field: "score", after: 8 }),
        );
      },
    );
  });

  it("a person's score is kept, without SCORE_MISMATCH, also under 全部按规则重算 (a proposal never replaces it)", () => {
    for (const recompute of [false, true]) {
      const r = one({ target: "≤30万元", actual: "完成", weight: 90, score: 85 }, PRESETS.central, recompute);
      expect(r.ind).toMatchObject({ score: 85, scoreSource: "person", ruleScore: 90 });
      expect(r.codes).not.toContain("SCORE_MISMATCH");
      expect(r.codes).toContain("ACTUAL_AS_WORD");
      expect(r.report.writes.filter((w) => w.field === "score")).toEqual([]);
    }
  });
});

describe("R-PARSE-9 a not-met word waits for a person and needs a note", () => {
  it.each(NOT_MET)("%j with the score cell empty: judgement, UNDER_TARGET, a draft note", (word) => {
    const r = one({ target: "≥95%", actual: word, weight: 10 });
    expect(r.ind).toMatchObject({ score: null, scoreSource: "none", ruleScore: null });
    expect(r.codes).toEqual(
      expect.arrayContaining([
        "ACTUAL_AS_WORD",
        "QUALITATIVE_NEEDS_JUDGEMENT",
        "UNDER_TARGET",
        "DEVIATION_NOTE_REQUIRED",
      ]),
    );
    expect(r.codes).not.toContain("UNPARSEABLE_VALUE");
    expect(r.msg("QUALITATIVE_NEEDS_JUDGEMENT")).toContain(`“${word}”`);
    expect(r.report.totalProvisional).toBe(true);
    const note = r.report.writes.find((w) => w.field === "note");
    expect(String(note?.after)).toMatch(
      /^【待补充】测试指标：年度指标值≥95%，实际完成值.+，未完成年度目标。/,
    );
  });

  it("with a score entered (R-QUAL): kept, no judgement asked, the note still needed", () => {
    const r = one({ target: "≥95%", actual: "未完成", weight: 10, score: 6 });
    expect(r.ind).toMatchObject({ score: 6, scoreSource: "person" });
    expect(r.codes).not.toContain("QUALITATIVE_NEEDS_JUDGEMENT");
    expect(r.codes).toContain("UNDER_TARGET");
    expect(r.report.totalProvisional).toBe(false);
  });
});

describe("other texts", () => {
  it("a text that is no completion word is still unreadable against a numeric target", () => {
    const r = one({ target: "≥95%", actual: "进展顺利", weight: 10 });
    expect(r.codes).toContain("UNPARSEABLE_VALUE");
    expect(r.codes).not.toContain("ACTUAL_AS_WORD");
  });

  it("against a date target a person judges it, asked only while the score cell is empty (R-QUAL)", () => {
    const empty = one({ target: "2022年12月31日前", actual: "按计划推进", weight: 10 });
    expect(empty.codes).toContain("QUALITATIVE_NEEDS_JUDGEMENT");
    expect(empty.msg("QUALITATIVE_NEEDS_JUDGEMENT")).toContain("2022年12月31日");
    expect(empty.ind.score).toBeNull();
    const filled = one({ target: "2022年12月31日前", actual: "按计划推进", weight: 10, score: 10 });
    expect(filled.codes).not.toContain("QUALITATIVE_NEEDS_JUDGEMENT");
    expect(filled.ind).toMatchObject({ score: 10, scoreSource: "person" });
    expect(filled.report.totalProvisional).toBe(false);
  });
});
