/** The notes checkGrid gives about a sheet: what it could read, what it skipped, what it could not judge. */
import type { Words } from "../locale";
import type { TableStop } from "../model";
import { defineNote, listCells, listFew } from "./note";

export const hiddenRows = defineNote({
  id: "hidden-rows",
  message: {
    vi: (p: { rows: number[] }, f) =>
      `Có ${f.number(p.rows.length)} dòng bị ẩn (dòng ${listFew(p.rows)}); các dòng ẩn vẫn được kiểm tra.`,
    en: (p, f) =>
      `${f.number(p.rows.length)} ${p.rows.length === 1 ? "row is" : "rows are"} hidden (row ${listFew(p.rows)}); ` +
      `hidden rows are checked all the same.`,
  },
  examples: [{ rows: [5, 7] }],
});

export const uncalculatedFormulas = defineNote({
  id: "uncalculated-formulas",
  message: {
    vi: (p: { cells: string[] }, f) =>
      `Có ${f.number(p.cells.length)} ô công thức chưa có kết quả lưu sẵn (${listCells(p.cells, f)}): ` +
      `giá trị chưa biết cho đến khi Excel tính lại; hãy mở tệp bằng Excel, lưu lại rồi kiểm tra lần nữa.`,
    en: (p, f) =>
      `${f.number(p.cells.length)} formula ${p.cells.length === 1 ? "cell has" : "cells have"} no saved result ` +
      `(${listCells(p.cells, f)}): their values are unknown until Excel recalculates; open the file in Excel, save it and check again.`,
  },
  examples: [{ cells: ["D5"] }, { cells: Array.from({ length: 12 }, (_, i) => `D${i + 5}`) }],
});

export const longText = defineNote({
  id: "long-text",
  message: {
    vi: (p: { cells: string[]; limit: number }, f) =>
      `Có ô chứa văn bản rất dài (trên ${f.number(p.limit)} ký tự: ${listCells(p.cells, f)}); ` +
      `vẫn được kiểm tra, nhưng thông báo chỉ trích phần đầu.`,
    en: (p, f) =>
      `Some cells hold very long text (over ${f.number(p.limit)} characters: ${listCells(p.cells, f)}); ` +
      `they are checked, but messages quote only the beginning.`,
  },
  examples: [{ cells: ["B9"], limit: 2000 }],
});

export const rowsCut = defineNote({
  id: "rows-cut",
  message: {
    vi: (p: { rows: number }, f) =>
      `Đã bỏ qua ${f.number(p.rows)} dòng cuối của trang tính để giới hạn bộ nhớ; các dòng đó không được kiểm tra.`,
    en: (p, f) => `The last ${f.number(p.rows)} rows of the sheet were skipped to limit memory; they were not checked.`,
  },
  examples: [{ rows: 1200 }],
});

export const columnsCut = defineNote({
  id: "columns-cut",
  message: {
    vi: (p: { columns: number }, f) =>
      `Đã bỏ qua ${f.number(p.columns)} cột bên phải của trang tính để giới hạn bộ nhớ; các cột đó không được kiểm tra.`,
    en: (p, f) =>
      `The rightmost ${f.number(p.columns)} columns of the sheet were skipped to limit memory; they were not checked.`,
  },
  examples: [{ columns: 40 }],
});

export const mergedData = defineNote({
  id: "merged-data",
  message: {
    vi: (p: { ranges: string[] }) =>
      `Có ô gộp (merge) trong vùng dữ liệu (${listFew(p.ranges)}); giá trị được đọc từ ô đầu tiên của mỗi vùng gộp.`,
    en: (p) => `The data holds merged cells (${listFew(p.ranges)}); each merged area is read from its first cell.`,
  },
  examples: [{ ranges: ["D5:D6"] }],
});

interface StopParams {
  /** The first unread row, 1-based. */
  row: number;
  /** Its first text, cut when long ("" when it has none). */
  quoted: string;
  reason: Exclude<TableStop["reason"], "footer">;
  /** How many blank rows end a table (blank-run). */
  blankRun: number;
}

const STOP_REASONS: Record<StopParams["reason"], Words> = {
  "blank-run": {
    vi: "bảng được coi là đã hết sau {n} hàng trống liên tiếp. Nếu phần đó vẫn là dữ liệu của bảng, hãy xóa bớt các hàng trống",
    en: "the table is taken to end after {n} blank rows in a row. If what follows is still the table's data, remove some of the blank rows",
  },
  "after-total": {
    vi: "bảng được coi là đã hết ở dòng tổng cộng phía trên. Nếu phần đó vẫn là dữ liệu của bảng, hãy đưa dòng tổng cộng xuống cuối bảng",
    en: "the table is taken to end at the total row above. If what follows is still the table's data, move the total row to the end of the table",
  },
  "next-table": {
    vi: "ở đó bắt đầu một Phụ lục khác. Hãy đặt mỗi Phụ lục trên một trang tính riêng để được kiểm tra",
    en: "another Phụ lục starts there. Put each Phụ lục on a sheet of its own to have it checked",
  },
};

