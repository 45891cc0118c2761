/** R-RATE (得分 = 实际达标率 × 分值): s = w·min(rate, 100%); by override or R-TEXT. */
import Decimal from "decimal.js";
import { ONE } from "../figures";
import type { RowRule } from "./types";

export const rate: RowRule = {
  id: "R-RATE",
  kinds: ["numeric"],
  score(c, w) {
    if (c.kind !== "numeric") return null;
    // The actual is the rate itself when it reads as a fraction, else its completion of A.
    const frac = c.actualIsFraction ? c.B : c.A.gt(0) ? c.B.div(c.A) : ONE;
    return w.times(Decimal.min(frac, ONE));
  },
};
