import {
  displayedFill,
  fakeContext,
  fakeSheetFromRows,
  NO_FILL,
  reopen,
  type FakeFill,
  type FakeWorkbookFile,
} from "../../../test/fakes/fakeExcel";
import { MARK_COLORS, markCells, queueMarkCount, unmarkCells } from "./marks";

const THEME_TINTED: FakeFill = { color: "#4472C4", pattern: "Solid", patternColor: null, tintAndShade: 0.6 };
const GREY_PATTERN: FakeFill = { color: "#D9D9D9", pattern: "Gray50", patternColor: "#7F7F7F" };
const USER_RULE_GREEN = "#C6EFCE";

/**
 * Phụ lục II's total row: D15 without fill, C15 a theme colour lightened 60 %, B15 a patterned fill, and the whole
 * of column D under the user's own conditional format (green); another sheet with a coloured cell.
 */
function file(): FakeWorkbookFile {
  const sheet = fakeSheetFromRows("Phụ lục II", []);
  sheet.cells["D15"] = { value: 224591 };
  sheet.cells["C15"] = { value: "Tổng cộng", fill: { ...THEME_TINTED } };
  sheet.cells["B15"] = { value: "x", fill: { ...GREY_PATTERN } };
  sheet.conditionalFormats = [
    {
      id: "{user}",
      formula: "=TRUE",
      fill: USER_RULE_GREEN,
      stopIfTrue: false,
      areas: [{ top: 0, bottom: 99, left: 3, right: 3 }],
    },
  ];
  const other = fakeSheetFromRows("Phụ lục I", []);
  other.cells["C5"] = { value: "100%", fill: { color: "#00B0F0", pattern: "Solid", patternColor: null } };
  return { sheets: [sheet, other], activeSheet: "Phụ lục II", settings: {} };
}

const shown = (f: FakeWorkbookFile, sheet: string, address: string) =>
  displayedFill(
    f.sheets.find((s) => s.name === sheet)!,
    address,
  );
const own = (f: FakeWorkbookFile, sheet: string, address: string) =>
  f.sheets.find((s) => s.name === sheet)!.cells[address]?.fill ?? NO_FILL;

const FINDINGS = [
  { sheet: "Phụ lục II", cell: "D15", severity: "error" as const },
  { sheet: "Phụ lục II", cell: "C15", severity: "warning" as const },
  { sheet: "Phụ lục II", cell: "B15", severity: "warning" as const },
  { sheet: "Phụ lục I", cell: "C5", severity: "warning" as const },
];

