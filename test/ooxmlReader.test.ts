/**
 * PhuLuc's own reader (src/adapters/xlsx/ooxml, behind readWorkbook) against the exceljs reader it
 * replaced (bench/lib/exceljsReader.ts, the oracle): deep-equal Grids and notes on every workbook the
 * tests, corpus, examples, seed tables and bench build, and on random workbooks exceljs writes — every
 * kind of value, format, formula, merge, hidden row and sheet. A reader change that alters a Grid shows
 * here. The cases where the two differ on purpose (exceljs lost what Excel shows) are asserted apart.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import * as XLSX from "@e965/xlsx";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { readWorkbook, type ReadOptions, type WorkbookRead } from "../src/adapters/xlsx/readWorkbook";
import { slideFormula } from "../src/engine/formulaRefs";
import { a1 } from "../src/engine/grid";
import { PhuLucError } from "../src/engine/errors";
import { readWorkbookExceljs } from "../bench/lib/exceljsReader";
import { legacyXlsBytes, truncatedCopy } from "./helpers/badFiles";
import { everyTestWorkbook } from "./helpers/everyTestWorkbook";
import { bytesOf, edgeCasesWorkbook, valuesWorkbook } from "./helpers/readerWorkbooks";

/** `name` shows in a failure's diff: which of the many workbooks read differently. */
async function expectSameRead(bytes: Uint8Array, options: ReadOptions = {}, name = ""): Promise<void> {
  const ours = await readWorkbook(bytes, options);
  const oracle = await readWorkbookExceljs(bytes, options);
  keepBooleans(ours, oracle);
  // toStrictEqual: holes stay holes, and no key is present on one side only (even as undefined).
  expect({ name, read: comparable(ours, asExceljsSpells) }).toStrictEqual({ name, read: comparable(oracle) });
}

/** A formula's TRUE or FALSE in a date format stays a boolean; exceljs made a 1899 date of it (asserted apart). */
function keepBooleans(ours: WorkbookRead, oracle: WorkbookRead): void {
  ours.grids.forEach((grid, g) =>
    grid.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        const theirs = oracle.grids[g]?.rows[r]?.[c];
        if (typeof cell?.value === "boolean" && theirs?.value instanceof Date) theirs.value = cell.value;
      }),
    ),
  );
}

/**
 * A number format as exceljs spells it: every escape's backslash dropped, id 22 with a quoted h. The
 * reader keeps the code as written (`0\%` is not a share), asserted apart in test/excelXml.test.ts.
 */
function asExceljsSpells(numFmt: string): string {
  return numFmt === "m/d/yy h:mm" ? 'm/d/yy "h":mm' : numFmt.replace(/\\(.)/g, "$1");
}

/** An Invalid Date (a serial beyond year 275,760 in a date format: both readers make one) equals another. */
function comparable(read: WorkbookRead, spell = (numFmt: string) => numFmt): WorkbookRead {
  for (const grid of read.grids) {
    for (const row of grid.rows) {
      for (const cell of row) {
        if (cell?.value instanceof Date && Number.isNaN(cell.value.getTime())) cell.value = "Invalid Date";
        if (cell?.numFmt) cell.numFmt = spell(cell.numFmt);
        // A duration (`[h]:mm`) stays a number; exceljs made a 1899 date of it (asserted in excelXml.test.ts).
        if (cell?.value instanceof Date && /\[(h+|m+|s+)]/i.test(cell.numFmt ?? ""))
          cell.value = cell.value.getTime() / 86_400_000 + 25569;
      }
    }
  }
  return read;
}

describe("PhuLuc's reader gives the exceljs reader's Grids", () => {
  it("on every workbook the tests build, within the read limits and past them", async () => {
    for (const { name, bytes, options } of await everyTestWorkbook()) await expectSameRead(bytes, options, name);
  });

  it("refuses the same bad files with the same Vietnamese messages", async () => {
    const good = await bytesOf(valuesWorkbook);
    for (const bytes of [legacyXlsBytes(), truncatedCopy(good)]) {
      const ours = await readWorkbook(bytes, { fileName: "hong.xlsx" }).catch((e: unknown) => e);
      const exceljs = await readWorkbookExceljs(bytes, { fileName: "hong.xlsx" }).catch((e: unknown) => e);
      expect(ours).toMatchObject({ code: expect.any(String), messageVi: expect.stringContaining("“hong.xlsx”") });
      expect(ours).toEqual(exceljs);
    }
  });
});

