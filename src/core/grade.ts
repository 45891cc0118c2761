/** R-GRADE (SCORING.md §5): the grade of a total, its caps, and the grade cell. */
import type Decimal from "decimal.js";
import type { Ctx } from "./context";
import { message } from "./messages";
import { withoutSpace } from "./parse";
import { parseWhen } from "./profile";
import { settle } from "./write-policy";
import type { Grade, GradeCap, GradeCellInput, Profile } from "./types";

const GRADE_RANK: Record<Grade, number> = { 优: 0, 良: 1, 中: 2, 差: 3 };

/** R-GRADE-1: the first band (highest `min` first) the total reaches. */
export function gradeOf(total: Decimal, profile: Profile): Grade {
  const bands = [...profile.gradeBands].sort((a, b) => b.min - a.min);
  for (const b of bands) if (total.gte(b.min)) return b.grade;
  return bands[bands.length - 1]?.grade ?? "差";
}

function compare(a: Decimal, op: string, b: number): boolean {
  switch (op) {
    case "<":
      return a.lt(b);
    case "<=":
      return a.lte(b);
    case ">":
      return a.gt(b);
    default:
      return a.gte(b);
  }
}

/** The figures a grade cap may name (`budgetRate` is null without a budget score). */
export interface CapFigures {
  total: Decimal;
  budgetRate: Decimal | null;
  attainment: Decimal | null;
}

/** R-GRADE-1/2: the grade and the cap that lowered it (null if none). */
export function grade(profile: Profile, figures: CapFigures): { grade: Grade; cap: GradeCap | null } {
  let g = gradeOf(figures.total, profile);
  let cap: GradeCap | null = null;
  for (const c of profile.gradeCaps) {
    const w = parseWhen(c.when);
    if (!w) continue;
    const figure = figures[w.figure];
    if (!figure || !compare(figure, w.op, w.value)) continue;
    if (GRADE_RANK[c.maxGrade] > GRADE_RANK[g]) {
      g = c.maxGrade;
      cap = c;
    }
  }
  return { grade: g, cap };
}

/** Texts of a written grade (R-GRADE-1: 优秀/良好/合格/不合格 read as 优/良/中/差). */
const GRADE_TEXT: Readonly<Record<string, Grade>> = {
  优: "优",
  优秀: "优",
  良: "良",
  良好: "良",
  中: "中",
  合格: "中",
  差: "差",
  不合格: "差",
};

/** The grade a cell's text names (whitespace ignored), or null. */
export function writtenGrade(value: unknown): Grade | null {
  if (typeof value !== "string") return null;
  return GRADE_TEXT[withoutSpace(value)] ?? null;
}

/**
 * R-GRADE-1 and the grade cell: an empty one is filled (R-WRITE-2); one that names the
 * computed grade in other words (优秀 for 优) is left as it is; a person's other grade is kept
 * and reported (GRADE_MISMATCH). 全部按规则重算 replaces a person's grade, never a text that
 * names no grade (见附件): that is a person's text, not a grade.
 */
export function settleGradeCell(ctx: Ctx, cell: GradeCellInput, value: Grade, total: Decimal): void {
  const current = cell.value ? cell.value.value : null;
  const blank = current === null || (typeof current === "string" && current.trim() === "");
  if (!blank && writtenGrade(current) === value && !cell.value?.formula && cell.origin !== "formula") return;
  const st = settle(ctx, cell.value, cell.origin, value, {
    row: cell.row,
    field: "grade",
    kind: "grade",
    label: message("core.cell.grade"),
    allowReplacePerson: blank || writtenGrade(current) !== null,
  });
  if ((st === "kept-person" || st === "kept-formula") && !blank && writtenGrade(current) !== value)
    ctx.diag(
      "GRADE_MISMATCH",
      cell.row,
      "grade",
      message("core.grade.mismatch", {
        written: String(current instanceof Date ? current.toISOString().slice(0, 10) : current),
        total: total.toString(),
        grade: value,
      }),
    );
}
