/** The zh-CN wording of a core diagnostic or message, as the report shows it. */
import type { CoreDiagnostic, Message } from "../../src/core";
import { formatMessage } from "../../src/i18n/catalog";

export function zhMessage(d: Pick<CoreDiagnostic, "message">): string {
  return formatMessage(d.message, "zh-CN");
}

export function zh(m: Message): string {
  return formatMessage(m, "zh-CN");
}
