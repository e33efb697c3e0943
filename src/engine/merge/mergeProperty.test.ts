import fc from "fast-check";
import { mergeWorkbook, type UnitInput } from ".";
import { isNonEmptyRow } from "./context";
import { COL, blankForm, filledPhuLucI, sheetOf, unitInput } from "../../../test/fixtures/mergeCases";
import { SEED_PHU_LUC_II, type SeedTable } from "../../../test/fixtures/seedTables";
import { seedGrid } from "../../../test/fixtures/seedGrids";
import { a1, cellText, type Grid } from "../grid";
import { unitInputs } from "./inputs";

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

/** Columns that name the row and its units; every other non-empty cell of a data row is a value. */
const IDENTITY = ["stt", "code", "indicator", "reportingUnit", "leadUnit", "coUnits", "measure"] as const;

/** The non-empty value cells of an input, read from its grid (not from what the merge extracts). */
function valueCellsOf(grid: Grid, input: UnitInput): string[] {
  const identity = new Set(IDENTITY.map((role) => input.table.columns[role]).filter((c) => c !== undefined));
  return input.table.rows.flatMap((row) =>
    (grid.rows[row.row] ?? []).flatMap((cell, col) =>
      !identity.has(col) && cellText(cell).trim() ? [`${input.file}|${input.table.sheet}!${a1(row.row, col)}`] : [],
    ),
  );
}

const accountingUnitArb = fc.record({
  unit: fc.constantFrom(...UNITS),
  rows: fc.subarray(
    filled.rows.map((_, i) => i),
    { minLength: 1, maxLength: 10 },
  ),
  duplicate: fc.boolean(),
  changed: fc.array(fc.nat({ max: filled.rows.length - 1 }), { maxLength: 3 }),
  extra: fc.boolean(),
  estimate: fc.boolean(),
  reorder: fc.boolean(),
  text: fc.boolean(),
  day: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
  budget: fc.boolean(),
});

describe("merge: every value accounted for (property)", () => {
  it("count in = count accounted: each non-empty value once, merged, agreed, conflict, unknown, superseded or not merged with a reason", () => {
    fc.assert(
      fc.property(fc.array(accountingUnitArb, { minLength: 1, maxLength: 5 }), (specs) => {
        const read = specs.map((spec, n) => {
          const seed = unitSeed({ ...spec, rows: spec.duplicate ? [...spec.rows, spec.rows[0]] : spec.rows }, n);
          const file = `f${n}.xlsx`;
          const grid = spec.budget
            ? seedGrid(SEED_PHU_LUC_II, { sheetName: "Phụ lục II" })
            : seedGrid(seed, {
                sheetName: "Phụ lục I",
                numbers: spec.text ? "text" : "number",
                columnOrder: spec.reorder ? [0, 1, 3, 2, 5, 4, 6, 7, 8] : undefined,
                extraColumns: spec.estimate
                  ? [{ header: "Ước thực hiện cả năm", values: seed.rows.map((_, i) => `${70 + i}%`) }]
                  : undefined,
              });
          const dated = spec.day ? { receivedAt: `2024-11-0${spec.day}T08:00:00Z` } : {};
          const { inputs } = unitInputs(file, [grid], { unitId: spec.unit, ...dated });
          return { grid, input: inputs[0] };
        });
        const result = mergeWorkbook(
          [template],
          read.map((r) => r.input),
        );
        const valuesIn = read.flatMap((r) => valueCellsOf(r.grid, r.input)).sort();
        const accounted = result.values.map((v) => `${v.file}|${v.sheet}!${v.cell}`).sort();
        expect(accounted).toEqual(valuesIn);
        for (const v of result.values) {
          if (v.fate === "not-merged") expect(v.reason).toBeTruthy();
          if (v.fate === "merged" || v.fate === "agreed") expect(v.target).toBeDefined();
        }
      }),
      { numRuns: 40 },
    );
  });
});
