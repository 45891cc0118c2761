/** R-CAP and R-ROUND (SCORING.md §3). */
import { resolveProfile } from "../../../src/core";
import { one } from "./helpers";

describe("R-CAP", () => {
  it("0 ≤ s ≤ w; negative actuals count as 0", () => {
    expect(one({ target: "10个", actual: "-5个", weight: 5 }).ind.score).toBe(0);
    expect(one({ target: "10个", actual: "500个", weight: 5 }).ind.score).toBe(5);
    expect(one({ target: "10个", actual: "10个", weight: 5, score: 6 }).codes).toContain(
      "SCORE_EXCEEDS_WEIGHT",
    );
  });
});

describe("R-ROUND", () => {
  it("half-up to profile.decimals when written", () => {
    expect(one({ target: "8个", actual: "1个", weight: 1 }).ind.score).toBe(0.13); // 0.125
    expect(one({ target: "8个", actual: "1个", weight: 1 }, resolveProfile({ decimals: 1 })).ind.score).toBe(
      0.1,
    );
    expect(one({ target: "3个", actual: "1个", weight: 5 }, resolveProfile({ decimals: 0 })).ind.score).toBe(
      2,
    );
  });
});
