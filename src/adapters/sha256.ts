/** SHA-256 for the review round's receipts: a unit file's bytes, or a unit sheet's values as read. */
import { PhuLucError } from "../engine/errors";

/**
 * SHA-256 of a file's bytes, hex — Web Crypto, the same in Node (20+) and in the pane's worker
 * (browsers offer SubtleCrypto in secure contexts only: https, localhost).
 */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  if (!globalThis.crypto?.subtle) {
    throw new PhuLucError(
      "write-failed",
      "Trình duyệt này không tính được mã SHA-256 của tệp (cần mở PhuLuc qua https hoặc localhost).",
      "This browser cannot compute the file's SHA-256 (open PhuLuc over https or localhost).",
    );
  }
  const digest = await globalThis.crypto.subtle.digest("SHA-256", bytes as unknown as ArrayBuffer);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
