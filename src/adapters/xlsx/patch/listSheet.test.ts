import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { sharedStrings, textItem } from "../../../../test/helpers/xlsxFromParts";
import { parseStrict } from "../../../../test/helpers/xmlCheck";
import type { Cell } from "../../../engine/grid";
import { readWorkbook } from "../readWorkbook";
import { listSheetXml, type ListSheetOptions } from "./listSheet";
import { StylePatch } from "./styles";

const SHEET = "xl/worksheets/sheet1.xml";

/** Shared strings as a list needs them: each text once, by first use. */
class Strings {
  readonly texts: string[] = [];
  private readonly index = new Map<string, number>();

  ref(text: string): number {
    let at = this.index.get(text);
    if (at === undefined) this.index.set(text, (at = this.texts.push(text) - 1));
    return at;
  }
}

type Rows = (string | number | null)[][];

/**
 * An exceljs workbook ("Nhật ký tổng hợp" holding one old text, "Data" a number) whose first sheet is
 * replaced by the list, its shared strings by the list's, its styles by the patched ones.
 */
async function withListSheet(rows: Rows, options: Omit<ListSheetOptions, "strings" | "styles"> = {}) {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Nhật ký tổng hợp").getCell("A1").value = "cũ";
  workbook.addWorksheet("Data").getCell("B2").value = 7;
  const files = unzipSync(new Uint8Array(await workbook.xlsx.writeBuffer()));
  const strings = new Strings();
  const styles = new StylePatch(strFromU8(files["xl/styles.xml"]));
  const xml = listSheetXml(rows, { strings, styles, ...options });
  files[SHEET] = strToU8(xml);
  files["xl/sharedStrings.xml"] = strToU8(sharedStrings(strings.texts.map(textItem)));
  files["xl/styles.xml"] = strToU8(styles.toXml());
  return { bytes: zipSync(files), xml, styles, strings };
}

async function exceljsSheet(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets[0];
}

const ROWS: Rows = [
  ["Tệp", "Trang tính", "Ô", 2025],
  ["DV01.xlsx", "Phụ lục I", "D5", 95.5],
  ["=SUM(A1:A3)", "0123456789012345678", "01/02/2025", null],
  [" <đầu> & “cuối” ", null, "Dòng 1\nDòng 2", -0.25],
  [],
  ["DV01.xlsx"],
];

/** The grid PhuLuc's reader should give for ROWS: texts (formatted "@" when `text`), numbers, gaps. */
function expectedGrid(text: boolean): (Cell | undefined)[][] {
  return ROWS.map((row) =>
    row.map((value) => {
      if (value === null) return undefined;
      return typeof value === "string" && text ? { value, numFmt: "@" } : { value };
    }),
  );
}

describe("listSheetXml", () => {
  it("writes a header row bold and frozen, widths, texts as '@' and numbers as values, read back by PhuLuc and exceljs", async () => {
    const { bytes, styles, strings } = await withListSheet(ROWS, { header: true, widths: [28, 12], textFormat: true });
    expect(styles.changed).toBe(true);
    // "DV01.xlsx" written twice, one string.
    expect(strings.texts).toHaveLength(11);

    const [grid, data] = (await readWorkbook(bytes)).grids;
    expect(grid.name).toBe("Nhật ký tổng hợp");
    expect(grid.rows).toEqual(expectedGrid(true));
    expect(data.rows[1][1]).toEqual({ value: 7 });

    const sheet = await exceljsSheet(bytes);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1, topLeftCell: "A2" });
    expect([1, 2, 3].map((col) => sheet.getColumn(col).width)).toEqual([28, 12, undefined]);
    expect(["A1", "D1", "A2", "D2"].map((ref) => sheet.getCell(ref).font?.bold)).toEqual([
      true,
      true,
      undefined,
      undefined,
    ]);
    expect(["A1", "A2", "C3", "D2", "D4"].map((ref) => sheet.getCell(ref).numFmt)).toEqual([
      "@",
      "@",
      "@",
      undefined,
      undefined,
    ]);
    expect(["A3", "B3", "A4", "D4", "B4", "A6"].map((ref) => sheet.getCell(ref).value)).toEqual([
      "=SUM(A1:A3)",
      "0123456789012345678",
      " <đầu> & “cuối” ",
      -0.25,
      null,
      "DV01.xlsx",
    ]);
  });

  it("without options: plain cells, no pane, no <cols>, and no new format in the styles", async () => {
    const { bytes, xml, styles } = await withListSheet(ROWS);
    expect(styles.changed).toBe(false);
    expect(xml).not.toMatch(/ s="|<pane|<cols/);
    expect((await readWorkbook(bytes)).grids[0].rows).toEqual(expectedGrid(false));
    const sheet = await exceljsSheet(bytes);
    expect(sheet.views[0]?.state).not.toBe("frozen");
    expect(sheet.getCell("A1").font?.bold).toBeUndefined();
  });

  it("puts its elements in CT_Worksheet's order and spans <dimension> over the cells written", () => {
    const styles = new StylePatch(undefined);
    const xml = listSheetXml(ROWS, { strings: new Strings(), styles, header: true, widths: [10] });
    const top = parseStrict(xml).filter((element) => element.depth === 1);
    expect(top.map((element) => element.name)).toEqual([
      "dimension",
      "sheetViews",
      "sheetFormatPr",
      "cols",
      "sheetData",
      "pageMargins",
    ]);
    expect(top[0].attributes.ref).toBe("A1:D6");
    // Row 5 has no cell: no <row> either.
    expect(xml).not.toContain('<row r="5"');
    expect(listSheetXml([], { strings: new Strings(), styles })).toContain('<dimension ref="A1"/><sheetViews>');
  });

  it("writes the merge log's 12,000 rows × 8 texts, each text one shared string", async () => {
    const rows = Array.from({ length: 12_000 }, (_, r) =>
      Array.from({ length: 8 }, (_, c) => (c === 7 ? "Đã tổng hợp" : `DV${r % 40} ô ${r}-${c}`)),
    );
    const strings = new Strings();
    const started = performance.now();
    const xml = listSheetXml([["Tệp", "", "", "", "", "", "", "Trạng thái"], ...rows], {
      strings,
      styles: new StylePatch(undefined),
      header: true,
      textFormat: true,
    });
    // A guard against work per cell growing with the sheet, not a benchmark (~50 ms alone).
    expect(performance.now() - started).toBeLessThan(2000);
    expect(xml).toContain('<dimension ref="A1:H12001"/>');
    expect(xml.match(/<row /g)).toHaveLength(12_001);
    expect(strings.texts).toHaveLength(12_000 * 7 + 4);
  });

  it("refuses a number Excel cannot hold rather than write a broken cell", () => {
    const options = { strings: new Strings(), styles: new StylePatch(undefined) };
    expect(() => listSheetXml([[1, Number.NaN]], options)).toThrow(/B1/);
  });
});
