/** Scoring a workbook and reading a produced .docx back, for the report tests. */
import { readFileSync } from "fs";
import { join } from "path";
import { unzipSync, strFromU8 } from "fflate";
import mammoth from "mammoth";
import { resolveProfile } from "../../src/core";
import { scoreWorkbook } from "../support/score";
import { tableFacts, type TableFacts } from "../../src/sheet/facts";
import type { Report } from "../../src/sheet/types";
import { REFERENCE_DIR } from "../support/expected";

export async function scored(
  name: string,
  dir = REFERENCE_DIR,
): Promise<{ report: Report; facts: TableFacts }> {
  const file = `${name}.xlsx`;
  const { analysis, grid } = await scoreWorkbook(readFileSync(join(dir, file)), file, {
    profile: resolveProfile("central"),
  });
  return { report: analysis.report, facts: tableFacts(grid, analysis.layout) };
}

/** The document's text as Word shows it (mammoth reads the .docx as a real consumer). */
export async function docxText(bytes: Uint8Array): Promise<string> {
  const r = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  return r.value;
}

/** One part of the .docx package, as text. */
export function docxPart(bytes: Uint8Array, path: string): string {
  const files = unzipSync(bytes);
  const f = files[path];
  if (!f) throw new Error(`no ${path} in the package`);
  return strFromU8(f);
}

/** The rows of the document's tables, as mammoth's HTML gives them (cell texts). */
export async function docxTables(bytes: Uint8Array): Promise<string[][][]> {
  const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  const tables: string[][][] = [];
  for (const t of value.match(/<table>[\s\S]*?<\/table>/g) ?? []) {
    const rows: string[][] = [];
    for (const tr of t.match(/<tr>[\s\S]*?<\/tr>/g) ?? []) {
      const cells = [...tr.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((m) =>
        m[1]
          .replace(/<[^>]+>/g, "")
          .replace(/&amp;/g, "&")
          .replace(/&lt;/g, "<")
          .replace(/&gt;/g, ">")
          .replace(/&quot;/g, '"')
          .trim(),
      );
      rows.push(cells);
    }
    tables.push(rows);
  }
  return tables;
}
