/** The Excel add-in host. */
export {
  OfficeHost,
  createOfficeHost,
  SETTINGS_KEY,
  WEB_PAYLOAD_BUDGET,
  RECORD_WEB_BUDGET,
} from "./office-host";
export { officeEnv } from "./env";
export type { OfficeEnv, DocumentSettings } from "./env";
export { toHostError, sheetLabel } from "./errors";
