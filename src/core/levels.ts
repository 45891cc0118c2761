/** R-TOTAL-3: a level label's stated weight (`产出指标（50分）`) against the rows under it. */
import type Decimal from "decimal.js";
import type { Ctx } from "./context";
import { ZERO } from "./figures";
import { message } from "./messages";
import { normalizeLabel, statedWeight } from "./parse";
import type { RowEval } from "./row";

export function checkLevels(ctx: Ctx, rows: RowEval[]): void {
  interface Group {
    label: string;
    stated: number | null;
    sum: Decimal;
    first: number;
    /** The last label text read for a stated weight (rows of one merged cell repeat it). */
    read: string | null;
  }
  const groups = new Map<string, Group>();
  const add = (key: string, raw: string, r: RowEval): void => {
    let g = groups.get(key);
    if (!g) {
      g = { label: normalizeLabel(raw), stated: null, sum: ZERO, first: r.input.row, read: null };
      groups.set(key, g);
    }
    if (g.stated === null && g.read !== raw) {
      g.stated = statedWeight(raw);
      g.read = raw;
    }
    if (r.weight) g.sum = g.sum.plus(r.weight);
  };
  for (const r of rows) {
    // The row's result holds its labels already normalised (normalizeLabel).
    const l1 = r.result.level1;
    const l2 = r.result.level2;
    if (l1) add(`1\u0000${l1}`, r.input.level1, r);
    if (l2) add(`2\u0000${l1}\u0000${l2}`, r.input.level2, r);
  }
  for (const [key, g] of groups) {
    if (g.stated === null || g.sum.eq(g.stated)) continue;
    ctx.diag(
      "LEVEL_WEIGHT_MISMATCH",
      g.first,
      null,
      message(key.startsWith("1") ? "core.level1.weightMismatch" : "core.level2.weightMismatch", {
        label: g.label,
        stated: g.stated,
        sum: g.sum.toString(),
      }),
    );
  }
}
