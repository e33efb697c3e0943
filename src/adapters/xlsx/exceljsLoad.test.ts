import { strFromU8, unzipSync } from "fflate";
import { mergeWorkbook } from "../../engine/merge";
import { recogniseTable } from "../../engine/recognise";
import { emptyReviewStore } from "../../engine/review";
import {
  MAIN_NS,
  plainWorksheet,
  sharedStrings,
  textItem,
  XML_DECLARATION,
  xlsxFromParts,
} from "../../../test/helpers/xlsxFromParts";
import { feedbackWorkbook } from "./feedbackWorkbook";
import { styleSheet } from "./ooxml/styles";
import { readWorkbook } from "./readWorkbook";
import { workbookWithReviewStore } from "./reviewStoreFile";
import { writeConsolidated } from "./writeConsolidated";

/** Escaped custom codes: percent points, hectares (exceljs took their escaped `h` for hours), a quoted label, accounting in đồng. */
const CODES: Record<number, string> = {
  164: "0\\%",
  165: "#,##0.00\\ \\h\\a",
  166: '"Tổng: "#,##0',
  167: '_-* #,##0\\ _₫_-;\\-* #,##0\\ _₫_-;_-* "-"??\\ _₫_-;_-@_-',
};
/** cellXfs' numFmtIds: General, `0%` (built-in 9: what `0\%` strips to, in the same file), the custom codes. */
const XF_NUMFMTS = [0, 9, 164, 165, 166, 167];

const attr = (text: string) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

const STYLES =
  XML_DECLARATION +
  `<styleSheet xmlns="${MAIN_NS}"><numFmts count="4">` +
  Object.entries(CODES)
    .map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${attr(code)}"/>`)
    .join("") +
  `</numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="${XF_NUMFMTS.length}">` +
  XF_NUMFMTS.map(
    (id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"${id ? ' applyNumberFormat="1"' : ""}/>`,
  ).join("") +
  `</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

const n = (ref: string, value: number, style = 0) => `<c r="${ref}"${style ? ` s="${style}"` : ""}><v>${value}</v></c>`;
const t = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is>${textItem(text)}</is></c>`;

const workbook = (rows: string) =>
  xlsxFromParts(
    {
      "xl/worksheets/sheet1.xml": plainWorksheet(rows),
      "xl/sharedStrings.xml": sharedStrings([textItem("Chỉ tiêu")]),
      "xl/styles.xml": STYLES,
    },
    ["Phụ lục I"],
  );

/** Two rows of figures, each format on two cells (cells of one xf share exceljs' style object). */
const template = () =>
  workbook(
    `<row r="1"><c r="A1" t="s"><v>0</v></c>${n("B1", 0.8, 1)}${n("C1", 84, 2)}${n("D1", 12.34, 3)}` +
      `${n("E1", 1234, 4)}${n("F1", -5000, 5)}</row>` +
      `<row r="2">${n("B2", 0.75, 1)}${n("C2", 100, 2)}${n("D2", 3, 3)}${n("E2", 7, 4)}${n("F2", 0, 5)}</row>`,
  );

/** A Phụ lục I: targets as shares (`0%`), results as percent points (`0\%`); its units send the same sheet. */
const phuLucI = () =>
  workbook(
    `<row r="1">${t("A1", "PHỤ LỤC I")}</row><row r="2">` +
      ["STT", "Chỉ tiêu", "Kế hoạch 2024", "Thực hiện 2024", "Tỷ lệ (%) so với KH", "Đơn vị chủ trì"]
        .map((header, i) => t(`${"ABCDEF"[i]}2`, header))
        .join("") +
      `</row><row r="3">${t("A3", "I")}${t("B3", "Lĩnh vực Bưu chính, Viễn thông")}</row>` +
      `<row r="4">${n("A4", 1)}${t("B4", "Tỷ lệ hộ xem được Đài truyền hình VN")}${n("C4", 1, 1)}${n("D4", 100, 2)}` +
      `${n("E4", 100)}${t("F4", "TTBCXB")}</row>` +
      `<row r="5">${n("A5", 2)}${t("B5", "Tỷ lệ hộ gia đình có đường internet cáp quang băng rộng")}${n("C5", 0.8, 1)}` +
      `${n("D5", 84, 2)}${n("E5", 105)}${t("F5", "CNTT-BCVT")}</row>`,
  );

/** Each cell's number format code as styles.xml writes it (a built-in as its id) and its value as written, by reference. */
function writtenCells(bytes: Uint8Array): Record<string, { numFmt: string; value: string }> {
  const files = unzipSync(bytes);
  const { numFmts, xfs } = styleSheet(strFromU8(files["xl/styles.xml"]));
  const cells: Record<string, { numFmt: string; value: string }> = {};
  const sheet = strFromU8(files["xl/worksheets/sheet1.xml"]);
  for (const [, ref, s, value] of sheet.matchAll(/<c r="([A-Z]+\d+)" s="(\d+)"[^>]*><v>([^<]*)<\/v>/g)) {
    const id = xfs[Number(s)];
    cells[ref] = { numFmt: numFmts.get(id) ?? `built-in ${id}`, value };
  }
  return cells;
}

async function readFormats(bytes: Uint8Array): Promise<(string | undefined)[][]> {
  const [grid] = (await readWorkbook(bytes)).grids;
  return grid.rows.map((row) => row.map((cell) => cell?.numFmt));
}

const buffer = (bytes: Uint8Array) => bytes.slice().buffer;

describe("a workbook PhuLuc writes into keeps its number formats as written (patched, or loaded by exceljs for feedback)", () => {
  const input = template();

  it.each([
    ["writeConsolidated, from the bytes", () => writeConsolidated(input, mergeWorkbook([], []))],
    ["the review store's copy", () => workbookWithReviewStore(buffer(input), emptyReviewStore())],
    ["a unit's feedback", async () => (await feedbackWorkbook(buffer(input), "DV01.xlsx")).bytes],
  ])("%s", async (_, write) => {
    const output = await write();
    const numFmts = [...styleSheet(strFromU8(unzipSync(output)["xl/styles.xml"])).numFmts.values()];
    expect(numFmts).toEqual(expect.arrayContaining(Object.values(CODES)));
    expect(writtenCells(output)).toEqual(writtenCells(input));
    expect(writtenCells(output)).toMatchObject({
      B1: { numFmt: "built-in 9" },
      C1: { numFmt: "0\\%" },
      C2: { numFmt: "0\\%" },
      D1: { numFmt: CODES[165], value: "12.34" },
    });
    expect(await readFormats(output)).toEqual(await readFormats(input));
  });

  it("writeConsolidated keeps the template's code on a cell the merge fills with a unit's figure in that format", async () => {
    const bytes = phuLucI();
    const sheet = async () => {
      const [grid] = (await readWorkbook(bytes)).grids;
      return { grid, table: recogniseTable(grid).table! };
    };
    const units = ["TTBCXB", "CNTT-BCVT"].map(async (unitId) => ({
      unitId,
      file: `${unitId}.xlsx`,
      ...(await sheet()),
    }));
    const result = mergeWorkbook([await sheet()], await Promise.all(units));
    // The merge writes each unit's figure with its code as the reader gives it: as written.
    expect(result.sheets[0].patch.writes).toContainEqual({ row: 4, col: 3, value: 84, numFmt: "0\\%" });

    const output = await writeConsolidated(bytes, result);
    expect(writtenCells(output)).toMatchObject({
      C5: { numFmt: "built-in 9" },
      D4: { numFmt: "0\\%" },
      D5: { numFmt: "0\\%" },
    });
  });
});
