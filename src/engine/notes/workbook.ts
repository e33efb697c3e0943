/** The notes the file readers give about a workbook's sheets (the CLI's check and the pane's file mode). */
import { defineNote } from "./note";

export const sheetHidden = defineNote({
  id: "sheet-hidden",
  message: {
    vi: (p: { sheet: string }) => `Trang tính “${p.sheet}” đang bị ẩn; vẫn được đọc và kiểm tra.`,
    en: (p) => `Sheet “${p.sheet}” is hidden; it is read and checked all the same.`,
  },
  examples: [{ sheet: "Tạm" }],
});

export const sheetEmpty = defineNote({
  id: "sheet-empty",
  message: {
    vi: (p: { sheet: string }) => `Trang tính “${p.sheet}” trống; bỏ qua.`,
    en: (p) => `Sheet “${p.sheet}” is empty; skipped.`,
  },
  examples: [{ sheet: "Sheet3" }],
});

export const sheetTooLong = defineNote({
  id: "sheet-too-long",
  message: {
    vi: (p: { sheet: string; read: number; skipped: number }) =>
      `Trang tính “${p.sheet}” quá dài: chỉ đọc ${p.read} dòng đầu, bỏ qua ${p.skipped} dòng sau.`,
    en: (p) =>
      `Sheet “${p.sheet}” is too long: only its first ${p.read} rows were read, ${p.skipped} rows after them skipped.`,
  },
  examples: [{ sheet: "Phụ lục I", read: 50000, skipped: 120 }],
});

export const sheetTooWide = defineNote({
  id: "sheet-too-wide",
  message: {
    vi: (p: { sheet: string; skipped: number }) => `Trang tính “${p.sheet}” quá rộng: bỏ qua ${p.skipped} cột cuối.`,
    en: (p) => `Sheet “${p.sheet}” is too wide: its last ${p.skipped} columns were skipped.`,
  },
  examples: [{ sheet: "Phụ lục I", skipped: 30 }],
});
