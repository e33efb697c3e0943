import { shiftRows, slideFormula } from "./formulaRefs";

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
