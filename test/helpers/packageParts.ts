/** An .xlsx's parts by name, and what a write changed of them: for tests that hold a writer to "every other part byte for byte". */
import { unzipSync } from "fflate";

export type Parts = Record<string, Uint8Array>;

/** The zip's parts (folder entries left out: they hold nothing). */
export function partsOf(bytes: Uint8Array): Parts {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).filter(([name]) => !name.endsWith("/")));
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** The parts `after` changed, added and removed of `before`'s, each list sorted. */
export function partChanges(
  before: Uint8Array,
  after: Uint8Array,
): { changed: string[]; added: string[]; removed: string[] } {
  const [old, now] = [partsOf(before), partsOf(after)];
  return {
    changed: Object.keys(old)
      .filter((part) => now[part] && !sameBytes(old[part], now[part]))
      .sort(),
    added: Object.keys(now)
      .filter((part) => !old[part])
      .sort(),
    removed: Object.keys(old)
      .filter((part) => !now[part])
      .sort(),
  };
}
