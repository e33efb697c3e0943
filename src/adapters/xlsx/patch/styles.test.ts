import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { MAIN_NS, xlsxFromParts } from "../../../../test/helpers/xlsxFromParts";
import { parseStrict } from "../../../../test/helpers/xmlCheck";
import { readWorkbook } from "../readWorkbook";
import { StylePatch } from "./styles";

const SHEET = "xl/worksheets/sheet1.xml";
const STYLES = "xl/styles.xml";

const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "double", color: { argb: "FFFF0000" } },
  right: { style: "thin" },
};
const FONT: Partial<ExcelJS.Font> = { name: "Times New Roman", size: 13, italic: true, color: { argb: "FF1F4E79" } };
const FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
const HOURS = "#,##0.00\\ \\h\\a";
/** A code with every character XML escapes in an attribute. */
const QUOTED = "\"Tỷ lệ <đạt> & 'x' \"0.0\\%";

/**
 * A workbook exceljs wrote: A1:F1 share one style (borders, italic font, fill, centred and wrapped,
 * `0\%`); G1 `#,##0.00\ \h\a` with a border; H1 plain text; I1 bold, unlocked and hidden.
 */
async function styledWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Phụ lục");
  for (const ref of ["A1", "B1", "C1", "D1", "E1", "F1"]) {
    const cell = sheet.getCell(ref);
    cell.value = 95;
    cell.style = {
      border: BORDER,
      font: FONT,
      fill: FILL,
      numFmt: "0\\%",
      alignment: { horizontal: "center", wrapText: true },
    };
  }
  Object.assign(sheet.getCell("G1"), { value: 1234.5, numFmt: HOURS, border: { top: { style: "thin" } } });
  sheet.getCell("H1").value = "Tên";
  Object.assign(sheet.getCell("I1"), { value: 7, font: { bold: true }, protection: { locked: false, hidden: true } });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const partOf = (bytes: Uint8Array, path: string) => strFromU8(unzipSync(bytes)[path]);

const styledWorkbookXml = async () => partOf(await styledWorkbook(), STYLES);

/** The xf index cell `ref` of sheet 1 has. */
function styleOf(bytes: Uint8Array, ref: string): number {
  return Number(new RegExp(`<c r="${ref}" s="(\\d+)"`).exec(partOf(bytes, SHEET))![1]);
}

/** `bytes` with `styles` as its styles part and these cells of sheet 1 pointed at these xfs. */
function restyled(bytes: Uint8Array, styles: string, cells: Record<string, number>): Uint8Array {
  const files = unzipSync(bytes);
  let sheet = strFromU8(files[SHEET]);
  for (const [ref, s] of Object.entries(cells)) {
    const cell = new RegExp(`<c r="${ref}"( s="\\d+")?`);
    if (!cell.test(sheet)) throw new Error(`no ${ref}`);
    sheet = sheet.replace(cell, `<c r="${ref}" s="${s}"`);
  }
  files[SHEET] = strToU8(sheet);
  files[STYLES] = strToU8(styles);
  return zipSync(files);
}

async function exceljsSheet(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets[0];
}

async function numFmts(bytes: Uint8Array, refs: string[]): Promise<(string | undefined)[]> {
  const grid = (await readWorkbook(bytes)).grids[0];
  return refs.map((ref) => {
    const col = ref.charCodeAt(0) - 65;
    return grid.rows[Number(ref.slice(1)) - 1]?.[col]?.numFmt;
  });
}

/** The children of one list of a styles part, as written (exceljs writes them unprefixed, one level deep). */
function listItems(xml: string, list: string, item: string): string[] {
  const body = new RegExp(`<${list}[^>]*>([\\s\\S]*?)</${list}>`).exec(xml)?.[1] ?? "";
  return body.match(new RegExp(`<${item}\\b[^>]*?(/>|>[\\s\\S]*?</${item}>)`, "g")) ?? [];
}

const countOf = (xml: string, list: string) => Number(new RegExp(`<${list} count="(\\d+)"`).exec(xml)?.[1]);

