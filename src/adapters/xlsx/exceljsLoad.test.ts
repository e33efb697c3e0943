import { strFromU8, unzipSync } from "fflate";
import { mergeWorkbook } from "../../engine/merge";
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
import { loadWorkbook } from "./loadWorkbook";
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

const n = (ref: string, value: number, style: number) => `<c r="${ref}" s="${style}"><v>${value}</v></c>`;

/** Two rows of figures, each format on two cells (cells of one xf share exceljs' style object). */
const template = () =>
  xlsxFromParts(
    {
      "xl/worksheets/sheet1.xml": plainWorksheet(
        `<row r="1"><c r="A1" t="s"><v>0</v></c>${n("B1", 0.8, 1)}${n("C1", 84, 2)}${n("D1", 12.34, 3)}` +
          `${n("E1", 1234, 4)}${n("F1", -5000, 5)}</row>` +
          `<row r="2">${n("B2", 0.75, 1)}${n("C2", 100, 2)}${n("D2", 3, 3)}${n("E2", 7, 4)}${n("F2", 0, 5)}</row>`,
      ),
      "xl/sharedStrings.xml": sharedStrings([textItem("Chỉ tiêu")]),
      "xl/styles.xml": STYLES,
    },
    ["Phụ lục I"],
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

describe("a workbook exceljs loads to write into keeps its number formats as written", () => {
  const input = template();

  it.each([
    ["writeConsolidated, from the bytes", () => writeConsolidated(input, mergeWorkbook([], []))],
    [
      "writeConsolidated, into loadWorkbook's workbook",
      async () => writeConsolidated((await loadWorkbook(input)).workbook, mergeWorkbook([], [])),
    ],
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
});
