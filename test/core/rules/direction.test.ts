/** R-DIR: the row's direction (SCORING.md §2). */
import { one } from "./helpers";

describe("R-DIR", () => {
  it("takes the direction from override, then direction column, then comparator, then positive", () => {
    expect(one({ target: "5次", actual: "6次", weight: 10 }).ind.direction).toBe("positive");
    expect(one({ target: "≤5次", actual: "6次", weight: 10 }).ind.direction).toBe("reverse");
    expect(one({ target: "5", actual: "6", weight: 10, direction: "≤", unit: "次" }).ind.direction).toBe(
      "reverse",
    );
    expect(one({ target: "5", actual: "6", weight: 10, direction: "反向" }).ind.direction).toBe("reverse");
    expect(one({ target: "≥5次", actual: "6次", weight: 10, direction: "≤" }).ind.direction).toBe("reverse");
    expect(
      one({ target: "≥5次", actual: "6次", weight: 10, direction: "≤", override: { direction: "positive" } })
        .ind.direction,
    ).toBe("positive");
    expect(one({ target: "0", actual: "0", weight: 10, direction: "﹦" }).ind.direction).toBe("equal");
    expect(one({ target: "合格", actual: "合格", weight: 10, direction: "定性" }).ind.direction).toBe(
      "qualitative",
    );
  });
});
