import fc from "fast-check";
import { mergeWorkbook, type UnitInput } from ".";
import { isNonEmptyRow } from "./context";
import { COL, blankForm, filledPhuLucI, sheetOf, unitInput } from "../../../test/fixtures/mergeCases";
import type { SeedTable } from "../../../test/fixtures/seedTables";

const filled = filledPhuLucI();
const template = sheetOf(blankForm(filled));
const UNITS = ["CNTT-BCVT", "TTBCXB", "THANH-TRA", "KHTC"];

/** A unit file: some of the seed's rows (any unit's), some results changed, maybe an unknown row, maybe dated. */
const unitArb = fc.record({
  unit: fc.constantFrom(...UNITS),
  rows: fc.subarray(
    filled.rows.map((_, i) => i),
    { minLength: 0, maxLength: 12 },
  ),
  changed: fc.array(fc.nat({ max: filled.rows.length - 1 }), { maxLength: 3 }),
  extra: fc.boolean(),
  day: fc.option(fc.integer({ min: 1, max: 28 }), { nil: undefined }),
});

interface UnitSpec {
  rows: number[];
  changed: number[];
  extra: boolean;
}

function unitSeed(spec: UnitSpec, n: number): SeedTable {
  const rows = spec.rows.map((i) => {
    const row = [...filled.rows[i]];
    if (spec.changed.includes(i) && row[COL.actual]) row[COL.actual] = `${40 + n}%`;
    return row;
  });
  if (spec.extra) rows.push(["9", `Chỉ tiêu riêng số ${n} của đơn vị`, "", "5", "", "", "", "", ""]);
  return { ...filled, rows };
}

describe("merge chi-tieu: property", () => {
  it("every non-empty input row is logged exactly once, whatever its fate (merged, agreed, conflict, unknown, superseded)", () => {
    fc.assert(
      fc.property(fc.array(unitArb, { minLength: 1, maxLength: 5 }), (specs) => {
        const inputs: UnitInput[] = specs.map((spec, n) =>
          unitInput(unitSeed(spec, n), `f${n}.xlsx`, {
            unitId: spec.unit,
            ...(spec.day ? { receivedAt: `2024-11-${String(spec.day).padStart(2, "0")}` } : {}),
          }),
        );
        const result = mergeWorkbook([template], inputs);
        const expected = inputs.flatMap((input) =>
          input.table.rows.filter((row) => isNonEmptyRow(input.table, row)).map((row) => `${input.file}|${row.row}`),
        );
        const logged = result.log.map((e) => `${e.file}|${Number(/\d+$/.exec(e.cell)![0]) - 1}`);
        expect([...logged].sort()).toEqual([...expected].sort());
        // Each consolidated value comes from a logged row that gave values (a row shows its strongest outcome).
        for (const value of result.sheets[0].filled) {
          const entry = result.log.find(
            (e) =>
              e.file === value.source.file &&
              e.cell.replace(/^[A-Z]+/, "") === value.source.cell.replace(/^[A-Z]+/, ""),
          );
          expect(["merged", "conflict", "rejected"]).toContain(entry?.status);
        }
      }),
      { numRuns: 40 },
    );
  });
});
