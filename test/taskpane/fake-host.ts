/** An in-memory WorkbookHost over a GridSnapshot, recording every call. */
import {
  HostError,
  type ApplyResult,
  type HighlightMark,
  type RestoreResult,
  type SheetRead,
  type WorkbookHost,
  type WorkbookSettings,
} from "../../src/hosts/host";
import type { Backup, CellValue, GridSnapshot, WorkbookRecord, WritePlan } from "../../src/sheet/types";
import { parseAddress } from "../../src/sheet/address";
import { recordApplied, recordRestored } from "../../src/sheet/record";
import type { IndicatorTemplateRow, TemplateKind } from "../../src/templates/types";
import { uiMessage } from "../../src/i18n/catalog";
import { editable } from "../support/grid-edit";

/** Deep copy keeping Dates (jsdom has no structuredClone). */
export function clone<T>(x: T): T {
  if (x instanceof Date) return new Date(x.getTime()) as T;
  if (Array.isArray(x)) return x.map(clone) as T;
  if (x && typeof x === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) out[k] = clone(v);
    return out as T;
  }
  return x;
}

export class FakeHost implements WorkbookHost {
  readonly kind = "office" as const;
  grid: GridSnapshot;
  record: WorkbookRecord = { ledger: [], backups: [], highlights: [] };
  settings: WorkbookSettings;
  applied: WritePlan[] = [];
  selected: string[] = [];
  savedSettings: WorkbookSettings[] = [];
  highlighted: HighlightMark[][] = [];
  cleared = 0;
  reads = 0;
  templates: TemplateKind[] = [];
  indicatorRows: IndicatorTemplateRow[][] = [];
  /** The next apply throws this (simulating Office errors such as STALE). */
  failNextApply: HostError | null = null;

  constructor(grid: GridSnapshot, settings: WorkbookSettings = {}) {
    this.grid = clone(grid);
    this.settings = clone(settings);
  }

  /** Reads a cell's value (tests). */
  value(cell: string): CellValue {
    const at = parseAddress(cell)!;
    return this.grid.cells[at.row - this.grid.top]?.[at.col - this.grid.left]?.v ?? null;
  }

  /** Changes a cell as a person typing in the sheet would (tests): like the Office host, the next apply then refuses (STALE). */
  setValue(cell: string, v: CellValue): void {
    this.editedSinceRead = true;
    this.put(cell, v);
  }

  /** Set by a person's edit after the last read; the Office host learns it from the sheet's onChanged event. */
  private editedSinceRead = false;

  private put(cell: string, v: CellValue): void {
    const at = parseAddress(cell)!;
    const r = at.row - this.grid.top;
    const c = at.col - this.grid.left;
    // The fake's own sheet (readSheet hands out copies of it).
    const cells = editable(this.grid).cells;
    while (cells.length <= r) cells.push([]);
    const line = cells[r];
    while (line.length <= c) line.push(null);
    line[c] = v === null ? null : { ...(line[c] ?? {}), v };
  }

  async readSheet(): Promise<SheetRead> {
    this.reads++;
    this.editedSinceRead = false;
    return { grid: clone(this.grid), record: clone(this.record), settings: clone(this.settings) };
  }

  async apply(plan: WritePlan): Promise<ApplyResult> {
    if (this.failNextApply) {
      const e = this.failNextApply;
      this.failNextApply = null;
      throw e;
    }
    if (this.editedSinceRead)
      throw new HostError("STALE", uiMessage("office.err.stale", { sheet: plan.sheet, cell: "A1" }));
    this.applied.push(clone(plan));
    const backup: Backup = {
      id: `b${this.record.backups.length + 1}`,
      sheet: plan.sheet,
      at: new Date(0).toISOString(),
      cells: plan.writes.map((w) => ({ cell: w.cell, value: this.value(w.cell) })),
    };
    for (const w of plan.writes) this.put(w.cell, w.after);
    this.record = recordApplied(this.record, plan, backup);
    return { written: plan.writes.length, backupId: backup.id };
  }

  async restore(): Promise<RestoreResult> {
    const b = this.record.backups.at(-1);
    if (!b) throw new HostError("NOTHING_TO_RESTORE", uiMessage("office.err.nothingToRestore"));
    for (const c of b.cells) this.put(c.cell, c.value);
    this.record = recordRestored(this.record, b);
    return { restored: b.cells.length };
  }

  async highlight(_sheet: string, marks: HighlightMark[]): Promise<void> {
    this.highlighted.push(marks);
  }

  async clearHighlights(): Promise<void> {
    this.cleared++;
  }

  async saveSettings(settings: WorkbookSettings): Promise<void> {
    this.settings = clone(settings);
    this.savedSettings.push(clone(settings));
  }

  async insertTemplate(kind: TemplateKind): Promise<string> {
    this.templates.push(kind);
    return `模板${kind}`;
  }

  async insertIndicators(rows: IndicatorTemplateRow[]): Promise<number> {
    this.indicatorRows.push(rows);
    return rows.length;
  }

  async selectCell(_sheet: string, cell: string): Promise<void> {
    this.selected.push(cell);
  }
}
