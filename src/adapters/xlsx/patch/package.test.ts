import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { readWorkbook } from "../readWorkbook";
import { WorkbookFile, type PartPatch, type ZipFiles } from "./package";
import type { SharedStringTable } from "./sharedStrings";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const SPREADSHEETML = "application/vnd.openxmlformats-officedocument.spreadsheetml.";
/** PNG-like bytes that are not UTF-8 (0xff, a lone 0x80, 0xc3 0x28): decoding them as text would change them. */
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe, 0x00, 0x80, 0xc3, 0x28]);
const BIN = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0xff, 0x00, 0xc0]);
const STYLES =
  `<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
  '<fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders>' +
  '<cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf/><xf numFmtId="10" applyNumberFormat="1"/></cellXfs></styleSheet>';

/** Stands in for patch/styles.ts's StylePatch: `changed` once given a new part. */
class FakeStyles implements PartPatch {
  changed = false;
  constructor(readonly xml: string | undefined) {}
  toXml(): string {
    return STYLES;
  }
}

const open = (bytes: Uint8Array) => WorkbookFile.open(bytes, (xml) => new FakeStyles(xml));

/** A worksheet part of one row: numbers as they are, texts through the shared strings. */
function sheetXml(row: (string | number)[], strings: SharedStringTable, style = ""): string {
  const cells = row.map((value, col) => {
    const ref = `${String.fromCharCode(65 + col)}1`;
    return typeof value === "number"
      ? `<c r="${ref}"${style}><v>${value}</v></c>`
      : `<c r="${ref}" t="s"><v>${strings.ref(value)}</v></c>`;
  });
  return `<worksheet xmlns="${MAIN}"><sheetData><row r="1">${cells.join("")}</row></sheetData></worksheet>`;
}

const zip = (files: ZipFiles) => zipSync(files);
const text = (files: ZipFiles, name: string) => strFromU8(files[name]);

/** The sheets as PhuLuc's reader and exceljs see them: name, hidden, first row's values. */
async function readBoth(bytes: Uint8Array) {
  const ours = (await readWorkbook(bytes)).grids.map((grid) => ({
    name: grid.name,
    hidden: grid.hidden ?? false,
    row: grid.rows[0]?.map((cell) => cell?.value) ?? [],
  }));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const theirs = workbook.worksheets.map((sheet) => ({
    name: sheet.name,
    hidden: sheet.state !== "visible",
    row: ((sheet.getRow(1).values as unknown[]) ?? []).slice(1),
  }));
  return { ours, theirs, workbook };
}

/** A workbook exceljs writes: "Data" with an image, "Ẩn" hidden. */
async function exceljsWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const data = workbook.addWorksheet("Data");
  data.addRow(["DV01", 12]);
  data.addImage(workbook.addImage({ buffer: Buffer.from(PNG) as never, extension: "png" }), "C3:D4");
  workbook.addWorksheet("Ẩn", { state: "hidden" }).addRow(["ẩn", 1]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/**
 * A workbook exceljs never writes: the main namespace under `main` (`x:`) or none, the relationships
 * namespace under `rel`, no shared strings, no styles, a calcChain, print areas per sheet (definedName
 * localSheetId), a view whose firstSheet is the hidden sheet, a png and a binary part nothing names.
 */
function handWorkbook({ main = "", rel = "r" } = {}): Uint8Array {
  const p = main ? `${main}:` : "";
  const ns = main ? `xmlns:${main}="${MAIN}"` : `xmlns="${MAIN}"`;
  const sheet = (value: number) =>
    `<${p}worksheet ${ns}><${p}sheetData><${p}row r="1"><${p}c r="A1"><${p}v>${value}</${p}v></${p}c></${p}row></${p}sheetData></${p}worksheet>`;
  const override = (part: string, type: string) =>
    `<Override PartName="${part}" ContentType="${SPREADSHEETML}${type}"/>`;
  const relationship = (id: string, type: string, target: string) =>
    `<Relationship Id="${id}" Type="${RELS}/${type}" Target="${target}"/>`;
  const printArea = (local: number, name: string) =>
    `<${p}definedName name="_xlnm.Print_Area" localSheetId="${local}">'${name}'!$A$1:$B$2</${p}definedName>`;
  const files: Record<string, string | Uint8Array> = {
    "[Content_Types].xml":
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>' +
      '<Default Extension="bin" ContentType="application/octet-stream"/>' +
      override("/xl/workbook.xml", "sheet.main+xml") +
      [1, 2, 3].map((n) => override(`/xl/worksheets/sheet${n}.xml`, "worksheet+xml")).join("") +
      override("/xl/calcChain.xml", "calcChain+xml") +
      "</Types>",
    "_rels/.rels": `<Relationships xmlns="${PKG_RELS}">${relationship("rId1", "officeDocument", "xl/workbook.xml")}</Relationships>`,
    "xl/workbook.xml":
      `<${p}workbook ${ns} xmlns:${rel}="${RELS}"><${p}bookViews><${p}workbookView activeTab="2" firstSheet="1"/></${p}bookViews>` +
      `<${p}sheets><${p}sheet name="Một" sheetId="1" ${rel}:id="rId1"/><${p}sheet name="Hai &amp; Ba" sheetId="5" state="hidden" ${rel}:id="rId2"/>` +
      `<${p}sheet name="Bốn" sheetId="3" ${rel}:id="rId3"/></${p}sheets>` +
      `<${p}definedNames>${printArea(0, "Một")}${printArea(1, "Hai &amp; Ba")}${printArea(2, "Bốn")}` +
      `<${p}definedName name="Tổng">'Bốn'!$A$1</${p}definedName></${p}definedNames></${p}workbook>`,
    "xl/_rels/workbook.xml.rels":
      `<Relationships xmlns="${PKG_RELS}">` +
      [1, 2, 3].map((n) => relationship(`rId${n}`, "worksheet", `worksheets/sheet${n}.xml`)).join("") +
      relationship("rId4", "calcChain", "calcChain.xml") +
      "</Relationships>",
    "xl/worksheets/sheet1.xml": sheet(1),
    "xl/worksheets/sheet2.xml": sheet(2),
    "xl/worksheets/sheet3.xml": sheet(3),
    "xl/worksheets/_rels/sheet1.xml.rels": `<Relationships xmlns="${PKG_RELS}"><Relationship Id="rId1" Type="${RELS}/hyperlink" Target="https://angiang.gov.vn" TargetMode="External"/></Relationships>`,
    "xl/calcChain.xml": `<calcChain xmlns="${MAIN}"><c r="A1" i="1"/></calcChain>`,
    "xl/media/image1.png": PNG,
    "xl/embeddings/oleObject1.bin": BIN,
  };
  return zipSync(
    Object.fromEntries(
      Object.entries(files).map(([name, part]) => [name, typeof part === "string" ? strToU8(part) : part]),
    ),
  );
}

describe("WorkbookFile", () => {
  it("lists the worksheets in tab order with their parts and states, names compared case-insensitively", async () => {
    const file = await open(handWorkbook({ main: "x", rel: "rel" }));
    expect(file.sheets()).toEqual([
      { name: "Một", part: "xl/worksheets/sheet1.xml", state: "visible" },
      { name: "Hai & Ba", part: "xl/worksheets/sheet2.xml", state: "hidden" },
      { name: "Bốn", part: "xl/worksheets/sheet3.xml", state: "visible" },
    ]);
    expect(file.sheet("MỘT")?.part).toBe("xl/worksheets/sheet1.xml");
    expect(file.sheet("Năm")).toBeUndefined();
  });

  it("writes back every part unchanged when nothing was patched: binary parts byte for byte, in the zip's order", async () => {
    const input = handWorkbook();
    const file = await open(input);
    const files = file.files();
    expect(files).toEqual(unzipSync(input));
    expect(Object.keys(files)).toEqual(Object.keys(unzipSync(input)));
    expect(files["xl/media/image1.png"]).toEqual(PNG);
  });

  it("adds a sheet after the last tab: part, relationship, content type, <sheet> with sheetId max+1, and the shared strings it created", async () => {
    const input = handWorkbook();
    const file = await open(input);
    file.putSheet("Năm <5>", sheetXml(["năm", 5, "năm"], file.strings), "hidden");
    const files = file.files();

    expect(Object.keys(files)).toEqual([
      ...Object.keys(unzipSync(input)),
      "xl/worksheets/sheet4.xml",
      "xl/sharedStrings.xml",
    ]);
    expect(text(files, "xl/workbook.xml")).toContain(
      '<sheet name="Năm &lt;5&gt;" sheetId="6" state="hidden" r:id="rId5"/></sheets>',
    );
    const rels = text(files, "xl/_rels/workbook.xml.rels");
    expect(rels).toContain(`<Relationship Id="rId5" Type="${RELS}/worksheet" Target="worksheets/sheet4.xml"/>`);
    expect(rels).toContain(`<Relationship Id="rId6" Type="${RELS}/sharedStrings" Target="sharedStrings.xml"/>`);
    const types = text(files, "[Content_Types].xml");
    expect(types).toContain(
      `<Override PartName="/xl/worksheets/sheet4.xml" ContentType="${SPREADSHEETML}worksheet+xml"/>`,
    );
    expect(types).toContain(
      `<Override PartName="/xl/sharedStrings.xml" ContentType="${SPREADSHEETML}sharedStrings+xml"/>`,
    );
    expect(files["xl/media/image1.png"]).toEqual(PNG);
    expect(files["xl/embeddings/oleObject1.bin"]).toEqual(BIN);

    const { ours, theirs } = await readBoth(zip(files));
    const expected = [
      { name: "Một", hidden: false, row: [1] },
      { name: "Hai & Ba", hidden: true, row: [2] },
      { name: "Bốn", hidden: false, row: [3] },
      { name: "Năm <5>", hidden: true, row: ["năm", 5, "năm"] },
    ];
    expect(ours).toEqual(expected);
    expect(theirs).toEqual(expected);
  });

  it("writes a new <sheet> with the prefixes workbook.xml uses (x:sheet, rel:id)", async () => {
    const file = await open(handWorkbook({ main: "x", rel: "rel" }));
    file.putSheet("Năm", sheetXml([5], file.strings));
    const files = file.files();
    expect(text(files, "xl/workbook.xml")).toContain('<x:sheet name="Năm" sheetId="6" rel:id="rId5"/></x:sheets>');
    // exceljs reads neither prefix (it looks for `r:id` on `sheet`): PhuLuc's reader only.
    expect((await readWorkbook(zip(files))).grids.map((grid) => [grid.name, grid.rows[0][0]?.value])).toEqual([
      ["Một", 1],
      ["Hai & Ba", 2],
      ["Bốn", 3],
      ["Năm", 5],
    ]);
  });

  it("replaces an existing sheet in its tab: new XML and state, its old relationships (an image) dropped", async () => {
    const input = await exceljsWorkbook();
    const file = await open(input);
    const data = file.sheet("DATA")!;
    expect(file.text(data.part)).toContain("<drawing");
    file.putSheet("data", sheetXml(["mới", 7], file.strings), "veryHidden");
    file.putSheet("Ẩn", sheetXml(["hiện"], file.strings));
    const files = file.files();

    expect(Object.keys(files)).toEqual(
      Object.keys(unzipSync(input)).filter((name) => name !== "xl/worksheets/_rels/sheet1.xml.rels"),
    );
    expect(file.sheets()).toEqual([
      { name: "Data", part: "xl/worksheets/sheet1.xml", state: "veryHidden" },
      { name: "Ẩn", part: "xl/worksheets/sheet2.xml", state: "visible" },
    ]);
    expect(text(files, "xl/workbook.xml")).toContain(
      '<sheets><sheet sheetId="1" name="Data" state="veryHidden" r:id="rId4"/><sheet sheetId="2" name="Ẩn" r:id="rId5"/></sheets>',
    );

    const { ours, theirs, workbook } = await readBoth(zip(files));
    const expected = [
      { name: "Data", hidden: true, row: ["mới", 7] },
      { name: "Ẩn", hidden: false, row: ["hiện"] },
    ];
    expect(ours).toEqual(expected);
    expect(theirs).toEqual(expected);
    expect(workbook.getWorksheet("Data")!.getImages()).toHaveLength(0);
  });

  it("keeps a sheet's relationships when its XML is patched with setText", async () => {
    const file = await open(await exceljsWorkbook());
    const part = file.sheet("Data")!.part;
    file.setText(part, file.text(part).replace("<v>12</v>", "<v>13</v>"));
    expect(file.text(part)).toContain("<v>13</v>");
    const { ours, workbook } = await readBoth(zip(file.files()));
    expect(ours[0]).toEqual({ name: "Data", hidden: false, row: ["DV01", 13] });
    expect(workbook.getWorksheet("Data")!.getImages()).toHaveLength(1);
    expect(workbook.model.media[0].buffer).toEqual(Buffer.from(PNG));
  });

  it.each([
    ["", "r"],
    ["x", "rel"],
  ])(
    "removes a sheet with its part, relationship, content type, rels and print area; later localSheetIds and the view renumbered (prefix %s)",
    async (main, rel) => {
      const file = await open(handWorkbook({ main, rel }));
      file.removeSheet("một");
      const files = file.files();
      const p = main ? `${main}:` : "";

      expect(Object.keys(files)).not.toContain("xl/worksheets/sheet1.xml");
      expect(Object.keys(files)).not.toContain("xl/worksheets/_rels/sheet1.xml.rels");
      expect(text(files, "xl/_rels/workbook.xml.rels")).not.toContain('Id="rId1"');
      expect(text(files, "[Content_Types].xml")).not.toContain("/xl/worksheets/sheet1.xml");
      const book = text(files, "xl/workbook.xml");
      expect(book).toContain(
        `<${p}definedNames><${p}definedName name="_xlnm.Print_Area" localSheetId="0">'Hai &amp; Ba'!$A$1:$B$2</${p}definedName>` +
          `<${p}definedName name="_xlnm.Print_Area" localSheetId="1">'Bốn'!$A$1:$B$2</${p}definedName>`,
      );
      // activeTab 2 (Bốn) is tab 1 now; firstSheet 1 became the hidden sheet's 0: moved to the visible Bốn.
      expect(book).toContain(`<${p}workbookView activeTab="1" firstSheet="1"/>`);
      const grids = (await readWorkbook(zip(files))).grids;
      expect(grids.map((grid) => [grid.name, grid.rows[0][0]?.value])).toEqual([
        ["Hai & Ba", 2],
        ["Bốn", 3],
      ]);
      if (!main) {
        const { theirs } = await readBoth(zip(files));
        expect(theirs.map((sheet) => sheet.name)).toEqual(["Hai & Ba", "Bốn"]);
      }
    },
  );

  it("moves the view's tabs off a sheet made hidden onto the nearest visible one", async () => {
    const file = await open(handWorkbook());
    file.putSheet("Bốn", sheetXml([4], file.strings), "hidden");
    // activeTab 2 is hidden now, and so is firstSheet 1: both go to Một, the only visible tab.
    expect(text(file.files(), "xl/workbook.xml")).toContain('<workbookView activeTab="0" firstSheet="0"/>');
  });

  it("moves the active tab off a removed last sheet, and drops an emptied <definedNames>", async () => {
    const hand = await open(handWorkbook());
    hand.removeSheet("Bốn");
    const book = text(hand.files(), "xl/workbook.xml");
    expect(book).toContain('<workbookView activeTab="0" firstSheet="0"/>');
    expect(book).not.toContain('localSheetId="2"');
    // Tổng referred to Bốn: `#REF!`, as Excel leaves a name whose sheet was deleted.
    expect(book).toContain('<definedName name="Tổng">#REF!$A$1</definedName>');
    expect((await readBoth(zip(hand.files()))).theirs.map((sheet) => sheet.name)).toEqual(["Một", "Hai & Ba"]);

    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Data").addRow([1]);
    workbook.addWorksheet("In").pageSetup.printArea = "A1:B2";
    const file = await open(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(file.text("xl/workbook.xml")).toContain('<definedName name="_xlnm.Print_Area" localSheetId="1">');
    file.removeSheet("In");
    const files = file.files();
    expect(text(files, "xl/workbook.xml")).not.toContain("definedName");
    expect((await readBoth(zip(files))).theirs).toEqual([{ name: "Data", hidden: false, row: [1] }]);
  });

  it("refuses to remove the only visible sheet, a sheet it does not have, and a name Excel refuses", async () => {
    const file = await open(await exceljsWorkbook());
    expect(() => file.removeSheet("Data")).toThrow(/only visible/);
    expect(() => file.removeSheet("Không có")).toThrow(/no sheet/);
    expect(() => file.putSheet("a/b", "<worksheet/>")).toThrow(/sheet name/);
    expect(() => file.text("xl/worksheets/sheet9.xml")).toThrow(/no part/);
  });

  it("drops the calculation chain: part, relationship and content type", async () => {
    const file = await open(handWorkbook());
    file.dropCalcChain();
    const files = file.files();
    expect(Object.keys(files)).not.toContain("xl/calcChain.xml");
    expect(text(files, "xl/_rels/workbook.xml.rels")).not.toContain("calcChain");
    expect(text(files, "[Content_Types].xml")).not.toContain("calcChain");
    expect((await readBoth(zip(files))).theirs).toHaveLength(3);
  });

  it("asks Excel to calculate on open: fullCalcOnLoad on calcPr, its other attributes kept (CT_CalcPr, §18.2.2)", async () => {
    const file = await open(await exceljsWorkbook());
    const before = /<calcPr [^>]*>/.exec(text(file.files(), "xl/workbook.xml"))![0];
    expect(before).not.toContain("fullCalcOnLoad");
    file.calculateOnLoad();
    const files = file.files();
    expect(text(files, "xl/workbook.xml")).toContain(before.replace(/\s*\/>$/, ' fullCalcOnLoad="1"/>'));
    expect((await readBoth(zip(files))).theirs).toHaveLength(2);
  });

  it("adds a missing calcPr where CT_Workbook's sequence has it (§18.2.27): after definedNames, before extLst", async () => {
    const file = await open(handWorkbook({ main: "x" }));
    file.calculateOnLoad();
    expect(text(file.files(), "xl/workbook.xml")).toMatch(
      /<\/x:definedNames><x:calcPr fullCalcOnLoad="1"\/><\/x:workbook>$/,
    );
    expect((await readWorkbook(zip(file.files()))).grids).toHaveLength(3);

    const withExt = await open(handWorkbook());
    const book = withExt.text(withExt.workbookPart);
    withExt.setText(withExt.workbookPart, book.replace("</workbook>", "<extLst><ext uri='x'/></extLst></workbook>"));
    withExt.calculateOnLoad();
    expect(text(withExt.files(), "xl/workbook.xml")).toContain('</definedNames><calcPr fullCalcOnLoad="1"/><extLst>');
  });

  it("keeps the shared strings' count the workbook's string cells: a sheet written again or removed takes its own away", async () => {
    const input = await exceljsWorkbook();
    const sst = (files: ZipFiles) => text(files, "xl/sharedStrings.xml");
    const counts = (xml: string) => [/ count="(\d+)"/.exec(xml)?.[1], / uniqueCount="(\d+)"/.exec(xml)?.[1]];
    expect(counts(sst(unzipSync(input)))).toEqual(["2", "2"]);

    const removed = await open(input);
    removed.removeSheet("Ẩn");
    // No text asked for: the table's <si> stay as they were, "ẩn" with them.
    expect(counts(sst(removed.files()))).toEqual(["1", "2"]);

    const file = await open(input);
    file.putSheet("Data", sheetXml(["DV01", "mới", "DV01"], file.strings));
    file.removeSheet("Ẩn");
    const files = file.files();
    expect(counts(sst(files))).toEqual(["3", "3"]);
    expect(file.files()).toEqual(files);
    expect((await readBoth(zip(files))).ours).toEqual([{ name: "Data", hidden: false, row: ["DV01", "mới", "DV01"] }]);
  });

  it("adds to the workbook's own shared strings (the texts it holds reused) and writes the styles patch back", async () => {
    const input = await exceljsWorkbook();
    const file = await open(input);
    expect((file.styles as FakeStyles).xml).toBe(strFromU8(unzipSync(input)["xl/styles.xml"]));
    expect(file.files()["xl/styles.xml"]).toEqual(unzipSync(input)["xl/styles.xml"]);
    (file.styles as FakeStyles).changed = true;
    file.putSheet("Tỷ lệ", sheetXml(["DV01", 0.5], file.strings, ' s="1"'));
    const files = file.files();
    expect(text(files, "xl/styles.xml")).toBe(STYLES);
    expect(text(files, "xl/_rels/workbook.xml.rels").match(/relationships\/sharedStrings"/g)).toHaveLength(1);
    const read = await readWorkbook(zip(files));
    expect(read.grids[2].rows[0]).toEqual([{ value: "DV01" }, { value: 0.5, numFmt: "0.00%" }]);
    expect(read.grids[0].rows[0].map((cell) => cell?.value)).toEqual(["DV01", 12]);
  });

  it("creates xl/styles.xml with its relationship and content type when the workbook had none", async () => {
    const file = await open(handWorkbook());
    expect((file.styles as FakeStyles).xml).toBeUndefined();
    (file.styles as FakeStyles).changed = true;
    file.putSheet("Tỷ lệ", sheetXml([0.5], file.strings, ' s="1"'));
    const files = file.files();
    expect(text(files, "xl/_rels/workbook.xml.rels")).toContain(`Type="${RELS}/styles" Target="styles.xml"`);
    expect(text(files, "[Content_Types].xml")).toContain(
      `<Override PartName="/xl/styles.xml" ContentType="${SPREADSHEETML}styles+xml"/>`,
    );
    expect(file.files()).toEqual(files);
    const { ours, workbook } = await readBoth(zip(files));
    expect(ours[3]).toEqual({ name: "Tỷ lệ", hidden: false, row: [0.5] });
    expect(workbook.getWorksheet("Tỷ lệ")!.getCell("A1").numFmt).toBe("0.00%");
  });
});
