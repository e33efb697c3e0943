import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import { SaxesParser } from "saxes";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import type { MergeResult, SheetPatch } from "../../../engine/merge";
import { mergeWorkbook } from "../../../engine/merge";
import { templateSheets, unitInputs } from "../../../engine/merge/inputs";
import { recogniseTable } from "../../../engine/recognise";
import { PROTECTION_ALLOWS } from "../../../engine/review";
import { addGridSheet, seedLayout } from "../../../../test/fixtures/seedGrids";
import { budgetBySection, budgetSheet } from "../../../../test/fixtures/mergeCases";
import { SEED_PHU_LUC_II } from "../../../../test/fixtures/seedTables";
import { readWorkbook } from "../readWorkbook";
import { writeConsolidated } from "../writeConsolidated";
import { WorksheetXml, type StringRefs } from "./worksheet";

const SHEET = "xl/worksheets/sheet1.xml";
const SST = "xl/sharedStrings.xml";

/** Appends new strings to the workbook's sst (patch/sharedStrings.ts does it for the writer). */
class TestStrings implements StringRefs {
  private readonly added: string[] = [];
  constructor(private readonly unique: number) {}
  ref(text: string): number {
    this.added.push(text);
    return this.unique + this.added.length - 1;
  }
  patch(sst: string): string {
    const items = this.added.map(
      (t) => `<si><t xml:space="preserve">${t.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</t></si>`,
    );
    return sst
      .replace(/uniqueCount="\d+"/, `uniqueCount="${this.unique + this.added.length}"`)
      .replace("</sst>", `${items.join("")}</sst>`);
  }
}

/** The workbook with its first sheet patched by `edit`. */
function patched(bytes: Uint8Array, edit: (sheet: WorksheetXml, strings: TestStrings) => void): Uint8Array {
  const files = unzipSync(bytes);
  const sst = files[SST]
    ? strFromU8(files[SST])
    : '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"></sst>';
  const strings = new TestStrings(Number(/uniqueCount="(\d+)"/.exec(sst)?.[1] ?? 0));
  const sheet = new WorksheetXml(strFromU8(files[SHEET]));
  edit(sheet, strings);
  files[SHEET] = strToU8(sheet.toXml());
  if (files[SST]) files[SST] = strToU8(strings.patch(sst));
  return zipSync(files);
}

/** What the patch did, read back with PhuLuc's reader: the first sheet's grid. */
async function firstGrid(bytes: Uint8Array) {
  return (await readWorkbook(bytes)).grids[0];
}

/** The same patch through the exceljs writer (writeConsolidated's applyPatch): the oracle. */
async function viaExceljs(bytes: Uint8Array, patch: SheetPatch): Promise<Uint8Array> {
  const result = { sheets: [{ sheet: patch.sheet, patch }], log: [] } as unknown as MergeResult;
  return writeConsolidated(bytes, result);
}

function viaXml(bytes: Uint8Array, patch: SheetPatch): Uint8Array {
  return patched(bytes, (sheet, strings) => {
    if (patch.rowChange) sheet.changeRows(patch.rowChange.at, patch.rowChange.delta);
    for (const w of patch.writes) {
      const value = w.value instanceof Date ? null : w.value;
      sheet.setCell(w.row, w.col, value, { strings, formula: w.formula });
    }
  });
}

