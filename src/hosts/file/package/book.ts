/**
 * A workbook package opened for reading and patching: its sheets, grids, cell notes and the
 * program's record sheet. Reads inflate only the parts asked for; writes splice the changed
 * parts and leave every other part as it was.
 */
import { RECORD_SHEET } from "../../../sheet/record";
import type { GridSnapshot } from "../../../sheet/types";
import { countOf, overLimit, readError, tooLarge } from "../read-errors";
import { addRel, CONTENT_TYPE, ensureContentType, insertBeforeClose, readRels, REL } from "./opc";
import { readGrid, readSharedStrings } from "./sheet-read";
import { StylesPart } from "./styles";
import { escapeXmlText, localName, readXml, scanXml, setAttrs, splice, xmlAttr, xmlText } from "./xml";
import { currentLimits, ZipPackage } from "./zip";

export interface SheetEntry {
  name: string;
  /** The part holding the sheet. */
  path: string;
  state: string;
}

export const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
export const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return false;
  return true;
}

/**
 * Names of the streams and storages of an OLE compound file (CFB), read from its directory.
 * An encrypted .xlsx is such a file with an `EncryptionInfo` stream; an .xls has `Workbook`
 * (or `Book`, Excel 5/95).
 */
export function oleEntryNames(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sectorSize = 1 << view.getUint16(0x1e, true);
  if (sectorSize !== 512 && sectorSize !== 4096) return [];
  const sectorOffset = (s: number) => (s + 1) * sectorSize;
  const u32 = (off: number) => (off + 4 <= bytes.length ? view.getUint32(off, true) : 0xffffffff);
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = u32(0x4c + i * 4);
    if (s >= 0xfffffffa) break;
    fatSectors.push(s);
  }
  let difat = u32(0x44);
  for (let guard = 0; difat < 0xfffffffa && guard < 1000; guard++) {
    const base = sectorOffset(difat);
    const per = sectorSize / 4 - 1;
    for (let i = 0; i < per; i++) {
      const s = u32(base + i * 4);
      if (s < 0xfffffffa) fatSectors.push(s);
    }
    difat = u32(base + per * 4);
  }
  const perFat = sectorSize / 4;
  const next = (s: number): number => {
    const fs = fatSectors[Math.floor(s / perFat)];
    if (fs === undefined) return 0xfffffffe;
    return u32(sectorOffset(fs) + (s % perFat) * 4);
  };
  const names: string[] = [];
  let dir = u32(0x30);
  const seen = new Set<number>();
  while (dir < 0xfffffffa && !seen.has(dir) && sectorOffset(dir) < bytes.length) {
    seen.add(dir);
    const base = sectorOffset(dir);
    for (let e = 0; e < sectorSize / 128; e++) {
      const off = base + e * 128;
      if (off + 128 > bytes.length) break;
      const len = view.getUint16(off + 0x40, true);
      if (len < 2 || len > 64) continue;
      let name = "";
      for (let k = 0; k < len / 2 - 1; k++) name += String.fromCharCode(view.getUint16(off + k * 2, true));
      names.push(name);
    }
    dir = next(dir);
  }
  return names;
}

/** How much of a sheet's XML a peek reads (the first rows; a self-evaluation sheet is far smaller). */
export const PEEK_BYTES = 1024 * 1024;

export class PackageBook {
  readonly sheets: SheetEntry[] = [];
  date1904 = false;
  private strings?: string[];
  private stylesPart?: StylesPart;
  private readonly grids = new Map<string, GridSnapshot>();
  private cellsRead = 0;

  private constructor(
    readonly pkg: ZipPackage,
    readonly fileName: string,
    readonly workbookPath: string,
  ) {}

