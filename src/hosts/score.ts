/**
 * One scoring run on any host: read a sheet, score it (`analyzeRead`), apply the plan when
 * asked. The ribbon's 一键评分 and the command line run it; the task pane runs the same flow
 * step by step (preview first).
 */
import { resolveProfile } from "../core";
import type { Profile } from "../core/types";
import { analyzeRead, type SheetAnalysis, type WritePlan } from "../sheet";
import type { ApplyResult, SheetRead, WorkbookHost } from "./host";

export interface RunChoices {
  /** The sheet to score; without it the host's (the active sheet, or the one REPORT.md chooses). */
  sheet?: string;
  /** Without it, the workbook's saved profile (central when none). */
  profile?: Profile;
  recomputeAll?: boolean;
  /** File name for the report. */
  file?: string | null;
  /** Apply the plan (when it changes anything). */
  apply?: boolean;
}

export interface Run {
  read: SheetRead;
  profile: Profile;
  result: SheetAnalysis;
  /** What `apply` did; null when not asked to apply. */
  applied: ApplyResult | null;
}

export async function scoreOnHost(host: WorkbookHost, choices: RunChoices): Promise<Run> {
  const read = await host.readSheet(choices.sheet);
  const profile = choices.profile ?? resolveProfile(read.settings.profile ?? null);
  const result = analyzeRead(read, { profile, recomputeAll: choices.recomputeAll, file: choices.file });
  const applied = choices.apply ? await applyPlan(host, result.plan) : null;
  return { read, profile, result, applied };
}

/** Applies a plan; one that changes nothing is not sent to the host. */
export async function applyPlan(host: WorkbookHost, plan: WritePlan): Promise<ApplyResult> {
  const changes = plan.writes.length + (plan.notes?.length ?? 0);
  return changes > 0 ? host.apply(plan) : { written: 0, backupId: "" };
}
