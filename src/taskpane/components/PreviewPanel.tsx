import type { Ref } from "react";
import type { PlannedNote, PlannedWrite, Report, ReportDiagnostic } from "../../sheet/types";
import { t, type MessageKey } from "../../i18n/catalog";
import { formatValue, groupByAction, groupWrites } from "../logic";
import { useStyles } from "../styles";

export interface WritesListProps {
  writes: PlannedWrite[];
  report: Report;
  judged: Set<string>;
  /** R-DEV drafts for rows without a note column, shown under 偏差说明 as 批注 (cell → text). */
  notes?: PlannedNote[];
  /** Whether the host can add them as cell notes (else they are shown here only). */
  notesHeld?: boolean;
  /** The profile's decimals, for scores and totals. */
  decimals?: number;
}

/** The planned writes, grouped by kind (得分 / 执行率 / 总分 / 偏差说明), each before → after. */
export function WritesList(props: WritesListProps) {
  const s = useStyles();
  const proposed = new Set(
    props.report.indicators.filter((i) => i.scoreSource === "proposed").map((i) => i.row),
  );
  const labels = writeLabels(props.report);
  const notes = props.notes ?? [];
  const groups = groupWrites(props.writes);
  if (notes.length > 0 && !groups.some((g) => g.kind === "note")) groups.push({ kind: "note", writes: [] });
  if (groups.length === 0) return <p className={s.muted}>{t("taskpane.preview.none")}</p>;
  return (
    <>
      {groups.map((g) => (
        <div key={g.kind} role="group" aria-labelledby={`jx-kind-${g.kind}`}>
          <h3 id={`jx-kind-${g.kind}`} className={s.h3}>
            {t("taskpane.kind.count", {
              kind: t(`taskpane.kind.${g.kind}` as MessageKey),
              n: g.writes.length + (g.kind === "note" ? notes.length : 0),
            })}
          </h3>
          <ul className={s.list}>
            {g.writes.map((w) => (
              <WriteItem
                key={w.cell}
                write={w}
                label={w.kind === "note" ? undefined : labels.get(w.row)}
                proposed={w.kind === "score" && proposed.has(w.row)}
                judged={props.judged.has(w.cell)}
                decimals={props.decimals ?? 2}
              />
            ))}
          </ul>
          {g.kind === "note" && notes.length > 0 && (
            <NotesList notes={notes} held={props.notesHeld !== false} />
          )}
        </div>
      ))}
    </>
  );
}

/** Draft notes held as cell notes (批注), not cell values: cell → text. */
function NotesList(props: { notes: PlannedNote[]; held: boolean }) {
  const s = useStyles();
  return (
    <>
      <p className={s.muted}>{t(props.held ? "taskpane.preview.notesHint" : "taskpane.preview.notesPaneOnly")}</p>
      <ul className={s.list} aria-label={t("taskpane.preview.noteTag")}>
        {props.notes.map((n) => (
          <li key={n.cell} className={s.item} data-note={n.cell}>
            <span className={s.cell}>{n.cell}</span>
            <span className={s.tag}>{t("taskpane.preview.noteTag")}</span> →
            <span className={s.note}>{n.text}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

/** What a row is, in the officer's words: the indicator's name, the budget row's label, 总分. */
function writeLabels(report: Report): Map<number, string> {
  const m = new Map<number, string>();
  for (const i of report.indicators) m.set(i.row, i.name);
  const b = report.budget;
  if (b) {
    for (const r of b.subRows) m.set(r.row, r.label.replace(/^其中[:：]/, ""));
    if (b.row !== null) m.set(b.row, t("taskpane.chart.budget"));
  }
  return m;
}

function WriteItem(props: {
  write: PlannedWrite;
  label?: string;
  proposed: boolean;
  judged: boolean;
  decimals: number;
}) {
  const s = useStyles();
  const w = props.write;
  const before = formatValue(w.before, w.kind, props.decimals) ?? t("taskpane.preview.empty");
  const after = formatValue(w.after, w.kind, props.decimals) ?? "";
  const tag = props.judged ? (
    <span className={s.tag}>{t("taskpane.preview.judged")}</span>
  ) : props.proposed ? (
    <span className={s.tag} title={t("taskpane.preview.proposedHint")}>
      {t("taskpane.preview.proposed")}
    </span>
  ) : null;
  if (w.kind === "note")
    return (
      <li className={s.item} data-cell={w.cell}>
        <span className={s.cell}>{w.cell}</span>
        <span className={s.before}>{before}</span> →{tag}
        <span className={s.note}>{after}</span>
      </li>
    );
  return (
    <li className={s.item} data-cell={w.cell}>
      <span className={s.cell}>{w.cell}</span>
      {props.label && <span className={s.label}>{props.label}</span>}
      <span className={s.before}>{before}</span> → <strong>{after}</strong>
      {tag}
    </li>
  );
}

export interface DiagnosticsListProps {
  diagnostics: ReportDiagnostic[];
  /** Where a click on a problem leads (the cell in the sheet); absent: the problems are plain text. */
  onSelect?(cell: string): void;
  headingRef?: Ref<HTMLHeadingElement>;
}

/** Problems grouped by what the person must do; a click goes to the cell where that is possible. */
export function DiagnosticsList(props: DiagnosticsListProps) {
  const s = useStyles();
  const groups = groupByAction(props.diagnostics);
  const select = props.onSelect;
  return (
    <div role="region" aria-labelledby="jx-diag" data-testid="problems">
      <h3 id="jx-diag" className={s.h3} ref={props.headingRef} tabIndex={-1}>
        {t("taskpane.diag.title", { n: props.diagnostics.length })}
      </h3>
      {groups.length === 0 ? (
        <p className={s.muted}>{t("taskpane.diag.none")}</p>
      ) : (
        select && <p className={s.muted}>{t("taskpane.diag.hint")}</p>
      )}
      {groups.map((g) => (
        <div key={g.action} role="group" aria-labelledby={`jx-act-${g.action}`} data-action={g.action}>
          <h4 id={`jx-act-${g.action}`} className={s.h4}>
            {t(`taskpane.action.group.${g.action}` as MessageKey, { n: g.items.length })}
          </h4>
          <ul className={s.list}>
            {g.items.map((d, i) => (
              <li key={`${d.code}-${d.cell}-${i}`} data-severity={d.severity}>
                {d.cell && select ? (
                  <button
                    type="button"
                    className={s.linkButton}
                    onClick={() => select(d.cell!)}
                    data-code={d.code}
                  >
                    <span className={s.cell}>{d.cell}</span>
                    {d.message}
                  </button>
                ) : (
                  <span
                    className={s.item}
                    style={{ display: "block", padding: "4px 6px" }}
                    data-code={d.code}
                  >
                    <span className={s.cell}>{d.cell ?? t("taskpane.diag.whole")}</span>
                    {d.message}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
