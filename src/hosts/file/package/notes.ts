/**
 * Cell notes of a worksheet: the comments part (text) and the legacy VML drawing that shows
 * them. Notes are added, re-worded or removed one by one; a person's notes and every other
 * shape in the drawing stay as they are.
 */
import { address, parseAddress } from "../../../sheet/address";
import {
  addRel,
  CONTENT_TYPE,
  ensureContentType,
  ensureDefaultType,
  insertBeforeClose,
  readRels,
  REL,
} from "./opc";
import {
  escapeXmlText,
  localName,
  rootPrefix,
  scanXml,
  splice,
  unescapeXmlText,
  withPrefix,
  xmlAttr,
  xmlText,
} from "./xml";
import type { ZipPackage } from "./zip";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const AUTHOR = "jixiao";

/** Text of every note of a sheet, by cell address. */
export function readNotes(pkg: ZipPackage, sheetPath: string): Map<string, string> {
  const out = new Map<string, string>();
  const rel = readRels(pkg, sheetPath).find((r) => r.type === REL.comments && !r.external);
  const xml = rel && pkg.text(rel.target);
  if (!xml) return out;
  let ref: string | null = null;
  let text = "";
  let inT = false;
  let rph = 0;
  scanXml(xml, {
    open(name, a, _s, _e, sc) {
      const n = localName(name);
      if (n === "comment") {
        ref = a.ref ?? null;
        text = "";
        if (sc && ref) out.set(ref.toUpperCase(), "");
      } else if (n === "rPh" && !sc) rph++;
      else if (n === "t" && ref && rph === 0 && !sc) inT = true;
    },
    close(name, start, end) {
      const n = localName(name);
      if (n === "comment" && ref && start !== end) {
        out.set(ref.toUpperCase(), unescapeXmlText(text));
        ref = null;
      } else if (n === "rPh" && start !== end) rph--;
      else if (n === "t") inT = false;
    },
    text(t) {
      if (inT) text += t;
    },
  });
  return out;
}

/** Where `<legacyDrawing>` goes in a worksheet: before the first of these top-level elements. */
const AFTER_LEGACY = new Set([
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
]);

function shapeXml(cell: string, id: number): string {
  const p = parseAddress(cell)!;
  const r = p.row - 1;
  const c = p.col - 1;
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:240pt;height:90pt;z-index:${id};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    `<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>` +
    `<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>` +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>` +
    `<x:Anchor>${c + 1}, 15, ${r}, 2, ${c + 4}, 15, ${r + 5}, 16</x:Anchor><x:AutoFill>False</x:AutoFill>` +
    `<x:Row>${r}</x:Row><x:Column>${c}</x:Column></x:ClientData></v:shape>`
  );
}

const SHAPE_TYPE =
  `<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">` +
  `<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>`;

const NEW_VML =
  `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">` +
  `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>${SHAPE_TYPE}</xml>`;

/** VML shapes of notes (the part need not be well-formed XML: it is edited by pattern). */
const SHAPE_RE = /<v:shape\b[^>]*>[\s\S]*?<\/v:shape>/g;

function noteShapeCell(shape: string): string | null {
  if (!/ObjectType\s*=\s*"Note"/.test(shape)) return null;
  const r = /<x:Row>\s*(\d+)\s*<\/x:Row>/.exec(shape);
  const c = /<x:Column>\s*(\d+)\s*<\/x:Column>/.exec(shape);
  return r && c ? address(Number(r[1]) + 1, Number(c[1]) + 1) : null;
}

function uniqueName(pkg: ZipPackage, pattern: (n: number) => string): string {
  let n = 1;
  while (pkg.has(pattern(n))) n++;
  return pattern(n);
}

/**
 * Sets notes of a sheet: a text adds the note or replaces its text; null removes it.
 * Creates the comments part, the VML drawing and their relationships when the sheet has none.
 * Returns the new worksheet text (a `<legacyDrawing>` added when needed).
 */
export function writeNotes(
  pkg: ZipPackage,
  sheetPath: string,
  sheetXml: string,
  changes: Map<string, string | null>,
): string {
  if (changes.size === 0) return sheetXml;
  const rels = readRels(pkg, sheetPath);
  let commentsPath = rels.find((r) => r.type === REL.comments && !r.external)?.target;
  const vmlRel = rels.find((r) => r.type === REL.vmlDrawing && !r.external);
  let vmlPath = vmlRel?.target;
  let xml = sheetXml;

  if (!commentsPath || !pkg.has(commentsPath)) {
    commentsPath = uniqueName(pkg, (n) => `xl/comments${n}.xml`);
    pkg.setText(
      commentsPath,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN_NS}"><authors><author>${AUTHOR}</author></authors><commentList/></comments>`,
    );
    ensureContentType(pkg, commentsPath, CONTENT_TYPE.comments);
    addRel(pkg, sheetPath, REL.comments, commentsPath);
  }
  if (!vmlPath || !pkg.has(vmlPath)) {
    vmlPath = uniqueName(pkg, (n) => `xl/drawings/vmlDrawing${n}.vml`);
    pkg.setText(vmlPath, NEW_VML);
    ensureDefaultType(pkg, "vml", CONTENT_TYPE.vml);
    const id = addRel(pkg, sheetPath, REL.vmlDrawing, vmlPath);
    xml = addLegacyDrawing(xml, id);
  }

  pkg.setText(commentsPath, patchComments(pkg.text(commentsPath)!, changes));
  pkg.setText(vmlPath, patchVml(pkg.text(vmlPath)!, changes));
  return xml;
}

