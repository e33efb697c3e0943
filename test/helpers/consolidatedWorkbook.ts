/**
 * A consolidated workbook as the merge leaves it, built from the seeds: Phụ lục I, Phụ lục II (its
 * amounts typed as text, `40.444`, as units often send them; Ghi chú cells a unit began with `=`,
 * `+`, `-`, `@`; a highlight fill on the wrong total), the merge log sheet and a hidden helper sheet — for
 * export tests.
 */
import ExcelJS from "exceljs";
import { gridFromValues } from "../../src/engine/grid";
import { addGridSheet, seedGrid } from "../fixtures/seedGrids";
import { SEED_PHU_LUC_I, SEED_PHU_LUC_II, type SeedTable } from "../fixtures/seedTables";

/** Ghi chú (column E) texts typed by units on Phụ lục II's items 1–4: must stay text. */
export const TYPED_NOTES = ['=HYPERLINK("http://x","y")', "+ bổ sung 2024", "- chuyển tiếp", "@STTTT"];

export function phuLucIIWithNotes(): SeedTable {
  const rows = SEED_PHU_LUC_II.rows.map((row) => [...row]);
  const items = rows.filter((row) => /^\d+$/.test(row[0]));
  TYPED_NOTES.forEach((note, i) => (items[i][4] = note));
  return { ...SEED_PHU_LUC_II, rows };
}

export async function consolidatedWorkbookBuffer(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  addGridSheet(workbook, seedGrid(SEED_PHU_LUC_I, { sheetName: "Phụ lục I" }));
  const phuLucII = addGridSheet(workbook, seedGrid(phuLucIIWithNotes(), { sheetName: "Phụ lục II", numbers: "text" }));
  // The pane's red mark on the wrong Tổng cộng (D19), as a consolidated workbook under review carries it.
  phuLucII.getCell("D19").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } };
  addGridSheet(
    workbook,
    gridFromValues("Nhật ký tổng hợp", [
      ["Tệp", "Trang", "Ô", "Trạng thái"],
      ["CNTT-BCVT.xlsx", "Phụ lục I", "C7", "merged"],
    ]),
  );
  const helper = addGridSheet(workbook, gridFromValues("Tạm", [["STT", "Chỉ tiêu", "Năm 2024", "Đơn vị chủ trì"]]));
  helper.state = "hidden";
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
