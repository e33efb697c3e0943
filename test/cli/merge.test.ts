import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { merge } from "../../src/cli/merge";
import { LOG_HEADER, LOG_SHEET_NAME } from "../../src/engine/merge/logSheet";
import { addGridSheet, seedGrid, seedWorkbook } from "../fixtures/seedGrids";
import { SEED_PHU_LUC_II } from "../fixtures/seedTables";
import {
  COL,
  blankForm,
  budgetBySection,
  filledPhuLucI,
  rowIndexOf,
  unitCopy,
  withCell,
  UNITS_OF_PHU_LUC_I,
} from "../fixtures/mergeCases";

const filled = filledPhuLucI();
const budget = budgetBySection(SEED_PHU_LUC_II);
let dir: string;

async function run(args: string[]) {
  let out = "";
  let err = "";
  const code = await merge(args, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

async function readBack(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "phuluc-merge-"));
  await seedWorkbook(path.join(dir, "TONG-HOP.xlsx"), [
    { seed: blankForm(filled), options: { sheetName: "Phụ lục I" } },
    { seed: budget.template, options: { sheetName: "Phụ lục II" } },
  ]);
  for (const unit of UNITS_OF_PHU_LUC_I) {
    const part = budget.parts[UNITS_OF_PHU_LUC_I.indexOf(unit)];
    await seedWorkbook(path.join(dir, `${unit}.xlsx`), [
      { seed: unitCopy(filled, unit), options: { sheetName: "Phụ lục I" } },
      { seed: part, options: { sheetName: "Phụ lục II" } },
    ]);
  }
  const internet = rowIndexOf(filled, "Tỷ lệ hộ gia đình có đường internet");
  await seedWorkbook(path.join(dir, "TTBCXB-conflict.xlsx"), [
    { seed: withCell(unitCopy(filled, "TTBCXB"), internet, COL.actual, "85%"), options: { sheetName: "Phụ lục I" } },
  ]);
  await fs.writeFile(path.join(dir, "hong.xlsx"), "đây không phải tệp Excel");
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("phuluc merge (CLI, end to end on xlsx files)", () => {
  it("writes the consolidated workbook with values, recomputed totals and the log sheet; exit 0", async () => {
    const template = path.join(dir, "TONG-HOP.xlsx");
    const before = await fs.readFile(template);
    const out = path.join(dir, "out.xlsx");
    const units = UNITS_OF_PHU_LUC_I.map((u) => path.join(dir, `${u}.xlsx`));
    const { code, out: stdout } = await run(["--template", template, ...units, "-o", out]);
    expect(stdout).toContain("Hoàn thành 41/41");
    expect(code).toBe(0);
    expect(await fs.readFile(template)).toEqual(before);

    const workbook = await readBack(out);
    const pl1 = workbook.getWorksheet("Phụ lục I")!;
    const internet = rowIndexOf(filled, "Tỷ lệ hộ gia đình có đường internet");
    const row = 5 + internet; // 3 title lines + header, 1-based
    expect(pl1.getCell(row, COL.actual + 1).value).toBe(0.8);
    expect(pl1.getCell(row, COL.note + 1).value).toBe("Số liệu ước đến 30/11");
    const pl2 = workbook.getWorksheet("Phụ lục II")!;
    const labels = pl2.getColumn(2).values.slice(1);
    const totalRow = labels.indexOf("Tổng cộng") + 1;
    expect(pl2.getCell(totalRow, 4).value).toBe(225091);
    expect(pl2.getCell(totalRow - 1, 1).value).toBe("10");

    const log = workbook.getWorksheet(LOG_SHEET_NAME)!;
    expect(log.getRow(1).values).toEqual([undefined, ...LOG_HEADER]);
    const statuses = new Set(log.getColumn(7).values.slice(2));
    expect(statuses).toEqual(new Set(["Đã tổng hợp", "Trùng khớp"]));
    expect(log.rowCount - 1).toBeGreaterThan(41);
  });

  it("--json lists merge findings in check's shape; a conflict exits 1; an unreadable file is listed, the rest merged", async () => {
    const out = path.join(dir, "out-conflict.xlsx");
    const units = ["CNTT-BCVT.xlsx", "TTBCXB-conflict.xlsx", "hong.xlsx"].map((f) => path.join(dir, f));
    const {
      code,
      out: stdout,
      err,
    } = await run(["--template", path.join(dir, "TONG-HOP.xlsx"), ...units, "-o", out, "--json"]);
    expect(code).toBe(1);
    const json = JSON.parse(stdout);
    expect(json.files[0].file).toBe(out);
    const pl1 = json.files[0].sheets.find((s: { sheet: string }) => s.sheet === "Phụ lục I");
    const conflict = pl1.findings.find((f: { rule: string }) => f.rule === "merge-conflict");
    expect(conflict).toMatchObject({ severity: "error", expected: "80%", actual: "85%", file: "TTBCXB-conflict.xlsx" });
    expect(Object.keys(conflict).slice(0, 6)).toEqual(["rule", "severity", "cell", "message", "expected", "actual"]);
    expect(
      pl1.findings.some(
        (f: { rule: string; message: string }) => f.rule === "missing-report" && f.message.includes("THANH-TRA"),
      ),
    ).toBe(true);
    const broken = json.files.find((f: { file: string }) => f.file.endsWith("hong.xlsx"));
    expect(broken.error).toMatch(/hong\.xlsx/);
    expect(json.notMerged).toHaveLength(1);
    expect(json.completeness.missingUnits).toEqual(["THANH-TRA"]);
    expect(err).toContain("hong.xlsx");
    const log = (await readBack(out)).getWorksheet(LOG_SHEET_NAME)!;
    const last = log.getRow(log.rowCount).values as unknown[];
    expect(last[1]).toBe("hong.xlsx");
    expect(last[7]).toBe("Không tổng hợp được");
  });

  it("merging as files arrive: a unit received by an earlier merge into the workbook is not 'chưa nộp'", async () => {
    const first = path.join(dir, "TONG-HOP-vong1.xlsx");
    const second = path.join(dir, "TONG-HOP-vong2.xlsx");
    const once = await run(["--template", path.join(dir, "TONG-HOP.xlsx"), path.join(dir, "TTBCXB.xlsx"), "-o", first]);
    // Near miss: into the blank template, the units that sent nothing are missing.
    expect(once.out).toContain("Đơn vị: cần 3, đã gửi 1, chưa nộp: CNTT-BCVT, THANH-TRA.");
    const again = await run(["--template", first, path.join(dir, "CNTT-BCVT.xlsx"), "-o", second, "--json"]);
    const json = JSON.parse(again.out);
    expect(json.completeness).toMatchObject({
      sentUnits: ["CNTT-BCVT"],
      receivedEarlier: ["TTBCXB"],
      missingUnits: ["THANH-TRA"],
    });
  });

  it("exits 2 when nothing could be merged, and refuses to overwrite the template", async () => {
    const template = path.join(dir, "TONG-HOP.xlsx");
    const nothing = await run(["--template", template, path.join(dir, "hong.xlsx"), "-o", path.join(dir, "x.xlsx")]);
    expect(nothing.code).toBe(2);
    expect(nothing.err).toContain("Không tổng hợp được tệp nào");
    await expect(fs.access(path.join(dir, "x.xlsx"))).rejects.toThrow();
    const same = await run(["--template", template, path.join(dir, "TTBCXB.xlsx"), "-o", template]);
    expect(same.code).toBe(2);
    expect(same.err).toContain("trùng tệp mẫu");
  });
});

describe("merge CLI: newer file by the date the workbook was saved; every value in the JSON", () => {
  const internet = rowIndexOf(filled, "Tỷ lệ hộ gia đình có đường internet");

  async function saved(file: string, seed: typeof filled, modified: string, options = {}): Promise<string> {
    const workbook = new ExcelJS.Workbook();
    addGridSheet(workbook, seedGrid(seed, { sheetName: "Phụ lục I", ...options }));
    workbook.modified = new Date(modified);
    const target = path.join(dir, file);
    await workbook.xlsx.writeFile(target);
    return target;
  }

  it("thang10 (saved 31/10) replaces thang9 (saved 30/09) though a glob lists thang10 first; JSON accounts for every value", async () => {
    const october = await saved(
      "CNTT-BCVT_thang10.xlsx",
      withCell(unitCopy(filled, "CNTT-BCVT"), internet, COL.actual, "82%"),
      "2024-10-31T09:00:00Z",
      {
        extraColumns: [
          { header: "Ước thực hiện cả năm", at: 4, values: filled.rows.map((_, i) => (i === internet ? "90%" : "")) },
        ],
      },
    );
    const september = await saved("CNTT-BCVT_thang9.xlsx", unitCopy(filled, "CNTT-BCVT"), "2024-09-30T09:00:00Z");
    // The older file is touched last: its own date, not the file's, decides.
    await fs.utimes(september, new Date(), new Date());
    const out = path.join(dir, "tong-hop-thang.xlsx");
    const { code, out: stdout } = await run([
      "--template",
      path.join(dir, "TONG-HOP.xlsx"),
      october,
      september,
      "-o",
      out,
      "--json",
    ]);
    expect(code).toBeLessThan(2);
    const json = JSON.parse(stdout);
    const row = (await readBack(out)).getWorksheet("Phụ lục I")!;
    const internetRow = json.values.find(
      (v: { file: string; column: string; indicator: string }) =>
        v.file === "CNTT-BCVT_thang10.xlsx" &&
        v.column === "Thực hiện" &&
        v.indicator === filled.rows[internet][COL.label],
    );
    expect(internetRow).toMatchObject({ fate: "merged", value: "82%" });
    expect(row.getCell(internetRow.target.cell).value).toBe(0.82);
    const older = json.values.filter((v: { file: string }) => v.file === "CNTT-BCVT_thang9.xlsx");
    expect(older.length).toBeGreaterThan(0);
    expect(
      older.every(
        (v: { fate: string; reason: string }) =>
          v.fate === "superseded" && v.reason.includes("ngày lưu trong sổ tính 31/10/2024 09:00"),
      ),
    ).toBe(true);
    expect(json.values.find((v: { column: string }) => v.column === "Ước thực hiện cả năm")).toMatchObject({
      fate: "not-merged",
      value: "90%",
      reason: "mẫu tổng hợp không có cột “Ước thực hiện cả năm”",
    });
    const unitFile = json.files.find((f: { file: string }) => f.file === september);
    expect(
      unitFile.sheets[0].findings.every(
        (f: { rule: string; severity: string }) => f.rule === "superseded" && f.severity === "info",
      ),
    ).toBe(true);
    expect(json.accounting.superseded).toBe(older.length);
    expect(json.accounting["not-merged"]).toBe(1);
    expect(json.completeness.missingUnits).not.toContain("CNTT-BCVT");
  });
});
