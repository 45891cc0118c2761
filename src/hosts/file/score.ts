/** Which sheet of a workbook package is scored (REPORT.md "Command line"), and when there is none so named. */
import { formatMessage, uiMessage, type UiMessage } from "../../i18n/catalog";
import { chooseSheet, chooseSheetDetected, detectLayouts, RECORD_SHEET, type Detection } from "../../sheet";
import type { GridSnapshot } from "../../sheet/types";
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
  return chooseBookSheetDetected(book, peekBytes)?.name ?? null;
}

function chooseBookSheetDetected(
  book: PackageBook,
  peekBytes: number,
): { name: string; detection: Detection | null } | null {
  const names = book.sheets.filter((s) => s.name !== RECORD_SHEET).map((s) => s.name);
  if (names.length <= 1) return names.length === 1 ? { name: names[0], detection: null } : null;
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
  const chosen = chooseSheetDetected(lazy((n) => peek(n).grid));
  if (chosen === null) return null;
  const cut = [...peeks.values()].some((p) => !p.whole);
  if (!cut || !("missing" in detectLayouts(peek(chosen.name).grid))) return chosen;
  return chooseSheetDetected(lazy((n) => (peek(n).whole ? peek(n).grid : book.grid(n))));
}

/**
 * The snapshot of the sheet `chooseBookSheet` chooses (undefined when the workbook has none),
 * with the detection the choice made of it, for the analysis to take over.
 */
export function chosenBookGrid(
  book: PackageBook,
): { grid: GridSnapshot; detection: Detection | null } | undefined {
  const chosen = chooseBookSheetDetected(book, PEEK_BYTES);
  return chosen === null ? undefined : { grid: book.grid(chosen.name), detection: chosen.detection };
}