describe("StylePatch on a workbook exceljs wrote", () => {
  let bytes: Uint8Array;
  let xml: string;
  let base: number;
  beforeAll(async () => {
    bytes = await styledWorkbook();
    xml = partOf(bytes, STYLES);
    base = styleOf(bytes, "A1");
  });

  it("changes the number format on a copy: a built-in id, the part's own code, else a new <numFmt> escaped", async () => {
    const patch = new StylePatch(xml);
    const percent = patch.derive(base, { numFmt: "0%" });
    const hours = patch.derive(base, { numFmt: HOURS });
    const quoted = patch.derive(base, { numFmt: QUOTED });
    const out = patch.toXml();

    const xfs = listItems(out, "cellXfs", "xf");
    const hoursId = /numFmtId="(\d+)"/.exec(listItems(xml, "cellXfs", "xf")[styleOf(bytes, "G1")])![1];
    expect(xfs[percent]).toMatch(/numFmtId="9"/);
    expect(xfs[hours]).toMatch(new RegExp(`numFmtId="${hoursId}"`));
    expect(xfs[quoted]).toMatch(/numFmtId="166".*applyNumberFormat="1"/);
    // exceljs numbered its two codes 164 and 165: the new one follows.
    expect(listItems(out, "numFmts", "numFmt").slice(2)).toEqual([
      '<numFmt numFmtId="166" formatCode="&quot;Tỷ lệ &lt;đạt&gt; &amp; &apos;x&apos; &quot;0.0\\%"/>',
    ]);
    expect(countOf(out, "numFmts")).toBe(3);

    const patched = restyled(bytes, out, { B1: percent, C1: hours, D1: quoted });
    expect(await numFmts(patched, ["A1", "B1", "C1", "D1"])).toEqual(["0\\%", "0%", HOURS, QUOTED]);
    const sheet = await exceljsSheet(patched);
    // exceljs drops a code's escapes when it loads it.
    expect(["B1", "C1", "D1"].map((ref) => sheet.getCell(ref).numFmt)).toEqual([
      "0%",
      "#,##0.00 ha",
      "\"Tỷ lệ <đạt> & 'x' \"0.0%",
    ]);
    for (const ref of ["B1", "C1", "D1"]) {
      const { border, font, fill, alignment } = sheet.getCell(ref);
      expect([border, font, fill, alignment]).toEqual([BORDER, FONT, FILL, sheet.getCell("A1").alignment]);
    }
  });

  it("makes the font bold on a copy of it (<b/> first), the cell's other formats and the shared font untouched", async () => {
    const patch = new StylePatch(xml);
    const bold = patch.derive(base, { bold: true });
    const out = patch.toXml();
    const fonts = listItems(out, "fonts", "font");
    const fontId = Number(/fontId="(\d+)"/.exec(listItems(out, "cellXfs", "xf")[bold])![1]);
    expect(fontId).toBe(fonts.length - 1);
    expect(fonts[fontId]).toMatch(/^<font><b\/><i\/>/);

    const sheet = await exceljsSheet(restyled(bytes, out, { E1: bold }));
    expect(sheet.getCell("E1").font).toEqual({ ...FONT, bold: true });
    expect(sheet.getCell("A1").font).toEqual(FONT);
    expect(sheet.getCell("E1").border).toEqual(BORDER);
    expect(sheet.getCell("E1").numFmt).toBe("0%");
  });

  it("unlocks with a <protection> after <alignment>, and locks an unlocked hidden cell keeping it hidden", async () => {
    const patch = new StylePatch(xml);
    const unlocked = patch.derive(base, { locked: false });
    const locked = patch.derive(styleOf(bytes, "I1"), { locked: true });
    const out = patch.toXml();
    expect(listItems(out, "cellXfs", "xf")[unlocked]).toMatch(
      /applyProtection="1"><alignment [^>]*\/><protection locked="0"\/><\/xf>$/,
    );

    const sheet = await exceljsSheet(restyled(bytes, out, { F1: unlocked, H1: locked }));
    expect(sheet.getCell("A1").protection).toBeUndefined();
    expect(sheet.getCell("F1").protection).toEqual({ locked: false, hidden: false });
    expect(sheet.getCell("F1").alignment).toEqual({ horizontal: "center", wrapText: true });
    expect(sheet.getCell("H1").protection).toEqual({ locked: true, hidden: true });
    expect(sheet.getCell("H1").font?.bold).toBe(true);
    expect(sheet.getCell("I1").protection).toEqual({ locked: false, hidden: true });
  });

  it("applies several changes at once, and takes bold away", async () => {
    const patch = new StylePatch(xml);
    const all = patch.derive(base, { numFmt: "@", locked: false, bold: true });
    const plain = patch.derive(styleOf(bytes, "I1"), { bold: false });
    const patched = restyled(bytes, patch.toXml(), { B1: all, H1: plain });

    const sheet = await exceljsSheet(patched);
    const { numFmt, font, protection, border, fill } = sheet.getCell("B1");
    expect([numFmt, font, protection, border, fill]).toEqual([
      "@",
      { ...FONT, bold: true },
      { locked: false, hidden: false },
      BORDER,
      FILL,
    ]);
    expect(sheet.getCell("H1").font?.bold).toBeUndefined();
    expect(sheet.getCell("I1").font?.bold).toBe(true);
    expect(await numFmts(patched, ["B1"])).toEqual(["@"]);
  });

  it("derives from an xf it added itself: a value's percent format, then Đã duyệt's unlocking, keeps both", async () => {
    const patch = new StylePatch(xml);
    const percent = patch.derive(base, { numFmt: "0%" });
    const unlocked = patch.derive(percent, { locked: false });
    const bolder = patch.derive(patch.derive(0, { bold: true }), { numFmt: "0.0" });
    const patched = restyled(bytes, patch.toXml(), { B1: unlocked, C1: bolder });

    const sheet = await exceljsSheet(patched);
    expect([sheet.getCell("B1").numFmt, sheet.getCell("B1").protection, sheet.getCell("B1").border]).toEqual([
      "0%",
      { locked: false, hidden: false },
      BORDER,
    ]);
    expect([sheet.getCell("C1").numFmt, sheet.getCell("C1").font?.bold]).toEqual(["0.0", true]);
  });

  it("keeps the part's own xfs, fonts and formats byte for byte, and makes one xf per (s, change)", () => {
    const patch = new StylePatch(xml);
    expect(patch.changed).toBe(false);
    expect(patch.toXml()).toBe(xml);
    expect(patch.derive(base, {})).toBe(base);

    const first = patch.derive(base, { bold: true });
    const again = new Set(Array.from({ length: 12_000 }, () => patch.derive(base, { bold: true })));
    expect([...again]).toEqual([first]);
    const both = patch.derive(base, { bold: true, numFmt: "@" });
    const other = patch.derive(0, { bold: true });
    expect(new Set([first, both, other]).size).toBe(3);
    // An index the part lacks is the default format, as Excel shows such a cell.
    expect(patch.derive(999, { bold: true })).toBe(other);
    expect(patch.derive(-1, { bold: true })).toBe(other);
    expect(patch.changed).toBe(true);

    const out = patch.toXml();
    for (const [list, item] of [
      ["cellXfs", "xf"],
      ["fonts", "font"],
      ["numFmts", "numFmt"],
      ["fills", "fill"],
      ["borders", "border"],
      ["cellStyleXfs", "xf"],
    ]) {
      const before = listItems(xml, list, item);
      expect(listItems(out, list, item).slice(0, before.length)).toEqual(before);
    }
    const xfs = listItems(xml, "cellXfs", "xf").length;
    expect(listItems(out, "cellXfs", "xf")).toHaveLength(xfs + 3);
    expect(countOf(out, "cellXfs")).toBe(xfs + 3);
    // Font 0 (xf 0's) and the shared italic font each made bold once.
    expect(countOf(out, "fonts")).toBe(listItems(xml, "fonts", "font").length + 2);
    expect(out.slice(out.indexOf("</cellXfs>"))).toBe(xml.slice(xml.indexOf("</cellXfs>")));
  });
});

