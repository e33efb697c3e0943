/**
 * "PhuLuc never loses or silently changes the user's data": the consolidated workbook keeps everything of the
 * KHTC template the merge does not change. The template (fixtures/khtcTemplate.ts) carries what exceljs's model
 * lacks — chart, logo, notes, printer settings, page break, custom properties, a dxf number format — and the merge
 * inserts 10 item rows above Tổng cộng (Excel row 9 → 19), so everything citing rows from 9 on must move by 10
 * exactly as Excel's own row insertion moves it, and everything else must come out byte for byte.
 */
import { strFromU8, unzipSync } from "fflate";
import { mergeWorkbook, type MergeResult } from "../src/engine/merge";
import { templateSheets, unitInputs } from "../src/engine/merge/inputs";
import { recogniseTable } from "../src/engine/recognise";
import { emptyReviewStore } from "../src/engine/review";
import { readWorkbook } from "../src/adapters/xlsx/readWorkbook";
import { writeConsolidated } from "../src/adapters/xlsx/writeConsolidated";
import { budgetBySection } from "./fixtures/mergeCases";
import { seedWorkbookBuffer } from "./fixtures/seedGrids";
import { SEED_PHU_LUC_II } from "./fixtures/seedTables";
import {
  DEFINED_NAMES,
  DXF_NUMFMT,
  GUIDE,
  SHEET,
  TEMPLATE_XML,
  TOTAL_NOTE_FORMULA,
  khtcTemplate,
} from "./fixtures/khtcTemplate";
import { partChanges } from "./helpers/packageParts";
import { parseStrict } from "./helpers/xmlCheck";

type Files = Record<string, Uint8Array>;

/** A part's text; `&apos;` read as the `'` it stands for (exceljs escapes it, Excel does not: the same XML). */
const textOf = (files: Files, part: string) => strFromU8(files[part] ?? new Uint8Array()).replace(/&apos;/g, "'");

/** The zip's parts (folder entries left out: they hold nothing). */
function partsOf(bytes: Uint8Array): Files {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).filter(([name]) => !name.endsWith("/")));
}

/** Each unit's section as its own .xlsx, read back by PhuLuc's reader, as `phuluc merge` reads units. */
async function unitFiles() {
  const { parts } = budgetBySection(SEED_PHU_LUC_II);
  const inputs = await Promise.all(
    parts.map(async (part, i) => {
      const bytes = await seedWorkbookBuffer([{ seed: part, options: { sheetName: SHEET } }]);
      return unitInputs(`u${i}.xlsx`, (await readWorkbook(bytes)).grids, { unitId: `U${i}` }).inputs;
    }),
  );
  return inputs.flat();
}

async function merged(template: Uint8Array): Promise<{ result: MergeResult; out: Uint8Array }> {
  const result = mergeWorkbook(templateSheets((await readWorkbook(template)).grids), await unitFiles());
  return { result, out: await writeConsolidated(template, result) };
}

function sameBytes(a: Uint8Array | undefined, b: Uint8Array): boolean {
  return !!a && a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** The template's parts a merge may rewrite: the sheet it fills and the workbook-wide parts that list or index it. */
const MAY_CHANGE = new Set([
  "xl/worksheets/sheet1.xml",
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "[Content_Types].xml",
  "xl/sharedStrings.xml",
  "xl/styles.xml",
  "xl/calcChain.xml",
  "docProps/app.xml",
]);

/** The rest, listed by hand: nothing in them cites a row from Tổng cộng (row 9) on. */
const UNTOUCHED = [
  "_rels/.rels",
  "docProps/core.xml",
  "docProps/custom.xml",
  "xl/theme/theme1.xml",
  "xl/worksheets/sheet2.xml",
  "xl/worksheets/_rels/sheet1.xml.rels",
  "xl/drawings/drawing1.xml",
  "xl/drawings/_rels/drawing1.xml.rels",
  "xl/charts/chart1.xml",
  "xl/media/image1.png",
  "xl/comments1.xml",
  "xl/drawings/vmlDrawing1.vml",
  "xl/printerSettings/printerSettings1.bin",
];

/** Relationship targets and content types that do not resolve: a part Excel would "repair" the file over. */
function danglingReferences(files: Files): string[] {
  const problems: string[] = [];
  const types = strFromU8(files["[Content_Types].xml"]);
  const defaults = new Set([...types.matchAll(/<Default Extension="([^"]+)"/g)].map((m) => m[1].toLowerCase()));
  const overrides = [...types.matchAll(/<Override PartName="\/([^"]+)"/g)].map((m) => m[1]);
  for (const part of overrides) if (!files[part]) problems.push(`content type for missing ${part}`);
  for (const part of Object.keys(files)) {
    const ext = part.split(".").pop()!.toLowerCase();
    if (part !== "[Content_Types].xml" && !defaults.has(ext) && !overrides.includes(part))
      problems.push(`no content type: ${part}`);
  }
  for (const [rels, data] of Object.entries(files)) {
    const source = /^(.*?)_rels\/([^/]*)\.rels$/.exec(rels);
    if (!source) continue;
    for (const rel of strFromU8(data).matchAll(/<Relationship\b[^>]*>/g)) {
      if (/TargetMode="External"/.test(rel[0])) continue;
      const target = /Target="([^"]+)"/.exec(rel[0])![1];
      const path = target.startsWith("/") ? target.slice(1) : resolve(source[1], target);
      if (!files[path]) problems.push(`${rels} → missing ${path}`);
    }
  }
  return problems;
}

