/** R-DATE (SCORING.md §3). */
import { c } from "../fixtures";
import { one } from "./helpers";

describe("R-DATE", () => {
  it("on or before the date → w, else 0", () => {
    expect(one({ target: "2021年12月31日前", actual: "2021年12月31日", weight: 5 }).ind.score).toBe(5);
    expect(one({ target: "2021年12月31日", actual: "2022-01-05", weight: 5 }).ind.score).toBe(0);
    expect(one({ target: "2021年12月31日", actual: c(44566, "yyyy-mm-dd"), weight: 5 }).ind.score).toBe(0);
    expect(one({ target: "2021年12月31日", actual: "2022-01-05", weight: 5 }).ind.completion).toBeNull();
  });
});
