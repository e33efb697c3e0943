/**
 * Spec §9 end to end through the CLI: `check --plan --previous` and `merge --plan` on .xlsx files
 * built from the seeds (test/fixtures/periodCases.ts). Expected findings were decided by hand from
 * what was planted, before the checker ran:
 * - 9 tháng, planted: the target of “Tỷ lệ CQNN hoàn thiện Chính quyền điện tử” lowered 70% → 65%
 *   (plan-mismatch on its Kế hoạch cell), the last indicator of section IV dropped (missing-report),
 *   “Tổng số đơn tiếp nhận” 09 → 08 (period-regression), “Số địa chỉ IP” 316 → 540.000 (outlier);
 *   nothing else — the share 98,9% → 98,5% may fall;
 * - the clean twins (6 tháng against the plan, 9 tháng against plan and 6 tháng): no finding at all;
 * - dịch vụ công per district: Tri Tôn's 296.000 among counts near 300 (outlier); the clean twin none.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CheckResult, FindingJson } from "../../src/cli/checkResult";
import { seedWorkbook } from "../fixtures/seedGrids";
import type { SeedTable } from "../fixtures/seedTables";
import {
  COUNTS_6_THANG,
  COUNTS_9_THANG,
  DISTRICTS,
  DROPPED,
  FALLEN,
  LOWERED,
  OUTLIER_DISTRICT,
  PLAN_SEED,
  RESULT_6_THANG,
  RESULT_9_THANG,
  RESULT_COL,
  SERVICES_CLEAN,
  SERVICES_OUTLIER,
  THOUSANDFOLD,
  planted9Thang,
  plantedCounts9Thang,
  rowOf,
} from "../fixtures/periodCases";
import { fileResult, runMain, sheetOf } from "../helpers/cliRun";

const dir = mkdtempSync(join(tmpdir(), "phuluc-plan-"));
const file = (name: string) => join(dir, name);
const FOOTER = ["Nơi nhận:", "- Lưu: VT.", "GIÁM ĐỐC"];
const sheet = (seed: SeedTable, sheetName: string) => ({ seed, options: { sheetName, footer: FOOTER } });

/** Rows: 2 title lines + header; the first data row is sheet row 4 (3 title lines for the plan: row 5). */
const resultRow = (seed: SeedTable, label: string) => 4 + rowOf(seed, label);

async function checkJson(...args: string[]) {
  const run = await runMain(["check", ...args, "--json"]);
  return { ...run, result: JSON.parse(run.out) as CheckResult };
}

const NEW_RULES = new Set(["plan-mismatch", "period-regression", "outlier", "missing-report"]);
const brief = (findings: FindingJson[]) => findings.map((f) => `${f.rule} ${f.cell}`);

