import { Suspense, useEffect, useMemo, useRef, useState } from "react";
import {
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Select,
  Spinner,
  Switch,
} from "@fluentui/react-components";
import type { ColumnMapping, PlannedWrite } from "../sheet/types";
import { HostError, type WorkbookHost } from "../hosts/host";
import { t, type Locale, type MessageKey } from "../i18n/catalog";
import type { Profile } from "../core/types";
import type { Services } from "./services";
import { needsAttention, patchNotes, withEntry, type Judgement, type ProposalEdit } from "./logic";
import { scoreView } from "./score-view";
import { differencesText, resultSignature } from "./profile-diff";
import type { ProfileChoice } from "./components/ProfilePicker";
import { errorText } from "./errors";
import { useSheetRead } from "./hooks/useSheetRead";
import { useProfileChoice } from "./hooks/useProfileChoice";
import { DetectPanel } from "./components/DetectPanel";
import { ExportFindings } from "./components/ExportFindings";
import { JudgementPanel } from "./components/JudgementPanel";
import { DiagnosticsList, WritesList } from "./components/PreviewPanel";
import { ProfilePicker } from "./components/ProfilePicker";
import { ProposalPanel } from "./components/ProposalPanel";
import { RecomputeDialog } from "./components/RecomputeDialog";
import { ResultSummary } from "./components/ResultSummary";
import { ReportButton } from "./components/ReportButton";
import { SheetGrid, WhyScores } from "./components/grid";
import { useStyles } from "./styles";

type Status = { text: string; intent: "success" | "error" | "warning" | "info" };

export interface ScorePanelProps {
  services: Services;
  host: WorkbookHost;
  /** The sheet to read (file mode); the active sheet when absent. */
  sheet?: string;
  fileName?: string | null;
  locale: Locale;
  onLocale?(locale: Locale): void;
  /** Called after the workbook changed (apply, undo). */
  onWritten?(): void;
  /** File mode: opens the chosen file again from disk (重新读取), giving the new host. */
  reopen?(): Promise<WorkbookHost>;
  /** File mode: offers the workbook as written for download; gives the file name. */
  download?(): Promise<string>;
  /** Whether written work has not been downloaded yet (file mode: the page warns before leaving). */
  onUnsaved?(unsaved: boolean): void;
  /** The number of this panel's first step (file mode: 2, after choosing the file). */
  firstStep?: number;
}

/** What was written in this session: shown in place of the plan, so nothing jumps. */
interface Written {
  writes: PlannedWrite[];
  cells: number;
  notes: number;
}

