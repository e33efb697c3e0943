import { computeAttainment } from "./attainment";
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
