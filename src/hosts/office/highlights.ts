/**
 * Highlights: cells coloured to show where the problems are, each cell's earlier fill kept
 * in the record so that clearing puts it back exactly.
 */
/* The office-addins load/sync rules check one function at a time; here loads are queued by
 * helpers and read after their caller's sync. The tests' fake request context throws on any
 * property read before it was loaded and synced, which checks what these rules cannot. */
/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read */
import { recordHighlighted, recordUnhighlighted } from "../../sheet";
import type { WorkbookRecord } from "../../sheet/types";
import type { HighlightMark } from "../host";
import { protectedError, workbookProtectedError } from "./errors";
import { fillOf, legacyFill } from "./read";
import { queueRecord, readRecordWith } from "./record-io";
import type { OfficeSession } from "./session";

/** The record the session keeps for a sheet read earlier, brought up to date. */
function keepRecord(session: OfficeSession, sheet: string, record: WorkbookRecord): void {
  const state = session.states.get(sheet);
  if (state) state.record = record;
}

export async function highlightCells(
  session: OfficeSession,
  sheet: string,
  marks: HighlightMark[],
): Promise<void> {
  session.requireApi();
  if (marks.length === 0) return;
  const byCell = new Map<string, HighlightMark>();
  for (const m of marks) if (!byCell.has(m.cell)) byCell.set(m.cell, m);
  const cells = [...byCell.keys()];
  const rich = session.has("1.9");
  const read = await readRecordWith(session, sheet, (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    ws.protection.load("protected");
    const getters = cells.map((cell) => {
      const r = ws.getRange(cell);
      if (rich) {
        const p = r.getCellProperties({ format: { fill: { color: true, pattern: true } } });
        return () => fillOf(p.value[0]?.[0]) ?? null;
      }
      r.format.fill.load("color");
      return () => legacyFill(r.format.fill.color);
    });
    return () => ({ protected: ws.protection.protected, fills: getters.map((g) => g()) });
  });
  if (read.extra.protected) throw protectedError(sheet);
  if (read.workbookProtected && !read.exists) throw workbookProtectedError();
  const record = recordHighlighted(
    read.record,
    sheet,
    cells.map((cell, i) => ({ cell, fill: read.extra.fills[i] })),
  );
  const settings = session.mergedSettings(read.settings);
  await session.run(sheet, async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    for (const [cell, m] of byCell) ws.getRange(cell).format.fill.color = m.color;
    queueRecord(session, ctx, read.exists, record, settings);
    await ctx.sync();
  });
  keepRecord(session, sheet, record);
}

export async function clearHighlights(session: OfficeSession, sheet: string): Promise<void> {
  session.requireApi();
  const read = await readRecordWith(session, sheet, (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    ws.protection.load("protected");
    return () => ws.protection.protected;
  });
  const entry = read.record.highlights.find((h) => h.sheet === sheet);
  if (!entry || entry.cells.length === 0) return;
  if (read.extra) throw protectedError(sheet);
  const record = recordUnhighlighted(read.record, sheet);
  const settings = session.mergedSettings(read.settings);
  await session.run(sheet, async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    for (const c of entry.cells) {
      const r = ws.getRange(c.cell);
      if (c.fill === null) r.format.fill.clear();
      else r.format.fill.color = c.fill;
    }
    queueRecord(session, ctx, true, record, settings);
    await ctx.sync();
  });
  keepRecord(session, sheet, record);
}
