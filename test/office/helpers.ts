/** Shared set-up of the Office host tests. */
import { resolveProfile } from "../../src/core";
import { createOfficeHost, type OfficeHost } from "../../src/hosts/office/office-host";
import type { SheetRead } from "../../src/hosts/host";
import { analyzeSheet } from "../../src/sheet";
import type { Analysis, PlannedNote } from "../../src/sheet/types";
import {
  FakeWorkbook,
  buildSelfEvalTable,
  type FakeCell,
  type FakeOptions,
  type FakeSheet,
} from "../support/fake-excel";

export function analyze(read: SheetRead): Analysis {
  return analyzeSheet(read.grid, { profile: resolveProfile("central"), record: read.record });
}

export function setup(
  rows = 20,
  opts: FakeOptions = {},
): { book: FakeWorkbook; host: OfficeHost; sheet: FakeSheet } {
  const book = new FakeWorkbook(opts);
  const { sheet } = buildSelfEvalTable(book, rows);
  return { book, host: createOfficeHost(book.env()), sheet };
}

/** Draft notes alone: `apply` with a plan of notes only; how many were added or refreshed. */
export async function addNotes(host: OfficeHost, sheet: string, notes: PlannedNote[]): Promise<number> {
  const result = await host.apply({ sheet, writes: [], notes });
  return result.notes ?? 0;
}

/** A cell as the user sees it: empty cells without format or fill are absent. */
function norm(c: FakeCell | undefined): string | null {
  if (!c) return null;
  const value = c.value === "" ? null : c.value;
  const formula = c.formula ?? null;
  const numFmt = c.numFmt && c.numFmt !== "General" ? c.numFmt : null;
  const fill = c.fill ?? null;
  if (value === null && !formula && !numFmt && !fill && !c.bold) return null;
  return JSON.stringify({ value, formula, numFmt, fill, bold: !!c.bold });
}

/** Every cell's value, formula, number format and fill, keyed by position. */
export function sheetState(sheet: FakeSheet): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, c] of sheet.cells) {
    const n = norm(c);
    if (n !== null) out[k] = n;
  }
  return out;
}

/** Lets the change events queued after a sync arrive. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 5));
