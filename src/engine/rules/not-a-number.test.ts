import { buildTable } from "../../../test/fixtures/tables";
import { DEFAULT_UNITS } from "../units";
import { notANumber } from "./not-a-number";

const ctx = { units: DEFAULT_UNITS };
const budget = (amount: unknown) =>
  buildTable("kinh-phi", {
    columns: ["stt", "indicator", "leadUnit", { amount: "Nhu cầu kinh phí năm 2024" }],
    rows: [{ stt: "1", label: "Dự án A", cells: { leadUnit: "Sở TTTT" }, amounts: [amount as never] }],
  });

describe("not-a-number", () => {
  it("warns, with the parsed value, on text that reads as a Vietnamese number", () => {
    const [finding] = notANumber.check(budget("1.250"), ctx);
    expect(finding).toMatchObject({ rule: "not-a-number", severity: "warning", cell: "D4", expected: 1250 });
    expect(finding.message).toBe("Ô D4: ô chứa văn bản “1.250”, đọc được là 1.250; nên lưu dạng số.");
  });

  it("is an error for text that does not parse, naming the English reading", () => {
    const [finding] = notANumber.check(budget("1.5"), ctx);
    expect(finding).toMatchObject({ severity: "error", cell: "D4", actual: "1.5" });
    expect(finding.message).toContain("1.5");
    expect(notANumber.check(budget("khoảng 30 tỷ"), ctx)[0].severity).toBe("error");
  });

  it("is an error for #REF!, a date or a boolean in an amount column", () => {
    expect(notANumber.check(budget({ value: null, error: "#REF!" }), ctx)[0]).toMatchObject({
      severity: "error",
      actual: "#REF!",
    });
    expect(notANumber.check(budget(new Date(Date.UTC(2024, 0, 5))), ctx)[0]).toMatchObject({
      severity: "error",
      actual: "2024-01-05",
    });
    expect(notANumber.check(budget(true), ctx)).toHaveLength(1);
  });

  it("says nothing for numbers, blanks, a lone dash or a formula not yet calculated", () => {
    for (const value of [1250, { value: 224591, numFmt: "#,##0" }, "", "-", { value: null, formula: "SUM(D4:D5)" }]) {
      expect(notANumber.check(budget(value), ctx)).toEqual([]);
    }
  });

  it("reads the percent column of a results sheet, not its text result column", () => {
    const table = buildTable("ket-qua", {
      columns: ["stt", "indicator", "actual", "ratio", "assessment"],
      rows: [
        { stt: "1", label: "A", cells: { actual: "Thực hiện thường xuyên", ratio: "chưa tính", assessment: "Đạt" } },
        { stt: "2", label: "B", cells: { actual: "Tham gia đầy đủ", ratio: "94,2%", assessment: "Đạt" } },
      ],
    });
    const findings = notANumber.check(table, ctx);
    expect(findings.map((f) => [f.cell, f.severity])).toEqual([
      ["D4", "error"],
      ["D5", "warning"],
    ]);
  });
});
