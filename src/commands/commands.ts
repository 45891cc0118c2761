/**
 * Ribbon commands (commands.html, no visible page). 一键评分 (`scoreActiveSheet`) scores
 * the active sheet with the workbook's saved profile, applies the plan and reports the
 * result without opening the pane: the cell of the total is selected (so the new total
 * shows at once) and a one-line status is kept in local storage, where the task pane
 * shows it when opened. No dialog.
 */
import { rememberLastRun, type QuickScoreStatus } from "./last-run";
import type { ApplyResult, WorkbookHost } from "../hosts/host";
import { createOfficeHost } from "../hosts/office/office-host";
import { errorText, getLocale, t } from "../i18n/catalog";
import { applyPlan, scoreOnHost } from "../hosts/score";
import { firstTable } from "../sheet";
import { address } from "../sheet/address";

/** Local-storage key of the last quick-scoring status (read by the task pane). */
export { LAST_RUN_KEY, type QuickScoreStatus } from "./last-run";

/** Reads, analyses with the saved profile, applies, selects the total. Never throws. */
export async function quickScore(host: WorkbookHost): Promise<QuickScoreStatus> {
  const at = new Date().toISOString();
  let sheet: string | null = null;
  const failed = (message: string): QuickScoreStatus => ({
    ok: false,
    sheet,
    total: null,
    grade: null,
    written: 0,
    issues: 0,
    message,
    at,
  });
  try {
    const run = await scoreOnHost(host, {});
    sheet = run.result.sheet;
    const { report, layout } = firstTable(run.result);
    if (!layout) return failed(t("office.cmd.noTable", { sheet }));
    const result: ApplyResult = await applyPlan(host, run.result.plan);
    const issues = report.diagnostics.filter((d) => d.severity !== "info").length;
    const total = report.total === null ? "—" : String(report.total);
    const grade = report.grade ?? "—";
    // The plan lists every draft note; the host adds only those the sheet lacks.
    const wrote = result.written + (result.notes ?? 0) > 0;
    let message = t(wrote ? "office.cmd.done" : "office.cmd.doneNoWrite", {
      sheet,
      total,
      grade,
      written: result.written,
      notes: result.notes ?? 0,
      issues,
    });
    const pending = report.diagnostics.filter((d) => d.code === "QUALITATIVE_NEEDS_JUDGEMENT").length;
    if (report.totalProvisional || report.gradeProvisional)
      message += t("office.cmd.provisional", { pending });
    const scoreCol = layout.columns.score;
    if (layout.totalRow && scoreCol)
      await host.selectCell(sheet, address(layout.totalRow, scoreCol)).catch(() => undefined);
    return {
      ok: true,
      sheet,
      total: report.total,
      grade: report.grade,
      written: result.written,
      issues,
      message,
      at,
    };
  } catch (e) {
    const reason = errorText(e, getLocale());
    return failed(t("office.cmd.failed", { message: reason }));
  }
}

/** The ribbon's ExecuteFunction entry point. */
export async function scoreActiveSheet(event?: Office.AddinCommands.Event): Promise<void> {
  try {
    rememberLastRun(await quickScore(createOfficeHost()));
  } finally {
    event?.completed();
  }
}

if (typeof Office !== "undefined") {
  Office.onReady(() => {
    Office.actions?.associate("scoreActiveSheet", scoreActiveSheet);
  });
  // Clients without Office.actions look the function up by name.
  (globalThis as Record<string, unknown>).scoreActiveSheet = scoreActiveSheet;
}
