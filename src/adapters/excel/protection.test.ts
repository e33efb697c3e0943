/** Đã duyệt in the open workbook: the approved unit's cells locked, the sheet protected — against the strict fake. */
import {
  fakeContext,
  fakeSheetFromGrid,
  fakeSheetFromRows,
  isLocked,
  reopen,
  userEdit,
  type FakeWorkbookFile,
} from "../../../test/fakes/fakeExcel";
import { mergeWorkbook, type MergeResult } from "../../engine/merge";
import { blankForm, filledPhuLucI, sheetOf, unitCopy, unitInput } from "../../../test/fixtures/mergeCases";
import {
  approveUnit,
  recordMerge,
  returnUnit,
  reviewStoreFromGrid,
  REVIEW_SHEET_NAME,
  emptyReviewStore,
  type ReviewStore,
} from "../../engine/review";
import { PhuLucError } from "../../engine/errors";
import { readHiddenSheet } from "./hiddenSheet";
import { mergeWrite } from "./mergeWrite";
import { PROTECTION_OPTIONS, queueProtect, queueUnprotect } from "./protection";
import { writeReviewSheets } from "./reviewWrite";

const AT = { by: "KHTC", at: "2024-10-02T09:00:00.000Z" };
const SHEET = "Phụ lục I";

function mergeCase() {
  const filled = filledPhuLucI();
  const template = sheetOf(blankForm(filled));
  const inputs = [
    unitInput(unitCopy(filled, "CNTT-BCVT"), "CNTT-BCVT.xlsx"),
    unitInput(unitCopy(filled, "TTBCXB"), "TTBCXB.xlsx"),
  ];
  const result = mergeWorkbook([template], inputs);
  const receipts = ["CNTT-BCVT", "TTBCXB"].map((unit) => ({
    unit,
    file: `${unit}.xlsx`,
    sha256: unit,
    errors: 0,
    warnings: 0,
    explained: 0,
  }));
  const received = recordMerge([], result.completeness.expectedUnits, receipts, AT);
  const file: FakeWorkbookFile = { sheets: [fakeSheetFromGrid(template.grid)], activeSheet: SHEET, settings: {} };
  return { result, file, received };
}

const cellsOf = (result: MergeResult, unit: string) =>
  result.sheets[0].filled.filter((f) => f.source.unit === unit).map((f) => f.cell);
const sheet = (file: FakeWorkbookFile) => file.sheets.find((s) => s.name === SHEET)!;

async function records(file: FakeWorkbookFile): Promise<ReviewStore> {
  return reviewStoreFromGrid(
    (await readHiddenSheet(reopen(file) as unknown as Excel.RequestContext, REVIEW_SHEET_NAME))!,
  );
}