function resolve(folder: string, target: string): string {
  const segments = folder.split("/").filter(Boolean);
  for (const segment of target.split("/")) {
    if (segment === "..") segments.pop();
    else if (segment !== ".") segments.push(segment);
  }
  return segments.join("/");
}

describe("the consolidated workbook keeps the KHTC template", () => {
  let template: Uint8Array;
  let before: Files;
  let after: Files;
  let out: Uint8Array;
  let result: MergeResult;
  const text = (part: string) => textOf(after, part);

  beforeAll(async () => {
    template = await khtcTemplate();
    before = partsOf(template);
    ({ result, out } = await merged(template));
    after = partsOf(out);
  });

  it("the fixture: a whole package, one sheet merged with 10 rows inserted above Tổng cộng (row 9)", () => {
    expect(danglingReferences(before)).toEqual([]);
    expect(result.sheets.map((s) => s.sheet)).toEqual([SHEET]);
    expect(result.sheets[0].patch.rowChange).toEqual({ at: 8, delta: 10 });
  });

  it("keeps every part the merge has no business changing byte for byte", () => {
    expect(
      Object.keys(before)
        .filter((part) => !MAY_CHANGE.has(part))
        .sort(),
    ).toEqual([...UNTOUCHED].sort());
    expect(UNTOUCHED.filter((part) => !sameBytes(after[part], before[part]))).toEqual([]);
  });

  it("writes a whole package: every relationship and content type resolves", () => {
    expect(danglingReferences(after)).toEqual([]);
  });

  it("leaves no stale calculation chain (it listed E9, Tổng cộng's note, now E19): dropped for Excel to rebuild, or moved", () => {
    const chain = after["xl/calcChain.xml"] && text("xl/calcChain.xml");
    if (chain) {
      expect(chain).toContain('<c r="E19" i="1"/>');
      expect(chain).not.toContain('r="E9"');
    } else {
      expect(text("xl/_rels/workbook.xml.rels")).not.toContain("calcChain");
    }
  });

  it("keeps the sheet's drawing, notes, formats, validation and page setup, moved with the rows as Excel moves them", () => {
    const sheet = text("xl/worksheets/sheet1.xml");
    expect(() => parseStrict(sheet)).not.toThrow();
    const x = TEMPLATE_XML;
    // Unchanged: nothing in them cites a row.
    const setup = [x.sheetPr, x.sheetViews, x.cols, x.printOptions, x.pageMargins, x.pageSetup, x.headerFooter];
    for (const kept of [...setup, x.drawing, x.legacyDrawing]) {
      expect(sheet).toContain(kept);
    }
    // D6:D9 spans the insertion (above row 9): it grows to D19; D9 (Tổng cộng) moves to D19, and its rule's $D$9 with it.
    expect(sheet).toContain(
      '<conditionalFormatting sqref="D6:D19"><cfRule type="cellIs" dxfId="0" priority="2" operator="greaterThan"><formula>50000</formula></cfRule></conditionalFormatting>' +
        '<conditionalFormatting sqref="D19"><cfRule type="expression" dxfId="0" priority="1"><formula>$D$19&gt;200000</formula></cfRule></conditionalFormatting>',
    );
    // E6:E9 grows to E19; the x14 list's C6:C9 to C19.
    expect(sheet).toContain(x.dataValidations.replace('sqref="E6:E9"', 'sqref="E6:E19"'));
    expect(sheet).toContain("<xm:sqref>C6:C19</xm:sqref>");
    // The break above Nơi nhận (0-based row 10) moves with Nơi nhận to row 20.
    expect(sheet).toContain('<rowBreaks count="1" manualBreakCount="1"><brk id="20" max="16383" man="1"/></rowBreaks>');
    expect(sheet).toContain('<mergeCell ref="B22:D22"/>');
    expect(sheet).toContain('<mergeCell ref="A1:E1"/>');
    // Still in CT_Worksheet's order (§18.3.1.99), which Excel insists on.
    const order = [
      "sheetPr",
      "dimension",
      "sheetViews",
      "sheetFormatPr",
      "cols",
      "sheetData",
      "mergeCells",
      "conditionalFormatting",
      "dataValidations",
      "printOptions",
      "pageMargins",
      "pageSetup",
      "headerFooter",
      "rowBreaks",
      "drawing",
      "legacyDrawing",
      "extLst",
    ].map((name) => sheet.indexOf(`<${name}`));
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]))).toBe(true);
  });

  // The end of a range on another sheet, `'Hướng dẫn'!$A$10:$A$15`, is on that sheet too (shiftRows once moved
  // it: $A$10:$A$25). Excel moves only this sheet's rows.
  it("leaves a validation list on another sheet's rows as it was", () => {
    expect(text("xl/worksheets/sheet1.xml")).toContain("<xm:f>'Hướng dẫn'!$A$10:$A$15</xm:f>");
  });

  it("leaves a formula's range on another sheet's rows as it was (Tổng cộng's note, moved to E19)", async () => {
    const grid = (await readWorkbook(out)).grids.find((g) => g.name === SHEET)!;
    expect(grid.rows[18][4]?.formula).toBe(TOTAL_NOTE_FORMULA);
  });

  it("only appends to the shared strings and styles: the template's entries keep their index and text", () => {
    const entries = (xml: string, list: string, item: string) => {
      const body = new RegExp(`<${list}\\b[^>]*>([\\s\\S]*?)</${list}>`).exec(xml)?.[1] ?? "";
      return body.match(new RegExp(`<${item}\\b(?:[^>]*/>|[\\s\\S]*?</${item}>)`, "g")) ?? [];
    };
    const grown = (part: string, list: string, item: string) => {
      const was = entries(textOf(before, part), list, item);
      expect(was.length).toBeGreaterThan(0);
      expect(entries(text(part), list, item).slice(0, was.length)).toEqual(was);
    };
    grown("xl/sharedStrings.xml", "sst", "si"); // the guide's rich-text title among them
    for (const [list, item] of [
      ["fonts", "font"],
      ["fills", "fill"],
      ["borders", "border"],
      ["cellXfs", "xf"],
      ["dxfs", "dxf"],
    ]) {
      grown("xl/styles.xml", list, item);
    }
  });

  // Every month KHTC merges into the last consolidated workbook: the item rows are there now (no row inserted), the
  // values, log texts and formats too, so a write that only appended would grow the shared strings and styles.
  it("merged again into its own output with the same units: every part as the first merge wrote it", async () => {
    const again = await merged(out);
    expect(again.result.sheets[0].patch.rowChange).toBeUndefined();
    expect(partChanges(out, again.out)).toEqual({ changed: [], added: [], removed: [] });
  });

  it("keeps the conditional format's own number format (dxf 0, id 164) and gives that id to no other format", () => {
    const styles = text("xl/styles.xml");
    const dxfs = /<dxfs\b[\s\S]*?<\/dxfs>/.exec(styles)?.[0] ?? "";
    expect(dxfs).toContain(`<numFmt numFmtId="${DXF_NUMFMT.id}" formatCode="#,##0&quot; tr.đ&quot;"/>`);
    const codes = [...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"/g)]
      .filter((m) => m[1] === DXF_NUMFMT.id)
      .map((m) => m[2].replace(/&quot;/g, '"'));
    expect(new Set(codes)).toEqual(new Set([DXF_NUMFMT.code]));
  });

  it("reads the guide sheet back exactly as the template had it", async () => {
    const guideOf = async (bytes: Uint8Array) => (await readWorkbook(bytes)).grids.find((g) => g.name === GUIDE);
    const written = await guideOf(out);
    expect(written).toBeDefined();
    expect(written).toEqual(await guideOf(template));
  });

  it("fills the kinh-phi items above Tổng cộng (row 19, 225,091) and moves the signature block", async () => {
    const grid = (await readWorkbook(out)).grids.find((g) => g.name === SHEET)!;
    const table = recogniseTable(grid).table!;
    expect(table.rows.filter((r) => r.kind === "item")).toHaveLength(10);
    const total = table.rows.find((r) => r.kind === "total")!;
    expect(total.row).toBe(18);
    expect(total.amounts[0].parsed).toMatchObject({ value: 225091 });
    expect(grid.rows[6][3]?.value).toBe(40444); // IOC, item 1 under section I
    expect(grid.rows[17][3]?.value).toBe(89583); // item 10, last above Tổng cộng
    expect([grid.rows[20]?.[1]?.value, grid.rows[21]?.[1]?.value]).toEqual(["Nơi nhận:", "GIÁM ĐỐC"]);
  });

  it("Đã duyệt (U0's cells locked, the sheet protected) changes no other part either; the guide reads back the same", async () => {
    const status = { unit: "U0", state: "da-duyet" as const, by: "", at: "", sha256: "U0" };
    const review = { ...emptyReviewStore(), statuses: [status] };
    const approvedBytes = await writeConsolidated(template, result, { review });
    const approved = partsOf(approvedBytes);
    expect(UNTOUCHED.filter((part) => !sameBytes(approved[part], before[part]))).toEqual([]);
    const sheet = textOf(approved, "xl/worksheets/sheet1.xml");
    // <sheetProtection> right after <sheetData> (CT_Worksheet §18.3.1.99); the drawing and notes still there.
    expect(sheet).toMatch(/<\/sheetData><sheetProtection [^>]*sheet="1"[^>]*\/><mergeCells /);
    expect(sheet).toContain(TEMPLATE_XML.drawing + TEMPLATE_XML.legacyDrawing);
    expect(danglingReferences(approved)).toEqual([]);
    const guideOf = async (bytes: Uint8Array) => (await readWorkbook(bytes)).grids.find((g) => g.name === GUIDE);
    expect(await guideOf(approvedBytes)).toEqual(await guideOf(template));
  });

  it("keeps the defined names that cite no moved row", () => {
    const book = text("xl/workbook.xml");
    expect(book).toContain(DEFINED_NAMES.printTitles);
    expect(book).toContain(DEFINED_NAMES.unitList);
  });

  // Excel moves a print area (and any name) over rows it inserts into: A1:E12 becomes A1:E22; kept, the printed
  // report would stop at row 12, halfway through the items, without Tổng cộng or the signature, and TongKinhPhi
  // would name item 3's amount (patch/citedRows.ts).
  it("moves the print area and the Tổng cộng name with the inserted rows, as Excel does", () => {
    const book = text("xl/workbook.xml");
    expect(book).toContain(DEFINED_NAMES.printArea.replace("$E$12", "$E$22"));
    expect(book).toContain(DEFINED_NAMES.total.replace("$D$9", "$D$19"));
  });
});

