/** R-TEXT: rules named in a scoring-rule column (SCORING.md §3). */
import { one } from "./helpers";

describe("R-TEXT", () => {
  it("recognises checklist, binary, rate and proportional wording; first in the list wins", () => {
    const checklist = one({
      target: "合规",
      actual: "合规",
      weight: 4,
      ruleText: "①②③每有一项不符,各扣1分",
      score: null,
    });
    expect([checklist.ind.rule, checklist.ind.direction, checklist.ind.score]).toEqual([null, null, null]);
    expect(checklist.codes).toContain("QUALITATIVE_NEEDS_JUDGEMENT");
    expect(
      one({ target: "≤5次", actual: "3次", weight: 5, ruleText: "低于目标值得满分，否则不得分" }).ind.rule,
    ).toBe("R-BIN");
    expect(one({ target: "98%", actual: "90%", weight: 3, ruleText: "得分=实际达标率×分值" }).ind.rule).toBe(
      "R-RATE",
    );
    expect(one({ target: "98%", actual: "90%", weight: 3, ruleText: "按完成比例计分" }).ind.rule).toBe(
      "R-POS",
    );
    expect(
      one({ target: "98%", actual: "90%", weight: 3, ruleText: "得分=实际达标率*分值,否则不得分" }).ind.rule,
    ).toBe("R-BIN");
  });

  it("numbers inside the rule text are not extracted; an L3 row is a judgement row", () => {
    const r = one({
      noFigures: true,
      weight: 4,
      score: 3.33,
      ruleText: "得分=实际额/计划额4.3亿美元*100%*分值,超过标准分以标准分计分。",
    });
    expect([r.ind.rule, r.ind.direction, r.ind.score, r.ind.scoreSource]).toEqual([
      null,
      null,
      3.33,
      "person",
    ]);
    expect(r.codes).not.toContain("UNDER_TARGET");
  });
});
