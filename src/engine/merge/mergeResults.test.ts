import { recogniseTable } from "../recognise";
import { mergeWorkbook } from ".";
import { seedGrid } from "../../../test/fixtures/seedGrids";
import { SEED_KET_QUA, type SeedTable } from "../../../test/fixtures/seedTables";

/** ket-qua has no Đơn vị chủ trì column: the first unit (by id) that reports a row is taken. */
const sheet = (seed: SeedTable) => {
  const grid = seedGrid(seed, { sheetName: "Kết quả" });
  return { grid, table: recogniseTable(grid).table! };
};
const blank: SeedTable = { ...SEED_KET_QUA, rows: SEED_KET_QUA.rows.map(([stt, label]) => [stt, label, "", "", ""]) };
const only = (indexes: number[], change: (row: string[], i: number) => string[] = (row) => row): SeedTable => ({
  ...SEED_KET_QUA,
  rows: SEED_KET_QUA.rows.flatMap((row, i) => (indexes.includes(i) ? [change([...row], i)] : [])),
});

describe("merge ket-qua (no lead unit column)", () => {
  const template = sheet(blank);

  it("fills each row from whoever reported it, and lists rows nobody reported", () => {
    const result = mergeWorkbook(
      [template],
      [
        { unitId: "VAN-PHONG", file: "vp.xlsx", table: sheet(only([0, 1, 2, 3])).table },
        { unitId: "KHTC", file: "khtc.xlsx", table: sheet(only([4, 5, 6])).table },
      ],
    );
    const table = recogniseTable(result.sheets[0].grid).table!;
    expect(table.rows.slice(0, 7).map((row) => row.cells.actual?.text)).toEqual(
      SEED_KET_QUA.rows.slice(0, 7).map((row) => row[2]),
    );
    expect(table.rows[2].cells.note?.text).toBe("Có thể đạt");
    expect(result.findings.filter((f) => f.rule === "missing-report")).toEqual([]);
    expect(result.completeness).toMatchObject({ indicatorRows: 14, filledRows: 7, percent: 50, expectedUnits: [] });
    expect(result.completeness.emptyRows.map((r) => r.cell)).toEqual(["C11", "C12", "C13", "C14", "C15", "C16", "C17"]);
  });

  it("two units reporting one row differently conflict; the first unit by id is kept", () => {
    const result = mergeWorkbook(
      [template],
      [
        { unitId: "VAN-PHONG", file: "vp.xlsx", table: sheet(only([3])).table },
        {
          unitId: "KHTC",
          file: "khtc.xlsx",
          table: sheet(only([3], (row) => [row[0], row[1], "Tham gia 95%", "Chưa đạt", ""])).table,
        },
      ],
    );
    const conflicts = result.findings.filter((f) => f.rule === "merge-conflict");
    expect(conflicts.map((f) => [f.cell, f.expected, f.actual, f.file])).toEqual([
      ["C7", "Tham gia 95%", "Tham gia đầy đủ", "vp.xlsx"],
      ["D7", "Chưa đạt", "Đạt", "vp.xlsx"],
    ]);
  });
});