describe("StylePatch over a part that already holds the xf it would write", () => {
  it("gives the template's own xf and bold font when the copy would be written as they are", () => {
    const styles =
      `<styleSheet xmlns="${MAIN_NS}"><fonts count="2"><font><sz val="11"/></font><font><b/><sz val="11"/></font></fonts>` +
      '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
      '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs></styleSheet>';
    const patch = new StylePatch(styles);
    expect([patch.derive(0, { bold: true }), patch.derive(1, { bold: true })]).toEqual([1, 1]);
    expect(patch.changed).toBe(false);
    expect(patch.toXml()).toBe(styles);
  });

  it("written again over its own output, adds nothing and gives the same indexes", async () => {
    const xml = await styledWorkbookXml();
    const changes = (patch: StylePatch) => {
      const percent = patch.derive(1, { numFmt: "0%" });
      return [
        percent,
        patch.derive(percent, { locked: false }),
        patch.derive(0, { bold: true, numFmt: "@" }),
        patch.derive(1, { numFmt: QUOTED, bold: true }),
        patch.derive(2, { date: true }),
      ];
    };
    const first = new StylePatch(xml);
    const indexes = changes(first);
    const out = first.toXml();
    expect(countOf(out, "cellXfs")).toBe(countOf(xml, "cellXfs") + 5);
    const again = new StylePatch(out);
    expect(changes(again)).toEqual(indexes);
    expect(again.changed).toBe(false);
    expect(again.toXml()).toBe(out);
  });
});

