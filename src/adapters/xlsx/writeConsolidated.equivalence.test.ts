/**
 * The consolidated sheets PhuLuc writes by patching the template's XML read back as the same Grids as the same
 * merge applied through exceljs (test/helpers/exceljsConsolidated.ts, how PhuLuc wrote them before): values,
 * formulas moved by row insertion, number formats, merged ranges, hidden rows. Templates as units send them:
 * a kinh-phi table growing above Tổng cộng with a signature block below, a dịch vụ công table with Toàn tỉnh
 * formulas and a filled-down formula, and a two-sheet workbook whose Phụ lục I takes three units' results.
 */
import ExcelJS from "exceljs";
import { mergeWorkbook, type MergeResult } from "../../engine/merge";
import { templateSheets, unitInputs } from "../../engine/merge/inputs";
import { addGridSheet, seedLayout, seedWorkbookBuffer } from "../../../test/fixtures/seedGrids";
import {
  blankForm,
  budgetBySection,
  filledPhuLucI,
  unitCopy,
  UNITS_OF_PHU_LUC_I,
} from "../../../test/fixtures/mergeCases";
import { SEED_PHU_LUC_II } from "../../../test/fixtures/seedTables";
import { exceljsConsolidated } from "../../../test/helpers/exceljsConsolidated";
import { SERVICES_HEADER, servicesWorkbook } from "../../../test/fixtures/servicesTemplate";
import { readWorkbook } from "./readWorkbook";
import { writeConsolidated } from "./writeConsolidated";

interface Case {
  template: Uint8Array;
  units: { file: string; bytes: Uint8Array }[];
}

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function budgetCase(): Promise<Case> {
  const { template, parts } = budgetBySection(SEED_PHU_LUC_II);
  const { grid } = seedLayout(template, { sheetName: "Phụ lục II", footer: ["Nơi nhận:", "GIÁM ĐỐC"] });
  grid.merges.push({ top: grid.rows.length - 1, left: 1, bottom: grid.rows.length - 1, right: 3 });
  const book = new ExcelJS.Workbook();
  addGridSheet(book, grid);
  const units = await Promise.all(
    parts.map(async (part, i) => ({
      file: `U${i}.xlsx`,
      bytes: await seedWorkbookBuffer([{ seed: part, options: { sheetName: "Phụ lục II" } }]),
    })),
  );
  return { template: await bytesOf(book), units };
}

async function servicesCase(): Promise<Case> {
  const book = servicesWorkbook();
  const sheet = book.getWorksheet("Dịch vụ công")!;
  sheet.getRow(4).height = 30;
  sheet.getCell("B4").numFmt = "#,##0";
  sheet.mergeCells("A9:D9");
  const unit = async (row: (string | number)[]) => {
    const own = new ExcelJS.Workbook();
    own
      .addWorksheet("Dịch vụ công")
      .addRows([["PHỤ LỤC III"], [`Báo cáo của ${row[0]}`], SERVICES_HEADER.slice(0, 4), row]);
    return { file: `${row[0]}.xlsx`, bytes: await bytesOf(own) };
  };
  return {
    template: await bytesOf(book),
    units: [
      await unit(["Xã An 1", 100, 40, 60]),
      await unit(["Xã Tân 4", 80, 30, 50]),
      await unit(["Xã Lợi 5", 7, 3, 4]),
    ],
  };
}

async function phuLucICase(): Promise<Case> {
  const filled = filledPhuLucI();
  const budget = budgetBySection(SEED_PHU_LUC_II);
  const template = await seedWorkbookBuffer([
    { seed: blankForm(filled), options: { sheetName: "Phụ lục I" } },
    { seed: budget.template, options: { sheetName: "Phụ lục II" } },
  ]);
  const units = await Promise.all(
    UNITS_OF_PHU_LUC_I.map(async (unit, i) => ({
      file: `${unit}.xlsx`,
      bytes: await seedWorkbookBuffer([
        { seed: unitCopy(filled, unit), options: { sheetName: "Phụ lục I" } },
        { seed: budget.parts[i], options: { sheetName: "Phụ lục II" } },
      ]),
    })),
  );
  return { template, units };
}

async function merged({ template, units }: Case): Promise<MergeResult> {
  const inputs = [];
  for (const { file, bytes } of units) inputs.push(...unitInputs(file, (await readWorkbook(bytes)).grids).inputs);
  return mergeWorkbook(templateSheets((await readWorkbook(template)).grids), inputs);
}

describe("writeConsolidated writes the consolidated sheets exceljs wrote from the same merge", () => {
  it.each([
    ["kinh-phi: items inserted above Tổng cộng, signature block and its merge moved", budgetCase],
    ["dịch vụ công: new xã above Toàn tỉnh, its formulas and a filled-down formula moved", servicesCase],
    ["Phụ lục I and II of one workbook, three units", phuLucICase],
  ])("%s", async (_, build) => {
    const testCase = await build();
    const result = await merged(testCase);
    expect(result.sheets.flatMap((s) => s.patch.writes).length).toBeGreaterThan(0);
    const ours = (await readWorkbook(await writeConsolidated(testCase.template, result))).grids;
    const theirs = (await readWorkbook(await exceljsConsolidated(testCase.template, result))).grids;
    for (const { sheet } of result.sheets) {
      expect(ours.find((g) => g.name === sheet)).toEqual(theirs.find((g) => g.name === sheet));
    }
  });
});
