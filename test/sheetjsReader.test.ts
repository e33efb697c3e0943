/**
 * The SheetJS reader the bench measures (bench/lib/sheetjsReader.ts) against PhuLuc's reader
 * (readWorkbook, itself held to the exceljs reader by ooxmlReader.test.ts): deep-equal Grids and notes on
 * every workbook the tests and the bench build (helpers/everyTestWorkbook.ts), so that the bench compares two
 * readers that read the same (issue 15 §7), and any reader change that alters a Grid shows.
 */
import { readWorkbook, type ReadOptions } from "../src/adapters/xlsx/readWorkbook";
import { readWorkbookSheetjs } from "../bench/lib/sheetjsReader";
import { legacyXlsBytes, truncatedCopy } from "./helpers/badFiles";
import { everyTestWorkbook } from "./helpers/everyTestWorkbook";
import { bytesOf, valuesWorkbook } from "./helpers/readerWorkbooks";

/** `name` shows in a failure's diff: which of the many workbooks read differently. */
async function expectSameRead(bytes: Uint8Array, options: ReadOptions = {}, name = ""): Promise<void> {
  const ours = await readWorkbook(bytes, options);
  const sheetjs = await readWorkbookSheetjs(bytes, options);
  // toStrictEqual: holes stay holes, and no key is present on one side only (even as undefined).
  expect({ name, read: sheetjs }).toStrictEqual({ name, read: ours });
}

describe("the SheetJS reader gives PhuLuc's reader's Grids", () => {
  it("on every workbook the tests build, within the read limits and past them", async () => {
    for (const { name, bytes, options } of await everyTestWorkbook()) await expectSameRead(bytes, options, name);
  });

  it("refuses the same bad files with the same Vietnamese messages (the checks come before either parser)", async () => {
    const good = await bytesOf(valuesWorkbook);
    for (const bytes of [legacyXlsBytes(), truncatedCopy(good)]) {
      const exceljs = await readWorkbook(bytes, { fileName: "hong.xlsx" }).catch((e: unknown) => e);
      const sheetjs = await readWorkbookSheetjs(bytes, { fileName: "hong.xlsx" }).catch((e: unknown) => e);
      expect(sheetjs).toMatchObject({ code: expect.any(String), messageVi: expect.stringContaining("“hong.xlsx”") });
      expect(sheetjs).toEqual(exceljs);
    }
  });
});
