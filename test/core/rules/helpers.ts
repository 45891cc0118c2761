/** Shared by the rule tests: one row scored alone. */
import { PRESETS, scoreTable, type Profile, type TableInput } from "../../../src/core";
import { row, table, type RowSpec } from "../fixtures";
import { zhMessage } from "../../support/messages";

export const central = { profile: PRESETS.central };

/** Scores a table of the one row `spec`; `msg(code)` is the zh-CN message of the first diagnostic with `code`. */
export function one(spec: RowSpec, profile: Profile = PRESETS.central, recomputeAll = false) {
  const report = scoreTable(table([row(spec)]), { profile, recomputeAll });
  return {
    report,
    ind: report.indicators[0],
    codes: report.diagnostics.map((d) => d.code),
    msg: (code: string) => {
      const d = report.diagnostics.find((x) => x.code === code);
      return d ? zhMessage(d) : undefined;
    },
  };
}

/** A table (L1) of `rows` with the budget block `b`. */
export function withBudget(
  b: TableInput["budget"],
  rows = [row({ row: 20, target: "3个", actual: "3个", weight: 90 })],
): TableInput {
  return table(rows, { layout: "L1", budget: b });
}
