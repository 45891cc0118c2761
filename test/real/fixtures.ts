/**
 * The real published tables of test/fixtures/real: their readable descriptions as grid
 * snapshots, their workbooks, and their hand-written expectations (SOURCES.md there).
 */
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { parseRange } from "../../src/sheet/address";
import type { CellValue, GridCell, GridSnapshot, MergeArea } from "../../src/sheet/types";
import type { Expected } from "../support/expected";

/** Fixture → the rule of LAYOUTS.md / SCORING.md that the reader does not meet yet on it. */
export const PENDING: Record<string, string> = {};

export const REAL_DIR = join(__dirname, "..", "fixtures", "real");

type DescCell = null | string | number | { v: CellValue; fmt?: string };

export interface Description {
  id: string;
  sheet: string;
  rows: DescCell[][];
  merges: string[];
}

/** One expectation per table for a sheet of several tables (LAYOUTS.md step 7), else one. */
export interface RealExpected extends Expected {
  tables?: Expected[];
}

export function fixtureIds(): string[] {
  return readdirSync(REAL_DIR)
    .filter((f) => f.endsWith(".expected.json"))
    .map((f) => f.replace(/\.expected\.json$/, ""))
    .sort();
}

export function readDescription(id: string): Description {
  return JSON.parse(readFileSync(join(REAL_DIR, `${id}.json`), "utf8")) as Description;
}

export function readRealExpected(id: string): RealExpected {
  return JSON.parse(readFileSync(join(REAL_DIR, `${id}.expected.json`), "utf8")) as RealExpected;
}

export function workbookBytes(id: string): Uint8Array {
  return new Uint8Array(readFileSync(join(REAL_DIR, `${id}.xlsx`)));
}

function cellOf(x: DescCell | undefined): GridCell | null {
  if (x === null || x === undefined) return null;
  if (typeof x === "object") return x.fmt ? { v: x.v, fmt: x.fmt } : { v: x.v };
  return { v: x };
}

/** The description as the snapshot a host would read (only merge anchors hold values). */
export function gridOf(desc: Description): GridSnapshot {
  const width = Math.max(0, ...desc.rows.map((r) => r.length));
  const merges: MergeArea[] = desc.merges.map((m) => {
    const r = parseRange(m);
    if (!r) throw new Error(`${desc.id}: bad range ${m}`);
    return r;
  });
  for (const m of merges)
    if (m.right > width) throw new Error(`${desc.id}: merge ${JSON.stringify(m)} beyond the rows`);
  const cells = desc.rows.map((r) => {
    const out: (GridCell | null)[] = [];
    for (let c = 0; c < width; c++) out.push(cellOf(r[c]));
    return out;
  });
  return { sheet: desc.sheet, top: 1, left: 1, cells, merges, hiddenRows: [], hiddenCols: [] };
}
