/**
 * Reading a sheet into the session: one round trip for a normal table; in steps where one
 * response cannot hold it (Excel on the web), where merged areas or change events fail, or
 * where the client does not chain null objects. What was read is kept as the sheet's state,
 * the base every write is checked against.
 */
import type { GridCell, GridSnapshot, PlannedWrite } from "../../sheet/types";
import { toHostError } from "./errors";
import { payloadBudget, utf8Length } from "./payload";
import {
  DEFAULT_BYTES_PER_CELL,
  MERGE_FRAME_ROWS,
  boxOfGrid,
  readInSteps,
  readOnce,
  type RawSheet,
  type ReadEnv,
} from "./read";
import { readRecord } from "./record-io";
import type { OfficeSession, SheetState } from "./session";

/** Reads the active sheet (or the named one) and keeps it as the sheet's state. */
export async function readState(session: OfficeSession, sheet?: string): Promise<SheetState> {
  const { env } = session;
  // What the last read of this sheet (or, for the active sheet, of the last active one)
  // cost: only a guess until the sync says which sheet was read.
  const guess = session.sizes.get(sheet ?? session.lastActive ?? "");
  const cost = guess?.bytesPerCell ?? DEFAULT_BYTES_PER_CELL;
  const big =
    env.web && !!guess && guess.box.rows * guess.box.cols * cost + session.recordBytes > payloadBudget();
  const readEnv: ReadEnv = { has: (v) => session.has(v), web: env.web, tracker: session.tracker };
  const events = !(sheet && session.trackedNames.has(sheet));
  let raw: RawSheet;
  if (big) {
    raw = await session.run(sheet, (ctx) => readInSteps(ctx, readEnv, sheet, events, cost));
  } else {
    const frameEnd = guess ? Math.max(1, guess.box.row0 + guess.box.rows) : MERGE_FRAME_ROWS;
    try {
      raw = await env.run((ctx) => readOnce(ctx, readEnv, sheet, frameEnd, events));
    } catch (e) {
      const mapped = toHostError(e, sheet ?? session.lastActive ?? undefined);
      if (mapped.code === "CELL_EDIT_MODE" || mapped.code === "API_TOO_OLD") throw mapped;
      // Too large for one response, more than 512 merged areas in a band, change events
      // unavailable, or a client that does not chain null objects (no record sheet): read
      // in steps instead. A missing sheet fails there again, with its own message.
      session.fallbackReads++;
      raw = await session.run(sheet, (ctx) => readInSteps(ctx, readEnv, sheet, events, cost));
    }
  }
  const state = stateOf(session, raw);
  session.states.set(state.grid.sheet, state);
  if (session.tracker.tracked(raw.sheetId)) session.trackedNames.add(raw.grid.sheet);
  session.lastActive = sheet ? session.lastActive : state.grid.sheet;
  return state;
}

function stateOf(session: OfficeSession, raw: RawSheet): SheetState {
  const { record, settings } = readRecord(raw.recordValues);
  session.recordBytes = (raw.recordValues ?? []).reduce((n, row) => n + utf8Length(String(row[0] ?? "")), 0);
  session.sizes.set(raw.grid.sheet, { box: boxOfGrid(raw.grid), bytesPerCell: raw.bytesPerCell });
  return {
    grid: raw.grid,
    sheetId: raw.sheetId,
    fills: raw.fills,
    record,
    recordSettings: settings,
    recordExists: raw.recordExists,
    workbookProtected: raw.workbookProtected,
    mark: session.tracker.mark(raw.sheetId),
    noteCount: raw.noteCount,
    commentCount: raw.commentCount,
  };
}

/** The snapshot's cell at a sheet row and column (1-based); null outside it or empty. */
export function snapshotCell(grid: GridSnapshot, row: number, col: number): GridCell | null {
  return grid.cells[row - grid.top]?.[col - grid.left] ?? null;
}

/**
 * A copy of the snapshot holding what was written (the rows written are copied; the rest
 * are shared): the snapshot a caller was given stays as it was read.
 */
export function withWrites(grid: GridSnapshot, writes: readonly PlannedWrite[]): GridSnapshot {
  const rows = new Map<number, (GridCell | null)[]>();
  for (const w of writes) {
    const r = w.row - grid.top;
    const c = w.col - grid.left;
    const row = grid.cells[r];
    if (!row || c < 0 || c >= row.length) continue;
    const copy = rows.get(r) ?? row.slice();
    rows.set(r, copy);
    const prev = copy[c];
    copy[c] = { v: w.after, ...(w.numFmt ? { fmt: w.numFmt } : prev?.fmt ? { fmt: prev.fmt } : {}) };
  }
  return { ...grid, cells: grid.cells.map((row, r) => rows.get(r) ?? row) };
}
