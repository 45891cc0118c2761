/**
 * The file host's entry points for a workbook package held in memory (Node and browser: no
 * `fs`). Reading and writing work on the package itself (see ./package): a scored copy is the
 * input package with exactly the planned changes.
 */
import { PackageBook, currentLimits, setLimits, DEFAULT_LIMITS } from "./package";

export { FileReadError, type FileReadReason } from "./read-errors";
export { workbookBytes } from "./exceljs-bytes";
export {
  PackageBook,
  oleEntryNames,
  setLimits,
  currentLimits,
  DEFAULT_LIMITS,
  escapeXmlText,
} from "./package";
export type { PackageLimits } from "./package";
export { SheetNotFoundError, workbookGrids, chosenGrid, chooseBookSheet, chosenBookGrid } from "./score";
export {
  applyPlan,
  restoreLatest,
  readRecordAndSettings,
  writeRecord,
  noteChanges,
  noteText,
  type RecordAndSettings,
} from "./edits";

/** Largest workbook file accepted, in bytes. */
export const MAX_FILE_BYTES = DEFAULT_LIMITS.fileBytes;

/** Changes the file size limit (tests); returns the previous one. */
export function setMaxFileBytes(bytes: number): number {
  const previous = currentLimits().fileBytes;
  setLimits({ fileBytes: bytes });
  return previous;
}

/** Opens a workbook package from memory; anything else is a `FileReadError` with one clear line. */
export async function loadWorkbook(data: ArrayBuffer | Uint8Array, fileName: string): Promise<PackageBook> {
  return PackageBook.open(data, fileName);
}
