import { computeAttainment, tableAttainment } from "./attainment";
import { checkGrid } from "./check";
import { gridFromValues } from "./grid";
import { parseTarget } from "./parse/target";

const verdict = (target: string, actual: number | number[]) => computeAttainment(parseTarget(target), actual).verdict;

describe("computeAttainment", () => {
  it("divides actual by target for at-least targets", () => {
    expect(computeAttainment(parseTarget("Phấn đấu 50%"), 45)).toEqual({ ratio: 90, verdict: "Chưa đạt" });
    expect(computeAttainment(parseTarget("100%"), 100)).toEqual({ ratio: 100, verdict: "Đạt" });
    expect(computeAttainment(parseTarget("80%"), 94.2).ratio).toBeCloseTo(117.75, 10);
    expect(verdict("80%", 94.2)).toBe("Vượt");
    expect(verdict("100%", 0.942 * 100)).toBe("Chưa đạt");
    expect(verdict("94,2%", 0.942 * 100)).toBe("Đạt");
  });

  it("meets a strict target only above it", () => {
    expect(verdict(">95%", 95)).toBe("Chưa đạt");
    expect(verdict(">95%", 95.1)).toBe("Vượt");
    expect(verdict("≥ 95%", 95)).toBe("Đạt");
    expect(verdict("Trên 95%", 94)).toBe("Chưa đạt");
  });

  it("divides target by actual when lower is better", () => {
    expect(computeAttainment(parseTarget("Không quá 5%"), 4)).toEqual({ ratio: 125, verdict: "Vượt" });
    expect(computeAttainment(parseTarget("Không quá 5%"), 5)).toEqual({ ratio: 100, verdict: "Đạt" });
    expect(verdict("Không quá 5%", 6)).toBe("Chưa đạt");
    expect(verdict("Dưới 10%", 10)).toBe("Chưa đạt");
    expect(verdict("Dưới 10%", 9.9)).toBe("Vượt");
    expect(verdict("≤ 3", 3)).toBe("Đạt");
  });

  it("meets a range from its lower bound", () => {
    expect(computeAttainment(parseTarget("30% - 50%"), 30)).toEqual({ ratio: 100, verdict: "Đạt" });
    expect(computeAttainment(parseTarget("30% - 50%"), 45)).toEqual({ ratio: 150, verdict: "Đạt" });
    expect(verdict("30% - 50%", 29.9)).toBe("Chưa đạt");
    expect(verdict("30% - 50%", 50)).toBe("Đạt");
    expect(verdict("30% - 50%", 55)).toBe("Vượt");
  });

  it("needs one actual per part of a compound target", () => {
    const compound = "70% Đài Truyền thanh cấp huyện;\n 100% đài truyền thanh cấp xã";
    expect(computeAttainment(parseTarget(compound), 80)).toEqual({});
    expect(computeAttainment(parseTarget(compound), [80])).toEqual({});
    expect(verdict(compound, [80, 100])).toBe("Đạt");
    expect(verdict(compound, [80, 95])).toBe("Chưa đạt");
    expect(verdict(compound, [75, 101])).toBe("Vượt");
    expect(computeAttainment(parseTarget(compound), [70, 100]).parts).toEqual([
      { ratio: 100, verdict: "Đạt" },
      { ratio: 100, verdict: "Đạt" },
    ]);
  });

  it("computes nothing for qualitative or empty targets or unusable actuals", () => {
    expect(computeAttainment(parseTarget("Thực hiện thường xuyên"), 100)).toEqual({});
    expect(computeAttainment(parseTarget(""), 100)).toEqual({});
    expect(computeAttainment(parseTarget("100%"), Number.NaN)).toEqual({});
    expect(computeAttainment(parseTarget("100%"), [90])).toEqual({ ratio: 90, verdict: "Chưa đạt" });
  });

  it("never leaks Infinity or NaN on a zero base", () => {
    expect(computeAttainment(parseTarget("0"), 5)).toEqual({ ratio: undefined, verdict: "Vượt" });
    expect(computeAttainment(parseTarget("0"), 0)).toEqual({ ratio: undefined, verdict: "Đạt" });
    expect(computeAttainment(parseTarget("Không quá 5%"), 0)).toEqual({ ratio: undefined, verdict: "Vượt" });
    expect(computeAttainment(parseTarget("0% - 10%"), 3)).toEqual({ ratio: undefined, verdict: "Đạt" });
  });
});

describe("tableAttainment", () => {
  const HEADER = ["STT", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "Tỷ lệ (%)", "Đánh giá", "Đơn vị chủ trì"];
  const table = (rows: (string | number | null)[][]) => {
    const report = checkGrid(
      gridFromValues("Kết quả", [HEADER, ["I", "Lĩnh vực Bưu chính", null, null, null, null, null], ...rows]),
    );
    expect(report.template).toBe("chi-tieu");
    return report.table!;
  };

  it("reads results as the rules do: numbers, a stated percentage beside its ratio, a bare ratio", () => {
    const rows = tableAttainment(
      table([
        ["1", "Tỷ lệ hộ gia đình có internet cáp quang", "80%", "85%", null, null, "CNTT-BCVT"],
        ["2", "Tỷ lệ hồ sơ giải quyết đúng hạn", "95%", "94,2% (179/188)", null, null, "VP"],
        ["3", "Tỷ lệ xã có điểm phục vụ bưu chính", "100%", "179/188", null, null, "CNTT-BCVT"],
        ["4", "Tuyên truyền chuyển đổi số", "Thực hiện thường xuyên", "Đã thực hiện", null, null, "TTBCXB"],
        ["5", "Tỷ lệ hộ nghe được Đài tiếng nói VN", "100%", null, null, null, "TTBCXB"],
        ["6", "Tỷ lệ hộ có phương tiện nghe, nhìn", "90%", "Đã thực hiện tốt", null, null, "TTBCXB"],
      ]),
    );
    expect(
      rows.map((r) => [r.address, r.ratio === undefined ? undefined : Number(r.ratio.toFixed(2)), r.verdict]),
    ).toEqual([
      ["D3", 106.25, "Vượt"],
      ["D4", 99.16, "Chưa đạt"],
      ["D5", 95.21, "Chưa đạt"],
    ]);
  });

  it("agrees with assessment-contradiction on a text result with its ratio", () => {
    const grid = gridFromValues("Kết quả", [
      HEADER,
      ["I", "Lĩnh vực Bưu chính", null, null, null, null, null],
      ["1", "Tỷ lệ hồ sơ giải quyết đúng hạn", "95%", "94,2% (179/188)", null, "Đạt", "VP"],
    ]);
    const report = checkGrid(grid);
    expect(tableAttainment(report.table!)[0].verdict).toBe("Chưa đạt");
    expect(report.findings.some((f) => f.rule === "assessment-contradiction" && f.cell === "F3")).toBe(true);
  });
});
