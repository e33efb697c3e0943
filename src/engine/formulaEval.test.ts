import { evaluateFormula, SheetFormulas } from "./formulaEval";
import type { Cell, Grid } from "./grid";

/** A sheet from A1-addressed cells: a string starting with "=" is a formula (no cached value). */
function sheet(cells: Record<string, Cell["value"] | `=${string}` | { error: string }>, name = "PL1"): Grid {
  const grid: Grid = { name, rows: [], merges: [], hiddenRows: [] };
  for (const [address, content] of Object.entries(cells)) {
    const col = address.charCodeAt(0) - 65;
    const row = Number(address.slice(1)) - 1;
    const cell: Cell =
      typeof content === "string" && content.startsWith("=")
        ? { value: null, formula: content.slice(1) }
        : content !== null && typeof content === "object" && "error" in content
          ? { value: null, error: content.error }
          : { value: content as Cell["value"] };
    (grid.rows[row] ??= [])[col] = cell;
  }
  return grid;
}

describe("evaluateFormula: operators as Excel computes them", () => {
  const grid = sheet({ C14: 200, D14: 150, C15: 0, D15: 3, B1: "12", B2: "abc", B3: true, B4: "Đạt" });

  it("computes arithmetic with Excel's precedence (unary minus binds tighter than ^)", () => {
    expect(evaluateFormula("D14/C14*100", grid)).toBe(75);
    expect(evaluateFormula("$D$14-C14+1", grid)).toBe(-49);
    expect(evaluateFormula("-2^2", grid)).toBe(4);
    expect(evaluateFormula("2+3*4^2", grid)).toBe(50);
    expect(evaluateFormula("(2+3)*4", grid)).toBe(20);
    expect(evaluateFormula("50%*D14", grid)).toBe(75);
  });

  it("gives #DIV/0! for a division by zero or by an empty cell, and propagates errors", () => {
    expect(evaluateFormula("D15/C15*100", grid)).toEqual({ error: "#DIV/0!" });
    expect(evaluateFormula("D14/Z99", grid)).toEqual({ error: "#DIV/0!" });
    expect(evaluateFormula("1+D15/C15", grid)).toEqual({ error: "#DIV/0!" });
    expect(evaluateFormula("0^0", grid)).toEqual({ error: "#NUM!" });
  });

  it("reads an empty cell as 0 in arithmetic and text that looks like a number as that number", () => {
    expect(evaluateFormula("Z99+1", grid)).toBe(1);
    expect(evaluateFormula("B1*2", grid)).toBe(24);
    expect(evaluateFormula('"95%"*100', grid)).toBe(95);
    expect(evaluateFormula("B3+1", grid)).toBe(2);
    expect(evaluateFormula("B2*2", grid)).toEqual({ error: "#VALUE!" });
    // A separator's meaning is the locale's (`2.120` is 2120 in Vietnamese, 2.12 in English): not guessed.
    for (const text of ['"2.120"', '"1,5"', '"98,9%"', '"1e3"'])
      expect(evaluateFormula(`${text}*1`, grid)).toBeUndefined();
    expect(evaluateFormula("Z99", grid)).toBe(0);
  });

  it('joins text with & and compares as Excel (case-insensitive text, empty as "" or 0)', () => {
    expect(evaluateFormula('B4&" "&D14&"/"&C14', grid)).toBe("Đạt 150/200");
    expect(evaluateFormula('Z99=""', grid)).toBe(true);
    expect(evaluateFormula("Z99=0", grid)).toBe(true);
    expect(evaluateFormula('B4="đạt"', grid)).toBe(true);
    expect(evaluateFormula("D14>=C14", grid)).toBe(false);
    expect(evaluateFormula('D14<>""', grid)).toBe(true);
    // Numbers sort before text: "12" the text is greater than any number.
    expect(evaluateFormula("B1>1000", grid)).toBe(true);
  });
});

