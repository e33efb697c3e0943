/** Properties of the sheet rules over generated tables and grids (fast-check). */
import fc from "fast-check";
import { budgetTable } from "../../../test/fixtures/tables";
import { checkGrid } from "../check";
import type { Cell, Grid } from "../grid";
import { DEFAULT_UNITS } from "../units";
import { totalMismatch } from "./total-mismatch";

const ctx = { units: DEFAULT_UNITS };

const budget = (amounts: number[], total: number) => budgetTable(amounts, total);

describe("rule properties", () => {
  const amounts = fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 30 });

  it("a Tổng cộng equal to its items is never a mismatch; one off by d is exactly one, expecting the sum", () => {
    fc.assert(
      fc.property(amounts, fc.integer({ min: -1000, max: 1000 }), (values, offset) => {
        const sum = values.reduce((a, b) => a + b, 0);
        const findings = totalMismatch.check(budget(values, sum + offset), ctx);
        if (offset === 0) return findings.length === 0;
        return findings.length === 1 && findings[0].expected === sum && findings[0].actual === sum + offset;
      }),
    );
  });

  /** Any cell content a sheet may hold, Vietnamese numbers, errors, dates, formulas never calculated. */
  const anyCell: fc.Arbitrary<Cell | undefined> = fc.oneof(
    fc.constant(undefined),
    fc.double({ noNaN: true, min: -1e9, max: 1e9 }).map((value) => ({ value })),
    fc.integer({ min: 0, max: 100 }).map((n) => ({ value: n / 100, numFmt: "0%" })),
    fc
      .constantFrom(
        "224.591",
        "94,2%",
        "1.5",
        "179/188",
        ">10%",
        "30% - 50%",
        "Đạt",
        "Chưa đạt",
        "-",
        "CNTT-BCVT",
        "I",
        "1.1",
        "Tổng cộng",
        "Cộng",
      )
      .map((value) => ({ value })),
    fc.string().map((value) => ({ value })),
    fc.constantFrom("#REF!", "#DIV/0!").map((error) => ({ value: null, error })),
    fc.constant({ value: null, formula: "SUM(D1:D2)" }),
    fc.date({ noInvalidDate: true }).map((value) => ({ value })),
  );

  it("checking any data under a real header never throws and no rule fails", () => {
    const headers = [
      ["STT", "Nội dung, nhiệm vụ", "Đơn vị chủ trì", "Vốn đầu tư", "Vốn sự nghiệp", "Tổng", "Ghi chú"],
      ["STT", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "Tỷ lệ (%) so với KH", "Đánh giá", "Đơn vị chủ trì"],
      [
        "Đơn vị / Kỳ",
        "Tổng số dịch vụ công",
        "DV cung cấp thông tin trực tuyến",
        "DVCTT một phần",
        "DVCTT toàn trình",
        "Số DVCTT tích hợp Cổng DVC quốc gia",
        "Tỷ lệ hồ sơ đúng hạn (%)",
      ],
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...headers),
        fc.array(fc.array(anyCell, { minLength: 7, maxLength: 7 }), { maxLength: 25 }),
        (header, data) => {
          const grid: Grid = {
            name: "Sheet1",
            rows: [header.map((value) => ({ value })), ...data],
            merges: [],
            hiddenRows: [],
          };
          const report = checkGrid(grid, ctx);
          return report.template !== null && !report.notes.some((note) => note.id === "rule-failed");
        },
      ),
      { numRuns: 300 },
    );
  });
});
