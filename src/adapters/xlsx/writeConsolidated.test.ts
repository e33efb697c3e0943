import { mergeWorkbook, type MergeResult } from "../../engine/merge";
import { templateSheets, unitInputs } from "../../engine/merge/inputs";
import { LOG_SHEET_NAME } from "../../engine/merge/logSheet";
import { recogniseTable } from "../../engine/recognise";
import { addGridSheet, seedLayout } from "../../../test/fixtures/seedGrids";
import { budgetBySection, budgetSheet } from "../../../test/fixtures/mergeCases";
import { SEED_PHU_LUC_II } from "../../../test/fixtures/seedTables";
import { SERVICES_HEADER, servicesWorkbook } from "../../../test/fixtures/servicesTemplate";
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { loadWorkbook } from "./loadWorkbook";
import { readWorkbook } from "./readWorkbook";
import { writeConsolidated } from "./writeConsolidated";
import { emptyReviewStore, reviewStoreOf } from "../../engine/review";

const { template: seed, parts } = budgetBySection(SEED_PHU_LUC_II);

async function templateBytes(): Promise<{ bytes: Uint8Array; footerRow: number }> {
  const { grid } = seedLayout(seed, { sheetName: "Phụ lục II", footer: ["Nơi nhận:", "GIÁM ĐỐC"] });
  const footerRow = grid.rows.length - 1; // GIÁM ĐỐC, merged across B:D like a signature block
  grid.merges.push({ top: footerRow, left: 1, bottom: footerRow, right: 3 });
  const workbook = new ExcelJS.Workbook();
  addGridSheet(workbook, grid);
  return { bytes: new Uint8Array(await workbook.xlsx.writeBuffer()), footerRow };
}

/** The template with its sheet's part named `sheet.xml`, as the Open XML SDK named a workbook's first sheet. */
function sdkPartNames(bytes: Uint8Array): Uint8Array {
  const parts = Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
  parts["xl/worksheets/sheet.xml"] = parts["xl/worksheets/sheet1.xml"];
  delete parts["xl/worksheets/sheet1.xml"];
  for (const name of ["[Content_Types].xml", "xl/_rels/workbook.xml.rels"])
    parts[name] = parts[name].replace("worksheets/sheet1.xml", "worksheets/sheet.xml");
  return zipSync(Object.fromEntries(Object.entries(parts).map(([name, text]) => [name, strToU8(text)])));
}

async function servicesTemplate(): Promise<Uint8Array> {
  return new Uint8Array(await servicesWorkbook().xlsx.writeBuffer());
}

async function servicesUnit(row: (string | number)[]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Dịch vụ công");
  sheet.addRows([["PHỤ LỤC III"], [`Báo cáo của ${row[0]}`], SERVICES_HEADER.slice(0, 4), row]);
  return (await readWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer()))).grids;
}

/** The dịch vụ công template merged with Xã An 1's figures and a new Xã Tân 4 (one row inserted above Toàn tỉnh). */
async function servicesMerge(): Promise<{ bytes: Uint8Array; result: MergeResult }> {
  const bytes = await servicesTemplate();
  const inputs = [
    ...unitInputs("xa-1.xlsx", await servicesUnit(["Xã An 1", 100, 40, 60])).inputs,
    ...unitInputs("xa-4.xlsx", await servicesUnit(["Xã Tân 4", 80, 30, 50])).inputs,
  ];
  return { bytes, result: mergeWorkbook(templateSheets((await readWorkbook(bytes)).grids), inputs) };
}

