/** The fake Excel itself: each documented behaviour the adapters are judged against. */
/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load, office-addins/load-object-before-read --
   these tests read unloaded properties on purpose, and the rules do not follow a context held in a variable. */
import {
  displayedFill,
  FakeContext,
  fakeSheetFromRows,
  isLocked,
  NO_FILL,
  userEdit,
  WEB,
  DESKTOP,
  type FakeChangeEvent,
  type FakeWorkbookFile,
} from "./fakeExcel";

function file(): FakeWorkbookFile {
  return {
    sheets: [
      fakeSheetFromRows("PL", [
        ["STT", "Nội dung", "Kinh phí"],
        [1, "Mục 1", 100],
        [2, "Mục 2", 200],
        [null, "Tổng cộng", { formula: "=SUM(C2:C3)" }],
      ]),
    ],
    activeSheet: "PL",
    settings: {},
  };
}

const ctx = (f: FakeWorkbookFile, profile = DESKTOP) => new FakeContext(f, profile) as unknown as Excel.RequestContext;
const cell = (f: FakeWorkbookFile, address: string) => f.sheets[0].cells[address];

describe("the fake Excel", () => {
  it("turns text starting with =, + or - into a formula unless the cell is text-formatted", async () => {
    const f = file();
    const context = ctx(f);
    const sheet = context.workbook.worksheets.getItem("PL");
    sheet.getRange("B5:D5").values = [["- Tuyên truyền", "-", "+84"]];
    sheet.getRange("B6").numberFormat = [["@"]];
    sheet.getRange("B6").values = [["- Tuyên truyền"]];
    await context.sync();
    expect(cell(f, "B5")).toMatchObject({ formula: "=- Tuyên truyền", error: "#NAME?" });
    expect(cell(f, "C5")).toMatchObject({ formula: "=-", error: "#NAME?" });
    expect(cell(f, "D5")).toMatchObject({ formula: "=+84", value: 84 });
    expect(cell(f, "B6")).toMatchObject({ value: "- Tuyên truyền", numberFormat: "@" });
    expect(cell(f, "B6").formula).toBeUndefined();
  });

  it("recalculates SUM, and grows its range when rows are inserted inside it", async () => {
    const f = file();
    const context = ctx(f);
    const sheet = context.workbook.worksheets.getItem("PL");
    sheet.getRange("3:3").insert("Down");
    sheet.getRange("C3").values = [[50]];
    await context.sync();
    expect(cell(f, "C5")).toMatchObject({ formula: "=SUM(C2:C4)", value: 350 });
    expect(cell(f, "B4").value).toBe("Mục 2");
  });

  it("keeps the commands queued before a failing one applied (no rollback)", async () => {
    const f = file();
    const context = ctx(f);
    const sheet = context.workbook.worksheets.getItem("PL");
    sheet.getRange("3:4").insert("Down");
    context.workbook.worksheets.getItem("Không có").getRange("A1").values = [[1]];
    sheet.getRange("A1").values = [["never written"]];
    await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    expect(cell(f, "B5").value).toBe("Mục 2");
    expect(cell(f, "A1").value).toBe("STT");
  });

  it("throws when a property is read before it was loaded and synced", async () => {
    const context = ctx(file());
    const range = context.workbook.worksheets.getItem("PL").getRange("A1");
    expect(() => range.values).toThrow(/PropertyNotLoaded/);
    range.load("values");
    expect(() => range.values).toThrow(/PropertyNotLoaded/);
    await context.sync();
    expect(range.values).toEqual([["STT"]]);
    expect(() => range.numberFormat).toThrow(/PropertyNotLoaded/);
  });

  it("refuses a response over 5 MB on the web, and the same read on the desktop", async () => {
    const f = file();
    for (let r = 0; r < 60_000; r++) f.sheets[0].cells[`E${r + 1}`] = { value: `Một dòng ghi chú khá dài số ${r}` };
    const web = ctx(f, WEB);
    const big = web.workbook.worksheets.getItem("PL").getRange("A1:F60000");
    big.load(["values", "formulas"]);
    await expect(web.sync()).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    const desktop = ctx(f, DESKTOP);
    const same = desktop.workbook.worksheets.getItem("PL").getRange("A1:F60000");
    same.load(["values", "formulas"]);
    await desktop.sync();
    expect(same.values).toHaveLength(60_000);
  });

  it("refuses a request over 5 MB on the web", async () => {
    const web = ctx(file(), WEB);
    const rows = Array.from({ length: 100_000 }, (_, i) => [`Nhật ký dòng ${i} với một ghi chú dài dòng cho đủ cỡ`, i]);
    web.workbook.worksheets.getItem("PL").getRange("A1:B100000").values = rows;
    await expect(web.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
  });

  it("fails getMergedAreasOrNullObject over more than 512 merged areas", async () => {
    const f = file();
    f.sheets[0].merges = Array.from({ length: 513 }, (_, i) => ({ top: i, bottom: i, left: 6, right: 7 }));
    const context = ctx(f);
    const areas = context.workbook.worksheets.getItem("PL").getRange("A1:H600").getMergedAreasOrNullObject();
    areas.load("address");
    await expect(context.sync()).rejects.toThrow(/512/);
    f.sheets[0].merges.pop();
    const again = ctx(f);
    const fine = again.workbook.worksheets.getItem("PL").getRange("A1:H600").getMergedAreasOrNullObject();
    fine.load("address");
    await again.sync();
    expect(fine.address.split(", ")).toHaveLength(512);
  });

  it("shares settings between two runtimes of the same document (pane and ribbon)", async () => {
    const f = file();
    const pane = ctx(f);
    const ribbon = ctx(f);
    pane.workbook.settings.add("k", "pane");
    await pane.sync();
    const seen = ribbon.workbook.settings.getItemOrNullObject("k");
    seen.load("value");
    await ribbon.sync();
    expect(seen.value).toBe("pane");
  });

  it.each([
    [14, ["ThisLocalAddin", "Unknown"]],
    [13, [undefined, undefined]],
  ])("sends change events with triggerSource from ExcelApi 1.14 only (ExcelApi 1.%i)", async (api, expected) => {
    {
      const f = file();
      const context = ctx(f, { platform: "desktop", api });
      const seen: FakeChangeEvent[] = [];
      context.workbook.worksheets.onChanged.add(async (e) => void seen.push(e as unknown as FakeChangeEvent));
      await context.sync();
      context.workbook.worksheets.getItem("PL").getRange("C2").values = [[150]];
      await context.sync();
      userEdit(f, "PL", "C3", { value: 250 }, { platform: "desktop", api });
      expect(seen.map((e) => e.triggerSource)).toEqual(expected);
      expect(seen.every((e) => "triggerSource" in e === api >= 14)).toBe(true);
      expect(cell(f, "C4").value).toBe(400);
    }
  });

  it("draws a conditional format over the cell's own fill, which stays as it was; rows inserted move it", async () => {
    const f = file();
    const tinted = { color: "#4472C4", pattern: "Solid", patternColor: null, tintAndShade: 0.6 };
    f.sheets[0].cells["C3"].fill = { ...tinted };
    const context = ctx(f);
    const sheet = context.workbook.worksheets.getItem("PL");
    const cf = sheet.getRanges("C3").conditionalFormats.add("Custom");
    cf.custom.rule.formula = '=ISTEXT("x")';
    cf.custom.format.fill.color = "#ffc7ce";
    await context.sync();
    expect(displayedFill(f.sheets[0], "C3").color).toBe("#FFC7CE");
    const insert = ctx(f);
    insert.workbook.worksheets.getItem("PL").getRange("2:3").insert("Down");
    await insert.sync();
    expect(displayedFill(f.sheets[0], "C5").color).toBe("#FFC7CE");
    expect(displayedFill(f.sheets[0], "C3")).toEqual(NO_FILL);
    const list = ctx(f);
    const formats = list.workbook.worksheets.getItem("PL").getRange().conditionalFormats;
    formats.load("items/id, items/customOrNullObject/rule/formula");
    await list.sync();
    formats.items[0].delete();
    await list.sync();
    expect(displayedFill(f.sheets[0], "C5")).toEqual(tinted);
  });
});

describe("the fake Excel's sheet protection", () => {
  const sheetOf = (context: ReturnType<typeof ctx>) => context.workbook.worksheets.getItem("PL");

  it("protects: locked cells refuse values and formulas (AccessDenied), unlocked ones take them", async () => {
    const f = file();
    const context = ctx(f);
    const sheet = sheetOf(context);
    sheet.getRange().format.protection.locked = false;
    sheet.getRange("C2").format.protection.locked = true;
    sheet.protection.protect({ allowFormatCells: true });
    await context.sync();
    expect(isLocked(f.sheets[0], "C2")).toBe(true);
    expect(isLocked(f.sheets[0], "C3")).toBe(false);

    const write = ctx(f);
    sheetOf(write).getRange("C3").values = [[250]];
    await write.sync();
    expect(cell(f, "C3").value).toBe(250);
    sheetOf(write).getRange("C2:C3").values = [[1], [2]];
    await expect(write.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    sheetOf(write).getRange("C2").formulas = [["=1+1"]];
    await expect(write.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    expect(cell(f, "C2").value).toBe(100);
    // Formatting is what allowFormatCells lets through; the Locked format itself is not.
    sheetOf(write).getRange("C2").numberFormat = [["#,##0"]];
    await write.sync();
    sheetOf(write).getRange("C2").format.protection.locked = false;
    await expect(write.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    expect(() => userEdit(f, "PL", "C2", { value: 9 })).toThrow(/AccessDenied/);
  });

  it("refuses protect() on a protected sheet; loads `protected`; unprotect() lifts it (a password is needed if set)", async () => {
    const f = file();
    const context = ctx(f);
    const protection = sheetOf(context).protection;
    protection.protect();
    await context.sync();
    protection.protect();
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
    protection.load("protected");
    await context.sync();
    expect(protection.protected).toBe(true);
    // Every cell is locked by default: a whole protected sheet refuses writes and row inserts.
    sheetOf(context).getRange("A9").values = [["x"]];
    await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    sheetOf(context).getRange("2:2").insert("Down");
    await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    protection.unprotect();
    protection.load("protected");
    await context.sync();
    expect(protection.protected).toBe(false);
    sheetOf(context).getRange("A9").values = [["x"]];
    await context.sync();
    expect(cell(f, "A9").value).toBe("x");

    protection.protect({}, "secret");
    await context.sync();
    protection.unprotect();
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    protection.unprotect("secret");
    await context.sync();
    expect(f.sheets[0].protection).toBeUndefined();
  });

  it("reads format.protection.locked: true, false, or null for a mixed range", async () => {
    const f = file();
    const context = ctx(f);
    const sheet = sheetOf(context);
    sheet.getRange("A1:B1").format.protection.locked = false;
    const one = sheet.getRange("A1:B1").format.protection.load("locked");
    const mixed = sheet.getRange("A1:C1").format.protection.load("locked");
    const untouched = sheet.getRange("C4").format.protection.load("locked");
    await context.sync();
    expect([one.locked, mixed.locked, untouched.locked]).toEqual([false, null, true]);
  });
});
