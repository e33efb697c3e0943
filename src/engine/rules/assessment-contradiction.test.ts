import { buildTable } from "../../../test/fixtures/tables";
import type { Cell, CellValue } from "../grid";
import { DEFAULT_UNITS } from "../units";
import { assessmentContradiction } from "./assessment-contradiction";

const ctx = { units: DEFAULT_UNITS };
const row = (target: CellValue | Cell, actual: CellValue | Cell, assessment: string) =>
  buildTable("chi-tieu", {
    columns: ["stt", "indicator", "target", "actual", "assessment", "leadUnit"],
    rows: [{ stt: "1", label: "Chỉ tiêu", cells: { target, actual, assessment, leadUnit: "CNTT-BCVT" } }],
  });

describe("assessment-contradiction", () => {
  it("flags Đạt when the result is below the target", () => {
    const [finding] = assessmentContradiction.check(row("≥ 90%", "85%", "Đạt"), ctx);
    expect(finding).toMatchObject({
      rule: "assessment-contradiction",
      cell: "E4",
      expected: "Chưa đạt",
      actual: "Đạt",
    });
    expect(finding.message).toBe(
      "Ô E4: Đánh giá ghi “Đạt” nhưng kết quả 85% so với kế hoạch “≥ 90%” là “Chưa đạt” (chưa đạt chỉ tiêu).",
    );
  });

  it("flags Chưa đạt / Không đạt when the target is met", () => {
    expect(assessmentContradiction.check(row({ value: 1, numFmt: "0%" }, "100%", "Chưa đạt"), ctx)).toHaveLength(1);
    expect(assessmentContradiction.check(row("30% - 50%", "35%", "Không đạt"), ctx)).toHaveLength(1);
  });

  it("a strict target is met only above it", () => {
    expect(assessmentContradiction.check(row(">95%", "95%", "Đạt"), ctx)).toHaveLength(1);
    expect(assessmentContradiction.check(row(">95%", "95,1%", "Đạt"), ctx)).toEqual([]);
  });

  it("near misses: Đạt on the target, Vượt above it, Đạt above it, an unassessed row", () => {
    expect(assessmentContradiction.check(row("≥ 90%", "90%", "Đạt"), ctx)).toEqual([]);
    expect(assessmentContradiction.check(row("Phấn đấu 50%", "62%", "Vượt"), ctx)).toEqual([]);
    expect(assessmentContradiction.check(row("Phấn đấu 50%", "62%", "Đạt"), ctx)).toEqual([]);
    expect(assessmentContradiction.check(row("Phấn đấu 50%", "12%", ""), ctx)).toEqual([]);
    expect(assessmentContradiction.check(row("Phấn đấu 50%", "12%", "Có thể đạt"), ctx)).toEqual([]);
  });

  it("does not judge text results or qualitative targets", () => {
    expect(assessmentContradiction.check(row("100%", "Thực hiện thường xuyên", "Chưa đạt"), ctx)).toEqual([]);
    expect(assessmentContradiction.check(row("Hoàn thành", "50%", "Đạt"), ctx)).toEqual([]);
  });
});
