import { gridFromValues } from "../grid";
import type { Explanation } from "./explanations";
import type { SubmissionStatus } from "./status";
import {
  REVIEW_FIELDS,
  REVIEW_SHEET_NAME,
  emptyReviewStore,
  isReviewSheet,
  reviewSheetRows,
  reviewStoreFromGrid,
  reviewStoreOf,
  type ReviewStore,
} from "./store";

const explanation: Explanation = {
  sheet: "Phụ lục I",
  key: "linh vuc buu chinh|so thue bao",
  rule: "attainment-mismatch",
  label: "Số thuê bao băng rộng cố định/100 dân",
  cell: "E17",
  text: "=Chỉ tiêu điều chỉnh còn 22%",
  by: "Lan",
  at: "2026-12-02T09:00:00.000Z",
};
const status: SubmissionStatus = {
  unit: "CNTT-BCVT",
  state: "da-duyet",
  file: "CNTT-BCVT.xlsx",
  modified: "2026-11-30T10:00:00.000Z",
  sha256: "ab".repeat(32),
  errors: 1,
  warnings: 0,
  explained: 1,
  by: "Hà",
  at: "2026-12-02T10:00:00.000Z",
};

const roundTrip = (store: ReviewStore) =>
  reviewStoreFromGrid(gridFromValues(REVIEW_SHEET_NAME, reviewSheetRows(store)));

describe("the PhuLuc sheet (layout 1)", () => {
  it("writes a header of field names, then one row per record with its layout and kind", () => {
    const rows = reviewSheetRows({ explanations: [explanation], statuses: [status], preserved: [] });
    expect(rows[0]).toEqual([...REVIEW_FIELDS]);
    expect(rows[1].slice(0, 5)).toEqual([1, "explanation", "Phụ lục I", explanation.key, "attainment-mismatch"]);
    expect(rows[2].slice(0, 2)).toEqual([1, "status"]);
    expect(rows[2][REVIEW_FIELDS.indexOf("errors")]).toBe(1);
  });

  it("reads back what it wrote, text starting with = included", () => {
    const store = {
      explanations: [explanation, { ...explanation, rule: "numbering", unit: "TTBCXB" }],
      statuses: [status],
      preserved: [],
    };
    expect(roundTrip(store)).toEqual(store);
  });

  it("finds columns by header name, in any order", () => {
    const grid = gridFromValues(REVIEW_SHEET_NAME, [
      ["text", "kind", "layout", "rule", "key", "sheet"],
      ["Giải trình", "explanation", 1, "numbering", "k", "S"],
    ]);
    expect(reviewStoreFromGrid(grid).explanations).toEqual([
      { sheet: "S", key: "k", rule: "numbering", label: "", cell: "", text: "Giải trình", by: "", at: "" },
    ]);
  });

  it("keeps records of a later layout or an unknown kind, and writes them back with their own columns", () => {
    const grid = gridFromValues(REVIEW_SHEET_NAME, [
      ["layout", "kind", "unit", "signature"],
      [2, "status", "TTBCXB", "x"],
      [1, "lock", "CNTT-BCVT", ""],
      [1, "status", "THANH-TRA", ""],
    ]);
    const store = reviewStoreFromGrid(grid);
    expect(store.statuses).toEqual([]);
    expect(store.preserved).toEqual([
      { layout: 2, kind: "status", unit: "TTBCXB", signature: "x" },
      { layout: 1, kind: "lock", unit: "CNTT-BCVT" },
      { layout: 1, kind: "status", unit: "THANH-TRA" },
    ]);
    const again = roundTrip(store);
    expect(again.preserved).toEqual(store.preserved);
    expect(reviewSheetRows(store)[0].at(-1)).toBe("signature");
  });

  it("a time Excel turned into a date keeps its time", () => {
    const grid = gridFromValues(REVIEW_SHEET_NAME, [
      ["layout", "kind", "unit", "state", "at"],
      [1, "status", "TTBCXB", "da-nhan", new Date("2026-12-02T10:15:00.000Z")],
    ]);
    expect(reviewStoreFromGrid(grid).statuses[0].at).toBe("2026-12-02T10:15:00.000Z");
  });

  it("a workbook without a PhuLuc sheet has an empty store; the name is matched as Excel does", () => {
    expect(reviewStoreOf([gridFromValues("Phụ lục I", [["STT"]])])).toEqual(emptyReviewStore());
    expect(isReviewSheet("phuluc")).toBe(true);
    expect(isReviewSheet("Phụ lục I")).toBe(false);
  });
});
