/** Writes a standard table (TEMPLATES.md) into an exceljs worksheet or a fresh .xlsx file. */
import ExcelJS from "exceljs";
import { parseRange } from "../../sheet/address";
import { buildTemplate } from "../../templates";
import type { TemplateCell, TemplateKind, TemplateOptions, TemplateSheet } from "../../templates/types";

const FONT = "宋体";
const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };

/** `#RRGGBB` → exceljs ARGB. */
function argb(color: string): string {
  return "FF" + color.replace(/^#/, "").toUpperCase();
}

function forEachCell(ws: ExcelJS.Worksheet, range: string, fn: (cell: ExcelJS.Cell) => void): void {
  const r = parseRange(range);
  if (!r) return;
  for (let row = r.top; row <= r.bottom; row++) {
    for (let col = r.left; col <= r.right; col++) fn(ws.getCell(row, col));
  }
}

/** The style of one template cell, as a fresh object (exceljs shares style objects between cells). */
function styleOf(c: TemplateCell): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {
    font: { name: FONT, size: c.size ?? 11, bold: c.bold ?? false },
    alignment: { vertical: "middle", horizontal: c.align ?? "left", wrapText: c.wrap ?? false },
  };
  if (c.numFmt) style.numFmt = c.numFmt;
  if (c.fill) style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(c.fill) } };
  return style;
}

/**
 * Writes `sheet` into `ws` (expected empty): values, formulas, fonts, alignment, fills, number
 * formats, merges, column widths, row heights, borders and data validations.
 */
export function writeTemplateSheet(ws: ExcelJS.Worksheet, sheet: TemplateSheet): void {
  sheet.widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  for (const h of sheet.heights ?? []) ws.getRow(h.row).height = h.height;

  const styled = new Map<string, Partial<ExcelJS.Style>>();
  for (const c of sheet.cells) {
    const cell = ws.getCell(c.cell);
    if (c.formula !== undefined) {
      const formula = c.formula.replace(/^=/, "");
      cell.value = c.value === null ? { formula } : { formula, result: c.value };
    } else {
      cell.value = c.value;
    }
    const style = styleOf(c);
    styled.set(c.cell, style);
    cell.style = style;
  }

  // Every cell of the border range gets thin borders, merged areas included, so that the
  // frame shows whichever cell of a merge the application draws from.
  forEachCell(ws, sheet.borderRange, (cell) => {
    const base = styled.get(cell.address) ?? { font: { name: FONT, size: 11 } };
    cell.style = {
      ...base,
      border: { top: { ...THIN }, left: { ...THIN }, bottom: { ...THIN }, right: { ...THIN } },
    };
  });

  for (const m of sheet.merges) ws.mergeCells(m);

  for (const v of sheet.validations) {
    const list = `"${v.list.join(",")}"`;
    forEachCell(ws, v.range, (cell) => {
      cell.dataValidation = {
        type: "list",
        allowBlank: true,
        formulae: [list],
        showErrorMessage: true,
        errorStyle: "stop",
        errorTitle: sheet.errorTitle,
        ...(v.error ? { error: v.error } : {}),
      };
    });
  }
  for (const v of sheet.decimalValidations ?? []) {
    forEachCell(ws, v.range, (cell) => {
      cell.dataValidation = {
        type: "decimal",
        operator: "between",
        allowBlank: true,
        formulae: [v.min, v.max],
        showErrorMessage: true,
        errorStyle: "stop",
        errorTitle: sheet.errorTitle,
        ...(v.error ? { error: v.error } : {}),
      };
    });
  }

  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: "landscape",
    paperSize: 9,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
  };
}

/** A fresh .xlsx holding one standard table. */
export async function renderTemplateXlsx(kind: TemplateKind, options?: TemplateOptions): Promise<Uint8Array> {
  const sheet = buildTemplate(kind, options);
  const wb = new ExcelJS.Workbook();
  wb.creator = "jixiao";
  writeTemplateSheet(wb.addWorksheet(sheet.name), sheet);
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