/** The workbook's parts as text, edited, zipped again: files as other writers (or a hostile hand) make them. */
function edited(bytes: Uint8Array, edit: (parts: Record<string, string>) => void): Uint8Array {
  const raw = unzipSync(bytes);
  const parts = Object.fromEntries(Object.entries(raw).map(([name, data]) => [name, strFromU8(data)]));
  edit(parts);
  return zipSync(Object.fromEntries(Object.entries(parts).map(([name, text]) => [name, strToU8(text)])));
}

describe("files exceljs writes differently from Excel and other writers", () => {
  const plain = () =>
    bytesOf((workbook) => {
      const sheet = workbook.addWorksheet("Trang 1");
      sheet.getCell("A1").value = "Tên";
      sheet.getCell("B1").value = 12.5;
      sheet.getCell("B2").value = { formula: "B1*2", result: 25 };
      sheet.mergeCells("A3:B3");
      sheet.getCell("A3").value = "gộp";
    });

  it("reads the same as exceljs what Excel and other writers write beyond exceljs' own files", async () => {
    const bytes = await bytesOf((workbook) => {
      const sheet = workbook.addWorksheet("T");
      sheet.getCell("A1").value = "x";
      sheet.getCell("B1").value = "y";
    });
    const firstString = (si: string) => (p: Record<string, string>) =>
      (p["xl/sharedStrings.xml"] = p["xl/sharedStrings.xml"].replace(/<si>.*?<\/si>/, si));
    const sheetXml = (from: RegExp, to: string) => (p: Record<string, string>) =>
      (p["xl/worksheets/sheet1.xml"] = p["xl/worksheets/sheet1.xml"].replace(from, to));
    const a1 = /<c r="A1"[^>]*>.*?<\/c>/;
    const edits = [
      firstString('<si><t>漢字</t><rPh sb="0" eb="2"><t>カンジ</t></rPh><phoneticPr fontId="1"/></si>'),
      firstString(
        '<si><r><rPr><b/></rPr><t xml:space="preserve">Tổng </t></r><r><t>cộng</t></r><rPh sb="0" eb="1"><t>x</t></rPh></si>',
      ),
      firstString("<si/>"),
      firstString("<si><t/></si>"),
      firstString("<si><t>a_x000D_b_x005F_x0041_c_x00e9_&#x1F600;&#233;</t></si>"),
      firstString("<si><t>a\r\nb\rc</t></si>"),
      sheetXml(a1, '<c r="A1" t="inlineStr"><is><t>in_x0041_line</t></is></c>'),
      sheetXml(a1, '<c r="A1" t="inlineStr" s="0"><is><r><t>a_x0041_</t></r><r><rPr><b/></rPr><t>b</t></r></is></c>'),
      sheetXml(/<row r="1"[^>]*>/, '<row r="1" spans="1:5" x14ac:dyDescent="0.25" hidden="true">'),
      sheetXml(/(<c r="B1"[^>]*>.*?<\/c>)/, '$1<c r="B1"><v>5</v></c>'),
      sheetXml(/(<c r="B1"[^>]*>.*?<\/c>)/, '$1<c r="B1" s="1"/>'),
      sheetXml(/<sheetData>/, '<sheetData><row r="5"><c r="C5"><v>3</v></c></row>'),
      sheetXml(a1, '<c r="A1" t="b"><v>true</v></c>'),
      sheetXml(a1, '<c r="A1"><v>12abc</v></c>'),
      sheetXml(a1, '<c r="A1" t="str"><f>B1&amp;""</f><v>y</v></c>'),
      sheetXml(a1, '<c r="A1"><f t="array" ref="A1:A1">SUM(B1:B2)</f><v>7</v></c>'),
    ];
    for (const edit of edits) await expectSameRead(edited(bytes, edit));
  });

  it("reads the same with namespace prefixes, comments, CDATA-free whitespace and single quotes", async () => {
    const base = await plain();
    const expected = await readWorkbook(base);
    const prefixed = edited(base, (parts) => {
      const sheet = parts["xl/worksheets/sheet1.xml"]
        .replace(/<(\/?)(?!\?)([A-Za-z]+)([\s>/])/g, "<$1x:$2$3")
        .replace(/<x:worksheet /, '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ')
        .replace(/ r="/g, " r='")
        .replace(/(r='[A-Z]*\d+)"/g, "$1'")
        .replace(/<x:row /g, "<!-- một dòng > -->\n  <x:row ");
      parts["xl/worksheets/sheet1.xml"] = sheet;
    });
    expect(await readWorkbook(prefixed)).toStrictEqual(expected);
  });

  it("reads sheets in workbook.xml's order, the order of Excel's tabs", async () => {
    const bytes = await bytesOf((workbook) => {
      workbook.addWorksheet("Một").getCell("A1").value = 1;
      workbook.addWorksheet("Hai").getCell("A1").value = 2;
    });
    const swapped = edited(bytes, (parts) => {
      const xml = parts["xl/workbook.xml"];
      const sheets = /<sheet [^>]*\/>/g;
      const [one, two] = xml.match(sheets)!;
      parts["xl/workbook.xml"] = xml.replace(one, "\u0000").replace(two, one).replace("\u0000", two);
    });
    expect((await readWorkbook(swapped)).grids.map((g) => g.name)).toEqual(["Hai", "Một"]);
    expect((await readWorkbookExceljs(swapped)).grids.map((g) => g.name)).toEqual(["Hai", "Một"]);
  });

  it('keeps what Excel shows where exceljs lost it: a formula\'s text or TRUE in a date format, a t="d" date', async () => {
    const bytes = await bytesOf((workbook) => {
      const sheet = workbook.addWorksheet("Ngày");
      sheet.getCell("A1").value = { formula: 'IF(B1="","chưa có",B1)', result: "chưa có" };
      sheet.getCell("A2").value = { formula: "B1>0", result: true };
      sheet.getCell("A3").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
      sheet.getCell("A4").value = { formula: "B1+1", result: 45474 };
      for (let r = 1; r <= 4; r++) sheet.getCell(r, 1).numFmt = "dd/mm/yyyy";
      sheet.getCell("B1").value = 45473;
      sheet.getCell("B1").numFmt = "dd/mm/yyyy";
    });
    const withIsoDate = edited(bytes, (parts) => {
      parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace(
        /<c r="B1"( s="\d+")?[^>]*><v>45473<\/v><\/c>/,
        '<c r="B1"$1 t="d"><v>2024-07-01T00:00:00</v></c>',
      );
    });
    const [grid] = (await readWorkbook(withIsoDate)).grids;
    const cells = grid.rows.map((row) => row[0]);
    expect(cells[0]).toMatchObject({ value: "chưa có", formula: 'IF(B1="","chưa có",B1)' });
    expect(cells[1]).toMatchObject({ value: true });
    expect(cells[2]).toMatchObject({ value: null, error: "#DIV/0!" });
    expect(cells[3]).toMatchObject({ value: new Date(Date.UTC(2024, 6, 1)) });
    expect(grid.rows[0][1]).toMatchObject({ value: new Date(Date.UTC(2024, 6, 1)), numFmt: "dd/mm/yyyy" });
    // exceljs: an Invalid Date for the text, the error and TRUE (1899-12-31), the ISO date's year (2024)
    // taken for a serial day number.
    const [oracle] = (await readWorkbookExceljs(withIsoDate)).grids;
    expect(Number.isNaN((oracle.rows[0][0]!.value as Date).getTime())).toBe(true);
    expect(oracle.rows[0][1]!.value).toEqual(new Date(Date.UTC(1905, 6, 16)));
  });

  it("keeps a hyperlinked number, a data table's cached value and text unescaped once, which exceljs lost", async () => {
    const bytes = await bytesOf((workbook) => {
      const sheet = workbook.addWorksheet("Liên kết");
      sheet.getCell("A1").value = { text: "12", hyperlink: "https://example.vn" };
      sheet.getCell("B1").value = { formula: "A1", result: 12 };
      sheet.getCell("B1").value = { text: "B1", hyperlink: "https://example.vn/2" };
      sheet.getCell("C1").value = 1;
      sheet.getCell("D1").value = 1;
    });
    const changed = edited(bytes, (parts) => {
      parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"]
        .replace(/<c r="A1"[^>]*>.*?<\/c>/, '<c r="A1"><v>12</v></c>')
        .replace(/<c r="B1"[^>]*>.*?<\/c>/, '<c r="B1"><f>A1*2</f><v>24</v></c>')
        .replace(
          /<c r="C1"[^>]*>.*?<\/c>/,
          '<c r="C1"><f t="dataTable" ref="C1:C2" dt2D="0" dtr="0" r1="A1"/><v>7</v></c>',
        )
        .replace(/<c r="D1"[^>]*>.*?<\/c>/, '<c r="D1" t="str"><f>"&amp;lt;"</f><v>&amp;lt;</v></c>');
    });
    const [grid] = (await readWorkbook(changed)).grids;
    expect(grid.rows[0]).toEqual([
      { value: 12 },
      { value: 24, formula: "A1*2" },
      { value: 7 },
      { value: "&lt;", formula: '"&lt;"' },
    ]);
    const [oracle] = (await readWorkbookExceljs(changed)).grids;
    expect(oracle.rows[0]).toEqual([{ value: "12" }, { value: "24" }, undefined, { value: "<", formula: '"&lt;"' }]);
  });

  it("reads the sheets Excel shows that exceljs dropped or refused, with their names unescaped once", async () => {
    const bytes = await bytesOf((workbook) => {
      workbook.addWorksheet("Một").getCell("A1").value = 1;
      workbook.addWorksheet("Hai").getCell("A1").value = 2;
    });
    const cases: [(parts: Record<string, string>) => void, string[] | "corrupt"][] = [
      [(p) => (p["xl/workbook.xml"] = p["xl/workbook.xml"].replace('sheetId="1"', 'sheetId="0"')), ["Hai"]],
      [(p) => (p["xl/workbook.xml"] = p["xl/workbook.xml"].replace('sheetId="2"', 'sheetId="1"')), ["Hai"]],
      [
        (p) => {
          p["xl/worksheets/data2.xml"] = p["xl/worksheets/sheet2.xml"];
          delete p["xl/worksheets/sheet2.xml"];
          p["xl/_rels/workbook.xml.rels"] = p["xl/_rels/workbook.xml.rels"].replace("sheet2.xml", "data2.xml");
        },
        ["Một"],
      ],
      [
        (p) => {
          for (const part of ["xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]) {
            p[part] = p[part].replace(/<(\/?)(?![?!])([A-Za-z]+)([\s>/])/g, "<$1x:$2$3");
          }
        },
        "corrupt",
      ],
    ];
    for (const [edit, exceljsSheets] of cases) {
      const changed = edited(bytes, edit);
      expect((await readWorkbook(changed)).grids.map((g) => g.name)).toEqual(["Một", "Hai"]);
      const oracle = await readWorkbookExceljs(changed).then(
        (read) => read.grids.map((g) => g.name),
        (error: { code: string }) => error.code,
      );
      expect(oracle).toEqual(exceljsSheets);
    }
    const named = edited(bytes, (p) => {
      p["xl/workbook.xml"] = p["xl/workbook.xml"].replace('name="Một"', 'name="A&amp;lt;B"');
    });
    expect((await readWorkbook(named)).grids[0].name).toBe("A&lt;B");
    expect((await readWorkbookExceljs(named)).grids[0].name).toBe("A<B");
  });

  it("reads rows and cells written without their r, as the ones after the previous", async () => {
    const bytes = edited(await plain(), (parts) => {
      parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace(/ r="[A-Z]*\d+"/g, "");
    });
    const [grid] = (await readWorkbook(bytes)).grids;
    expect(grid.rows[0][0]).toEqual({ value: "Tên" });
    // Row 2's only cell, B2, written without its r, is the row's first: A2.
    expect(grid.rows[1]).toEqual([{ value: 25, formula: "B1*2" }]);
  });

  it("refuses overlapping merged ranges and undefined entities as damaged, with the Vietnamese message", async () => {
    for (const edit of [
      (xml: string) => xml.replace("</mergeCells>", '<mergeCell ref="B3:B4"/></mergeCells>'),
      (xml: string) => xml.replace("<v>12.5</v>", "<v>12&nbsp;5</v>"),
    ]) {
      const bytes = edited(await plain(), (parts) => {
        parts["xl/worksheets/sheet1.xml"] = edit(parts["xl/worksheets/sheet1.xml"]);
      });
      await expect(readWorkbook(bytes, { fileName: "hong.xlsx" })).rejects.toMatchObject({
        code: "corrupt",
        messageVi: expect.stringContaining("“hong.xlsx” bị hỏng"),
      });
      await expect(readWorkbookExceljs(bytes, { fileName: "hong.xlsx" })).rejects.toMatchObject({ code: "corrupt" });
    }
  });
});

// ---------------------------------------------------------------------------------------------------
// Random workbooks written by exceljs, read by both readers.

const TEXT_CHARS = [..."aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ ạảãáàệểễếềộổỗốồựửữứừỵỷỹýỳ0123456789.,-<>&\"'\n"];
const text = fc
  .array(fc.constantFrom(...TEXT_CHARS), { maxLength: 12 })
  .map((chars) => chars.join(""))
  .chain((t) => fc.constantFrom(t, ` ${t}  `, `_x0041_${t}`, t.normalize("NFD")));
const number = fc.oneof(
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }),
  fc.constantFrom(0, -1.5, 1e-7, 1e20, 0.1 + 0.2, 224591, -0.25),
);
const date = fc.date({
  min: new Date(Date.UTC(1900, 2, 1)),
  max: new Date(Date.UTC(2099, 11, 31)),
  noInvalidDate: true,
});
const DATE_FORMATS = ["dd/mm/yyyy", "mm-dd-yy", "yyyy-mm-dd hh:mm", "[$-42A]d mmmm yyyy", "h:mm:ss"];
const NUMBER_FORMATS = ["0%", "0.00%", "#,##0", "#,##0.00", '#,##0" đ"', "0.0\\%", "[Red]0.00", "@", "General"];
const ERRORS = ["#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!"];

type Value = ExcelJS.CellValue;
const result = fc.oneof(
  number,
  text,
  fc.boolean(),
  fc.constant(0),
  fc.constant(false),
  fc.constant(""),
  fc.constantFrom(...ERRORS).map((error) => ({ error })),
  fc.constant(undefined),
);
const cellSpec = fc.oneof(
  { weight: 4, arbitrary: text.map((v): [Value, string?] => [v]) },
  {
    weight: 4,
    arbitrary: fc
      .tuple(number, fc.option(fc.constantFrom(...NUMBER_FORMATS), { nil: undefined }))
      .map(([v, f]): [Value, string?] => [v, f]),
  },
  { weight: 1, arbitrary: fc.boolean().map((v): [Value, string?] => [v]) },
  { weight: 2, arbitrary: fc.tuple(date, fc.constantFrom(...DATE_FORMATS)).map(([v, f]): [Value, string?] => [v, f]) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(...ERRORS).map((error): [Value, string?] => [{ error } as ExcelJS.CellErrorValue]),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.constantFrom("SUM(A1:B2)", 'IF(A1="","",A1)', "A1*2", "_xlfn.IFS(A1>0,1)", "'Trang 2'!A1&\"<>\""),
        result,
      )
      .chain(([formula, cached]) =>
        // A date format only on a number: on text, TRUE or an error exceljs made an Invalid Date (asserted above).
        fc
          .option(fc.constantFrom(...(typeof cached === "number" ? [...DATE_FORMATS, "0%"] : ["0%", "#,##0"])), {
            nil: undefined,
          })
          .map((f): [Value, string?] => [{ formula, result: cached } as ExcelJS.CellFormulaValue, f]),
      ),
  },
  {
    weight: 1,
    arbitrary: fc
      .array(text, { minLength: 1, maxLength: 3 })
      .map((runs): [Value, string?] => [
        { richText: runs.map((t, i) => ({ text: t, font: i ? { bold: true } : undefined })) },
      ]),
  },
  { weight: 1, arbitrary: text.map((t): [Value, string?] => [{ text: t || "x", hyperlink: "https://example.vn" }]) },
  { weight: 1, arbitrary: fc.constantFrom(...NUMBER_FORMATS).map((f): [Value, string?] => [null, f]) },
);
const sheetSpec = fc.record({
  // One write a cell: a second write without a format would keep the first one's date format on a text or an
  // error, which exceljs reads as an Invalid Date (the case the date-format arbitrary above stays clear of).
  cells: fc.uniqueArray(fc.tuple(fc.integer({ min: 1, max: 25 }), fc.integer({ min: 1, max: 10 }), cellSpec), {
    maxLength: 40,
    selector: ([row, col]) => `${row},${col}`,
  }),
  // Columns A–K: a merge over L, the shared formulas' column, would make exceljs' writer throw.
  merges: fc.array(
    fc.tuple(
      fc.integer({ min: 1, max: 25 }),
      fc.integer({ min: 1, max: 8 }),
      fc.integer({ min: 0, max: 3 }),
      fc.integer({ min: 0, max: 3 }),
    ),
    { maxLength: 4 },
  ),
  hiddenRows: fc.array(fc.integer({ min: 1, max: 27 }), { maxLength: 4 }),
  state: fc.constantFrom("visible", "visible", "hidden", "veryHidden"),
  sharedFormulaRows: fc.integer({ min: 0, max: 4 }),
});
const workbookSpec = fc.record({
  sheets: fc.array(sheetSpec, { minLength: 1, maxLength: 3 }),
  date1904: fc.boolean(),
  limits: fc.option(fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 12 })), { nil: undefined }),
});

