/**
 * Indicator rows from the library inserted into the current table: below the selected row
 * when it lies in a table, else at the end of the first table found.
 */
/* The office-addins load/sync rules check one function at a time; here loads are queued by
 * helpers and read after their caller's sync. The tests' fake request context throws on any
 * property read before it was loaded and synced, which checks what these rules cannot. */
/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load */
import { uiMessage } from "../../i18n/catalog";
import { resolveProfile } from "../../core";
import { analyzeRead } from "../../sheet";
import { address as a1 } from "../../sheet/address";
import { splitTarget } from "../../templates";
import type { IndicatorTemplateRow } from "../../templates/types";
import { HostError } from "../host";
import { protectedError, sheetLabel } from "./errors";
import type { OfficeSession } from "./session";
import { readState } from "./sheet-state";

export async function insertIndicatorRows(
  session: OfficeSession,
  rows: IndicatorTemplateRow[],
): Promise<number> {
  session.requireApi();
  if (rows.length === 0) return 0;
  const selected = await session.run(undefined, async (ctx) => {
    const sel = ctx.workbook.getSelectedRange();
    sel.load("rowIndex");
    await ctx.sync();
    return sel.rowIndex + 1;
  });
  const state = await readState(session);
  const sheet = state.grid.sheet;
  if (state.grid.protected) throw protectedError(sheet);
  const settings = session.mergedSettings(state.recordSettings);
  const profile = resolveProfile(settings.profile ?? null);
  const { tables } = analyzeRead({ grid: state.grid, record: state.record, settings }, { profile });
  // The table holding the selected row, else the first one found.
  const found = tables.filter((a) => a.layout !== null);
  const layout = (
    found.find((a) => selected >= a.layout!.firstRow && selected <= a.layout!.lastRow) ?? found[0]
  )?.layout;
  if (!layout)
    throw new HostError("UNREADABLE", uiMessage("office.err.noTable", { sheet: sheetLabel(sheet) }));
  const inside = selected >= layout.firstRow && selected <= layout.lastRow;
  const at = (inside ? selected : layout.lastRow) + 1;
  const n = rows.length;
  const cols = layout.columns;
  // Where merged areas cannot be read (ExcelApi < 1.13) a level cell may lie inside one:
  // the levels are then left to the person, never written into a hidden merged cell.
  const merged = (col: number | undefined) =>
    col !== undefined &&
    (state.grid.mergesKnown === false ||
      state.grid.merges.some((m) => m.left <= col && col <= m.right && m.top < at && at <= m.bottom));
  await session.run(sheet, async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    ws.getRange(`${at}:${at + n - 1}`).insert("Down");
    rows.forEach((row, i) => {
      const r = at + i;
      const put = (col: number | undefined, v: string | number | undefined) => {
        if (col !== undefined && v !== undefined && v !== "") ws.getRange(a1(r, col)).values = [[v]];
      };
      if (!merged(cols.level1)) put(cols.level1, row.level1);
      if (!merged(cols.level2)) put(cols.level2, row.level2);
      put(cols.name, row.name);
      if (cols.direction !== undefined || cols.unit !== undefined) {
        // L2: 指标性质 | 指标值 | 度量单位 in their own columns.
        const split = splitTarget(row);
        put(cols.direction, split.direction ?? undefined);
        put(cols.target, split.value ?? undefined);
        put(cols.unit, split.unit ?? undefined);
      } else {
        put(cols.target, row.target);
      }
      put(cols.weight, row.weight);
    });
    await ctx.sync();
  });
  session.states.delete(sheet);
  return n;
}
