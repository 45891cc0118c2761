/** R-POS (positive, ≥ and ranges): A > 0: s = w if B ≥ A, else w·B/A; A = 0: s = w if B ≥ 0. */
import { ZERO } from "../figures";
import type { RowRule } from "./types";

export const positive: RowRule = {
  id: "R-POS",
  kinds: ["numeric"],
  score(c, w) {
    if (c.kind !== "numeric") return null;
    const { A, B } = c;
    if (A.gt(0)) return B.gte(A) ? w : w.times(B).div(A);
    return B.gte(A) ? w : ZERO;
  },
};
