export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** Offers bytes to the user as a downloaded .xlsx file (browser only). */
export function saveXlsx(data: ArrayBuffer | Uint8Array, name: string): void {
  saveFile(data, name, XLSX_TYPE);
}

/** Offers bytes to the user as a downloaded file of the given type (browser, Excel on the web and desktop). */
export function saveFile(data: ArrayBuffer | Uint8Array, name: string, type: string): void {
  const blob = new Blob([data as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
