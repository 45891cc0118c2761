import { lazy, Suspense, useEffect, useRef, useState } from "react";
import {
  Button,
  Field,
  FluentProvider,
  Select,
  Tab,
  TabList,
  webLightTheme,
} from "@fluentui/react-components";
import { getLocale, setLocale, t, type Locale } from "../i18n/catalog";
import type { WorkbookHost } from "../hosts/host";
import type { FileWorkbook, Services, ServicesSource, StartMode } from "./services";
import { defaultSheet, scoredFileName } from "./names";
import { saveXlsx } from "./download";
import { useStyles } from "./styles";
import { readLastRun } from "../commands/last-run";

// The scoring flow and the templates come as lazy chunks with the scoring code they need.
const ScorePanel = lazy(() =>
  import(/* webpackChunkName: "score" */ "./ScorePanel").then((m) => ({ default: m.ScorePanel })),
);
const TemplatesPanel = lazy(() =>
  import(/* webpackChunkName: "templates" */ "./components/TemplatesPanel").then((m) => ({
    default: m.TemplatesPanel,
  })),
);

/** Resolves the services (at once for an object; a loader is called once, on mount). */
function useServices(source: ServicesSource): { services: Services | null; ready: () => Promise<Services> } {
  const [services, setServices] = useState<Services | null>(typeof source === "function" ? null : source);
  const promise = useRef<Promise<Services> | null>(null);
  const ready = () => {
    if (typeof source !== "function") return Promise.resolve(source);
    if (!promise.current) promise.current = source().then((s) => (setServices(s), s));
    return promise.current;
  };
  useEffect(() => {
    void ready().catch(() => undefined);
    // Once, on mount.
  }, []);
  return { services, ready };
}

export type View = "score" | "templates";

interface OpenFile {
  name: string;
  book: FileWorkbook;
  sheets: string[];
  sheet: string | undefined;
  /** Bumped when the workbook changes, so the scoring panel re-reads. */
  version: number;
}

/** The task pane (inside Excel) and the stand-alone page (an uploaded .xlsx). */
export function App(props: { services: ServicesSource; start: StartMode; initialView?: View }) {
  const s = useStyles();
  const { services, ready } = useServices(props.services);
  const [locale, setLoc] = useState<Locale>(getLocale());
  const [view, setView] = useState<View>(props.initialView ?? "score");
  const [file, setFile] = useState<OpenFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [opening, setOpening] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const [lastRun] = useState(() => (props.start.kind === "office" ? readLastRun() : null));

  const changeLocale = (l: Locale) => {
    setLocale(l);
    setLoc(l);
    document.documentElement.lang = l;
  };

  const host: WorkbookHost | null = props.start.kind === "office" ? props.start.host : (file?.book ?? null);

  async function openUpload(f: File) {
    setFileError(null);
    setNote(null);
    if (!/\.xlsx$/i.test(f.name)) {
      setFileError(t("taskpane.file.notXlsx", { name: f.name }));
      return;
    }
    setOpening(true);
    try {
      const book = await (await ready()).openFile(await f.arrayBuffer(), f.name);
      const sheets = book.sheetNames();
      setFile({ name: f.name, book, sheets, sheet: defaultSheet(sheets), version: 0 });
    } catch (e) {
      setFileError(t("taskpane.file.openFailed", { name: f.name, message: (e as Error).message }));
    } finally {
      setOpening(false);
    }
  }

  async function download() {
    if (!file) return;
    const data = await file.book.toBuffer();
    const name = scoredFileName(file.name);
    saveXlsx(data, name);
    setNote(t("taskpane.file.downloaded", { name }));
  }

  const downloadButton = file ? (
    <Button appearance="primary" onClick={() => void download()}>
      {t("taskpane.file.download")}
    </Button>
  ) : null;

  return (
    <FluentProvider theme={webLightTheme} lang={locale}>
      <main className={s.root}>
        <header className={s.header}>
          <div>
            <h1 className={s.title}>{t("app.name")}</h1>
            <p className={s.subtitle}>{t("taskpane.subtitle")}</p>
          </div>
          <Button
            size="small"
            appearance="subtle"
            aria-label={t("taskpane.lang.label")}
            lang={locale === "zh-CN" ? "en" : "zh-CN"}
            onClick={() => changeLocale(locale === "zh-CN" ? "en-US" : "zh-CN")}
          >
            {t("taskpane.lang.switch")}
          </Button>
        </header>

        <TabList selectedValue={view} onTabSelect={(_, d) => setView(d.value as View)} size="small">
          <Tab value="score">{t("taskpane.tab.score")}</Tab>
          <Tab value="templates">{t("taskpane.tab.templates")}</Tab>
        </TabList>

        {props.start.kind === "file" && (
          <section className={s.section} aria-label={t("taskpane.file.choose")}>
            {!file && <p className={s.item}>{t("taskpane.start.file")}</p>}
            <div className={s.row}>
              <Button
                appearance={file ? "secondary" : "primary"}
                disabled={opening}
                onClick={() => input.current?.click()}
              >
                {t("taskpane.file.choose")}
              </Button>
              <input
                ref={input}
                type="file"
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                className={s.hiddenInput}
                aria-label={t("taskpane.file.choose")}
                data-testid="xlsx-file"
                onChange={(e) => {
                  const f = e.target.files?.[0];
                  e.target.value = "";
                  if (f) void openUpload(f);
                }}
              />
              {file && <span className={s.item}>{t("taskpane.file.opened", { name: file.name })}</span>}
            </div>
            <p className={s.muted}>{t("taskpane.file.hint")}</p>
            {file && file.sheets.length > 1 && (
              <Field label={t("taskpane.file.sheet")} size="small">
                <Select
                  size="small"
                  value={file.sheet}
                  onChange={(_, d) => setFile({ ...file, sheet: d.value })}
                >
                  {file.sheets.map((n) => (
                    <option key={n} value={n}>
                      {n}
                    </option>
                  ))}
                </Select>
              </Field>
            )}
            <div aria-live="polite">
              {fileError && (
                <p className={s.error} role="alert">
                  {fileError}
                </p>
              )}
              {note && <p className={s.success}>{note}</p>}
            </div>
          </section>
        )}

        {lastRun && (
          <p className={s.muted} data-testid="last-run">
            {t("taskpane.lastRun", { time: new Date(lastRun.at).toLocaleString(locale), message: lastRun.message })}
          </p>
        )}
        {!services && <p className={s.muted}>{t("taskpane.busy")}</p>}
        <Suspense fallback={<p className={s.muted}>{t("taskpane.busy")}</p>}>
          {view === "score" && host && services && (
            <ScorePanel
              key={file ? `${file.name}|${file.sheet}|${file.version}` : "office"}
              services={services}
              host={host}
              sheet={file?.sheet}
              fileName={file?.name ?? null}
              locale={locale}
              onLocale={changeLocale}
              actions={downloadButton}
            />
          )}
          {view === "templates" && services && (
            <TemplatesPanel
              host={host}
              library={services.library}
              templateFile={services.templateFile}
              fileMode={props.start.kind === "file"}
              onChanged={() => {
                if (file) setFile({ ...file, sheets: file.book.sheetNames(), version: file.version + 1 });
              }}
            />
          )}
        </Suspense>
      </main>
    </FluentProvider>
  );
}
