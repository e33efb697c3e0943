import { attribute, withAttribute } from "./rawXml";

describe("attribute and withAttribute", () => {
  it("read and set an attribute in a start tag or in a start tag's attribute text alike", () => {
    expect(attribute("<x:xf numFmtId=\"0\"\n fontId='2'/>", "fontId")).toBe("2");
    expect(attribute(' r="A1" s="3"', "s")).toBe("3");
    // `r` is not the end of `ref`, nor `id` of `r:id`.
    expect(attribute(' ref="A1:B2" r:id="rId1"', "r")).toBeUndefined();
    expect(attribute(' ref="A1:B2" r:id="rId1"', "id")).toBeUndefined();

    // Replaced in its place, the space before it kept (a line break stays one); appended before `/>` or `>`.
    expect(withAttribute('<xf numFmtId="0"\n fontId="2"/>', "numFmtId", 14)).toBe('<xf numFmtId="14"\n fontId="2"/>');
    expect(withAttribute('<xf a="1"\n fontId="2"/>', "fontId", 5)).toBe('<xf a="1"\n fontId="5"/>');
    expect(withAttribute('<sheet name="a>b" />', "state", "hidden")).toBe('<sheet name="a>b" state="hidden"/>');
    expect(withAttribute("<cellXfs>", "count", 3)).toBe('<cellXfs count="3">');
    expect(withAttribute(' t="s"', "s", 4)).toBe(' t="s" s="4"');
    expect(withAttribute(' s="4" t="s"', "s", undefined)).toBe(' t="s"');
    expect(withAttribute('<sheet name="a" state="hidden"/>', "state", undefined)).toBe('<sheet name="a"/>');
    expect(withAttribute(' t="s"', "s", undefined)).toBe(' t="s"');
  });
});
