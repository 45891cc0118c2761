/**
 * A worksheet part as the sheet layer sees it (GridSnapshot): values (formulas give their
 * cached result and `f`, errors `err`, rich text its text), number formats, merges (only a
 * merge's anchor holds a value), hidden rows and columns, protection. Every cell an array,
 * data-table or shared formula covers is a formula cell (R-WRITE-3).
 */
import { columnLetters, columnNumber, parseRange } from "../../../sheet/address";
import type { CellValue, GridCell, GridSnapshot, MergeArea } from "../../../sheet/types";
import { isDateFormat, type StylesPart } from "./styles";
import { localName, readXml, unescapeXmlText } from "./xml";

export interface ReadContext {
  strings: readonly string[];
  styles: StylesPart;
  date1904: boolean;
  /** Called once per cell read; throws to stop (the cell limit). */
  countCell(): void;
}

const isTrue = (v: string | undefined) => v === "1" || v === "true";

/** Excel's serial day number as a date (as exceljs converts it). */
export function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

const CELL_REF = /^([A-Za-z]{1,3})(\d+)$/;
const CANDIDATE = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const CR = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;

/** A shared formula written for `from`, moved to `to` (relative references shift). */
export function slideFormula(
  formula: string,
  from: { row: number; col: number },
  to: { row: number; col: number },
): string {
  return formula.replace(
    CANDIDATE,
    (match: string, sheet: string | undefined, _s, addr: string, paren?: string) => {
      if (paren) return match;
      const m = CR.exec(addr);
      if (!m) return match;
      const colStr = m[2].toUpperCase();
      if (colStr.length > 3 || (colStr.length === 3 && colStr > "XFD")) return match;
      let col = columnNumber(colStr);
      let row = Number(m[4]);
      if (!m[1]) col += to.col - from.col;
      if (!m[3]) row += to.row - from.row;
      return `${sheet ?? ""}${m[1] ?? ""}${columnLetters(col)}${m[3] ?? ""}${row}`;
    },
  );
}

/**
 * Reads one worksheet part into a snapshot named `sheet`. `partial`: `xml` is only the start of
 * the part (the first rows, for choosing a sheet); what it holds is read, merges and hidden
 * columns further on are not seen.
 */
export function readGrid(xml: string, sheet: string, ctx: ReadContext, partial = false): GridSnapshot {
  const cells = new Map<number, GridCell>();
  const key = (r: number, c: number) => r * 16384 + c;
  const merges: MergeArea[] = [];
  const hiddenRows: number[] = [];
  const hiddenCols = new Set<number>();
  const covered: { area: MergeArea; f: string; master: number }[] = [];
  const shared = new Map<string, { f: string; row: number; col: number }>();
  let isProtected = false;

  let row = 0;
  let col = 0;
  let inCell = false;
  let cs = 0;
  let ct: string | undefined;
  let fAttrs: Record<string, string> | null = null;
  let fText = "";
  let vText: string | null = null;
  let where: "v" | "f" | "t" | null = null;
  let inRph = 0;
  let inIs = false;
  let inSheetData = false;

  readXml(
    xml,
    {
      open(name, a, _s, _e, sc) {
        const n = localName(name);
        if (inCell) {
          if (n === "f") {
            fAttrs = a;
            fText = "";
            where = "f";
          } else if (n === "v") where = "v";
          else if (n === "is") inIs = true;
          else if (n === "rPh") inRph++;
          else if (n === "t" && inIs && inRph === 0) {
            where = "t";
            if (vText === null) vText = "";
          }
          if (sc && where !== null) where = null;
          return;
        }
        if (n === "sheetData") inSheetData = !sc;
        else if (n === "row" && inSheetData) {
          row = a.r ? Number(a.r) : row + 1;
          col = 0;
          if (isTrue(a.hidden)) hiddenRows.push(row);
        } else if (n === "c" && inSheetData) {
          const m = a.r ? CELL_REF.exec(a.r) : null;
          if (m) {
            col = columnNumber(m[1]);
            row = Number(m[2]);
          } else col++;
          ctx.countCell();
          cs = a.s ? Number(a.s) || 0 : 0;
          ct = a.t;
          fAttrs = null;
          fText = "";
          vText = null;
          where = null;
          inIs = false;
          inRph = 0;
          if (sc) finishCell();
          else inCell = true;
        } else if (n === "mergeCell" && a.ref) {
          const m = parseRange(a.ref);
          if (m) merges.push(m);
        } else if (n === "col") {
          if (isTrue(a.hidden)) {
            const min = Number(a.min);
            const max = Math.min(Number(a.max), 16384);
            for (let c = min; c <= max; c++) hiddenCols.add(c);
          }
        } else if (n === "sheetProtection") isProtected = isTrue(a.sheet);
      },
      close(name) {
        const n = localName(name);
        if (n === "sheetData") inSheetData = false;
        if (!inCell) return;
        if (n === "c") {
          inCell = false;
          finishCell();
        } else if (n === "f" || n === "v" || n === "t") where = null;
        else if (n === "rPh") inRph--;
        else if (n === "is") inIs = false;
      },
      text(t) {
        if (!inCell || where === null) return;
        if (where === "f") fText += t;
        else vText = (vText ?? "") + t;
      },
    },
    partial,
  );

  function finishCell(): void {
    const fmt = cs ? ctx.styles.numFmtOf(cs) : undefined;
    const out: GridCell = { v: null };
    if (fmt && fmt !== "General") out.fmt = fmt;
    const fa = fAttrs as Record<string, string> | null;
    const shareType = fa?.t;
    if (fa && (fText !== "" || shareType)) {
      let f = fText;
      if (shareType === "shared" && fa.si !== undefined) {
        if (fa.ref && f !== "") shared.set(fa.si, { f, row, col });
        else if (f === "") {
          const master = shared.get(fa.si);
          if (master) f = slideFormula(master.f, master, { row, col });
        }
      }
      if (shareType === "dataTable") f = `TABLE(${fa.r1 ?? ""}${fa.r2 ? `,${fa.r2}` : ""})`;
      if ((shareType === "array" || shareType === "dataTable") && fa.ref) {
        const area = parseRange(fa.ref);
        if (area) covered.push({ area, f, master: key(row, col) });
      }
      if (f !== "") out.f = f.startsWith("=") ? f.slice(1) : f;
      if (vText !== null && vText !== "") {
        if (ct === "str") out.v = unescapeXmlText(vText);
        else if (ct === "b") out.v = Number.parseInt(vText, 10) !== 0;
        else if (ct === "e") {
          out.v = vText;
          out.err = true;
        } else {
          const x = Number.parseFloat(vText);
          out.v = isDateFormat(fmt) ? excelDate(x, ctx.date1904) : x;
        }
      }
    } else if (vText !== null && ct === "e") {
      out.v = vText;
      out.err = true;
    } else if (vText !== null) {
      out.v = cellValue(vText);
    }
    if (out.v === null && out.f === undefined && out.fmt === undefined) return;
    cells.set(key(row, col), out);
  }

  function cellValue(text: string): CellValue {
    switch (ct) {
      case "s": {
        const s = ctx.strings[Number.parseInt(text, 10)];
        return s === undefined || s === "" ? null : s;
      }
      case "str":
      case "inlineStr": {
        const s = unescapeXmlText(text);
        return s === "" ? null : s;
      }
      case "b":
        return Number.parseInt(text, 10) !== 0;
      default: {
        const x = Number.parseFloat(text);
        return isDateFormat(cs ? ctx.styles.numFmtOf(cs) : undefined) ? excelDate(x, ctx.date1904) : x;
      }
    }
  }

  // R-WRITE-3: every cell of an array or data-table range holds the formula.
  for (const { area, f, master } of covered) {
    for (let r = area.top; r <= area.bottom; r++)
      for (let c = area.left; c <= area.right; c++) {
        const k = key(r, c);
        if (k === master) continue;
        const cell = cells.get(k);
        const formula = f.startsWith("=") ? f.slice(1) : f;
        if (cell) cell.f = formula;
        else cells.set(k, { v: null, f: formula });
      }
  }

  return snapshot(
    sheet,
    cells,
    merges,
    hiddenRows,
    [...hiddenCols].sort((a, b) => a - b),
    isProtected,
  );
}

