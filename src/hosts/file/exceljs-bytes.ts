/**
 * Serialising a workbook built with exceljs (templates, the 问题清单): texts are escaped as
 * Excel stores them (`_xHHHH_`), so control characters survive; the caller's values are kept.
 */
import ExcelJS from "exceljs";
import { escapeXmlText } from "./package/xml";

const T_STRING = 3;
const T_HYPERLINK = 5;
const T_SHARED_STRING = 7;
const T_RICH_TEXT = 8;

type RichTextRun = ExcelJS.RichText;

function escapeRuns(runs: RichTextRun[]): RichTextRun[] | null {
  let changed = false;
  const out = runs.map((r) => {
    const text = escapeXmlText(r.text);
    if (text === r.text) return r;
    changed = true;
    return { ...r, text };
  });
  return changed ? out : null;
}

/** An escaped copy of a text-bearing value, or null when it needs none. */
function escapedValue(v: unknown): unknown {
  if (typeof v === "string") {
    const e = escapeXmlText(v);
    return e === v ? null : e;
  }
  if (!v || typeof v !== "object") return null;
  const o = v as { richText?: RichTextRun[]; text?: unknown; hyperlink?: string };
  if (Array.isArray(o.richText)) {
    const runs = escapeRuns(o.richText);
    return runs ? { ...o, richText: runs } : null;
  }
  if (typeof o.hyperlink === "string" && o.text !== undefined) {
    const text = escapedValue(o.text);
    return text === null ? null : { ...o, text };
  }
  return null;
}

/**
 * Escapes every text cell, rich-text run and note of the workbook for writing (R-WRITE-1:
 * untouched cells keep their text). Returns the function that puts the values back.
 */
function escapeTexts(wb: ExcelJS.Workbook): () => void {
  const undo: (() => void)[] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow((row) => {
      row.eachCell((cell) => {
        const type = cell.type as number;
        if (type === T_STRING || type === T_RICH_TEXT || type === T_HYPERLINK || type === T_SHARED_STRING) {
          const original = cell.value;
          const escaped = escapedValue(original);
          if (escaped !== null) {
            cell.value = escaped as ExcelJS.CellValue;
            undo.push(() => {
              cell.value = original;
            });
          }
        }
        const note = cell.note as unknown;
        if (note !== undefined && note !== null) {
          const texts = typeof note === "object" ? (note as { texts?: RichTextRun[] }).texts : undefined;
          const escaped =
            typeof note === "string"
              ? escapedValue(note)
              : Array.isArray(texts) && escapeRuns(texts)
                ? { ...(note as object), texts: escapeRuns(texts) }
                : null;
          if (escaped !== null) {
            cell.note = escaped as ExcelJS.Comment;
            undo.push(() => {
              cell.note = note as ExcelJS.Comment;
            });
          }
        }
      });
    });
  }
  return () => {
    for (let i = undo.length - 1; i >= 0; i--) undo[i]();
  };
}

/**
 * Serialises a workbook to .xlsx bytes. Texts are escaped as Excel stores them while writing
 * (see `escapeXmlText`) and put back afterwards: the caller's values are unchanged.
 */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const restore = escapeTexts(wb);
  try {
    const buf = await wb.xlsx.writeBuffer();
    return buf instanceof Uint8Array ? buf : new Uint8Array(buf as ArrayBuffer);
  } finally {
    restore();
  }
}
