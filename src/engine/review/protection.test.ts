/** Which consolidated cells Đã duyệt protects: the merge's provenance of the approved units. */
import { mergeWorkbook } from "../merge";
import { blankForm, filledPhuLucI, sheetOf, unitCopy, unitInput } from "../../../test/fixtures/mergeCases";
import { protectionPlan, withProtectedSheets } from "./protection";
import { emptyReviewStore, type ReviewStore } from "./store";
import type { SubmissionStatus } from "./status";

const filled = filledPhuLucI();
const result = mergeWorkbook(
  [sheetOf(blankForm(filled))],
  [unitInput(unitCopy(filled, "CNTT-BCVT"), "a.xlsx"), unitInput(unitCopy(filled, "TTBCXB"), "b.xlsx")],
);
const status = (unit: string, state: SubmissionStatus["state"]): SubmissionStatus => ({ unit, state, by: "", at: "" });
const store = (statuses: SubmissionStatus[], protectedSheets?: string[]): ReviewStore => ({
  ...emptyReviewStore(),
  statuses,
  ...(protectedSheets ? { protectedSheets } : {}),
});
const cellsOf = (unit: string) => result.sheets[0].filled.filter((f) => f.source.unit === unit).map((f) => f.cell);

describe("protectionPlan", () => {
  it("locks the approved unit's value cells and unlocks the others'; the sheet gets protected and recorded", () => {
    const [plan] = protectionPlan(result, store([status("CNTT-BCVT", "da-duyet"), status("TTBCXB", "da-nhan")]));
    expect(plan).toEqual({
      sheet: "Phụ lục I",
      lock: cellsOf("CNTT-BCVT"),
      unlock: cellsOf("TTBCXB"),
      ours: false,
      protect: true,
    });
    expect(plan.lock.length).toBeGreaterThan(0);
    expect(withProtectedSheets(emptyReviewStore(), [plan]).protectedSheets).toEqual(["Phụ lục I"]);
  });

  it("keeps a sheet PhuLuc protected while a unit not in this merge is still approved", () => {
    const statuses = [status("THANH-TRA", "da-duyet"), status("CNTT-BCVT", "da-nhan")];
    const [plan] = protectionPlan(result, store(statuses, ["Phụ lục I"]));
    expect(plan).toMatchObject({ lock: [], ours: true, protect: true });
  });

  it("lifts PhuLuc's protection when no unit is approved any more, and drops only that sheet's record", () => {
    const before = store([status("CNTT-BCVT", "tra-lai")], ["Phụ lục I", "Phụ lục II"]);
    const plans = protectionPlan(result, before);
    expect(plans[0]).toMatchObject({ ours: true, protect: false });
    expect(withProtectedSheets(before, plans).protectedSheets).toEqual(["Phụ lục II"]);
    expect(withProtectedSheets(store([], ["Phụ lục I"]), plans).protectedSheets).toBeUndefined();
  });
});
