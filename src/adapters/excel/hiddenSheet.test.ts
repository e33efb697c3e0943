import { fakeContext, reopen, type FakeWorkbookFile } from "../../../test/fakes/fakeExcel";
import { readHiddenSheet, writeVeryHiddenSheet } from "./hiddenSheet";

const file = (): FakeWorkbookFile => ({
  sheets: [{ name: "Phụ lục I", cells: { A1: { value: "STT" } }, merges: [], hiddenRows: [] }],
  activeSheet: "Phụ lục I",
  settings: {},
});

const ROWS = [
  ["layout", "kind", "sheet", "text", "errors"],
  [1, "explanation", "Phụ lục I", "=Số liệu theo báo cáo quý", null],
  [1, "status", null, "2024-10-01T08:00:00.000Z", 3],
];

describe("a very hidden sheet of PhuLuc's records (Office.js, through the fake)", () => {
  it("a workbook without one reads as none, in one sync", async () => {
    const { context, fake } = fakeContext(file());
    expect(await readHiddenSheet(context, "PhuLuc")).toBeUndefined();
    expect(fake.syncCount).toBe(1);
  });

  it("writes the rows very hidden, text kept as text, and reads them back after reopening", async () => {
    const workbook = file();
    const { context, fake } = fakeContext(workbook);
    await writeVeryHiddenSheet(context, "PhuLuc", ROWS);
    expect(fake.syncCount).toBe(2);
    const sheet = workbook.sheets.find((s) => s.name === "PhuLuc")!;
    expect(sheet.visibility).toBe("VeryHidden");
    // A text starting with "=" would become a formula without the "@" format (Range.values).
    expect(sheet.cells["D2"]).toEqual({ value: "=Số liệu theo báo cáo quý", numberFormat: "@" });
    expect(workbook.sheets[0].cells).toEqual({ A1: { value: "STT" } });

    const again = reopen(workbook);
    const grid = await readHiddenSheet(again as unknown as Excel.RequestContext, "PhuLuc");
    expect(again.syncCount).toBe(2);
    expect(grid!.rows.map((row) => row.map((cell) => cell?.value))).toEqual([
      ["layout", "kind", "sheet", "text", "errors"],
      [1, "explanation", "Phụ lục I", "=Số liệu theo báo cáo quý", undefined],
      [1, "status", undefined, "2024-10-01T08:00:00.000Z", 3],
    ]);
  });

  it("writing again replaces the old records instead of leaving rows of them behind", async () => {
    const workbook = file();
    await writeVeryHiddenSheet(fakeContext(workbook).context, "PhuLuc", ROWS);
    await writeVeryHiddenSheet(fakeContext(workbook).context, "PhuLuc", ROWS.slice(0, 2));
    const grid = await readHiddenSheet(fakeContext(workbook).context, "PhuLuc");
    expect(grid!.rows).toHaveLength(2);
    expect(workbook.sheets.filter((s) => s.name === "PhuLuc")).toHaveLength(1);
  });
});
