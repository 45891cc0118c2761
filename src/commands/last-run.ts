/** What the ribbon's 一键评分 leaves for the task pane to show (same-origin local storage). */

export const LAST_RUN_KEY = "jixiao.lastRun";

export interface QuickScoreStatus {
  ok: boolean;
  sheet: string | null;
  total: number | null;
  grade: string | null;
  written: number;
  issues: number;
  /** One Chinese line for the user. */
  message: string;
  at: string;
}

export function rememberLastRun(status: QuickScoreStatus): void {
  try {
    globalThis.localStorage?.setItem(LAST_RUN_KEY, JSON.stringify(status));
  } catch {
    // Storage may be unavailable (private mode); the result is still in the sheet.
  }
}

/** The last 一键评分 result, or null when there is none or it cannot be read. */
export function readLastRun(): QuickScoreStatus | null {
  try {
    const raw = globalThis.localStorage?.getItem(LAST_RUN_KEY);
    if (!raw) return null;
    const v = JSON.parse(raw) as Partial<QuickScoreStatus>;
    return typeof v.message === "string" && typeof v.at === "string" ? (v as QuickScoreStatus) : null;
  } catch {
    return null;
  }
}
