/**
 * The next round is merged into the last consolidated workbook: after Đã duyệt, the merge writes the units'
 * figures again and locks the approved unit's cells. Found by hand (session 7): the figures' percent formats
 * were lost on that second merge — the lock was derived from the format xf the same merge had just added,
 * which the style patcher took for "no format" — and `check` then found 42 false errors in a clean report
 * (a 90 % target read as 0.9). The examples are clean (`phuluc check examples/*.xlsx`: 0 errors).
 */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { readWorkbook } from "../../src/adapters/xlsx/readWorkbook";
import type { CheckResult } from "../../src/cli/checkResult";
import type { Grid } from "../../src/engine/grid";
import { runMain } from "../helpers/cliRun";
import { budgetBySection } from "../fixtures/mergeCases";
import { seedWorkbook } from "../fixtures/seedGrids";
import { SEED_PHU_LUC_II } from "../fixtures/seedTables";

const EXAMPLES = path.join(__dirname, "..", "..", "examples");
const UNITS = ["CNTT-BCVT.xlsx", "THANH-TRA.xlsx", "TTBCXB.xlsx"].map((file) => path.join(EXAMPLES, file));
let dir: string;
const at = (name: string) => path.join(dir, name);

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "phuluc-remerge-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function merged(template: string, out: string, units = UNITS): Promise<void> {
  const run = await runMain(["merge", "--template", template, ...units, "-o", out]);
  expect(run.err).toBe("");
  expect(run.code).toBe(0);
}

async function errorsOf(file: string): Promise<string[]> {
  const result = JSON.parse((await runMain(["check", file, "--json"])).out) as CheckResult;
  return result.files[0].sheets.flatMap((s) =>
    s.findings.filter((f) => f.severity === "error").map((f) => `${s.sheet}!${f.cell} ${f.rule}`),
  );
}

/** Phụ lục I's values, formulas and number formats: what the next check reads. */
async function phuLucI(file: string): Promise<Grid["rows"]> {
  const { grids } = await readWorkbook(new Uint8Array(await fs.readFile(file)));
  return grids.find((g) => g.name === "Phụ lục I")!.rows;
}

describe("merging the next round into the consolidated workbook, after Đã duyệt", () => {
  it("keeps every figure's value and number format, so the report checks as clean as the first time", async () => {
    await merged(path.join(EXAMPLES, "mau-phu-luc-I.xlsx"), at("TH1.xlsx"));
    expect(await errorsOf(at("TH1.xlsx"))).toEqual([]);
    const first = await phuLucI(at("TH1.xlsx"));
    // A share as the units typed it: 90 % is 0.9 shown with 0% (row 36, Kế hoạch and Thực hiện).
    expect(first[35].slice(2, 4)).toEqual([
      { value: 0.9, numFmt: "0%" },
      { value: 0.9, numFmt: "0%" },
    ]);

    const approve = await runMain(["approve", at("TH1.xlsx"), "--unit", "Thanh tra", "--by", "KHTC Hà"]);
    expect(approve.code).toBe(0);
    await merged(at("TH1.xlsx"), at("TH2.xlsx"));
    await merged(at("TH2.xlsx"), at("TH3.xlsx"));

    for (const next of ["TH2.xlsx", "TH3.xlsx"]) {
      expect(await errorsOf(at(next))).toEqual([]);
      expect(await phuLucI(at(next))).toEqual(first);
    }
  });
});

describe("checking a kinh-phi consolidated workbook", () => {
  it("skips its merge log, whose rows read like a kinh-phi table, and finds nothing in the clean report", async () => {
    // The seed's Phụ lục II by section: the template lists the sections, each unit sends its own (numbers as
    // numbers, a signature block below). Its one error (D19, 224.591 typed for 225.091) is gone: the total is
    // recomputed. Found by hand (session 7): the log was checked as kinh-phi, 10 false errors.
    const { template, parts } = budgetBySection(SEED_PHU_LUC_II);
    const options = { sheetName: "Phụ lục II", numbers: "number" as const, footer: ["Nơi nhận:", "GIÁM ĐỐC"] };
    await seedWorkbook(at("MAU-II.xlsx"), [{ seed: template, options }]);
    const units = ["CNTT-BCVT", "TTBCXB", "THANH-TRA"].map((unit) => at(`${unit}-II.xlsx`));
    for (const [i, part] of parts.entries()) await seedWorkbook(units[i], [{ seed: part, options }]);
    await merged(at("MAU-II.xlsx"), at("TH-II.xlsx"), units);

    const result = JSON.parse((await runMain(["check", at("TH-II.xlsx"), "--json"])).out) as CheckResult;
    const sheets = result.files[0].sheets;
    expect(sheets.map((s) => [s.sheet, s.template, s.findings.length])).toEqual([
      ["Phụ lục II", "kinh-phi", 0],
      ["Nhật ký tổng hợp", null, 0],
      ["PhuLuc", null, 0],
      ["Tình trạng nộp", null, 0],
    ]);
    expect(sheets[1].notes).toEqual([
      "Trang tính “Nhật ký tổng hợp” là nhật ký tổng hợp do PhuLuc ghi, không phải Phụ lục; bỏ qua.",
    ]);
  });
});

describe("a consolidated workbook given as a unit's file", () => {
  it("is refused with the ways it is meant to be used; the units' own files merge as without it", async () => {
    // Found by QA: credited to CNTT-BCVT (it leads most rows), it replaced the other units' files (113 values
    // `superseded`), listed them as not sent, and the merge exited 0.
    await merged(path.join(EXAMPLES, "mau-phu-luc-I.xlsx"), at("tong-hop.xlsx"));
    const [cntt, , ttbcxb] = UNITS;
    const run = await runMain([
      "merge",
      "--template",
      path.join(EXAMPLES, "mau-phu-luc-I.xlsx"),
      cntt,
      at("tong-hop.xlsx"),
      ttbcxb,
      "-o",
      at("TH-lai.xlsx"),
      "--json",
    ]);
    const json = JSON.parse(run.out) as {
      notMerged: { file: string; reason: string }[];
      accounting: Record<string, number>;
      status: { unit: string; state: string }[];
    };
    expect(json.notMerged).toEqual([
      {
        file: "tong-hop.xlsx",
        reason: expect.stringMatching(
          /^Tệp “tong-hop\.xlsx” là một bảng tổng hợp \(có trang “Nhật ký tổng hợp” do PhuLuc ghi\).*--template/,
        ),
        reasonEn: expect.stringContaining("is a consolidated workbook"),
      },
    ]);
    expect(json.accounting.superseded).toBe(0);
    expect(json.status.map((s) => [s.unit, s.state])).toEqual([
      ["CNTT-BCVT", "da-nhan"],
      ["THANH-TRA", "chua-nop"],
      ["TTBCXB", "da-nhan"],
    ]);
  });
});