type WorkbookSpec = typeof workbookSpec extends fc.Arbitrary<infer T> ? T : never;

async function written(spec: WorkbookSpec): Promise<Uint8Array> {
  return bytesOf((workbook) => {
    if (spec.date1904) workbook.properties.date1904 = true;
    spec.sheets.forEach((s, i) => {
      const sheet = workbook.addWorksheet(i === 1 ? "Trang 2" : `Phụ lục ${i + 1} & <b>`);
      sheet.state = s.state as ExcelJS.WorksheetState;
      for (const [row, col, [value, numFmt]] of s.cells) {
        const cell = sheet.getCell(row, col);
        cell.value = value;
        if (numFmt) cell.numFmt = numFmt;
      }
      if (s.sharedFormulaRows > 0) {
        const results = Array.from({ length: s.sharedFormulaRows }, (_, r) => r * 3);
        sheet.fillFormula(`L1:L${s.sharedFormulaRows}`, "K1+$K$1+K$1*2", results);
      }
      const taken: [number, number, number, number][] = [];
      for (const [top, left, height, width] of s.merges) {
        const m: [number, number, number, number] = [top, left, top + height, left + width];
        if (height + width === 0) continue;
        if (taken.some(([t, l, b, r]) => m[0] <= b && m[2] >= t && m[1] <= r && m[3] >= l)) continue;
        taken.push(m);
        sheet.mergeCells(m[0], m[1], m[2], m[3]);
      }
      for (const r of s.hiddenRows) sheet.getRow(r).hidden = true;
    });
  });
}

