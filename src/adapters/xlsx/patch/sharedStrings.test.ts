import ExcelJS from "exceljs";
import { unzipSync, strFromU8 } from "fflate";
import { sharedStrings } from "../ooxml/sharedStrings";
import { SharedStringTable, stringCells } from "./sharedStrings";
import { UnpatchablePart } from "./unpatchable";

const attribute = (xml: string, name: string) => new RegExp(`\\s${name}="(\\d+)"`).exec(xml)?.[1];

/** xl/sharedStrings.xml as exceljs writes it for cells "a", "b", "a". */
async function exceljsStrings(): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("S").addRow(["a", "b", "a"]);
  const files = unzipSync(new Uint8Array(await workbook.xlsx.writeBuffer()));
  return strFromU8(files["xl/sharedStrings.xml"]);
}

describe("SharedStringTable", () => {
  it("gives a text the part holds its index, appends new ones after the part's own, each once; count follows the cells", async () => {
    const xml = await exceljsStrings();
    expect(sharedStrings(xml)).toEqual(["a", "b"]);
    expect([attribute(xml, "count"), attribute(xml, "uniqueCount")]).toEqual(["3", "2"]);
    const table = new SharedStringTable(xml);
    expect(table.changed).toBe(false);

    expect([table.ref("x"), table.ref("a"), table.ref("x"), table.ref("y")]).toEqual([2, 0, 2, 3]);
    // Four cells written, one gone (WorkbookFile counts them in the sheets).
    table.referencesAdded = 3;

    const patched = table.toXml();
    expect(table.changed).toBe(true);
    expect(sharedStrings(patched)).toEqual(["a", "b", "x", "y"]);
    expect([attribute(patched, "count"), attribute(patched, "uniqueCount")]).toEqual(["6", "4"]);
    const head = (part: string) => part.slice(0, part.indexOf("<sst"));
    expect(head(patched)).toBe(head(xml));
  });

  it("writes a whole part when the workbook had none", () => {
    const table = new SharedStringTable(undefined);
    expect([table.ref("một"), table.ref("hai"), table.ref("một")]).toEqual([0, 1, 0]);
    table.referencesAdded = 3;
    expect(table.toXml()).toBe(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="2">' +
        "<si><t>một</t></si><si><t>hai</t></si></sst>",
    );
  });

  it("escapes as exceljs does: entities, control characters dropped, xml:space for edge spaces and line breaks", () => {
    const table = new SharedStringTable(undefined);
    const texts = [`<hồ sơ> & "x" 'y'`, " lead", "trail ", "line\nbreak", "bell\u0007", "in side"];
    texts.forEach((text) => table.ref(text));
    const xml = table.toXml();
    expect(sharedStrings(xml)).toEqual([`<hồ sơ> & "x" 'y'`, " lead", "trail ", "line\nbreak", "bell", "in side"]);
    expect(xml).toContain("<t>&lt;hồ sơ&gt; &amp; &quot;x&quot; &apos;y&apos;</t>");
    expect(xml.match(/xml:space="preserve"/g)).toHaveLength(3);
    expect(xml).toContain("<t>in side</t>");
  });

  it("counts the <si> of a prefixed part without uniqueCount and writes the new ones with its prefix", () => {
    const xml =
      '<x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      "<x:si><x:t>a</x:t></x:si><x:si><x:r><x:t>b</x:t></x:r></x:si><x:si/></x:sst>";
    const table = new SharedStringTable(xml);
    expect(table.ref("c")).toBe(3);
    expect(table.toXml()).toBe(xml.replace("</x:sst>", "<x:si><x:t>c</x:t></x:si></x:sst>"));
    expect(sharedStrings(table.toXml())).toEqual(["a", "b", null, "c"]);
  });

  it("fills an empty <sst/>", () => {
    const xml =
      '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>';
    const table = new SharedStringTable(xml);
    expect(table.ref("a")).toBe(0);
    table.referencesAdded = 1;
    expect(table.toXml()).toBe(
      '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">' +
        "<si><t>a</t></si></sst>",
    );
  });

  it("leaves an unchanged part as it was", async () => {
    const xml = await exceljsStrings();
    expect(new SharedStringTable(xml).toXml()).toBe(xml);
  });
});

describe("SharedStringTable looking up the part's own strings", () => {
  const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  // As Excel writes them: quotes unescaped. Only 0, 4, 5, 8 and 9 are plain strings a reader reads as written.
  const own = [
    '<si><t>a &amp; "b"</t></si>',
    "<si><r><t>rich</t></r></si>",
    '<si><t>kana</t><rPh sb="0" eb="4"><t>カナ</t></rPh></si>',
    "<si><t> lead</t></si>",
    '<si><t xml:space="preserve">trail </t></si>',
    '<si><t xml:space="preserve">plain</t></si>',
    "<si><t>line&#10;break</t></si>",
    '<si><t>a &amp; "b"</t></si>',
    "<si><t>bell</t></si>",
    '<si><t xml:space="preserve">two&#10;lines</t></si>',
  ];
  const xml = `<sst ${NS}>${own.join("")}</sst>`;

  it("reuses a plain <si> that reads back as the text would, the first of equal ones; never a rich, phonetic or unpreserved one", () => {
    const table = new SharedStringTable(xml);
    const texts = [
      'a & "b"',
      "rich",
      "kana",
      " lead",
      "trail ",
      "plain",
      "line\nbreak",
      "bell\u0007",
      "two\r\nlines",
      "rich",
    ];
    expect(texts.map((text) => table.ref(text))).toEqual([0, 10, 11, 12, 4, 5, 13, 8, 9, 10]);
    // The part's own <si> as they were, the new ones after them; no count to keep.
    expect(table.toXml()).toBe(
      xml.replace(
        "</sst>",
        '<si><t>rich</t></si><si><t>kana</t></si><si><t xml:space="preserve"> lead</t></si>' +
          '<si><t xml:space="preserve">line\nbreak</t></si></sst>',
      ),
    );
  });

  it("reads the table only when a text is asked for: a write that adds none never fails on it", () => {
    const broken = `<sst ${NS} count="2" uniqueCount="1"><si><t>&nbsp;</t></si></sst>`;
    const table = new SharedStringTable(broken, "xl/strings.xml");
    table.referencesAdded = -2;
    expect(table.toXml()).toBe(broken.replace('count="2"', 'count="0"'));
    expect(() => table.ref("a")).toThrow(UnpatchablePart);
    expect(() => table.ref("a")).toThrow(/part “xl\/strings.xml”/);
  });

  it("counts the cells of a sheet that refer to it", () => {
    const sheet =
      '<x:worksheet><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" s="2" t=\'s\'/>' +
      '<x:c r="C1" t="str"><x:f>A1</x:f><x:v>s</x:v></x:c><x:c r="D1" s="3"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    expect([stringCells(sheet), stringCells(undefined)]).toEqual([2, 0]);
  });
});