/** A dịch vụ công template: three xã, Toàn tỉnh with sums and a rate formula, notes below citing it, a filled-down formula. */
async function servicesTemplate(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Dịch vụ công");
  sheet.addRows([
    ["PHỤ LỤC III"],
    ["Thống kê dịch vụ công trực tuyến"],
    ["Đơn vị", "Tổng số", "Một phần", "Toàn trình", "Tỷ lệ"],
  ]);
  for (const xa of ["Xã An 1", "Xã Bình 2", "Xã Mỹ 3"]) sheet.addRow([xa, 10, 4, 6]);
  const sum = (col: string) => ({ formula: `SUM(${col}4:${col}6)`, result: 0 });
  sheet.addRow(["Toàn tỉnh", sum("B"), sum("C"), sum("D"), { formula: "D7/B7", result: 0 }]);
  sheet.addRow(["Ghi chú", null, null, null, { formula: "E7*100", result: 0 }]);
  sheet.addRow(["Tỷ lệ một phần", null, null, null, { formula: "C7/B7*100", result: 0 }]);
  sheet.addRow(["", null, null, null, { sharedFormula: "E9", result: 0 } as ExcelJS.CellSharedFormulaValue]);
  sheet.addRow(["Người lập biểu"]);
  sheet.mergeCells("A11:C11");
  for (let r = 4; r <= 7; r++) {
    sheet.getRow(r).height = 20;
    for (let c = 1; c <= 5; c++) sheet.getCell(r, c).border = { top: { style: "thin" } };
  }
  sheet.addConditionalFormatting({
    ref: "E4:E7",
    rules: [{ type: "expression", priority: 1, formulae: ["E4>$E$7"], style: { font: { bold: true } } }],
  });
  sheet.getCell("B4").dataValidation = { type: "whole", allowBlank: true, formulae: [0, 1000], showErrorMessage: true };
  sheet.getCell("A11").value = { text: "Người lập biểu", hyperlink: "https://example.com" };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function budgetTemplate(): Promise<{ bytes: Uint8Array; result: MergeResult }> {
  const { template: seed, parts } = budgetBySection(SEED_PHU_LUC_II);
  const { grid } = seedLayout(seed, { sheetName: "Phụ lục II", footer: ["Nơi nhận:", "GIÁM ĐỐC"] });
  const footerRow = grid.rows.length - 1;
  grid.merges.push({ top: footerRow, left: 1, bottom: footerRow, right: 3 });
  const workbook = new ExcelJS.Workbook();
  addGridSheet(workbook, grid);
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  const [read] = (await readWorkbook(bytes)).grids;
  const result = mergeWorkbook(
    [{ grid: read, table: recogniseTable(read).table! }],
    parts.map((part, i) => ({ unitId: `U${i}`, file: `u${i}.xlsx`, table: budgetSheet(part).table })),
  );
  return { bytes, result };
}

/** Writes without number formats (patch/styles.ts derives those; the oracle compares cells and formulas). */
const withoutNumFmts = (patch: SheetPatch): SheetPatch => ({
  ...patch,
  writes: patch.writes.map((w) => ({ row: w.row, col: w.col, value: w.value, formula: w.formula })),
});

describe("WorksheetXml: the same grids as the exceljs writer", () => {
  it("a merge that inserts kinh-phi rows above Tổng cộng (merged signature block below)", async () => {
    const { bytes, result } = await budgetTemplate();
    const patch = withoutNumFmts(result.sheets[0].patch);
    expect(patch.rowChange!.delta).toBeGreaterThan(0);
    const expected = await firstGrid(await viaExceljs(bytes, patch));
    expect(await firstGrid(viaXml(bytes, patch))).toEqual(expected);
  });

  it("the dịch vụ công template: a xã inserted above Toàn tỉnh, its formulas and the filled-down one moved once", async () => {
    const bytes = await servicesTemplate();
    const unit = new ExcelJS.Workbook();
    unit
      .addWorksheet("Dịch vụ công")
      .addRows([
        ["PHỤ LỤC III"],
        ["Báo cáo"],
        ["Đơn vị", "Tổng số", "Một phần", "Toàn trình"],
        ["Xã Tân 4", 80, 30, 50],
      ]);
    const unitGrids = (await readWorkbook(new Uint8Array(await unit.xlsx.writeBuffer()))).grids;
    const result = mergeWorkbook(
      templateSheets((await readWorkbook(bytes)).grids),
      unitInputs("xa-4.xlsx", unitGrids).inputs,
    );
    const patch = withoutNumFmts(result.sheets[0].patch);
    expect(patch.rowChange).toEqual({ at: 6, delta: 1 });
    const expected = await firstGrid(await viaExceljs(bytes, patch));
    const grid = await firstGrid(viaXml(bytes, patch));
    expect(grid).toEqual(expected);
    // By hand: Toàn tỉnh one row down still divides its own figures; the shared formula's cells moved once.
    expect(grid.rows[7][4]?.formula).toBe("D8/B8");
    expect(grid.rows[7][1]?.formula).toBe("SUM(B4:B6)"); // the insertion is below the range: it stays
    expect([grid.rows[9][4]?.formula, grid.rows[10][4]?.formula]).toEqual(["C8/B8*100", "C9/B9*100"]);
  });

  it("rows deleted (spliceRows): the rows below move up with their formulas and merges", async () => {
    const bytes = await servicesTemplate();
    const patch: SheetPatch = {
      sheet: "Dịch vụ công",
      rowChange: { at: 4, delta: -2 },
      writes: [{ row: 3, col: 1, value: 7 }],
    };
    const expected = await firstGrid(await viaExceljs(bytes, patch));
    const grid = await firstGrid(viaXml(bytes, patch));
    expect(grid).toEqual(expected);
    expect(grid.rows[4][4]?.formula).toBe("D5/B5");
    expect(grid.merges).toEqual([{ top: 8, left: 0, bottom: 8, right: 2 }]);
  });
});

/** Each cell's value, formula and style, and each row's height, as exceljs reads the workbook's first sheet. */
async function exceljsView(bytes: Uint8Array) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  const rows: unknown[] = [];
  const last = sheet.rowCount + 2; // getRow makes rows: rowCount grows as it is read
  for (let r = 1; r <= last; r++) {
    const row = sheet.getRow(r);
    const cells = [];
    for (let c = 1; c <= 8; c++) {
      const cell = row.getCell(c);
      // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read -- exceljs, not Office.js
      cells.push({ value: cell.value, style: cell.style });
    }
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read -- exceljs, not Office.js
    rows.push({ height: row.height, cells });
  }
  return { rows, merges: (sheet.model as { merges?: string[] }).merges };
}

