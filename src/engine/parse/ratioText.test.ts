import { parseRatioText, ratioPercent } from "./ratioText";
import { matchesStated } from "../tolerance";

describe("parseRatioText", () => {
  it.each([
    ["179/188", 179, 188],
    [" 179 / 188 ", 179, 188],
    ["1.127.989/1.026.794", 1127989, 1026794],
    ["17/3", 17, 3],
  ])("%j is a ratio", (text, numerator, denominator) => {
    expect(parseRatioText(text)).toEqual({ numerator, denominator });
  });

  it.each([
    ["179/188 (94,2%)", 179, 188, 94.2, 1],
    ["94,2% (179/188)", 179, 188, 94.2, 1],
    ["179/188 = 94,2 %", 179, 188, 94.2, 1],
    ["179/188, đạt 94,2%", 179, 188, 94.2, 1],
    ["1.127.989/1.026.794 (109,85%)", 1127989, 1026794, 109.85, 2],
    ["1.355/1.633 (83%)", 1355, 1633, 83, 0],
  ])("%j carries its stated percentage", (text, numerator, denominator, statedPercent, statedDecimals) => {
    expect(parseRatioText(text)).toEqual({ numerator, denominator, statedPercent, statedDecimals });
  });

  it.each([
    "17/3/2024",
    "553/Ctr-UBND",
    "12/2022/TT-BTTTT",
    "Số 553/Ctr-UBND ngày 09/9/2021",
    "đạt 179/188 hồ sơ",
    "1.5/2",
    "179/",
    "/188",
    "94,2%",
    "",
  ])("%j is not a ratio", (text) => {
    expect(parseRatioText(text)).toBeUndefined();
  });

  it("computes the percentage and guards a zero denominator", () => {
    expect(ratioPercent({ numerator: 179, denominator: 188 })).toBeCloseTo(95.2128, 4);
    expect(parseRatioText("5/0")).toEqual({ numerator: 5, denominator: 0 });
    expect(ratioPercent({ numerator: 5, denominator: 0 })).toBeUndefined();
  });

  it("checks a stated percentage against its ratio: a match and near misses", () => {
    const check = (text: string) => {
      const r = parseRatioText(text)!;
      return matchesStated(r.statedPercent!, r.statedDecimals!, ratioPercent(r)!);
    };
    expect(check("179/188 (95,2%)")).toBe(true);
    expect(check("179/188 (94,2%)")).toBe(false);
    expect(check("179/188 (94,3%)")).toBe(false);
    expect(check("179/188 (95,3%)")).toBe(false);
    expect(check("1.127.989/1.026.794 (109,85%)")).toBe(true);
    expect(check("1.127.989/1.026.794 (109,86%)")).toBe(true);
    expect(check("1.127.989/1.026.794 (109,87%)")).toBe(false);
  });
});
