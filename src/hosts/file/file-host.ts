/**
 * The file host: a workbook package held in memory (an .xlsx opened in the browser page),
 * with the same operations as the Office host. Every change is a patch of the package, so the
 * download is the uploaded workbook with exactly those changes. The page loads this module
 * lazily; it imports neither React nor exceljs.
 */
import { uiMessage, type Locale } from "../../i18n/catalog";
import { RECORD_SHEET, type Detection } from "../../sheet";
import type { GridSnapshot, WritePlan } from "../../sheet/types";
import type { IndicatorTemplateRow, TemplateKind } from "../../templates/types";
import {
  HostError,
  type ApplyResult,
  type HighlightMark,
  type RestoreResult,
  type SheetRead,
  type WorkbookHost,
  type WorkbookSettings,
} from "../host";
import {
  applyPlan,
  clearHighlights,
  highlightCells,
  noteChanges,
  readRecordAndSettings,
  restoreLatest,
  writeRecord,
} from "./edits";
import { PackageBook } from "./package";
import { chooseBookSheet, chosenBookGrid, SheetNotFoundError } from "./score";

export class FileHost implements WorkbookHost {
  readonly kind = "file" as const;
  private current: string | null = null;

  private constructor(
    private readonly book: PackageBook,
    readonly fileName: string,
  ) {}

  /** Opens an .xlsx held in memory; throws `FileReadError` (one Chinese line) when it cannot be read. */
  static async open(data: ArrayBuffer | Uint8Array, fileName: string): Promise<FileHost> {
    return new FileHost(PackageBook.open(data, fileName), fileName);
  }

  /** The workbook's sheets, without the program's record sheet. */
  sheetNames(): string[] {
    return this.book.sheets.filter((s) => s.name !== RECORD_SHEET).map((s) => s.name);
  }

  /** The sheet scored when none is named: REPORT.md's choice, as on the command line. */
  chosenSheet(): string | undefined {
    return chooseBookSheet(this.book) ?? undefined;
  }

  private requireSheet(name: string): void {
    if (name === RECORD_SHEET || !this.book.sheet(name))
      throw new HostError("UNKNOWN", uiMessage("file.sheetMissing", { file: this.fileName, sheet: name }));
  }

  async readSheet(sheet?: string): Promise<SheetRead> {
    const { record, settings } = readRecordAndSettings(this.book);
    let grid: GridSnapshot | undefined;
    let detection: Detection | null = null;
    if (sheet !== undefined) {
      if (sheet === RECORD_SHEET || !this.book.sheet(sheet))
        throw new SheetNotFoundError(this.fileName, sheet, this.sheetNames());
      grid = this.book.grid(sheet);
    } else if (this.current !== null && this.book.sheet(this.current)) grid = this.book.grid(this.current);
    else {
      const chosen = chosenBookGrid(this.book);
      if (!chosen) throw new HostError("UNREADABLE", uiMessage("file.noSheet", { file: this.fileName }));
      ({ grid, detection } = chosen);
    }
    this.current = grid.sheet;
    return detection ? { grid, record, settings, detection } : { grid, record, settings };
  }

  async apply(plan: WritePlan): Promise<ApplyResult> {
    // Draft notes only, all already in place: nothing to write, nothing to undo.
    if (plan.writes.length === 0 && plan.notes?.length && noteChanges(this.book, plan).length === 0)
      return { written: 0, backupId: "", notes: 0 };
    const backup = applyPlan(this.book, plan, readRecordAndSettings(this.book));
    const result: ApplyResult = { written: plan.writes.length, backupId: backup.id };
    if (plan.notes?.length) result.notes = backup.notes?.length ?? 0;
    return result;
  }

  async restore(): Promise<RestoreResult> {
    const { restored, backup, notes } = restoreLatest(this.book);
    return backup.notes?.length ? { restored, notes } : { restored };
  }

  supportsNotes(): boolean {
    return true;
  }

  /** Fills the cells, remembering in the record each cell's fill before its first highlight. */
  async highlight(sheet: string, marks: HighlightMark[]): Promise<void> {
    this.requireSheet(sheet);
    highlightCells(this.book, sheet, marks);
  }

  /** Gives every highlighted cell its earlier fill back exactly. */
  async clearHighlights(sheet: string): Promise<void> {
    clearHighlights(this.book, sheet);
  }

  async saveSettings(settings: WorkbookSettings): Promise<void> {
    const { record } = readRecordAndSettings(this.book);
    writeRecord(this.book, record, settings);
  }

  /** Adds a sheet holding a standard table (built by the template writer, loaded on demand). */
  async insertTemplate(kind: TemplateKind, locale?: Locale): Promise<string> {
    let bytes: Uint8Array;
    try {
      const { renderTemplateXlsx } = await import(
        /* webpackChunkName: "template-writer" */ "./template-writer"
      );
      bytes = await renderTemplateXlsx(kind, { locale });
    } catch (e) {
      throw new HostError(
        "UNKNOWN",
        uiMessage("file.templateUnavailable", { detail: e instanceof Error ? e.message : String(e) }),
      );
    }
    const tpl = PackageBook.open(bytes, "template.xlsx");
    const base = tpl.sheets[0].name;
    const names = new Set(this.book.sheets.map((s) => s.name));
    let name = base;
    for (let i = 2; names.has(name); i++) name = `${base}(${i})`;
    this.book.importSheet(tpl, base, name);
    this.current = name;
    return name;
  }

  async insertIndicators(rows: IndicatorTemplateRow[]): Promise<number> {
    void rows;
    throw new HostError("UNKNOWN", uiMessage("file.noIndicatorInsert"));
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    void sheet;
    void cell;
  }

  /** The workbook as .xlsx bytes, for the download: the uploaded package with the changes made. */
  async toBuffer(): Promise<Uint8Array> {
    return this.book.toBytes();
  }
}
