/** Helpers for the command-line and file-host tests. */
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { storedEntry, writeCfb, writeZip } from "../corpus/bytes";
import { REFERENCE_DIR as REF } from "../support/expected";

export { REF };

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the command line in-process. */
export async function run(args: string[], isTTY = false): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    isTTY,
  });
  return { code, stdout, stderr };
}

export function tmp(prefix = "jixiao-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A valid zip (stored entries) holding the given files. */
export function makeZip(files: Record<string, string>): Buffer {
  return writeZip(Object.entries(files).map(([name, text]) => storedEntry(name, Buffer.from(text, "utf8"))));
}

/** An OLE compound file whose directory holds the named (empty) streams. */
export function makeOle(streams: string[]): Buffer {
  return writeCfb(streams.map((name) => ({ name, data: Buffer.alloc(0) })));
}

export interface CellState {
  type: number;
  value: unknown;
  numFmt: string | undefined;
  fill: string;
  font: string;
  master?: string;
}

/** Every cell of a sheet (value, format, fill, font), keyed by address. */
export function sheetState(ws: ExcelJS.Worksheet): Map<string, CellState> {
  const out = new Map<string, CellState>();
  ws.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      const merged = cell.type === ExcelJS.ValueType.Merge;
      out.set(cell.address, {
        type: cell.type,
        value: merged ? null : JSON.parse(JSON.stringify(cell.value ?? null)),
        numFmt: cell.numFmt || undefined,
        fill: JSON.stringify(cell.fill ?? null),
        font: JSON.stringify(cell.font ?? null),
        ...(merged ? { master: cell.master.address } : {}),
      });
    });
  });
  return out;
}

const EMPTY: CellState = { type: 0, value: null, numFmt: undefined, fill: "null", font: "null" };

/** Addresses whose state differs between two sheets (an absent cell counts as empty and unstyled). */
export function diffSheets(
  a: Map<string, CellState>,
  b: Map<string, CellState>,
  what: (keyof CellState)[],
): string[] {
  const keys = new Set([...a.keys(), ...b.keys()]);
  const out: string[] = [];
  for (const k of keys) {
    const x = a.get(k) ?? EMPTY;
    const y = b.get(k) ?? EMPTY;
    if (what.some((w) => JSON.stringify(x[w]) !== JSON.stringify(y[w]))) out.push(k);
  }
  return out.sort();
}

export function merges(ws: ExcelJS.Worksheet): string[] {
  return (ws.model.merges ?? []).slice().sort();
}
