import { checkGrid } from "../check";
import { seedGrid } from "../../../test/fixtures/seedGrids";
import { PLAN_SEED, planted9Thang } from "../../../test/fixtures/periodCases";
import { referenceBook } from "./reference";
import { restoreSnapshot, snapshotOf } from "./snapshot";

describe("reference snapshots (remembered with the workbook)", () => {
  it("a restored plan checks a sheet exactly as the plan read from its file, through JSON", () => {
    const grids = [seedGrid(PLAN_SEED, { sheetName: "Phụ lục I", footer: ["Nơi nhận:", "GIÁM ĐỐC"] })];
    const book = referenceBook("ke-hoach-2024.xlsx", grids);
    const snapshot = snapshotOf(book, grids);
    const restored = restoreSnapshot(JSON.parse(JSON.stringify(snapshot)));
    const sheet = seedGrid(planted9Thang(), { sheetName: "Chỉ tiêu ngành" });
    const direct = checkGrid(sheet, { references: { plan: book } });
    const again = checkGrid(sheet, { references: { plan: restored } });
    expect(again.findings).toEqual(direct.findings);
    expect(again.findings.map((f) => f.rule)).toEqual(["missing-report", "plan-mismatch"]);
    // The footer below the table is not kept: only what the table was read from.
    expect(JSON.stringify(snapshot)).not.toContain("GIÁM ĐỐC");
  });
});
