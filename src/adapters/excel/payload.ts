/**
 * Excel on the web refuses a request or a response over 5 MB ("Excel on the web has a payload size limit for
 * requests and responses of 5MB. RichAPI.Error will be thrown if that limit is exceeded." — resource limits page).
 * Reads and writes that can grow with the sheet size their batches by what they carry.
 */

/** What one batch may carry: under the limit with room for the JSON wrapping and estimation error. */
export const PAYLOAD_BUDGET = 3.5 * 1024 * 1024;

/** The size in UTF-8 bytes of `value` as JSON, the form in which it travels. */
export function payloadBytes(value: unknown): number {
  const text = JSON.stringify(value ?? null);
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A surrogate pair is 4 bytes in all: 2 counted for each half.
    bytes += code < 0x80 ? 1 : code < 0x800 || (code >= 0xd800 && code < 0xe000) ? 2 : 3;
  }
  return bytes;
}

/** True for Office's refusal of an oversized response (Excel.ErrorCodes.responsePayloadSizeLimitExceeded). */
export function isPayloadLimit(error: unknown): boolean {
  const code = (error as { code?: string } | undefined)?.code;
  return code === "ResponsePayloadSizeLimitExceeded" || code === "RequestPayloadSizeLimitExceeded";
}
