import { useCallback, useEffect, useRef, useState } from "react";
import type { SheetRead, WorkbookHost, WorkbookSettings } from "../../hosts/host";

export interface SheetReadState {
  /** The host read from (file mode: replaced when the file is read again from disk). */
  host: WorkbookHost;
  read: SheetRead | null;
  /** What is running: the first read, a re-read, or nothing. */
  loading: "first" | "again" | null;
  error: unknown;
  /** The plan was refused as stale (HostError STALE): the sheet must be read again. */
  stale: boolean;
  setStale(stale: boolean): void;
  /**
   * Reads the sheet again. `fromFile`: in file mode, read the file itself again (`reopen`),
   * so edits saved to it since it was chosen are seen.
   */
  load(fromFile?: boolean): Promise<SheetRead | null>;
  /** Patches the settings held with the read and saves them to the workbook. */
  saveSettings(patch: Partial<WorkbookSettings>): Promise<void>;
  /** Bumped after each completed read (for moving focus to the result). */
  reads: number;
}

/**
 * The sheet as read, and reading it again. `onFirst` sees the first read (the workbook's
 * remembered profile and language).
 */
export function useSheetRead(opts: {
  host: WorkbookHost;
  sheet?: string;
  reopen?: () => Promise<WorkbookHost>;
  onFirst?(r: SheetRead): void;
  onError(e: unknown): void;
}): SheetReadState {
  const [host, setHost] = useState(opts.host);
  const [read, setRead] = useState<SheetRead | null>(null);
  const [loading, setLoading] = useState<"first" | "again" | null>("first");
  const [error, setError] = useState<unknown>(null);
  const [stale, setStale] = useState(false);
  const [reads, setReads] = useState(0);
  const readRef = useRef(read);
  readRef.current = read;
  const hostRef = useRef(host);
  hostRef.current = host;
  const cb = useRef(opts);
  cb.current = opts;

  const readWith = useCallback(async (h: WorkbookHost, first: boolean): Promise<SheetRead | null> => {
    setLoading(first ? "first" : "again");
    try {
      const r = await h.readSheet(cb.current.sheet);
      readRef.current = r;
      setRead(r);
      setStale(false);
      setError(null);
      setReads((n) => n + 1);
      if (first) cb.current.onFirst?.(r);
      return r;
    } catch (e) {
      setError(e);
      cb.current.onError(e);
      return null;
    } finally {
      setLoading(null);
    }
  }, []);

  useEffect(() => {
    void readWith(hostRef.current, true);
  }, [readWith]);

  const load = useCallback(
    async (fromFile = false) => {
      let h = hostRef.current;
      if (fromFile && cb.current.reopen) {
        setLoading("again");
        try {
          h = await cb.current.reopen();
        } catch (e) {
          setLoading(null);
          setError(e);
          cb.current.onError(e);
          return null;
        }
        hostRef.current = h;
        setHost(h);
      }
      return readWith(h, false);
    },
    [readWith],
  );

  const saveSettings = useCallback(async (patch: Partial<WorkbookSettings>) => {
    const r = readRef.current;
    if (!r) return;
    const settings: WorkbookSettings = { ...r.settings, ...patch };
    const next = { ...r, settings };
    readRef.current = next;
    setRead(next);
    await hostRef.current.saveSettings(settings);
  }, []);

  return { host, read, loading, error, stale, setStale, load, saveSettings, reads };
}