describe("StylePatch without a styles part", () => {
  it("starts from a minimal stylesheet, in CT_Stylesheet's order, that exceljs and PhuLuc read", async () => {
    const patch = new StylePatch(undefined);
    expect(patch.changed).toBe(false);
    const s = patch.derive(0, { bold: true, numFmt: "0.0", locked: false });
    expect(s).toBe(1);
    const out = patch.toXml();
    const top = parseStrict(out).filter((element) => element.depth === 1);
    expect(top.map((element) => element.name)).toEqual([
      "numFmts",
      "fonts",
      "fills",
      "borders",
      "cellStyleXfs",
      "cellXfs",
      "cellStyles",
    ]);

    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Data").getCell("A1").value = 2.5;
    const bytes = restyled(new Uint8Array(await workbook.xlsx.writeBuffer()), out, { A1: s });
    const { value, numFmt, font, protection } = (await exceljsSheet(bytes)).getCell("A1");
    expect([value, numFmt, font, protection]).toEqual([
      2.5,
      "0.0",
      { bold: true, size: 11, name: "Calibri", family: 2 },
      { locked: false, hidden: false },
    ]);
    expect(await numFmts(bytes, ["A1"])).toEqual(["0.0"]);
  });
});

describe("StylePatch on a part without fonts or cell formats", () => {
  it("creates the lists in CT_Stylesheet's order, a default font and xf first so index 0 stays the default", () => {
    const patch = new StylePatch(
      `<styleSheet xmlns="${MAIN_NS}"><fills count="1"><fill/></fills><cellStyles count="0"/></styleSheet>`,
    );
    expect(patch.derive(0, { bold: true })).toBe(1);
    expect(patch.toXml()).toBe(
      `<styleSheet xmlns="${MAIN_NS}"><fonts count="2"><font/><font><b/></font></fonts><fills count="1"><fill/></fills>` +
        '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
        '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
        '<cellStyles count="0"/></styleSheet>',
    );
  });
});