describe("Đã duyệt protects the approved unit's cells in the open workbook", () => {
  it("Đã duyệt: the unit's cells locked, every other cell unlocked, the sheet protected without a password (2 syncs)", async () => {
    const { result, file, received } = mergeCase();
    const written = await mergeWrite(fakeContext(file).context, result, {
      review: { ...emptyReviewStore(), statuses: received },
    });
    expect(written?.protectedSheets).toBeUndefined();
    expect(sheet(file).protection).toBeUndefined();

    const approved = { ...emptyReviewStore(), statuses: approveUnit(received, "CNTT-BCVT", AT) };
    const { context, fake } = fakeContext(file);
    const after = await writeReviewSheets(context, approved, result);
    expect(fake.syncCount).toBe(2);
    expect(sheet(file).protection).toEqual({ options: PROTECTION_OPTIONS });
    const mine = cellsOf(result, "CNTT-BCVT");
    const theirs = cellsOf(result, "TTBCXB");
    expect(mine.length).toBeGreaterThan(0);
    expect(theirs.length).toBeGreaterThan(0);
    expect(mine.every((cell) => isLocked(sheet(file), cell))).toBe(true);
    expect(theirs.some((cell) => isLocked(sheet(file), cell))).toBe(false);
    expect(isLocked(sheet(file), "B2")).toBe(false);
    expect(after.protectedSheets).toEqual([SHEET]);
    expect((await records(file)).protectedSheets).toEqual([SHEET]);

    // A write into an approved cell is refused as Excel refuses it; the other units' cells still take edits.
    const edit = fakeContext(file);
    edit.context.workbook.worksheets.getItem(SHEET).getRange(mine[0]).values = [[1]];
    await expect(edit.context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    expect(() => userEdit(file, SHEET, mine[0], { value: 1 })).toThrow(/AccessDenied/);
    userEdit(file, SHEET, theirs[0], { value: 1 });
  });

  it("a second Áp dụng lifts PhuLuc's protection, writes, and protects again in its two syncs", async () => {
    const { result, file, received } = mergeCase();
    const approved = { ...emptyReviewStore(), statuses: approveUnit(received, "CNTT-BCVT", AT) };
    const first = await mergeWrite(fakeContext(file).context, result, { review: approved });
    expect(sheet(file).protection).toBeDefined();
    // The user typed over another unit's figure; merging again puts the merged value back.
    const theirs = cellsOf(result, "TTBCXB")[0];
    userEdit(file, SHEET, theirs, { value: 12345 });
    const { context, fake } = fakeContext(file);
    const again = await mergeWrite(context, result, { review: first });
    expect(fake.syncCount).toBe(2);
    expect(sheet(file).cells[theirs].value).not.toBe(12345);
    expect(sheet(file).protection).toEqual({ options: PROTECTION_OPTIONS });
    expect(cellsOf(result, "CNTT-BCVT").every((cell) => isLocked(sheet(file), cell))).toBe(true);
    expect(again?.protectedSheets).toEqual([SHEET]);
  });

  it("Trả lại of the last approved unit unlocks its cells and lifts PhuLuc's protection; the record goes", async () => {
    const { result, file, received } = mergeCase();
    const approved = { ...emptyReviewStore(), statuses: approveUnit(received, "CNTT-BCVT", AT) };
    const first = (await mergeWrite(fakeContext(file).context, result, { review: approved }))!;
    const returned = { ...first, statuses: returnUnit(first.statuses, "CNTT-BCVT", AT) };
    const after = await writeReviewSheets(fakeContext(file).context, returned, result);
    expect(sheet(file).protection).toBeUndefined();
    expect(after.protectedSheets).toBeUndefined();
    expect((await records(file)).protectedSheets).toBeUndefined();
  });

  it("a sheet someone else protected is refused before anything is written, never unprotected", async () => {
    const { result, file, received } = mergeCase();
    sheet(file).protection = { options: {}, password: "theirs" };
    const before = JSON.stringify(file);
    const { context, fake } = fakeContext(file);
    const approved = { ...emptyReviewStore(), statuses: approveUnit(received, "CNTT-BCVT", AT) };
    const failed = mergeWrite(context, result, { review: approved });
    await expect(failed).rejects.toBeInstanceOf(PhuLucError);
    await expect(failed).rejects.toThrow(/không phải do PhuLuc/);
    expect(fake.syncCount).toBe(1);
    expect(JSON.stringify(file)).toBe(before);
  });

  it("Đã duyệt leaves alone a sheet it does not touch that someone else protected (no unlock, no failing unprotect)", async () => {
    // Phụ lục II holds no approved unit's figures and was never PhuLuc's: Đã duyệt has nothing to do there.
    const other = fakeSheetFromRows("Phụ lục II", [["STT"]]);
    other.protection = { options: {}, password: "theirs" };
    const file: FakeWorkbookFile = { sheets: [other], activeSheet: "Phụ lục II", settings: {} };
    const { context } = fakeContext(file);
    const found = { ...queueLookUpOf(context, "Phụ lục II"), store: emptyReviewStore() };
    await context.sync();
    queueUnprotect(found, false);
    queueProtect(found);
    await context.sync();
    expect(other.protection).toEqual({ options: {}, password: "theirs" });
  });
});

/** A look-up of one sheet with nothing to lock or unlock, as protectionPlan gives for a sheet no approved unit filled. */
function queueLookUpOf(context: Excel.RequestContext, name: string) {
  const sheet = context.workbook.worksheets.getItem(name);
  sheet.protection.load("protected");
  return { plans: [{ sheet: name, lock: [], unlock: [], ours: false, protect: false }], sheets: [sheet] };
}
