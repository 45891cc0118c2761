/**
 * What one Office host keeps between calls: the environment, the snapshot of each sheet it
 * read (with what the writes need to know about it), the change tracker, and the sizes the
 * web's payload limit is planned from. Every job of the host works on one session.
 */
import { uiMessage } from "../../i18n/catalog";
import type { GridSnapshot, WorkbookRecord } from "../../sheet/types";
import { HostError, type WorkbookSettings } from "../host";
import type { OfficeEnv } from "./env";
import { toHostError } from "./errors";
import type { Fill, UsedBox } from "./read";
import { documentSettings } from "./settings";
import { ChangeTracker, type Mark } from "./staleness";

/** A sheet as the host last read it. */
export interface SheetState {
  /** The snapshot handed out by `readSheet`: replaced after a write, never changed in place. */
  grid: GridSnapshot;
  sheetId: string;
  /** Fills per A1 address; absent where the API could not tell (ExcelApi < 1.9). */
  fills: Map<string, Fill>;
  record: WorkbookRecord;
  recordSettings: WorkbookSettings;
  recordExists: boolean;
  workbookProtected: boolean;
  /** Where the sheet's change events stood at the read. */
  mark: Mark;
  /** Notes and comments on the sheet at the read (ExcelApi 1.18 / 1.10); null: not known. */
  noteCount: number | null;
  commentCount: number | null;
}

export class OfficeSession {
  /** The last read of each sheet, by name. */
  readonly states = new Map<string, SheetState>();
  /** Each sheet's used range and bytes per cell at its last read (for the payload estimate). */
  readonly sizes = new Map<string, { box: UsedBox; bytesPerCell: number }>();
  /** Change events per worksheet id, and the add-in's own writes. */
  readonly tracker = new ChangeTracker();
  /** Sheets whose change event is registered (a named read registers no second one). */
  readonly trackedNames = new Set<string>();
  lastActive: string | null = null;
  /** Bytes of the record sheet at the last read or write (part of the read's payload). */
  recordBytes = 0;
  /** Number of batches that failed to read in one go and were read in steps. */
  fallbackReads = 0;

  constructor(readonly env: OfficeEnv) {}

  has(version: string): boolean {
    return this.env.isSetSupported("ExcelApi", version);
  }

  requireApi(): void {
    if (!this.has("1.7")) throw new HostError("API_TOO_OLD", uiMessage("office.err.apiTooOld"));
  }

  /** One `Excel.run`, its failures as HostErrors naming `sheet` (or the last active one). */
  async run<T>(sheet: string | undefined, batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await this.env.run(batch);
    } catch (e) {
      throw toHostError(e, sheet ?? this.lastActive ?? undefined);
    }
  }

  /** The record's settings under those saved in the document. */
  mergedSettings(fromRecord: WorkbookSettings): WorkbookSettings {
    return { ...fromRecord, ...documentSettings(this.env) };
  }
}
