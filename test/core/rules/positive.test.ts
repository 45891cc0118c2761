/** R-POS (SCORING.md §3). */
import { one } from "./helpers";

describe("R-POS", () => {
  it("A > 0: w when B ≥ A, else w·B/A; A = 0: w when B ≥ 0", () => {
    expect(one({ target: "60亿元", actual: "38亿元", weight: 5 }).ind.score).toBe(3.17);
    expect(one({ target: "60亿元", actual: "70亿元", weight: 5 }).ind.score).toBe(5);
    expect(one({ target: "0个", actual: "0个", weight: 5 }).ind.score).toBe(5);
    expect(one({ target: "60亿元", actual: "38亿元", weight: 5 }).ind.completion).toBe(0.6333);
  });
});
