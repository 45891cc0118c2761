/**
 * R-DEV draft notes (SCORING.md §6): where a row needs a deviation note and its note cell is
 * empty (or still a draft), a draft stating the facts is written, beginning with DRAFT_MARK.
 * Drafts are sheet text for the Chinese table itself, so they are worded here, in Chinese.
 */
import type Decimal from "decimal.js";
import type { BudgetEval } from "./budget";
import type { Ctx } from "./context";
import { pct } from "./figures";
import { message } from "./messages";
import type { RowEval } from "./row";
import type { NoteRef } from "./types";
import { DRAFT_MARK, settleNote } from "./write-policy";

function isBlank(text: string | null): boolean {
  return text === null || text.trim() === "";
}

interface Figures {
  name: string;
  target: string | null;
  actual: string | null;
}

/** What a row's draft note states. */
export type DraftFacts =
  | (Figures & { kind: "qualitative" })
  | (Figures & { kind: "late" })
  /** Reverse row over its limit; `by`: how far over, as a fraction of A (null for A = 0). */
  | (Figures & { kind: "overLimit"; by: Decimal | null })
  | (Figures & { kind: "short"; completion: Decimal | null })
  | (Figures & { kind: "over"; completion: Decimal | null })
  | (Figures & { kind: "lowScore"; score: Decimal | null; weight: Decimal });

/** One row's sentence of a draft note. */
export function factsText(f: DraftFacts): string {
  const rate = (c: Decimal | null) => (c !== null ? `完成率${pct(c)}，` : "");
  switch (f.kind) {
    case "qualitative":
      return `${f.name}：年度指标值“${f.target}”，实际“${f.actual}”，未完全达成年度指标。`;
    case "late":
      return `${f.name}：年度指标值${f.target}，实际完成值${f.actual}，晚于目标时间。`;
    case "overLimit":
      return `${f.name}：年度指标值${f.target}，实际${f.actual}，${f.by !== null ? `超出指标值${pct(f.by)}` : "超出指标值"}。`;
    case "short":
      return `${f.name}：年度指标值${f.target}，实际完成值${f.actual}，${rate(f.completion)}未完成年度目标。`;
    case "over":
      return `${f.name}：年度指标值${f.target}，实际完成值${f.actual}，${rate(f.completion)}大幅超过年度指标值，请分析指标值设置是否偏低。`;
    case "lowScore":
      return `${f.name}：年度指标值${f.target ?? ""}，实际完成值${f.actual ?? ""}，得分${f.score !== null ? f.score.toString() : ""}低于分值${f.weight.toString()}。`;
  }
}

/** The draft of a note covering `rows` (one row, or every row of a merged note block). */
function draftText(rows: RowEval[]): string {
  const facts = rows.map((r) => (r.facts ? factsText(r.facts) : `${r.result.name}：未完成年度目标。`));
  return `${DRAFT_MARK}${facts.join("")}偏差原因：；改进措施：`;
}

/** The budget block's reason draft (LOW_EXECUTION). */
export function budgetDraft(rate: string, threshold: string): string {
  return `${DRAFT_MARK}预算执行率${rate}，低于${threshold}。原因：；改进措施：`;
}

/** Plans the draft notes of the rows that need one and reports DEVIATION_NOTE_REQUIRED. */
export function draftNotes(ctx: Ctx, rows: RowEval[]): void {
  const needing = rows.filter((r) => r.under || (r.over && ctx.profile.overCompletionNoteRequired));
  // First row of each note cell (a note merged over several rows is written on its first).
  const firstRow = new Map<string, number>();
  for (const r of rows) {
    const id = r.input.note?.id;
    if (id === undefined) continue;
    const seen = firstRow.get(id);
    if (seen === undefined || r.input.row < seen) firstRow.set(id, r.input.row);
  }
  const groups = new Map<string, { note: NoteRef; rows: RowEval[] }>();
  for (const r of needing) {
    const note = r.input.note ?? null;
    if (!note) {
      r.result.draftNote = draftText([r]);
      ctx.diag(
        "DEVIATION_NOTE_REQUIRED",
        r.input.row,
        null,
        message("core.note.noCell", { name: r.result.name }),
      );
      r.result.flags.push("DEVIATION_NOTE_REQUIRED");
      continue;
    }
    const g = groups.get(note.id) ?? { note, rows: [] };
    g.rows.push(r);
    groups.set(note.id, g);
  }
  for (const { note, rows: gRows } of groups.values()) {
    const first = firstRow.get(note.id) ?? gRows[0].input.row;
    if (!settleNote(ctx, note, draftText(gRows), { row: first, field: "note" })) continue;
    for (const r of gRows) {
      ctx.diag(
        "DEVIATION_NOTE_REQUIRED",
        r.input.row,
        "note",
        message(isBlank(note.text) ? "core.note.empty" : "core.note.draft", { name: r.result.name }),
        note.id,
      );
      r.result.flags.push("DEVIATION_NOTE_REQUIRED");
    }
  }
}

/** PERF_EXEC_MISMATCH: indicator attainment more than 5% ahead of the budget execution rate. */
export function checkPerfExec(ctx: Ctx, attainment: Decimal | null, budget: BudgetEval | null): void {
  if (!budget?.rate || !budget.written || !attainment || !attainment.gt(0)) return;
  const gap = attainment.minus(budget.rate).div(attainment);
  if (gap.gt("0.05"))
    ctx.diag(
      "PERF_EXEC_MISMATCH",
      budget.result.row,
      "budgetRate",
      message("core.total.perfExec", { attainment: pct(attainment), rate: pct(budget.rate) }),
    );
}
