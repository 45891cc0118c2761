/** Helpers for the command-line and file-host tests. */
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";

export const REF = join(__dirname, "..", "..", "..", "shared", "reference");

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

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(b: Uint8Array): number {
  let c = 0xffffffff;
  for (const x of b) c = CRC_TABLE[(c ^ x) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A valid zip (stored entries) holding the given files. */
export function makeZip(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const nameBuf = Buffer.from(name, "utf8");
    const data = Buffer.from(text, "utf8");
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    locals.push(local, nameBuf, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** A minimal OLE compound file whose directory holds the named streams. */
export function makeOle(streams: string[]): Buffer {
  const b = Buffer.alloc(512 * 3, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b, 0);
  b.writeUInt16LE(0x3e, 0x18);
  b.writeUInt16LE(3, 0x1a);
  b.writeUInt16LE(0xfffe, 0x1c);
  b.writeUInt16LE(9, 0x1e);
  b.writeUInt16LE(6, 0x20);
  b.writeUInt32LE(1, 0x2c); // one FAT sector
  b.writeUInt32LE(1, 0x30); // directory in sector 1
  b.writeUInt32LE(0x1000, 0x38);
  b.writeUInt32LE(0xfffffffe, 0x3c);
  b.writeUInt32LE(0xfffffffe, 0x44);
  for (let i = 0; i < 109; i++) b.writeUInt32LE(0xffffffff, 0x4c + i * 4);
  b.writeUInt32LE(0, 0x4c); // FAT in sector 0
  const fat = 512;
  for (let i = 0; i < 128; i++) b.writeUInt32LE(0xffffffff, fat + i * 4);
  b.writeUInt32LE(0xfffffffd, fat);
  b.writeUInt32LE(0xfffffffe, fat + 4);
  const dir = 1024;
  ["Root Entry", ...streams].forEach((name, i) => {
    const off = dir + i * 128;
    for (let k = 0; k < name.length; k++) b.writeUInt16LE(name.charCodeAt(k), off + k * 2);
    b.writeUInt16LE((name.length + 1) * 2, off + 0x40);
    b.writeUInt8(i === 0 ? 5 : 2, off + 0x42);
  });
  return b;
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
