/**
 * The zip container of a workbook package (fflate). Sizes are checked from the zip's central
 * directory before anything is inflated; a part is inflated only when asked for, into a buffer
 * of its declared size (a part that inflates to more is cut there, so memory stays bounded);
 * parts never asked for and never changed are written back with the same content.
 */
import {
  Inflate,
  inflateSync,
  strFromU8,
  strToU8,
  unzipSync,
  Zip,
  ZipDeflate,
  ZipPassThrough,
  zipSync,
  type ZipInputFile,
  type ZipOptions,
} from "fflate";
import { FileReadError, countOf, overLimit, readError, sizeOver, sizeText } from "../read-errors";

export interface PackageLimits {
  /** The file on disk. */
  fileBytes: number;
  /** Any one part, unpacked. */
  partBytes: number;
  /** Every part together, unpacked. */
  totalBytes: number;
  /** Worksheets in the package. */
  sheets: number;
  /** Cells read from one workbook (counted while reading, before any grid is built). */
  cells: number;
}

export const DEFAULT_LIMITS: Readonly<PackageLimits> = {
  fileBytes: 50 * 1024 * 1024,
  partBytes: 256 * 1024 * 1024,
  totalBytes: 512 * 1024 * 1024,
  sheets: 500,
  cells: 3_000_000,
};

let limits: PackageLimits = { ...DEFAULT_LIMITS };

/** The limits in use. */
export function currentLimits(): Readonly<PackageLimits> {
  return limits;
}

/** Changes some limits (tests); returns the previous ones. */
export function setLimits(changes: Partial<PackageLimits>): PackageLimits {
  const previous = limits;
  limits = { ...limits, ...changes };
  return previous;
}

interface Part {
  /** Name as stored in the zip. */
  name: string;
  /** Unpacked size declared in the central directory. */
  size: number;
  data?: Uint8Array;
  changed?: boolean;
}

/** Where a part's compressed data lies in the source zip (from its central directory). */
interface Entry {
  /** Name as stored. */
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Offset of the compressed data (after the local header). */
  dataStart: number;
}

/**
 * The central directory of a plain zip (no zip64, no encryption): each entry's name, method,
 * CRC, sizes and data offset, in the zip's order. null when the zip is anything else; the
 * callers then fall back to reading and writing through fflate alone.
 */
function readDirectory(bytes: Uint8Array): Entry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = bytes.length;
  let eocd = -1;
  for (let i = n - 22; i >= Math.max(0, n - 22 - 65535); i--)
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  if (count === 0xffff || at === 0xffffffff) return null;
  const out: Entry[] = [];
  for (let k = 0; k < count; k++) {
    if (at + 46 > n || view.getUint32(at, true) !== 0x02014b50) return null;
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    if (flags & 1 || compressedSize === 0xffffffff || size === 0xffffffff || local === 0xffffffff)
      return null;
    if (method !== 0 && method !== 8) return null;
    // As fflate reads names: UTF-8 when flagged, else one byte per character.
    const name = strFromU8(bytes.subarray(at + 46, at + 46 + nameLength), !(flags & 0x800));
    if (local + 30 > n || view.getUint32(local, true) !== 0x04034b50) return null;
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (dataStart + compressedSize > n) return null;
    out.push({ name, method, crc, compressedSize, size, dataStart });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return out;
}

/** A part copied into a new zip as it is stored in the source: no inflating, no deflating. */
function rawFile(name: string, entry: Entry): ZipInputFile {
  return { filename: name, size: entry.size, crc: entry.crc, compression: entry.method };
}

/** Parts that do not compress (images, media): stored without a second deflate. */
const STORED = /\.(png|jpe?g|gif|emf|wmf|tiff?|bmp|mp3|mp4|wav|bin)$/i;

export class ZipPackage {
  private readonly parts = new Map<string, Part>();
  private directory?: Map<string, Entry> | null;

  private constructor(
    private readonly source: Uint8Array,
    readonly fileName: string,
  ) {}

