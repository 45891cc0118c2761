/** Why a file cannot be read as a workbook, as one Chinese line naming the file (and the limit). */

export type FileReadReason = "not-xlsx" | "damaged" | "encrypted" | "xls" | "too-large" | "empty" | "limit";

/** A file that cannot be read as a workbook. `message` is one Chinese line naming the file. */
export class FileReadError extends Error {
  constructor(
    public readonly reason: FileReadReason,
    public readonly fileName: string,
    message: string,
  ) {
    super(message);
    this.name = "FileReadError";
  }
}

export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${Math.round((bytes / (1024 * 1024 * 1024)) * 10) / 10} GB`;
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} 字节`;
}

export function readError(
  reason: Exclude<FileReadReason, "limit" | "too-large">,
  fileName: string,
): FileReadError {
  const name = `“${fileName}”`;
  switch (reason) {
    case "encrypted":
      return new FileReadError(
        reason,
        fileName,
        `文件${name}设有打开密码（已加密），请在 Excel 中取消密码后另存再试。`,
      );
    case "xls":
      return new FileReadError(
        reason,
        fileName,
        `文件${name}是旧版 .xls 格式，请在 Excel 或 WPS 中“另存为” .xlsx 格式后再试。`,
      );
    case "empty":
      return new FileReadError(reason, fileName, `文件${name}是空文件，没有可读取的内容。`);
    case "damaged":
      return new FileReadError(reason, fileName, `文件${name}已损坏或不完整，无法作为 Excel 工作簿打开。`);
    case "not-xlsx":
    default:
      return new FileReadError(reason, fileName, `文件${name}不是 Excel 工作簿（.xlsx），无法读取。`);
  }
}

/** The file itself is larger than the limit. */
export function tooLarge(fileName: string, limitBytes: number): FileReadError {
  return new FileReadError(
    "too-large",
    fileName,
    `文件“${fileName}”超过 ${sizeText(limitBytes)} 的大小上限，无法读取。`,
  );
}

/** A limit checked before the work (unpacked sizes, cells, sheets), named in the message. */
export function overLimit(fileName: string, what: string, found: string, limit: string): FileReadError {
  return new FileReadError(
    "limit",
    fileName,
    `文件“${fileName}”${what}为 ${found}，超过上限 ${limit}，为防止耗尽内存未予读取（可能已损坏或是“压缩炸弹”）。`,
  );
}