describe("random workbooks exceljs writes read the same through both readers", () => {
  it("deep-equal Grids and notes, within and past random limits", async () => {
    await fc.assert(
      fc.asyncProperty(workbookSpec, async (spec) => {
        const bytes = await written(spec);
        const options = spec.limits ? { maxRows: spec.limits[0], maxColumns: spec.limits[1] } : {};
        await expectSameRead(bytes, options);
      }),
      { numRuns: 150 },
    );
  });
});

// Random workbooks SheetJS writes (strings inline as t="str" or shared, its own styles.xml), read by both.

const sheetjsCell = fc.oneof(
  text.map((v): XLSX.CellObject => ({ t: "s", v })),
  fc
    .tuple(number, fc.option(fc.constantFrom(...NUMBER_FORMATS, ...DATE_FORMATS), { nil: undefined }))
    .map(([v, z]): XLSX.CellObject => ({ t: "n", v, ...(z ? { z } : {}) })),
  fc.boolean().map((v): XLSX.CellObject => ({ t: "b", v })),
  fc.constantFrom(0x07, 0x2a, 0x17).map((v): XLSX.CellObject => ({ t: "e", v })),
  fc.tuple(fc.constantFrom("A1*2", "SUM(A1:B2)"), number).map(([f, v]): XLSX.CellObject => ({ t: "n", f, v })),
  fc.tuple(fc.constantFrom('IF(A1="","",A1)'), text).map(([f, v]): XLSX.CellObject => ({ t: "s", f, v })),
);

