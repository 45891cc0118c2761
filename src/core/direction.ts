/** R-DIR: the row's direction, from the override, the direction column, the target, or the default. */
import { directionOfOp } from "./comparators";
import type { ParsedValue } from "./parse";
import { directionFromColumn } from "./rule-text";
import type { Direction, IndicatorRowInput } from "./types";

export function rowDirection(row: IndicatorRowInput, target: ParsedValue): Direction {
  const colDir = directionFromColumn(row.direction);
  // A text target makes the row qualitative, a date target a date row, whatever else says.
  if (row.override?.direction === "qualitative") return "qualitative";
  if (target.kind === "text" || (colDir === "qualitative" && target.kind !== "null")) return "qualitative";
  if (target.kind === "date") return "date";
  if (row.override?.direction) return row.override.direction;
  if (colDir) return colDir;
  if (target.kind === "range") return "range";
  if (target.kind === "number" && target.op) return directionOfOp(target.op);
  return "positive";
}
