/**
 * Byte-level builders for hostile inputs: a minimal zip reader/writer (stored entries, raw
 * copy of existing ones) and a minimal OLE compound file (MS-CFB v3) writer.
 */
import { crc32 } from "node:zlib";

export interface ZipEntry {
  name: string;
  /** Data as stored in the archive (compressed when method is 8). */
  raw: Buffer;
  /** 0 stored, 8 deflate. */
  method: number;
  crc: number;
  size: number;
}

/** Reads the central directory of a zip; entries keep their stored (compressed) bytes. */
export function readZip(buf: Buffer): ZipEntry[] {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("not a zip: no end of central directory");
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error("bad central directory");
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const csize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nlen = buf.readUInt16LE(p + 28);
    const xlen = buf.readUInt16LE(p + 30);
    const clen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nlen).toString("utf8");
    const lnlen = buf.readUInt16LE(local + 26);
    const lxlen = buf.readUInt16LE(local + 28);
    const start = local + 30 + lnlen + lxlen;
    entries.push({ name, raw: Buffer.from(buf.subarray(start, start + csize)), method, crc, size });
    p += 46 + nlen + xlen + clen;
  }
  return entries;
}

/** A stored (uncompressed) entry. */
export function storedEntry(name: string, data: Buffer): ZipEntry {
  return { name, raw: data, method: 0, crc: crc32(data) >>> 0, size: data.length };
}

