/** R-RATE (SCORING.md §3). */
import { one } from "./helpers";

describe("R-RATE", () => {
  it("s = w·min(B, 100%)", () => {
    const text = "年度目标值为78%,得分=实际达标率*分值,超过标准分以标准分计分。";
    expect(one({ target: "78%", actual: "71.7%", weight: 3, ruleText: text }).ind.score).toBe(2.15);
    expect(one({ target: "78%", actual: "71.7%", weight: 3, ruleText: text }).ind.rule).toBe("R-RATE");
    expect(one({ target: "78%", actual: "120%", weight: 3, override: { rule: "R-RATE" } }).ind.score).toBe(3);
  });
});
