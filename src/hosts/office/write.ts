/**
 * Applying a plan through Office.js: the cells as runs (contiguous cells of one column,
 * one range each: the real client spends some 700 bytes of request per range it touches),
 * the record sheet and the draft notes. One request for a normal table; on Excel on the
 * web a write too large for one request (5 MB in UTF-8 as serialised) is cut into the
 * fewest requests that fit, the record (with the backup) first, so that whatever reached
 * the sheet can be restored.
 */

import { address as a1 } from "../../sheet/address";
import type { PlannedWrite } from "../../sheet/types";
import { jsonBytes, payloadBudget, utf8Length } from "./payload";

/**
 * Request bytes of one range written, beyond its data: two Instantiate actions, a
 * _KeepReference, the SetProperty actions and the object path (measured on the real client).
 */
export const RANGE_OVERHEAD_BYTES = 800;
/** Request bytes of a batch beyond its ranges (workbook, worksheet paths, flags). */
const BATCH_OVERHEAD_BYTES = 4_000;

/**
 * Text Excel would read as something else when set through `values` (a formula, a
 * number, a date such as `1-2`) keeps a leading apostrophe, as a person would type it:
 * Excel stores the text as is and does not show the apostrophe.
 */
export function literal(v: string | number | boolean): string | number | boolean {
  return typeof v === "string" && /^[=+\-@'\d.]/.test(v) ? `'${v}` : v;
}

/** Contiguous cells of one column written as one range. */
export interface CellRun {
  address: string;
  cells: string[];
  values: (string | number | boolean)[][];
  /** Number formats, when every cell of the run sets one. */
  numberFormat: string[][] | null;
}

/** The plan's writes as runs: same column, consecutive rows, all with or all without a number format. */
export function cellRuns(writes: PlannedWrite[]): CellRun[] {
  const sorted = [...writes].sort((a, b) => a.col - b.col || a.row - b.row);
  const runs: CellRun[] = [];
  let cur: { col: number; top: number; bottom: number; fmt: boolean; ws: PlannedWrite[] } | null = null;
  const flush = () => {
    if (!cur) return;
    const { col, top, bottom, fmt, ws } = cur;
    runs.push({
      address: top === bottom ? a1(top, col) : `${a1(top, col)}:${a1(bottom, col)}`,
      cells: ws.map((w) => w.cell),
      values: ws.map((w) => [literal(w.after)]),
      numberFormat: fmt ? ws.map((w) => [w.numFmt!]) : null,
    });
  };
  for (const w of sorted) {
    const fmt = !!w.numFmt;
    if (cur && cur.col === w.col && cur.bottom + 1 === w.row && cur.fmt === fmt) {
      cur.bottom = w.row;
      cur.ws.push(w);
      continue;
    }
    flush();
    cur = { col: w.col, top: w.row, bottom: w.row, fmt, ws: [w] };
  }
  flush();
  return runs;
}

/** One thing a write request carries, with what it costs on the wire. */
export interface WriteItem {
  bytes: number;
  queue: (ctx: Excel.RequestContext, ws: Excel.Worksheet) => void;
}

export function runItem(run: CellRun): WriteItem {
  return {
    bytes:
      RANGE_OVERHEAD_BYTES +
      utf8Length(run.address) +
      jsonBytes(run.values) +
      (run.numberFormat ? jsonBytes(run.numberFormat) + RANGE_OVERHEAD_BYTES / 4 : 0),
    queue: (_ctx, ws) => {
      const r = ws.getRange(run.address);
      if (run.numberFormat) r.numberFormat = run.numberFormat;
      r.values = run.values;
    },
  };
}

/**
 * Items in order, cut into the fewest consecutive requests that each fit the budget (one
 * request where there is no limit). An item larger than the budget goes alone.
 */
export function packRequests<T extends { bytes: number }>(items: T[], limited: boolean): T[][] {
  if (!limited) return items.length ? [items] : [];
  const budget = payloadBudget() - BATCH_OVERHEAD_BYTES;
  const out: T[][] = [];
  let cur: T[] = [];
  let size = 0;
  for (const it of items) {
    if (cur.length && size + it.bytes > budget) {
      out.push(cur);
      cur = [];
      size = 0;
    }
    cur.push(it);
    size += it.bytes;
  }
  if (cur.length) out.push(cur);
  return out;
}

/** What Excel stores for a value written through `literal`. */
export function unliteral(v: string | number | boolean): string | number | boolean {
  return typeof v === "string" && v.startsWith("'") ? v.slice(1) : v;
}
