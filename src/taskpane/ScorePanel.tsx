import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Switch,
} from "@fluentui/react-components";
import type { Profile } from "../core/types";
import type { ColumnMapping, PlannedWrite } from "../sheet/types";
import { HostError, type SheetRead, type WorkbookHost, type WorkbookSettings } from "../hosts/host";
import { formatMessage, getLocale, t, type Locale } from "../i18n/catalog";
import { ProfileError } from "../core/profile";
import type { Services } from "./services";
import type { Judgement } from "./logic";
import { scoreView } from "./score-view";
import { DetectPanel } from "./components/DetectPanel";
import { ExportFindings } from "./components/ExportFindings";
import { JudgementPanel } from "./components/JudgementPanel";
import { DiagnosticsList, WritesList } from "./components/PreviewPanel";
import { ProfilePicker, type ProfileChoice } from "./components/ProfilePicker";
import { RecomputeDialog } from "./components/RecomputeDialog";
import { ResultSummary } from "./components/ResultSummary";
import { ReportButton } from "./components/ReportButton";
import { useStyles } from "./styles";

type Status = { text: string; intent: "success" | "error" | "warning" | "info" };

interface ProfileState {
  choice: ProfileChoice;
  profile: Profile;
}

const message = (e: unknown) =>
  e instanceof ProfileError ? formatMessage(e.text, getLocale()) : e instanceof Error ? e.message : String(e);

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
  /** Extra actions shown beside 写入 (file mode: download). */
  actions?: ReactNode;
}

