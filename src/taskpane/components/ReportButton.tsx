import { useState } from "react";
import { Button, MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { Analysis, GridSnapshot } from "../../sheet/types";
import { t, type MessageKey } from "../../i18n/catalog";
import "../../i18n/report-messages";
import { saveFile, DOCX_TYPE } from "../download";

export interface ReportButtonProps {
  analysis: Analysis;
  grid: GridSnapshot;
  lowExecutionThreshold?: number;
  disabled?: boolean;
}

/** 生成自评报告: builds the .docx in a lazily loaded chunk and offers it for download. */
export function ReportButton(props: ReportButtonProps) {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ text: string; intent: "success" | "warning" | "error" } | null>(
    null,
  );

  async function generate() {
    setBusy(true);
    setStatus(null);
    try {
      const { paneDraft } = await import(/* webpackChunkName: "report" */ "../../report/pane");
      const d = await paneDraft(props.analysis, props.grid, {
        lowExecutionThreshold: props.lowExecutionThreshold,
      });
      saveFile(d.bytes, d.fileName, DOCX_TYPE);
      const detail = d.missing.map((m) => t(`report.missing.${m}` as MessageKey)).join("；");
      setStatus(
        detail
          ? { text: t("report.generatedMissing", { file: d.fileName, detail }), intent: "warning" }
          : { text: t("report.generated", { file: d.fileName }), intent: "success" },
      );
    } catch (e) {
      setStatus({
        text: t("report.failed", { message: e instanceof Error ? e.message : String(e) }),
        intent: "error",
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button disabled={busy || props.disabled} onClick={() => void generate()} data-testid="report-generate">
        {busy ? t("report.action.busy") : t("report.action.generate")}
      </Button>
      {status && (
        <MessageBar layout="multiline" intent={status.intent} data-testid="report-status">
          <MessageBarBody>{status.text}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
