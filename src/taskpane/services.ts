/**
 * What the task pane needs from the rest of the program, as one object: the real modules
 * in the page (see real-services.ts), fakes in tests.
 */
import type { Profile } from "../core/types";
import type { Locale, MessageKey } from "../i18n/catalog";
import type { ScoreChoices, SheetAnalysis, SheetInput } from "../sheet/flow";
import type { Report } from "../sheet/types";
import type { HighlightMark, WorkbookHost } from "../hosts/host";
import type { IndicatorGroup, TemplateKind } from "../templates/types";

/** An uploaded workbook (file mode): a host plus what only a file has. */
export interface FileWorkbook extends WorkbookHost {
  sheetNames(): string[];
  /** The sheet to start on: the one the command line scores when none is named (REPORT.md). */
  chosenSheet(): string | undefined;
  toBuffer(): Promise<ArrayBuffer | Uint8Array>;
}

export interface LegendEntry {
  color: string;
  /** Catalog key of the label. */
  label: MessageKey;
}

export type IndicatorSet = IndicatorGroup;

export interface Services {
  /** The scoring flow (`analyzeRead`). */
  analyzeRead(read: SheetInput, choices: ScoreChoices): SheetAnalysis;
  /** Throws an error with `key` (ProfileError) for an invalid custom profile. */
  resolveProfile(spec?: string | Record<string, unknown> | null, fileBaseName?: string): Profile;
  /** Preset names, `central` first. */
  presets: string[];
  highlightMarks(report: Report): HighlightMark[];
  legend: LegendEntry[];
  library: readonly IndicatorSet[];
  /** Opens an uploaded .xlsx (loads the file host lazily). Throws with a Chinese message naming the file. */
  openFile(data: ArrayBuffer, fileName: string): Promise<FileWorkbook>;
  /** A blank standard table as .xlsx bytes (loads exceljs lazily), for file mode. */
  templateFile(kind: TemplateKind, locale?: Locale): Promise<Uint8Array>;
}

/** The services, or a loader for them (the page loads the scoring code as a lazy chunk). */
export type ServicesSource = Services | (() => Promise<Services>);

/** How the pane starts: inside Excel with a host, or in a browser on an uploaded file. */
export type StartMode = { kind: "office"; host: WorkbookHost } | { kind: "file" };