/** The scoring flow on one sheet: 检查结果 → 写入 → (下载). One obvious next step at each moment. */
export function ScorePanel(props: ScorePanelProps) {
  const s = useStyles();
  const { services } = props;
  const [busy, setBusy] = useState<"write" | "undo" | "download" | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [writeStatus, setWriteStatus] = useState<Status | null>(null);
  const [downloadStatus, setDownloadStatus] = useState<Status | null>(null);
  const [written, setWritten] = useState<Written | null>(null);
  const [downloaded, setDownloaded] = useState(false);
  const [recomputeAll, setRecomputeAll] = useState(false);
  const [judgements, setJudgements] = useState<Record<number, Judgement>>({});
  /** Proposals the person changed before writing, by row. */
  const [proposalEdits, setProposalEdits] = useState<Record<number, ProposalEdit>>({});
  const [tableNo, setTableNo] = useState(0);
  /** The person's wording of draft notes, by cell (edited before writing). */
  const [noteEdits, setNoteEdits] = useState<Record<string, string>>({});
  const [highlights, setHighlights] = useState(false);
  const highlightsRef = useRef(false);
  highlightsRef.current = highlights;
  const resultRef = useRef<HTMLDivElement>(null);
  const writeStatusRef = useRef<HTMLDivElement>(null);
  const downloadStatusRef = useRef<HTMLDivElement>(null);
  const problemsRef = useRef<HTMLHeadingElement>(null);
  /** File mode: the cell of the sheet grid a problem click leads to (seq: every click moves there again). */
  const [gridFocus, setGridFocus] = useState<{ cell: string; seq: number } | null>(null);

  const sr = useSheetRead({
    host: props.host,
    sheet: props.sheet,
    reopen: props.reopen,
    onFirst: (r) => {
      profiles.adopt(r.settings.profile);
      if (r.settings.locale && r.settings.locale !== props.locale) props.onLocale?.(r.settings.locale);
    },
    onError: (e) => setReadError(t("taskpane.error.generic", { message: errorText(e) })),
  });
  const { read, host } = sr;
  const save = (patch: Parameters<typeof sr.saveSettings>[0]) =>
    void sr
      .saveSettings(patch)
      .catch((e) =>
        setWriteStatus({ text: t("taskpane.error.generic", { message: errorText(e) }), intent: "error" }),
      );
  const profiles = useProfileChoice(services, save);
  const ps = profiles.ps;
  const decimals = ps.profile.decimals;
  const sheetName = read?.grid.sheet ?? props.sheet ?? "";
  const step = (i: number) => (props.firstStep ?? 1) + i;

  // Remember the interface language with the workbook.
  const lastLocale = useRef(props.locale);
  useEffect(() => {
    if (lastLocale.current === props.locale) return;
    lastLocale.current = props.locale;
    if (read) save({ locale: props.locale });
    // Runs on a change of language only.
  }, [props.locale]);

  // After each completed read, the result takes the focus (keyboard and screen-reader users start there).
  useEffect(() => {
    if (sr.reads > 0) resultRef.current?.focus({ preventScroll: sr.reads === 1 });
  }, [sr.reads]);

  // Written but not downloaded: the page warns before leaving or choosing another file.
  const unsaved = written !== null && written.cells + written.notes > 0 && !downloaded;
  useEffect(() => props.onUnsaved?.(unsaved), [unsaved]);

  const computed = useMemo(() => {
    if (!read) return null;
    try {
      const view = scoreView(services.analyzeRead, read, {
        profile: ps.profile,
        recomputeAll,
        judgements,
        proposals: proposalEdits,
        file: props.fileName ?? null,
        locale: props.locale,
        table: tableNo,
      });
      return { ...view, error: null };
    } catch (e) {
      return { error: errorText(e) } as const;
    }
  }, [read, ps, recomputeAll, judgements, proposalEdits, props.fileName, props.locale, services, tableNo]);

  const ok = computed && computed.error === null ? computed : null;
  const table = ok?.table ?? null;

  // Another profile that gives the same result: one line says why (what differs, from the profiles' data).
  const lastResult = useRef<{ profile: Profile; choice: ProfileChoice; grid: unknown; sig: string } | null>(
    null,
  );
  const [profileSame, setProfileSame] = useState<string | null>(null);
  useEffect(() => {
    if (!table || !read) return;
    const sig = resultSignature(table);
    const last = lastResult.current;
    if (last && last.grid === read.grid && last.profile !== ps.profile) {
      const diffs = differencesText(last.profile, ps.profile);
      const names = { to: profileLabel(ps.choice), from: profileLabel(last.choice) };
      setProfileSame(
        last.sig !== sig
          ? null
          : diffs === ""
            ? t("taskpane.profile.sameRules", names)
            : t("taskpane.profile.same", { ...names, diffs }),
      );
    } else if (!last || last.grid !== read.grid) setProfileSame(null);
    lastResult.current = { profile: ps.profile, choice: ps.choice, grid: read.grid, sig };
  }, [table]);
  const rawPlan = table?.plan ?? null;
  const plan = useMemo(() => (rawPlan ? patchNotes(rawPlan, noteEdits) : null), [rawPlan, noteEdits]);
  const writes = plan?.writes ?? [];
  // R-DEV drafts held as cell notes where the host can; else the pane alone lists them.
  const notesHeld = host.supportsNotes?.() ?? true;
  const notes = plan?.notes ?? [];
  const heldNotes = notesHeld ? notes.length : 0;
  const editNote = (cell: string, text: string) => setNoteEdits((e) => ({ ...e, [cell]: text }));
  const hasTable = table?.layout != null;
  const canWrite =
    busy === null &&
    sr.loading === null &&
    !sr.stale &&
    hasTable &&
    (writes.length > 0 || heldNotes > 0) &&
    read?.grid.protected !== true;
  // 撤销 only after a write: this session's, or (inside Excel) one recorded in the workbook.
  const canUndo =
    busy === null &&
    hasTable &&
    (written !== null || (host.kind === "office" && (read?.record?.backups.length ?? 0) > 0));

  /** After a write or an undo: the highlights of the sheet read again. */
  const refreshHighlights = async (r: typeof read) => {
    if (!r || !highlightsRef.current) return;
    try {
      const v = scoreView(services.analyzeRead, r, {
        profile: ps.profile,
        recomputeAll: false,
        judgements: {},
        file: props.fileName ?? null,
        locale: props.locale,
        table: tableNo,
      });
      await host.clearHighlights(r.grid.sheet);
      await host.highlight(r.grid.sheet, services.highlightMarks(v.table.report));
    } catch {
      // Highlights are a convenience; the panel still lists every issue.
    }
  };

  const focusSoon = (ref: React.RefObject<HTMLElement | null>) =>
    requestAnimationFrame(() => {
      const el = ref.current;
      if (el && typeof el.scrollIntoView === "function") el.scrollIntoView({ block: "nearest" });
      ref.current?.focus({ preventScroll: true });
    });

  async function apply() {
    if (!plan || !canWrite) return;
    setBusy("write");
    setWriteStatus(null);
    try {
      // The host refuses a plan made stale by edits since the read (HostError STALE).
      const result = await host.apply(plan);
      const notesDone = result.notes ?? 0;
      setWritten({ writes: plan.writes, cells: result.written, notes: notesDone });
      setNoteEdits({});
      setDownloaded(false);
      setDownloadStatus(null);
      setRecomputeAll(false);
      const text =
        result.notes === undefined
          ? t("taskpane.applied", { n: result.written })
          : result.written === 0 && result.notes === 0
            ? t("taskpane.applied.nothing")
            : t("taskpane.applied.notes", { n: result.written, m: result.notes });
      setWriteStatus({ text, intent: "success" });
      props.onWritten?.();
      const r = await sr.load();
      await refreshHighlights(r);
    } catch (e) {
      if (e instanceof HostError && e.code === "STALE") sr.setStale(true);
      else setWriteStatus({ text: t("taskpane.error.generic", { message: errorText(e) }), intent: "error" });
    } finally {
      setBusy(null);
      focusSoon(writeStatusRef);
    }
  }

  async function undo() {
    setBusy("undo");
    setWriteStatus(null);
    try {
      const r = await host.restore();
      setWritten(null);
      setDownloaded(false);
      setDownloadStatus(null);
      setWriteStatus({
        text: r.notes
          ? t("taskpane.restored.notes", { n: r.restored, m: r.notes })
          : t("taskpane.restored", { n: r.restored }),
        intent: "success",
      });
      props.onWritten?.();
      const fresh = await sr.load();
      await refreshHighlights(fresh);
    } catch (e) {
      setWriteStatus({ text: t("taskpane.error.generic", { message: errorText(e) }), intent: "error" });
    } finally {
      setBusy(null);
      focusSoon(writeStatusRef);
    }
  }

  async function download() {
    if (!props.download) return;
    setBusy("download");
    try {
      const name = await props.download();
      setDownloaded(true);
      setDownloadStatus({ text: t("taskpane.file.downloaded", { name }), intent: "success" });
    } catch (e) {
      setDownloadStatus({ text: t("taskpane.error.generic", { message: errorText(e) }), intent: "error" });
    } finally {
      setBusy(null);
      focusSoon(downloadStatusRef);
    }
  }

  async function reread() {
    // Reading the file again drops what was written and not downloaded: ask first.
    if (props.reopen && unsaved && !window.confirm(t("taskpane.leave.reread"))) return;
    setReadError(null);
    setWriteStatus(null);
    const r = await sr.load(props.reopen !== undefined);
    if (r && props.reopen) {
      setWritten(null);
      setDownloaded(false);
      setDownloadStatus(null);
    }
  }

  async function toggleHighlights(on: boolean) {
    if (!read || !table) return;
    setHighlights(on);
    // In the page the colours are shown in the sheet grid only: they never go into the download.
    if (host.kind !== "office") return;
    try {
      if (on) await host.highlight(read.grid.sheet, services.highlightMarks(table.report));
      else await host.clearHighlights(read.grid.sheet);
    } catch (e) {
      setHighlights(!on);
      setWriteStatus({ text: t("taskpane.error.generic", { message: errorText(e) }), intent: "error" });
    }
  }

  function saveMapping(m: ColumnMapping | null) {
    const mappings = { ...read?.settings.mappings };
    if (m) mappings[sheetName] = m;
    else delete mappings[sheetName];
    setJudgements({});
    setProposalEdits({});
    save({ mappings });
  }

  const found = ok ? ok.result.tables.filter((x) => x.layout !== null) : [];
  const attention = table ? needsAttention(table.report.diagnostics) : 0;
  const showWritten = written !== null && writes.length === 0 && heldNotes === 0;
  const loadingLabel =
    sr.loading === "first"
      ? t("taskpane.loading.read", { sheet: props.sheet ?? "" })
      : t("taskpane.loading.again");

  return (
    <div className={s.flow}>
      <div className={s.toolbar} data-noprint>
        <ProfilePicker
          presets={services.presets}
          value={ps.choice}
          error={profiles.error}
          onPreset={profiles.choosePreset}
          onCustomFile={profiles.chooseCustom}
        />
        <Button size="small" disabled={sr.loading !== null || busy !== null} onClick={() => void reread()}>
          {host.kind === "office" && !read ? t("taskpane.excel.read") : t("taskpane.reread")}
        </Button>
      </div>
      <div aria-live="polite" data-testid="profile-same" data-noprint>
        {profileSame && <p className={s.muted}>{profileSame}</p>}
      </div>
      <div aria-live="polite" className={s.statusArea}>
        {sr.loading !== null && <Spinner size="tiny" labelPosition="after" label={loadingLabel} />}
        {readError && (
          <MessageBar layout="multiline" intent="error">
            <MessageBarBody>{readError}</MessageBarBody>
          </MessageBar>
        )}
        {computed?.error && (
          <MessageBar layout="multiline" intent="error">
            <MessageBarBody>{t("taskpane.error.generic", { message: computed.error })}</MessageBarBody>
          </MessageBar>
        )}
      </div>

      {read && ok && table && (
        <>
          <section className={s.section} aria-labelledby="jx-review" data-print>
            <h2 id="jx-review" className={s.h2}>
              {step(0)} · {t("taskpane.step.review")}
            </h2>
            <div ref={resultRef} tabIndex={-1} className={s.focusTarget} data-testid="result">
              {hasTable ? (
                <ResultSummary
                  report={table.report}
                  pending={ok.open}
                  decimals={decimals}
                  attention={attention}
                  onShowProblems={() => focusSoon(problemsRef)}
                  recompute={
                    <RecomputeDialog
                      disabled={busy !== null || sr.stale || recomputeAll}
                      onConfirm={() => setRecomputeAll(true)}
                    />
                  }
                />
              ) : (
                <p className={s.item}>{t("taskpane.summary.noTable")}</p>
              )}
            </div>
            {found.length > 1 && (
              <Field label={t("taskpane.table.label")} size="small" data-noprint>
                <Select
                  size="small"
                  value={String(tableNo)}
                  onChange={(_, d) => {
                    setTableNo(Number(d.value));
                    setWriteStatus(null);
                  }}
                >
                  {found.map((x, i) => (
                    <option key={i} value={i}>
                      {t("taskpane.table.option", {
                        n: i + 1,
                        range: x.report.range ?? "",
                        first: x.layout?.firstRow ?? "",
                        last: x.layout?.lastRow ?? "",
                      })}
                    </option>
                  ))}
                </Select>
              </Field>
            )}
            <JudgementPanel
              pending={ok.pending}
              judgements={judgements}
              decimals={decimals}
              diagnostics={table.report.diagnostics}
              onChange={(row, j) => setJudgements((all) => withEntry(all, ok.pending, row, j))}
            />
            <ProposalPanel
              proposals={ok.proposals}
              edits={proposalEdits}
              decimals={decimals}
              diagnostics={table.report.diagnostics}
              onChange={(row, e) => setProposalEdits((all) => withEntry(all, ok.proposals, row, e))}
            />
            <DiagnosticsList
              headingRef={problemsRef}
              diagnostics={table.report.diagnostics}
              onSelect={
                host.kind === "office"
                  ? (cell) => void host.selectCell(read.grid.sheet, cell).catch(() => undefined)
                  : (cell) => setGridFocus((f) => ({ cell, seq: (f?.seq ?? 0) + 1 }))
              }
            />
            <Suspense fallback={<Spinner size="tiny" />}>
              <WhyScores
                report={table.report}
                profile={ps.profile}
                judged={ok.judged}
                locale={props.locale}
              />
            </Suspense>
            {host.kind !== "office" && (
              <div data-noprint>
                <h3 className={s.h3}>{t("taskpane.grid.title")}</h3>
                <Switch
                  id="jx-hl"
                  checked={highlights}
                  label={t("taskpane.highlight.label")}
                  onChange={(_, d) => void toggleHighlights(d.checked)}
                />
                <Suspense fallback={<Spinner size="tiny" />}>
                  <SheetGrid
                    grid={read.grid}
                    writes={rawPlan?.writes ?? []}
                    marks={highlights ? services.highlightMarks(table.report) : null}
                    report={table.report}
                    profile={ps.profile}
                    judged={ok.judged}
                    focusCell={gridFocus}
                    locale={props.locale}
                  />
                </Suspense>
              </div>
            )}
            <DetectPanel
              analysis={table}
              grid={read.grid}
              manual={read.settings.mappings?.[sheetName] ?? null}
              onSaveMapping={(m) => saveMapping(m)}
              onClearMapping={() => saveMapping(null)}
            />
          </section>

          {hasTable && (
            <section className={s.section} aria-labelledby="jx-write" data-noprint>
              <h2 id="jx-write" className={s.h2}>
                {step(1)} · {t("taskpane.step.write")}
              </h2>
              {recomputeAll && (
                <MessageBar layout="multiline" intent="warning">
                  <MessageBarBody>{t("taskpane.recompute.active")}</MessageBarBody>
                  <MessageBarActions>
                    <Button size="small" onClick={() => setRecomputeAll(false)}>
                      {t("taskpane.recompute.exit")}
                    </Button>
                  </MessageBarActions>
                </MessageBar>
              )}
              {sr.stale && (
                <MessageBar layout="multiline" intent="warning" data-testid="stale">
                  <MessageBarBody>{t("taskpane.stale")}</MessageBarBody>
                  <MessageBarActions>
                    <Button size="small" onClick={() => void reread()}>
                      {t("taskpane.reread")}
                    </Button>
                  </MessageBarActions>
                </MessageBar>
              )}
              {showWritten ? (
                <>
                  <h3 className={s.h3}>{t("taskpane.written.title", { n: written!.writes.length })}</h3>
                  <WritesList
                    writes={written!.writes}
                    report={table.report}
                    judged={new Set()}
                    decimals={decimals}
                  />
                </>
              ) : (
                <>
                  <h3 className={s.h3}>{t("taskpane.preview.title", { n: writes.length })}</h3>
                  <WritesList
                    writes={rawPlan?.writes ?? []}
                    report={table.report}
                    judged={ok.judged}
                    notes={rawPlan?.notes ?? []}
                    notesHeld={notesHeld}
                    decimals={decimals}
                    noteEdits={noteEdits}
                    onEditNote={editNote}
                  />
                </>
              )}
              <div className={s.row}>
                <Button
                  appearance={written === null ? "primary" : "secondary"}
                  disabled={!canWrite}
                  onClick={() => void apply()}
                >
                  {heldNotes > 0
                    ? t("taskpane.action.applyNotes", { n: writes.length, m: heldNotes })
                    : t("taskpane.action.apply", { n: writes.length })}
                </Button>
                {canUndo && (
                  <Button disabled={busy !== null} onClick={() => void undo()}>
                    {t("taskpane.action.undo")}
                  </Button>
                )}
                {(busy === "write" || busy === "undo") && <Spinner size="tiny" label={t("taskpane.busy")} />}
              </div>
              <div
                ref={writeStatusRef}
                tabIndex={-1}
                aria-live="polite"
                className={s.focusTarget}
                data-testid="write-status"
              >
                {writeStatus && (
                  <MessageBar layout="multiline" intent={writeStatus.intent}>
                    <MessageBarBody>{writeStatus.text}</MessageBarBody>
                  </MessageBar>
                )}
              </div>
            </section>
          )}

          {hasTable && props.download && (
            <section className={s.section} aria-labelledby="jx-download" data-noprint>
              <h2 id="jx-download" className={s.h2}>
                {step(2)} · {t("taskpane.step.download")}
              </h2>
              {written !== null && written.cells + written.notes > 0 ? (
                <div className={s.row}>
                  <Button appearance="primary" disabled={busy !== null} onClick={() => void download()}>
                    {t("taskpane.file.download")}
                  </Button>
                </div>
              ) : (
                <p className={s.muted} data-testid="download-none">
                  {written !== null ? t("taskpane.download.nothingWritten") : t("taskpane.download.notYet")}
                </p>
              )}
              <div ref={downloadStatusRef} tabIndex={-1} aria-live="polite" className={s.focusTarget}>
                {downloadStatus && (
                  <MessageBar layout="multiline" intent={downloadStatus.intent}>
                    <MessageBarBody>{downloadStatus.text}</MessageBarBody>
                  </MessageBar>
                )}
              </div>
            </section>
          )}

          {hasTable && (
            <section className={s.section} aria-labelledby="jx-more" data-noprint>
              <h2 id="jx-more" className={s.h2}>
                {t("taskpane.more.title")}
              </h2>
              <div className={s.row}>
                <ReportButton
                  analysis={table}
                  grid={read.grid}
                  lowExecutionThreshold={ps.profile.lowExecutionThreshold}
                  disabled={busy !== null}
                />
                {table.layout && (
                  <ExportFindings
                    fileName={props.fileName ?? null}
                    report={table.report}
                    layout={table.layout}
                    grid={read.grid}
                    profile={ps.profile}
                    disabled={busy !== null}
                  />
                )}
                <Button onClick={() => window.print()}>{t("taskpane.action.print")}</Button>
              </div>
              {host.kind === "office" && (
                <>
                  <Switch
                    id="jx-hl"
                    checked={highlights}
                    disabled={busy !== null}
                    label={t("taskpane.highlight.label")}
                    onChange={(_, d) => void toggleHighlights(d.checked)}
                  />
                  {highlights && services.legend.length > 0 && (
                    <div role="group" aria-label={t("taskpane.highlight.legend")}>
                      <ul className={s.list}>
                        {services.legend.map((l) => (
                          <li key={l.color + l.label} className={s.item}>
                            <span
                              className={s.legendSwatch}
                              style={{ backgroundColor: l.color }}
                              aria-hidden
                            />
                            {t(l.label)}
                          </li>
                        ))}
                      </ul>
                    </div>
                  )}
                </>
              )}
            </section>
          )}
        </>
      )}
    </div>
  );
}

/** A profile's name as the picker shows it. */
function profileLabel(c: ProfileChoice): string {
  if (c.kind === "custom") return t("taskpane.profile.customName", { name: c.name });
  const key = `taskpane.profile.${c.name}` as MessageKey;
  const label = t(key);
  return label === key ? c.name : label;
}