  /** Opens a package; anything else is a `FileReadError` with one clear line. */
  static open(data: ArrayBuffer | Uint8Array, fileName: string): PackageBook {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    const limits = currentLimits();
    if (bytes.length > limits.fileBytes) throw tooLarge(fileName, limits.fileBytes);
    if (bytes.length === 0) throw readError("empty", fileName);
    if (startsWith(bytes, OLE_MAGIC)) {
      let names: string[] = [];
      try {
        names = oleEntryNames(bytes);
      } catch {
        names = [];
      }
      if (names.includes("EncryptionInfo") || names.includes("EncryptedPackage"))
        throw readError("encrypted", fileName);
      if (names.includes("Workbook") || names.includes("Book")) throw readError("xls", fileName);
      throw readError("not-xlsx", fileName);
    }
    if (!startsWith(bytes, ZIP_MAGIC)) throw readError("not-xlsx", fileName);
    const pkg = ZipPackage.open(bytes, fileName);
    if (!pkg.has("[Content_Types].xml") && !pkg.has("xl/workbook.xml")) throw readError("not-xlsx", fileName);
    try {
      const main = readRels(pkg, "").find((r) => r.type === REL.officeDocument)?.target ?? "xl/workbook.xml";
      if (!pkg.has(main)) throw readError("damaged", fileName);
      const book = new PackageBook(pkg, fileName, main);
      book.readWorkbook();
      if (book.sheets.length === 0) throw readError("damaged", fileName);
      return book;
    } catch (e) {
      if (e instanceof Error && e.name === "FileReadError") throw e;
      throw readError("damaged", fileName);
    }
  }

  private readWorkbook(): void {
    const rels = new Map(readRels(this.pkg, this.workbookPath).map((r) => [r.id, r]));
    const xml = this.pkg.text(this.workbookPath)!;
    readXml(xml, {
      open: (name, a) => {
        const n = localName(name);
        if (n === "workbookPr") this.date1904 = a.date1904 === "1" || a.date1904 === "true";
        if (n !== "sheet" || a.name === undefined) return;
        const id = Object.entries(a).find(([k]) => k === "r:id" || k.endsWith(":id"))?.[1];
        const rel = id ? rels.get(id) : undefined;
        if (!rel || rel.type !== REL.worksheet || !this.pkg.has(rel.target)) return;
        this.sheets.push({ name: a.name, path: rel.target, state: a.state ?? "visible" });
      },
    });
    const limits = currentLimits();
    if (this.sheets.length > limits.sheets)
      throw overLimit(this.fileName, "sheets", countOf(this.sheets.length), countOf(limits.sheets));
  }

  private countCell = (): void => {
    const limit = currentLimits().cells;
    if (++this.cellsRead > limit)
      throw overLimit(this.fileName, "cells", countOf(limit, true), countOf(limit));
  };

  /** The styles part (parsed once). */
  styles(): StylesPart {
    if (!this.stylesPart) {
      const path = readRels(this.pkg, this.workbookPath).find((r) => r.type === REL.styles)?.target;
      this.stylesPart = new StylesPart((path && this.pkg.text(path)) || "");
    }
    return this.stylesPart;
  }

  /** Writes the styles part back when styles were added. */
  saveStyles(): void {
    const styles = this.stylesPart;
    if (!styles?.changed()) return;
    const rels = readRels(this.pkg, this.workbookPath);
    let path = rels.find((r) => r.type === REL.styles)?.target;
    if (!path) {
      path = "xl/styles.xml";
      addRel(this.pkg, this.workbookPath, REL.styles, path);
      ensureContentType(
        this.pkg,
        path,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
      );
    }
    this.pkg.setText(path, styles.toXml());
    this.stylesPart = new StylesPart(this.pkg.text(path)!);
  }

  sharedStrings(): string[] {
    if (!this.strings) {
      const path = readRels(this.pkg, this.workbookPath).find((r) => r.type === REL.sharedStrings)?.target;
      const xml = path ? this.pkg.text(path) : undefined;
      this.strings = xml ? readSharedStrings(xml, this.countCell) : [];
    }
    return this.strings;
  }

  sheet(name: string): SheetEntry | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** The snapshot of a sheet (read once, until the sheet is changed). */
  grid(name: string): GridSnapshot {
    const cached = this.grids.get(name);
    if (cached) return cached;
    const entry = this.sheet(name);
    if (!entry) throw new Error(`no sheet ${name}`);
    let grid: GridSnapshot;
    try {
      grid = readGrid(this.pkg.text(entry.path)!, name, {
        strings: this.sharedStrings(),
        styles: this.styles(),
        date1904: this.date1904,
        countCell: this.countCell,
      });
    } catch (e) {
      if (e instanceof Error && e.name === "FileReadError") throw e;
      throw readError("damaged", this.fileName);
    }
    this.grids.set(name, grid);
    return grid;
  }

