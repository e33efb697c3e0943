/**
 * One cause, one finding (oneCause.ts), on dịch vụ công files built the way districts send them: each
 * district's own row under the province's title, with its signature block below, counts typed as
 * Vietnamese text (`1.348`, `98,2%`). Decided by hand before running: Tri Tôn's Tổng số DVC typed
 * `296.000` for 296 among counts near 300 is one finding on its consolidated cell — the outlier (it names
 * the factor and the units compared) carrying Tri Tôn's file; with only three districts the outlier
 * cannot judge (it needs five) and the merge's own scale-suspect is the one finding; the clean twin has none.
 */
import { recogniseTable } from "../recognise";
import { mergeWorkbook, type UnitInput } from ".";
import { seedGrid } from "../../../test/fixtures/seedGrids";
import { DISTRICTS, OUTLIER_DISTRICT, SERVICES_CLEAN, SERVICES_OUTLIER } from "../../../test/fixtures/periodCases";
import type { SeedTable } from "../../../test/fixtures/seedTables";

const FOOTER = ["Người lập biểu", "CHỦ TỊCH UBND"];

const tableOf = (seed: SeedTable, sheetName: string) => {
  const grid = seedGrid(seed, { sheetName, footer: FOOTER });
  return { grid, table: recogniseTable(grid).table! };
};

/** The province's form: every district's row, counts empty, the total row. */
function template(districts: string[]) {
  const rows = SERVICES_CLEAN.rows.filter((row) => districts.includes(row[1]) || row[1] === "Tổng cộng");
  return tableOf({ ...SERVICES_CLEAN, rows: rows.map((row) => row.map((text, c) => (c < 2 ? text : ""))) }, "DVC");
}

/** Each district's file: its own row of `seed` only, numbered 1. */
function districtFiles(seed: SeedTable, districts: string[]): UnitInput[] {
  return districts.map((district) => {
    const own = seed.rows.find((row) => row[1] === district)!;
    return {
      file: `${district.replace(/^UBND (huyện|thị xã|thành phố) /, "")}.xlsx`,
      table: tableOf({ ...seed, rows: [["1", ...own.slice(1)]] }, "DVC").table,
    };
  });
}

const TRI_TON_FILE = "Tri Tôn.xlsx";

function findingsOnTriTon(seed: SeedTable, districts: string[]) {
  const result = mergeWorkbook([template(districts)], districtFiles(seed, districts));
  const consolidated = recogniseTable(result.sheets[0].grid).table!;
  const row = consolidated.rows.find((r) => r.label === OUTLIER_DISTRICT)!;
  const cell = row.cells.dvcTotal!.address;
  return { cell, all: result.findings, onCell: result.findings.filter((f) => f.cell === cell) };
}

describe("a district's count typed 1000× in a merge: one cause, one finding", () => {
  it("six districts: only the outlier, naming the factor and the six units, with Tri Tôn's file", () => {
    const { cell, onCell } = findingsOnTriTon(SERVICES_OUTLIER, DISTRICTS);
    expect(onCell).toEqual([
      expect.objectContaining({ rule: "outlier", severity: "warning", cell, file: TRI_TON_FILE, actual: 296000 }),
    ]);
    expect(onCell[0].message).toMatch(/gấp [\d.]+ lần trung vị của 6 đơn vị/);
  });

  it("three districts (too few for the outlier): the merge's scale-suspect alone, with Tri Tôn's file", () => {
    const three = ["UBND thành phố Long Xuyên", "UBND huyện Chợ Mới", OUTLIER_DISTRICT];
    const { cell, onCell } = findingsOnTriTon(SERVICES_OUTLIER, three);
    expect(onCell).toEqual([
      expect.objectContaining({ rule: "scale-suspect", cell, file: TRI_TON_FILE, actual: 296000 }),
    ]);
  });

  it("the clean twin: nothing on the cell, no outlier or scale-suspect anywhere", () => {
    const { onCell, all } = findingsOnTriTon(SERVICES_CLEAN, DISTRICTS);
    expect(onCell).toEqual([]);
    expect(all.filter((f) => f.rule === "outlier" || f.rule === "scale-suspect")).toEqual([]);
  });
});
