import { SEED_PHU_LUC_II } from "../../../test/fixtures/seedTables";
import { seedGrid } from "../../../test/fixtures/seedGrids";
import { fakeContext, fakeSheetFromGrid, fakeSheetFromRows, WEB, type FakeSheet } from "../../../test/fakes/fakeExcel";
import { cellAt } from "../../engine/grid";
import { readActiveSheetGrid } from "./readSheet";

function workbook(sheet: FakeSheet) {
  return fakeContext({ sheets: [sheet], activeSheet: sheet.name, settings: {} });
}

/** A long Phụ lục-like sheet: header in row 1, then `count` data rows (STT, label, amount). */
function longSheet(count: number): FakeSheet {
  const rows: (string | number)[][] = [["STT", "Nội dung, nhiệm vụ", "Nhu cầu kinh phí"]];
  for (let i = 1; i <= count; i++) rows.push([i, `Nhiệm vụ ${i}`, i * 10]);
  return fakeSheetFromRows("Dài", rows);
}

describe("readActiveSheetGrid", () => {
  it("reads the seed's Phụ lục II sheet in one sync, cell for cell, with merges", async () => {
    const grid = seedGrid(SEED_PHU_LUC_II, { sheetName: "Phụ lục II" });
    const { context, fake } = workbook(fakeSheetFromGrid(grid));
    const read = await readActiveSheetGrid(context);
    expect(fake.syncCount).toBe(1);
    expect(read.name).toBe("Phụ lục II");
    expect(read.merges).toEqual(expect.arrayContaining(grid.merges));
    expect(read.merges).toHaveLength(grid.merges.length);
    const total = read.rows.findIndex((row) => row.some((c) => c?.value === "Tổng cộng"));
    expect(total).toBeGreaterThan(0);
    expect(read.rows[total].some((c) => c?.value === 224591)).toBe(true);
    grid.rows.forEach((row, r) => row.forEach((cell, c) => expect(cellAt(read, r, c)).toEqual(cell)));
  });

  it("reads a 2,000-row sheet in one sync and a 5,000-row one in two", async () => {
    const small = workbook(longSheet(1999));
    expect((await readActiveSheetGrid(small.context)).rows).toHaveLength(2000);
    expect(small.fake.syncCount).toBe(1);
    const { context, fake } = workbook(longSheet(4999));
    const read = await readActiveSheetGrid(context);
    expect(fake.syncCount).toBe(2);
    expect(read.rows).toHaveLength(5000);
    expect(read.rows[4999][2]).toEqual({ value: 49990 });
  });

  it("excel #4: on Excel on the web, reads a wide prose sheet in syncs that each stay under 5 MB", async () => {
    const note = "Đã triển khai đến 100% xã, phường, thị trấn; đạt chỉ tiêu kế hoạch năm";
    const rows: string[][] = [Array.from({ length: 20 }, (_, c) => `Cột ${c + 1}`)];
    for (let r = 1; r < 5000; r++) rows.push(Array.from({ length: 20 }, (_, c) => `${note} (${r}.${c})`));
    const { context, fake } = fakeContext(
      { sheets: [fakeSheetFromRows("Rộng", rows)], activeSheet: "Rộng", settings: {} },
      WEB,
    );
    const read = await readActiveSheetGrid(context);
    expect(read.rows).toHaveLength(5000);
    expect(read.rows[4999][19]).toEqual({ value: `${note} (4999.19)` });
    expect(fake.syncCount).toBeGreaterThan(2);
  });

  it("excel #5: reads a sheet with more than 512 merged areas, all of them", async () => {
    const grid = seedGrid(SEED_PHU_LUC_II, { sheetName: "Phụ lục II" });
    const sheet = fakeSheetFromGrid(grid);
    for (let r = 0; r < 600; r++) {
      sheet.cells[`F${r + 30}`] = { value: `ghi chú ${r}` };
      sheet.merges.push({ top: r + 29, bottom: r + 29, left: 5, right: 6 });
    }
    const { context } = workbook(sheet);
    const read = await readActiveSheetGrid(context);
    expect(read.merges).toHaveLength(600 + grid.merges.length);
    expect(read.rows[628][5]).toEqual({ value: "ghi chú 599" });
  });

  it("reads a 12,000-row sheet in blocks with exactly two syncs", async () => {
    const { context, fake } = workbook(longSheet(12000));
    const read = await readActiveSheetGrid(context);
    expect(fake.syncCount).toBe(2);
    expect(read.rows).toHaveLength(12001);
    expect(read.rows[5000][1]).toEqual({ value: "Nhiệm vụ 5000" });
    expect(read.rows[12000][2]).toEqual({ value: 120000 });
    expect(read.truncated).toBeUndefined();
  });

  it("keeps grid rows and columns at their sheet positions when the table starts at C4", async () => {
    const sheet = fakeSheetFromRows("Lệch", [
      [],
      [],
      [],
      [null, null, "STT", "Chỉ tiêu"],
      [null, null, "1", "Tỷ lệ hộ"],
    ]);
    const { context } = workbook(sheet);
    const read = await readActiveSheetGrid(context);
    expect(cellAt(read, 3, 2)).toEqual({ value: "STT" });
    expect(cellAt(read, 4, 3)).toEqual({ value: "Tỷ lệ hộ" });
    expect(cellAt(read, 0, 0)).toBeUndefined();
  });

  it("keeps formula text with the calculated value, turns #REF! into Cell.error, keeps number formats", async () => {
    const sheet = fakeSheetFromRows("Công thức", [
      ["Tổng", { value: 225091, formula: "=SUM(D2:D11)", numberFormat: "#,##0" }],
      ["Hỏng", { error: "#REF!", formula: "=SUM(#REF!)" }],
      ["Tỷ lệ", { value: 0.942, numberFormat: "0.0%" }],
    ]);
    const { context } = workbook(sheet);
    const read = await readActiveSheetGrid(context);
    expect(cellAt(read, 0, 1)).toEqual({ value: 225091, formula: "SUM(D2:D11)", numFmt: "#,##0" });
    expect(cellAt(read, 1, 1)).toEqual({ value: null, error: "#REF!", formula: "SUM(#REF!)" });
    expect(cellAt(read, 2, 1)).toEqual({ value: 0.942, numFmt: "0.0%" });
  });

  it("turns date serials into Dates like the xlsx reader, and leaves other numbers alone", async () => {
    const sheet = fakeSheetFromRows("Ngày", [
      [
        { value: 45291, numberFormat: "dd/mm/yyyy" },
        { value: 45291, numberFormat: '[$-vi-VN]d "tháng" m yyyy' },
      ],
      [
        { value: 45291, numberFormat: "#,##0" },
        { value: 0.5, numberFormat: "0%" },
      ],
    ]);
    const { context } = workbook(sheet);
    const read = await readActiveSheetGrid(context);
    expect(cellAt(read, 0, 0)?.value).toEqual(new Date(Date.UTC(2023, 11, 31)));
    expect(cellAt(read, 0, 1)?.value).toEqual(new Date(Date.UTC(2023, 11, 31)));
    expect(cellAt(read, 1, 0)?.value).toBe(45291);
    expect(cellAt(read, 1, 1)?.value).toBe(0.5);
  });

  it("reports hidden rows of the used range", async () => {
    const grid = seedGrid(SEED_PHU_LUC_II, { hiddenRows: [2, 3] });
    const { context } = workbook(fakeSheetFromGrid(grid));
    const read = await readActiveSheetGrid(context);
    expect(read.hiddenRows).toEqual(grid.hiddenRows);
    expect(read.hiddenRows).toHaveLength(2);
  });

  it("leaves merged areas out when the caller says Excel lacks them (no 1.13 call made)", async () => {
    const grid = seedGrid(SEED_PHU_LUC_II);
    const { context, fake } = workbook(fakeSheetFromGrid(grid));
    const read = await readActiveSheetGrid(context, { mergedAreas: false });
    expect(read.merges).toEqual([]);
    expect(fake.syncCount).toBe(1);
  });

  it("stops at maxRows and says how many rows it left out", async () => {
    const { context, fake } = workbook(longSheet(7000));
    const read = await readActiveSheetGrid(context, { maxRows: 6000 });
    expect(read.rows).toHaveLength(6000);
    expect(read.truncated).toEqual({ rows: 1001 });
    expect(fake.syncCount).toBe(2);
  });
});