  /**
   * The first rows of a sheet, for choosing which sheet to score without reading every sheet
   * whole: the sheet's own snapshot (`whole`) when its part is at most `maxBytes` of XML, else
   * a snapshot of the rows in its first `maxBytes` (merges, written after the cells, unseen).
   * A partial peek is not counted against the cell limit; it is bounded by `maxBytes`.
   */
  peek(name: string, maxBytes = PEEK_BYTES): { grid: GridSnapshot; whole: boolean } {
    const entry = this.sheet(name);
    if (!entry) throw new Error(`no sheet ${name}`);
    if (this.grids.has(name) || this.pkg.size(entry.path) <= maxBytes)
      return { grid: this.grid(name), whole: true };
    let prefix: { text: string; whole: boolean } | undefined;
    try {
      prefix = this.pkg.prefixText(entry.path, maxBytes);
    } catch (e) {
      if (e instanceof Error && e.name === "FileReadError") throw e;
      throw readError("damaged", this.fileName);
    }
    if (!prefix || prefix.whole) return { grid: this.grid(name), whole: true };
    try {
      const grid = readGrid(
        prefix.text,
        name,
        {
          strings: this.sharedStrings(),
          styles: this.styles(),
          date1904: this.date1904,
          countCell: () => undefined,
        },
        true,
      );
      return { grid, whole: false };
    } catch (e) {
      if (e instanceof Error && e.name === "FileReadError") throw e;
      throw readError("damaged", this.fileName);
    }
  }

  /** Replaces a sheet's part text (the cached snapshot is dropped). */
  setSheetXml(name: string, xml: string): void {
    const entry = this.sheet(name)!;
    this.pkg.setText(entry.path, xml);
    this.grids.delete(name);
  }

  sheetXml(name: string): string {
    return this.pkg.text(this.sheet(name)!.path)!;
  }

  /**
   * Sets the text of the record sheet's cells A1, A2, … (inline strings), creating the very
   * hidden sheet when the workbook has none.
   */
  writeRecordSheet(rows: (string | number | null)[][]): void {
    const cells = rows
      .map((row, i) => {
        const v = row[0];
        if (v === null || v === undefined || v === "") return "";
        const r = i + 1;
        if (typeof v === "number") return `<row r="${r}"><c r="A${r}"><v>${v}</v></c></row>`;
        return `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t xml:space="preserve">${xmlText(escapeXmlText(v))}</t></is></c></row>`;
      })
      .join("");
    const xml =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
      `<sheetData>${cells}</sheetData></worksheet>`;
    const existing = this.sheet(RECORD_SHEET);
    if (existing) {
      this.pkg.setText(existing.path, xml);
      this.grids.delete(RECORD_SHEET);
      // LibreOffice saves a very hidden sheet as merely hidden: the record goes out of sight again.
      if (existing.state !== "veryHidden") this.setSheetState(RECORD_SHEET, "veryHidden");
      return;
    }
    this.addSheet(RECORD_SHEET, xml, "veryHidden");
  }

  /** Sets a sheet's `state` in the workbook part, keeping the rest of its `<sheet>` element. */
  setSheetState(name: string, state: "visible" | "hidden" | "veryHidden"): void {
    const wb = this.pkg.text(this.workbookPath)!;
    let tag: { start: number; end: number } | null = null;
    scanXml(wb, {
      open(el, a, start, end) {
        if (!tag && localName(el) === "sheet" && a.name === name) tag = { start, end };
      },
    });
    const at = tag as { start: number; end: number } | null;
    if (!at) return;
    const text = setAttrs(wb.slice(at.start, at.end), { state: state === "visible" ? null : state });
    this.pkg.setText(this.workbookPath, splice(wb, [{ ...at, text }]));
    const entry = this.sheet(name);
    if (entry) entry.state = state;
  }

