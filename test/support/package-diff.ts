/**
 * Part-by-part comparison of two workbook packages (the input and its scored copy): binary
 * parts byte for byte, XML parts as canonical XML (names, sorted attributes, text), with the
 * differences a plan may cause named and checked one by one.
 */
import { unzipSync } from "fflate";
import { SaxesParser } from "saxes";

export type Parts = Record<string, Uint8Array>;

export function unzip(bytes: Uint8Array): Parts {
  return unzipSync(bytes);
}

const XML_PART = /\.(xml|rels)$/i;

export function isXmlPart(name: string): boolean {
  return XML_PART.test(name);
}

export interface CanonOptions {
  /** Cells (`<c r>`) left out, with their content. */
  dropCells?: Set<string>;
  /** Elements (local names) left out, with their content. */
  dropElements?: Set<string>;
  /** Attributes left out (`element@attr`, local names). */
  dropAttrs?: Set<string>;
  /** Elements left out when they match (local name and attributes). */
  dropWhen?: (name: string, attrs: Record<string, string>) => boolean;
  /** Rows left out when they hold no cells after dropping. */
  dropEmptyRows?: boolean;
  /** Children of these lists are cut to the given count. */
  truncate?: Record<string, number>;
}

const local = (n: string) => n.slice(n.indexOf(":") + 1);

/** Canonical lines of an XML text: one line per element start (sorted attributes), text, end. */
export function canonical(xml: string, opts: CanonOptions = {}): string[] {
  const out: string[] = [];
  const p = new SaxesParser({ xmlns: false });
  let skip = 0;
  const stack: { name: string; rowStart?: number; rowCells?: number; kept: number }[] = [];
  p.on("opentag", (tag) => {
    const n = local(tag.name);
    const attrs = tag.attributes as Record<string, string>;
    const parent = stack[stack.length - 1];
    if (skip > 0) {
      skip++;
      return;
    }
    let drop =
      (n === "c" && opts.dropCells?.has((attrs.r ?? "").toUpperCase())) ||
      opts.dropElements?.has(n) ||
      (opts.dropWhen?.(n, attrs) ?? false);
    if (!drop && parent && opts.truncate?.[parent.name] !== undefined) {
      parent.kept++;
      if (parent.kept > opts.truncate[parent.name]) drop = true;
    }
    if (drop) {
      skip = 1;
      return;
    }
    const keys = Object.keys(attrs)
      .filter(
        (k) =>
          !opts.dropAttrs?.has(`${n}@${local(k)}`) && !(opts.truncate?.[n] !== undefined && k === "count"),
      )
      .sort();
    if (parent?.rowCells !== undefined && n === "c") parent.rowCells++;
    stack.push({
      name: n,
      kept: 0,
      ...(n === "row" ? { rowStart: out.length, rowCells: 0 } : {}),
    });
    out.push(`<${tag.name} ${keys.map((k) => `${k}="${attrs[k]}"`).join(" ")}>`);
  });
  p.on("closetag", (tag) => {
    if (skip > 0) {
      skip--;
      return;
    }
    const top = stack.pop()!;
    out.push(`</${tag.name}>`);
    if (top.name === "row" && opts.dropEmptyRows && top.rowCells === 0 && top.rowStart !== undefined) {
      const open = out[top.rowStart];
      // A row the copy added only for planned cells.
      if (!/\b(ht|hidden|customFormat|s)=/.test(open)) out.splice(top.rowStart);
    }
  });
  p.on("text", (t) => {
    if (skip === 0 && t.trim() !== "") out.push(t);
  });
  p.write(xml).close();
  return out;
}

/** The first line where two canonical forms differ, for a readable failure. */
export function firstDifference(a: string[], b: string[]): string | null {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return `at ${i}: ${a[i] ?? "(end)"}  →  ${b[i] ?? "(end)"}`;
  return null;
}

export const text = (b: Uint8Array) => new TextDecoder().decode(b);
