/** A standard table (TEMPLATES.md) inserted as a new sheet of the open workbook. */
import type { Locale } from "../../i18n/catalog";
import { columnLetters } from "../../sheet/address";
import { buildTemplate } from "../../templates";
import type { TemplateKind, TemplateSheet } from "../../templates/types";
import { workbookProtectedError } from "./errors";
import type { OfficeSession } from "./session";

/** Inserts the table as a new sheet (named after it, made unique) and shows it; returns its name. */
export async function insertTemplateSheet(
  session: OfficeSession,
  kind: TemplateKind,
  locale?: Locale,
): Promise<string> {
  session.requireApi();
  const tpl = buildTemplate(kind, { locale });
  const names = await session.run(undefined, async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    sheets.load("items/name");
    ctx.workbook.protection.load("protected");
    await ctx.sync();
    if (ctx.workbook.protection.protected) throw workbookProtectedError();
    return sheets.items.map((s) => s.name);
  });
  const name = uniqueName(tpl.name, names);
  await session.run(name, async (ctx) => {
    const ws = ctx.workbook.worksheets.add(name);
    queueTemplate(ws, tpl, session.has("1.8"));
    ws.activate();
    await ctx.sync();
  });
  return name;
}

/** A sheet name Excel accepts, not yet taken (case-insensitive): `名称(2)`, `名称(3)`, … */
export function uniqueName(base: string, taken: string[]): string {
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  const clean = base.replace(/[\\/?*[\]:]/g, "").slice(0, 31) || "Sheet";
  if (!lower.has(clean.toLowerCase())) return clean;
  for (let i = 2; ; i++) {
    const name = `${clean.slice(0, 31 - String(i).length - 2)}(${i})`;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

/** Queues the template's widths, heights, merges, cells, borders and (ExcelApi 1.8) input checks. */
function queueTemplate(ws: Excel.Worksheet, tpl: TemplateSheet, validations: boolean): void {
  tpl.widths.forEach((w, i) => {
    const col = columnLetters(i + 1);
    ws.getRange(`${col}:${col}`).format.columnWidth = Math.round(w * 5.6 + 4);
  });
  for (const h of tpl.heights ?? []) ws.getRange(`${h.row}:${h.row}`).format.rowHeight = h.height;
  for (const m of tpl.merges) ws.getRange(m).merge(false);
  for (const c of tpl.cells) {
    const r = ws.getRange(c.cell);
    if (c.numFmt) r.numberFormat = [[c.numFmt]];
    if (c.formula) r.formulas = [[c.formula.startsWith("=") ? c.formula : `=${c.formula}`]];
    else if (c.value !== null) r.values = [[c.value]];
    if (c.bold) r.format.font.bold = true;
    if (c.size) r.format.font.size = c.size;
    if (c.wrap) r.format.wrapText = true;
    if (c.align)
      r.format.horizontalAlignment = c.align === "left" ? "Left" : c.align === "right" ? "Right" : "Center";
    if (c.fill) r.format.fill.color = c.fill;
  }
  if (tpl.borderRange) {
    const b = ws.getRange(tpl.borderRange).format.borders;
    for (const edge of [
      "EdgeTop",
      "EdgeBottom",
      "EdgeLeft",
      "EdgeRight",
      "InsideVertical",
      "InsideHorizontal",
    ] as const)
      b.getItem(edge).style = "Continuous";
  }
  if (!validations) return;
  for (const v of tpl.validations) {
    const dv = ws.getRange(v.range).dataValidation;
    dv.rule = { list: { inCellDropDown: true, source: v.list.join(",") } };
    if (v.error) dv.errorAlert = { message: v.error, showAlert: true, style: "Stop", title: tpl.errorTitle };
  }
  for (const v of tpl.decimalValidations ?? []) {
    const dv = ws.getRange(v.range).dataValidation;
    dv.rule = { decimal: { formula1: v.min, formula2: v.max, operator: "Between" } };
    if (v.error) dv.errorAlert = { message: v.error, showAlert: true, style: "Stop", title: tpl.errorTitle };
  }
}