  /**
   * Reads the central directory and checks every size against the limits, inflating nothing.
   * Throws `FileReadError` (damaged; a limit exceeded, naming it).
   */
  static open(bytes: Uint8Array, fileName: string): ZipPackage {
    const pkg = new ZipPackage(bytes, fileName);
    let total = 0;
    let sheets = 0;
    const limit = limits;
    let overflow: FileReadError | null = null;
    /** Registers one entry of the directory; false once a limit is exceeded. */
    const add = (name: string, size: number): boolean => {
      if (overflow) return false;
      if (size > limit.partBytes) {
        overflow = overLimit(fileName, "part", sizeText(size), sizeText(limit.partBytes), name);
        return false;
      }
      total += size;
      if (total > limit.totalBytes) {
        overflow = overLimit(fileName, "total", sizeOver(total), sizeText(limit.totalBytes));
        return false;
      }
      if (/^xl\/worksheets\/[^/]+\.xml$/i.test(name)) sheets++;
      if (sheets > limit.sheets) {
        overflow = overLimit(fileName, "sheets", countOf(sheets, true), countOf(limit.sheets));
        return false;
      }
      pkg.parts.set(name.toLowerCase(), { name, size });
      return true;
    };
    let plain: Entry[] | null = null;
    try {
      plain = readDirectory(bytes);
    } catch {
      plain = null;
    }
    if (plain) {
      for (const e of plain) if (!add(e.name, e.size)) break;
      pkg.directory = new Map(plain.map((e) => [e.name.toLowerCase(), e]));
    } else {
      // zip64, encrypted or otherwise unusual: fflate reads the directory.
      pkg.directory = null;
      try {
        unzipSync(bytes, {
          filter: (info) => {
            add(info.name, info.originalSize);
            return false;
          },
        });
      } catch {
        throw readError("damaged", fileName);
      }
    }
    if (overflow) throw overflow;
    return pkg;
  }

  has(name: string): boolean {
    return this.parts.has(name.toLowerCase());
  }

  /** Part names as stored, in the order of the zip. */
  names(): string[] {
    return [...this.parts.values()].map((p) => p.name);
  }

  /** Declared unpacked size of a part (0 when absent). */
  size(name: string): number {
    return this.parts.get(name.toLowerCase())?.size ?? 0;
  }

  /** A part's bytes, inflated on first use; undefined when the package has no such part. */
  bytes(name: string): Uint8Array | undefined {
    const part = this.parts.get(name.toLowerCase());
    if (!part) return undefined;
    if (!part.data) {
      const entry = this.entries()?.get(part.name.toLowerCase());
      let data: Uint8Array | undefined;
      try {
        if (entry) {
          // As fflate's unzipSync inflates an entry: into a buffer of its declared size.
          const raw = this.source.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
          data = entry.method === 0 ? raw.slice() : inflateSync(raw, { out: new Uint8Array(entry.size) });
        } else data = unzipSync(this.source, { filter: (info) => info.name === part.name })[part.name];
      } catch {
        throw readError("damaged", this.fileName);
      }
      if (!data) throw readError("damaged", this.fileName);
      part.data = data;
    }
    return part.data;
  }

  /** A part as text (UTF-8, byte-order mark dropped). */
  text(name: string): string | undefined {
    const b = this.bytes(name);
    if (b === undefined) return undefined;
    const s = strFromU8(b);
    return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
  }

  /** Where each part lies in the source, when the zip is a plain one (read once). */
  private entries(): Map<string, Entry> | null {
    if (this.directory === undefined) {
      try {
        const list = readDirectory(this.source);
        this.directory = list && new Map(list.map((e) => [e.name.toLowerCase(), e]));
      } catch {
        this.directory = null;
      }
    }
    return this.directory;
  }

