/**
 * `numbering`: STT gaps, repeats and levels out of order.
 * - STTs are read by stt.ts, the reader the table's structure uses.
 * - Sections (I, II, …) run on; under a lettered part (A, B) they may restart at I.
 * - The table's first section and first item may start past I and 1: a unit may send only its own part of
 *   the form (issue #15: a budget owner sends its one item), numbered as the form numbers it. From there
 *   the numbers must run on.
 * - Items (1, 2, …) run on within their scope. chi-tieu restarts in each section and kinh-phi runs
 *   across sections (template `numbering`), but both styles are met in real reports, so at a
 *   section's first item either a restart at 1 or the continuation is accepted; inside a section
 *   the numbers must be consecutive.
 * - Sub-items `1.1`, `1.2` must carry their parent's number and run on within it; letters a, b, c…
 *   run on within their parent, in the Latin order or in the Vietnamese one (a, b, c, d, đ, e, g, h, i,
 *   k …: no f, j, w, z — the order Nghị định 30/2020 gives for points of a text), and so do i, ii, iii.
 *   A letter that is also a Roman numeral is read by its list: `i` after `h` is a letter, `v` after
 *   `iv` and `x` after `ix` are Roman. Parts (A, B), bullets (`-`, `+`) and empty STT carry no number
 *   checked here.
 */
import { makeFinding, type Finding, type FindingParams } from "../finding";
import { romanValue, toRoman } from "../roman";
import { LETTERS, opensSection, readStt, sttPath, type Stt } from "../stt";
import type { TableRow } from "../model";
import { addressOf } from "./cells";
import type { SheetRule } from "./rule";

interface NumberingParams extends FindingParams {
  /**
   * repeat: the previous number again; gap: numbers skipped (`missing` names them); order: a step
   * back; orphan: a sub-item with no item above it; parent: a sub-item under another item's number.
   */
  kind: "repeat" | "gap" | "order" | "orphan" | "parent";
  stt: string;
  /** The STT expected (`3`, `1.x`), the missing range, or the parent's STT. */
  expected: string;
  missing?: string;
  parent?: string;
}

function showStt(stt: Stt, value: number): string {
  switch (stt.kind) {
    case "roman":
      return toRoman(value);
    case "roman-lower":
      return toRoman(value).toLowerCase();
    case "dotted":
      return `${stt.prefix}.${value}`;
    case "letter":
      return LETTERS[value - 1] ?? String(value);
    default:
      return String(value);
  }
}

const LATIN = "abcdefghijklmnopqrstuvwxyz";
const VIETNAMESE = "abcdđeghiklmnopqrstuvxy";

/** The letters that may follow `previous` (0: none yet) in either order, as LETTERS values, smallest first. */
function nextLetters(previous: number): number[] {
  const letter = LETTERS[previous - 1];
  const next = [LATIN, VIETNAMESE].map((order) => (letter ? order[order.indexOf(letter) + 1] : order[0]));
  const values = next.filter((l) => l !== undefined).map((l) => LETTERS.indexOf(l) + 1);
  return [...new Set(values)].sort((a, b) => a - b);
}

/** The number of the previous entry in each scope (section, parent). */
class Sequence {
  private last = new Map<string, number>();
  get(scope: string): number | undefined {
    return this.last.get(scope);
  }
  set(scope: string, value: number): void {
    this.last.set(scope, value);
  }
}

type SubItemStt = Extract<Stt, { kind: "dotted" | "letter" | "roman-lower" }>;

/**
 * `i`, `v`, `x` are letters and Roman numerals at once: the list they continue decides. `last(kind)` is the
 * value of the previous sibling of that kind.
 */
function inItsList(stt: SubItemStt, last: (kind: "letter" | "roman-lower") => number | undefined): SubItemStt {
  const letter = (l: string) => LETTERS.indexOf(l) + 1;
  if (stt.kind === "roman-lower" && stt.value === 1 && last("letter") === letter("h"))
    return { kind: "letter", value: letter("i") };
  if (stt.kind === "letter" && (stt.value === letter("v") || stt.value === letter("x"))) {
    const roman = romanValue(LETTERS[stt.value - 1].toUpperCase());
    const romanBefore = last("roman-lower");
    // After a Roman list it is Roman (iii, v: iv is missing), unless it also continues a letter list.
    if (romanBefore !== undefined && (last("letter") === undefined || romanBefore === roman - 1))
      return { kind: "roman-lower", value: roman };
  }
  return stt;
}

