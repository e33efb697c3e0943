import fc from "fast-check";
import { makeFinding } from "./finding";
import { displayDecimals, enNumber, mismatch, quote, roundTo, vnNumber } from "./messages";
import { notANumber } from "./rules/not-a-number";
import { totalMismatch } from "./rules/total-mismatch";

describe("messages", () => {
  it("formats numbers the Vietnamese way, and the English way beside", () => {
    expect(vnNumber(224591)).toBe("224.591");
    expect(enNumber(224591)).toBe("224,591");
    expect(vnNumber(94.2, { percent: true })).toBe("94,2%");
    expect(enNumber(94.2, { percent: true })).toBe("94.2%");
    expect(vnNumber(0.1 + 0.2)).toBe("0,3");
    expect(vnNumber(-6440)).toBe("-6.440");
  });

  it("formats English numbers as toLocaleString does (one formatter kept per count of decimals)", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 6 }), (value, max) => {
        const decimals = displayDecimals(value, max);
        const options = { minimumFractionDigits: decimals, maximumFractionDigits: decimals };
        expect(enNumber(value, { maxDecimals: max })).toBe(roundTo(value, decimals).toLocaleString("en-US", options));
      }),
      { numRuns: 2000 },
    );
  });

  it("shows the fewest decimals that keep the value, within the limit", () => {
    expect(displayDecimals(500, 3)).toBe(0);
    expect(displayDecimals(95.2127659, 3)).toBe(3);
    expect(displayDecimals(95.2127659, 1)).toBe(1);
    expect(displayDecimals(109.85, 3)).toBe(2);
  });

  it("names the cell, the value found, the value expected and the difference", () => {
    const params = mismatch({
      subject: { vi: "Tổng cộng", en: "Tổng cộng" },
      basis: { vi: "tổng các mục", en: "the sum of the items" },
      actual: 224591,
      expected: 225091,
    });
    const finding = makeFinding(totalMismatch, { sheet: "PL II", cell: "D19" }, params);
    expect(finding).toEqual({
      rule: "total-mismatch",
      severity: "error",
      sheet: "PL II",
      cell: "D19",
      message: "Ô D19: Tổng cộng ghi 224.591 nhưng tổng các mục là 225.091 (chênh lệch 500).",
      messageEn: "Cell D19: Tổng cộng states 224,591 but the sum of the items is 225,091 (difference 500).",
      expected: 225091,
      actual: 224591,
      params: { ...params, difference: 500 },
    });
  });

  it("lets a finding be milder than its rule, and quotes long text cut short", () => {
    const finding = makeFinding(
      notANumber,
      { sheet: "S", cell: "A1", severity: "warning" },
      { kind: "error", code: "#REF!" },
    );
    expect(finding.severity).toBe("warning");
    expect(finding).not.toHaveProperty("expected");
    const long = quote("a".repeat(200));
    expect(long.length).toBe(82);
    expect(long.endsWith("…”")).toBe(true);
  });
});
