import Decimal from "decimal.js";
import type { Report } from "../../sheet/types";
import { t } from "../../i18n/catalog";
import { levelBars } from "../logic";
import { useStyles } from "../styles";

/** Total, grade (暂定 while judgement is pending) and, per 一级指标, score against weight. */
export function ResultSummary(props: { report: Report; pending: number }) {
  const s = useStyles();
  const r = props.report;
  const provisional = r.totalProvisional || r.gradeProvisional;
  const bars = levelBars(r, t("taskpane.chart.budget"));
  return (
    <section className={s.section} aria-labelledby="jx-result">
      <div className={s.total} id="jx-result">
        <span>
          <span className={s.muted} style={{ display: "block" }}>
            {t("taskpane.summary.total")}
          </span>
          <span className={s.bigNumber} data-testid="total">
            {r.total === null ? "—" : new Decimal(r.total).toFixed(2)}
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
          <h2 className={s.h3}>{t("taskpane.chart.title")}</h2>
          <ul className={s.list}>
            {bars.map((b) => (
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
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
