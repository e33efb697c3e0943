import { moveDrawingAnchors, moveRangesAfterRows, movedRef, movedSqref } from "./sheetRanges";

describe("sheetRanges", () => {
  const insert = { at: 6, delta: 2 }; // two rows at Excel row 7
  const remove = { at: 6, delta: -2 }; // Excel rows 7 and 8 deleted

  it("moves a reference as Excel: below moves, across an insertion grows, across a deletion shrinks, inside a deletion goes", () => {
    expect(movedRef("B7:D9", insert)).toBe("B9:D11");
    expect(movedRef("$B$3:$D$7", insert)).toBe("$B$3:$D$9");
    expect(movedRef("B6", insert)).toBe("B6");
    expect(movedRef("A5:A10", remove)).toBe("A5:A8");
    expect(movedRef("A8:C12", remove)).toBe("A7:C10");
    expect(movedRef("A7:C8", remove)).toBeUndefined();
    expect(movedRef("7:8", insert)).toBe("9:10");
    expect(movedRef("A:C", insert)).toBe("A:C");
    expect(movedSqref("A1 B7:B8 C7", remove)).toBe("A1");
  });

  it("moves merges, formats, validations, hyperlinks, the filter and page breaks; drops what a deletion emptied", () => {
    const xml =
      `<autoFilter ref="A3:E20"/><mergeCells count="2"><mergeCell ref="A7:B8"/><mergeCell ref="A21:C21"/></mergeCells>` +
      `<conditionalFormatting sqref="E7:E8"><cfRule type="expression" priority="1"><formula>E7&gt;1</formula></cfRule></conditionalFormatting>` +
      `<conditionalFormatting sqref="E4:E20"><cfRule type="expression" priority="2"><formula>E4&gt;$E$20</formula></cfRule></conditionalFormatting>` +
      `<dataValidations count="2"><dataValidation type="whole" sqref="B7"><formula1>0</formula1></dataValidation>` +
      `<dataValidation type="list" sqref="C4:C20"><formula1>$H$9:$H$12</formula1></dataValidation></dataValidations>` +
      `<hyperlinks><hyperlink ref="A21" r:id="rId1"/></hyperlinks>` +
      `<rowBreaks count="1" manualBreakCount="1"><brk id="20" max="16383" man="1"/></rowBreaks>` +
      `<colBreaks count="1" manualBreakCount="1"><brk id="7" max="1048575" man="1"/></colBreaks>`;
    expect(moveRangesAfterRows(xml, remove)).toBe(
      `<autoFilter ref="A3:E18"/><mergeCells count="1"><mergeCell ref="A19:C19"/></mergeCells>` +
        `<conditionalFormatting sqref="E4:E18"><cfRule type="expression" priority="2"><formula>E4&gt;$E$18</formula></cfRule></conditionalFormatting>` +
        `<dataValidations count="1">` +
        `<dataValidation type="list" sqref="C4:C18"><formula1>$H$7:$H$10</formula1></dataValidation></dataValidations>` +
        `<hyperlinks><hyperlink ref="A19" r:id="rId1"/></hyperlinks>` +
        `<rowBreaks count="1" manualBreakCount="1"><brk id="18" max="16383" man="1"/></rowBreaks>` +
        `<colBreaks count="1" manualBreakCount="1"><brk id="7" max="1048575" man="1"/></colBreaks>`,
    );
    expect(moveRangesAfterRows(`<x:mergeCells count="1"><x:mergeCell ref="A7:B8"/></x:mergeCells>`, insert)).toBe(
      `<x:mergeCells count="1"><x:mergeCell ref="A9:B10"/></x:mergeCells>`,
    );
  });

  it("moves x14 extensions' ranges and formulas", () => {
    const xml = `<extLst><ext><x14:conditionalFormattings><x14:conditionalFormatting><x14:cfRule type="dataBar"><x14:dataBar><x14:cfvo type="num"><xm:f>$B$9</xm:f></x14:cfvo></x14:dataBar></x14:cfRule><xm:sqref>B7:B9</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst>`;
    expect(moveRangesAfterRows(xml, insert)).toBe(xml.replace("$B$9", "$B$11").replace("B7:B9", "B9:B11"));
  });

  it("moves a table part's range and filter with the sheet's rows (it grows around an insertion)", () => {
    const table = `<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="T" displayName="T" ref="A3:E9" totalsRowShown="0"><autoFilter ref="A3:E9"/><tableColumns count="1"><tableColumn id="1" name="Đơn vị"/></tableColumns></table>`;
    expect(moveRangesAfterRows(table, insert)).toBe(table.replace(/A3:E9/g, "A3:E11"));
    // Its rows all deleted: the part keeps its root (the filter inside goes).
    expect(moveRangesAfterRows(table, { at: 2, delta: -7 })).toBe(table.replace('<autoFilter ref="A3:E9"/>', ""));
  });

  it("moves comments' cells and pictures' anchors with the rows", () => {
    const comments = `<comments><commentList><comment ref="B7" authorId="0"><text><t>x</t></text></comment><comment ref="B2" authorId="0"/></commentList></comments>`;
    expect(moveRangesAfterRows(comments, insert)).toBe(comments.replace('"B7"', '"B9"'));
    const anchor = (from: number, to: number) =>
      `<xdr:twoCellAnchor><xdr:from><xdr:col>1</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${from}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
      `<xdr:to><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${to}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:pic/></xdr:twoCellAnchor>`;
    expect(moveDrawingAnchors(anchor(0, 2) + anchor(7, 9), insert)).toBe(anchor(0, 2) + anchor(9, 11));
    expect(moveDrawingAnchors(anchor(7, 9), remove)).toBe(anchor(6, 7));
    // editAs (ST_EditAs): oneCell moves with its top row, its size kept; absolute stays where it is on the page.
    const editAs = (value: string, from: number, to: number) =>
      anchor(from, to).replace("<xdr:twoCellAnchor>", `<xdr:twoCellAnchor editAs="${value}">`);
    expect(moveDrawingAnchors(editAs("oneCell", 5, 8) + editAs("oneCell", 7, 9), insert)).toBe(
      editAs("oneCell", 5, 8) + editAs("oneCell", 9, 11),
    );
    expect(moveDrawingAnchors(editAs("oneCell", 7, 9), remove)).toBe(editAs("oneCell", 6, 8));
    expect(moveDrawingAnchors(editAs("absolute", 7, 9), insert)).toBe(editAs("absolute", 7, 9));
    expect(moveDrawingAnchors(editAs("twoCell", 5, 8), insert)).toBe(editAs("twoCell", 5, 10));
  });
});
