/**
 * The SheetJS reader the bench measures (bench/lib/sheetjsReader.ts) against PhuLuc's reader
 * (readWorkbook, itself held to the exceljs reader by ooxmlReader.test.ts): deep-equal Grids and notes on every workbook the tests and the bench build, so that the bench
 * compares two readers that read the same (issue 15 §7), and any reader change that alters a Grid shows.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { mergeWorkbook } from "../src/engine/merge";
import { templateSheets, unitInputs } from "../src/engine/merge/inputs";
import { readWorkbook, type ReadOptions } from "../src/adapters/xlsx/readWorkbook";
import { readWorkbookSheetjs } from "../bench/lib/sheetjsReader";
import { writeConsolidated } from "../src/adapters/xlsx/writeConsolidated";
import { CORPUS } from "./corpus/cases";
import { workbookBytes } from "./corpus/build";
import { EXAMPLE_WORKBOOKS, seedReportSheets } from "./fixtures/examples";
import { budgetBySection, budgetSheet, blankForm, filledPhuLucI } from "./fixtures/mergeCases";
import { seedWorkbookBuffer, type SeedSheet } from "./fixtures/seedGrids";
import { SEED_PHU_LUC_I, SEED_PHU_LUC_II } from "./fixtures/seedTables";
import { legacyXlsBytes, truncatedCopy } from "./helpers/badFiles";
import { consolidatedWorkbookBuffer } from "./helpers/consolidatedWorkbook";
import {
  bytesOf,
  edgeCasesWorkbook,
  emptyTextResultWorkbook,
  valuesWorkbook,
  wideWorkbook,
} from "./helpers/readerWorkbooks";
import { chiTieuGrid, kinhPhiGrid } from "../bench/lib/synthetic";

const examplesDir = join(__dirname, "..", "examples");

async function expectSameRead(bytes: Uint8Array, options: ReadOptions = {}): Promise<void> {
  const exceljs = await readWorkbook(bytes, options);
  const sheetjs = await readWorkbookSheetjs(bytes, options);
  // toStrictEqual: holes stay holes, and no key is present on one side only (even as undefined).
  expect(sheetjs).toStrictEqual(exceljs);
}

describe("the SheetJS reader gives the exceljs reader's Grids", () => {
  it("on every kind of value, formula, merge and hidden row or sheet", async () => {
    await expectSameRead(await bytesOf(valuesWorkbook));
    await expectSameRead(await bytesOf(edgeCasesWorkbook));
    await expectSameRead(await bytesOf(emptyTextResultWorkbook));
  });

  it("within the row and column limits, and past them", async () => {
    const wide = await bytesOf(wideWorkbook);
    await expectSameRead(wide, { maxRows: 20, maxColumns: 10 });
    await expectSameRead(wide);
    const edges = await bytesOf(edgeCasesWorkbook);
    await expectSameRead(edges, { maxRows: 14, maxColumns: 11 });
    await expectSameRead(edges, { maxRows: 13, maxColumns: 9 });
  });

  it("on the seed tables, as numbers and as text, with the layouts the recogniser tests use", async () => {
    await expectSameRead(await seedWorkbookBuffer(seedReportSheets("number")));
    await expectSameRead(await seedWorkbookBuffer(seedReportSheets("text")));
    const layouts: SeedSheet[] = [
      {
        seed: SEED_PHU_LUC_I,
        options: { startRow: 2, group: { text: "Kết quả", from: 2, to: 3 }, hiddenRows: [1, 4] },
      },
      {
        seed: SEED_PHU_LUC_II,
        options: { columnNumbers: "parens", sttAsNumbers: true, footer: ["Nơi nhận:", "GIÁM ĐỐC"] },
      },
      { seed: SEED_PHU_LUC_I, options: { noTitle: true, nfdHeaders: true, columnNumbers: "letters" } },
    ];
    await expectSameRead(await seedWorkbookBuffer(layouts));
  });

  it("on the corpus's workbooks", async () => {
    for (const corpusCase of CORPUS) await expectSameRead(await workbookBytes(corpusCase));
  });

  it("on examples/ and the fixtures that write them", async () => {
    const files = readdirSync(examplesDir).filter((f) => f.endsWith(".xlsx"));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) await expectSameRead(new Uint8Array(readFileSync(join(examplesDir, file))));
    for (const example of EXAMPLE_WORKBOOKS) await expectSameRead(await seedWorkbookBuffer(example.sheets));
  });

  it("on workbooks the merge wrote (exceljs patching a template, log sheet, hidden helper sheet)", async () => {
    await expectSameRead(await consolidatedWorkbookBuffer());
    const filled = filledPhuLucI();
    const template = await seedWorkbookBuffer([{ seed: blankForm(filled), options: { sheetName: "Phụ lục I" } }]);
    const unit = await seedWorkbookBuffer([{ seed: filled, options: { sheetName: "Phụ lục I" } }]);
    const result = mergeWorkbook(
      templateSheets((await readWorkbook(template)).grids),
      unitInputs("CNTT-BCVT.xlsx", (await readWorkbook(unit)).grids).inputs,
    );
    await expectSameRead(await writeConsolidated(template, result));

    const { template: budget, parts } = budgetBySection(SEED_PHU_LUC_II);
    const budgetResult = mergeWorkbook(
      [budgetSheet(budget, { sheetName: "Phụ lục II" })],
      parts.map((part, i) => ({ unitId: `U${i}`, file: `u${i}.xlsx`, table: budgetSheet(part).table })),
    );
    const budgetTemplate = await seedWorkbookBuffer([{ seed: budget, options: { sheetName: "Phụ lục II" } }]);
    await expectSameRead(await writeConsolidated(budgetTemplate, budgetResult));
  });

  it("on the bench's synthetic sheets", async () => {
    await expectSameRead(await seedWorkbookBuffer([{ grid: kinhPhiGrid(600) }, { grid: chiTieuGrid(600) }]));
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
