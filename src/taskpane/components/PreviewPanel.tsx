import type { PlannedNote, PlannedWrite, Report, ReportDiagnostic } from "../../sheet/types";
import { t, type MessageKey } from "../../i18n/catalog";
import { formatValue, groupDiagnostics, groupWrites } from "../logic";
import { useStyles } from "../styles";

export interface WritesListProps {
  writes: PlannedWrite[];
  report: Report;
  judged: Set<string>;
  /** R-DEV drafts for rows without a note column, shown under 偏差说明 as 批注 (cell → text). */
  notes?: PlannedNote[];
  /** Whether the host can add them as cell notes (else they are shown here only). */
  notesHeld?: boolean;
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
            {t(`taskpane.kind.${g.kind}` as MessageKey)}（{g.writes.length + (g.kind === "note" ? notes.length : 0)}）
          </h3>
          <ul className={s.list}>
            {g.writes.map((w) => (
              <WriteItem
                key={w.cell}
                write={w}
                label={w.kind === "note" ? undefined : labels.get(w.row)}
                proposed={w.kind === "score" && proposed.has(w.row)}
                judged={props.judged.has(w.cell)}
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

function WriteItem(props: { write: PlannedWrite; label?: string; proposed: boolean; judged: boolean }) {
  const s = useStyles();
  const w = props.write;
  const before = formatValue(w.before, w.kind) ?? t("taskpane.preview.empty");
  const after = formatValue(w.after, w.kind) ?? "";
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
  onSelect(cell: string): void;
}

/** Diagnostics grouped by severity; a click selects the cell in the sheet. */
export function DiagnosticsList(props: DiagnosticsListProps) {
  const s = useStyles();
  const groups = groupDiagnostics(props.diagnostics);
  return (
    <section className={s.section} aria-labelledby="jx-diag">
      <h2 id="jx-diag" className={s.h2}>
        {t("taskpane.diag.title", { n: props.diagnostics.length })}
      </h2>
      {groups.length === 0 ? (
        <p className={s.muted}>{t("taskpane.diag.none")}</p>
      ) : (
        <p className={s.muted}>{t("taskpane.diag.hint")}</p>
      )}
      {groups.map((g) => (
        <div key={g.severity} role="group" aria-labelledby={`jx-sev-${g.severity}`}>
          <h3
            id={`jx-sev-${g.severity}`}
            className={s.h3}
            style={{
              color: g.severity === "error" ? "#a4262c" : g.severity === "warning" ? "#8a3707" : undefined,
            }}
          >
            {t(`taskpane.severity.${g.severity}` as MessageKey)}（{g.items.length}）
          </h3>
          <ul className={s.list}>
            {g.items.map((d, i) => (
              <li key={`${d.code}-${d.cell}-${i}`}>
                {d.cell ? (
                  <button
                    type="button"
                    className={s.linkButton}
                    onClick={() => props.onSelect(d.cell!)}
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
                    <span className={s.cell}>{t("taskpane.diag.whole")}</span>
                    {d.message}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
