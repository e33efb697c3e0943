import { fakeContext, fakeSheetFromRows, NO_FILL, reopen, type FakeWorkbookFile } from "../../../test/fakes/fakeExcel";
import { countMarks, MARK_COLORS, MARKS_SETTING, markCells, unmarkCells } from "./marks";

const YELLOW_SOLID = { color: "#FFFF00", pattern: "Solid", patternColor: null };
const GREY_PATTERN = { color: "#D9D9D9", pattern: "Gray50", patternColor: "#7F7F7F" };

/** Phụ lục II's total row: D15 without fill, C15 yellow, B15 a patterned fill; another sheet with a coloured cell. */
function file(): FakeWorkbookFile {
  const sheet = fakeSheetFromRows("Phụ lục II", []);
  sheet.cells["D15"] = { value: 224591 };
  sheet.cells["C15"] = { value: "Tổng cộng", fill: { ...YELLOW_SOLID } };
  sheet.cells["B15"] = { value: "", fill: { ...GREY_PATTERN } };
  const other = fakeSheetFromRows("Phụ lục I", []);
  other.cells["C5"] = { value: "100%", fill: { color: "#00B0F0", pattern: "Solid", patternColor: null } };
  return { sheets: [sheet, other], activeSheet: "Phụ lục II", settings: {} };
}

const fillOf = (f: FakeWorkbookFile, sheet: string, address: string) =>
  f.sheets.find((s) => s.name === sheet)!.cells[address]?.fill ?? NO_FILL;

const FINDINGS = [
  { sheet: "Phụ lục II", cell: "D15", severity: "error" as const },
  { sheet: "Phụ lục II", cell: "C15", severity: "warning" as const },
  { sheet: "Phụ lục II", cell: "B15", severity: "warning" as const },
  { sheet: "Phụ lục I", cell: "C5", severity: "warning" as const },
];

describe("markCells / unmarkCells", () => {
  it("colours the cells in two syncs and restores exactly the fills they had, including no fill", async () => {
    const f = file();
    const { context, fake } = fakeContext(f);
    expect(await markCells(context, FINDINGS)).toBe(4);
    expect(fake.syncCount).toBe(2);
    expect(fillOf(f, "Phụ lục II", "D15").color).toBe(MARK_COLORS.error);
    expect(fillOf(f, "Phụ lục II", "C15").color).toBe(MARK_COLORS.warning);

    const { context: again } = fakeContext(f);
    expect(await unmarkCells(again)).toBe(4);
    expect(fillOf(f, "Phụ lục II", "D15")).toEqual(NO_FILL);
    expect(fillOf(f, "Phụ lục II", "C15")).toEqual(YELLOW_SOLID);
    expect(fillOf(f, "Phụ lục II", "B15")).toEqual(GREY_PATTERN);
    expect(fillOf(f, "Phụ lục I", "C5").color).toBe("#00B0F0");
    expect(f.settings[MARKS_SETTING]).toBeUndefined();
  });

  it("still restores after the workbook is saved and reopened (the saved fills travel in the file)", async () => {
    const f = file();
    await markCells(fakeContext(f).context, FINDINGS);
    const reopened = reopen(f);
    const context = reopened as unknown as Excel.RequestContext;
    expect(await countMarks(context, "Phụ lục II")).toBe(3);
    await unmarkCells(context, "Phụ lục II");
    expect(fillOf(reopened.file, "Phụ lục II", "D15")).toEqual(NO_FILL);
    expect(fillOf(reopened.file, "Phụ lục II", "C15")).toEqual(YELLOW_SOLID);
    // Only the chosen sheet was unmarked; the other keeps its mark and its saved original.
    expect(fillOf(reopened.file, "Phụ lục I", "C5").color).toBe(MARK_COLORS.warning);
    expect(await countMarks(context)).toBe(1);
  });

  it("marking twice keeps the first original fill, and an error outranks a warning on the same cell", async () => {
    const f = file();
    await markCells(fakeContext(f).context, [FINDINGS[1]]);
    await markCells(fakeContext(f).context, [FINDINGS[1], { ...FINDINGS[1], severity: "error" }]);
    expect(fillOf(f, "Phụ lục II", "C15").color).toBe(MARK_COLORS.error);
    await unmarkCells(fakeContext(f).context);
    expect(fillOf(f, "Phụ lục II", "C15")).toEqual(YELLOW_SOLID);
  });

  it("leaves alone a cell the user recoloured after marking", async () => {
    const f = file();
    await markCells(fakeContext(f).context, [FINDINGS[0]]);
    f.sheets[0].cells["D15"].fill = { color: "#92D050", pattern: "Solid", patternColor: null };
    expect(await unmarkCells(fakeContext(f).context)).toBe(0);
    expect(fillOf(f, "Phụ lục II", "D15").color).toBe("#92D050");
  });

  it("skips marks of a sheet deleted since, without failing", async () => {
    const f = file();
    await markCells(fakeContext(f).context, FINDINGS);
    f.sheets = f.sheets.filter((s) => s.name !== "Phụ lục I");
    expect(await unmarkCells(fakeContext(f).context)).toBe(3);
  });
});
