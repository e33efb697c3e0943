import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import type { RowChange } from "../../../engine/formulaRefs";
import { readWorkbook } from "../readWorkbook";
import { moveCitedRows } from "./citedRows";
import { WorkbookFile } from "./package";
import { StylePatch } from "./styles";

const SHEET = "Phụ lục II";
const GUIDE = "Hướng dẫn";
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);
const CHART =
  '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart><c:plotArea><c:barChart><c:ser>' +
  "<c:cat><c:strRef><c:f>'Phụ lục II'!$A$6:$A$9</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>'Phụ lục II'!$B$6:$B$9</c:f></c:numRef></c:val>" +
  "</c:ser></c:barChart></c:plotArea></c:chart></c:chartSpace>";
// A pivot table's cache over the table's rows (CT_PivotCacheDefinition, the least of it).
const PIVOT_CACHE =
  '<pivotCacheDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" refreshOnLoad="1">' +
  '<cacheSource type="worksheet"><worksheetSource ref="A3:B9" sheet="Phụ lục II"/></cacheSource><cacheFields count="0"/></pivotCacheDefinition>';
// Excel 2010+'s list validation on another sheet (MS-XLSX x14:dataValidations): its <xm:sqref> is the guide's own E10.
const X14_VALIDATION =
  '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">' +
  '<x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list">' +
  "<x14:formula1><xm:f>'Phụ lục II'!$B$5:$B$9</xm:f></x14:formula1><xm:sqref>E10</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>";

/**
 * Phụ lục II: numbers in B1:B12, notes on B7 and D9, a table over A3:B9, a picture at B11; the guide citing it
 * (a formula on D9, a shared formula over B5:B10, a conditional format, list validations, x14's among them); a
 * name on D9; a chart over B6:B9; a pivot cache over the table's A3:B9; sheet Khác citing only B2, above every change.
 */
async function workbook(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(SHEET);
  for (let row = 1; row <= 12; row++) sheet.getCell(row, 2).value = row;
  // Its own rows cited by its name (Excel moves it) and unqualified (changeRows' business, not moveCitedRows').
  sheet.getCell("C1").value = { formula: `'${SHEET}'!B9*2+B9`, result: 18 };
  sheet.addTable({
    name: "Muc",
    ref: "A3",
    headerRow: true,
    columns: [{ name: "Mục" }, { name: "Số" }],
    rows: [1, 2, 3, 4, 5, 6].map((n) => [`Mục ${n}`, n]),
  });
  sheet.getCell("B7").note = "Mục 4";
  sheet.getCell("D9").note = "Tổng cộng";
  sheet.addImage(book.addImage({ buffer: PNG as never, extension: "png" }), {
    tl: { col: 1, row: 10 },
    ext: { width: 20, height: 20 },
  });
  book.definedNames.add(`'${SHEET}'!$D$9`, "Tong");

  const guide = book.addWorksheet(GUIDE);
  guide.getCell("A1").value = { formula: `'${SHEET}'!D9`, result: 0 };
  // exceljs writes a shared formula from its master's shareType and ref (its types lack them).
  const master = { formula: `'${SHEET}'!B5`, result: 0, shareType: "shared", ref: "B1:B6" };
  guide.getCell("B1").value = master as ExcelJS.CellFormulaValue;
  for (let row = 2; row <= 6; row++) guide.getCell(row, 2).value = { sharedFormula: "B1", result: 0 };
  guide.addConditionalFormatting({
    ref: "C1:C3",
    rules: [{ type: "expression", priority: 1, formulae: [`C1>'${SHEET}'!$D$9`], style: {} }],
  });
  guide.getCell("D1").dataValidation = { type: "list", allowBlank: true, formulae: [`'${SHEET}'!$B$5:$B$9`] };
  book.addWorksheet("Khác").getCell("A1").value = { formula: `'${SHEET}'!B2*2`, result: 4 };

  const files = unzipSync(new Uint8Array(await book.xlsx.writeBuffer()));
  const guidePart = strFromU8(files["xl/worksheets/sheet2.xml"]);
  files["xl/worksheets/sheet2.xml"] = strToU8(guidePart.replace("</worksheet>", `${X14_VALIDATION}</worksheet>`));
  files["xl/charts/chart1.xml"] = strToU8(CHART);
  files["xl/pivotCache/pivotCacheDefinition1.xml"] = strToU8(PIVOT_CACHE);
  const types = strFromU8(files["[Content_Types].xml"]).replace(
    "</Types>",
    '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>' +
      '<Override PartName="/xl/pivotCache/pivotCacheDefinition1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml"/></Types>',
  );
  files["[Content_Types].xml"] = strToU8(types);
  return zipSync(files);
}

/** `<x:Anchor>`s: left column, offset, top row, offset, right column, offset, bottom row, offset. */
const anchors = (vml: string) => [...vml.matchAll(/<x:Anchor>([^<]*)<\/x:Anchor>/g)].map((m) => m[1]);

async function moved(change: RowChange) {
  const before = unzipSync(await workbook());
  const file = await WorkbookFile.open(zipSync(before), (xml) => new StylePatch(xml));
  moveCitedRows(file, SHEET.toUpperCase(), change);
  const files = file.files();
  const text = (part: string) => strFromU8(files[part]).replace(/&apos;/g, "'");
  const guide = (await readWorkbook(zipSync(files))).grids.find((grid) => grid.name === GUIDE)!;
  const formulas = (col: number) => guide.rows.slice(0, 6).map((row) => row[col]?.formula);
  const own = strFromU8(files["xl/worksheets/sheet1.xml"]).replace(/&apos;/g, "'");
  return { before, files, text, formulas, own };
}