describe("random workbooks SheetJS writes read the same through both readers", () => {
  it("deep-equal Grids and notes", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 8 }), sheetjsCell), {
          minLength: 1,
          maxLength: 40,
        }),
        fc.boolean(),
        async (cells, bookSST) => {
          const sheet: XLSX.WorkSheet = {};
          let bottom = 0;
          let right = 0;
          for (const [r, c, cell] of cells) {
            sheet[XLSX.utils.encode_cell({ r, c })] = cell;
            bottom = Math.max(bottom, r);
            right = Math.max(right, c);
          }
          sheet["!ref"] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: bottom, c: right } });
          const workbook = XLSX.utils.book_new();
          XLSX.utils.book_append_sheet(workbook, sheet, "Trang & <1>");
          const bytes = new Uint8Array(XLSX.write(workbook, { type: "buffer", bookType: "xlsx", bookSST }));
          await expectSameRead(bytes);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe("a shared formula's cells get the master's formula moved as exceljs moves it, quoted text aside", () => {
  // exceljs' own slideFormula, the oracle (a deep path without type declarations).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exceljs = require("exceljs/lib/utils/shared-formula") as {
    slideFormula: (formula: string, from: string, to: string) => string;
  };
  const piece = fc.constantFrom(
    "A1",
    "$A$1",
    "A$1",
    "$A1",
    "b7",
    "XFE3",
    "ABCD12",
    "Sheet1!C4",
    "SUM(",
    "IF(",
    ")",
    ",",
    "+",
    "*",
    "_xlfn.IFS(",
    "LOG10(",
    "R1C1",
    "A1:B20",
    "$C$3:D$9",
    " ",
    "+1.5",
    "Tên_1",
  );
  // Offsets keep the cell on the sheet (master C5). Quoted text, which exceljs moves too, is left to
  // slideFormula.test.ts and the sharedLookalikes fixture (test/excelXml.test.ts).
  it("for any formula and offset", () => {
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join("")),
        fc.integer({ min: -4, max: 40 }),
        fc.integer({ min: -2, max: 30 }),
        (formula, rows, cols) => {
          const expected = (() => {
            try {
              return exceljs.slideFormula(formula, "C5", a1(4 + rows, 2 + cols));
            } catch {
              return "throws";
            }
          })();
          const actual = slideFormula(formula, rows, cols);
          // A reference moved off the sheet: Excel shows #REF!; exceljs throws, or writes row 0 or below.
          if (expected === "throws" || /[A-Z]\$?(0|-\d+)(?!\d)/.test(expected)) expect(actual).toContain("#REF!");
          else expect(actual).toBe(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("damaged XML never reaches the user as a stack trace", () => {
  it("reads a mangled sheet, strings or workbook part, or refuses it with the Vietnamese message", async () => {
    const bytes = await bytesOf(edgeCasesWorkbook);
    const parts = ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/workbook.xml", "xl/styles.xml"];
    const damage = fc.record({
      part: fc.constantFrom(...parts),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      cut: fc.integer({ min: 0, max: 40 }),
      insert: fc.constantFrom("", "<", ">", '"', "'", "&", "&#x;", "<!--", "]]>", "<c>", "</row>", "<v>", "\u0000"),
    });
    await fc.assert(
      fc.asyncProperty(damage, async ({ part, at, cut, insert }) => {
        const changed = edited(bytes, (p) => {
          const text = p[part];
          const i = Math.floor(at * text.length);
          p[part] = text.slice(0, i) + insert + text.slice(i + cut);
        });
        const outcome = await readWorkbook(changed, { fileName: "hong.xlsx" }).catch((error: unknown) => error);
        if (outcome instanceof PhuLucError) expect(outcome.code).toMatch(/^(corrupt|no-sheets)$/);
        else expect((outcome as WorkbookRead).grids.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});
