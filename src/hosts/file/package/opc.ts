/**
 * Open Packaging Conventions over a zip package: relationships, content types, and the
 * workbook part's sheet list. Changes are spliced into the parts' text (see xml.ts).
 */
import {
  localName,
  readXml,
  rootPrefix,
  scanXml,
  setAttrs,
  splice,
  withPrefix,
  xmlAttr,
  type Attrs,
} from "./xml";
import type { ZipPackage } from "./zip";

export const REL = {
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  sharedStrings: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  comments: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments",
  vmlDrawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing",
};

export const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
  sharedStrings: "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
};

export interface Rel {
  id: string;
  type: string;
  /** Resolved part name (no leading slash); the raw target for external ones. */
  target: string;
  external: boolean;
}

/** The rels part of a part: `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
export function relsPathOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** Resolves a relationship target against the part that holds it. */
export function resolveTarget(source: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const base = source.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") base.pop();
    else if (seg !== "." && seg !== "") base.push(seg);
  }
  return base.join("/");
}

/** A target for a relationship from `source` to `part` (relative, as Office writes them). */
export function relativeTarget(source: string, part: string): string {
  const from = source.split("/").slice(0, -1);
  const to = part.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}

/** Relationships parsed, per content of a rels part: a changed part has new bytes, parsed anew. */
const parsedRels = new WeakMap<Uint8Array, { part: string; rels: Rel[] }>();

/** The relationships of a part (`""` for the package's own, `_rels/.rels`). */
export function readRels(pkg: ZipPackage, part: string): Rel[] {
  const path = part === "" ? "_rels/.rels" : relsPathOf(part);
  const bytes = pkg.bytes(path);
  if (bytes === undefined) return [];
  const known = parsedRels.get(bytes);
  if (known && known.part === part) return known.rels.map((r) => ({ ...r }));
  const rels = parseRels(pkg.text(path)!, part);
  parsedRels.set(bytes, { part, rels });
  return rels.map((r) => ({ ...r }));
}

function parseRels(xml: string, part: string): Rel[] {
  const rels: Rel[] = [];
  readXml(xml, {
    open(name, a) {
      if (localName(name) !== "Relationship" || !a.Id || !a.Target) return;
      const external = a.TargetMode === "External";
      rels.push({
        id: a.Id,
        type: a.Type ?? "",
        target: external ? a.Target : resolveTarget(part, decodeURI(a.Target)),
        external,
      });
    },
  });
  return rels;
}

/** Adds a relationship from `part` to `target` (a part name); returns its id. */
export function addRel(pkg: ZipPackage, part: string, type: string, target: string): string {
  const path = relsPathOf(part);
  const existing = readRels(pkg, part);
  const ids = new Set(existing.map((r) => r.id));
  let n = existing.length + 1;
  while (ids.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const rel = `<Relationship Id="${id}" Type="${type}" Target="${xmlAttr(encodeURI(relativeTarget(part, target)))}"/>`;
  const xml = pkg.text(path);
  if (xml === undefined) {
    pkg.setText(
      path,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel}</Relationships>`,
    );
  } else pkg.setText(path, insertBeforeClose(xml, "Relationships", rel));
  return id;
}

/** Removes relationships by id from `part`'s rels. */
export function removeRels(pkg: ZipPackage, part: string, ids: Set<string>): void {
  const path = relsPathOf(part);
  const xml = pkg.text(path);
  if (xml === undefined) return;
  const edits: { start: number; end: number; text: string }[] = [];
  let cur: { start: number; id: string } | null = null;
  scanXml(xml, {
    open(name, a, start) {
      if (localName(name) === "Relationship") cur = { start, id: a.Id ?? "" };
    },
    close(name, _s, end) {
      if (localName(name) === "Relationship" && cur && ids.has(cur.id))
        edits.push({ start: cur.start, end, text: "" });
      if (localName(name) === "Relationship") cur = null;
    },
  });
  pkg.setText(path, splice(xml, edits));
}

/** Inserts `text` just before the end tag of the first element named `element` (local name). */
export function insertBeforeClose(xml: string, element: string, text: string): string {
  let at = -1;
  let selfClosing: { start: number; end: number; tag: string } | null = null;
  scanXml(xml, {
    open(name, _a, start, end, sc) {
      if (sc && localName(name) === element && at === -1 && !selfClosing)
        selfClosing = { start, end, tag: xml.slice(start, end) };
    },
    close(name, start, end) {
      if (at === -1 && localName(name) === element && start !== end) at = start;
    },
  });
  const added = withPrefix(text, rootPrefix(xml));
  if (at !== -1) return xml.slice(0, at) + added + xml.slice(at);
  const sc = selfClosing as { start: number; end: number; tag: string } | null;
  if (!sc) throw new Error(`no <${element}> in part`);
  const open = sc.tag.replace(/\s*\/>$/, ">");
  const name = /^<([^\s/>]+)/.exec(sc.tag)![1];
  return xml.slice(0, sc.start) + open + added + `</${name}>` + xml.slice(sc.end);
}

/** Registers a part's content type (an Override), or a Default for an extension. */
export function ensureContentType(pkg: ZipPackage, part: string, contentType: string): void {
  const xml = pkg.text("[Content_Types].xml");
  if (xml === undefined) return;
  let found = false;
  scanXml(xml, {
    open(name, a: Attrs) {
      if (localName(name) === "Override" && a.PartName?.toLowerCase() === `/${part}`.toLowerCase())
        found = true;
    },
  });
  if (found) return;
  pkg.setText(
    "[Content_Types].xml",
    insertBeforeClose(xml, "Types", `<Override PartName="/${xmlAttr(part)}" ContentType="${contentType}"/>`),
  );
}

/** Registers a Default content type for an extension when none is there. */
export function ensureDefaultType(pkg: ZipPackage, ext: string, contentType: string): void {
  const xml = pkg.text("[Content_Types].xml");
  if (xml === undefined) return;
  let found = false;
  scanXml(xml, {
    open(name, a: Attrs) {
      if (localName(name) === "Default" && a.Extension?.toLowerCase() === ext.toLowerCase()) found = true;
    },
  });
  if (!found)
    pkg.setText(
      "[Content_Types].xml",
      insertBeforeClose(xml, "Types", `<Default Extension="${ext}" ContentType="${contentType}"/>`),
    );
}

/** Removes a part's Override. */
export function removeContentType(pkg: ZipPackage, part: string): void {
  const xml = pkg.text("[Content_Types].xml");
  if (xml === undefined) return;
  const edits: { start: number; end: number; text: string }[] = [];
  scanXml(xml, {
    open(name, a: Attrs, start, end, sc) {
      if (localName(name) === "Override" && a.PartName?.toLowerCase() === `/${part}`.toLowerCase() && sc)
        edits.push({ start, end, text: "" });
    },
  });
  pkg.setText("[Content_Types].xml", splice(xml, edits));
}

export { setAttrs };