export const numbering: SheetRule<"numbering", NumberingParams> = {
  id: "numbering",
  severity: "warning",
  tags: ["sheet", "structure"],
  label: { vi: "Số thứ tự", en: "Numbering" },
  message: {
    vi: (p) => {
      switch (p.kind) {
        case "repeat":
          return `STT ${p.stt} lặp lại (mong đợi ${p.expected}).`;
        case "gap":
          return `thiếu STT ${p.missing}: gặp ${p.stt} thay vì ${p.expected}.`;
        case "order":
          return `STT ${p.stt} không theo thứ tự (mong đợi ${p.expected}).`;
        case "orphan":
          return `STT ${p.stt} là mục con nhưng không có mục ${p.expected} ở trên (sai cấp).`;
        case "parent":
          return `STT ${p.stt} không khớp mục cha ${p.parent} (mong đợi ${p.expected}).`;
      }
    },
    en: (p) => {
      switch (p.kind) {
        case "repeat":
          return `STT ${p.stt} is repeated (expected ${p.expected}).`;
        case "gap":
          return `STT ${p.missing} is missing: found ${p.stt} where ${p.expected} was expected.`;
        case "order":
          return `STT ${p.stt} is out of order (expected ${p.expected}).`;
        case "orphan":
          return `STT ${p.stt} is a sub-item but no item ${p.expected} stands above it (level out of order).`;
        case "parent":
          return `STT ${p.stt} does not belong under its parent ${p.parent} (expected ${p.expected}).`;
      }
    },
  },
  examples: [
    { kind: "repeat", stt: "3", expected: "4", actual: "3" },
    { kind: "gap", stt: "6", expected: "4", missing: "4–5", actual: "6" },
    { kind: "order", stt: "2", expected: "5", actual: "2" },
    { kind: "orphan", stt: "2.1", expected: "2", actual: "2.1" },
    { kind: "parent", stt: "2.1", expected: "3.x", parent: "3", actual: "2.1" },
  ],
  check(table) {
    const findings: Finding[] = [];
    const seq = new Sequence();
    /** Last item number anywhere, for the continuous style across sections. */
    let lastItem: number | undefined;
    const report = (row: TableRow, params: Omit<NumberingParams, "stt" | "actual">) =>
      findings.push(
        makeFinding(
          this,
          { sheet: table.sheet, cell: addressOf(table, row, "stt") },
          { ...params, stt: row.stt, actual: row.stt },
        ),
      );
    /** Compares a number with what its scope expects; says gaps, repeats and backward steps. */
    const follow = (row: TableRow, stt: Stt, scope: string, value: number, accepted: number[]) => {
      const previous = seq.get(scope);
      seq.set(scope, value);
      if (accepted.includes(value)) return;
      const expected = showStt(stt, accepted[0]);
      if (previous !== undefined && value === previous) report(row, { kind: "repeat", expected });
      else if (value > accepted[0]) {
        const missing = value - 1 > accepted[0] ? `${expected}–${showStt(stt, value - 1)}` : expected;
        report(row, { kind: "gap", expected, missing });
      } else report(row, { kind: "order", expected });
    };

    /** A part (A, B) opened since the last section: its Roman sections may start again at I. */
    let partOpened = false;
    for (const row of table.rows) {
      if (row.kind === "subtotal" || row.kind === "total") continue;
      const read = readStt(row.stt);
      if (read.kind === "none" || read.kind === "bullet") continue;
      const sectionScope = `s${row.section ?? "-"}`;
      if (read.kind === "part") partOpened = true;
      else if (read.kind === "roman") {
        const previous = seq.get("sections");
        const accepted = previous === undefined ? [read.value] : [previous + 1];
        if (partOpened && previous !== undefined) accepted.push(1);
        partOpened = false;
        follow(row, read, "sections", read.value, accepted);
      } else if (read.kind === "number") {
        const previous = seq.get(sectionScope);
        if (previous !== undefined) follow(row, read, sectionScope, read.value, [previous + 1]);
        else {
          // A section's first item: restart at 1 or continue the previous section's numbers.
          const styles =
            lastItem === undefined
              ? [read.value]
              : table.template.numbering === "continuous"
                ? [lastItem + 1, 1]
                : [1, lastItem + 1];
          follow(row, read, sectionScope, read.value, styles);
        }
        lastItem = read.value;
      } else {
        const siblings = row.parent ?? sectionScope;
        const stt = inItsList(read, (kind) => seq.get(`${kind}:${siblings}`));
        const parent = row.parent !== undefined ? table.rows[row.parent] : undefined;
        const parentStt = parent && readStt(parent.stt);
        if (stt.kind === "dotted" && (!parentStt || opensSection(parentStt))) {
          report(row, { kind: "orphan", expected: stt.prefix });
          continue;
        }
        if (stt.kind === "dotted" && parent && parentStt) {
          const parentNumber = sttPath(parentStt) ?? parent.stt;
          if (parentNumber !== stt.prefix) {
            report(row, { kind: "parent", expected: `${parentNumber}.x`, parent: parent.stt });
            continue;
          }
        }
        const scope = `${stt.kind}:${siblings}`;
        const previous = seq.get(scope) ?? 0;
        const accepted = stt.kind === "letter" ? nextLetters(previous) : [previous + 1];
        follow(row, stt, scope, stt.value, accepted);
      }
    }
    return findings;
  },
};