describe("moveCitedRows: what cites a sheet's moved rows from other parts", () => {
  it("moves it with two rows inserted at row 7: the sheet's notes, table, picture; names, chart, the guide's formulas", async () => {
    const { before, files, text, formulas, own } = await moved({ at: 6, delta: 2 });
    expect(own).toContain(`<f>'${SHEET}'!B11*2+B9</f>`);
    expect(text("xl/comments1.xml")).toMatch(/<comment ref="B9"[\s\S]*<comment ref="D11"/);
    expect([...text("xl/drawings/vmlDrawing1.vml").matchAll(/<x:Row>(\d+)<\/x:Row>/g)].map((m) => m[1])).toEqual([
      "8",
      "10",
    ]);
    expect(anchors(text("xl/drawings/vmlDrawing1.vml"))).toEqual([
      "2, 6, 5, 14, 4, 2, 11, 16",
      "4, 6, 9, 14, 6, 2, 13, 16",
    ]);
    expect(text("xl/tables/table1.xml")).toMatch(/<table [^>]*ref="A3:B11"[\s\S]*<autoFilter ref="A3:B11"/);
    expect(text("xl/drawings/drawing1.xml")).toContain("<xdr:row>12</xdr:row>");
    expect(text("xl/workbook.xml")).toContain(`<definedName name="Tong">'${SHEET}'!$D$11</definedName>`);
    expect(text("xl/charts/chart1.xml")).toContain(`<c:f>'${SHEET}'!$A$6:$A$11</c:f>`);
    expect(text("xl/charts/chart1.xml")).toContain(`<c:f>'${SHEET}'!$B$6:$B$11</c:f>`);
    expect(text("xl/pivotCache/pivotCacheDefinition1.xml")).toContain(
      `<worksheetSource ref="A3:B11" sheet="${SHEET}"/>`,
    );
    expect(formulas(0)[0]).toBe(`'${SHEET}'!D11`);
    // The shared formula's cells cite B5…B10: those from B7 on move, so the block is written out cell by cell.
    expect(formulas(1)).toEqual(["B5", "B6", "B9", "B10", "B11", "B12"].map((cell) => `'${SHEET}'!${cell}`));
    const guide = text("xl/worksheets/sheet2.xml");
    expect(guide).toContain(`<formula>C1&gt;'${SHEET}'!$D$11</formula>`);
    expect(guide).toContain(`<formula1>'${SHEET}'!$B$5:$B$11</formula1>`);
    expect(guide).toContain(`<xm:f>'${SHEET}'!$B$5:$B$11</xm:f></x14:formula1><xm:sqref>E10</xm:sqref>`);
    // Nothing in Khác cites a moved row (its B2 is above): byte for byte.
    for (const part of ["xl/worksheets/sheet3.xml", "xl/styles.xml"]) {
      expect(Buffer.from(files[part]).equals(Buffer.from(before[part]))).toBe(true);
    }
  });

  it("moves it up with rows 7–8 deleted: ranges shrink, what was on them goes or becomes #REF!", async () => {
    const { text, formulas, own } = await moved({ at: 6, delta: -2 });
    expect(own).toContain(`<f>'${SHEET}'!B7*2+B9</f>`);
    // B7's note goes with its row, comment and VML shape both; D9's moves to D7.
    expect(text("xl/comments1.xml")).not.toContain('ref="B');
    expect(text("xl/comments1.xml")).toContain('<comment ref="D7"');
    expect([...text("xl/drawings/vmlDrawing1.vml").matchAll(/<x:Row>(\d+)<\/x:Row>/g)].map((m) => m[1])).toEqual(["6"]);
    // Its top row was deleted: it lands where the deleted rows were, as a picture's anchor does.
    expect(anchors(text("xl/drawings/vmlDrawing1.vml"))).toEqual(["4, 6, 6, 14, 6, 2, 9, 16"]);
    expect(text("xl/tables/table1.xml")).toMatch(/<table [^>]*ref="A3:B7"[\s\S]*<autoFilter ref="A3:B7"/);
    expect(text("xl/drawings/drawing1.xml")).toContain("<xdr:row>8</xdr:row>");
    expect(text("xl/workbook.xml")).toContain(`<definedName name="Tong">'${SHEET}'!$D$7</definedName>`);
    expect(text("xl/charts/chart1.xml")).toContain(`<c:f>'${SHEET}'!$B$6:$B$7</c:f>`);
    expect(text("xl/pivotCache/pivotCacheDefinition1.xml")).toContain(
      `<worksheetSource ref="A3:B7" sheet="${SHEET}"/>`,
    );
    expect(formulas(0)[0]).toBe(`'${SHEET}'!D7`);
    expect(formulas(1)).toEqual(["B5", "B6", "#REF!", "#REF!", "B7", "B8"].map((cell) => `'${SHEET}'!${cell}`));
    const guide = text("xl/worksheets/sheet2.xml");
    expect(guide).toContain(`<formula1>'${SHEET}'!$B$5:$B$7</formula1>`);
    expect(guide).toContain(`<xm:f>'${SHEET}'!$B$5:$B$7</xm:f></x14:formula1><xm:sqref>E10</xm:sqref>`);
  });
});
