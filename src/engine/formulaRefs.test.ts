import { formulaReferences, shiftRows, slideFormula } from "./formulaRefs";

describe("slideFormula: a shared formula's text in another cell of its range", () => {
  it("moves relative parts by the offset and keeps $ parts", () => {
    expect(slideFormula("SUM(B5:C5)", 3, 0)).toBe("SUM(B8:C8)");
    expect(slideFormula("SUM(B5:B9)", 0, 1)).toBe("SUM(C5:C9)");
    expect(slideFormula("D5/$D$10+B$5+$B5", 2, 1)).toBe("E7/$D$10+C$5+$B7");
  });

  it("leaves quoted text alone: strings and sheet names that look like cells (exceljs moved them)", () => {
    expect(slideFormula('IF(B5>0,"A1 "&B5,LOG10(C5))', 1, 0)).toBe('IF(B6>0,"A1 "&B6,LOG10(C6))');
    expect(slideFormula("'PL1'!B5*2+'It''s A1'!C5", 1, 0)).toBe("'PL1'!B6*2+'It''s A1'!C6");
    expect(slideFormula('COUNTIF(B$5:B$6,">"&B5)&"""B2"""', 1, 0)).toBe('COUNTIF(B$5:B$6,">"&B6)&"""B2"""');
  });

  it("keeps functions, unquoted sheet names, names past column XFD, numbers and whole columns", () => {
    expect(slideFormula("PL2!B5+ATAN2(C5,1)+ZZZ2019+1E5+SUM(B:B)", 1, 0)).toBe(
      "PL2!B6+ATAN2(C6,1)+ZZZ2019+1E5+SUM(B:B)",
    );
  });
});

it("shows #REF! for a reference moved off the sheet, as Excel does", () => {
  expect(slideFormula("A1+$B$2", 0, -1)).toBe("#REF!+$B$2");
  expect(slideFormula("SUM(C1:C3)", -1, 0)).toBe("SUM(#REF!:C2)");
});

describe("shiftRows: a formula after rows were inserted or deleted, as Excel rewrites it", () => {
  it("moves references from the inserted row on, $ or not, and grows a range around the insertion", () => {
    // Toàn tỉnh's rate moved down two rows with the rows above it: D7/B7 must follow to D9/B9.
    expect(shiftRows("D7/B7", 6, 2)).toBe("D9/B9");
    expect(shiftRows("SUM(B4:B6)", 6, 2)).toBe("SUM(B4:B6)");
    expect(shiftRows("SUM(B4:B7)", 6, 2)).toBe("SUM(B4:B9)");
    expect(shiftRows("$D$7/$B7+A1", 6, 1)).toBe("$D$8/$B8+A1");
  });

  it("leaves other sheets' references, quoted text and whole columns alone", () => {
    expect(shiftRows("'Phụ lục I'!B9+PL2!C9+B9", 6, 1)).toBe("'Phụ lục I'!B9+PL2!C9+B10");
    expect(shiftRows('IF(B9>0,"B9",SUM(B:B))', 6, 1)).toBe('IF(B10>0,"B9",SUM(B:B))');
    // A range's end is on the sheet its start names (found by the template fidelity test: a list's range grew).
    expect(shiftRows("COUNTA('Hướng dẫn'!$A$10:$A$15)+SUM(PL2!B7:B9)+B9", 6, 1)).toBe(
      "COUNTA('Hướng dẫn'!$A$10:$A$15)+SUM(PL2!B7:B9)+B10",
    );
  });

  it("moves references up past deleted rows, and a reference to a deleted row becomes #REF!", () => {
    expect(shiftRows("B10-B7+B5", 6, -2)).toBe("B8-#REF!+B5");
  });
});

