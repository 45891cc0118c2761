/**
 * Excel on the web's limit on one request and one response: 5 MB, measured on the
 * serialised RichApi message in UTF-8 bytes. The host sizes what it sends and asks for
 * against a budget below it.
 */

/** What one request or response may carry on Excel on the web. */
export const WEB_PAYLOAD_LIMIT = 5_000_000;
/** The host's budget per request/response, a margin below the limit. */
export const WEB_PAYLOAD_BUDGET = 4_500_000;

let budget = WEB_PAYLOAD_BUDGET;

export function payloadBudget(): number {
  return budget;
}

/** Test aid: a smaller budget, to exercise splitting on small tables. Returns the old one. */
export function setPayloadBudget(bytes: number): number {
  const old = budget;
  budget = bytes;
  return old;
}

const encoder = typeof TextEncoder === "undefined" ? null : new TextEncoder();

/** Bytes of a string in UTF-8. */
export function utf8Length(s: string): number {
  if (encoder) return encoder.encode(s).length;
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** Bytes of a value as JSON in UTF-8. */
export function jsonBytes(v: unknown): number {
  return utf8Length(JSON.stringify(v) ?? "null");
}
