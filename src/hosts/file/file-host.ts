/**
 * The file host: a workbook held in memory (an .xlsx opened in the browser page), with the
 * same operations as the Office host. The page loads this module lazily (exceljs is large),
 * so it imports neither React nor anything the page loads eagerly.
 */
import ExcelJS from "exceljs";
import { writeTemplateSheet } from "./template-writer";
import { RECORD_SHEET, recordHighlighted } from "../../sheet";
import type { GridSnapshot, WritePlan } from "../../sheet/types";
import { buildTemplate } from "../../templates";
import type { IndicatorTemplateRow, TemplateKind, TemplateSheet } from "../../templates/types";
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
  cellAt,
  chosenGrid,
  fillFromString,
  fillToString,
  gridFromWorksheet,
  loadWorkbook,
  noteChanges,
  readRecordAndSettings,
  restoreLatest,
  restyle,
  SheetNotFoundError,
  solidFill,
  workbookBytes,
  workbookGrids,
  writeRecord,
} from "./workbook";

export class FileHost implements WorkbookHost {
  readonly kind = "file" as const;
  private current: string | null = null;

  private constructor(
    private readonly wb: ExcelJS.Workbook,
    readonly fileName: string,
  ) {}

  /** Opens an .xlsx held in memory; throws `FileReadError` (one Chinese line) when it cannot be read. */
  static async open(data: ArrayBuffer | Uint8Array, fileName: string): Promise<FileHost> {
    return new FileHost(await loadWorkbook(data, fileName), fileName);
  }

  /** The workbook's sheets, without the program's record sheet. */
  sheetNames(): string[] {
    return this.wb.worksheets.filter((ws) => ws.name !== RECORD_SHEET).map((ws) => ws.name);
  }

  private sheet(name: string): ExcelJS.Worksheet {
    const ws = name === RECORD_SHEET ? undefined : this.wb.getWorksheet(name);
    if (!ws) throw new HostError("UNKNOWN", `文件“${this.fileName}”中没有名为“${name}”的工作表。`);
    return ws;
  }

  async readSheet(sheet?: string): Promise<SheetRead> {
    const { record, settings } = readRecordAndSettings(this.wb);
    let grid: GridSnapshot | undefined;
    if (sheet !== undefined) {
      if (sheet === RECORD_SHEET || !this.wb.getWorksheet(sheet))
        throw new SheetNotFoundError(this.fileName, sheet, this.sheetNames());
      grid = gridFromWorksheet(this.sheet(sheet));
    } else if (this.current !== null && this.wb.getWorksheet(this.current))
      grid = gridFromWorksheet(this.sheet(this.current));
    else {
      grid = chosenGrid(workbookGrids(this.wb));
      if (!grid) throw new HostError("UNREADABLE", `文件“${this.fileName}”中没有工作表。`);
    }
    this.current = grid.sheet;
    return { grid, record, settings };
  }

  async apply(plan: WritePlan): Promise<ApplyResult> {
    // Draft notes only, all already in place: nothing to write, nothing to undo.
    if (plan.writes.length === 0 && plan.notes?.length && noteChanges(this.wb, plan).length === 0)
      return { written: 0, backupId: "", notes: 0 };
    const backup = applyPlan(this.wb, plan, readRecordAndSettings(this.wb));
    const result: ApplyResult = { written: plan.writes.length, backupId: backup.id };
    if (plan.notes?.length) result.notes = backup.notes?.length ?? 0;
    return result;
  }

  async restore(): Promise<RestoreResult> {
    const { restored, backup, notes } = restoreLatest(this.wb);
    return backup.notes?.length ? { restored, notes } : { restored };
  }

  supportsNotes(): boolean {
    return true;
  }

  /** Fills the cells, remembering in the record each cell's fill before its first highlight. */
  async highlight(sheet: string, marks: HighlightMark[]): Promise<void> {
    const ws = this.sheet(sheet);
    const { record, settings } = readRecordAndSettings(this.wb);
    const before: { cell: string; fill: string | null }[] = [];
    for (const m of marks) {
      const cell = cellAt(ws, m.cell);
      before.push({ cell: cell.address, fill: fillToString(cell.fill) });
      restyle(cell, { fill: solidFill(m.color) });
    }
    writeRecord(this.wb, recordHighlighted(record, sheet, before), settings);
  }

  /** Gives every highlighted cell its earlier fill back exactly. */
  async clearHighlights(sheet: string): Promise<void> {
    const { record, settings } = readRecordAndSettings(this.wb);
    const entry = record.highlights.find((h) => h.sheet === sheet);
    if (!entry) return;
    const ws = this.sheet(sheet);
    for (const c of entry.cells) restyle(ws.getCell(c.cell), { fill: fillFromString(c.fill) });
    writeRecord(this.wb, { ...record, highlights: record.highlights.filter((h) => h !== entry) }, settings);
  }

  async saveSettings(settings: WorkbookSettings): Promise<void> {
    const { record } = readRecordAndSettings(this.wb);
    writeRecord(this.wb, record, settings);
  }

  async insertTemplate(kind: TemplateKind): Promise<string> {
    let tpl: TemplateSheet;
    try {
      tpl = buildTemplate(kind);
    } catch (e) {
      throw new HostError("UNKNOWN", `模板暂不可用：${e instanceof Error ? e.message : String(e)}`);
    }
    const names = new Set(this.wb.worksheets.map((ws) => ws.name));
    let name = tpl.name;
    for (let i = 2; names.has(name); i++) name = `${tpl.name}(${i})`;
    writeTemplateSheet(this.wb.addWorksheet(name), tpl);
    this.current = name;
    return name;
  }

  async insertIndicators(rows: IndicatorTemplateRow[]): Promise<number> {
    void rows;
    throw new HostError(
      "UNKNOWN",
      "在网页中打开的文件暂不支持插入指标行：请在 Excel 中插入，或先插入空白标准表。",
    );
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    void sheet;
    void cell;
  }

  /** The workbook as .xlsx bytes, for the download. */
  async toBuffer(): Promise<Uint8Array> {
    return workbookBytes(this.wb);
  }
}
