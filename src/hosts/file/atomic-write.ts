/**
 * Writing a file so that a reader never sees half of it (Node only): the bytes go to a
 * temporary file beside the destination, are flushed to disk, and the temporary file is
 * renamed over the destination. An interrupted run leaves the old file (and at worst a
 * temporary file beside it); of two runs writing the same destination, the last rename wins
 * with a complete file.
 */
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** The temporary files `writeFileAtomic` uses are named like this (hidden, ending in .tmp). */
export function tempNameFor(dest: string): string {
  const rand = Math.floor(Math.random() * 0xffffffff).toString(36);
  return join(dirname(dest), `.${basename(dest)}.${process.pid}.${rand}.tmp`);
}

export function writeFileAtomic(dest: string, data: Uint8Array | string): void {
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  const tmp = tempNameFor(dest);
  const fd = openSync(tmp, "wx", 0o644);
  try {
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, Math.min(bytes.length - off, 1 << 20));
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    unlinkSync(tmp);
    throw e;
  }
  closeSync(fd);
  try {
    renameSync(tmp, dest);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
    throw e;
  }
  // The rename itself reaches the disk with the directory.
  try {
    const dir = openSync(dirname(dest), "r");
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
  } catch {
    // Some systems cannot open a directory for syncing; the rename is done.
  }
}