describe("writeConsolidated", () => {
  it("rewrites the formulas of rows a merge pushes down, as Excel's row insertion would", async () => {
    const { bytes, result } = await servicesMerge();
    expect(result.sheets[0].patch.rowChange).toEqual({ at: 6, delta: 1 });

    const [sheet] = (await readWorkbook(await writeConsolidated(bytes, result))).grids;
    expect(sheet.rows[6][0]).toEqual({ value: "Xã Tân 4" });
    // Toàn tỉnh, one row down: its rate still divides its own figures, not Xã Tân 4's.
    expect(sheet.rows[7][0]).toEqual({ value: "Toàn tỉnh" });
    expect(sheet.rows[7][4]?.formula).toBe("D8/B8");
    // Its counts, summed by formula in the template, still are: over the four xã rows, Xã Tân 4 included.
    expect(sheet.rows[7].slice(1, 4)).toEqual([
      { value: 180, formula: "SUM(B4:B7)", numFmt: "#,##0" },
      { value: 70, formula: "SUM(C4:C7)", numFmt: "#,##0" },
      { value: 110, formula: "SUM(D4:D7)", numFmt: "#,##0" },
    ]);
    // The note below (exceljs moved it) still cites Toàn tỉnh's rate.
    expect(sheet.rows[8][4]?.formula).toBe("E8*100");
    // A shared formula below keeps what each of its cells said (C8/B8, C9/B9 before; moved once, not twice).
    expect([sheet.rows[9][4]?.formula, sheet.rows[10][4]?.formula]).toEqual(["C8/B8*100", "C9/B9*100"]);
  });

  it("caches the results of the formulas computed over the merged rows, those pushed down included", async () => {
    const { bytes, result } = await servicesMerge();
    const written = await writeConsolidated(bytes, result);
    const [sheet] = (await readWorkbook(written)).grids;
    // Toàn tỉnh: 110 of 180 toàn trình, 70 of 180 một phần (the template cached 0 for each).
    expect(sheet.rows[7][4]?.value).toBeCloseTo(110 / 180, 12);
    expect(sheet.rows[8][4]?.value).toBeCloseTo(61.111111111, 8);
    expect(sheet.rows[9][4]?.value).toBeCloseTo(38.888888889, 8);
    // The filled-down cell divides the note row's empty cells.
    expect(sheet.rows[10][4]).toEqual({ value: null, error: "#DIV/0!", formula: "C9/B9*100" });
    expect(result.sheets[0].grid.rows[10][4]).toEqual(sheet.rows[10][4]);
    // Every formula computed: nothing left for Excel to calculate on open.
    expect(strFromU8(unzipSync(written)["xl/workbook.xml"])).not.toContain("fullCalcOnLoad");
  });

  it("writes into a template whose sheet part is not named sheetN.xml (as the Open XML SDK names them)", async () => {
    const bytes = sdkPartNames((await templateBytes()).bytes);
    const [grid] = (await readWorkbook(bytes)).grids;
    expect(grid.name).toBe("Phụ lục II");
    const result = mergeWorkbook(
      [{ grid, table: recogniseTable(grid).table! }],
      parts.map((part, i) => ({ unitId: `U${i}`, file: `u${i}.xlsx`, table: budgetSheet(part).table })),
    );
    const out = await writeConsolidated(bytes, result);
    expect(Object.keys(unzipSync(out))).toContain("xl/worksheets/sheet.xml");
    const [sheet, log] = (await readWorkbook(out)).grids;
    const table = recogniseTable(sheet).table!;
    expect(table.rows.find((r) => r.kind === "total")!.amounts[0].parsed).toMatchObject({ value: 225091 });
    expect(log.name).toBe(LOG_SHEET_NAME);
  });

  it("inserts the kinh-phi items above Tổng cộng, moves the signature block and its merge, adds the log", async () => {
    const { bytes, footerRow } = await templateBytes();
    const before = new Uint8Array(bytes);
    const [grid] = (await readWorkbook(bytes)).grids;
    const template = { grid, table: recogniseTable(grid).table! };
    const result = mergeWorkbook(
      [template],
      parts.map((part, i) => ({ unitId: `U${i}`, file: `u${i}.xlsx`, table: budgetSheet(part).table })),
    );
    const out = await writeConsolidated(bytes, result);
    expect(bytes).toEqual(before);

    const [sheet, log] = (await readWorkbook(out)).grids;
    const delta = result.sheets[0].patch.rowChange!.delta;
    expect(sheet.rows[footerRow + delta]?.[1]?.value).toBe("GIÁM ĐỐC");
    expect(sheet.merges).toContainEqual({ top: footerRow + delta, left: 1, bottom: footerRow + delta, right: 3 });
    const table = recogniseTable(sheet).table!;
    expect(table.rows.filter((r) => r.kind === "item")).toHaveLength(10);
    expect(table.rows.find((r) => r.kind === "total")!.amounts[0].parsed).toMatchObject({ value: 225091 });
    expect(log.name).toBe(LOG_SHEET_NAME);
    expect(log.rows.length).toBe(result.log.length + 1);
  });

  it("writes the log sheet with its header bold and frozen, its rows plain", async () => {
    const { bytes } = await templateBytes();
    const [grid] = (await readWorkbook(bytes)).grids;
    const result = mergeWorkbook(
      [{ grid, table: recogniseTable(grid).table! }],
      parts.map((part, i) => ({ unitId: `U${i}`, file: `u${i}.xlsx`, table: budgetSheet(part).table })),
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await writeConsolidated(bytes, result)) as unknown as ArrayBuffer);
    const log = book.getWorksheet(LOG_SHEET_NAME)!;
    expect(log.getCell("A1").font).toMatchObject({ bold: true }); // the workbook's own font, bold
    expect(log.getCell("A2").font).toBeUndefined();
    expect(log.getCell("H2").font).toBeUndefined();
    expect(log.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  });

  it("replaces an existing log sheet instead of adding a second one", async () => {
    const { bytes } = await templateBytes();
    const [grid] = (await readWorkbook(bytes)).grids;
    const template = { grid, table: recogniseTable(grid).table! };
    const result = mergeWorkbook([template], [{ unitId: "U0", file: "u0.xlsx", table: budgetSheet(parts[0]).table }]);
    const once = await writeConsolidated(bytes, result);
    const twice = await writeConsolidated(once, result);
    expect((await readWorkbook(twice)).grids.map((g) => g.name)).toEqual(["Phụ lục II", LOG_SHEET_NAME]);
  });

  it("Đã duyệt: the approved unit's cells locked, the others unlocked, the sheet protected without a password", async () => {
    const { bytes } = await templateBytes();
    const [grid] = (await readWorkbook(bytes)).grids;
    const result = mergeWorkbook(
      [{ grid, table: recogniseTable(grid).table! }],
      parts.map((part, i) => ({ unitId: `U${i}`, file: `u${i}.xlsx`, table: budgetSheet(part).table })),
    );
    const status = (unit: string, state: "da-duyet" | "da-nhan") => ({ unit, state, by: "", at: "", sha256: unit });
    const review = { ...emptyReviewStore(), statuses: [status("U0", "da-duyet"), status("U1", "da-nhan")] };
    const out = await writeConsolidated(bytes, result, { review });

    const { workbook, read } = await loadWorkbook(out);
    const sheet = workbook.getWorksheet("Phụ lục II")!;
    // exceljs keeps the <sheetProtection> it read as `sheetProtection` (not in its typings).
    const { sheetProtection } = sheet as unknown as { sheetProtection: Record<string, unknown> };
    expect(sheetProtection).toMatchObject({ sheet: true, formatCells: true, insertRows: true, sort: true });
    expect(sheetProtection.hashValue).toBeUndefined();
    const cellsOf = (unit: string) => result.sheets[0].filled.filter((f) => f.source.unit === unit).map((f) => f.cell);
    const locked = (cell: string) => sheet.getCell(cell).protection?.locked !== false;
    expect(cellsOf("U0").length).toBeGreaterThan(0);
    expect(cellsOf("U0").every(locked)).toBe(true);
    expect(cellsOf("U1").some(locked)).toBe(false);
    expect(locked("B2")).toBe(false);
    expect(reviewStoreOf(read.grids).protectedSheets).toEqual(["Phụ lục II"]);
  });

  it("a written number format changes its own cell, not the template's cells of the same style", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Phụ lục I");
    sheet.addRow(["Chỉ tiêu", "Kế hoạch", "Thực hiện", "Ghi chú"]);
    sheet.addRow(["Tỷ lệ hồ sơ", 95, null, 7]);
    for (const address of ["B2", "C2", "D2"]) {
      sheet.getCell(address).style = { numFmt: "#,##0", border: { top: { style: "thin" } } };
    }
    const written = { row: 1, col: 2, value: 0.95, numFmt: "0.0%" };
    const result = { sheets: [{ sheet: "Phụ lục I", patch: { sheet: "Phụ lục I", writes: [written] } }], log: [] };
    const template = new Uint8Array(await book.xlsx.writeBuffer());

    const out = await writeConsolidated(template, result as unknown as MergeResult);

    const [grid] = (await readWorkbook(out)).grids;
    expect(grid.rows[1].map((cell) => cell?.numFmt)).toEqual([undefined, "#,##0", "0.0%", "#,##0"]);
    const outBook = new ExcelJS.Workbook();
    await outBook.xlsx.load(out as unknown as ArrayBuffer);
    expect(outBook.getWorksheet("Phụ lục I")!.getCell("C2").border).toEqual({ top: { style: "thin" } });
  });

  it("refuses a consolidated sheet someone else protected (a password) instead of replacing their protection", async () => {
    const { bytes } = await templateBytes();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    await book.getWorksheet("Phụ lục II")!.protect("mat-khau", {});
    const protectedBytes = new Uint8Array(await book.xlsx.writeBuffer());
    const [grid] = (await readWorkbook(protectedBytes)).grids;
    const result = mergeWorkbook(
      [{ grid, table: recogniseTable(grid).table! }],
      parts.map((part, i) => ({ unitId: `U${i}`, file: `u${i}.xlsx`, table: budgetSheet(part).table })),
    );
    const status = { unit: "U0", state: "da-duyet" as const, by: "", at: "", sha256: "U0" };
    const review = { ...emptyReviewStore(), statuses: [status] };

    await expect(writeConsolidated(protectedBytes, result, { review })).rejects.toMatchObject({
      code: "write-failed",
      messageVi: expect.stringMatching(
        /^Trang “Phụ lục II” của mẫu tổng hợp đang được bảo vệ \(không phải do PhuLuc\)/,
      ),
    });
    await expect(writeConsolidated(protectedBytes, result)).rejects.toMatchObject({ code: "write-failed" });
    // PhuLuc's own protection (recorded in the PhuLuc sheet) is PhuLuc's to replace.
    const ours = await writeConsolidated(protectedBytes, result, {
      review: { ...review, protectedSheets: ["Phụ lục II"] },
    });
    expect(reviewStoreOf((await readWorkbook(ours)).grids).protectedSheets).toEqual(["Phụ lục II"]);
  });

  it("Đã duyệt unlocks the consolidated sheet's cells only, not another sheet's cells of the same style", async () => {
    const { bytes } = await templateBytes();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const guide = book.addWorksheet("Hướng dẫn");
    guide.getCell("A1").value = "Không sửa trang này";
    guide.getCell("A1").style = JSON.parse(JSON.stringify(book.getWorksheet("Phụ lục II")!.getCell("A1").style));
    const withGuide = new Uint8Array(await book.xlsx.writeBuffer());
    const [grid] = (await readWorkbook(withGuide)).grids;
    const result = mergeWorkbook(
      [{ grid, table: recogniseTable(grid).table! }],
      parts.map((part, i) => ({ unitId: `U${i}`, file: `u${i}.xlsx`, table: budgetSheet(part).table })),
    );
    const status = { unit: "U0", state: "da-duyet" as const, by: "", at: "", sha256: "U0" };

    const out = await writeConsolidated(withGuide, result, {
      review: { ...emptyReviewStore(), statuses: [status] },
    });

    const written = new ExcelJS.Workbook();
    await written.xlsx.load(out as unknown as ArrayBuffer);
    expect(written.getWorksheet("Phụ lục II")!.getCell("A1").protection?.locked).toBe(false);
    expect(written.getWorksheet("Hướng dẫn")!.getCell("A1").protection?.locked).not.toBe(false);
  });
});
