import ExcelJS from "exceljs";
import { unzipSync, strFromU8 } from "fflate";
import { sharedStrings } from "../ooxml/sharedStrings";
import { SharedStringTable } from "./sharedStrings";

const attribute = (xml: string, name: string) => new RegExp(`\\s${name}="(\\d+)"`).exec(xml)?.[1];

/** xl/sharedStrings.xml as exceljs writes it for cells "a", "b", "a". */
async function exceljsStrings(): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("S").addRow(["a", "b", "a"]);
  const files = unzipSync(new Uint8Array(await workbook.xlsx.writeBuffer()));
  return strFromU8(files["xl/sharedStrings.xml"]);
}

describe("SharedStringTable", () => {
  it("appends new strings after the part's own, each once, and raises count and uniqueCount", async () => {
    const xml = await exceljsStrings();
    expect(sharedStrings(xml)).toEqual(["a", "b"]);
    expect([attribute(xml, "count"), attribute(xml, "uniqueCount")]).toEqual(["3", "2"]);
    const table = new SharedStringTable(xml);
    expect(table.changed).toBe(false);

    // Existing texts are not looked up: a new "a" is a new <si> (only new ones are deduplicated).
    expect([table.ref("x"), table.ref("a"), table.ref("x"), table.ref("y")]).toEqual([2, 3, 2, 4]);

    const patched = table.toXml();
    expect(table.changed).toBe(true);
    expect(sharedStrings(patched)).toEqual(["a", "b", "x", "a", "y"]);
    expect([attribute(patched, "count"), attribute(patched, "uniqueCount")]).toEqual(["7", "5"]);
    const head = (part: string) => part.slice(0, part.indexOf("<sst"));
    expect(head(patched)).toBe(head(xml));
  });

  it("writes a whole part when the workbook had none", () => {
    const table = new SharedStringTable(undefined);
    expect([table.ref("một"), table.ref("hai"), table.ref("một")]).toEqual([0, 1, 0]);
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