describe("evaluateFormula: functions", () => {
  const grid = sheet({ A1: 10, A2: "5", A3: true, A4: 20, A5: null, B1: { error: "#N/A" }, C1: "", D1: -2.675 });

  it("SUM, AVERAGE, MIN, MAX and COUNT skip text and booleans in references but take typed ones", () => {
    expect(evaluateFormula("SUM(A1:A5)", grid)).toBe(30);
    expect(evaluateFormula('SUM(A1,"5",TRUE)', grid)).toBe(16);
    expect(evaluateFormula("AVERAGE(A1:A5)", grid)).toBe(15);
    expect(evaluateFormula("AVERAGE(A5)", grid)).toEqual({ error: "#DIV/0!" });
    expect(evaluateFormula("MIN(A1:A5)", grid)).toBe(10);
    expect(evaluateFormula("MAX(A1:A5,30)", grid)).toBe(30);
    expect(evaluateFormula("MAX(A5)", grid)).toBe(0);
    expect(evaluateFormula("COUNT(A1:A5)", grid)).toBe(2);
    expect(evaluateFormula("COUNTA(A1:A5,B1)", grid)).toBe(5);
    expect(evaluateFormula('SUM(A1,"x")', grid)).toEqual({ error: "#VALUE!" });
    expect(evaluateFormula("SUM(A1:B1)", grid)).toEqual({ error: "#N/A" });
  });

  it("IF, IFERROR, ISBLANK, AND, OR, NOT", () => {
    expect(evaluateFormula('IF(A5="","",A1/A4*100)', grid)).toBe("");
    expect(evaluateFormula('IF(A1="","",A1/A4*100)', grid)).toBe(50);
    expect(evaluateFormula("IF(A1>100,1)", grid)).toBe(false);
    expect(evaluateFormula("IFERROR(A1/A5,-1)", grid)).toBe(-1);
    expect(evaluateFormula("IFERROR(B1,0)", grid)).toBe(0);
    expect(evaluateFormula("ISBLANK(A5)", grid)).toBe(true);
    expect(evaluateFormula("ISBLANK(C1)", grid)).toBe(false);
    expect(evaluateFormula("AND(A1>5,A4>5)", grid)).toBe(true);
    expect(evaluateFormula("OR(A1>50,A4>50)", grid)).toBe(false);
    expect(evaluateFormula("NOT(A1)", grid)).toBe(false);
    expect(evaluateFormula('IF("x",1,2)', grid)).toEqual({ error: "#VALUE!" });
  });

  it("ROUND halves away from zero, ROUNDUP and ROUNDDOWN away from and toward it, ABS", () => {
    expect(evaluateFormula("ROUND(D1,2)", grid)).toBe(-2.68);
    expect(evaluateFormula("ROUND(1234.5,-2)", grid)).toBe(1200);
    expect(evaluateFormula("ROUNDUP(D1,1)", grid)).toBe(-2.7);
    expect(evaluateFormula("ROUNDDOWN(D1,1)", grid)).toBe(-2.6);
    expect(evaluateFormula("ABS(D1)", grid)).toBe(2.675);
  });
});

describe("evaluateFormula: what it leaves unsupported", () => {
  const grid = sheet({ A1: 1 });

  it.each([
    ["another sheet", "'PL2'!A1*2"],
    ["a bare other sheet", "PL2!A1"],
    ["an external book", "[1]PL1!A1"],
    ["a 3-D reference", "PL1:PL3!A1"],
    ["an unknown function", "VLOOKUP(A1,B1:C9,2,FALSE)"],
    ["a prefixed new function", "_xlfn.XLOOKUP(A1,B1:B9,C1:C9)"],
    ["a defined name", "A1*Rate"],
    ["an array constant", "SUM({1,2})"],
    ["a whole column", "SUM(B:B)"],
    ["a range as a value", "A1:A3*2"],
    ["a bad formula", "A1+"],
  ])("%s", (_, formula) => {
    expect(evaluateFormula(formula, grid)).toBeUndefined();
  });

  it("reads its own sheet's name as its own cells", () => {
    expect(evaluateFormula("'PL1'!A1*2", grid)).toBe(2);
  });
});

describe("SheetFormulas: formulas citing formulas", () => {
  it("evaluates a cited formula first, from the inputs, not its stale cache", () => {
    const grid = sheet({ C2: 200, D2: 150, E2: "=D2/C2*100", F2: '=IF(E2>=100,"Đạt","Chưa đạt")' });
    grid.rows[1][4]!.error = "#DIV/0!";
    const formulas = new SheetFormulas(grid);
    expect(formulas.cellResult(1, 5)).toBe("Chưa đạt");
    expect(formulas.cellResult(1, 4)).toBe(75);
  });

  it("leaves a cycle, and what cites it, unsupported", () => {
    const grid = sheet({ A1: "=B1+1", B1: "=A1+1", C1: "=A1*2", D1: "=5" });
    const formulas = new SheetFormulas(grid);
    expect(formulas.cellResult(0, 2)).toBeUndefined();
    expect(formulas.cellResult(0, 0)).toBeUndefined();
    expect(formulas.cellResult(0, 3)).toBe(5);
  });
});
