/** R-QUAL and R-LADDER (SCORING.md §3). */
import { PRESETS, qualitativeBands, resolveProfile } from "../../../src/core";
import { one } from "./helpers";

describe("R-QUAL", () => {
  it("proposes w only when the actual is unambiguously 达成; never over an existing score", () => {
    const a = one({ target: "显著", actual: "显著", weight: 10 });
    expect([a.ind.score, a.ind.scoreSource, a.ind.ruleScore]).toEqual([10, "proposed", 10]);
    expect(a.report.writes.map((w) => w.after)).toContain(10);
    const kept = one({ target: "显著", actual: "显著", weight: 10, score: 9 }, PRESETS.central, true);
    expect([kept.ind.score, kept.ind.scoreSource]).toEqual([9, "person"]);
    expect(kept.report.writes.filter((w) => w.field === "score")).toEqual([]);
  });

  it("otherwise an empty score needs judgement, the total is provisional and bands are offered", () => {
    const a = one({ target: "显著", actual: "有一定效果", weight: 10 });
    expect(a.ind.score).toBeNull();
    expect(a.ind.ruleScore).toBeNull();
    expect(a.codes).toEqual(expect.arrayContaining(["QUALITATIVE_NEEDS_JUDGEMENT", "TOTAL_INCOMPLETE"]));
    expect(a.report.totalProvisional).toBe(true);
    expect(a.report.gradeProvisional).toBe(true);
    expect(a.ind.bands).toEqual({ achieved: [8, 10], partial: [6, 8], notAchieved: [0, 6] });
    expect(qualitativeBands(5, PRESETS["municipal-20"])).toEqual({
      achieved: [4, 5],
      partial: [2.5, 4],
      notAchieved: [0, 2.5],
    });
  });

  it("a kept score is checked against closed bands by ladder steps (QUALITATIVE_BAND), never SCORE_MISMATCH", () => {
    expect(one({ target: "显著", actual: "较显著", weight: 10, score: 8 }).codes).not.toContain(
      "QUALITATIVE_BAND",
    );
    expect(one({ target: "长期", actual: "中长期", weight: 5, score: 3 }).codes).not.toContain(
      "QUALITATIVE_BAND",
    );
    const high = one({ target: "显著", actual: "较显著", weight: 10, score: 9 });
    expect(high.codes).toContain("QUALITATIVE_BAND");
    expect(high.msg("QUALITATIVE_BAND")).toBe(
      "测试指标：实际“较显著”对照年度指标值“显著”，得分应在6至8分之间，现为9分。",
    );
    expect(one({ target: "显著", actual: "不显著", weight: 10, score: 7 }).codes).toContain(
      "QUALITATIVE_BAND",
    );
    expect(one({ target: "造成污染", actual: "未造成污染", weight: 10, score: 7 }).codes).toContain(
      "QUALITATIVE_BAND",
    );
    expect(one({ target: "显著", actual: "显著", weight: 10, score: 7 }).codes).not.toContain(
      "SCORE_MISMATCH",
    );
  });

  it("identity is checked before any ladder", () => {
    expect(one({ target: "未造成污染", actual: "未造成污染", weight: 5 }).ind.scoreSource).toBe("proposed");
  });
});

describe("R-LADDER", () => {
  it.each([
    ["显著", "较显著", 1],
    ["明显", "不明显", 2],
    ["长期", "短期", 3],
    ["优", "良", 1],
    ["良好", "优秀", 0],
    ["高", "较低", 3],
    ["有效", "基本有效", 1],
    ["达标", "已完成", 0],
    ["完成", "基本完成", 1],
    ["是", "否", 2],
  ])("%s vs %s: %d steps lower", async (t, a, steps) => {
    const r = one({ target: t, actual: a, weight: 10 });
    if (steps === 0) expect(r.ind.scoreSource).toBe("proposed");
    else {
      expect(r.ind.score).toBeNull();
      expect(r.codes).toContain("UNDER_TARGET");
      const inBand = steps === 1 ? 7 : 3;
      const outBand = steps === 1 ? 3 : 7;
      expect(one({ target: t, actual: a, weight: 10, score: inBand }).codes).not.toContain(
        "QUALITATIVE_BAND",
      );
      expect(one({ target: t, actual: a, weight: 10, score: outBand }).codes).toContain("QUALITATIVE_BAND");
    }
  });

  it("phrases starting with 有效 / 基本 / 未 are placed by prefix when both are", () => {
    expect(one({ target: "有效带动", actual: "基本实现", weight: 10 }).codes).toContain("UNDER_TARGET");
    expect(one({ target: "有效带动", actual: "很好", weight: 10 }).codes).not.toContain("UNDER_TARGET");
  });

  it("profile ladders extend the built-in ones", () => {
    const p = resolveProfile({ ladders: [["好", "较好", "差"]] });
    expect(one({ target: "好", actual: "较好", weight: 10 }, p).codes).toContain("UNDER_TARGET");
    expect(one({ target: "好", actual: "较好", weight: 10 }).codes).not.toContain("UNDER_TARGET");
  });
});
