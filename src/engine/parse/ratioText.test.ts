import { findRatioClaims, parseRatioText, ratioPercent } from "./ratioText";
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

describe("findRatioClaims (ratios in prose, spec §3)", () => {
  const claims = (text: string) =>
    findRatioClaims(text).map((c) => [c.text, c.statedPercent, c.statedDecimals] as const);

  it("pairs each ratio with the percentage stated for it in its clause", () => {
    expect(claims("179/188 cơ quan, đạt tỉ lệ 94,2%")).toEqual([["179/188", 94.2, 1]]);
    expect(claims("179/188 cơ quan, đạt tỷ lệ 94,2%")).toEqual([["179/188", 94.2, 1]]);
    expect(claims("39/39, đạt 100%")).toEqual([["39/39", 100, 0]]);
    expect(claims("94,2% (179/188)")).toEqual([["179/188", 94.2, 1]]);
    expect(claims("Đã giải quyết 412/430 phản ánh, đạt 95,81%")).toEqual([["412/430", 95.81, 2]]);
    expect(claims("45/52 hệ thống, tỷ lệ 86,5%; 12/15 cơ quan, tỷ lệ 75%")).toEqual([
      ["45/52", 86.5, 1],
      ["12/15", 75, 0],
    ]);
    expect(claims("Hoàn thành 1.127.989/1.026.794, bằng 109,85%")).toEqual([["1.127.989/1.026.794", 109.85, 2]]);
  });

  it("ignores footnote marks", () => {
    expect(claims("188(*) cơ quan; trong đó 179/188(*) cơ quan, chiếm 95,2%")).toEqual([["179/188", 95.2, 1]]);
    expect(claims("52/52¹⁰ xã, đạt 100%")).toEqual([["52/52", 100, 0]]);
    expect(claims("179/188<sup>10</sup> cơ quan (95,2%)")).toEqual([["179/188", 95.2, 1]]);
  });

  it("never reads dates, document numbers, ranks or unstated ratios", () => {
    for (const text of [
      "ngày 20/6/2024 đạt 100%",
      "Theo Thông tư số 12/2022/TT-BTTTT đạt 100%",
      "Chương trình số 553/Ctr-UBND, đạt 100%",
      "Xếp thứ 8/63 tỉnh, đạt 90%",
      "đứng thứ 29/63, tăng 12%",
      "lớp cuối ngày 17/3, đạt 100%",
      "1.250 người/điểm",
      "179/188 cơ quan",
      "179/188 cơ quan, tăng 5 cơ quan so với 2023, đạt 95,2%",
    ]) {
      expect([text, claims(text)]).toEqual([text, []]);
    }
  });
});
