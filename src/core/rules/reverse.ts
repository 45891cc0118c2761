/** R-REV (reverse, ≤): B ≤ A → w; otherwise by `profile.reverseMode` (ratio, linear, binary); A = 0 and B > 0 → 0. */
import Decimal from "decimal.js";
import { ONE, ZERO } from "../figures";
import type { RowRule } from "./types";

export const reverse: RowRule = {
  id: "R-REV",
  kinds: ["numeric"],
  score(c, w, profile) {
    if (c.kind !== "numeric") return null;
    const { A, B } = c;
    if (B.lte(A)) return w;
    if (A.lte(0)) return ZERO;
    switch (profile.reverseMode) {
      case "binary":
        return ZERO;
      case "linear":
        return w.times(Decimal.max(ZERO, ONE.minus(B.minus(A).div(A))));
      default:
        return w.times(A).div(B);
    }
  },
};