describe("WorksheetXml: the same cells and styles as the exceljs writer, read by exceljs", () => {
  it.each([
    ["a xã inserted above Toàn tỉnh", { at: 6, delta: 1 }],
    ["three rows inserted under the header", { at: 3, delta: 3 }],
    ["two xã deleted", { at: 3, delta: -2 }],
  ])("%s", async (_, rowChange) => {
    const bytes = await servicesTemplate();
    const patch: SheetPatch = {
      sheet: "Dịch vụ công",
      rowChange,
      writes: [
        { row: rowChange.at, col: 0, value: "Xã Tân 4" },
        { row: rowChange.at, col: 1, value: 80 },
        { row: 12, col: 4, value: 0.5, formula: "B13/2" },
        { row: 13, col: 5, value: true },
      ],
    };
    const ours = JSON.stringify(await exceljsView(viaXml(bytes, patch)), null, 1).split("\n");
    const theirs = JSON.stringify(await exceljsView(await viaExceljs(bytes, patch)), null, 1).split("\n");
    expect(ours.filter((line, i) => line !== theirs[i]).slice(0, 20)).toEqual([]);
    expect(ours).toEqual(theirs);
  });
});

/** A 300-row sheet: a filled-down (shared) rate formula beside every row, totals, a signature merge, a format over the rates. */
async function longTemplate(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Dài");
  sheet.addRows([["PHỤ LỤC"], ["Dài"], ["Đơn vị", "Tổng", "Một phần", "Toàn trình", "Tỷ lệ"]]);
  for (let r = 4; r <= 303; r++) {
    const rate =
      r === 4
        ? { formula: "D4/B4", result: 0.5 }
        : ({ sharedFormula: "E4", result: 0.5 } as ExcelJS.CellSharedFormulaValue);
    sheet.addRow([`Xã ${r}`, r * 2, r, r, rate]);
    sheet.getRow(r).getCell(2).numFmt = "#,##0";
  }
  sheet.addRow(["Toàn tỉnh", { formula: "SUM(B4:B303)", result: 0 }, null, null, { formula: "D304/B304", result: 0 }]);
  sheet.addRow([]);
  sheet.addRow(["GIÁM ĐỐC"]);
  sheet.mergeCells("A306:C306");
  sheet.addConditionalFormatting({
    ref: "E4:E303",
    rules: [{ type: "expression", priority: 1, formulae: ["E4>$E$304"], style: { font: { bold: true } } }],
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe("WorksheetXml: a long sheet, the same as the exceljs writer", () => {
  it.each([
    ["40 rows inserted inside a filled-down formula", { at: 150, delta: 40 }],
    ["25 rows deleted across it", { at: 100, delta: -25 }],
  ])("%s", async (_, rowChange) => {
    const bytes = await longTemplate();
    const first = rowChange.at;
    const writes: SheetPatch["writes"] = [];
    for (let r = first; r < first + 10; r++)
      writes.push({ row: r, col: 0, value: `Xã mới ${r}` }, { row: r, col: 1, value: r * 3 });
    const total = 303 + rowChange.delta;
    writes.push({ row: total, col: 1, value: 12345, formula: `SUM(B4:B${total})` });
    const patch: SheetPatch = { sheet: "Dài", rowChange, writes };
    const fromExceljs = await viaExceljs(bytes, patch);
    const ours = viaXml(bytes, patch);
    const grid = await firstGrid(ours);
    expect(grid).toEqual(await firstGrid(fromExceljs));
    expect(await exceljsView(ours)).toEqual(await exceljsView(fromExceljs));
    // By hand: the last rate still divides its own row's figures, Toàn tỉnh's rate its own.
    expect(grid.rows[302 + rowChange.delta][4]?.formula).toBe(`D${303 + rowChange.delta}/B${303 + rowChange.delta}`);
    expect(grid.rows[total][4]?.formula).toBe(`D${total + 1}/B${total + 1}`);
  });
});

describe("WorksheetXml: inserted rows formatted as exceljs's insertRows 'i'", () => {
  it("copies the styles of the row above's merged cells, not of its styled empty cells", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("PL");
    sheet.addRows([["Tiêu đề"], ["Đơn vị", "Số"], ["Xã A", 1, null, null, null], ["Tổng", 1]]);
    sheet.mergeCells("B3:D3");
    sheet.getCell("A3").font = { bold: true };
    // Style objects of their own (exceljs shares the master's with the merged cells: numFmt = … would set all three).
    sheet.getCell("B3").style = { numFmt: "#,##0" };
    sheet.getCell("C3").style = { numFmt: "0.0" };
    sheet.getCell("D3").style = { numFmt: "0.00" };
    sheet.getCell("E3").style = { numFmt: "0%" }; // styled but empty: exceljs's eachCell skips it
    sheet.getRow(3).height = 30;
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const patch: SheetPatch = { sheet: "PL", rowChange: { at: 3, delta: 2 }, writes: [] };
    const ours = await exceljsView(viaXml(bytes, patch));
    expect(ours).toEqual(await exceljsView(await viaExceljs(bytes, patch)));
    const rows = ours.rows as { height?: number; cells: { style: { numFmt?: string } }[] }[];
    expect(rows[3].height).toBe(30);
    expect(rows[4].cells.map((c) => c.style.numFmt)).toEqual([
      undefined,
      "#,##0",
      "0.0",
      "0.00",
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe("WorksheetXml: row changes outside the cells", () => {
  it("moves merges, conditional formats (and their formulas), validations, hyperlinks; styles the inserted rows as the row above", async () => {
    const bytes = await servicesTemplate();
    const out = patched(bytes, (sheet) => sheet.changeRows(6, 2));
    const xml = strFromU8(unzipSync(out)[SHEET]);
    expect(xml).toContain('<mergeCell ref="A13:C13"/>');
    expect(xml).toContain('sqref="E4:E9"'); // across the insertion: grows
    expect(xml).toContain("<formula>E4&gt;$E$9</formula>");
    expect(xml).toContain('sqref="B4"');
    expect(xml).toMatch(/<hyperlink ref="A13"/);
    expect(xml).toMatch(/<dimension ref="A1:E13"\/>/);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(out as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("Dịch vụ công")!;
    // Inserted rows 7 and 8: row 6's height and its cells' borders, no values.
    for (const r of [7, 8]) {
      expect(sheet.getRow(r).height).toBe(20);
      expect(sheet.getCell(r, 2).border).toEqual({ top: { style: "thin" } });
      expect(sheet.getCell(r, 2).value).toBeNull();
    }
    expect(sheet.getCell("A9").value).toBe("Toàn tỉnh");
    expect(sheet.getCell("E9").formula).toBe("D9/B9");
  });

  it("leaves the part byte for byte when nothing changes, and rows above an insertion as written", async () => {
    const xml = strFromU8(unzipSync(await servicesTemplate())[SHEET]);
    expect(new WorksheetXml(xml).toXml()).toBe(xml);
    const sheet = new WorksheetXml(xml);
    sheet.changeRows(9, 1);
    const out = sheet.toXml();
    const firstRows = xml.slice(xml.indexOf("<sheetData>"), xml.indexOf('<row r="7"'));
    expect(out).toContain(firstRows);
    expect(out.slice(out.indexOf("</sheetData>"))).toBe(
      xml
        .slice(xml.indexOf("</sheetData>"))
        .replace('ref="A11:C11"', 'ref="A12:C12"')
        .replace('ref="A11"', 'ref="A12"'),
    );
  });
});

/** Parses `xml` with a conforming XML parser (exceljs's): throws on XML that is not well-formed. */
function wellFormed(xml: string): string {
  const parser = new SaxesParser({ xmlns: true });
  let error: Error | undefined;
  parser.on("error", (e) => (error ??= e));
  parser.write(xml).close();
  if (error) throw error;
  return xml;
}

describe("WorksheetXml: everything at once", () => {
  it("rows changed, cells written, styles mapped, protected: well-formed XML that exceljs and PhuLuc read", async () => {
    const bytes = await servicesTemplate();
    const out = patched(bytes, (sheet, strings) => {
      sheet.changeRows(6, 2);
      sheet.setCell(6, 0, 'Xã <Tân> & "4"', { strings });
      sheet.setCell(6, 1, 80, { strings });
      sheet.setCell(8, 1, 110, { strings, formula: "SUM(B4:B8)" });
      sheet.setCell(8, 4, "n/a", { strings, formula: 'IF(B9=0,"n/a",D9/B9)' });
      sheet.mapStyles((s) => s);
      sheet.protect({ formatCells: true, sort: true });
    });
    const xml = wellFormed(strFromU8(unzipSync(out)[SHEET]));
    expect(xml).toMatch(/<\/sheetData><sheetProtection sheet="1" formatCells="0" sort="0"\/><mergeCells/);
    const grid = await firstGrid(out);
    expect(grid.rows[6][0]).toEqual({ value: 'Xã <Tân> & "4"' });
    expect(grid.rows[8][4]).toEqual({ formula: 'IF(B9=0,"n/a",D9/B9)', value: "n/a" });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(out as unknown as ArrayBuffer);
    expect(book.getWorksheet("Dịch vụ công")!.getCell("B9").value).toEqual({ formula: "SUM(B4:B8)", result: 110 });
  });
});

describe("WorksheetXml: the example workbooks", () => {
  it.each(["THANH-TRA", "mau-phu-luc-I", "bao-cao-2024", "CNTT-BCVT", "TTBCXB"])(
    "%s: each sheet written back byte for byte when unchanged, and read back after rows are inserted",
    async (name) => {
      const files = unzipSync(new Uint8Array(readFileSync(`examples/${name}.xlsx`)));
      const parts = Object.keys(files).filter((part) => /^xl\/worksheets\/[^/]+\.xml$/.test(part));
      const before = (await readWorkbook(zipSync(files))).grids;
      for (const part of parts) {
        const xml = strFromU8(files[part]);
        expect(new WorksheetXml(xml).toXml()).toBe(xml);
        const sheet = new WorksheetXml(xml);
        sheet.changeRows(5, 3);
        files[part] = strToU8(sheet.toXml());
      }
      const after = (await readWorkbook(zipSync(files))).grids;
      after.forEach((grid, i) => {
        // Rows 1–5 as they were, row 6 on three rows down, merges below the insertion with them.
        expect(grid.rows.slice(0, 5)).toEqual(before[i].rows.slice(0, 5));
        expect(grid.rows.slice(8)).toEqual(before[i].rows.slice(5));
        const moved = (m: { top: number; bottom: number }) =>
          m.top >= 5 ? { ...m, top: m.top + 3, bottom: m.bottom + 3 } : m;
        expect(grid.merges).toEqual(before[i].merges.map(moved));
      });
    },
  );
});

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const strings = { ref: (text: string) => (text === "x" ? 5 : 6) };

describe("WorksheetXml: cells", () => {
  it("writes numbers, shared strings, booleans, formulas with cached values, keeps the style of a cell emptied", () => {
    const sheet = new WorksheetXml(
      `<worksheet ${NS}><dimension ref="A1:B2"/><sheetData><row r="2" spans="2:2"><c r="B2" s="4"><v>1</v></c></row></sheetData></worksheet>`,
    );
    sheet.setCell(1, 0, 0.1 + 0.2, { strings });
    sheet.setCell(1, 2, "x", { strings, style: 3 });
    sheet.setCell(0, 0, true, { strings });
    sheet.setCell(4, 1, "a<b", { strings, formula: 'IF(A1,"a<b","")' });
    sheet.setCell(1, 1, null, { strings });
    expect(sheet.toXml()).toBe(
      `<worksheet ${NS}><dimension ref="A1:C5"/><sheetData>` +
        `<row r="1"><c r="A1" t="b"><v>1</v></c></row>` +
        `<row r="2" spans="1:3"><c r="A2"><v>0.30000000000000004</v></c><c r="B2" s="4"/><c r="C2" s="3" t="s"><v>5</v></c></row>` +
        `<row r="5"><c r="B5" t="str"><f>IF(A1,&quot;a&lt;b&quot;,&quot;&quot;)</f><v>a&lt;b</v></c></row>` +
        `</sheetData></worksheet>`,
    );
  });

  it("writes a formula's error result as t=\"e\" (the reader's cell.error), and a formula without a result bare", () => {
    const sheet = new WorksheetXml(
      `<worksheet ${NS}><sheetData><row r="1"><c r="A1" s="2"><f>B1/C1*100</f><v>75</v></c></row></sheetData></worksheet>`,
    );
    sheet.setCell(0, 0, null, { strings, formula: "B1/C1*100", error: "#DIV/0!" });
    sheet.setCell(0, 1, null, { strings, formula: "'Hướng dẫn'!A1" });
    expect(sheet.toXml()).toContain(
      `<c r="A1" s="2" t="e"><f>B1/C1*100</f><v>#DIV/0!</v></c><c r="B1"><f>&apos;Hướng dẫn&apos;!A1</f></c>`,
    );
  });

  it("restyles a cell keeping its value and formula (setStyle), or makes an empty styled one", () => {
    const sheet = new WorksheetXml(
      `<worksheet ${NS}><sheetData><row r="1"><c r="B1" s="2" t="s"><v>0</v></c><c r="C1"><f>B1</f><v>1</v></c></row></sheetData></worksheet>`,
    );
    sheet.setStyle(0, 1, 5);
    sheet.setStyle(0, 2, 6);
    sheet.setStyle(0, 0, 7);
    sheet.setStyle(2, 0, 0);
    expect(sheet.toXml()).toBe(
      `<worksheet ${NS}><sheetData><row r="1"><c r="A1" s="7"/><c r="B1" s="5" t="s"><v>0</v></c><c r="C1" s="6"><f>B1</f><v>1</v></c></row>` +
        `<row r="3"><c r="A3"/></row></sheetData></worksheet>`,
    );
  });

  it("a new cell takes the style it showed: its formatted row's, else its column's", () => {
    const sheet = new WorksheetXml(
      `<worksheet ${NS}><cols><col min="2" max="3" width="9" style="7"/></cols><sheetData><row r="1" s="2" customFormat="1"/><row r="2" s="9"/></sheetData></worksheet>`,
    );
    expect([
      sheet.styleAt(0, 0),
      sheet.styleAt(1, 0),
      sheet.styleAt(1, 1),
      sheet.styleAt(5, 2),
      sheet.styleAt(5, 3),
    ]).toEqual([2, 0, 7, 7, 0]);
    sheet.setCell(0, 3, 1, { strings });
    sheet.setCell(1, 2, 1, { strings });
    expect(sheet.toXml()).toContain(
      `<row r="1" s="2" customFormat="1"><c r="D1" s="2"><v>1</v></c></row><row r="2" s="9"><c r="C2" s="7"><v>1</v></c></row>`,
    );
  });

  it("reads and writes x:-prefixed parts, rows and cells without r, inline strings", async () => {
    const xml =
      `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>` +
      `<x:row><x:c t="inlineStr"><x:is><x:t>Tên</x:t></x:is></x:c><x:c><x:v>1</x:v></x:c></x:row>` +
      `<x:row><x:c><x:f>B1*2</x:f><x:v>2</x:v></x:c><x:c t="inlineStr"><x:is><x:r><x:t>a</x:t></x:r></x:is></x:c></x:row>` +
      `</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A3:B3"/></x:mergeCells></x:worksheet>`;
    const sheet = new WorksheetXml(xml);
    sheet.changeRows(0, 1);
    sheet.setCell(0, 2, 3, { strings });
    expect(sheet.toXml()).toBe(
      `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>` +
        `<x:row r="1"><x:c r="C1"><x:v>3</x:v></x:c></x:row>` +
        // Rows get their `r` (their place no longer follows from the rows before); cells keep following theirs.
        `<x:row r="2"><x:c t="inlineStr"><x:is><x:t>Tên</x:t></x:is></x:c><x:c><x:v>1</x:v></x:c></x:row>` +
        `<x:row r="3"><x:c><x:f>B2*2</x:f><x:v>2</x:v></x:c><x:c t="inlineStr"><x:is><x:r><x:t>a</x:t></x:r></x:is></x:c></x:row>` +
        `</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A4:B4"/></x:mergeCells></x:worksheet>`,
    );
  });

  it("writing over a shared formula's master first gives its other cells their own formula", () => {
    const sheet = new WorksheetXml(
      `<worksheet ${NS}><sheetData>` +
        `<row r="2"><c r="C2"><f t="shared" ref="C2:C4" si="0">A2+$B$1</f><v>1</v></c></row>` +
        `<row r="3"><c r="C3"><f t="shared" si="0"/><v>2</v></c></row>` +
        `<row r="4"><c r="C4"><f t="shared" si="0"/><v>3</v></c></row>` +
        `</sheetData></worksheet>`,
    );
    sheet.setCell(1, 2, 9, { strings });
    expect(sheet.toXml()).toBe(
      `<worksheet ${NS}><sheetData>` +
        `<row r="2"><c r="C2"><v>9</v></c></row>` +
        `<row r="3"><c r="C3"><f>A3+$B$1</f><v>2</v></c></row>` +
        `<row r="4"><c r="C4"><f>A4+$B$1</f><v>3</v></c></row>` +
        `</sheetData></worksheet>`,
    );
  });

  it("a shared formula split by an insertion: each cell its own formula, moved", () => {
    const sheet = new WorksheetXml(
      `<worksheet ${NS}><sheetData>` +
        `<row r="1"><c r="A1"><v>1</v></c></row>` +
        `<row r="2"><c r="B2"><f t="shared" ref="B2:B3" si="0">A1*2</f><v>2</v></c></row>` +
        `<row r="3"><c r="B3"><f t="shared" si="0"/><v>4</v></c></row>` +
        `</sheetData></worksheet>`,
    );
    sheet.changeRows(2, 1);
    expect(sheet.toXml()).toContain(
      `<row r="2"><c r="B2"><f>A1*2</f><v>2</v></c></row><row r="4"><c r="B4"><f>A2*2</f><v>4</v></c></row>`,
    );
  });
});

describe("WorksheetXml: protection and styles", () => {
  // What Đã duyệt asks for (writeConsolidated.ts).
  const allows = { ...PROTECTION_ALLOWS, selectLockedCells: true, selectUnlockedCells: true };

  it("protects as exceljs does, in CT_Worksheet's place, replacing an existing protection; unprotects", async () => {
    const bytes = await servicesTemplate();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    await book.getWorksheet(1)!.protect("", allows);
    const theirs = strFromU8(unzipSync(new Uint8Array(await book.xlsx.writeBuffer()))[SHEET]);
    const element = /<sheetProtection[^>]*\/>/.exec(theirs)![0];

    const sheet = new WorksheetXml(strFromU8(unzipSync(bytes)[SHEET]));
    expect(sheet.isProtected).toBe(false);
    sheet.protect({ sort: true });
    sheet.protect(allows);
    expect(sheet.isProtected).toBe(true);
    const ours = sheet.toXml();
    expect(ours.match(/<sheetProtection[^>]*\/>/g)).toEqual([element]);
    expect(ours).toContain(`</sheetData>${element}`);
    sheet.unprotect();
    expect(sheet.isProtected).toBe(false);
    expect(sheet.toXml()).not.toContain("sheetProtection");
  });

  it('reads a protection as Excel: sheet="1" or "true" protects, sheet="0" or none does not', () => {
    const part = (protection: string) => `<worksheet ${NS}><sheetData/>${protection}<pageMargins/></worksheet>`;
    expect(new WorksheetXml(part('<sheetProtection sheet="true" objects="1"/>')).isProtected).toBe(true);
    expect(new WorksheetXml(part('<sheetProtection password="CC3D" sheet="1"/>')).isProtected).toBe(true);
    expect(new WorksheetXml(part('<sheetProtection sheet="0" formatCells="0"/>')).isProtected).toBe(false);
    expect(new WorksheetXml(part("")).isProtected).toBe(false);
  });

  it("puts the protection after sheetCalcPr, with the part's prefix", () => {
    const sheet = new WorksheetXml(
      `<x:worksheet><x:sheetData/><x:sheetCalcPr fullCalcOnLoad="1"/><x:pageMargins/></x:worksheet>`,
    );
    sheet.protect({ selectLockedCells: false });
    expect(sheet.toXml()).toBe(
      `<x:worksheet><x:sheetData/><x:sheetCalcPr fullCalcOnLoad="1"/><x:sheetProtection sheet="1" selectLockedCells="1"/><x:pageMargins/></x:worksheet>`,
    );
  });

  it("maps every style the sheet uses: cells (unstyled as 0), formatted rows, columns, and gives used columns without a <col> one", () => {
    const sheet = new WorksheetXml(
      `<worksheet ${NS}><sheetFormatPr defaultRowHeight="15"/><cols><col min="2" max="2" width="20" style="3"/></cols><sheetData>` +
        `<row r="1" s="3" customFormat="1"><c r="A1"><v>1</v></c><c r="D1" s="3"/></row></sheetData></worksheet>`,
    );
    sheet.mapStyles((s) => s + 10);
    expect(sheet.toXml()).toBe(
      `<worksheet ${NS}><sheetFormatPr defaultRowHeight="15"/><cols><col min="1" max="1" width="9.140625" style="10"/><col min="2" max="2" width="20" style="13"/><col min="3" max="4" width="9.140625" style="10"/></cols><sheetData>` +
        `<row r="1" s="13" customFormat="1"><c r="A1" s="10"><v>1</v></c><c r="D1" s="13"/></row></sheetData></worksheet>`,
    );
  });
});
