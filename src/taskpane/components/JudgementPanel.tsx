import { Radio, RadioGroup } from "@fluentui/react-components";
import { formatScore } from "../format";
import type { ReportDiagnostic } from "../../sheet/types";
import { t, type MessageKey } from "../../i18n/catalog";
import {
  BANDS,
  checkJudgement,
  defaultScore,
  offeredBands,
  offeredRange,
  type Band,
  type Judgement,
  type PendingRow,
} from "../logic";
import { useStyles } from "../styles";
import { EntrySection, RowHeading, ScoreField, verdictOf, type EntryMessage } from "./ScoreEntry";

export interface JudgementPanelProps {
  pending: PendingRow[];
  judgements: Record<number, Judgement>;
  decimals: number;
  /** The table's diagnostics: the core's verdict on a judged score (QUALITATIVE_BAND) is shown at the row. */
  diagnostics?: ReportDiagnostic[];
  onChange(row: number, j: Judgement | null): void;
}

/**
 * R-QUAL: a person chooses 达成 / 部分达成 / 未达成 and a score inside the band. A long list is
 * drawn a page at a time (LongList).
 */
export function JudgementPanel(props: JudgementPanelProps) {
  return (
    <EntrySection
      id="jx-judge"
      title={t("taskpane.judge.title", { n: props.pending.length })}
      hint={t("taskpane.judge.hint")}
      items={props.pending}
    >
      {(p) => (
        <JudgementRow
          pending={p}
          judgement={props.judgements[p.indicator.row] ?? null}
          decimals={props.decimals}
          verdict={verdictOf(props.diagnostics, p.indicator.row, Boolean(props.judgements[p.indicator.row]))}
          onChange={(j) => props.onChange(p.indicator.row, j)}
        />
      )}
    </EntrySection>
  );
}

interface JudgementRowProps {
  pending: PendingRow;
  judgement: Judgement | null;
  decimals: number;
  /** The core's check of the judged score against the band its reading of the row allows. */
  verdict: ReportDiagnostic | null;
  onChange(j: Judgement | null): void;
}

function JudgementRow(props: JudgementRowProps) {
  const s = useStyles();
  const { pending: p, judgement: j } = props;
  const fmt = (n: number) => formatScore(n, props.decimals);
  const ind = p.indicator;
  const check = j ? checkJudgement(p, j, props.decimals) : null;
  // R-QUAL: only what the core accepts once written is offered, each band with that range.
  const offered = offeredBands(p, props.decimals);
  const range = (b: Band) => offeredRange(p, b, props.decimals) ?? p.bands[b];
  const bandName = (b: Band) => t(`taskpane.judge.${b}` as MessageKey);
  const id = `jx-judge-${ind.row}`;
  let message: EntryMessage = null;
  if (j && check) {
    if (check.error === "notNumber")
      message = {
        text: t("taskpane.judge.notNumber", { example: defaultScore(p, j.band, props.decimals) }),
        error: true,
      };
    else if (check.error === "outOfWeight")
      message = { text: t("taskpane.judge.outOfWeight", { weight: fmt(p.weight) }), error: true };
    else if (check.error === "decimals")
      message = { text: t("taskpane.judge.decimals", { d: props.decimals }), error: true };
    else if (props.verdict) message = { text: props.verdict.message, error: false, code: props.verdict.code };
    else if (check.outOfBand) {
      const [lo, hi] = range(j.band);
      message = {
        text: offered.includes(j.band)
          ? t("taskpane.judge.outOfBand", { score: j.score.trim(), lo: fmt(lo), hi: fmt(hi) })
          : t("taskpane.judge.bandClosed", { band: bandName(j.band) }),
        error: false,
        code: "QUALITATIVE_BAND",
      };
    }
  }
  return (
    <div className={s.judgement} role="group" aria-labelledby={`${id}-name`}>
      <RowHeading id={id} cell={p.cell} ind={ind} weight={fmt(p.weight)} />
      {offered.length < BANDS.length && (
        <p className={s.muted} data-testid={`${id}-only`}>
          {t("taskpane.judge.only", {
            actual: ind.actual ?? "",
            target: ind.target ?? "",
            bands: offered.map((b) => `“${bandName(b)}”`).join(t("taskpane.judge.or")),
          })}
        </p>
      )}
      <RadioGroup
        aria-label={`${ind.name} ${t("taskpane.judge.level")}`}
        value={j?.band ?? ""}
        onChange={(_, d) => {
          const band = d.value as Band;
          props.onChange({ band, score: defaultScore(p, band, props.decimals) });
        }}
      >
        {offered.map((b) => (
          <Radio
            key={b}
            value={b}
            label={t("taskpane.judge.bandLabel", {
              band: bandName(b),
              range: t("taskpane.judge.range", { lo: fmt(range(b)[0]), hi: fmt(range(b)[1]) }),
            })}
          />
        ))}
      </RadioGroup>
      {j && (
        <ScoreField
          label={t("taskpane.judge.score", { lo: fmt(range(j.band)[0]), hi: fmt(range(j.band)[1]) })}
          value={j.score}
          message={message}
          onChange={(score) => props.onChange({ band: j.band, score })}
        />
      )}
    </div>
  );
}