describe("markCells / unmarkCells", () => {
  it("excel #7: marks show above the user's conditional formats, and unmark gives back tint, pattern and no fill exactly", async () => {
    const f = file();
    const before = JSON.parse(JSON.stringify(f.sheets.map((s) => s.cells)));
    const { context, fake } = fakeContext(f);
    expect(await markCells(context, FINDINGS)).toBe(4);
    expect(fake.syncCount).toBe(2);
    expect(shown(f, "Phụ lục II", "D15").color).toBe(MARK_COLORS.error);
    expect(shown(f, "Phụ lục II", "C15").color).toBe(MARK_COLORS.warning);
    expect(shown(f, "Phụ lục I", "C5").color).toBe(MARK_COLORS.warning);
    // The cells' own fills were never touched.
    expect(f.sheets.map((s) => s.cells)).toEqual(before);

    const again = fakeContext(f);
    expect(await unmarkCells(again.context)).toBe(4);
    expect(again.fake.syncCount).toBe(3);
    expect(shown(f, "Phụ lục II", "D15").color).toBe(USER_RULE_GREEN);
    expect(shown(f, "Phụ lục II", "C15")).toEqual(THEME_TINTED);
    expect(shown(f, "Phụ lục II", "B15")).toEqual(GREY_PATTERN);
    expect(shown(f, "Phụ lục I", "C5").color).toBe("#00B0F0");
    expect(f.sheets[0].conditionalFormats!.map((c) => c.id)).toEqual(["{user}"]);
  });

  it("excel #6: a mark follows its cell when rows are inserted above it and the sheet is renamed", async () => {
    const f = file();
    await markCells(fakeContext(f).context, FINDINGS.slice(0, 2));
    const insert = fakeContext(f);
    insert.context.workbook.worksheets.getItem("Phụ lục II").getRange("3:5").insert("Down");
    await insert.context.sync();
    f.sheets[0].name = "PL II (sửa)";
    f.activeSheet = "PL II (sửa)";
    expect(shown(f, "PL II (sửa)", "D18").color).toBe(MARK_COLORS.error);
    expect(shown(f, "PL II (sửa)", "C18").color).toBe(MARK_COLORS.warning);
    const { context } = fakeContext(f);
    const count = queueMarkCount(context);
    await context.sync();
    expect(await count()).toBe(2);
    expect(await unmarkCells(fakeContext(f).context, "PL II (sửa)")).toBe(2);
    expect(shown(f, "PL II (sửa)", "C18")).toEqual(THEME_TINTED);
    expect(own(f, "PL II (sửa)", "C18")).toEqual(THEME_TINTED);
  });

  it("still unmarks after the workbook is saved and reopened; one sheet at a time", async () => {
    const f = file();
    await markCells(fakeContext(f).context, FINDINGS);
    const reopened = reopen(f);
    const context = reopened as unknown as Excel.RequestContext;
    expect(await unmarkCells(context, "Phụ lục II")).toBe(3);
    expect(shown(reopened.file, "Phụ lục II", "C15")).toEqual(THEME_TINTED);
    expect(shown(reopened.file, "Phụ lục I", "C5").color).toBe(MARK_COLORS.warning);
  });

  it("marking again follows the findings: an error outranks a warning, a fixed cell loses its mark", async () => {
    const f = file();
    await markCells(fakeContext(f).context, [FINDINGS[1]]);
    await markCells(fakeContext(f).context, [FINDINGS[1], { ...FINDINGS[1], severity: "error" }, FINDINGS[0]]);
    expect(shown(f, "Phụ lục II", "C15").color).toBe(MARK_COLORS.error);
    expect(await markCells(fakeContext(f).context, [FINDINGS[0]], ["Phụ lục II"])).toBe(1);
    expect(shown(f, "Phụ lục II", "C15")).toEqual(THEME_TINTED);
    expect(await markCells(fakeContext(f).context, [], ["Phụ lục II"])).toBe(0);
    expect(shown(f, "Phụ lục II", "D15").color).toBe(USER_RULE_GREEN);
  });

  it("excel #10: the ribbon's unmark-all during a pane's mark loses no original fill (nothing kept in settings)", async () => {
    const f = file();
    const before = JSON.parse(JSON.stringify(f.sheets.map((s) => s.cells)));
    await markCells(fakeContext(f).context, FINDINGS);
    // The pane marks again while the ribbon unmarks everything: their syncs interleave.
    await Promise.all([
      markCells(fakeContext(f).context, FINDINGS.slice(0, 2), ["Phụ lục II"]),
      unmarkCells(fakeContext(f).context),
    ]);
    expect(f.settings).toEqual({});
    expect(f.sheets.map((s) => s.cells)).toEqual(before);
    await unmarkCells(fakeContext(f).context);
    expect(shown(f, "Phụ lục II", "D15").color).toBe(USER_RULE_GREEN);
    expect(shown(f, "Phụ lục II", "C15")).toEqual(THEME_TINTED);
    expect(shown(f, "Phụ lục I", "C5").color).toBe("#00B0F0");
  });

  it("skips a sheet deleted since, without failing", async () => {
    const f = file();
    await markCells(fakeContext(f).context, FINDINGS);
    f.sheets = f.sheets.filter((s) => s.name !== "Phụ lục I");
    expect(await unmarkCells(fakeContext(f).context)).toBe(3);
  });
});
