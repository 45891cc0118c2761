/**
 * The styles part: number formats and fills of cell styles (`cellXfs`), and new cell styles
 * derived from an existing one with another number format or fill, appended to the part.
 */
import { localName, scanXml, setAttrs, splice, xmlAttr, type Attrs } from "./xml";

/** Built-in number formats as exceljs names them (ids without a fixed code have none). */
const BUILTIN: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** A number format that shows a date or time (as exceljs decides it). */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const f = fmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]+/.test(f);
}

const NO_FILL = null;

/** A plain solid fill of `#RRGGBB`, as the program writes it. */
export function solidFillXml(hex: string): string {
  const rgb = `FF${hex.replace(/^#/, "").toUpperCase()}`;
  return `<fill><patternFill patternType="solid"><fgColor rgb="${rgb}"/><bgColor indexed="64"/></patternFill></fill>`;
}

/**
 * A fill as the record keeps it: `#RRGGBB` for a solid fill of one RGB colour, null for no
 * fill, otherwise the `<fill>` element itself (theme colours, tints, patterns, gradients).
 */
export function fillKey(fillXml: string | undefined): string | null {
  if (!fillXml) return NO_FILL;
  let pattern: string | undefined;
  let fg: Attrs | undefined;
  let other = false;
  scanXml(fillXml, {
    open(name, a) {
      const n = localName(name);
      if (n === "patternFill") pattern = a.patternType ?? "none";
      else if (n === "fgColor") fg = a;
      else if (n === "gradientFill") other = true;
    },
  });
  if (!other && (pattern === undefined || pattern === "none")) return NO_FILL;
  if (
    !other &&
    pattern === "solid" &&
    fg &&
    Object.keys(fg).length === 1 &&
    /^FF[0-9A-F]{6}$/i.test(fg.rgb ?? "")
  )
    return `#${fg.rgb!.slice(2).toUpperCase()}`;
  return fillXml;
}

