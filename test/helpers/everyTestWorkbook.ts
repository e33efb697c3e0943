/**
 * Every workbook the tests build, each with the read limits to try it under: the reader workbooks
 * (values, edge cases, empty text results, a wide sheet within and past the limits), the seed tables
 * (as numbers, as text, in the recogniser's layouts), the corpus, examples/ and the fixtures that write
 * them, workbooks the merge wrote, and the bench's synthetic sheets. The reader equivalence tests
 * (ooxmlReader, sheetjsReader) hold two readers to the same Grids on all of them.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readWorkbook, type ReadOptions } from "../../src/adapters/xlsx/readWorkbook";
import { writeConsolidated } from "../../src/adapters/xlsx/writeConsolidated";
import { mergeWorkbook } from "../../src/engine/merge";
import { templateSheets, unitInputs } from "../../src/engine/merge/inputs";
import { chiTieuGrid, kinhPhiGrid } from "../../bench/lib/synthetic";
import { workbookBytes } from "../corpus/build";
import { CORPUS } from "../corpus/cases";
import { EXAMPLE_WORKBOOKS, seedReportSheets } from "../fixtures/examples";
import { blankForm, budgetBySection, budgetSheet, filledPhuLucI } from "../fixtures/mergeCases";
import { seedWorkbookBuffer, type SeedSheet } from "../fixtures/seedGrids";
import { SEED_PHU_LUC_I, SEED_PHU_LUC_II } from "../fixtures/seedTables";
import { consolidatedWorkbookBuffer } from "./consolidatedWorkbook";
import { bytesOf, edgeCasesWorkbook, emptyTextResultWorkbook, valuesWorkbook, wideWorkbook } from "./readerWorkbooks";

export interface TestWorkbook {
  name: string;
  bytes: Uint8Array;
  options?: ReadOptions;
}

const examplesDir = join(__dirname, "..", "..", "examples");

/** The seed tables in the layouts the recogniser's tests use (titles, groups, hidden rows, footers). */
const SEED_LAYOUTS: SeedSheet[] = [
  { seed: SEED_PHU_LUC_I, options: { startRow: 2, group: { text: "Kết quả", from: 2, to: 3 }, hiddenRows: [1, 4] } },
  {
    seed: SEED_PHU_LUC_II,
    options: { columnNumbers: "parens", sttAsNumbers: true, footer: ["Nơi nhận:", "GIÁM ĐỐC"] },
  },
  { seed: SEED_PHU_LUC_I, options: { noTitle: true, nfdHeaders: true, columnNumbers: "letters" } },
];

export async function everyTestWorkbook(): Promise<TestWorkbook[]> {
  const wide = await bytesOf(wideWorkbook);
  const edges = await bytesOf(edgeCasesWorkbook);
  const examples = readdirSync(examplesDir).filter((f) => f.endsWith(".xlsx"));
  if (examples.length === 0) throw new Error("examples/ holds no .xlsx: run the fixtures that write them");
  return [
    { name: "values", bytes: await bytesOf(valuesWorkbook) },
    { name: "empty text results", bytes: await bytesOf(emptyTextResultWorkbook) },
    { name: "wide", bytes: wide },
    { name: "wide, 20 × 10", bytes: wide, options: { maxRows: 20, maxColumns: 10 } },
    { name: "edge cases", bytes: edges },
    ...[
      [14, 11],
      [13, 9],
      [12, 1],
      [1, 1],
    ].map(([maxRows, maxColumns]) => ({
      name: `edge cases, ${maxRows} × ${maxColumns}`,
      bytes: edges,
      options: { maxRows, maxColumns },
    })),
    { name: "seed tables as numbers", bytes: await seedWorkbookBuffer(seedReportSheets("number")) },
    { name: "seed tables as text", bytes: await seedWorkbookBuffer(seedReportSheets("text")) },
    { name: "seed tables in the recogniser's layouts", bytes: await seedWorkbookBuffer(SEED_LAYOUTS) },
    ...(await Promise.all(
      CORPUS.map(async (corpusCase, i) => ({ name: `corpus case ${i + 1}`, bytes: await workbookBytes(corpusCase) })),
    )),
    ...examples.map((file) => ({
      name: `examples/${file}`,
      bytes: new Uint8Array(readFileSync(join(examplesDir, file))),
    })),
    ...(await Promise.all(
      EXAMPLE_WORKBOOKS.map(async (example, i) => ({
        name: `example workbook ${i + 1}`,
        bytes: await seedWorkbookBuffer(example.sheets),
      })),
    )),
    ...(await mergeOutputs()),
    {
      name: "bench's synthetic kinh-phi and chi-tieu",
      bytes: await seedWorkbookBuffer([{ grid: kinhPhiGrid(600) }, { grid: chiTieuGrid(600) }]),
    },
  ];
}

/** Workbooks the merge wrote: exceljs patching a template, the log sheet, the hidden helper sheet. */
async function mergeOutputs(): Promise<TestWorkbook[]> {
  const filled = filledPhuLucI();
  const template = await seedWorkbookBuffer([{ seed: blankForm(filled), options: { sheetName: "Phụ lục I" } }]);
  const unit = await seedWorkbookBuffer([{ seed: filled, options: { sheetName: "Phụ lục I" } }]);
  const result = mergeWorkbook(
    templateSheets((await readWorkbook(template)).grids),
    unitInputs("CNTT-BCVT.xlsx", (await readWorkbook(unit)).grids).inputs,
  );
  const { template: budget, parts } = budgetBySection(SEED_PHU_LUC_II);
  const budgetResult = mergeWorkbook(
    [budgetSheet(budget, { sheetName: "Phụ lục II" })],
    parts.map((part, i) => ({ unitId: `U${i}`, file: `u${i}.xlsx`, table: budgetSheet(part).table })),
  );
  const budgetTemplate = await seedWorkbookBuffer([{ seed: budget, options: { sheetName: "Phụ lục II" } }]);
  return [
    { name: "a consolidated workbook", bytes: await consolidatedWorkbookBuffer() },
    { name: "Phụ lục I merged", bytes: await writeConsolidated(template, result) },
    { name: "Phụ lục II merged by section", bytes: await writeConsolidated(budgetTemplate, budgetResult) },
  ];
}
