/**
 * A unit whose file holds only a sheet of another template (a Phụ lục II sent for Phụ lục I) is refused as
 * `wrong-template`, “not that unit's report”: its Tình trạng nộp stays Chưa nộp, so a later merge into the
 * consolidated workbook does not count it as received earlier (found by QA: it was recorded Đã nhận).
 */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { seedWorkbook } from "../fixtures/seedGrids";
import { SEED_PHU_LUC_II } from "../fixtures/seedTables";
import { blankForm, filledPhuLucI, unitCopy } from "../fixtures/mergeCases";
import { runMain } from "../helpers/cliRun";

let dir: string;
const at = (name: string) => path.join(dir, name);

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "phuluc-wrong-template-"));
  const filled = filledPhuLucI();
  await seedWorkbook(at("MAU.xlsx"), [{ seed: blankForm(filled), options: { sheetName: "Phụ lục I" } }]);
  await seedWorkbook(at("CNTT-BCVT.xlsx"), [{ seed: SEED_PHU_LUC_II, options: { sheetName: "Phụ lục II" } }]);
  await seedWorkbook(at("TTBCXB.xlsx"), [{ seed: unitCopy(filled, "TTBCXB"), options: { sheetName: "Phụ lục I" } }]);
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const stateOf = (json: { status: { unit: string; state: string }[] }, unit: string) =>
  json.status.find((s) => s.unit === unit)?.state;

it("writes nothing when every unit file is another template's: exit 2, each named", async () => {
  const only = await runMain(["merge", "--template", at("MAU.xlsx"), at("CNTT-BCVT.xlsx"), "-o", at("lan-0.xlsx")]);
  expect(only.code).toBe(2);
  expect(only.err).toMatch(/^Không tổng hợp được tệp nào của đơn vị:\n {2}CNTT-BCVT\.xlsx: .*là mẫu kinh-phi/);
  await expect(fs.stat(at("lan-0.xlsx"))).rejects.toThrow();
});

it("keeps a unit that sent only another template's sheet Chưa nộp, now and in the next merge", async () => {
  const first = await runMain([
    "merge",
    "--template",
    at("MAU.xlsx"),
    at("CNTT-BCVT.xlsx"),
    at("TTBCXB.xlsx"),
    "-o",
    at("lan-1.xlsx"),
    "--json",
  ]);
  const json = JSON.parse(first.out);
  expect(json.files[1].sheets[0].findings[0].rule).toBe("wrong-template");
  expect(stateOf(json, "CNTT-BCVT")).toBe("chua-nop");

  const next = await runMain([
    "merge",
    "--template",
    at("lan-1.xlsx"),
    at("TTBCXB.xlsx"),
    "-o",
    at("lan-2.xlsx"),
    "--json",
  ]);
  const completeness = JSON.parse(next.out).completeness;
  expect(completeness.receivedEarlier).not.toContain("CNTT-BCVT");
  expect(completeness.missingUnits).toContain("CNTT-BCVT");
});
