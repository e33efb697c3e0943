/**
 * `total-mismatch`: a subtotal or total that differs from the sum of the rows it covers.
 * - Down: section subtotals, `Cộng` rows and `Tổng cộng`, per amount column (kinh-phi amounts and
 *   dich-vu-cong counts: the template's summable columns), over the rows structure.ts says they cover.
 * - Across (kinh-phi): a `Tổng` amount column against the sum of the other amount columns of the
 *   same row. dich-vu-cong's whole-vs-parts is parts-mismatch's question, not this one.
 * The expected sums come from totals.ts (expectedTotals), the same the merge and the export use.
 * When a covered cell is unreadable (text, error, formula never calculated) the sum is unknown: no
 * mismatch is claimed (total-unverifiable names the cells); an empty total cell over rows that add
 * up to more than 0 gets a note. A total written with d decimals matches a sum that rounds
 * or truncates to it (tolerance.ts).
 */
import { makeFinding, type FigureUnit, type Finding } from "../finding";
import { mismatch, MISMATCH_MESSAGE, type MismatchParams } from "../messages";
import type { Table, TableRow } from "../model";
import { matchesStated } from "../tolerance";
import { expectedTotals, type ExpectedTotal } from "../totals";
import { makeNote } from "../notes/note";
import { totalEmpty } from "../notes/sheet";
import type { SheetRule } from "./rule";
import { tidyText } from "../text";

type Words = { vi: string; en: string };

/** Totals of a money table (its figures policy) are in the sheet's Đvt, when it states one. */
function moneyUnit(table: Table): FigureUnit | undefined {
  const scale = table.unitLine?.scale;
  return table.template.policies.figures === "amounts" && scale !== undefined ? { kind: "money", scale } : undefined;
}

function rowSubject(row: TableRow): Words {
  if (row.kind === "section") return { vi: `Mục ${row.stt}`, en: `Section ${row.stt}` };
  const label = row.label || (row.kind === "total" ? "Tổng cộng" : "Cộng");
  return { vi: label, en: label };
}

/** Names the column when there are several (`(cột Vốn đầu tư)`). */
function columnSuffix(table: Table, amountIndex: number): Words {
  if (table.amountColumns.length < 2) return { vi: "", en: "" };
  const name = tidyText(table.amountColumns[amountIndex].header);
  return { vi: ` (cột ${name})`, en: ` (column ${name})` };
}

function wording(table: Table, total: ExpectedTotal): { subject: Words; basis: Words } {
  const row = table.rows[total.rowIndex];
  if (total.direction === "across") {
    const header = tidyText(table.amountColumns[total.amountIndex].header);
    const others = table.amountColumns
      .filter((_, i) => i !== total.amountIndex)
      .map((column) => tidyText(column.header))
      .join(" + ");
    return {
      subject: { vi: `Cột ${header}`, en: `The ${header} column` },
      basis: { vi: `${others} của cùng dòng`, en: `${others} on the same row` },
    };
  }
  const subject = rowSubject(row);
  const suffix = columnSuffix(table, total.amountIndex);
  return {
    subject: { vi: subject.vi + suffix.vi, en: subject.en + suffix.en },
    basis:
      row.kind === "section"
        ? { vi: `tổng các mục của mục ${row.stt}`, en: `the sum of section ${row.stt}'s items` }
        : { vi: "tổng các mục", en: "the sum of the items" },
  };
}

export const totalMismatch: SheetRule<"total-mismatch", MismatchParams> = {
  id: "total-mismatch",
  severity: "error",
  tags: ["sheet", "arithmetic"],
  label: { vi: "Tổng không khớp", en: "Total mismatch" },
  message: MISMATCH_MESSAGE,
  examples: [
    mismatch({
      subject: { vi: "Tổng cộng", en: "Tổng cộng" },
      basis: { vi: "tổng các mục", en: "the sum of the items" },
      actual: 224591,
      expected: 225091,
    }),
  ],
  check(table, ctx) {
    const findings: Finding[] = [];
    for (const total of expectedTotals(table)) {
      if (total.direction === "across" && !table.template.policies.totalsAcross) continue;
      const { subject, basis } = wording(table, total);
      const parsed = total.cell.parsed;
      if (parsed.kind === "empty") {
        ctx.note?.(makeNote(totalEmpty, { cell: total.cell.address, subject, basis, expected: total.expected }));
        continue;
      }
      if (parsed.kind !== "number") continue; // not-a-number reports it
      if (!total.complete) continue; // total-unverifiable says which cells
      if (matchesStated(parsed.value, parsed.decimals, total.expected)) continue;
      findings.push(
        makeFinding(
          this,
          { sheet: table.sheet, cell: total.cell.address },
          mismatch({ subject, basis, actual: parsed.value, expected: total.expected, figureUnit: moneyUnit(table) }),
        ),
      );
    }
    return findings;
  },
};
