/**
 * The submission file read back with exceljs: a consolidated workbook built from the seeds goes the
 * way the CLI and the pane take it — readWorkbook → planExport (check) → buildSubmission → writeSubmission.
 */
import ExcelJS from "exceljs";
import { consolidatedWorkbookBuffer, TYPED_NOTES } from "../../../test/helpers/consolidatedWorkbook";
import { buildSubmission, planExport } from "../../engine/export";
import { parseA1 } from "../../engine/grid";
import { parseSettings } from "../../engine/settings";
import { readWorkbook } from "./readWorkbook";
import { writeSubmission } from "./writeSubmission";

const settings = parseSettings({
  kyBaoCao: "9T-2024",
  ngay: "2024-10-01",
  soKyHieu: "215/BC-STTTT",
  vanBanKemTheo: "Kế hoạch số 45/KH-STTTT ngày 15 tháng 9 năm 2023",
});

let plan: ReturnType<typeof planExport>;
let fileName: string;
let workbook: ExcelJS.Workbook;

beforeAll(async () => {
  const read = await readWorkbook(await consolidatedWorkbookBuffer(), { fileName: "TongHop.xlsx" });
  plan = planExport(read.grids, settings);
  const submission = buildSubmission(plan.sheets, settings);
  fileName = submission.fileName;
  workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await writeSubmission(submission)).buffer as ArrayBuffer);
});

const sheet = (name: string) => workbook.getWorksheet(name)!;

/** The row whose column B says `label`. */
function rowLabelled(ws: ExcelJS.Worksheet, label: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    if (row.getCell(2).value === label) found ??= row;
  });
  if (!found) throw new Error(`no row "${label}" in ${ws.name}`);
  return found;
}

/** An exceljs cell (a plain object; named apart from Office.js's getCell so the add-in lint rules stay quiet). */
const cellIn = (row: ExcelJS.Row, col: number): ExcelJS.Cell => row.getCell(col);

/** Adds up what a `SUM(A1:A3,B5)` formula refers to, from the written cells. */
function evaluateSum(ws: ExcelJS.Worksheet, formula: string): number {
  const args = /^SUM\((.*)\)$/.exec(formula)![1].split(",");
  let total = 0;
  for (const arg of args) {
    const [from, to = from] = arg.split(":").map((a) => parseA1(a)!);
    for (let r = from.row; r <= to.row; r++)
      for (let c = from.col; c <= to.col; c++) {
        const v = ws.getCell(r + 1, c + 1).value;
        if (typeof v === "number") total += v;
      }
  }
  return total;
}

