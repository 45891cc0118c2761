import type { ReactNode } from "react";
import { MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import type { Report } from "../../sheet/types";
import { t } from "../../i18n/catalog";
import { actionOf, levelBars } from "../logic";
import { formatScore } from "../format";
import { useStyles } from "../styles";
import { LongList } from "./LongList";

export interface ResultSummaryProps {
  report: Report;
  /** Qualitative rows still waiting for a judgement. */
  pending: number;
  decimals: number;
  /** Problems that need the person (see `needsAttention`). */
  attention: number;
  onShowProblems(): void;
  /** The 全部按规则重算 control, offered beside a mismatch. */
  recompute?: ReactNode;
}

/**
 * The five-second summary: total and grade (暂定 while incomplete), how many problems need
 * attention, a mismatch between the table's own figures and the rules with its fix, then per
 * 一级指标 score against weight.
 */
export function ResultSummary(props: ResultSummaryProps) {
  const s = useStyles();
  const r = props.report;
  const d = props.decimals;
  const empty = r.indicators.length === 0;
  const provisional = r.totalProvisional || r.gradeProvisional;
  const bars = empty ? [] : levelBars(r, t("taskpane.chart.budget"), d);
  const mismatches = r.diagnostics.filter((x) => actionOf(x) === "recompute");
  const headline = mismatches.find((x) => x.code === "TOTAL_MISMATCH") ?? mismatches[0];
  if (empty)
    return (
      <div className={s.summary} id="jx-result">
        <p className={s.item} data-testid="empty-table">
          {t("taskpane.summary.empty")}
        </p>
      </div>
    );
  return (
    <div className={s.summary} id="jx-result">
      <div className={s.total}>
        <span>
          <span className={s.muted} style={{ display: "block" }}>
            {t("taskpane.summary.total")}
          </span>
          <span className={s.bigNumber} data-testid="total">
            {r.total === null ? "—" : formatScore(r.total, d)}
          </span>
        </span>
        <span>
          <span className={s.muted} style={{ display: "block" }}>
            {t("taskpane.summary.grade")}
          </span>
          <span className={s.grade} data-testid="grade">
            {r.grade ?? "—"}
          </span>
        </span>
        {provisional && <span className={s.provisional}>{t("taskpane.summary.provisional")}</span>}
      </div>
      <p className={s.item} data-testid="attention">
        {props.attention === 0 ? (
          t("taskpane.summary.noProblems")
        ) : (
          <button type="button" className={s.inlineLink} onClick={props.onShowProblems}>
            {t("taskpane.summary.problems", { n: props.attention })}
          </button>
        )}
      </p>
      {headline && (
        <MessageBar layout="multiline" intent="warning" data-testid="mismatch">
          <MessageBarBody>
            {headline.message}
            {mismatches.length > 1 && ` ${t("taskpane.summary.moreMismatches", { n: mismatches.length - 1 })}`}{" "}
            {t("taskpane.summary.mismatchFix")}
          </MessageBarBody>
          {props.recompute && <MessageBarActions>{props.recompute}</MessageBarActions>}
        </MessageBar>
      )}
      {provisional && (
        <p className={s.muted}>
          {props.pending > 0
            ? t("taskpane.summary.pending", { n: props.pending })
            : t("taskpane.summary.incomplete")}
        </p>
      )}
      {r.gradeCap && (
        <p className={s.muted}>
          {t("taskpane.summary.gradeCap", { when: r.gradeCap.when, grade: r.gradeCap.maxGrade })}
        </p>
      )}
      {bars.length > 0 && (
        <>
          <h3 className={s.h3}>{t("taskpane.chart.title")}</h3>
          <LongList className={s.list} items={bars}>
            {(b) => (
              <li key={b.name}>
                <div className={s.barLabel}>
                  <span>{b.name}</span>
                  <span>
                    {b.score} / {b.weight}
                  </span>
                </div>
                <div
                  className={s.barTrack}
                  role="img"
                  aria-label={t("taskpane.chart.row", { name: b.name, score: b.score, weight: b.weight })}
                >
                  <div className={s.barFill} style={{ width: `${b.percent}%` }} />
                </div>
              </li>
            )}
          </LongList>
        </>
      )}
    </div>
  );
}