describe("StylePatch on a part the Open XML SDK wrote (x: prefix, byte-order mark, CRLF)", () => {
  const styles =
    '\uFEFF<?xml version="1.0" encoding="utf-8" standalone="yes"?>\r\n' +
    [
      `<x:styleSheet xmlns:x="${MAIN_NS}">`,
      `  <x:numFmts count="0" />`,
      `  <x:fonts count="1"><x:font><x:sz val="11" /><x:name val="Calibri" /></x:font></x:fonts>`,
      `  <x:fills count="1"><x:fill><x:patternFill patternType="none" /></x:fill></x:fills>`,
      `  <x:borders count="1"><x:border><x:left /><x:right /><x:top /><x:bottom /><x:diagonal /></x:border></x:borders>`,
      `  <x:cellXfs count="2"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0" />` +
        `<x:xf numFmtId="0" fontId="0" fillId="0" borderId="0" applyAlignment="1">\r\n` +
        `    <x:alignment wrapText="1" />\r\n  </x:xf></x:cellXfs>`,
      `  <x:dxfs count="1"><x:dxf><x:numFmt numFmtId="170" formatCode="0.000" /></x:dxf></x:dxfs>`,
      `</x:styleSheet>`,
    ].join("\r\n");

  it("appends elements with the part's prefix, into the empty <x:numFmts/>, past a <dxf>'s format id; PhuLuc reads it", async () => {
    const patch = new StylePatch(styles);
    const s = patch.derive(1, { numFmt: "0.0\\%", bold: true, locked: false });
    expect(s).toBe(2);
    const out = patch.toXml();
    const elements = parseStrict(out);
    expect(elements.every((element) => element.prefix === "x" && element.uri === MAIN_NS)).toBe(true);
    expect(out).toContain('<x:numFmts count="1"><x:numFmt numFmtId="171" formatCode="0.0\\%"/></x:numFmts>');
    expect(out).toContain('<x:font><x:b/><x:sz val="11" /><x:name val="Calibri" /></x:font></x:fonts>');
    expect(out).toContain(
      '<x:xf numFmtId="171" fontId="1" fillId="0" borderId="0" applyAlignment="1" applyNumberFormat="1" applyFont="1" applyProtection="1">' +
        '<x:alignment wrapText="1" /><x:protection locked="0"/></x:xf></x:cellXfs>',
    );

    const sheet =
      `<x:worksheet xmlns:x="${MAIN_NS}"><x:sheetData><x:row r="1">` +
      `<x:c r="A1" s="1"><x:v>1</x:v></x:c><x:c r="B1" s="${s}"><x:v>12.5</x:v></x:c>` +
      `</x:row></x:sheetData></x:worksheet>`;
    const bytes = xlsxFromParts({ [SHEET]: sheet, [STYLES]: out });
    expect(await numFmts(bytes, ["A1", "B1"])).toEqual([undefined, "0.0\\%"]);
  });
});

describe("StylePatch.derive for a date", () => {
  // xf 1 `#,##0` (built-in 3), 2 a custom date, 3 built-in 22 (a date and time), 4 `[h]:mm` (a duration, no date).
  const styles =
    `<styleSheet xmlns="${MAIN_NS}"><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>` +
    '<numFmt numFmtId="165" formatCode="[h]:mm"/></numFmts>' +
    '<fonts count="1"><font/></fonts><cellXfs count="5"><xf numFmtId="0" fontId="0"/><xf numFmtId="3" fontId="0"/>' +
    '<xf numFmtId="164" fontId="0"/><xf numFmtId="22" fontId="0"/><xf numFmtId="165" fontId="0"/></cellXfs></styleSheet>';

  it("gives a format that shows no date the short date, built-in 14; keeps a date format, and a format asked for", () => {
    const patch = new StylePatch(styles);
    const number = patch.derive(1, { date: true });
    const duration = patch.derive(4, { date: true });
    // xf 0 reads as no format (as the reader and exceljs read it), so a date written there reads back a number.
    const plain = patch.derive(0, { date: true });
    expect([patch.derive(2, { date: true }), patch.derive(3, { date: true })]).toEqual([2, 3]);
    const asked = patch.derive(1, { date: true, numFmt: "yyyy-mm-dd" });
    expect(patch.derive(1, { date: false })).toBe(1);

    const xfs = listItems(patch.toXml(), "cellXfs", "xf");
    // xf 0, 1 and 4 differ only by their format: with the short date they are one xf, made once.
    expect([number, duration, plain, asked]).toEqual([5, 5, 5, 6]);
    expect(xfs[number]).toBe('<xf numFmtId="14" fontId="0" applyNumberFormat="1"/>');
    expect(xfs[duration]).toMatch(/numFmtId="14"/);
    expect(xfs[plain]).toMatch(/numFmtId="14"/);
    expect(xfs[asked]).toMatch(/numFmtId="166"/);
  });
});
