import { checkGrid } from "../../engine/check";
import { gridFromValues, type Grid } from "../../engine/grid";
import { attainmentPlan } from "./attainment";

const HEADER = ["STT", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "Tỷ lệ (%)", "Đánh giá", "Đơn vị chủ trì"];

function table(rows: (string | number | null)[][]) {
  const grid: Grid = gridFromValues("Kết quả", [
    HEADER,
    ["I", "Lĩnh vực Bưu chính, Viễn thông", null, null, null, null, null],
    ...rows,
  ]);
  const report = checkGrid(grid);
  expect(report.template).toBe("chi-tieu");
  return report.table!;
}

describe("attainment rows and the write plan", () => {
  it("fills empty cells, proposes typed values that differ, and leaves equal ones (within rounding) alone", () => {
    const plan = attainmentPlan(
      table([
        ["1", "Tỷ lệ hộ gia đình có internet cáp quang", "80%", "85%", null, null, "CNTT-BCVT"],
        ["2", "Tỷ lệ xã có điểm phục vụ bưu chính", "100%", "90%", 90, "Đạt", "CNTT-BCVT"],
        ["3", "Tỷ lệ hộ có phương tiện nghe, nhìn", "90%", "95%", 105.6, "vượt", "TTBCXB"],
      ]),
    );
    // The column already holds plain percent points (90, 105.6): the new ratio follows that convention.
    expect(plan.fill.map((w) => [w.address, w.value, w.numberFormat])).toEqual([
      ["E3", 106.25, undefined],
      ["F3", "Vượt", undefined],
    ]);
    expect(plan.replace.map((w) => [w.address, w.current, w.value])).toEqual([["F4", "Đạt", "Chưa đạt"]]);
  });

  it("reads a text result as the rules do: 94,2% (179/188) against 95% is Chưa đạt at 99,16 %", () => {
    const plan = attainmentPlan(
      table([["1", "Tỷ lệ hồ sơ giải quyết đúng hạn", "95%", "94,2% (179/188)", null, null, "VP"]]),
    );
    expect(plan.fill.map((w) => [w.address, w.value])).toEqual([
      ["E3", 0.9916],
      ["F3", "Chưa đạt"],
    ]);
  });

  it("writes a share formatted as percent into an empty Tỷ lệ column", () => {
    const plan = attainmentPlan(
      table([["1", "Tỷ lệ hộ gia đình có internet cáp quang", "80%", "85%", null, null, "CNTT-BCVT"]]),
    );
    expect(plan.fill.find((w) => w.address === "E3")).toMatchObject({ value: 1.0625, numberFormat: "0.00%" });
  });
});
