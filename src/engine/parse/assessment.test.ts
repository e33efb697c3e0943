import { parseAssessment } from "./assessment";
import { SEED_KET_QUA } from "../../../test/fixtures/seedTables";

describe("parseAssessment", () => {
  it.each([
    ["Đạt", "Đạt"],
    ["đạt", "Đạt"],
    ["ĐẠT", "Đạt"],
    [" Đạt. ", "Đạt"],
    ["Vượt", "Vượt"],
    ["Vượt chỉ tiêu", "Vượt"],
    ["Chưa đạt", "Chưa đạt"],
    ["Chưa đạt ", "Chưa đạt"],
    ["chưa  đạt", "Chưa đạt"],
    ["Chưa đạt".normalize("NFD"), "Chưa đạt"],
    ["Không đạt", "Không đạt"],
    ["Hoàn thành", "Đạt"],
    ["Chưa hoàn thành", "Chưa đạt"],
  ])("%j → %s", (text, expected) => {
    expect(parseAssessment(text)).toBe(expected);
  });

  it.each(["", "Có thể đạt", "Chưa đánh giá", "Thực hiện thường xuyên", "Đạt 95%", "constructor"])(
    "%j is no assessment",
    (text) => {
      expect(parseAssessment(text)).toBeUndefined();
    },
  );

  it("reads the seed's Đánh giá column", () => {
    expect(SEED_KET_QUA.rows.map((row) => parseAssessment(row[3]) ?? "")).toEqual([
      "Đạt",
      "Đạt",
      "Chưa đạt",
      "Đạt",
      "Đạt",
      "Đạt",
      "",
      "Đạt",
      "Đạt",
      "Đạt",
      "",
      "",
      "",
      "Đạt",
    ]);
  });
});
