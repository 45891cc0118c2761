/**
 * R-QUAL: the full score is proposed only when the actual is unambiguously 达成 (identical
 * to the target, or as high on a known ladder); otherwise a person judges (the bands).
 */
import type { RowRule } from "./types";

export const qualitative: RowRule = {
  id: "R-QUAL",
  kinds: ["qualitative"],
  proposes: true,
  score(c, w) {
    return c.kind === "qualitative" && c.achieved ? w : null;
  },
};
