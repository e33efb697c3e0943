import { buildTable } from "../../../test/fixtures/tables";
import type { Cell, CellValue } from "../grid";
import { DEFAULT_UNITS } from "../units";
import { attainmentMismatch } from "./attainment-mismatch";

const ctx = { units: DEFAULT_UNITS };
const row = (target: CellValue | Cell, actual: CellValue | Cell, ratio: CellValue | Cell) =>
  buildTable("chi-tieu", {
    columns: ["stt", "indicator", "target", "actual", "ratio", "leadUnit"],
    rows: [{ stt: "1", label: "Chỉ tiêu", cells: { target, actual, ratio, leadUnit: "CNTT-BCVT" } }],
  });
const pct = (share: number, numFmt = "0.0%"): Cell => ({ value: share, numFmt });

describe("attainment-mismatch", () => {
  it("flags a stated Tỷ lệ so với KH that is not Thực hiện / Kế hoạch", () => {
    const [finding] = attainmentMismatch.check(row(pct(1, "0%"), pct(0.942), 95), ctx);
    expect(finding).toMatchObject({ rule: "attainment-mismatch", cell: "E4", expected: 94.2, actual: 95 });
    expect(finding.message).toBe(
      "Ô E4: Tỷ lệ so với KH ghi 95% nhưng Thực hiện / Kế hoạch là 94,2% (chênh lệch 0,8%).",
    );
  });

  it("accepts the rounded and the truncated ratio (near misses)", () => {
    // 113 of a target of 120 = 94,1666…%.
    expect(attainmentMismatch.check(row(120, 113, 94.2), ctx)).toEqual([]);
    expect(attainmentMismatch.check(row(120, 113, 94.1), ctx)).toEqual([]);
    expect(attainmentMismatch.check(row(120, 113, pct(0.9417, "0.00%")), ctx)).toEqual([]);
    expect(attainmentMismatch.check(row(120, 113, 94.3), ctx)).toHaveLength(1);
    // A ratio above 100 % is normal for attainment.
    expect(attainmentMismatch.check(row(pct(0.5, "0%"), "62,5%", 125), ctx)).toEqual([]);
  });

  it("uses Kế hoạch / Thực hiện for lower-is-better targets", () => {
    expect(attainmentMismatch.check(row("Không quá 10%", "8%", 125), ctx)).toEqual([]);
    expect(attainmentMismatch.check(row("Không quá 10%", "8%", 80), ctx)[0].message).toContain("Kế hoạch / Thực hiện");
  });

  it("does not judge qualitative or compound targets, or text results", () => {
    expect(attainmentMismatch.check(row("Hoàn thành đề án", "Đã hoàn thành", 100), ctx)).toEqual([]);
    expect(attainmentMismatch.check(row("70% cấp huyện;\n100% cấp xã", "80%", 50), ctx)).toEqual([]);
    expect(attainmentMismatch.check(row("100%", "Thực hiện thường xuyên", 50), ctx)).toEqual([]);
  });
});
