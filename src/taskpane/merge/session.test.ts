import ExcelJS from "exceljs";
import { gridFromValues } from "../../engine/grid";
import { LOG_SHEET_NAME, logSheetRows } from "../../engine/merge/logSheet";
import { seedLayout, seedWorkbookBuffer } from "../../../test/fixtures/seedGrids";
import {
  COL,
  blankForm,
  budgetMergeCase,
  filledPhuLucI,
  rowIndexOf,
  unitCopy,
  withCell,
} from "../../../test/fixtures/mergeCases";
import type { FileProgress, FilePayload } from "./protocol";
import { MergeSession } from "./session";

const filled = filledPhuLucI();
const internet = rowIndexOf(filled, "Tỷ lệ hộ gia đình có đường internet");
const sheet = { sheetName: "Phụ lục I" };

async function file(name: string, seed: typeof filled, sheetName = "Phụ lục I"): Promise<FilePayload> {
  const bytes = await seedWorkbookBuffer([{ seed, options: { sheetName } }]);
  return { name, bytes: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer };
}

describe("MergeSession (the worker's work)", () => {
  it("reports progress per file, lists an unreadable file as not merged, merges the rest, settles and writes", async () => {
    const template = await file("TONG-HOP.xlsx", blankForm(filled));
    const units = [
      await file("CNTT-BCVT.xlsx", unitCopy(filled, "CNTT-BCVT")),
      await file("TTBCXB.xlsx", withCell(unitCopy(filled, "TTBCXB"), internet, COL.actual, "85%")),
      { name: "hong.xlsx", bytes: new TextEncoder().encode("không phải xlsx").buffer as ArrayBuffer },
    ];
    const progress: FileProgress[] = [];
    const session = new MergeSession();
    const outcome = await session.merge({ template, units, unitSheets: [], options: {} }, (p) => progress.push(p));

    expect(progress.filter((p) => p.file === "CNTT-BCVT.xlsx").map((p) => p.stage)).toEqual([
      "waiting",
      "reading",
      "recognising",
      "done",
    ]);
    expect(progress.find((p) => p.file === "hong.xlsx" && p.stage === "failed")?.message).toContain("hong.xlsx");
    // Progress in both languages: the failed file's reason and the template's sheets.
    const failed = progress.find((p) => p.file === "hong.xlsx" && p.stage === "failed")!;
    expect(failed.messageEn).toContain("hong.xlsx");
    expect(failed.messageEn).not.toBe(failed.message);
    expect(outcome.notMerged[0].reasonEn).toBe(failed.messageEn);
    expect(progress.find((p) => p.stage === "done" && p.messageEn?.startsWith("Template: "))).toBeTruthy();
    expect(outcome.notMerged.map((n) => n.file)).toEqual(["hong.xlsx"]);
    expect(outcome.workbookSheets).toEqual(["Phụ lục I"]);
    expect(outcome.result.conflicts).toHaveLength(1);
    expect(outcome.result.completeness.missingUnits).toEqual(["THANH-TRA"]);
    // The same accounting as the CLI's: every unit value by fate, the unreadable file among the not merged.
    expect(outcome.summary).toMatchObject({ conflicts: 1, missingUnits: ["THANH-TRA"], notMerged: outcome.notMerged });
    expect(outcome.summary.values.conflict).toBe(1);
    expect(Object.values(outcome.summary.values).reduce((a, b) => a + b, 0)).toBe(outcome.result.values.length);

    const settled = session.remerge({ resolutions: { [outcome.result.conflicts[0].id]: "TTBCXB" } });
    expect(settled.result.conflicts[0].resolved).toBe(true);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await session.write()) as unknown as ArrayBuffer);
    const { layout } = seedLayout(blankForm(filled), sheet);
    expect(workbook.getWorksheet("Phụ lục I")!.getCell(layout.firstDataRow + internet + 1, COL.actual + 1).value).toBe(
      0.85,
    );
    const log = workbook.getWorksheet(LOG_SHEET_NAME)!;
    expect(log.getColumn(1).values).toContain("hong.xlsx");
  });

  it("takes sheets of the template workbook chosen as a unit's report as unit inputs, not as template", async () => {
    const bytes = await seedWorkbookBuffer([
      { seed: blankForm(filled), options: sheet },
      { seed: unitCopy(filled, "THANH-TRA"), options: { sheetName: "Thanh tra" } },
    ]);
    const template = {
      name: "Sổ đang mở",
      bytes: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    };
    const outcome = await new MergeSession().merge(
      { template, units: [], unitSheets: ["Thanh tra"], options: {} },
      () => {},
    );
    expect(outcome.result.sheets.map((s) => s.sheet)).toEqual(["Phụ lục I"]);
    expect(outcome.result.units).toEqual([{ file: "Thanh tra", unit: "THANH-TRA", from: "file-name" }]);
    expect(outcome.result.completeness.sentUnits).toEqual(["THANH-TRA"]);
  });

  it("merging again into a workbook with the log of an earlier Áp dụng fills the Phụ lục only, never the log", async () => {
    // A kinh-phi log reads like a kinh-phi table (Chỉ tiêu, Đơn vị, Giá trị…): it is PhuLuc's, not a template sheet.
    const { template, parts, result } = budgetMergeCase();
    const bytes = await seedWorkbookBuffer([
      { grid: template.grid },
      { grid: gridFromValues(LOG_SHEET_NAME, logSheetRows(result.log)) },
    ]);
    const again = await new MergeSession().merge(
      {
        template: {
          name: "Sổ đang mở",
          bytes: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
        },
        units: [await file("u0.xlsx", parts[0], "Phụ lục II")],
        unitSheets: [],
        options: {},
      },
      () => {},
    );
    expect(again.result.sheets.map((s) => s.sheet)).toEqual(["Phụ lục II"]);
  });

  it("says so when the template has no Phụ lục sheet", async () => {
    const template = await file("trong.xlsx", { title: [], header: ["A", "B"], rows: [["1", "2"]] });
    await expect(
      new MergeSession().merge({ template, units: [], unitSheets: [], options: {} }, () => {}),
    ).rejects.toThrow("không có trang tính nào theo mẫu Phụ lục");
  });
});