  /** Adds a worksheet part and registers it in the workbook (last in the tab order). */
  addSheet(name: string, xml: string, state: "visible" | "veryHidden"): void {
    let n = 1;
    while (this.pkg.has(`xl/worksheets/sheet${n}.xml`)) n++;
    const path = `xl/worksheets/sheet${n}.xml`;
    this.pkg.setText(path, xml);
    ensureContentType(this.pkg, path, CONTENT_TYPE.worksheet);
    const id = addRel(this.pkg, this.workbookPath, REL.worksheet, path);
    const wb = this.pkg.text(this.workbookPath)!;
    let maxId = 0;
    let rPrefix = "r";
    scanXml(wb, {
      open(el, a) {
        if (localName(el) === "sheet") maxId = Math.max(maxId, Number(a.sheetId) || 0);
        if (localName(el) === "workbook")
          for (const [k, v] of Object.entries(a))
            if (
              v === "http://schemas.openxmlformats.org/officeDocument/2006/relationships" &&
              k.startsWith("xmlns:")
            )
              rPrefix = k.slice(6);
      },
    });
    const stateAttr = state === "visible" ? "" : ` state="${state}"`;
    const sheet = `<sheet name="${xmlAttr(name)}" sheetId="${maxId + 1}"${stateAttr} ${rPrefix}:id="${id}"/>`;
    this.pkg.setText(this.workbookPath, insertBeforeClose(wb, "sheets", sheet));
    this.sheets.push({ name, path, state });
  }

  /**
   * Copies a sheet of another package (a standard table built elsewhere) into this workbook
   * as `name`: its cells (shared strings become inline strings), styles, merges, widths and
   * validations.
   */
  importSheet(from: PackageBook, sheet: string, name: string): void {
    const src = from.sheet(sheet);
    if (!src) throw new Error(`no sheet ${sheet}`);
    const xml = from.pkg.text(src.path)!;
    const strings = from.sharedStrings();
    const styles = this.styles();
    const fromStyles = from.styles();
    const map = new Map<number, number>();
    const style = (v: string | undefined) => {
      const i = Number(v ?? 0) || 0;
      if (!map.has(i)) map.set(i, i === 0 ? 0 : styles.importXf(fromStyles, i));
      return map.get(i)!;
    };
    const edits: { start: number; end: number; text: string }[] = [];
    let cell: { start: number; tag: string; a: Record<string, string> } | null = null;
    let v = "";
    let inV = false;
    scanXml(xml, {
      open(el, a, start, end, sc) {
        const n = localName(el);
        if (n === "row" && a.s)
          edits.push({ start, end, text: setAttrs(xml.slice(start, end), { s: String(style(a.s)) }) });
        else if (n === "col" && a.style)
          edits.push({
            start,
            end,
            text: setAttrs(xml.slice(start, end), { style: String(style(a.style)) }),
          });
        else if (n === "c") {
          cell = { start, tag: xml.slice(start, end), a };
          v = "";
          if (sc) finish(end);
        } else if (n === "v") inV = true;
      },
      close(el, _s, end) {
        const n = localName(el);
        if (n === "v") inV = false;
        else if (n === "c" && cell) finish(end);
      },
      text(t) {
        if (inV) v += t;
      },
    });
    function finish(end: number): void {
      const c = cell!;
      cell = null;
      const s = c.a.s ? style(c.a.s) : 0;
      if (c.a.t === "s") {
        const text = strings[Number(v)] ?? "";
        const sAttr = s ? ` s="${s}"` : "";
        edits.push({
          start: c.start,
          end,
          text: `<c r="${c.a.r}"${sAttr} t="inlineStr"><is><t xml:space="preserve">${xmlText(escapeXmlText(text))}</t></is></c>`,
        });
      } else if (c.a.s)
        edits.push({ start: c.start, end: c.start + c.tag.length, text: setAttrs(c.tag, { s: String(s) }) });
    }
    this.addSheet(name, splice(xml, edits).replace(/\stabSelected="(1|true)"/g, ""), "visible");
  }

  /** Asks Excel to recalculate formulas on opening (cells they depend on were written). */
  recalcOnLoad(): void {
    const wb = this.pkg.text(this.workbookPath)!;
    let calc: { start: number; end: number } | null = null;
    scanXml(wb, {
      open(name, _a, start, end) {
        if (localName(name) === "calcPr" && !calc) calc = { start, end };
      },
    });
    const c = calc as { start: number; end: number } | null;
    if (!c) return;
    const tag = wb.slice(c.start, c.end);
    const next = setAttrs(tag, { fullCalcOnLoad: "1" });
    if (next !== tag)
      this.pkg.setText(this.workbookPath, splice(wb, [{ start: c.start, end: c.end, text: next }]));
  }

  toBytes(): Uint8Array {
    this.saveStyles();
    return this.pkg.toBytes();
  }
}
