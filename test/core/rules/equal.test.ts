/** R-EQ (SCORING.md §3). */
import { one } from "./helpers";

describe("R-EQ", () => {
  it("A = 0: w when B ≤ 0 else 0; A > 0 as R-POS", () => {
    expect(one({ target: "=0", actual: "0", weight: 5 }).ind.score).toBe(5);
    expect(one({ target: "=0", actual: "2", weight: 5 }).ind.score).toBe(0);
    expect(one({ target: "=0", actual: "2", weight: 5 }).codes).toContain("UNDER_TARGET");
    expect(one({ target: "=10个", actual: "5个", weight: 5 }).ind.score).toBe(2.5);
    expect(one({ target: "=10个", actual: "5个", weight: 5 }).ind.rule).toBe("R-EQ");
  });
});