/** Writes a zip from entries (their raw bytes are copied as they are). */
export function writeZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(0x0800, 6); // UTF-8 names
    lh.writeUInt16LE(e.method, 8);
    lh.writeUInt32LE(0, 10); // time, date
    lh.writeUInt32LE(e.crc >>> 0, 14);
    lh.writeUInt32LE(e.raw.length, 18);
    lh.writeUInt32LE(e.size, 22);
    lh.writeUInt16LE(name.length, 26);
    lh.writeUInt16LE(0, 28);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(0x0800, 8);
    ch.writeUInt16LE(e.method, 10);
    ch.writeUInt32LE(0, 12);
    ch.writeUInt32LE(e.crc >>> 0, 16);
    ch.writeUInt32LE(e.raw.length, 20);
    ch.writeUInt32LE(e.size, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    locals.push(lh, name, e.raw);
    centrals.push(ch, name);
    offset += 30 + name.length + e.raw.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const SECTOR = 512;
const FREESECT = 0xffffffff;
const ENDOFCHAIN = 0xfffffffe;
const FATSECT = 0xfffffffd;
const NOSTREAM = 0xffffffff;
/** Streams are padded to the mini-stream cutoff so that they all live in regular sectors. */
const MINI_CUTOFF = 4096;

/** CFB name order: shorter names first, then by upper-case code units. */
function cfbCompare(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  const x = a.toUpperCase();
  const y = b.toUpperCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * An OLE compound file (MS-CFB version 3) whose root storage holds the given streams, as
 * Excel 97-2003 (.xls) and password-protected OOXML files are. Streams shorter than 4096
 * bytes are zero-padded to 4096 so that no mini stream is needed.
 */
export function writeCfb(streams: { name: string; data: Buffer }[]): Buffer {
  const sorted = [...streams].sort((a, b) => cfbCompare(a.name, b.name));
  const datas = sorted.map((s) =>
    s.data.length >= MINI_CUTOFF
      ? s.data
      : Buffer.concat([s.data, Buffer.alloc(MINI_CUTOFF - s.data.length)]),
  );
  const dirEntries = 1 + sorted.length;
  const dirSectors = Math.ceil((dirEntries * 128) / SECTOR);
  const dataSectors = datas.map((d) => Math.ceil(d.length / SECTOR));
  const totalData = dataSectors.reduce((a, b) => a + b, 0);
  // One FAT sector maps 128 sectors; enough for these small files.
  let fatSectors = 1;
  while (fatSectors * 128 < fatSectors + dirSectors + totalData) fatSectors++;
  if (fatSectors > 109) throw new Error("compound file too large for this writer");
  const fat = new Array<number>(fatSectors * 128).fill(FREESECT);
  let s = 0;
  for (let i = 0; i < fatSectors; i++) fat[s++] = FATSECT;
  const dirStart = s;
  for (let i = 0; i < dirSectors; i++, s++) fat[s] = i === dirSectors - 1 ? ENDOFCHAIN : s + 1;
  const starts: number[] = [];
  for (const n of dataSectors) {
    starts.push(s);
    for (let i = 0; i < n; i++, s++) fat[s] = i === n - 1 ? ENDOFCHAIN : s + 1;
  }

  const header = Buffer.alloc(SECTOR);
  Buffer.from("d0cf11e0a1b11ae1", "hex").copy(header, 0);
  header.writeUInt16LE(0x003e, 24);
  header.writeUInt16LE(0x0003, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  header.writeUInt16LE(6, 32);
  header.writeUInt32LE(0, 40); // directory sectors (0 for v3)
  header.writeUInt32LE(fatSectors, 44);
  header.writeUInt32LE(dirStart, 48);
  header.writeUInt32LE(0, 52);
  header.writeUInt32LE(MINI_CUTOFF, 56);
  header.writeUInt32LE(ENDOFCHAIN, 60); // no mini FAT
  header.writeUInt32LE(0, 64);
  header.writeUInt32LE(ENDOFCHAIN, 68); // no DIFAT sectors
  header.writeUInt32LE(0, 72);
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i < fatSectors ? i : FREESECT, 76 + i * 4);

  const fatBuf = Buffer.alloc(fatSectors * SECTOR);
  fat.forEach((v, i) => fatBuf.writeUInt32LE(v >>> 0, i * 4));

  const dir = Buffer.alloc(dirSectors * SECTOR);
  const entry = (
    i: number,
    name: string,
    type: number,
    left: number,
    right: number,
    child: number,
    start: number,
    size: number,
  ) => {
    const o = i * 128;
    const n = Buffer.from(name + "\0", "utf16le");
    n.copy(dir, o, 0, Math.min(64, n.length));
    dir.writeUInt16LE(Math.min(64, n.length), o + 64);
    dir.writeUInt8(type, o + 66);
    dir.writeUInt8(1, o + 67); // black
    dir.writeUInt32LE(left >>> 0, o + 68);
    dir.writeUInt32LE(right >>> 0, o + 72);
    dir.writeUInt32LE(child >>> 0, o + 76);
    dir.writeUInt32LE(start >>> 0, o + 116);
    dir.writeUInt32LE(size, o + 120);
  };
  for (let i = 0; i < dirSectors * 4; i++) {
    dir.writeUInt32LE(NOSTREAM, i * 128 + 68);
    dir.writeUInt32LE(NOSTREAM, i * 128 + 72);
    dir.writeUInt32LE(NOSTREAM, i * 128 + 76);
  }
  // Siblings as a right-leaning chain in name order (a valid, if unbalanced, tree).
  entry(0, "Root Entry", 5, NOSTREAM, NOSTREAM, sorted.length ? 1 : NOSTREAM, ENDOFCHAIN, 0);
  sorted.forEach((st, k) => {
    entry(
      k + 1,
      st.name,
      2,
      NOSTREAM,
      k + 1 < sorted.length ? k + 2 : NOSTREAM,
      NOSTREAM,
      starts[k],
      datas[k].length,
    );
  });

  const body = datas.map((d) => {
    const pad = (SECTOR - (d.length % SECTOR)) % SECTOR;
    return Buffer.concat([d, Buffer.alloc(pad)]);
  });
  return Buffer.concat([header, fatBuf, dir, ...body]);
}

/** Names of the streams in a compound file's root storage (for checking the writer). */
export function cfbStreamNames(buf: Buffer): string[] {
  const dirStart = buf.readUInt32LE(48);
  const fatSectors = buf.readUInt32LE(44);
  const fat: number[] = [];
  for (let i = 0; i < fatSectors; i++) {
    const sec = buf.readUInt32LE(76 + i * 4);
    for (let j = 0; j < 128; j++) fat.push(buf.readUInt32LE(SECTOR + sec * SECTOR + j * 4));
  }
  const names: string[] = [];
  for (let sec = dirStart; sec !== ENDOFCHAIN; sec = fat[sec]) {
    const base = SECTOR + sec * SECTOR;
    for (let k = 0; k < 4; k++) {
      const o = base + k * 128;
      const type = buf.readUInt8(o + 66);
      const len = buf.readUInt16LE(o + 64);
      if (type === 2 && len >= 2) names.push(buf.subarray(o, o + len - 2).toString("utf16le"));
    }
  }
  return names;
}
