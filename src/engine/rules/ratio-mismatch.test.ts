import { buildTable } from "../../../test/fixtures/tables";
import type { Cell, CellValue } from "../grid";
import { DEFAULT_UNITS } from "../units";
import { ratioMismatch } from "./ratio-mismatch";

const ctx = { units: DEFAULT_UNITS };
/** A results row: Kết quả and Ghi chú side by side. */
const results = (actual: CellValue | Cell, note: CellValue = null) =>
  buildTable("ket-qua", {
    columns: ["stt", "indicator", "actual", "note", "assessment"],
    rows: [{ stt: "1", label: "Tỷ lệ hồ sơ xử lý trực tuyến", cells: { actual, note, assessment: "Đạt" } }],
  });

describe("ratio-mismatch", () => {
  it("flags a percentage next to a ratio it does not match", () => {
    // 179/190 = 94,21…%: 94,3% is wrong.
    const [finding] = ratioMismatch.check(results("94,3%", "179/190"), ctx);
    expect(finding).toMatchObject({ rule: "ratio-mismatch", cell: "C4", expected: 94.2, actual: 94.3 });
    expect(finding.message).toBe("Ô C4: Tỷ lệ ghi 94,3% nhưng 179/190 (ô D4) là 94,2% (chênh lệch 0,1%).");
    expect(finding.params.figureUnit).toEqual({ kind: "percent" });
  });

  it("accepts the rounded and the truncated percentage (near misses)", () => {
    // 113/120 = 94,1666…%: rounded 94,2%, truncated 94,1%; both are written in reports.
    expect(ratioMismatch.check(results("94,2%", "113/120"), ctx)).toEqual([]);
    expect(ratioMismatch.check(results("94,1%", "113/120"), ctx)).toEqual([]);
    expect(ratioMismatch.check(results("94%", "113/120"), ctx)).toEqual([]);
    expect(ratioMismatch.check(results("94,3%", "113/120"), ctx)).toHaveLength(1);
    // 002_…: "1.697.083/1.026.794 hồ sơ, tỷ lệ 165,2%" (165,27…: truncated), "1.127.989/1.026.794 … 109,85%".
    expect(ratioMismatch.check(results("1.697.083/1.026.794 (165,2%)"), ctx)).toEqual([]);
    expect(ratioMismatch.check(results({ value: 1.0985, numFmt: "0.00%" }, "1.127.989/1.026.794"), ctx)).toEqual([]);
  });

  it("checks a ratio and its percentage written in one cell", () => {
    const [finding] = ratioMismatch.check(results("179/188 (94,2%)"), ctx);
    expect(finding).toMatchObject({ cell: "C4", expected: 95.2, actual: 94.2 });
    expect(ratioMismatch.check(results("179/188 (95,2%)"), ctx)).toEqual([]);
  });

  it("ignores dates, document numbers and ratios inside sentences", () => {
    expect(ratioMismatch.check(results("94,3%", "Theo Thông tư 12/2022/TT-BTTTT"), ctx)).toEqual([]);
    expect(ratioMismatch.check(results("94,3%", "đến ngày 17/3/2024"), ctx)).toEqual([]);
  });

  it("dich-vu-cong: a tích hợp cell stating its share is checked against một phần + toàn trình", () => {
    const services = (integrated: string) =>
      buildTable("dich-vu-cong", {
        columns: ["reportingUnit", "dvcTotal", "dvcPartial", "dvcFull", "dvcIntegrated"],
        rows: [{ label: "Quý I", cells: { dvcTotal: 2150, dvcPartial: 651, dvcFull: 982, dvcIntegrated: integrated } }],
      });
    // 001_…: "tích hợp 100% … (1.355 dịch vụ)" while một phần + toàn trình = 1.633.
    expect(ratioMismatch.check(services("1.355 (100%)"), ctx)[0]).toMatchObject({
      cell: "E4",
      expected: 83,
      actual: 100,
    });
    expect(ratioMismatch.check(services("1.355 (83%)"), ctx)).toEqual([]);
  });
});
