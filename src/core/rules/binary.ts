/** R-BIN (达标即满分，否则不得分): met by the row's direction → w, else 0; by override or R-TEXT. */
import { ZERO } from "../figures";
import type { RowRule } from "./types";

export const binary: RowRule = {
  id: "R-BIN",
  kinds: ["numeric", "date", "qualitative"],
  score(c, w) {
    if (c.kind === "word") return null;
    if (c.kind !== "qualitative") return c.met ? w : ZERO;
    // A qualitative actual that nothing places waits for a person.
    return c.achieved ? w : c.below ? ZERO : null;
  },
};
