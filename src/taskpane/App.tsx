import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { errorText } from "./errors";
import {
  Button,
  Field,
  FluentProvider,
  Select,
  Tab,
  TabList,
  webLightTheme,
} from "@fluentui/react-components";
// The shell's wording only: the rest of the pane's comes with the lazy chunks (src/i18n/catalog.ts).
import { getLocale, setLocale, t, type Locale } from "../i18n/runtime";
import "../i18n/shell-messages";
import type { WorkbookHost } from "../hosts/host";
import type { FileWorkbook, Services, ServicesSource, StartMode } from "./services";
import { scoredFileName } from "./names";
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
  const [opening, setOpening] = useState<{ name: string; size: number; loaded: number; parsing: boolean } | null>(
    null,
  );
  const [dragging, setDragging] = useState(false);
  const [unsaved, setUnsaved] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const fileRef = useRef<File | null>(null);

  // Written and not downloaded: the browser asks before the page is left or reloaded.
  useEffect(() => {
    if (!unsaved) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsaved]);
  const [lastRun] = useState(() => (props.start.kind === "office" ? readLastRun() : null));

  const changeLocale = (l: Locale) => {
    setLocale(l);
    setLoc(l);
    document.documentElement.lang = l;
  };

  const host: WorkbookHost | null = props.start.kind === "office" ? props.start.host : (file?.book ?? null);

  /** Before another file replaces this one: written work not downloaded is lost, so ask. */
  const mayReplace = () => !unsaved || window.confirm(t("taskpane.leave.replace"));

  async function openUpload(f: File) {
    setFileError(null);
    if (!/\.xlsx$/i.test(f.name)) {
      setFileError(t("taskpane.file.notXlsx", { name: f.name }));
      return;
    }
    if (!mayReplace()) return;
    setOpening({ name: f.name, size: f.size, loaded: 0, parsing: false });
    try {
      const data = await readBytes(f, (loaded) => setOpening((o) => (o ? { ...o, loaded } : o)));
      setOpening((o) => (o ? { ...o, parsing: true } : o));
      const book = await (await ready()).openFile(data, f.name);
      const sheets = book.sheetNames();
      fileRef.current = f;
      setUnsaved(false);
      setFile((prev) => ({
        name: f.name,
        book,
        sheets,
        sheet: book.chosenSheet(),
        version: (prev?.version ?? 0) + 1,
      }));
    } catch (e) {
      setFileError(openFailed(f.name, e));
    } finally {
      setOpening(null);
    }
  }

  /** 重新读取 in the page: the chosen file read again from disk (edits saved since are seen). */
  async function reopen(): Promise<WorkbookHost> {
    const f = fileRef.current;
    if (!f || !file) throw new Error(t("taskpane.file.none"));
    let data: ArrayBuffer;
    try {
      data = await f.arrayBuffer();
    } catch {
      throw new Error(t("taskpane.file.rereadFailed", { name: f.name }));
    }
    const book = await (await ready()).openFile(data, f.name);
    setFile((prev) => (prev ? { ...prev, book, sheets: book.sheetNames() } : prev));
    bookRef.current = book;
    return book;
  }

  const bookRef = useRef<FileWorkbook | null>(null);
  bookRef.current = file?.book ?? null;

  async function download(): Promise<string> {
    const book = bookRef.current;
    if (!book || !file) throw new Error(t("taskpane.file.none"));
    const data = await book.toBuffer();
    const name = scoredFileName(file.name);
    saveXlsx(data, name);
    return name;
  }

  const onDrop = (e: React.DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const f = e.dataTransfer.files?.[0];
    if (f) void openUpload(f);
  };

  const fileMode = props.start.kind === "file";
  const pct = opening && opening.size > 0 ? Math.min(1, opening.loaded / opening.size) : 0;

  return (
    <FluentProvider theme={webLightTheme} lang={locale}>
      <main
        className={s.root}
        onDragOver={
          fileMode
            ? (e) => {
                e.preventDefault();
                if (!dragging) setDragging(true);
              }
            : undefined
        }
        onDragLeave={fileMode ? (e) => e.currentTarget === e.target && setDragging(false) : undefined}
        onDrop={fileMode ? onDrop : undefined}
      >
        <header className={s.header}>
          <div>
            <h1 className={s.title}>{t("app.name")}</h1>
            <p className={s.subtitle}>{t("taskpane.subtitle")}</p>
          </div>
          <Button
            size="small"
            appearance="subtle"
            aria-label={`${t("taskpane.lang.switch")} · ${t("taskpane.lang.label")}`}
            lang={locale === "zh-CN" ? "en" : "zh-CN"}
            onClick={() => changeLocale(locale === "zh-CN" ? "en-US" : "zh-CN")}
            data-noprint
          >
            {t("taskpane.lang.switch")}
          </Button>
        </header>

        <TabList selectedValue={view} onTabSelect={(_, d) => setView(d.value as View)} size="small">
          <Tab value="score">{t("taskpane.tab.score")}</Tab>
          <Tab value="templates">{t("taskpane.tab.templates")}</Tab>
        </TabList>

        {fileMode && (
          <section
            className={`${s.section} ${dragging ? s.dropZone : ""}`}
            aria-labelledby="jx-choose"
            data-noprint
            data-testid="choose"
          >
            <h2 id="jx-choose" className={s.h2}>
              1 · {t("taskpane.step.choose")}
            </h2>
            {!file && <p className={s.item}>{t("taskpane.start.file")}</p>}
            <div className={s.row}>
              <Button
                appearance={file ? "secondary" : "primary"}
                disabled={opening !== null}
                onClick={() => mayReplace() && input.current?.click()}
              >
                {file ? t("taskpane.file.chooseOther") : t("taskpane.file.choose")}
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
            <p className={s.muted}>{dragging ? t("taskpane.file.dropHere") : t("taskpane.file.hint")}</p>
            {opening && (
              <div className={s.progress} data-testid="opening">
                {/* A native progress bar: no script weight in the page shell. Indeterminate while parsing. */}
                <progress
                  className={s.progressBar}
                  aria-labelledby="jx-opening"
                  max={1}
                  {...(opening.parsing ? {} : { value: pct })}
                />
                <span id="jx-opening" className={s.muted}>
                  {opening.parsing
                    ? t("taskpane.loading.parse", { name: opening.name })
                    : t("taskpane.loading.file", {
                        name: opening.name,
                        size: megabytes(opening.size),
                        pct: Math.round(pct * 100),
                      })}
                </span>
              </div>
            )}
            {file && file.sheets.length > 1 && (
              <Field label={t("taskpane.file.sheet")} size="small">
                <Select
                  size="small"
                  value={file.sheet}
                  onChange={(_, d) => mayReplace() && setFile({ ...file, sheet: d.value, version: file.version + 1 })}
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
            </div>
          </section>
        )}

        {lastRun && (
          <p className={s.muted} data-testid="last-run">
            {t("taskpane.lastRun", {
              time: new Date(lastRun.at).toLocaleString(locale),
              message: lastRun.message,
            })}
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
              firstStep={fileMode ? 2 : 1}
              reopen={fileMode ? reopen : undefined}
              download={fileMode ? download : undefined}
              onUnsaved={setUnsaved}
            />
          )}
          {view === "templates" && services && (
            <TemplatesPanel
              host={host}
              library={services.library}
              templateFile={services.templateFile}
              fileMode={fileMode}
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

const megabytes = (n: number) => (n / 1024 / 1024).toFixed(1);

/** Why a file did not open, naming it once. */
function openFailed(name: string, e: unknown): string {
  const message = errorText(e);
  return message.includes(name) ? message : t("taskpane.file.openFailed", { name, message });
}

/** The bytes of a chosen file, reporting progress (large files take a while). */
function readBytes(f: File, progress: (loaded: number) => void): Promise<ArrayBuffer> {
  if (typeof FileReader === "undefined") return f.arrayBuffer();
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onprogress = (e) => progress(e.loaded);
    r.onload = () => resolve(r.result as ArrayBuffer);
    r.onerror = () => reject(r.error ?? new Error(t("taskpane.file.rereadFailed", { name: f.name })));
    r.readAsArrayBuffer(f);
  });
}
