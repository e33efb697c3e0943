import { budgetTable } from "../../../test/fixtures/tables";
import { DEFAULT_UNITS } from "../units";
import { totalUnverifiable } from "./total-unverifiable";

const ctx = { units: DEFAULT_UNITS };
const budget = budgetTable;

describe("total-unverifiable", () => {
  it("names the unreadable cells a total covers, and the sum of the others", () => {
    const [finding] = totalUnverifiable.check(budget([1200, "Đang thẩm định", 850], 3050), ctx);
    expect(finding).toMatchObject({ rule: "total-unverifiable", severity: "warning", cell: "D7" });
    expect(finding.message).toBe(
      "Ô D7: chưa đối chiếu được Tổng cộng vì trong các ô được cộng có ô không đọc được thành số: D5 (“Đang thẩm định”); tổng các ô còn lại là 2.050.",
    );
  });

  it("says nothing when every covered cell is a number, empty, `x` or `-`, nor on an empty total", () => {
    expect(totalUnverifiable.check(budget([1200, "x", "-", 850], 2050), ctx)).toEqual([]);
    expect(totalUnverifiable.check(budget([1200, 850], 2050), ctx)).toEqual([]);
    expect(totalUnverifiable.check(budget([1200, "khoảng 6 tỷ"], null), ctx)).toEqual([]);
  });
});
