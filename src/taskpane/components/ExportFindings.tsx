import { useState } from "react";
import { Button } from "@fluentui/react-components";
import type { Profile } from "../../core/types";
import type { DetectedLayout, GridSnapshot, Report } from "../../sheet/types";
import { t } from "../../i18n/catalog";
import "../../i18n/review-messages";
import { saveXlsx } from "../download";

export interface ExportFindingsProps {
  fileName: string | null;
  report: Report;
  layout: DetectedLayout;
  grid: GridSnapshot;
  profile: Profile;
  disabled?: boolean;
}

/** 导出问题清单: the open table's findings as an .xlsx download (the writer loads on first use). */
export function ExportFindings(props: ExportFindingsProps) {
  const [state, setState] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  async function run() {
    setBusy(true);
    try {
      const m = await import(/* webpackChunkName: "review" */ "../../review/export");
      const data = await m.tableFindingsXlsx({
        file: props.fileName ?? "",
        report: props.report,
        layout: props.layout,
        grid: props.grid,
        profile: props.profile,
      });
      const name = m.findingsFileName(props.fileName ?? "", props.grid.sheet, t("review.sheet.findings"));
      saveXlsx(data, name);
      setState({ text: t("taskpane.file.downloaded", { name }), error: false });
    } catch (e) {
      setState({ text: t("taskpane.error.generic", { message: (e as Error).message }), error: true });
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <Button disabled={busy || props.disabled} onClick={() => void run()}>
        {t("taskpane.action.exportFindings")}
      </Button>
      {state && (
        <span role={state.error ? "alert" : "status"} data-testid="export-findings-status">
          {state.text}
        </span>
      )}
    </>
  );
}
