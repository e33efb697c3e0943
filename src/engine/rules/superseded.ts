/**
 * `superseded` (merge, info): the values of a unit's older file, replaced by the unit's newer file;
 * listed with the file they came from.
 */
import type { FindingParams } from "../finding";
import type { RuleDefinition } from "./rule";

/** A unit's file and, when known, the date that makes it older or newer and where the date was read. */
export interface DatedFile {
  file: string;
  date?: string;
  from?: "file" | "workbook";
}

interface SupersededParams extends FindingParams {
  label: string;
  unit: string;
  older: DatedFile;
  newer: DatedFile;
  /** The replaced values as shown: `Kết quả: 85%; Ghi chú: …`. */
  values: string;
}

/** `tệp vp.xlsx, ngày lưu trong sổ tính 02/12/2026`. */
export function datedVi(input: DatedFile): string {
  if (!input.date) return `tệp ${input.file}`;
  return `tệp ${input.file}, ${input.from === "file" ? "ngày sửa tệp" : "ngày lưu trong sổ tính"} ${input.date}`;
}

export const superseded: RuleDefinition<"superseded", SupersededParams> = {
  id: "superseded",
  severity: "info",
  tags: ["merge"],
  label: { vi: "Bị thay bằng tệp mới hơn", en: "Superseded" },
  message: {
    vi: (p, f) =>
      `dòng ${f.quote(p.label)} của ${p.unit} (${datedVi(p.older)}) được thay bằng ${datedVi(p.newer)}; ` +
      `không tổng hợp: ${p.values}.`,
    en: (p, f) =>
      `row ${f.quote(p.label)} from ${p.unit} (file ${p.older.file}) is replaced by the newer file ${p.newer.file}; ` +
      `not merged: ${p.values}.`,
  },
  examples: [
    {
      label: "Tỷ lệ hồ sơ trực tuyến",
      unit: "VP",
      older: { file: "vp-cu.xlsx", date: "01/12/2026", from: "workbook" },
      newer: { file: "vp-moi.xlsx", date: "02/12/2026", from: "file" },
      values: "Kết quả: 80%",
    },
  ],
};
