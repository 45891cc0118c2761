import { Radio, RadioGroup } from "@fluentui/react-components";
import { formatScore } from "../format";
import type { ReportDiagnostic } from "../../sheet/types";
import { t } from "../../i18n/catalog";
import { checkProposal, type ProposalEdit, type ProposalRow } from "../logic";
import { useStyles } from "../styles";
import { EntrySection, RowHeading, ScoreField, verdictOf, type EntryMessage } from "./ScoreEntry";

export interface ProposalPanelProps {
  proposals: ProposalRow[];
  edits: Record<number, ProposalEdit>;
  decimals: number;
  /** The table's diagnostics: the core's verdict on a changed score (QUALITATIVE_BAND) is shown at the row. */
  diagnostics?: ReportDiagnostic[];
  /** A score in place of the proposal, or null to keep the proposal. */
  onChange(row: number, edit: ProposalEdit | null): void;
}

/**
 * R-PARSE-9, R-QUAL: the scores the program proposes (full marks for 完成 where a figure belongs,
 * or a qualitative actual at the target's level): kept, or changed by the person before writing,
 * entered as a judgement is. A long list is drawn a page at a time (LongList).
 */
export function ProposalPanel(props: ProposalPanelProps) {
  return (
    <EntrySection
      id="jx-proposals"
      title={t("taskpane.proposal.title", { n: props.proposals.length })}
      hint={t("taskpane.proposal.hint")}
      items={props.proposals}
      testId="proposals"
    >
      {(p) => (
        <ProposalItem
          proposal={p}
          edit={props.edits[p.indicator.row] ?? null}
          decimals={props.decimals}
          verdict={verdictOf(props.diagnostics, p.indicator.row, Boolean(props.edits[p.indicator.row]))}
          onChange={(e) => props.onChange(p.indicator.row, e)}
        />
      )}
    </EntrySection>
  );
}

function ProposalItem(props: {
  proposal: ProposalRow;
  edit: ProposalEdit | null;
  decimals: number;
  verdict: ReportDiagnostic | null;
  onChange(e: ProposalEdit | null): void;
}) {
  const s = useStyles();
  const { proposal: p, edit } = props;
  const fmt = (n: number) => formatScore(n, props.decimals);
  const ind = p.indicator;
  const id = `jx-prop-${ind.row}`;
  const [lo, hi] = p.allowed;
  const check = edit ? checkProposal(p, edit, props.decimals) : null;
  let message: EntryMessage = null;
  if (edit && check) {
    if (check.error === "notNumber")
      message = { text: t("taskpane.judge.notNumber", { example: fmt(lo) }), error: true };
    else if (check.error === "outOfWeight")
      message = { text: t("taskpane.proposal.outOfWeight", { weight: fmt(p.weight) }), error: true };
    else if (check.error === "decimals")
      message = { text: t("taskpane.judge.decimals", { d: props.decimals }), error: true };
    else if (props.verdict) message = { text: props.verdict.message, error: false, code: props.verdict.code };
    else if (check.outOfBand)
      message = {
        text: t("taskpane.proposal.outOfRange", { score: edit.score.trim(), lo: fmt(lo), hi: fmt(hi) }),
        error: false,
        code: "QUALITATIVE_BAND",
      };
  }
  return (
    <div className={s.judgement} role="group" aria-labelledby={`${id}-name`} data-row={ind.row}>
      <RowHeading id={id} cell={p.cell} ind={ind} weight={fmt(p.weight)} />
      <p className={s.muted}>
        {t(
          ind.direction === "qualitative" ? "taskpane.proposal.whyQualitative" : "taskpane.proposal.whyWord",
          {
            actual: ind.actual ?? "",
          },
        )}
      </p>
      <RadioGroup
        aria-label={t("taskpane.proposal.choice", { name: ind.name })}
        value={edit ? "change" : "keep"}
        onChange={(_, d) => props.onChange(d.value === "change" ? { score: String(p.proposed) } : null)}
      >
        <Radio value="keep" label={t("taskpane.proposal.keep", { score: fmt(p.proposed) })} />
        <Radio value="change" label={t("taskpane.proposal.change")} />
      </RadioGroup>
      {edit && (
        <ScoreField
          label={t("taskpane.judge.score", { lo: fmt(lo), hi: fmt(hi) })}
          value={edit.score}
          message={message}
          onChange={(score) => props.onChange({ score })}
        />
      )}
    </div>
  );
}