/** The scoring flow on one sheet: 识别 → 预览 → 写入 → 撤销. */
export function ScorePanel(props: ScorePanelProps) {
  const s = useStyles();
  const { services, host } = props;
  const [read, setRead] = useState<SheetRead | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  const [stale, setStale] = useState(false);
  const [applied, setApplied] = useState<PlannedWrite[] | null>(null);
  const [ps, setPs] = useState<ProfileState>(() => ({
    choice: { kind: "preset", name: "central" },
    profile: services.resolveProfile("central"),
  }));
  const [profileError, setProfileError] = useState<string | null>(null);
  const [recomputeAll, setRecomputeAll] = useState(false);
  const [judgements, setJudgements] = useState<Record<number, Judgement>>({});
  const [highlights, setHighlights] = useState(false);
  const highlightsRef = useRef(false);
  highlightsRef.current = highlights;

  const sheetName = read?.grid.sheet ?? props.sheet ?? "";

  /** Reads the sheet; `first` also takes the workbook's remembered profile and locale. */
  const load = useCallback(
    async (first: boolean) => {
      setBusy(true);
      try {
        const r = await host.readSheet(props.sheet);
        setRead(r);
        setStale(false);
        setJudgements({});
        if (first) {
          const saved = r.settings.profile;
          if (saved !== undefined) {
            try {
              const profile = services.resolveProfile(saved);
              setPs({
                choice:
                  typeof saved === "string"
                    ? { kind: "preset", name: saved }
                    : { kind: "custom", name: profile.name, spec: saved },
                profile,
              });
            } catch (e) {
              setProfileError(profileMessage(e, t("taskpane.profile.label")));
            }
          }
          if (r.settings.locale && r.settings.locale !== props.locale) props.onLocale?.(r.settings.locale);
        }
        return r;
      } catch (e) {
        setStatus({ text: t("taskpane.error.generic", { message: message(e) }), intent: "error" });
        return null;
      } finally {
        setBusy(false);
      }
    },
    // Reads again only when the host or the sheet changes.
    [host, props.sheet],
  );

  useEffect(() => {
    void load(true);
  }, [load]);

  // Remember the interface language with the workbook.
  const lastLocale = useRef(props.locale);
  useEffect(() => {
    if (lastLocale.current === props.locale) return;
    lastLocale.current = props.locale;
    if (read) void saveSettings({ locale: props.locale });
    // Runs on a change of language only.
  }, [props.locale]);

  const manual = read?.settings.mappings?.[sheetName] ?? null;

  const computed = useMemo(() => {
    if (!read) return null;
    try {
      const view = scoreView(services.analyzeRead, read, {
        profile: ps.profile,
        recomputeAll,
        judgements,
        file: props.fileName ?? null,
        locale: props.locale,
      });
      return { ...view, error: null };
    } catch (e) {
      return { error: message(e) } as const;
    }
  }, [read, ps, recomputeAll, judgements, props.fileName, props.locale, services]);

  async function saveSettings(patch: Partial<WorkbookSettings>) {
    if (!read) return;
    const settings: WorkbookSettings = { ...read.settings, ...patch };
    setRead((r) => (r ? { ...r, settings } : r));
    try {
      await host.saveSettings(settings);
    } catch (e) {
      setStatus({ text: t("taskpane.error.generic", { message: message(e) }), intent: "error" });
    }
  }

  /** After a write or an undo: the highlights of the sheet read again (judgements start anew). */
  const refreshHighlights = async (r: SheetRead | null) => {
    if (!r || !highlightsRef.current) return;
    try {
      const { table } = scoreView(services.analyzeRead, r, {
        profile: ps.profile,
        recomputeAll: false,
        judgements: {},
        file: props.fileName ?? null,
        locale: props.locale,
      });
      await host.clearHighlights(r.grid.sheet);
      await host.highlight(r.grid.sheet, services.highlightMarks(table.report));
    } catch {
      // Highlights are a convenience; the panel still lists every issue.
    }
  };

  async function apply() {
    if (!read || !computed || computed.error !== null) return;
    setBusy(true);
    setStatus(null);
    try {
      // The host refuses a plan made stale by edits since the read (HostError STALE):
      // no extra read round trip here.
      const plan = computed.result.plan;
      const result = await host.apply(plan);
      setApplied(plan.writes);
      setRecomputeAll(false);
      const text =
        result.notes === undefined
          ? t("taskpane.applied", { n: result.written })
          : result.written === 0 && result.notes === 0
            ? t("taskpane.applied.nothing")
            : t("taskpane.applied.notes", { n: result.written, m: result.notes });
      setStatus({ text, intent: "success" });
      props.onWritten?.();
      const r = await load(false);
      await refreshHighlights(r);
    } catch (e) {
      if (e instanceof HostError && e.code === "STALE") setStale(true);
      else setStatus({ text: t("taskpane.error.generic", { message: message(e) }), intent: "error" });
    } finally {
      setBusy(false);
    }
  }

  async function undo() {
    setBusy(true);
    setStatus(null);
    try {
      const r = await host.restore();
      setApplied(null);
      setStatus({
        text: r.notes
          ? t("taskpane.restored.notes", { n: r.restored, m: r.notes })
          : t("taskpane.restored", { n: r.restored }),
        intent: "success",
      });
      props.onWritten?.();
      const fresh = await load(false);
      await refreshHighlights(fresh);
    } catch (e) {
      setStatus({ text: t("taskpane.error.generic", { message: message(e) }), intent: "error" });
    } finally {
      setBusy(false);
    }
  }

  async function toggleHighlights(on: boolean) {
    if (!read || !computed || computed.error !== null) return;
    setHighlights(on);
    try {
      if (on) await host.highlight(read.grid.sheet, services.highlightMarks(computed.table.report));
      else await host.clearHighlights(read.grid.sheet);
    } catch (e) {
      setHighlights(!on);
      setStatus({ text: t("taskpane.error.generic", { message: message(e) }), intent: "error" });
    }
  }

  function choosePreset(name: string) {
    try {
      setPs({ choice: { kind: "preset", name }, profile: services.resolveProfile(name) });
      setProfileError(null);
      void saveSettings({ profile: name });
    } catch (e) {
      setProfileError(profileMessage(e, name));
    }
  }

  function chooseCustom(fileName: string, text: string) {
    let spec: unknown;
    try {
      spec = JSON.parse(text);
    } catch (e) {
      setProfileError(t("taskpane.profile.badJson", { file: fileName, message: message(e) }));
      return;
    }
    try {
      const base = fileName.replace(/\.json$/i, "");
      const profile = services.resolveProfile(spec as Record<string, unknown>, base);
      const saved = { ...(spec as Record<string, unknown>), name: profile.name };
      setPs({ choice: { kind: "custom", name: profile.name, spec: saved }, profile });
      setProfileError(null);
      void saveSettings({ profile: saved });
    } catch (e) {
      setProfileError(profileMessage(e, fileName));
    }
  }

  function saveMapping(m: ColumnMapping | null) {
    const mappings = { ...read?.settings.mappings };
    if (m) mappings[sheetName] = m;
    else delete mappings[sheetName];
    setJudgements({});
    void saveSettings({ mappings });
  }

  const ok = computed && computed.error === null ? computed : null;
  const writes = ok?.result.plan.writes ?? [];
  // R-DEV drafts held as cell notes where the host can; else the pane alone lists them.
  const notesHeld = host.supportsNotes?.() ?? true;
  const notes = ok?.result.plan.notes ?? [];
  const heldNotes = notesHeld ? notes.length : 0;

  return (
    <div className={s.root} style={{ padding: 0 }}>
      <div aria-live="polite" className={s.row} style={{ flexDirection: "column", alignItems: "stretch" }}>
        {busy && <Spinner size="tiny" label={t("taskpane.busy")} />}
        {stale && (
          <MessageBar layout="multiline" intent="warning" data-testid="stale">
            <MessageBarBody>{t("taskpane.stale")}</MessageBarBody>
            <MessageBarActions>
              <Button size="small" onClick={() => void load(false)}>
                {t("taskpane.reread")}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {status && (
          <MessageBar layout="multiline" intent={status.intent}>
            <MessageBarBody>{status.text}</MessageBarBody>
          </MessageBar>
        )}
        {computed?.error && (
          <MessageBar layout="multiline" intent="error">
            <MessageBarBody>{t("taskpane.error.generic", { message: computed.error })}</MessageBarBody>
          </MessageBar>
        )}
      </div>

      <div className={s.row} style={{ alignItems: "flex-end" }}>
        <ProfilePicker
          presets={services.presets}
          value={ps.choice}
          error={profileError}
          onPreset={choosePreset}
          onCustomFile={chooseCustom}
        />
        <Button size="small" disabled={busy} onClick={() => void load(false)}>
          {props.sheet === undefined ? t("taskpane.excel.read") : t("taskpane.reread")}
        </Button>
      </div>

      {read && ok && (
        <>
          {ok.table.layout && <ResultSummary report={ok.table.report} pending={ok.open} />}
          <DetectPanel
            analysis={ok.table}
            grid={read.grid}
            manual={manual}
            onSaveMapping={(m) => saveMapping(m)}
            onClearMapping={() => saveMapping(null)}
          />
          <JudgementPanel
            pending={ok.pending}
            judgements={judgements}
            decimals={ps.profile.decimals}
            onChange={(row, j) =>
              setJudgements((all) => {
                const next = { ...all };
                if (j) next[row] = j;
                else delete next[row];
                return next;
              })
            }
          />
          {ok.table.layout && (
            <section className={s.section} aria-labelledby="jx-preview">
              <h2 id="jx-preview" className={s.h2}>
                2 · {t("taskpane.step.preview")} · {t("taskpane.preview.title", { n: writes.length })}
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
              <WritesList
                writes={writes}
                report={ok.table.report}
                judged={ok.judged}
                notes={notes}
                notesHeld={notesHeld}
              />
              <div className={s.row}>
                <Button
                  appearance="primary"
                  disabled={
                    busy || stale || (writes.length === 0 && heldNotes === 0) || read.grid.protected === true
                  }
                  onClick={() => void apply()}
                >
                  {heldNotes > 0
                    ? t("taskpane.action.applyNotes", { n: writes.length, m: heldNotes })
                    : t("taskpane.action.apply", { n: writes.length })}
                </Button>
                <RecomputeDialog disabled={busy || stale} onConfirm={() => setRecomputeAll(true)} />
              </div>
            </section>
          )}
          <section className={s.section} aria-labelledby="jx-apply">
            <h2 id="jx-apply" className={s.h2}>
              3 · {t("taskpane.step.apply")}
            </h2>
            {applied && applied.length > 0 && (
              <details>
                <summary className={s.item}>{t("taskpane.applied.list")}</summary>
                <WritesList writes={applied} report={ok.table.report} judged={new Set()} />
              </details>
            )}
            <div className={s.row}>
              {props.actions}
              <ReportButton
                analysis={ok.table}
                grid={read.grid}
                lowExecutionThreshold={ps.profile.lowExecutionThreshold}
                disabled={busy}
              />
              <Button disabled={busy} onClick={() => void undo()}>
                {t("taskpane.action.undo")}
              </Button>
              {ok.table.layout && (
                <ExportFindings
                  fileName={props.fileName ?? null}
                  report={ok.table.report}
                  layout={ok.table.layout}
                  grid={read.grid}
                  profile={ps.profile}
                  disabled={busy}
                />
              )}
            </div>
          </section>
          <DiagnosticsList
            diagnostics={ok.table.report.diagnostics}
            onSelect={(cell) => void host.selectCell(read.grid.sheet, cell).catch(() => undefined)}
          />
          {ok.table.layout && (
            <section className={s.section} aria-labelledby="jx-hl">
              <Switch
                id="jx-hl"
                checked={highlights}
                disabled={busy}
                label={t("taskpane.highlight.label")}
                onChange={(_, d) => void toggleHighlights(d.checked)}
              />
              {highlights && services.legend.length > 0 && (
                <div role="group" aria-label={t("taskpane.highlight.legend")}>
                  <ul className={s.list}>
                    {services.legend.map((l) => (
                      <li key={l.color + l.label} className={s.item}>
                        <span className={s.legendSwatch} style={{ backgroundColor: l.color }} aria-hidden />
                        {l.label}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </section>
          )}
        </>
      )}
    </div>
  );
}

/** A profile error in plain Chinese, naming the key (ProfileError.key). */
function profileMessage(e: unknown, file: string): string {
  const key = (e as { key?: unknown }).key;
  if (typeof key === "string" && key) return t("taskpane.profile.error", { file, key, message: message(e) });
  return t("taskpane.profile.errorNoKey", { file, message: message(e) });
}
