import { buildTable } from "../../../test/fixtures/tables";
import type { CellValue } from "../grid";
import { DEFAULT_UNITS } from "../units";
import { partsMismatch } from "./parts-mismatch";

const ctx = { units: DEFAULT_UNITS };
type Counts = [CellValue, CellValue, CellValue, CellValue, CellValue];
const services = (...rows: Counts[]) =>
  buildTable("dich-vu-cong", {
    columns: ["reportingUnit", "dvcTotal", "dvcInfo", "dvcPartial", "dvcFull", "dvcIntegrated"],
    rows: rows.map(([dvcTotal, dvcInfo, dvcPartial, dvcFull, dvcIntegrated], i) => ({
      label: `Kỳ ${i + 1}`,
      cells: { dvcTotal, dvcInfo, dvcPartial, dvcFull, dvcIntegrated },
    })),
  });

describe("parts-mismatch", () => {
  it("flags a total that differs from thông tin + một phần + toàn trình when all are stated", () => {
    const [finding] = partsMismatch.check(services([2150, 500, 651, 982, null]), ctx);
    expect(finding).toMatchObject({ rule: "parts-mismatch", cell: "B4", expected: 2133, actual: 2150 });
    expect(finding.message).toBe(
      "Ô B4: Tổng số dịch vụ công ghi 2.150 nhưng DV cung cấp thông tin + một phần + toàn trình là 2.133 (chênh lệch 17).",
    );
    expect(partsMismatch.check(services([2150, 517, 651, 982, 1355]), ctx)).toEqual([]);
  });

  it("with DV thông tin blank only judges parts exceeding the whole", () => {
    // The seed's quý I row: 651 + 982 = 1.633 ≤ 2.150 and 1.355 ≤ 1.633 — nothing to say.
    expect(partsMismatch.check(services([2150, null, 651, 982, 1355]), ctx)).toEqual([]);
    const [finding] = partsMismatch.check(services([1500, null, 651, 982, null]), ctx);
    expect(finding).toMatchObject({ cell: "B4", expected: 1500, actual: 1633 });
    expect(finding.message).toContain("vượt 133");
  });

  it("flags tích hợp exceeding một phần + toàn trình, or the total when those are missing", () => {
    expect(partsMismatch.check(services([2150, null, 651, 982, 1700]), ctx)[0]).toMatchObject({
      cell: "F4",
      expected: 1633,
      actual: 1700,
    });
    expect(partsMismatch.check(services([1200, null, null, null, 1355]), ctx)[0]).toMatchObject({
      cell: "F4",
      expected: 1200,
    });
    expect(partsMismatch.check(services([2150, null, 651, 982, 1633]), ctx)).toEqual([]);
  });
});
