import { gridFromValues, type CellValue } from "./grid";
import { readColumnNumberRow } from "./legend";

const read = (row: CellValue[]) => readColumnNumberRow(gridFromValues("L", [row]), 0, row.length, 200);

describe("readColumnNumberRow", () => {
  it("reads column numbers and formula legends, naming the grid columns a formula uses", () => {
    expect(read(["(1)", "(2)", "(3)", "(4)", "(5)", "(6)=(5)/(4)", "(7)"])).toEqual({
      formulas: [{ col: 5, operator: "/", sources: [4, 3] }],
    });
    expect(read(["(1)", "(2)", "(3)", "(4)", "(5)", "(6) = (4) + (5)"])?.formulas).toEqual([
      { col: 5, operator: "+", sources: [3, 4] },
    ]);
    expect(read(["A", "B", "1", "2", "3=2/1x100"])?.formulas).toEqual([{ col: 4, operator: "/", sources: [3, 2] }]);
    expect(read(["A", "B", 1, 2, 3, 4])).toEqual({ formulas: [] });
  });

  it("is not a row of small counts, nor numbers out of order, nor text", () => {
    expect(read(["1", "5", "3", "2"])).toBeUndefined();
    expect(read(["(1)", "(2)", "Ghi chú"])).toBeUndefined();
    expect(read(["(4)", "(7)", "(2)"])).toBeUndefined();
  });
});