function patchComments(xml: string, changes: Map<string, string | null>): string {
  const edits: { start: number; end: number; text: string }[] = [];
  const authors: string[] = [];
  let inAuthor = false;
  let authorsClose = -1;
  let authorsSelf: { start: number; end: number } | null = null;
  let listClose = -1;
  let listSelf: { start: number; end: number } | null = null;
  let comment: { start: number; ref: string } | null = null;
  const seen = new Set<string>();
  const replaced: { start: number; end: number; ref: string }[] = [];
  scanXml(xml, {
    open(name, a, start, end, sc) {
      const n = localName(name);
      if (n === "author") inAuthor = !sc;
      if (n === "authors" && sc) authorsSelf = { start, end };
      if (n === "commentList" && sc) listSelf = { start, end };
      if (n === "comment") {
        comment = { start, ref: (a.ref ?? "").toUpperCase() };
        if (sc) closeComment(end);
      }
    },
    close(name, start, end) {
      const n = localName(name);
      if (n === "author") inAuthor = false;
      else if (n === "authors" && start !== end) authorsClose = start;
      else if (n === "commentList" && start !== end) listClose = start;
      else if (n === "comment" && start !== end) closeComment(end);
    },
    text(t) {
      if (inAuthor) authors.push(t);
    },
  });
  function closeComment(end: number): void {
    const c = comment!;
    comment = null;
    if (!changes.has(c.ref)) return;
    seen.add(c.ref);
    replaced.push({ start: c.start, end, ref: c.ref });
  }
  let authorId = authors.indexOf(AUTHOR);
  if (authorId === -1) {
    authorId = authors.length;
    const author = `<author>${AUTHOR}</author>`;
    const as = authorsSelf as { start: number; end: number } | null;
    if (authorsClose !== -1) edits.push({ start: authorsClose, end: authorsClose, text: author });
    else if (as) edits.push({ start: as.start, end: as.end, text: `<authors>${author}</authors>` });
  }
  function commentXml(ref: string, text: string): string {
    return `<comment ref="${xmlAttr(ref)}" authorId="${authorId}"><text><r><t xml:space="preserve">${xmlText(escapeXmlText(text))}</t></r></text></comment>`;
  }
  for (const r of replaced) {
    const text = changes.get(r.ref);
    edits.push({
      start: r.start,
      end: r.end,
      text: text === null || text === undefined ? "" : commentXml(r.ref, text),
    });
  }
  const added = [...changes]
    .filter(([ref, text]) => text !== null && !seen.has(ref))
    .map(([ref, text]) => commentXml(ref, text!))
    .join("");
  if (added) {
    const ls = listSelf as { start: number; end: number } | null;
    if (listClose !== -1) edits.push({ start: listClose, end: listClose, text: added });
    else if (ls) edits.push({ start: ls.start, end: ls.end, text: `<commentList>${added}</commentList>` });
    else return insertBeforeClose(splice(xml, edits), "comments", `<commentList>${added}</commentList>`);
  }
  return splice(xml, edits);
}

function patchVml(vml: string, changes: Map<string, string | null>): string {
  const have = new Set<string>();
  let out = vml.replace(SHAPE_RE, (shape) => {
    const cell = noteShapeCell(shape);
    if (cell === null || !changes.has(cell)) return shape;
    have.add(cell);
    return changes.get(cell) === null ? "" : shape;
  });
  const ids = [...out.matchAll(/id="_x0000_s(\d+)"/g)].map((m) => Number(m[1]));
  let next = Math.max(1024, ...ids) + 1;
  const added = [...changes]
    .filter(([cell, text]) => text !== null && !have.has(cell))
    .map(([cell]) => shapeXml(cell, next++))
    .join("");
  if (!added) return out;
  if (!/id="_x0000_t202"/.test(out)) out = out.replace(/<\/xml>\s*$/, `${SHAPE_TYPE}</xml>`);
  const at = out.lastIndexOf("</xml>");
  return at === -1 ? out + added : out.slice(0, at) + added + out.slice(at);
}

/** Adds `<legacyDrawing r:id>` to a worksheet at its place in the schema's order. */
function addLegacyDrawing(xml: string, relId: string): string {
  let depth = 0;
  let at = -1;
  let end = -1;
  let rootTag = "";
  scanXml(xml, {
    open(name, _a, start, e, sc) {
      depth++;
      if (depth === 1) rootTag = xml.slice(start, e);
      if (depth === 2 && at === -1 && AFTER_LEGACY.has(localName(name))) at = start;
      if (sc) depth--;
    },
    close(_n, start, e) {
      if (e === start) return;
      depth--;
      if (depth === 0) end = start;
    },
  });
  const prefix =
    /xmlns:(\w+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(
      rootTag,
    )?.[1];
  const attr = prefix
    ? `${prefix}:id="${relId}"`
    : `xmlns:jxr="http://schemas.openxmlformats.org/officeDocument/2006/relationships" jxr:id="${relId}"`;
  const pos = at !== -1 ? at : end;
  return xml.slice(0, pos) + withPrefix(`<legacyDrawing ${attr}/>`, rootPrefix(xml)) + xml.slice(pos);
}
