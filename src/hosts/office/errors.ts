/** Office.js failures as HostErrors whose message is data (worded by the face in its locale). */
import { uiMessage } from "../../i18n/catalog";
import { HostError } from "../host";

/** The error code of an OfficeExtension.Error (or of anything shaped like one). */
export function officeErrorCode(e: unknown): string {
  if (e && typeof e === "object" && "code" in e) return String((e as { code: unknown }).code);
  return "";
}

const PAYLOAD_CODES = new Set([
  "RequestPayloadSizeLimitExceeded",
  "ResponsePayloadSizeLimitExceeded",
  "PayloadTooLarge",
]);

/** True when the failure is Excel on the web's 5 MB request/response limit. */
export function isPayloadError(e: unknown): boolean {
  return PAYLOAD_CODES.has(officeErrorCode(e));
}

/** A sheet's name as messages quote it; empty when unknown (the message then reads without it). */
export function sheetLabel(sheet?: string | null): string {
  return sheet ? `“${sheet}”` : "";
}

/** Maps any failure of an Excel batch to a HostError (HostErrors pass through). */
export function toHostError(e: unknown, sheet?: string): HostError {
  if (e instanceof HostError) return e;
  const code = officeErrorCode(e);
  const name = sheetLabel(sheet);
  switch (code) {
    case "InvalidOperationInCellEditMode":
      return new HostError("CELL_EDIT_MODE", uiMessage("office.err.editMode"));
    case "AccessDenied":
      return new HostError("PROTECTED", uiMessage("office.err.protected", { sheet: name }));
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
    case "PayloadTooLarge":
      return new HostError("PAYLOAD_TOO_LARGE", uiMessage("office.err.payload", { sheet: name }));
    case "ApiNotFound":
      return new HostError("API_TOO_OLD", uiMessage("office.err.apiTooOld"));
    case "ItemNotFound":
      return new HostError("UNREADABLE", uiMessage("office.err.sheetMissing", { sheet: name }));
    default: {
      const message = e instanceof Error ? e.message : String(e);
      return new HostError("UNKNOWN", uiMessage("office.err.unknown", { message }));
    }
  }
}

/** The sheet is protected: nothing is written. */
export function protectedError(sheet: string): HostError {
  return new HostError("PROTECTED", uiMessage("office.err.protected", { sheet: sheetLabel(sheet) }));
}

/** The workbook's structure is protected (no sheet can be added): nothing is written. */
export function workbookProtectedError(): HostError {
  return new HostError("PROTECTED", uiMessage("office.err.workbookProtected"));
}
