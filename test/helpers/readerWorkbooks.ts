/**
 * Workbooks that exercise what a reader must get right (readWorkbook's tests, and the test that holds
 * the exceljs and SheetJS readers to the same Grids): every kind of value, formulas cached or not,
 * shared formulas, errors, rich text, hyperlinks, merges, hidden rows and sheets, and edge cases of
 * Excel's file format that exceljs writes differently from Excel.
 */
import ExcelJS from "exceljs";

export async function bytesOf(build: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** One of each kind of value a Phụ lục sheet holds, and a hidden sheet (readWorkbook's test asserts each). */
export function valuesWorkbook(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet("Phụ lục II");
  sheet.getCell("A1").value = "Tổng cộng";
  sheet.getCell("B1").value = 224591;
  sheet.getCell("B1").numFmt = "#,##0";
  sheet.getCell("C1").value = 0.942;
  sheet.getCell("C1").numFmt = "0%";
  sheet.getCell("D1").value = true;
  sheet.getCell("E1").value = new Date(Date.UTC(2024, 5, 30));
  sheet.getCell("A2").value = { formula: "SUM(B3:B4)", result: 46884 };
  sheet.getCell("B2").value = { formula: "SUM(B3:B4)" } as ExcelJS.CellFormulaValue; // never calculated
  sheet.getCell("C2").value = { error: "#REF!" } as ExcelJS.CellErrorValue;
  sheet.getCell("D2").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
  sheet.getCell("B3").value = 40444;
  sheet.getCell("C3").value = { formula: "B3*2", result: 80888 };
  sheet.getCell("B4").value = 6440;
  sheet.getCell("C4").value = { sharedFormula: "C3", result: 12880 } as ExcelJS.CellSharedFormulaValue;
  sheet.getCell("A5").value = { richText: [{ text: "Dự án " }, { font: { bold: true }, text: "IOC" }] };
  sheet.getCell("B5").value = { text: "Cổng DVC", hyperlink: "https://dichvucong.gov.vn" };
  sheet.getCell("A6").value = "Chỉ tiêu".normalize("NFD");
  sheet.mergeCells("A7:C8");
  sheet.getCell("A7").value = "I. Các dự án";
  sheet.getCell("A9").value = "ẩn";
  sheet.getRow(9).hidden = true;
  const hidden = workbook.addWorksheet("Nháp");
  hidden.state = "hidden";
  hidden.getCell("A1").value = 1;
}

/** 30 rows × 12 columns of numbers: more than readWorkbook's tests let a reader keep. */
export function wideWorkbook(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet("Rộng");
  for (let r = 1; r <= 30; r++) for (let c = 1; c <= 12; c++) sheet.getCell(r, c).value = r * 100 + c;
}

/**
 * Formulas whose cached result is empty text (`=IF(A1>5;"Đạt";"")`, saved as `<v></v>`), which exceljs'
 * parser drops, beside one never calculated; the sheet's name needs unescaping in workbook.xml.
 */
export function emptyTextResultWorkbook(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet("Đánh giá & <kết quả>");
  sheet.getCell("A1").value = 1;
  sheet.getCell("B1").value = { formula: 'IF(A1>5,"Đạt","")', result: "" };
  sheet.getCell("B2").value = { sharedFormula: "B1", result: "" } as ExcelJS.CellSharedFormulaValue;
  sheet.getCell("B3").value = { formula: "A1*2" } as ExcelJS.CellFormulaValue;
  workbook.addWorksheet("Khác").getCell("C3").value = { formula: 'IF(1>2,"x","")', result: "" };
}

/** What the two readers could disagree on beyond the ordinary values. */
export function edgeCasesWorkbook(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet("Biên");
  // Shared formulas: relative, absolute and mixed references, another sheet, a newer function.
  sheet.getCell("A1").value = 1;
  sheet.getCell("A2").value = 2;
  sheet.getCell("A3").value = 3;
  sheet.getCell("B1").value = {
    formula: "A1+$A$1+A$1+$A1+'Nháp 2'!B2",
    result: 5,
    shareType: "shared",
    ref: "B1:B3",
  } as ExcelJS.CellFormulaValue;
  sheet.getCell("B2").value = { sharedFormula: "B1", result: 6 } as ExcelJS.CellSharedFormulaValue;
  sheet.getCell("B3").value = { sharedFormula: "B1", result: 7 } as ExcelJS.CellSharedFormulaValue;
  sheet.getCell("C1").value = { formula: '_xlfn.IFS(A1>0,"dương",TRUE,"âm")', result: "dương" };
  sheet.getCell("C2").value = { formula: "A1>0", result: true };
  sheet.getCell("C3").value = { formula: "A1=0", result: false };
  sheet.getCell("D2").value = { formula: "A2*0", result: 0 };
  // Text as typed: spaces kept, an empty string, line breaks, an escaped-looking sequence.
  sheet.getCell("E1").value = "  có khoảng trắng  ";
  sheet.getCell("E2").value = "";
  sheet.getCell("E3").value = "dòng 1\ndòng 2\r\nhết";
  sheet.getCell("E4").value = "_x000D_ như gõ";
  // Number formats: built-in ids that the two libraries spell differently, custom dates, text, percents.
  const formats: [string, number][] = [
    ["mm-dd-yy", 45473],
    ['m/d/yy "h":mm', 45473.5],
    ["#,##0.00 ;(#,##0.00)", -1234.5],
    ["#,##0.00 ;[Red](#,##0.00)", 1234.5],
    ["dd/mm/yyyy", 45473],
    ["[$-42A]dd/mm/yyyy", 45474],
    ['#,##0" đồng"', 1500000],
    ["0.0%", 0.989],
    ["@", 12],
    ["[h]:mm", 1.25],
  ];
  formats.forEach(([numFmt, value], i) => {
    const cell = sheet.getCell(i + 1, 6);
    cell.value = value;
    cell.numFmt = numFmt;
  });
  // A hyperlinked number, every error code, a very large and a tiny number.
  sheet.getCell("G1").value = { text: "Trang 12", hyperlink: "#'Nháp 2'!A1" };
  ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"].forEach((error, i) => {
    sheet.getCell(i + 2, 7).value = { error } as ExcelJS.CellErrorValue;
  });
  sheet.getCell("H1").value = 1e21;
  sheet.getCell("H2").value = 1e-9;
  sheet.getCell("H3").value = -0.1 + 0.3;
  // Merges: an empty top-left cell, a vertical one, one past the columns a reader keeps; hidden rows
  // with and without values; a styled cell with nothing in it.
  sheet.mergeCells("A12:C12");
  sheet.getCell("B12").value = "bị che";
  sheet.mergeCells("A13:A16");
  sheet.getCell("A13").value = "dọc";
  sheet.mergeCells("J14:M15");
  sheet.getCell("J14").value = "rộng";
  sheet.getRow(17).hidden = true;
  sheet.getRow(18).hidden = true;
  sheet.getCell("B18").value = "ẩn";
  sheet.getCell("D20").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } };
  sheet.getCell("A22").value = "sau ô trống";

  const other = workbook.addWorksheet("Nháp 2");
  other.state = "veryHidden";
  other.getCell("B2").value = 1;
  workbook.addWorksheet("Trống");
}
