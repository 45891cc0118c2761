/** R-BIN (SCORING.md §3). */
import { one } from "./helpers";

describe("R-BIN", () => {
  const text = "达到目标值为满分，否则不得分。";
  it("met → w, else 0 (by rule text or override)", () => {
    expect(one({ target: "≥5%", actual: "4.9%", weight: 5, ruleText: text }).ind.score).toBe(0);
    expect(one({ target: "≥5%", actual: "5%", weight: 5, ruleText: text }).ind.score).toBe(5);
    expect(one({ target: "≥5%", actual: "4.9%", weight: 5, ruleText: text }).ind.rule).toBe("R-BIN");
    expect(one({ target: "≤5次", actual: "6次", weight: 5, override: { rule: "R-BIN" } }).ind.score).toBe(0);
  });
});
