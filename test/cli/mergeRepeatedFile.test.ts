/**
 * A unit file named twice on the command line (`CNTT-BCVT.xlsx ./CNTT-BCVT.xlsx`, a shell glob and a
 * name, a link) is one report: read once, its values counted once, and the user told (found by QA).
 */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { seedWorkbook } from "../fixtures/seedGrids";
import { blankForm, filledPhuLucI, unitCopy } from "../fixtures/mergeCases";
import { runMain } from "../helpers/cliRun";

let dir: string;
const at = (name: string) => path.join(dir, name);

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "phuluc-repeated-"));
  const filled = filledPhuLucI();
  await seedWorkbook(at("TONG-HOP.xlsx"), [{ seed: blankForm(filled), options: { sheetName: "Phụ lục I" } }]);
  await seedWorkbook(at("CNTT-BCVT.xlsx"), [
    { seed: unitCopy(filled, "CNTT-BCVT"), options: { sheetName: "Phụ lục I" } },
  ]);
  await fs.symlink(at("CNTT-BCVT.xlsx"), at("lien-ket.xlsx"));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function accounting(units: string[], output: string) {
  const run = await runMain(["merge", "--template", at("TONG-HOP.xlsx"), ...units, "-o", at(output), "--json"]);
  return { run, json: JSON.parse(run.out) };
}

it("reads a unit file named twice, or through a link, once and says so", async () => {
  const once = await accounting([at("CNTT-BCVT.xlsx")], "mot-lan.xlsx");
  const twice = await accounting(
    [at("CNTT-BCVT.xlsx"), path.join(dir, ".", "CNTT-BCVT.xlsx"), at("lien-ket.xlsx")],
    "hai-lan.xlsx",
  );
  expect(once.json.accounting.merged).toBeGreaterThan(0);
  expect(twice.json.accounting).toEqual(once.json.accounting);
  expect(twice.json.values).toHaveLength(once.json.values.length);
  expect(twice.run.code).toBe(once.run.code);
  expect(twice.run.err).toContain(
    `Tệp “${path.join(dir, ".", "CNTT-BCVT.xlsx")}” là tệp “${at("CNTT-BCVT.xlsx")}” đã nêu; chỉ tổng hợp một lần.`,
  );
  expect(twice.run.err).toContain(`Tệp “${at("lien-ket.xlsx")}” là tệp “${at("CNTT-BCVT.xlsx")}” đã nêu`);
});
