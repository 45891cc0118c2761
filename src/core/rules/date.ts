/** R-DATE: on or before the target date → w, else 0. */
import { ZERO } from "../figures";
import type { RowRule } from "./types";

export const date: RowRule = {
  id: "R-DATE",
  kinds: ["date"],
  score(c, w) {
    return c.kind === "date" ? (c.met ? w : ZERO) : null;
  },
};
