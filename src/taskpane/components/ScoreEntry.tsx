/**
 * What the judgement and proposal panels share: the section with its heading, hint and list
 * drawn a page at a time, the row's heading with its figures, the score field with its message,
 * and the core's verdict on an entered score.
 */
import type { ReactNode } from "react";
import { Field, Input } from "@fluentui/react-components";
import type { IndicatorResult } from "../../core/types";
import type { ReportDiagnostic } from "../../sheet/types";
import { t } from "../../i18n/catalog";
import { useStyles } from "../styles";
import { LongList } from "./LongList";

export type EntryMessage = { text: string; error: boolean; code?: string } | null;

/** The core's QUALITATIVE_BAND verdict on the row, shown only once the person has entered a score. */
export function verdictOf(
  diagnostics: readonly ReportDiagnostic[] | undefined,
  row: number,
  entered: boolean,
): ReportDiagnostic | null {
  if (!entered) return null;
  return diagnostics?.find((d) => d.row === row && d.code === "QUALITATIVE_BAND") ?? null;
}

/** A panel of entries, one per row: heading, hint and the entries, drawn a page at a time. */
export function EntrySection<T extends { indicator: { row: number } }>(props: {
  id: string;
  title: string;
  hint: string;
  items: readonly T[];
  testId?: string;
  children(item: T): ReactNode;
}) {
  const s = useStyles();
  if (props.items.length === 0) return null;
  return (
    <section className={s.section} aria-labelledby={props.id} data-testid={props.testId}>
      <h2 id={props.id} className={s.h2}>
        {props.title}
      </h2>
      <p className={s.muted}>{props.hint}</p>
      {/* An entry with its radios, field and message is about 150 px high. */}
      <LongList className={s.entries} items={props.items} itemHeight={150}>
        {(item) => <li key={item.indicator.row}>{props.children(item)}</li>}
      </LongList>
    </section>
  );
}

/** The row's cell and name, and its target, actual and weight. */
export function RowHeading(props: { id: string; cell: string; ind: IndicatorResult; weight: string }) {
  const s = useStyles();
  const { ind } = props;
  return (
    <>
      <p id={`${props.id}-name`} className={s.item} style={{ fontWeight: 600, margin: 0 }}>
        {props.cell} · {ind.name}
      </p>
      <p className={s.muted}>
        {t("taskpane.judge.values", {
          target: ind.target ?? "",
          actual: ind.actual ?? "",
          weight: props.weight,
        })}
      </p>
    </>
  );
}

/** The score a person enters, labelled with the range it may take; an error or warning under it. */
export function ScoreField(props: {
  label: string;
  value: string;
  message: EntryMessage;
  onChange(value: string): void;
}) {
  const { message } = props;
  return (
    <Field
      size="small"
      label={props.label}
      validationState={message ? (message.error ? "error" : "warning") : "none"}
      validationMessage={message ? <span data-code={message.code}>{message.text}</span> : undefined}
    >
      <Input
        size="small"
        inputMode="decimal"
        value={props.value}
        onChange={(_, d) => props.onChange(d.value)}
      />
    </Field>
  );
}
