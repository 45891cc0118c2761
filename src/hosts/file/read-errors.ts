/** Why a file cannot be read as a workbook: one message naming the file (and the limit). */
import { formatMessage, uiMessage, type MessageKey, type UiMessage, type UiParam } from "../../i18n/catalog";

export type FileReadReason = "not-xlsx" | "damaged" | "encrypted" | "xls" | "too-large" | "empty" | "limit";

/**
 * A file that cannot be read as a workbook. `text` is the message as data (worded by a face
 * with `errorText(e, locale)`); `message` is its zh-CN wording, naming the file.
 */
export class FileReadError extends Error {
  constructor(
    public readonly reason: FileReadReason,
    public readonly fileName: string,
    public readonly text: UiMessage,
  ) {
    super(formatMessage(text, "zh-CN"));
    this.name = "FileReadError";
  }
}

/** A size as messages name it (units are the same in every locale but bytes). */
export function sizeText(bytes: number): UiParam {
  if (bytes >= 1024 * 1024 * 1024) return `${Math.round((bytes / (1024 * 1024 * 1024)) * 10) / 10} GB`;
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return uiMessage("file.bytes", { n: bytes });
}

const READ_KEYS: Record<Exclude<FileReadReason, "limit" | "too-large">, MessageKey> = {
  encrypted: "file.read.encrypted",
  xls: "file.read.xls",
  empty: "file.read.empty",
  damaged: "file.read.damaged",
  "not-xlsx": "file.read.notXlsx",
};

export function readError(
  reason: Exclude<FileReadReason, "limit" | "too-large">,
  fileName: string,
): FileReadError {
  return new FileReadError(
    reason,
    fileName,
    uiMessage(READ_KEYS[reason] ?? "file.read.notXlsx", { file: fileName }),
  );
}

/** The file itself is larger than the limit. */
export function tooLarge(fileName: string, limitBytes: number): FileReadError {
  return new FileReadError(
    "too-large",
    fileName,
    uiMessage("file.read.tooLarge", { file: fileName, limit: sizeText(limitBytes) }),
  );
}

/** What a limit counts: a part's or all parts' unpacked size, sheets, cells. */
export type LimitKind = "part" | "total" | "sheets" | "cells";

/**
 * A limit checked before the work, named in the message: `found` and `limit` are what the
 * message shows (`countOf`, `sizeText`, …); `part` names the part of a `part` limit.
 */
export function overLimit(
  fileName: string,
  kind: LimitKind,
  found: UiParam,
  limit: UiParam,
  part?: string,
): FileReadError {
  return new FileReadError(
    "limit",
    fileName,
    uiMessage(`file.limit.${kind}`, {
      file: fileName,
      found,
      limit,
      ...(part !== undefined ? { part } : {}),
    }),
  );
}

/** `n 个` (`over`: `n 个以上`), as limits name a count. */
export function countOf(n: number, over = false): UiParam {
  return uiMessage(over ? "file.countOver" : "file.count", { n });
}

/** `size 以上`: more than a size. */
export function sizeOver(bytes: number): UiParam {
  return uiMessage("file.sizeOver", { size: sizeText(bytes) });
}