/** Content left below the table, unless it is only the signature footer (the ordinary end of a Phụ lục). */
export const tableStopped = defineNote({
  id: "table-stopped",
  message: {
    vi: (p: StopParams, f) =>
      `Từ hàng ${f.number(p.row)} trở xuống không được đọc${p.quoted ? ` (bắt đầu bằng “${p.quoted}”)` : ""}: ` +
      `${STOP_REASONS[p.reason].vi.replace("{n}", f.number(p.blankRun))}.`,
    en: (p, f) =>
      `Rows from ${f.number(p.row)} down were not read${p.quoted ? ` (starting with “${p.quoted}”)` : ""}: ` +
      `${STOP_REASONS[p.reason].en.replace("{n}", f.number(p.blankRun))}.`,
  },
  examples: [
    { row: 40, quoted: "Dự án bổ sung", reason: "blank-run", blankRun: 10 },
    { row: 22, quoted: "", reason: "after-total", blankRun: 10 },
    { row: 30, quoted: "PHỤ LỤC II", reason: "next-table", blankRun: 10 },
  ],
});

/** A sheet PhuLuc wrote for itself (the merge log, the review records…): not a Phụ lục. */
export const ownSheetSkipped = defineNote({
  id: "own-sheet-skipped",
  message: {
    vi: (p: { sheet: string; kind: Words }) =>
      `Trang tính “${p.sheet}” là ${p.kind.vi} do PhuLuc ghi, không phải Phụ lục; bỏ qua.`,
    en: (p) => `Sheet “${p.sheet}” is ${p.kind.en} PhuLuc wrote, not a Phụ lục; skipped.`,
  },
  examples: [{ sheet: "Nhật ký tổng hợp", kind: { vi: "nhật ký tổng hợp", en: "the merge log" } }],
});

export const excelErrors = defineNote({
  id: "excel-errors",
  message: {
    vi: (p: { cells: string[] }, f) =>
      `Có ô mang giá trị lỗi của Excel: ${listCells(p.cells, f)}; hãy kiểm tra công thức của các ô đó.`,
    en: (p, f) => `Some cells hold Excel error values: ${listCells(p.cells, f)}; check those cells' formulas.`,
  },
  examples: [{ cells: ["E7 (#REF!)"] }],
});

export const ruleFailed = defineNote({
  id: "rule-failed",
  message: {
    vi: (p: { rule: string; error: Words }) =>
      `Không thực hiện được quy tắc “${p.rule}” trên trang tính này (${p.error.vi}); ` +
      `các quy tắc khác vẫn được kiểm tra. Hãy báo lỗi này cho người quản trị PhuLuc.`,
    en: (p) =>
      `The rule “${p.rule}” could not run on this sheet (${p.error.en}); the other rules were still checked. ` +
      `Please report this to PhuLuc's administrator.`,
  },
  examples: [{ rule: "total-mismatch", error: { vi: "Lỗi không mong đợi: x", en: "Unexpected error: x" } }],
});

export const structureUnreadable = defineNote({
  id: "structure-unreadable",
  message: {
    vi: (p: { error: Words }) =>
      `Không đọc được cấu trúc bảng của trang tính này (${p.error.vi}); trang tính chưa được kiểm tra.`,
    en: (p) => `The table structure of this sheet could not be read (${p.error.en}); the sheet was not checked.`,
  },
  examples: [{ error: { vi: "Lỗi không mong đợi: x", en: "Unexpected error: x" } }],
});

/** total-mismatch: a total left empty is not judged, only said. */
export const totalEmpty = defineNote({
  id: "total-empty",
  message: {
    vi: (p: { cell: string; subject: Words; basis: Words; expected: number }, f) =>
      `${f.cell(p.cell)}: ${p.subject.vi} bỏ trống trong khi ${p.basis.vi} là ${f.number(p.expected)}.`,
    en: (p, f) => `${f.cell(p.cell)}: ${p.subject.en} is empty while ${p.basis.en} is ${f.number(p.expected)}.`,
  },
  examples: [
    {
      cell: "D19",
      subject: { vi: "Tổng cộng", en: "Tổng cộng" },
      basis: { vi: "tổng các mục", en: "the sum of the items" },
      expected: 225091,
    },
  ],
});