describe("the submission file", () => {
  it("holds only the consolidated Phụ lục sheets: no merge log, no hidden helper sheet", () => {
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Phụ lục I", "Phụ lục II"]);
  });

  it("is named <cơ quan>_<phụ lục>_<kỳ>_<yyyymmdd>.xlsx", () => {
    expect(fileName).toBe("STTTT_PhuLuc-I-II_9T-2024_20241001.xlsx");
  });

  it("was checked first: Phụ lục II's Tổng cộng 224.591 is the error left", () => {
    expect(plan.errors.map((f) => [f.sheet, f.rule, f.expected, f.actual])).toEqual([
      ["Phụ lục II", "total-mismatch", 225091, 224591],
    ]);
  });

  it("writes Tổng cộng as a live SUM over the items with the correct sum cached", () => {
    const ws = sheet("Phụ lục II");
    const total = rowLabelled(ws, "Tổng cộng").getCell(4).value as ExcelJS.CellFormulaValue;
    expect(total.formula).toBe("SUM(D11:D12,D14:D15,D17:D22)");
    expect(total.result).toBe(225091);
    expect(evaluateSum(ws, total.formula)).toBe(225091);
    expect(rowLabelled(ws, "Tổng cộng").getCell(4).numFmt).toBe("#,##0");
  });

  it("writes amounts a unit typed as text (40.444) as the numbers the check read", () => {
    const amount = (label: string) => cellIn(rowLabelled(sheet("Phụ lục II"), label), 4);
    expect(amount("Hệ thống bảo mật Endpoint").value).toBe(30000);
    expect(amount("Hệ thống bảo mật Endpoint").numFmt).toBe("#,##0");
    expect(amount("Dự án Trung tâm dữ liệu, điều hành thông minh (IOC) tỉnh An Giang").value).toBe(40444);
  });

  it("keeps text a unit began with =, +, -, @ as text, never a formula", () => {
    const ws = sheet("Phụ lục II");
    const notes: ExcelJS.Cell[] = [];
    ws.eachRow((row) => {
      const note = cellIn(row, 5);
      if (TYPED_NOTES.includes(note.value as string)) notes.push(note);
    });
    expect(notes.map((c) => c.value)).toEqual(TYPED_NOTES);
    for (const cell of notes) expect(cell.type).toBe(ExcelJS.ValueType.String);
  });

  it("keeps Phụ lục I's targets as typed (text such as >10%, Phấn đấu 50%)", () => {
    const ws = sheet("Phụ lục I");
    expect(rowLabelled(ws, "Tỷ lệ dịch vụ công trực tuyến phát sinh hồ sơ").getCell(3).value).toBe("   > 80%");
    expect(rowLabelled(ws, "Tỷ lệ hộ có phương tiện nghe, nhìn").getCell(3).value).toBe(1);
    expect(rowLabelled(ws, "Tỷ lệ hộ có phương tiện nghe, nhìn").getCell(3).numFmt).toBe("0%");
  });

  it("has the Nghị định 30 header block and the Phụ lục heading", () => {
    const ws = sheet("Phụ lục II");
    const text = (address: string) => ws.getCell(address).value;
    expect(text("A1")).toBe("UBND TỈNH AN GIANG");
    expect(text("C1")).toBe("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(ws.getCell("C1").font.bold).toBe(true);
    expect(text("A2")).toBe("SỞ THÔNG TIN VÀ TRUYỀN THÔNG");
    expect(ws.getCell("A2").font.bold).toBe(true);
    expect(text("C2")).toBe("Độc lập - Tự do - Hạnh phúc");
    expect(ws.getCell("C2").font.bold).toBe(true);
    expect(text("A3")).toBe("Số: 215/BC-STTTT");
    expect(text("C3")).toBe("An Giang, ngày 01 tháng 10 năm 2024");
    expect(ws.getCell("C3").font.italic).toBe(true);
    expect(text("A5")).toBe("PHỤ LỤC II");
    expect(ws.getCell("A5").font.bold).toBe(true);
    expect(text("A6")).toBe("DỰ KIẾN KINH PHÍ THỰC HIỆN NĂM 2024");
    expect(ws.getCell("A6").font.bold).toBe(true);
    expect(text("A7")).toBe("(Kèm theo Kế hoạch số 45/KH-STTTT ngày 15 tháng 9 năm 2023)");
    expect(ws.getCell("A7").font.italic).toBe(true);
    expect(text("A8")).toBe("Đvt: triệu đồng");
    expect(text("A9")).toBe("STT");
    expect(ws.getCell("B9").font.bold).toBe(true);
    expect(ws.getCell("B9").alignment.horizontal).toBe("center");
    expect(sheet("Phụ lục I").getCell("A5").value).toBe("PHỤ LỤC I");
    expect(sheet("Phụ lục I").getCell("A6").value).toBe("CHỈ TIÊU NGÀNH THÔNG TIN VÀ TRUYỀN THÔNG NĂM 2024");
  });

  it("sets Times New Roman on every written cell and borders on the table", () => {
    for (const ws of workbook.worksheets) {
      ws.eachRow((row) => row.eachCell((cell) => expect(cell.font.name).toBe("Times New Roman")));
    }
    const ws = sheet("Phụ lục II");
    const border = ws.getCell("B15").border;
    expect([border.top?.style, border.left?.style, border.bottom?.style, border.right?.style]).toEqual([
      "thin",
      "thin",
      "thin",
      "thin",
    ]);
    expect(ws.getCell("A1").border?.top).toBeUndefined();
  });

  it("carries no highlight: the red mark on the source's Tổng cộng is gone", () => {
    const filled: string[] = [];
    for (const ws of workbook.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const fill = cell.fill as ExcelJS.FillPattern | undefined;
          if (fill && fill.pattern !== "none") filled.push(`${ws.name}!${cell.address}`);
        }),
      );
    }
    expect(filled).toEqual([]);
  });

  it("prints A4 landscape, one page wide, header rows repeated, page numbers in the footer", () => {
    for (const ws of workbook.worksheets) {
      expect(ws.pageSetup).toMatchObject({
        paperSize: 9,
        orientation: "landscape",
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
      });
      expect(ws.headerFooter.oddFooter).toContain("Trang &P/&N");
    }
    expect(sheet("Phụ lục II").pageSetup.printTitlesRow).toBe("9:9");
    expect(sheet("Phụ lục I").pageSetup.printTitlesRow).toBe("9:9");
  });
});