function snapshot(
  sheet: string,
  cells: Map<number, GridCell>,
  merges: MergeArea[],
  hiddenRows: number[],
  hiddenCols: number[],
  isProtected: boolean,
): GridSnapshot {
  // Only the anchor of a merged area holds a value.
  for (const m of merges)
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) cells.delete(r * 16384 + c);
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  for (const [k, cell] of cells) {
    // A formatted empty cell is kept when inside the range, but does not widen it.
    if (cell.v === null && cell.f === undefined) continue;
    const r = Math.floor(k / 16384);
    const c = k % 16384;
    if (r < top) top = r;
    if (r > bottom) bottom = r;
    if (c < left) left = c;
    if (c > right) right = c;
  }
  for (const m of merges) {
    if (m.top < top) top = m.top;
    if (m.left < left) left = m.left;
    if (m.bottom > bottom) bottom = m.bottom;
    if (m.right > right) right = m.right;
  }
  const base = { sheet, merges, hiddenRows, hiddenCols, protected: isProtected };
  if (bottom === 0) return { ...base, top: 1, left: 1, cells: [] };
  const height = bottom - top + 1;
  const width = right - left + 1;
  const grid: (GridCell | null)[][] = new Array(height);
  for (let r = 0; r < height; r++) grid[r] = new Array<GridCell | null>(width).fill(null);
  for (const [k, cell] of cells) {
    const r = Math.floor(k / 16384);
    const c = k % 16384;
    if (r < top || r > bottom || c < left || c > right) continue;
    grid[r - top][c - left] = cell;
  }
  return { ...base, top, left, cells: grid };
}

/** Shared strings: each item's text (rich-text runs joined, phonetic runs left out). */
export function readSharedStrings(xml: string, countString: () => void): string[] {
  const out: string[] = [];
  let cur: string | null = null;
  let inT = false;
  let rph = 0;
  readXml(xml, {
    open(name, _a, _s, _e, sc) {
      const n = localName(name);
      if (n === "si") {
        cur = "";
        countString();
        if (sc) {
          out.push("");
          cur = null;
        }
      } else if (n === "rPh") rph += sc ? 0 : 1;
      else if (n === "t" && cur !== null && rph === 0 && !sc) inT = true;
    },
    close(name, _s, _e, sc) {
      const n = localName(name);
      if (n === "si" && cur !== null) {
        out.push(unescapeXmlText(cur));
        cur = null;
      } else if (n === "rPh" && !sc) rph--;
      else if (n === "t") inT = false;
    },
    text(t) {
      if (inT && cur !== null) cur += t;
    },
  });
  return out;
}
