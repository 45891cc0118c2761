/**
 * A reference workbook (../shared/reference) loaded into the workbook model as Excel would
 * hold it: values, cached formula results, number formats, fills, merges, hidden rows.
 */
import path from "node:path";
import ExcelJS from "exceljs";
import { FakeWorkbook, type FakeCell, type FakeOptions, type FakeValue } from "./fake-excel";
import { REFERENCE_DIR as REF } from "./expected";

/** Excel's serial number of a date (what Office.js reports for a date cell). */
function serial(d: Date): number {
  return (d.getTime() - Date.UTC(1899, 11, 30)) / 86400000;
}

function fakeCell(cell: ExcelJS.Cell): FakeCell | null {
  const v = cell.value as unknown;
  const numFmt = cell.numFmt && cell.numFmt !== "General" ? cell.numFmt : undefined;
  const argb = (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
  const fill =
    (cell.fill as ExcelJS.FillPattern | undefined)?.pattern === "solid" && argb
      ? `#${argb.slice(-6).toUpperCase()}`
      : undefined;
  const base = { ...(numFmt ? { numFmt } : {}), ...(fill ? { fill } : {}) };
  const plain = (x: unknown): FakeValue => (x instanceof Date ? serial(x) : (x as FakeValue));
  if (v === null || v === undefined) return numFmt || fill ? { value: null, ...base } : null;
  if (typeof v === "object" && !(v instanceof Date)) {
    const o = v as Record<string, unknown>;
    if ("formula" in o || "sharedFormula" in o) {
      const result = o.result as unknown;
      const isErr = !!result && typeof result === "object" && "error" in (result as object);
      return {
        value: isErr ? String((result as { error: string }).error) : plain(result ?? null),
        formula: `=${String(o.formula ?? o.sharedFormula)}`,
        ...(isErr ? { error: true } : {}),
        ...base,
      };
    }
    if ("richText" in o)
      return { value: (o.richText as { text: string }[]).map((r) => r.text).join(""), ...base };
    if ("error" in o) return { value: String(o.error), error: true, ...base };
    if ("text" in o) return { value: String(o.text), ...base };
  }
  return { value: plain(v), ...base };
}

const VISIBILITY = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" } as const;

/** `file`: a name in ../shared/reference, or an absolute path. Sheet visibility is kept. */
export async function loadIntoFake(file: string, opts: FakeOptions = {}): Promise<FakeWorkbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.resolve(REF, file));
  // Merged areas (ExcelApi 1.13) decide where draft notes may go: the reference plan needs them.
  const book = new FakeWorkbook({ api: "1.18", ...opts });
  wb.eachSheet((ws) => {
    const sheet = book.addSheet(ws.name);
    sheet.visibility = VISIBILITY[ws.state as keyof typeof VISIBILITY] ?? "Visible";
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      if (row.hidden) sheet.hiddenRows.add(r);
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        if (cell.isMerged && cell.master !== cell) return;
        const fc = fakeCell(cell);
        if (fc) sheet.cells.set(sheet.key(r, c), fc);
      });
    });
    for (const m of (ws.model as unknown as { merges?: string[] }).merges ?? []) sheet.merge(m);
  });
  const first = wb.worksheets.find((w) => /自评/.test(w.name)) ?? wb.worksheets[0];
  book.activeName = first.name;
  return book;
}
