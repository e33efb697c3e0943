import ExcelJS from "exceljs";
import { consolidatedWorkbookBuffer } from "../../../test/helpers/consolidatedWorkbook";
import { readWorkbook } from "../../adapters/xlsx/readWorkbook";
import { parseSettings } from "../../engine/settings";
import { exportActions } from "./exportActions";

describe("exportActions", () => {
  it("checks the consolidated sheets, then delivers the file that was checked under its standard name", async () => {
    const buffer = await consolidatedWorkbookBuffer();
    let reads = 0;
    const delivered: { bytes: Uint8Array; fileName: string }[] = [];
    const actions = exportActions(
      {
        readGrids: async () => {
          reads++;
          return (await readWorkbook(buffer)).grids;
        },
        deliver: async (bytes, fileName) => void delivered.push({ bytes, fileName }),
      },
      () => new Date(2024, 9, 1),
    );
    const settings = parseSettings({ kyBaoCao: "9T-2024" });

    const errors = await actions.onCheck(settings);
    expect(errors.map((f) => `${f.sheet}!${f.cell} ${f.rule}`)).toEqual(["Phụ lục II!D19 total-mismatch"]);

    expect(await actions.onExport(settings)).toBe("STTTT_PhuLuc-I-II_9T-2024_20241001.xlsx");
    expect(reads).toBe(1);
    expect(delivered).toHaveLength(1);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(delivered[0].bytes.buffer as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Phụ lục I", "Phụ lục II"]);
  });

  it("reads the sheets again when the settings changed since the check (the units may differ)", async () => {
    const buffer = await consolidatedWorkbookBuffer();
    let reads = 0;
    const actions = exportActions({
      readGrids: async () => {
        reads++;
        return (await readWorkbook(buffer)).grids;
      },
      deliver: async () => {},
    });
    await actions.onCheck(parseSettings({}));
    await actions.onExport(parseSettings({ kyBaoCao: "Q3-2024" }));
    expect(reads).toBe(2);
  });
});