/** The `<fill>` element for a record's fill string; undefined when it cannot be read. */
export function fillFromKey(key: string | null): string | null | undefined {
  if (key === null) return null;
  if (/^#[0-9A-Fa-f]{6}$/.test(key)) return solidFillXml(key);
  if (/^<(\w+:)?fill[\s>]/.test(key)) return key;
  return undefined;
}

/** What makes two cell styles look alike: attributes but the apply flags, and the children. */
function signature(attrs: Attrs, inner: string): string {
  const keys = Object.keys(attrs)
    .filter((k) => !k.startsWith("apply"))
    .sort();
  return keys.map((k) => `${k}=${attrs[k]}`).join(" ") + "|" + inner;
}

function innerOf(xml: string): string {
  const open = /^<[^>]*?>/.exec(xml)?.[0] ?? "";
  if (open.endsWith("/>")) return "";
  return xml.slice(open.length).replace(/<\/[^>]+>$/, "");
}

interface Xf {
  attrs: Attrs;
  /** The element's text in the part. */
  xml: string;
}

/** One list of the styles part (`<fonts>`, `<fills>`, …): its items and where to append. */
interface Collection {
  items: string[];
  attrs: Attrs[];
  open: { start: number; end: number } | null;
  /** Start of the end tag; -2 for a self-closing list, -1 when absent. */
  close: number;
  added: string[];
}

const LISTS: Record<string, string> = {
  numFmts: "numFmt",
  fonts: "font",
  fills: "fill",
  borders: "border",
  cellXfs: "xf",
};

export class StylesPart {
  private numFmts = new Map<number, string>();
  private readonly lists: Record<string, Collection> = {};
  private rootOpenEnd = -1;
  private readonly derived = new Map<string, number>();
  private nextNumFmtId = 164;

  private xf(i: number): Xf | undefined {
    const c = this.lists.cellXfs;
    return i >= 0 && i < c.items.length ? { xml: c.items[i], attrs: c.attrs[i] } : undefined;
  }

  private get fills(): string[] {
    return this.lists.fills.items;
  }

  constructor(private readonly xml: string) {
    for (const k of Object.keys(LISTS))
      this.lists[k] = { items: [], attrs: [], open: null, close: -1, added: [] };
    if (xml === "") return;
    const stack: string[] = [];
    let itemStart = -1;
    scanXml(xml, {
      open: (name, a, start, end, sc) => {
        const n = localName(name);
        const parent = stack[stack.length - 1];
        if (stack.length === 0) this.rootOpenEnd = end;
        if (parent === "styleSheet" && this.lists[n]) {
          this.lists[n].open = { start, end };
          if (sc) this.lists[n].close = -2;
        } else if (stack.length === 2 && LISTS[parent] === n) {
          const list = this.lists[parent];
          itemStart = start;
          list.attrs.push(a);
          list.items.push(sc ? xml.slice(start, end) : "");
          if (n === "numFmt") {
            const id = Number(a.numFmtId);
            if (Number.isInteger(id) && a.formatCode !== undefined) {
              this.numFmts.set(id, a.formatCode);
              if (id >= this.nextNumFmtId) this.nextNumFmtId = id + 1;
            }
          }
        }
        if (!sc) stack.push(n);
      },
      close: (name, start, end) => {
        if (start === end) return;
        stack.pop();
        const n = localName(name);
        const parent = stack[stack.length - 1];
        if (parent === "styleSheet" && this.lists[n]) this.lists[n].close = start;
        else if (stack.length === 2 && LISTS[parent] === n) {
          const list = this.lists[parent];
          list.items[list.items.length - 1] = xml.slice(itemStart, end);
        }
      },
    });
  }

  private append(list: string, xml: string, attrs: Attrs = {}): number {
    const c = this.lists[list];
    c.items.push(xml);
    c.attrs.push(attrs);
    c.added.push(xml);
    return c.items.length - 1;
  }

  /**
   * Brings a cell style of another styles part into this one (its number format, font, fill
   * and border appended as needed); returns its index here.
   */
  importXf(from: StylesPart, s: number): number {
    const xf = from.xf(s) ?? from.xf(0);
    if (!xf) return 0;
    const a = xf.attrs;
    const changes: Record<string, string | null> = {};
    const numFmt = from.numFmtOf(s);
    changes.numFmtId = numFmt ? String(this.numFmtId(numFmt)) : "0";
    const reuse = (list: "fonts" | "fills" | "borders", id: string | undefined) => {
      const item = from.lists[list].items[Number(id ?? 0)];
      if (item === undefined) return "0";
      const at = this.lists[list].items.indexOf(item);
      return String(at !== -1 ? at : this.append(list, item));
    };
    changes.fontId = reuse("fonts", a.fontId);
    changes.fillId = reuse("fills", a.fillId);
    changes.borderId = reuse("borders", a.borderId);
    changes.xfId = "0";
    const open = /^<[^>]*?>/.exec(xf.xml)![0];
    const xml = setAttrs(open, changes) + xf.xml.slice(open.length);
    const at = this.lists.cellXfs.items.indexOf(xml);
    if (at !== -1) return at;
    const parsed: Attrs = { ...a };
    for (const [k, v] of Object.entries(changes)) if (v !== null) parsed[k] = v;
    return this.append("cellXfs", xml, parsed);
  }

  /** Number format code of a cell style (undefined: General or unknown). */
  numFmtOf(s: number): string | undefined {
    const xf = this.xf(s);
    if (!xf) return undefined;
    const id = Number(xf.attrs.numFmtId ?? 0);
    if (!id) return undefined;
    return this.numFmts.get(id) ?? BUILTIN[id];
  }

  /** The `<fill>` element of a cell style (undefined: none). */
  fillOf(s: number): string | undefined {
    const xf = this.xf(s) ?? this.xf(0);
    if (!xf) return undefined;
    return this.fills[Number(xf.attrs.fillId ?? 0)];
  }

  /**
   * A cell style like `s` with a new number format and/or fill (`null` fill: none); appended
   * once and reused. Returns `s` itself when nothing changes.
   */
  derive(s: number, change: { numFmt?: string; fill?: string | null }): number {
    const base = this.xf(s) ?? this.xf(0);
    const attrs: Record<string, string | null> = {};
    if (change.numFmt !== undefined && change.numFmt !== (this.numFmtOf(s) ?? "General")) {
      attrs.numFmtId = String(this.numFmtId(change.numFmt));
      attrs.applyNumberFormat = "1";
    }
    if (change.fill !== undefined && fillKey(change.fill ?? undefined) !== fillKey(this.fillOf(s))) {
      attrs.fillId = String(change.fill === null ? 0 : this.fillId(change.fill));
      attrs.applyFill = "1";
    }
    if (Object.keys(attrs).length === 0) return s;
    // A style that already looks like the wanted one (apply flags aside) is reused: a cell
    // going back to its first fill gets its first style back.
    const wanted: Attrs = { ...(base?.attrs ?? {}) };
    for (const [k, v] of Object.entries(attrs)) if (v !== null) wanted[k] = v;
    const sig = signature(wanted, innerOf(base?.xml ?? ""));
    const xfs = this.lists.cellXfs;
    for (let i = 0; i < xfs.items.length; i++)
      if (signature(xfs.attrs[i], innerOf(xfs.items[i])) === sig) return i;
    const baseXml = base?.xml || '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
    const open = /^<[^>]*?>/.exec(baseXml)![0];
    const xml = setAttrs(open, attrs) + baseXml.slice(open.length);
    const known = this.derived.get(xml);
    if (known !== undefined) return known;
    const index = this.append("cellXfs", xml, wanted);
    this.derived.set(xml, index);
    return index;
  }

  private numFmtId(code: string): number {
    for (const [id, c] of this.numFmts) if (c === code) return id;
    for (const [id, c] of Object.entries(BUILTIN)) if (c === code) return Number(id);
    const id = this.nextNumFmtId++;
    this.numFmts.set(id, code);
    this.append("numFmts", `<numFmt numFmtId="${id}" formatCode="${xmlAttr(code)}"/>`);
    return id;
  }

  private fillId(fillXml: string): number {
    const key = fillKey(fillXml);
    for (let i = 0; i < this.fills.length; i++) if (fillKey(this.fills[i]) === key) return i;
    return this.append("fills", fillXml);
  }

  /** Whether styles were added. */
  changed(): boolean {
    return Object.values(this.lists).some((c) => c.added.length > 0);
  }

  /** The part's text with the new formats, fonts, fills, borders and styles appended (counts updated). */
  toXml(): string {
    if (!this.changed()) return this.xml;
    const xml = this.xml;
    const edits: { start: number; end: number; text: string }[] = [];
    for (const [name, c] of Object.entries(this.lists)) {
      if (c.added.length === 0) continue;
      const total = name === "numFmts" ? this.numFmts.size : c.items.length;
      const items = c.added.join("");
      if (!c.open) {
        edits.push({
          start: this.rootOpenEnd,
          end: this.rootOpenEnd,
          text: `<${name} count="${total}">${items}</${name}>`,
        });
      } else if (c.close === -2) {
        const tag = xml.slice(c.open.start, c.open.end).replace(/\s*\/>$/, ">");
        edits.push({
          start: c.open.start,
          end: c.open.end,
          text: setAttrs(tag, { count: String(total) }) + items + `</${name}>`,
        });
      } else {
        edits.push({
          start: c.open.start,
          end: c.open.end,
          text: setAttrs(xml.slice(c.open.start, c.open.end), { count: String(total) }),
        });
        edits.push({ start: c.close, end: c.close, text: items });
      }
    }
    return splice(xml, edits);
  }
}
