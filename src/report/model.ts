/**
 * The 自评报告 as plain data: what the document says, in order, before any .docx is made.
 * Every face builds this one model (project.ts, rollup.ts) and renders it (docx.ts).
 */

/** Marker of every place that needs a person's knowledge (the same one draft notes use). */
export const PLACEHOLDER = "【待补充】";

/** A run of text: plain, a placeholder (highlighted in the document), or emphasised. */
export interface Inline {
  text: string;
  kind?: "placeholder" | "strong";
}

export interface TableCellModel {
  runs: Inline[];
  /** Vertical merge with the cells below (`start`) or above (`continue`). */
  vMerge?: "start" | "continue";
  /** Columns this cell spans (default 1). */
  span?: number;
  align?: "left" | "center" | "right";
}

export type Block =
  | { kind: "title"; text: string }
  | { kind: "subtitle"; runs: Inline[] }
  /** 一、… (level 1, 黑体) and （一）… (level 2, 楷体). */
  | { kind: "heading"; level: 1 | 2; text: string }
  | { kind: "paragraph"; runs: Inline[]; align?: "left" | "right" | "center"; indent?: boolean }
  | {
      kind: "table";
      /** Header cells (the row repeated on every page). */
      header: string[];
      rows: TableCellModel[][];
      /** Relative column widths. */
      widths: number[];
      caption?: string;
    };

/** What the table did not say, so the draft shows a placeholder (and the face tells the user). */
export type MissingFact =
  | "table"
  | "projectName"
  | "department"
  | "implementer"
  | "budget"
  | "unit"
  | "goal"
  | "total"
  | "provisional";

export interface DraftDocument {
  kind: "project" | "rollup";
  /** The document's title (also the file's suggested name). */
  title: string;
  blocks: Block[];
  /** What was missing, in the order found (no repeats). */
  missing: MissingFact[];
}

export function text(t: string): Inline {
  return { text: t };
}

/** `【待补充：hint】` (or the bare marker). */
export function placeholder(hint?: string): Inline {
  return { text: hint ? `【待补充：${hint}】` : PLACEHOLDER, kind: "placeholder" };
}

/** Text from a table that is itself a draft (`【待补充】…`) is shown as a placeholder. */
export function quoted(t: string): Inline {
  return t.trimStart().startsWith(PLACEHOLDER) ? { text: t, kind: "placeholder" } : { text: t };
}

/** The plain text of a document (tests, the text a face may show). */
export function plainText(doc: DraftDocument): string {
  const out: string[] = [];
  const runs = (r: Inline[]) => r.map((x) => x.text).join("");
  for (const b of doc.blocks) {
    if (b.kind === "title" || b.kind === "heading") out.push(b.text);
    else if (b.kind === "subtitle" || b.kind === "paragraph") out.push(runs(b.runs));
    else {
      out.push(b.header.join("\t"));
      for (const row of b.rows) out.push(row.map((c) => runs(c.runs)).join("\t"));
    }
  }
  return out.join("\n");
}
