/** R-EQ (=): A = 0: s = w if B ≤ 0, else 0; A > 0: as R-POS. */
import { ZERO } from "../figures";
import type { RowRule } from "./types";

export const equal: RowRule = {
  id: "R-EQ",
  kinds: ["numeric"],
  score(c, w) {
    if (c.kind !== "numeric") return null;
    const { A, B } = c;
    if (A.isZero()) return B.lte(0) ? w : ZERO;
    if (B.gte(A)) return w;
    return A.gt(0) ? w.times(B).div(A) : w;
  },
};
