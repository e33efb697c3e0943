import { checkGrid } from "../../engine/check";
import { gridFromValues } from "../../engine/grid";
import { CHART_SECTIONS, summariseAttainment } from "./chartSummary";

const HEADER = ["STT", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "Tỷ lệ (%)", "Đánh giá", "Đơn vị chủ trì"];

function tableOf(rows: (string | number | null)[][]) {
  const report = checkGrid(gridFromValues("Kết quả", [HEADER, ...rows]));
  expect(report.template).toBe("chi-tieu");
  return report.table!;
}

describe("summariseAttainment", () => {
  it("counts met and missed indicators per section, worst section first, text results left out", () => {
    const summary = summariseAttainment(
      tableOf([
        ["I", "Lĩnh vực Bưu chính, Viễn thông", null, null, null, null, null],
        ["1", "Tỷ lệ hộ gia đình có internet cáp quang", "80%", "85%", null, null, "CNTT-BCVT"],
        ["2", "Tỷ lệ xã có điểm phục vụ bưu chính", "100%", "90%", null, null, "CNTT-BCVT"],
        ["II", "Lĩnh vực Báo chí", null, null, null, null, null],
        ["1", "Tỷ lệ hồ sơ giải quyết đúng hạn", "95%", "94,2% (179/188)", null, null, "VP"],
        ["2", "Tuyên truyền chuyển đổi số", "Thực hiện thường xuyên", "Đã thực hiện", null, null, "TTBCXB"],
      ]),
    );
    expect(summary).toEqual({
      sections: [
        { stt: "II", label: "Lĩnh vực Báo chí", met: 0, missed: 1 },
        { stt: "I", label: "Lĩnh vực Bưu chính, Viễn thông", met: 1, missed: 1 },
      ],
      more: 0,
      judged: 3,
    });
  });

  it("caps the chart at CHART_SECTIONS sections and counts the rest", () => {
    const rows: (string | number | null)[][] = [];
    const romans = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];
    romans.forEach((stt, i) => {
      rows.push([stt, `Lĩnh vực thứ ${i + 1}`, null, null, null, null, null]);
      rows.push(["1", `Tỷ lệ thủ tục trực tuyến loại ${i + 1}`, "100%", i === 10 ? "50%" : "100%", null, null, "VP"]);
    });
    const summary = summariseAttainment(tableOf(rows));
    expect(summary.sections).toHaveLength(CHART_SECTIONS);
    expect(summary.more).toBe(romans.length - CHART_SECTIONS);
    expect(summary.sections[0]).toMatchObject({ stt: "XI", missed: 1 });
    // Equally good sections keep the sheet's order.
    expect(summary.sections.slice(1).map((s) => s.stt)).toEqual(["I", "II", "III", "IV", "V", "VI", "VII"]);
  });
});
