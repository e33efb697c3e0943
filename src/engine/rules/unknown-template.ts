/**
 * `unknown-template`: no template's header row in the first rows of a sheet. Found by the
 * recogniser (recognise.ts), which names what each template expects.
 */
import type { FindingParams } from "../finding";
import type { Words } from "../locale";
import type { RuleDefinition } from "./rule";

interface UnknownTemplateParams extends FindingParams {
  sheet: string;
  /** How many rows were searched for a header. */
  searchedRows: number;
  /** `Tên mẫu (id): “STT”, “Nội dung”…; …` — each template's required columns. */
  columns: Words;
}

export const unknownTemplate: RuleDefinition<"unknown-template", UnknownTemplateParams> = {
  id: "unknown-template",
  severity: "error",
  tags: ["recognition"],
  label: { vi: "Không nhận diện được mẫu", en: "Unknown template" },
  namesCell: false,
  message: {
    vi: (p) =>
      `Không tìm thấy dòng tiêu đề của mẫu Phụ lục nào trong ${p.searchedRows} dòng đầu của trang tính ` +
      `“${p.sheet}”. Các mẫu cần các cột: ${p.columns.vi}.`,
    en: (p) =>
      `No Phụ lục header row was found in the first ${p.searchedRows} rows of sheet “${p.sheet}”. ` +
      `The templates expect these columns: ${p.columns.en}.`,
  },
  examples: [
    {
      sheet: "Sheet1",
      searchedRows: 30,
      columns: { vi: "Phụ lục II (kinh-phi): “STT”, “Nội dung”", en: "Phụ lục II (kinh-phi): “No.”, “Item”" },
    },
  ],
};