beforeAll(async () => {
  await seedWorkbook(file("ke-hoach-2024.xlsx"), [sheet(PLAN_SEED, "Phụ lục I")]);
  await seedWorkbook(file("ket-qua-6-thang-2024.xlsx"), [
    sheet(RESULT_6_THANG, "Chỉ tiêu ngành"),
    sheet(COUNTS_6_THANG, "Thanh tra"),
  ]);
  await seedWorkbook(file("ket-qua-9-thang-2024.xlsx"), [
    sheet(RESULT_9_THANG, "Chỉ tiêu ngành"),
    sheet(COUNTS_9_THANG, "Thanh tra"),
  ]);
  await seedWorkbook(file("ket-qua-9-thang-sai.xlsx"), [
    sheet(planted9Thang(), "Chỉ tiêu ngành"),
    sheet(plantedCounts9Thang(), "Thanh tra"),
  ]);
  await seedWorkbook(file("dvc-huyen.xlsx"), [sheet(SERVICES_CLEAN, "DVC")]);
  await seedWorkbook(file("dvc-huyen-sai.xlsx"), [sheet(SERVICES_OUTLIER, "DVC")]);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Each test reads up to three workbooks; on a loaded machine that exceeds jest's 5 s default.
jest.setTimeout(60_000);

describe("phuluc check --plan --previous", () => {
  it("the 6-tháng results against the approved plan: clean, and the note names the plan used", async () => {
    const { code, result } = await checkJson(file("ket-qua-6-thang-2024.xlsx"), "--plan", file("ke-hoach-2024.xlsx"));
    expect(code).toBe(0);
    expect(result.plan).toBe(file("ke-hoach-2024.xlsx"));
    const indicators = sheetOf(fileResult(result, "ket-qua-6-thang-2024.xlsx"), "Chỉ tiêu ngành");
    expect(indicators.findings).toEqual([]);
    expect(indicators.notes).toContain(
      "Đã so với kế hoạch được duyệt: tệp ke-hoach-2024.xlsx, trang tính “Phụ lục I” (34 dòng khớp).",
    );
    // The counts sheet shares no indicator with the plan: said, not reported as 25 missing indicators.
    const counts = sheetOf(fileResult(result, "ket-qua-6-thang-2024.xlsx"), "Thanh tra");
    expect(counts.findings).toEqual([]);
    expect(counts.notes.join(" ")).toContain("chưa so với kế hoạch");
  });

  it("the clean 9-tháng twin against the plan and 6 tháng: no finding; the notes name both periods", async () => {
    const { code, result } = await checkJson(
      file("ket-qua-9-thang-2024.xlsx"),
      "--plan",
      file("ke-hoach-2024.xlsx"),
      "--previous",
      file("ket-qua-6-thang-2024.xlsx"),
    );
    expect(code).toBe(0);
    const book = fileResult(result, "ket-qua-9-thang-2024.xlsx");
    expect(book.sheets.flatMap((s) => s.findings)).toEqual([]);
    expect(sheetOf(book, "Thanh tra").notes).toContain(
      "Đã so với kỳ trước: tệp ket-qua-6-thang-2024.xlsx, trang tính “Thanh tra” (6 tháng năm 2024; kỳ này: 9 tháng năm 2024; 8 dòng khớp).",
    );
  });

  it("the planted 9 tháng: exactly the four planted findings, each naming the plan or the previous period", async () => {
    const { code, result } = await checkJson(
      file("ket-qua-9-thang-sai.xlsx"),
      "--plan",
      file("ke-hoach-2024.xlsx"),
      "--previous",
      file("ket-qua-6-thang-2024.xlsx"),
    );
    expect(code).toBe(1);
    const book = fileResult(result, "ket-qua-9-thang-sai.xlsx");
    const planted = planted9Thang();
    const indicators = sheetOf(book, "Chỉ tiêu ngành");
    const targetCell = `C${resultRow(planted, LOWERED)}`;
    expect(brief(indicators.findings)).toEqual(["missing-report A3", `plan-mismatch ${targetCell}`]);
    const [missing, mismatch] = indicators.findings;
    // Spec §8's fields exactly; messageEn and params are added fields.
    expect(mismatch).toMatchObject({
      rule: "plan-mismatch",
      severity: "error",
      cell: targetCell,
      message:
        `Ô ${targetCell}: Kế hoạch ghi “65%” nhưng kế hoạch được duyệt của chỉ tiêu “Tỷ lệ CQNN hoàn thiện Chính quyền điện tử” ` +
        `là “70%” (tệp ke-hoach-2024.xlsx, trang tính “Phụ lục I”, ô C${5 + rowOf(PLAN_SEED, LOWERED)}). ` +
        `Tính theo kế hoạch được duyệt: kết quả 68% đạt 97,1% kế hoạch, “Chưa đạt” (bảng ghi “Vượt”).`,
      expected: "70%",
      actual: "65%",
    });
    expect(missing).toMatchObject({ severity: "warning", expected: expect.stringMatching(new RegExp(`^${DROPPED}`)) });
    expect(missing.message).toContain(`ô B${5 + rowOf(PLAN_SEED, DROPPED)}`);

    const counts = sheetOf(book, "Thanh tra");
    const countsSeed = plantedCounts9Thang();
    expect(counts.findings).toEqual([
      expect.objectContaining({
        rule: "period-regression",
        severity: "warning",
        cell: `D${resultRow(countsSeed, FALLEN)}`,
        expected: 9,
        actual: 8,
      }),
      expect.objectContaining({
        rule: "outlier",
        severity: "warning",
        cell: `D${resultRow(countsSeed, THOUSANDFOLD)}`,
        expected: 316,
        actual: 540000,
      }),
    ]);
    expect(counts.findings[0].message).toContain("thấp hơn 6 tháng năm 2024 là 9 (tệp ket-qua-6-thang-2024.xlsx");
    expect(counts.findings[1].message).toContain("gấp 1.709 lần 6 tháng năm 2024 (316");
  });

  it("without --plan and --previous the same file raises none of these (they answer to the other files)", async () => {
    const { code, result } = await checkJson(file("ket-qua-9-thang-sai.xlsx"));
    expect(code).toBe(0);
    const findings = fileResult(result, "ket-qua-9-thang-sai.xlsx").sheets.flatMap((s) => s.findings);
    expect(findings.filter((f) => NEW_RULES.has(f.rule))).toEqual([]);
  });

  it("a previous period that is not earlier is said, and cumulative figures are not compared", async () => {
    const { result } = await checkJson(
      file("ket-qua-6-thang-2024.xlsx"),
      "--previous",
      file("ket-qua-9-thang-sai.xlsx"),
    );
    const counts = sheetOf(fileResult(result, "ket-qua-6-thang-2024.xlsx"), "Thanh tra");
    expect(counts.notes.join(" ")).toContain("không so số lũy kế vì kỳ trước (9 tháng năm 2024) không sớm hơn kỳ này");
    expect(counts.findings.filter((f) => f.rule === "period-regression")).toEqual([]);
    // 1000× is a typing slip whichever way round: still said.
    expect(brief(counts.findings)).toEqual([`outlier D${resultRow(COUNTS_6_THANG, THOUSANDFOLD)}`]);
  });

  it("an unreadable plan ends the check with exit 2 and a Vietnamese message", async () => {
    const run = await runMain(["check", file("ket-qua-6-thang-2024.xlsx"), "--plan", file("khong-co.xlsx")]);
    expect(run.code).toBe(2);
    expect(run.err).toContain("Không đọc được tệp kế hoạch (--plan)");
    expect((await runMain(["check", file("ket-qua-6-thang-2024.xlsx"), "--plan"])).code).toBe(2);
  });
});

describe("outlier across units (dịch vụ công per district)", () => {
  it("one district's count 1000× the others' is an outlier; its clean twin gives nothing", async () => {
    const { result } = await checkJson(file("dvc-huyen-sai.xlsx"), file("dvc-huyen.xlsx"));
    expect(sheetOf(fileResult(result, "dvc-huyen.xlsx"), "DVC").findings).toEqual([]);
    const row = 4 + DISTRICTS.indexOf(OUTLIER_DISTRICT);
    expect(sheetOf(fileResult(result, "dvc-huyen-sai.xlsx"), "DVC").findings).toEqual([
      expect.objectContaining({ rule: "outlier", severity: "warning", cell: `C${row}`, expected: 303, actual: 296000 }),
    ]);
  });
});

describe("phuluc merge --plan", () => {
  const form = (seed: SeedTable): SeedTable => ({
    ...seed,
    rows: seed.rows.map((row) =>
      row.map((text, c) => (c >= RESULT_COL.actual && c <= RESULT_COL.assessment ? "" : text)),
    ),
  });
  const unitCopy = (seed: SeedTable, unit: string): SeedTable => {
    const blank = form(seed);
    return { ...seed, rows: seed.rows.map((row, i) => (row[RESULT_COL.lead].includes(unit) ? row : blank.rows[i])) };
  };
  const units = ["CNTT-BCVT", "TTBCXB", "Thanh tra"];

  async function mergeJson(template: string, plan: boolean) {
    const unitFiles = units.map((u) => file(`${u}.xlsx`));
    const out = file(`out-${plan ? "ke-hoach-" : ""}${template}`);
    const args = ["merge", "--template", file(template), ...unitFiles, "-o", out, "--json"];
    const run = await runMain(plan ? [...args, "--plan", file("ke-hoach-2024.xlsx")] : args);
    return { code: run.code, json: JSON.parse(run.out), err: run.err };
  }

  beforeAll(async () => {
    const planted = planted9Thang();
    await seedWorkbook(file("mau-9-thang-sai.xlsx"), [sheet(form(planted), "Chỉ tiêu ngành")]);
    await seedWorkbook(file("mau-9-thang.xlsx"), [sheet(form(RESULT_9_THANG), "Chỉ tiêu ngành")]);
    for (const unit of units) {
      await seedWorkbook(file(`${unit}.xlsx`), [sheet(unitCopy(RESULT_9_THANG, unit), "Chỉ tiêu ngành")]);
    }
  }, 120_000);

  it("checks the consolidated targets against the plan: the template's lowered target and its missing indicator", async () => {
    const { json } = await mergeJson("mau-9-thang-sai.xlsx", true);
    const consolidated = json.files[0].sheets.find((s: { sheet: string }) => s.sheet === "Chỉ tiêu ngành");
    const planFindings = consolidated.findings.filter(
      (f: FindingJson) =>
        f.rule === "plan-mismatch" || (f.rule === "missing-report" && f.message.includes("kế hoạch được duyệt")),
    );
    expect(planFindings.map((f: FindingJson) => [f.rule, f.expected])).toEqual([
      ["missing-report", expect.stringMatching(new RegExp(`^${DROPPED}`))],
      ["plan-mismatch", "70%"],
    ]);
  });

  it("the clean template against the plan: no plan finding; without --plan none either", async () => {
    for (const plan of [true, false]) {
      const { json } = await mergeJson("mau-9-thang.xlsx", plan);
      const rules = json.files[0].sheets.flatMap((s: { findings: FindingJson[] }) => s.findings.map((f) => f.rule));
      expect(
        rules.filter((r: string) => r === "plan-mismatch" || r === "outlier" || r === "period-regression"),
      ).toEqual([]);
    }
  });
});

describe("phuluc merge: outlier across units on the consolidated dịch vụ công", () => {
  const template: SeedTable = {
    ...SERVICES_CLEAN,
    rows: SERVICES_CLEAN.rows.map((row) => row.map((text, c) => (c < 2 ? text : ""))),
  };
  const own = (seed: SeedTable, i: number): SeedTable => ({ ...seed, rows: [seed.rows[i]] });

  async function merged(seed: SeedTable, name: string) {
    const files = DISTRICTS.map((_, i) => file(`${name}-${i + 1}.xlsx`));
    for (const [i, unitFile] of files.entries()) await seedWorkbook(unitFile, [sheet(own(seed, i), "DVC")]);
    const run = await runMain([
      "merge",
      "--template",
      file("mau-dvc.xlsx"),
      ...files,
      "-o",
      file(`${name}-tong-hop.xlsx`),
      "--json",
    ]);
    const consolidated = JSON.parse(run.out).files[0].sheets[0];
    return consolidated.findings as FindingJson[];
  }

  beforeAll(() => seedWorkbook(file("mau-dvc.xlsx"), [sheet(template, "DVC")]), 60_000);

  it("a district's total 1000× the others' is an outlier in the consolidated sheet; the clean twin has none", async () => {
    expect((await merged(SERVICES_CLEAN, "huyen")).filter((f) => f.rule === "outlier")).toEqual([]);
    const row = 4 + DISTRICTS.indexOf(OUTLIER_DISTRICT);
    const outliers = (await merged(SERVICES_OUTLIER, "huyen-sai")).filter((f) => f.rule === "outlier");
    expect(outliers).toEqual([
      expect.objectContaining({ cell: `C${row}`, severity: "warning", expected: 303, actual: 296000 }),
    ]);
  });
});
