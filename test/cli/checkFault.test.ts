/**
 * An engine fault on one sheet (a bug, not a finding) must not hide the other sheets' results, and must
 * not pass unnoticed: that sheet carries an error and the exit code is 2. The fault is injected by
 * wrapping the real checkGrid so that it throws for one sheet name.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CheckResult } from "../../src/cli/checkResult";
import type { Grid } from "../../src/engine/grid";
import { seedWorkbook } from "../fixtures/seedGrids";
import { SEED_PHU_LUC_II } from "../fixtures/seedTables";
import { fileResult, runMain, sheetOf } from "../helpers/cliRun";

jest.mock("../../src/engine/check", () => {
  const actual = jest.requireActual("../../src/engine/check");
  return {
    ...actual,
    checkGrid: (grid: Grid) => {
      if (grid.name === "Hỏng") throw new RangeError("Maximum call stack size exceeded");
      return actual.checkGrid(grid);
    },
  };
});

it("reports an engine fault on one sheet with exit 2 and still checks the others", async () => {
  const file = join(mkdtempSync(join(tmpdir(), "phuluc-fault-")), "hai-trang.xlsx");
  await seedWorkbook(file, [
    { seed: SEED_PHU_LUC_II, options: { sheetName: "Hỏng" } },
    { seed: SEED_PHU_LUC_II, options: { sheetName: "Phụ lục II" } },
  ]);
  const run = await runMain(["check", file, "--json"]);
  expect(run.code).toBe(2);
  const result = fileResult(JSON.parse(run.out) as CheckResult, "hai-trang.xlsx");
  expect(sheetOf(result, "Hỏng")).toMatchObject({
    template: null,
    findings: [],
    error:
      "Lỗi của PhuLuc khi kiểm tra trang tính này (Maximum call stack size exceeded); hãy báo cho người quản trị PhuLuc.",
  });
  expect(sheetOf(result, "Phụ lục II").findings.map((f) => f.rule)).toContain("total-mismatch");
  expect(run.err).toContain("hai-trang.xlsx › Hỏng: Lỗi của PhuLuc khi kiểm tra");

  const table = await runMain(["check", file]);
  expect(table.code).toBe(2);
  expect(table.out).toContain("KHÔNG KIỂM TRA ĐƯỢC: Lỗi của PhuLuc khi kiểm tra trang tính này");
});
