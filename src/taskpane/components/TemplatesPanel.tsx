import { useRef, useState } from "react";
import { errorText } from "../errors";
import { Button, Checkbox, MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { WorkbookHost } from "../../hosts/host";
import type { TemplateKind } from "../../templates/types";
import { getLocale, t, type Locale, type MessageKey } from "../../i18n/catalog";
import type { IndicatorSet } from "../services";
import { useStyles } from "../styles";
import { saveXlsx } from "../download";

const KINDS: TemplateKind[] = ["L1", "L2", "L3", "L4", "L1-2021", "L2-2021"];

export interface TemplatesPanelProps {
  host: WorkbookHost | null;
  library: readonly IndicatorSet[];
  fileMode: boolean;
  /** File mode: a blank standard table as .xlsx bytes, downloaded when no workbook is open. */
  templateFile?(kind: TemplateKind, locale?: Locale): Promise<Uint8Array>;
  onChanged?(): void;
}

/** Standard tables (host.insertTemplate) and the indicator library (host.insertIndicators). */
export function TemplatesPanel(props: TemplatesPanelProps) {
  const s = useStyles();
  const { host } = props;
  const [picked, setPicked] = useState<Set<string>>(new Set());
  type Where = "tables" | "library";
  const [status, setStatus] = useState<{ text: string; error: boolean; where: Where } | null>(null);
  const [busy, setBusy] = useState(false);
  const statusRef = useRef<HTMLDivElement>(null);

  // The result of an action appears beside the button pressed, takes the focus and scrolls into view.
  const run = async (f: () => Promise<string>, where: Where = "tables") => {
    setBusy(true);
    setStatus(null);
    try {
      setStatus({ text: await f(), error: false, where });
      props.onChanged?.();
    } catch (e) {
      setStatus({ text: t("taskpane.error.generic", { message: errorText(e) }), error: true, where });
    } finally {
      setBusy(false);
      requestAnimationFrame(() => {
        const el = statusRef.current;
        if (el && typeof el.scrollIntoView === "function") el.scrollIntoView({ block: "nearest" });
        el?.focus({ preventScroll: true });
      });
    }
  };

  const statusBar = (where: Where) => (
    <div aria-live="polite" tabIndex={-1} ref={status?.where === where ? statusRef : undefined} className={s.focusTarget}>
      {status && status.where === where && (
        <MessageBar layout="multiline" intent={status.error ? "error" : "success"}>
          <MessageBarBody>
            {status.text}
            {!status.error && host && props.fileMode ? ` ${t("taskpane.templates.fileHint")}` : ""}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );

  /** One button per standard table; `act` returns the status line. */
  const kindButtons = (act: (kind: TemplateKind, title: string) => Promise<string>) =>
    KINDS.map((k) => {
      const title = t(`taskpane.templates.${k}` as MessageKey);
      return (
        <Button key={k} disabled={busy} onClick={() => run(() => act(k, title))}>
          {title}
        </Button>
      );
    });

  if (!host) {
    const templateFile = props.templateFile;
    return (
      <>
        <section className={s.section} aria-labelledby="jx-blank">
          <h2 id="jx-blank" className={s.h2}>
            {t("taskpane.templates.blank")}
          </h2>
          <p className={s.muted}>{t("taskpane.templates.blankHint")}</p>
          {templateFile &&
            kindButtons(async (k, title) => {
              const name = `${title}.xlsx`;
              saveXlsx(await templateFile(k, getLocale()), name);
              return t("taskpane.templates.downloaded", { name });
            })}
          {statusBar("tables")}
          <p className={s.item}>{t("taskpane.templates.needFile")}</p>
        </section>
      </>
    );
  }

  const rows = props.library.flatMap((set) => set.rows.map((r, i) => ({ key: `${set.id}:${i}`, row: r })));
  const chosen = rows.filter((r) => picked.has(r.key)).map((r) => r.row);

  return (
    <>
      <section className={s.section} aria-labelledby="jx-tables">
        <h2 id="jx-tables" className={s.h2}>
          {t("taskpane.templates.tables")}
        </h2>
        <p className={s.muted}>{t("taskpane.templates.tablesHint")}</p>
        {kindButtons(async (k) => t("taskpane.templates.inserted", { name: await host.insertTemplate(k, getLocale()) }))}
        {statusBar("tables")}
      </section>
      <section className={s.section} aria-labelledby="jx-library">
        <h2 id="jx-library" className={s.h2}>
          {t("taskpane.templates.library")}
        </h2>
        <p className={s.muted}>{t("taskpane.templates.libraryHint")}</p>
        {props.library.map((set) => (
          <fieldset key={set.id} className={s.fieldset}>
            <legend className={s.h3}>{set.title}</legend>
            {set.rows.map((r, i) => {
              const key = `${set.id}:${i}`;
              const hint = [r.level2, r.target].filter(Boolean).join(" · ");
              return (
                <div key={key}>
                  <Checkbox
                    checked={picked.has(key)}
                    label={hint ? t("taskpane.templates.rowHint", { name: r.name, hint }) : r.name}
                    onChange={(_, d) =>
                      setPicked((p) => {
                        const next = new Set(p);
                        if (d.checked) next.add(key);
                        else next.delete(key);
                        return next;
                      })
                    }
                  />
                </div>
              );
            })}
          </fieldset>
        ))}
        <div className={s.row}>
          <Button
            appearance="primary"
            disabled={busy || chosen.length === 0}
            onClick={() =>
              run(async () => {
                const n = await host.insertIndicators(chosen);
                setPicked(new Set());
                return t("taskpane.templates.rowsInserted", { n });
              }, "library")
            }
          >
            {t("taskpane.templates.insertRows", { n: chosen.length })}
          </Button>
        </div>
        {statusBar("library")}
      </section>
    </>
  );
}
