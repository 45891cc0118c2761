/**
 * The zip container of a workbook package (fflate). Sizes are checked from the zip's central
 * directory before anything is inflated; a part is inflated only when asked for, into a buffer
 * of its declared size (a part that inflates to more is cut there, so memory stays bounded);
 * parts never asked for and never changed are written back with the same content.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type ZipOptions } from "fflate";
import { FileReadError, overLimit, readError, sizeText } from "../read-errors";

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

/** Parts that do not compress (images, media): stored without a second deflate. */
const STORED = /\.(png|jpe?g|gif|emf|wmf|tiff?|bmp|mp3|mp4|wav|bin)$/i;

export class ZipPackage {
  private readonly parts = new Map<string, Part>();

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
    try {
      unzipSync(bytes, {
        filter: (info) => {
          if (overflow) return false;
          if (info.originalSize > limit.partBytes) {
            overflow = overLimit(
              fileName,
              `中的部件“${info.name}”解压后`,
              sizeText(info.originalSize),
              sizeText(limit.partBytes),
            );
            return false;
          }
          total += info.originalSize;
          if (total > limit.totalBytes) {
            overflow = overLimit(
              fileName,
              "解压后的总大小",
              `${sizeText(total)} 以上`,
              sizeText(limit.totalBytes),
            );
            return false;
          }
          if (/^xl\/worksheets\/[^/]+\.xml$/i.test(info.name)) sheets++;
          if (sheets > limit.sheets) {
            overflow = overLimit(fileName, "的工作表数", `${sheets} 个以上`, `${limit.sheets} 个`);
            return false;
          }
          pkg.parts.set(info.name.toLowerCase(), { name: info.name, size: info.originalSize });
          return false;
        },
      });
    } catch {
      throw readError("damaged", fileName);
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
      let files: Record<string, Uint8Array>;
      try {
        files = unzipSync(this.source, { filter: (info) => info.name === part.name });
      } catch {
        throw readError("damaged", this.fileName);
      }
      const data = files[part.name];
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

  /** The package as zip bytes: every part with its content, in the original order, new parts last. */
  toBytes(): Uint8Array {
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
