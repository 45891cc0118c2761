import { useState, type Ref } from "react";
import { Button, Textarea } from "@fluentui/react-components";
import type { PlannedNote, PlannedWrite, Report, ReportDiagnostic } from "../../sheet/types";
import { t, type MessageKey } from "../../i18n/catalog";
import { formatValue, groupByAction, groupWrites } from "../logic";
import { useStyles } from "../styles";
import { LongList } from "./LongList";

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
  /** The person's wording of draft notes, by cell; with `onEditNote` the drafts can be edited before writing. */
  noteEdits?: Readonly<Record<string, string>>;
  onEditNote?(cell: string, text: string): void;
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
  const anyProposed = props.writes.some((w) => w.kind === "score" && proposed.has(w.row));
  return (
    <>
      {anyProposed && (
        // The 建议 tag explained where it is seen, not only in a tooltip.
        <p className={s.muted} data-testid="proposed-hint">
          <span className={s.tag}>{t("taskpane.preview.proposed")}</span> {t("taskpane.preview.proposedHint")}
        </p>
      )}
      {groups.map((g) => (
        <div key={g.kind} role="group" aria-labelledby={`jx-kind-${g.kind}`}>
          <h3 id={`jx-kind-${g.kind}`} className={s.h3}>
            {t("taskpane.kind.count", {
              kind: t(`taskpane.kind.${g.kind}` as MessageKey),
              n: g.writes.length + (g.kind === "note" ? notes.length : 0),
            })}
          </h3>
          <LongList className={s.list} items={g.writes}>
            {(w) => (
              <WriteItem
                key={w.cell}
                write={w}
                label={w.kind === "note" ? undefined : labels.get(w.row)}
                proposed={w.kind === "score" && proposed.has(w.row)}
                judged={props.judged.has(w.cell)}
                decimals={props.decimals ?? 2}
                noteEdits={props.noteEdits}
                onEditNote={props.onEditNote}
              />
            )}
          </LongList>
          {g.kind === "note" && notes.length > 0 && (
            <NotesList
              notes={notes}
              held={props.notesHeld !== false}
              noteEdits={props.noteEdits}
              onEditNote={props.onEditNote}
            />
          )}
        </div>
      ))}
    </>
  );
}

/** Draft notes held as cell notes (批注), not cell values: cell → text. */
function NotesList(props: {
  notes: PlannedNote[];
  held: boolean;
  noteEdits?: Readonly<Record<string, string>>;
  onEditNote?(cell: string, text: string): void;
}) {
  const s = useStyles();
  return (
    <>
      <p className={s.muted}>{t(props.held ? "taskpane.preview.notesHint" : "taskpane.preview.notesPaneOnly")}</p>
      <LongList className={s.list} aria-label={t("taskpane.preview.noteTag")} items={props.notes}>
        {(n) => (
          <li key={n.cell} className={s.item} data-note={n.cell}>
            <span className={s.cell}>{n.cell}</span>
            <span className={s.tag}>{t("taskpane.preview.noteTag")}</span> →
            <NoteText cell={n.cell} text={props.noteEdits?.[n.cell] ?? n.text} onEdit={props.onEditNote} />
          </li>
        )}
      </LongList>
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

/** A draft note's text; with `onEdit`, a 修改 button opens it for editing before writing. */
function NoteText(props: { cell: string; text: string; onEdit?(cell: string, text: string): void }) {
  const s = useStyles();
  const [open, setOpen] = useState(false);
  const edit = props.onEdit;
  if (!edit) return <span className={s.note}>{props.text}</span>;
  if (open)
    return (
      <span className={s.noteEditor}>
        <Textarea
          value={props.text}
          resize="vertical"
          aria-label={t("taskpane.note.editLabel", { cell: props.cell })}
          onChange={(_, d) => edit(props.cell, d.value)}
        />
        <Button size="small" onClick={() => setOpen(false)}>
          {t("taskpane.note.done")}
        </Button>
      </span>
    );
  return (
    <>
      <span className={s.note}>{props.text === "" ? t("taskpane.note.dropped") : props.text}</span>
      <Button
        size="small"
        appearance="subtle"
        aria-label={t("taskpane.note.editLabel", { cell: props.cell })}
        onClick={() => setOpen(true)}
      >
        {t("taskpane.note.edit")}
      </Button>
    </>
  );
}

function WriteItem(props: {
  write: PlannedWrite;
  label?: string;
  proposed: boolean;
  judged: boolean;
  decimals: number;
  noteEdits?: Readonly<Record<string, string>>;
  onEditNote?(cell: string, text: string): void;
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
        <NoteText cell={w.cell} text={props.noteEdits?.[w.cell] ?? after} onEdit={props.onEditNote} />
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
          <LongList className={s.list} items={g.items}>
            {(d, i) => (
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
            )}
          </LongList>
        </div>
      ))}
    </div>
  );
}