/**
 * What lives outside the sheet's part but points at its rows: Excel moves it with the rows; left where it was,
 * it silently belongs to another row (the note on Tổng cộng lands on item 3's amount, the signature image on
 * an item, the guide's "Tổng kinh phí" shows item 3's amount).
 * patch/citedRows.ts moves them after the sheet's part: comments, VML, drawing anchors, chart series, other
 * sheets' formulas.
 */
describe("the consolidated workbook moves what points at the moved rows from other parts", () => {
  let after: Files;
  let out: Uint8Array;
  const text = (part: string) => textOf(after, part);

  beforeAll(async () => {
    out = (await merged(await khtcTemplate({ citesMovedRows: true }))).out;
    after = partsOf(out);
  });

  it("the note on Tổng cộng (D9) moves to D19, its VML shape to row 19 (0-based 18)", () => {
    expect(text("xl/comments1.xml")).toMatch(/<comment ref="A1"[\s\S]*<comment ref="D19"/);
    expect(text("xl/drawings/vmlDrawing1.vml")).toMatch(
      /<x:Row>0<\/x:Row>[\s\S]*<x:Row>18<\/x:Row><x:Column>3<\/x:Column>/,
    );
  });

  it("the signature image at GIÁM ĐỐC (0-based row 11) moves to row 21; the chart above row 9 stays", () => {
    const drawing = text("xl/drawings/drawing1.xml");
    expect(drawing).toContain(
      "<xdr:row>0</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>12</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>7</xdr:row>",
    );
    expect(drawing).toMatch(
      /<xdr:col>1<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>21<\/xdr:row>[\s\S]*name="Chữ ký"/,
    );
  });

  it("the chart's series over B6:B9 and D6:D9 grow to row 19", () => {
    const chart = text("xl/charts/chart1.xml");
    expect(chart).toContain("<c:f>'Phụ lục II'!$B$6:$B$19</c:f>");
    expect(chart).toContain("<c:f>'Phụ lục II'!$D$6:$D$19</c:f>");
  });

  it("the guide sheet's formula citing 'Phụ lục II'!D9 (Tổng cộng) follows it to D19", async () => {
    const guide = (await readWorkbook(out)).grids.find((g) => g.name === GUIDE)!;
    expect(guide.rows[16][1]?.formula).toBe("'Phụ lục II'!D19");
  });
});
