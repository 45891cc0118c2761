/** Scoring one workbook package in memory (the command line and tests). */
import type { Profile } from "../../core/types";
import { formatMessage, uiMessage, type UiMessage } from "../../i18n/catalog";
import { analyzeSheet, chooseSheet, detectLayouts, RECORD_SHEET } from "../../sheet";
import type { Analysis, GridSnapshot } from "../../sheet/types";
import { applyPlan, noteChanges, readRecordAndSettings } from "./edits";
import { PackageBook } from "./package";
import { PEEK_BYTES } from "./package/book";

/** `--sheet` names a sheet the workbook does not have. */
export class SheetNotFoundError extends Error {
  constructor(
    public readonly fileName: string,
    public readonly sheet: string,
    public readonly available: string[],
  ) {
    super(formatMessage(sheetNotFound(fileName, sheet, available), "zh-CN"));
    this.name = "SheetNotFoundError";
    this.text = sheetNotFound(fileName, sheet, available);
  }

  /** The message as data, for a face to word in its locale (`errorText`). */
  readonly text: UiMessage;
}

function sheetNotFound(file: string, sheet: string, available: string[]): UiMessage {
  return uiMessage("file.sheetNotFound", {
    file,
    sheet,
    available: available.length > 0 ? available : uiMessage("file.noSheets"),
  });
}

/** Snapshots of the sheets a table may be on (every sheet but the record sheet). */
export function workbookGrids(book: PackageBook): GridSnapshot[] {
  return book.sheets.filter((s) => s.name !== RECORD_SHEET).map((s) => book.grid(s.name));
}

/** The snapshot of `sheet`, or without it of the sheet REPORT.md's rule chooses (the first when none has a table). */
export function chosenGrid(grids: GridSnapshot[], sheet?: string): GridSnapshot | undefined {
  const chosen = chooseSheet(
    grids.map((g) => ({ name: g.sheet, grid: g })),
    sheet,
  );
  return grids.find((g) => g.sheet === chosen) ?? grids[0];
}

/**
 * The sheet REPORT.md's rule chooses, reading as little as it can: the rule runs on each
 * sheet's first rows (`PackageBook.peek`, one sheet at a time, only as far as the rule needs),
 * and only when none of those shows a table while some sheet was longer than its peek does it
 * run again on whole sheets, so a table further down is still found. The chosen sheet alone is
 * then read whole.
 */
export function chooseBookSheet(book: PackageBook, peekBytes = PEEK_BYTES): string | null {
  const names = book.sheets.filter((s) => s.name !== RECORD_SHEET).map((s) => s.name);
  if (names.length <= 1) return names[0] ?? null;
  const peeks = new Map<string, ReturnType<PackageBook["peek"]>>();
  const peek = (name: string) => {
    let p = peeks.get(name);
    if (!p) peeks.set(name, (p = book.peek(name, peekBytes)));
    return p;
  };
  const lazy = (read: (name: string) => GridSnapshot) =>
    names.map((name) => ({
      name,
      get grid() {
        return read(name);
      },
    }));
  const chosen = chooseSheet(lazy((n) => peek(n).grid));
  if (chosen === null) return null;
  const cut = [...peeks.values()].some((p) => !p.whole);
  if (!cut || !("missing" in detectLayouts(peek(chosen).grid))) return chosen;
  return chooseSheet(lazy((n) => (peek(n).whole ? peek(n).grid : book.grid(n))));
}

/** The snapshot of the sheet `chooseBookSheet` chooses (undefined when the workbook has none). */
export function chosenBookGrid(book: PackageBook): GridSnapshot | undefined {
  const name = chooseBookSheet(book);
  return name === null ? undefined : book.grid(name);
}

export interface ScoreWorkbookOptions {
  /** Sheet name; without it, the sheet is chosen per REPORT.md. */
  sheet?: string;
  profile: Profile;
  recomputeAll?: boolean;
  /** Also return the written copy (the input bytes themselves when nothing changes). */
  out?: boolean;
}

/**
 * Scores one workbook in memory: reads the record, chooses the sheet, analyses it and,
 * with `out`, returns the input package with the plan applied. The input bytes are never changed.
 */
export async function scoreWorkbook(
  data: ArrayBuffer | Uint8Array,
  fileName: string,
  opts: ScoreWorkbookOptions,
): Promise<{ analysis: Analysis; grid: GridSnapshot; output?: Uint8Array; notesChanged?: number }> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const book = PackageBook.open(bytes, fileName);
  const current = readRecordAndSettings(book);
  const { record, settings } = current;
  const names = book.sheets.filter((s) => s.name !== RECORD_SHEET).map((s) => s.name);
  if (opts.sheet !== undefined && !names.includes(opts.sheet))
    throw new SheetNotFoundError(fileName, opts.sheet, names);
  const grid = opts.sheet !== undefined ? book.grid(opts.sheet) : chosenBookGrid(book)!;
  const analysis = analyzeSheet(grid, {
    profile: opts.profile,
    recomputeAll: opts.recomputeAll,
    record,
    mapping: settings.mappings?.[grid.sheet] ?? null,
    overrides: settings.overrides?.[grid.sheet],
    file: fileName,
  });
  if (!opts.out) return { analysis, grid };
  // The plan lists every draft note; only those the sheet lacks (or that changed) are written.
  const notesChanged = noteChanges(book, analysis.plan).length;
  if (analysis.plan.writes.length === 0 && notesChanged === 0)
    return { analysis, grid, output: bytes.slice(), notesChanged };
  applyPlan(book, analysis.plan, current);
  return { analysis, grid, output: book.toBytes(), notesChanged };
}
