import { slideFormula } from "./slideFormula";

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
