/** The review round's sheets written into the open workbook, against the strict fake Excel. */
import {
  fakeContext,
  fakeSheetFromGrid,
  reopen,
  sheetValues,
  type FakeWorkbookFile,
} from "../../../test/fakes/fakeExcel";
import { budgetMergeCase } from "../../../test/fixtures/mergeCases";
import {
  approveUnit,
  reviewStoreFromGrid,
  REVIEW_SHEET_NAME,
  STATUS_SHEET_NAME,
  statusSheetRows,
  type ReviewStore,
} from "../../engine/review";
import { mergeWrite } from "./mergeWrite";
import { readHiddenSheet } from "./hiddenSheet";
import { writeReviewSheets } from "./reviewWrite";

const STORE: ReviewStore = {
  explanations: [
    {
      sheet: "Phụ lục II",
      key: "1",
      rule: "total-mismatch",
      label: "Kinh phí",
      cell: "E9",
      unit: "Sở Y tế",
      text: "=Số liệu theo dự toán điều chỉnh",
      by: "KHTC",
      at: "2024-10-01T08:00:00.000Z",
    },
  ],
  statuses: [
    {
      unit: "Sở Y tế",
      state: "da-nhan",
      file: "SYT.xlsx",
      modified: "2024-09-30T10:00:00.000Z",
      sha256: "0e5f",
      errors: 1,
      warnings: 0,
      explained: 1,
      by: "",
      at: "2024-10-01T08:00:00.000Z",
    },
    { unit: "Sở Xây dựng", state: "chua-nop", by: "", at: "2024-10-01T08:00:00.000Z" },
  ],
  preserved: [],
};

async function records(file: FakeWorkbookFile): Promise<ReviewStore> {
  const grid = await readHiddenSheet(reopen(file) as unknown as Excel.RequestContext, REVIEW_SHEET_NAME);
  return reviewStoreFromGrid(grid!);
}

/** The budget merge case and an open workbook holding its template sheet. */
function budgetWorkbook(): { file: FakeWorkbookFile; result: ReturnType<typeof budgetMergeCase>["result"] } {
  const { template, result } = budgetMergeCase();
  return { file: { sheets: [fakeSheetFromGrid(template.grid)], activeSheet: "Phụ lục II", settings: {} }, result };
}

describe("the review sheets in the open workbook (Tình trạng nộp, PhuLuc)", () => {
  it("Áp dụng writes them in its own two syncs: PhuLuc very hidden, Tình trạng nộp visible, text kept text", async () => {
    const { file, result } = budgetWorkbook();
    const { context, fake } = fakeContext(file);
    await mergeWrite(context, result, { review: STORE });
    expect(fake.syncCount).toBe(2);
    const hidden = file.sheets.find((s) => s.name === REVIEW_SHEET_NAME)!;
    expect(hidden.visibility).toBe("VeryHidden");
    const status = file.sheets.find((s) => s.name === STATUS_SHEET_NAME)!;
    expect(status.visibility ?? "Visible").toBe("Visible");
    const rows = statusSheetRows(STORE.statuses);
    expect(sheetValues(file, STATUS_SHEET_NAME, rows.length, rows[0].length)).toEqual(rows);
    expect(Object.values(hidden.cells).find((c) => c.value === STORE.explanations[0].text)).toMatchObject({
      numberFormat: "@",
    });
    expect(await records(file)).toEqual(STORE);
  });

  it("Đã duyệt replaces both sheets (no second copy) and the records read back approved", async () => {
    const { file, result } = budgetWorkbook();
    await mergeWrite(fakeContext(file).context, result, { review: STORE });
    const approved = {
      ...STORE,
      statuses: approveUnit(STORE.statuses, "Sở Y tế", { by: "", at: "2024-10-02T09:00:00.000Z" }),
    };
    const { context, fake } = fakeContext(file);
    await writeReviewSheets(context, approved);
    expect(fake.syncCount).toBe(2);
    expect(file.sheets.filter((s) => s.name === STATUS_SHEET_NAME)).toHaveLength(1);
    expect(file.sheets.filter((s) => s.name === REVIEW_SHEET_NAME)).toHaveLength(1);
    expect((await records(file)).statuses[0]).toMatchObject({ unit: "Sở Y tế", state: "da-duyet" });
    expect(sheetValues(file, STATUS_SHEET_NAME, 2, 2)[1]).toEqual(["Sở Y tế", "Đã duyệt"]);
  });

  it("without review records Áp dụng leaves the workbook without them", async () => {
    const { file, result } = budgetWorkbook();
    await mergeWrite(fakeContext(file).context, result);
    expect(file.sheets.map((s) => s.name)).not.toContain(REVIEW_SHEET_NAME);
  });

  it("records without statuses delete an old Tình trạng nộp rather than leave it stale", async () => {
    const { file, result } = budgetWorkbook();
    await mergeWrite(fakeContext(file).context, result, { review: STORE });
    const { context, fake } = fakeContext(file);
    await writeReviewSheets(context, { ...STORE, statuses: [] });
    expect(fake.syncCount).toBe(2);
    expect(file.sheets.map((s) => s.name)).not.toContain(STATUS_SHEET_NAME);
    expect((await records(file)).statuses).toEqual([]);
  });
});
