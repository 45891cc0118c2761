/**
 * XML of the package parts: a streaming scan (saxes) that reports where each element starts
 * and ends in the text, so that a part is changed by splicing new text in at those offsets and
 * every node the program does not understand stays exactly as it was.
 */
import { SaxesParser } from "saxes";

export type Attrs = Record<string, string>;

export interface XmlHandlers {
  /** An element opened; `start`..`end` is its start tag (`<a …>` or `<a …/>`). */
  open?(name: string, attrs: Attrs, start: number, end: number, selfClosing: boolean): void;
  /** An element closed; `start`..`end` is its end tag (empty for a self-closing one, start = end). */
  close?(name: string, start: number, end: number, selfClosing: boolean): void;
  /** Character data (entities decoded). */
  text?(text: string): void;
}

/**
 * Scans `xml`, calling the handlers in document order. Throws on malformed XML. `partial`:
 * `xml` is the start of a document, scanned as far as it goes (no check that it ends).
 * `offsets`: handlers get where each tag lies; without (a read that changes nothing, which
 * is faster), every offset is -1.
 */
export function scanXml(xml: string, h: XmlHandlers, partial = false, offsets = true): void {
  const p = new SaxesParser({ position: offsets });
  if (offsets) {
    let openStart = 0;
    let selfClosingEnd = -1;
    p.on("opentagstart", () => {
      openStart = xml.lastIndexOf("<", p.position - 1);
    });
    p.on("opentag", (tag) => {
      const end = p.position;
      if (tag.isSelfClosing) selfClosingEnd = end;
      h.open?.(tag.name, tag.attributes as Attrs, openStart, end, tag.isSelfClosing);
    });
    p.on("closetag", (tag) => {
      const end = p.position;
      if (tag.isSelfClosing && selfClosingEnd === end) {
        h.close?.(tag.name, end, end, true);
        return;
      }
      h.close?.(tag.name, xml.lastIndexOf("</", end - 1), end, false);
    });
  } else {
    if (h.open) {
      const open = h.open;
      p.on("opentag", (tag) => open(tag.name, tag.attributes as Attrs, -1, -1, tag.isSelfClosing));
    }
    if (h.close) {
      const close = h.close;
      p.on("closetag", (tag) => close(tag.name, -1, -1, tag.isSelfClosing));
    }
  }
  if (h.text) {
    const text = h.text;
    p.on("text", (t) => text(t));
    p.on("cdata", (t) => text(t));
  }
  p.on("error", (e) => {
    throw e;
  });
  p.write(xml);
  if (!partial) p.close();
}

/** `scanXml` for a read that changes nothing: no offsets (every one is -1), faster. */
export function readXml(xml: string, h: XmlHandlers, partial = false): void {
  scanXml(xml, h, partial, false);
}

/** The local name of a (possibly prefixed) element name: `x14:sparkline` → `sparkline`. */
export function localName(name: string): string {
  const i = name.indexOf(":");
  return i === -1 ? name : name.slice(i + 1);
}

const TEXT_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };
const ATTR_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "\n": "&#10;",
  "\r": "&#13;",
  "\t": "&#9;",
};

/** Text content for XML (`&`, `<`, `>` escaped). */
export function xmlText(s: string): string {
  return s.replace(/[&<>]/g, (c) => TEXT_ESCAPES[c]);
}

/** An attribute value for XML in double quotes. */
export function xmlAttr(s: string): string {
  return s.replace(/[&<>"\n\r\t]/g, (c) => ATTR_ESCAPES[c]);
}

/**
 * What XML cannot hold raw in a text: control characters (CR included: XML readers turn it
 * into LF), U+FFFE/U+FFFF and lone surrogates. Excel stores them as `_xHHHH_`.
 */
const UNWRITABLE =
  "[\\u0000-\\u0008\\u000B-\\u001F\\u007F\\uFFFE\\uFFFF]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]";
/** An underscore that would read as the start of an escape is itself escaped (`_x005F_`), as Excel does. */
const ESCAPES = new RegExp(`_(?=x[0-9A-Fa-f]{4}(?:_|${UNWRITABLE}))|${UNWRITABLE}`, "g");
const NEEDS_ESCAPE = new RegExp(`_x[0-9A-Fa-f]{4}|${UNWRITABLE}`);

/** R-WRITE-1: a text as Excel stores it in a cell, so that it reads back unchanged (`\u0007` → `_x0007_`). */
export function escapeXmlText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(ESCAPES, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
}

/** Inverse of `escapeXmlText`: `_x0007_` → `\u0007`. */
export function unescapeXmlText(text: string): string {
  if (text.indexOf("_x") === -1) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * The namespace prefix of a part's root element with its colon (`x:` for `<x:worksheet …>`),
 * "" when the root is unprefixed. The elements of a part's own vocabulary share the root's
 * namespace, so new ones take this prefix.
 */
export function rootPrefix(xml: string): string {
  const m = /<(?![?!])(?:([A-Za-z_][\w.-]*):)?[A-Za-z_][\w.-]*[\s/>]/.exec(xml);
  return m?.[1] ? `${m[1]}:` : "";
}

const UNPREFIXED_NAME = /<(\/?)([A-Za-z_][\w.-]*)(?=[\s/>])/g;

/**
 * Gives every unprefixed element name of a fragment the program wrote the prefix `prefix`
 * (`<c r="A1"><v>1</v></c>` → `<x:c r="A1"><x:v>1</x:v></x:c>`); prefixed names (copied from the
 * part, or of another namespace) stay. Text and attribute values of such a fragment are
 * escaped, so no `<` in them is taken for a tag.
 */
export function withPrefix(fragment: string, prefix: string): string {
  return prefix === "" ? fragment : fragment.replace(UNPREFIXED_NAME, `<$1${prefix}$2`);
}

/**
 * Splices edits (non-overlapping ranges of the original text) into `xml`. In a part whose
 * root is prefixed (`<x:worksheet xmlns:x=…>`), the elements the edits write take that prefix.
 */
export function splice(xml: string, edits: { start: number; end: number; text: string }[]): string {
  if (edits.length === 0) return xml;
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const prefix = rootPrefix(xml);
  const out: string[] = [];
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) throw new Error("overlapping XML edits");
    out.push(xml.slice(at, e.start), withPrefix(e.text, prefix));
    at = e.end;
  }
  out.push(xml.slice(at));
  return out.join("");
}

/** Sets (or adds) attributes in a start tag's text, keeping every other attribute as written. */
export function setAttrs(startTag: string, attrs: Record<string, string | null>): string {
  let tag = startTag;
  for (const [name, value] of Object.entries(attrs)) {
    const re = new RegExp(`(\\s)${name.replace(/[:.]/g, "\\$&")}\\s*=\\s*("[^"]*"|'[^']*')`);
    if (re.test(tag)) {
      tag = value === null ? tag.replace(re, "") : tag.replace(re, `$1${name}="${xmlAttr(value)}"`);
    } else if (value !== null) {
      const close = tag.endsWith("/>") ? tag.length - 2 : tag.length - 1;
      tag = `${tag.slice(0, close)} ${name}="${xmlAttr(value)}"${tag.slice(close)}`;
    }
  }
  return tag;
}
