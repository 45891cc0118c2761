/**
 * "Why this score" in the pane and the page: each indicator row (and the budget row) with its
 * score and, opened, the rule in plain words with its figures. Proposals (建议) say what they are.
 * A row's explanation is worded when it is opened, and a long table lists its first rows and
 * a button for more (LongList): a 5,000-row table stays light.
 */
import { useState } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { IndicatorResult, Profile } from "../../../core/types";
import type { Locale } from "../../../i18n/catalog";
import { gridMessage as t } from "../../../i18n/grid-messages";
import { explainBudget, explainRow, explanationText } from "../../../sheet/explain";
import type { Report } from "../../../sheet/types";
import { LongList } from "../LongList";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: "2px",
  },
  summary: { cursor: "pointer", fontSize: "14px", lineHeight: "22px", padding: "2px 0" },
  score: { fontWeight: tokens.fontWeightSemibold, marginLeft: "6px" },
  tag: {
    marginLeft: "6px",
    padding: "0 6px",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorPaletteYellowBackground2,
    fontSize: "12px",
  },
  text: {
    margin: "2px 0 8px 16px",
    fontSize: "14px",
    lineHeight: "22px",
    color: tokens.colorNeutralForeground1,
    overflowWrap: "anywhere",
  },
});

export interface ScoreWhyProps {
  row: IndicatorResult;
  profile: Profile;
  /** The row's score is a judgement given in the pane. */
  judged?: boolean;
  locale: Locale;
}

/** One row: its name and score; opened, why. */
export function ScoreWhy(props: ScoreWhyProps) {
  const s = useStyles();
  const { row, profile, locale } = props;
  const [open, setOpen] = useState(false);
  const shown = row.score ?? row.ruleScore;
  return (
    <details data-row={row.row} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className={s.summary}>
        {row.name}
        <span className={s.score}>
          {shown === null
            ? t("why.noScore", undefined, locale)
            : t("why.score", { s: shown.toFixed(profile.decimals), w: row.weight ?? "" }, locale)}
        </span>
        {row.scoreSource === "proposed" && (
          <span className={s.tag}>{t("why.proposedTag", undefined, locale)}</span>
        )}
      </summary>
      {open && (
        <p className={s.text}>
          {explanationText(explainRow(row, { profile, judged: props.judged }, locale), locale)}
        </p>
      )}
    </details>
  );
}

export interface WhyScoresProps {
  report: Report;
  profile: Profile;
  /** Score cells written from judgements (rows are read from the addresses). */
  judged?: ReadonlySet<string>;
  locale: Locale;
}

/** Every scored row of the table, the budget row first. */
export function WhyScores(props: WhyScoresProps) {
  const s = useStyles();
  const { report, profile, locale } = props;
  const judgedRows = new Set([...(props.judged ?? [])].map((c) => Number(/\d+$/.exec(c)?.[0])));
  const b = report.budget;
  return (
    <section aria-labelledby="jx-why" data-testid="why-scores">
      <h2 id="jx-why" style={{ fontSize: "14px", margin: "4px 0" }}>
        {t("why.title", undefined, locale)}
      </h2>
      <LongList className={s.list} items={[...(b ? [null] : []), ...report.indicators]}>
        {(r) =>
          r === null ? (
            <li key="budget">
              <details data-row={b!.row ?? undefined}>
                <summary className={s.summary}>
                  {t("why.budget", undefined, locale)}
                  {b!.score !== null && (
                    <span className={s.score}>
                      {t("why.score", { s: b!.score.toFixed(profile.decimals), w: b!.weight ?? "" }, locale)}
                    </span>
                  )}
                </summary>
                <p className={s.text}>{explanationText(explainBudget(b!, { profile }, locale), locale)}</p>
              </details>
            </li>
          ) : (
            <li key={r.row}>
              <ScoreWhy row={r} profile={profile} judged={judgedRows.has(r.row)} locale={locale} />
            </li>
          )
        }
      </LongList>
    </section>
  );
}