describe("shiftRows with { sheet }: a formula elsewhere citing the sheet whose rows moved", () => {
  const insert = [6, 2] as const; // two rows at Excel row 7
  const remove = [6, -2] as const; // Excel rows 7 and 8 deleted
  const shift = (formula: string, [at, delta]: readonly [number, number], sheet: string) =>
    shiftRows(formula, at, delta, { sheet });

  it("moves only references qualified by that sheet, quoted or not, compared case-insensitively, $ kept", () => {
    expect(shift("'Phụ lục II'!$A$1:$E$40", insert, "phụ lục ii")).toBe("'Phụ lục II'!$A$1:$E$42");
    expect(shift("B9+'Phụ lục II'!B9+'Phụ lục I'!B9+PL2!B9", insert, "Phụ lục II")).toBe(
      "B9+'Phụ lục II'!B11+'Phụ lục I'!B9+PL2!B9",
    );
    expect(shift("SUM(pl1!D6:D9)/PL1!$D$9+PL10!D9", insert, "PL1")).toBe("SUM(pl1!D6:D11)/PL1!$D$11+PL10!D9");
    expect(shift("'It''s'!B9", remove, "It's")).toBe("'It''s'!B7");
    // A print area and print titles (whole rows), as workbook.xml's definedName holds them.
    expect(shift("'Phụ lục II'!$7:$8,PL1!$A$7", insert, "Phụ lục II")).toBe("'Phụ lục II'!$9:$10,PL1!$A$7");
  });

  it("shrinks a range across a deletion and makes one wholly deleted #REF!, its sheet kept", () => {
    expect(shift("SUM(PL1!A5:A10)", remove, "PL1")).toBe("SUM(PL1!A5:A8)");
    expect(shift("SUM(PL1!A8:C12)", remove, "PL1")).toBe("SUM(PL1!A7:C10)");
    expect(shift("PL1!$A$7:$B$8+PL1!B8", remove, "PL1")).toBe("PL1!#REF!+PL1!#REF!");
  });

  it("leaves strings, 3-D references, other books' sheets and look-alike names alone", () => {
    expect(shift(`"'Phụ lục II'!A9"&'Phụ lục II'!A9`, insert, "Phụ lục II")).toBe(`"'Phụ lục II'!A9"&'Phụ lục II'!A11`);
    // A 3-D reference spans sheets whose rows did not all move: Excel keeps it (it cannot differ by sheet).
    expect(shift("SUM(Thu:Chi!B9)+SUM('Chi:PL3'!B9)+Chi!B9", insert, "Chi")).toBe(
      "SUM(Thu:Chi!B9)+SUM('Chi:PL3'!B9)+Chi!B11",
    );
    expect(shift("[1]PL1!B9+'[1]PL1'!B9+'Phụ lục II (2)'!B9", insert, "PL1")).toBe(
      "[1]PL1!B9+'[1]PL1'!B9+'Phụ lục II (2)'!B9",
    );
  });
});

describe("shiftRows on the sheet itself: ranges as Excel moves them", () => {
  it("shrinks a range across a deletion, makes one wholly deleted #REF!, moves whole rows", () => {
    expect(shiftRows("SUM(B7:B9)+SUM(B5:B10)", 6, -2)).toBe("SUM(B7:B7)+SUM(B5:B8)");
    expect(shiftRows("SUM(B7:B8)*2", 6, -2)).toBe("SUM(#REF!)*2");
    expect(shiftRows("SUM(7:9)+SUM($2:$3)", 6, 2)).toBe("SUM(9:11)+SUM($2:$3)");
  });

  it("keeps what did not move as written, structured references included", () => {
    expect(shiftRows("b5+SUM(T[B9])+b9", 6, 2)).toBe("b5+SUM(T[B9])+B11");
    // Names, not cells: no row 0, a name with letters past ASCII (the old tokenizer moved its NG9).
    expect(shiftRows("A0+Tổng9+Tổng!B9", 6, 2)).toBe("A0+Tổng9+Tổng!B9");
  });
});

describe("formulaReferences", () => {
  it("lists each reference with its sheet and bounds; strings, names and functions are not references", () => {
    expect(formulaReferences(`SUM(D6:$D$9,B2)+'Phụ lục II'!C3+"A1"&Tong2024+PL1!5:6`)).toEqual([
      { sheet: undefined, top: 5, left: 3, bottom: 8, right: 3 },
      { sheet: undefined, top: 1, left: 1, bottom: 1, right: 1 },
      { sheet: "Phụ lục II", top: 2, left: 2, bottom: 2, right: 2 },
      { sheet: "PL1", top: 4, left: 0, bottom: 5, right: 16383 },
    ]);
  });
});