  /**
   * The first `maxBytes` (or a little more) of a part as text, inflating no more than that:
   * `whole` tells whether that is the entire part. A multi-byte character cut at the end is
   * dropped.
   */
  prefixText(name: string, maxBytes: number): { text: string; whole: boolean } | undefined {
    const key = name.toLowerCase();
    const part = this.parts.get(key);
    if (!part) return undefined;
    const entry = part.data || part.changed ? undefined : this.entries()?.get(key);
    if (!entry || part.size <= maxBytes) {
      const text = this.text(name);
      return text === undefined ? undefined : { text, whole: true };
    }
    const raw = this.source.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
    const chunks: Uint8Array[] = [];
    let got = 0;
    if (entry.method === 0) {
      chunks.push(raw.subarray(0, maxBytes));
      got = chunks[0].length;
    } else {
      const inflate = new Inflate((chunk) => {
        chunks.push(chunk);
        got += chunk.length;
      });
      const step = 16 * 1024;
      try {
        for (let at = 0; at < raw.length && got < maxBytes; at += step)
          inflate.push(raw.subarray(at, at + step), at + step >= raw.length);
      } catch {
        throw readError("damaged", this.fileName);
      }
    }
    const bytes = new Uint8Array(Math.min(got, maxBytes));
    let at = 0;
    for (const c of chunks) {
      if (at >= bytes.length) break;
      const take = c.subarray(0, bytes.length - at);
      bytes.set(take, at);
      at += take.length;
    }
    const text = new TextDecoder("utf-8").decode(bytes, { stream: true });
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, whole: false };
  }

  setText(name: string, text: string): void {
    this.setBytes(name, strToU8(text));
  }

  setBytes(name: string, data: Uint8Array): void {
    const key = name.toLowerCase();
    const part = this.parts.get(key);
    if (part) {
      part.data = data;
      part.size = data.length;
      part.changed = true;
    } else this.parts.set(key, { name, size: data.length, data, changed: true });
  }

  remove(name: string): void {
    this.parts.delete(name.toLowerCase());
  }

  /** Names of the parts changed or added since opening. */
  changedParts(): string[] {
    return [...this.parts.values()].filter((p) => p.changed).map((p) => p.name);
  }

  /**
   * The package as zip bytes: every part with its content, in the original order, new parts
   * last. A part that was not changed is copied as the source stores it (its compressed bytes
   * and CRC); changed and new parts are deflated.
   */
  toBytes(): Uint8Array {
    const entries = this.entries();
    if (!entries) return this.toBytesInflated();
    const out: Uint8Array[] = [];
    let failure: Error | null = null;
    const zip = new Zip((err, chunk) => {
      if (err) failure = err;
      else out.push(chunk);
    });
    for (const p of this.parts.values()) {
      const entry = p.changed ? undefined : entries.get(p.name.toLowerCase());
      if (entry) {
        const file = rawFile(p.name, entry);
        zip.add(file);
        const raw = this.source.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
        file.ondata!(null, raw as Uint8Array<ArrayBuffer>, true);
        continue;
      }
      const data = this.bytes(p.name)!;
      const file = STORED.test(p.name) ? new ZipPassThrough(p.name) : new ZipDeflate(p.name, { level: 6 });
      zip.add(file);
      file.push(data, true);
    }
    zip.end();
    if (failure) throw failure;
    let length = 0;
    for (const c of out) length += c.length;
    const bytes = new Uint8Array(length);
    let at = 0;
    for (const c of out) {
      bytes.set(c, at);
      at += c.length;
    }
    return bytes;
  }

  /** `toBytes` for a zip whose directory could not be read plainly: every part inflated and deflated again. */
  private toBytesInflated(): Uint8Array {
    const missing = new Set([...this.parts.values()].filter((p) => !p.data).map((p) => p.name));
    if (missing.size > 0) {
      let inflated: Record<string, Uint8Array>;
      try {
        inflated = unzipSync(this.source, { filter: (info) => missing.has(info.name) });
      } catch {
        throw readError("damaged", this.fileName);
      }
      for (const p of this.parts.values()) if (!p.data) p.data = inflated[p.name];
    }
    const files: Record<string, [Uint8Array, ZipOptions]> = {};
    for (const p of this.parts.values()) {
      const data = this.bytes(p.name)!;
      files[p.name] = [data, { level: STORED.test(p.name) ? 0 : 6 }];
    }
    return zipSync(files);
  }
}
