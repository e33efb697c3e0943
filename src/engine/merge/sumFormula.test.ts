import type { Cell } from "../grid";
import { sumFormula } from "./sumFormula";

/** Column B (1) of rows 0..n: the given values. */
const column = (...values: (number | string | null)[]): Cell[][] => values.map((value) => [{ value: null }, { value }]);

describe("sumFormula: the SUM a recomputed total keeps", () => {
  it("joins contiguous rows into one range, in row order", () => {
    const rows = column(1, 2, 3, null, 5, 6, 7);
    expect(sumFormula(rows, [6, 0, 1, 2, 4, 5], 1)).toBe("SUM(B1:B3,B5:B7)");
    expect(sumFormula(rows, [3], 1)).toBe("SUM(B4)");
  });

  it("none over a number typed as text (Excel's SUM would skip what PhuLuc counted); a dash or a note is fine", () => {
    expect(sumFormula(column(1, "2.120", 3), [0, 1, 2], 1)).toBeUndefined();
    expect(sumFormula(column(1, "-", "Không phát sinh", 3), [0, 1, 2, 3], 1)).toBe("SUM(B1:B4)");
  });

  it("none with no rows, or past the 255 arguments Excel's SUM takes", () => {
    expect(sumFormula(column(1), [], 1)).toBeUndefined();
    const every = Array.from({ length: 512 }, (_, i) => i);
    const alternate = every.filter((i) => i % 2 === 0);
    expect(sumFormula(column(...every), alternate.slice(0, 255), 1)).toMatch(/^SUM\(B1,B3,.*,B509\)$/);
    expect(sumFormula(column(...every), alternate.slice(0, 256), 1)).toBeUndefined();
  });
});
