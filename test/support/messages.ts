/** The zh-CN text of a core diagnostic, as the report shows it. */
import type { CoreDiagnostic } from "../../src/core";

export function zhMessage(d: CoreDiagnostic): string {
  return d.message;
}
