/**
 * The department's units (đơn vị, spec §1) and how a lead/co-operating unit cell is matched to them.
 *
 * Decisions:
 * - Matching compares folded keys: no case, diacritics, spaces, punctuation/dashes, and the words
 *   Phòng/Sở dropped (so `Phòng CNTT - BCVT` = `CNTT-BCVT`, `Thanh tra Sở` = `Thanh tra`). A unit
 *   matches by its id, its name or any alias; the match is exact on the key — near misses go to
 *   `closestUnit` for a "did you mean", never silently accepted.
 * - `splitUnits` always splits on `;` and line breaks; a `,` splits only where every piece is a
 *   known unit or a capitalised name (`Sở TTTT, UBND huyện Tri Tôn`), so `Thông tin, truyền thông`
 *   stays one name; `và` and `/` split only where every piece is a known unit (names contain `và`).
 * - `isAllUnits` reads "Các phòng, Trung tâm CNTT-TT", "Các đơn vị thuộc Sở", "Tất cả các phòng",
 *   "Toàn Sở" as every unit.
 */
import { foldText, tidyText } from "./text";

export interface UnitDef {
  /** Stable id (`CNTT-BCVT`), what merge and settings store. */
  id: string;
  /** Full name as printed in exports. */
  name: string;
  /** Other spellings seen in documents. */
  aliases: string[];
}

/** Spec §1's table; the user's own list lives in the settings. */
export const DEFAULT_UNITS: UnitDef[] = [
  {
    id: "CNTT-BCVT",
    name: "Phòng Công nghệ Thông tin – Bưu chính Viễn thông",
    aliases: ["CNTT-BCVT", "Phòng CNTT - BCVT"],
  },
  {
    id: "TTBCXB",
    name: "Phòng Thông tin – Báo chí – Xuất bản",
    aliases: ["TTBCXB", "Phòng Thông tin – Báo chí – Xuất bản"],
  },
  { id: "KHTC", name: "Phòng Kế hoạch – Tài chính", aliases: ["KHTC", "Phòng Kế hoạch Tài chính"] },
  {
    id: "TT-CNTTTT",
    name: "Trung tâm Công nghệ Thông tin và Truyền thông",
    aliases: ["Trung tâm CNTT-TT", "TT CNTTTT"],
  },
  { id: "THANH-TRA", name: "Thanh tra Sở", aliases: ["Thanh tra"] },
  { id: "VAN-PHONG", name: "Văn phòng Sở", aliases: ["Văn phòng"] },
];

/** The comparison key of a unit text: `Phòng CNTT - BCVT` → `cnttbcvt`. */
export function unitKey(text: string): string {
  return foldText(text)
    .replace(/\b(phong|so)\b/g, " ")
    .replace(/[^a-z0-9]/g, "");
}

const keyCache = new WeakMap<UnitDef, string[]>();

function keysOf(unit: UnitDef): string[] {
  let keys = keyCache.get(unit);
  if (!keys) {
    keys = [...new Set([unit.id, unit.name, ...unit.aliases].map(unitKey).filter(Boolean))];
    keyCache.set(unit, keys);
  }
  return keys;
}

/** The unit a text names (by id, name or alias, ignoring case, diacritics, spaces, dashes, Phòng/Sở). */
export function matchUnit(text: string, units: readonly UnitDef[]): UnitDef | undefined {
  const key = unitKey(text);
  if (!key) return undefined;
  return units.find((unit) => keysOf(unit).includes(key));
}

/** Levenshtein distance between two keys. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * The unit whose key is nearest the text's (for "có phải … ?" in `unknown-unit`), when it is near
 * enough to be a plausible typo: at most a third of the key's length apart (at least 1).
 */
export function closestUnit(text: string, units: readonly UnitDef[]): UnitDef | undefined {
  const key = unitKey(text);
  if (!key) return undefined;
  let best: { unit: UnitDef; distance: number } | undefined;
  for (const unit of units) {
    for (const candidate of keysOf(unit)) {
      const distance = editDistance(key, candidate);
      const nearEnough = distance <= Math.max(1, Math.floor(candidate.length / 3));
      if (nearEnough && (!best || distance < best.distance)) best = { unit, distance };
    }
  }
  return best?.unit;
}

const ALL_UNITS = [/^(tat ca|toan bo|cac)( cac)? (phong|don vi|co quan|phong ban)\b/, /^toan (so|nganh)$/, /^tat ca$/];

/** True when a cell means every unit ("Các phòng, Trung tâm CNTT-TT"). */
export function isAllUnits(text: string): boolean {
  const folded = foldText(text);
  return ALL_UNITS.some((pattern) => pattern.test(folded));
}

/** A piece that reads as a proper name: a known unit, or starts with a capital letter or digit. */
function looksLikeName(piece: string, units: readonly UnitDef[]): boolean {
  return Boolean(matchUnit(piece, units)) || /^[\p{Lu}\d]/u.test(piece);
}

/** Splits `piece` on `separator` when every part passes `accept`; otherwise keeps it whole. */
function splitWhen(piece: string, separator: RegExp, accept: (part: string) => boolean): string[] {
  const parts = piece.split(separator).map(cleanPiece);
  return parts.length > 1 && parts.every((part) => part && accept(part)) ? parts : [piece];
}

function cleanPiece(piece: string): string {
  return tidyText(piece)
    .replace(/^[-+•–]\s*/, "")
    .replace(/[.,;]+$/, "")
    .trim();
}

/** The units a cell names: “CNTT-BCVT;\nTTBCXB” → ["CNTT-BCVT", "TTBCXB"]; all-units phrases stay whole. */
export function splitUnits(text: string, units: readonly UnitDef[] = DEFAULT_UNITS): string[] {
  const isUnit = (part: string) => Boolean(matchUnit(part, units));
  return text
    .split(/[;\r\n]+/)
    .map(cleanPiece)
    .filter(Boolean)
    .flatMap((piece) => {
      if (isUnit(piece) || isAllUnits(piece)) return [piece];
      return splitWhen(piece, /,/, (part) => looksLikeName(part, units)).flatMap((part) =>
        splitWhen(part, /\s+và\s+|\s*\/\s*/i, isUnit),
      );
    });
}
