import fc from "fast-check";
import { matchesStated } from "./tolerance";

describe("matchesStated", () => {
  it("accepts rounding and truncation: 1.127.989/1.026.794 written 109,85%", () => {
    const computed = (100 * 1127989) / 1026794; // 109.85543…
    expect(matchesStated(109.85, 2, computed)).toBe(true); // truncated (as the report writes it)
    expect(matchesStated(109.86, 2, computed)).toBe(true); // rounded
    expect(matchesStated(109.9, 1, computed)).toBe(true); // rounded
    expect(matchesStated(109.8, 1, computed)).toBe(true); // truncated
    expect(matchesStated(110, 0, computed)).toBe(true); // rounded
    expect(matchesStated(109, 0, computed)).toBe(true); // truncated
    expect(matchesStated(109.855, 3, computed)).toBe(true);
  });

  it("rejects near misses", () => {
    const computed = (100 * 1127989) / 1026794;
    expect(matchesStated(109.84, 2, computed)).toBe(false);
    expect(matchesStated(109.87, 2, computed)).toBe(false);
    expect(matchesStated(109.856, 3, computed)).toBe(false);
    expect(matchesStated(109.7, 1, computed)).toBe(false);
    expect(matchesStated(94.3, 1, (100 * 179) / 188)).toBe(false);
    expect(matchesStated(224591, 0, 225091)).toBe(false);
    expect(matchesStated(224591, 0, 224592)).toBe(false);
  });

  it("is not fooled by float noise", () => {
    expect(matchesStated(0.942 * 100, 1, 94.2)).toBe(true);
    expect(matchesStated(109.85, 2, 109.85)).toBe(true);
    expect(matchesStated(1.005 * 100, 1, 100.5)).toBe(true);
    expect(matchesStated(0.3, 1, 0.1 + 0.2)).toBe(true);
  });

  it("compares a number cell as its format shows it (a formula's 101,428… under 0.0 is 101,4)", () => {
    expect(matchesStated((0.71 / 0.7) * 100, 1, 71 / 0.7)).toBe(true);
    expect(matchesStated(31940.75, 0, 25500.4 + 6440.35)).toBe(true);
    expect(matchesStated(31940.75, 0, 31942)).toBe(false);
  });

  it("handles negatives symmetrically and refuses non-finite values", () => {
    expect(matchesStated(-2.5, 1, -2.54)).toBe(true);
    expect(matchesStated(-2.6, 1, -2.56)).toBe(true);
    expect(matchesStated(-2.4, 1, -2.54)).toBe(false);
    expect(matchesStated(1, 0, Number.NaN)).toBe(false);
    expect(matchesStated(1, 0, Number.POSITIVE_INFINITY)).toBe(false);
  });

  it("always matches a value to its own rounding and truncation", () => {
    fc.assert(
      // Values with three decimals, stated with fewer: the truncation is computed on the integer k.
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 2 }), (k, d) => {
        const x = k / 1000;
        expect(matchesStated(Number(x.toFixed(d)), d, x)).toBe(true);
        const truncated = Math.trunc(k / 10 ** (3 - d)) / 10 ** d;
        expect(matchesStated(truncated, d, x)).toBe(true);
      }),
    );
  });

  it("never matches a value two steps away", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 4 }), (x, d) => {
        const step = 10 ** -d;
        expect(matchesStated(Number(x.toFixed(d)) + 2 * step, d, x)).toBe(false);
      }),
    );
  });
});
