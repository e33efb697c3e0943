import { mergeWorkbook, type UnitInput } from ".";
import { unitInputs } from "./inputs";
import {
  COL,
  blankForm,
  budgetBySection,
  filledPhuLucI,
  rowIndexOf,
  sheetOf,
  unitCopy,
  withCell,
} from "../../../test/fixtures/mergeCases";
import { SEED_PHU_LUC_II, type SeedTable } from "../../../test/fixtures/seedTables";
import { seedGrid, type SeedGridOptions } from "../../../test/fixtures/seedGrids";

const filled = filledPhuLucI();
const template = sheetOf(blankForm(filled));

/** A unit's file as the CLI reads it: recognised, with the cells of columns the table does not read. */
function unitFile(seed: SeedTable, file: string, options: SeedGridOptions = {}, extra: Partial<UnitInput> = {}) {
  const grid = seedGrid(seed, { sheetName: "Phụ lục I", ...options });
  return unitInputs(file, [grid], extra).inputs[0];
}

describe("merge: nothing silently dropped", () => {
  const internet = rowIndexOf(filled, "Tỷ lệ hộ gia đình có đường internet");
  const cntt = unitCopy(filled, "CNTT-BCVT");
  const estimates = cntt.rows.map((row) => (row[COL.actual] ? "95%" : ""));
  const withEstimate = unitFile(cntt, "CNTT-BCVT.xlsx", {
    extraColumns: [{ header: "Ước thực hiện cả năm", at: 4, values: estimates }],
  });
  // TTBCXB writes a note on CNTT-BCVT's indicator (and sends no value there).
  const ttbcxb = withCell(unitCopy(filled, "TTBCXB"), internet, COL.note, "Theo số liệu của Bưu điện tỉnh");
  const result = mergeWorkbook([template], [withEstimate, unitFile(ttbcxb, "TTBCXB.xlsx")]);
  const of = (file: string) => result.values.filter((v) => v.file === file);

  it("a second result column the template lacks is in the JSON as not merged, with its reason, and in the log", () => {
    const estimate = of("CNTT-BCVT.xlsx").filter((v) => v.column === "Ước thực hiện cả năm");
    expect(estimate).toHaveLength(estimates.filter(Boolean).length);
    expect(estimate[0]).toMatchObject({
      fate: "not-merged",
      value: "95%",
      reason: "mẫu tổng hợp không có cột “Ước thực hiện cả năm”",
    });
    const logged = result.log.find(
      (e) => e.file === "CNTT-BCVT.xlsx" && e.indicator === filled.rows[internet][COL.label],
    );
    expect(logged?.note).toContain("Không tổng hợp Ước thực hiện cả năm: 95% (mẫu tổng hợp không có cột");
  });

  it("near miss: where the template has that column but does not fill it, the reason says so", () => {
    const withColumn = sheetOf(blankForm(filled), {
      extraColumns: [{ header: "Ước thực hiện cả năm", at: 4, values: [] }],
    });
    const again = mergeWorkbook([withColumn], [withEstimate]);
    expect(again.values.find((v) => v.column === "Ước thực hiện cả năm")).toMatchObject({
      fate: "not-merged",
      reason:
        "cột “Ước thực hiện cả năm” của mẫu tổng hợp không phải cột số liệu PhuLuc tổng hợp (cột tính bằng công " +
        "thức hoặc cột ghi thêm)",
    });
  });

  it("its own results are merged into the template's cells", () => {
    const actual = of("CNTT-BCVT.xlsx").find(
      (v) => v.indicator === filled.rows[internet][COL.label] && v.column === "Thực hiện",
    );
    expect(actual).toMatchObject({ fate: "merged", value: filled.rows[internet][COL.actual] });
    expect(actual?.target?.cell).toMatch(/^D\d+$/);
  });

  it("another unit's note on an indicator it does not lead is accounted, with why it is not in Ghi chú", () => {
    const note = of("TTBCXB.xlsx").find((v) => v.value === "Theo số liệu của Bưu điện tỉnh");
    expect(note).toMatchObject({ fate: "not-merged", column: "Ghi chú" });
    expect(note?.reason).toContain("chỉ giải trình đi kèm số liệu được lấy");
  });

  it("an amount column the template lacks is accounted as not merged", () => {
    const { template: budgetSeed, parts } = budgetBySection(SEED_PHU_LUC_II);
    const budgetTemplate = sheetOf(budgetSeed, { sheetName: "Phụ lục II" });
    const part = parts[0];
    const grid = seedGrid(part, {
      sheetName: "Phụ lục II",
      extraColumns: [{ header: "Vốn khác", at: 4, values: part.rows.map((row) => (row[3] ? "12" : "")) }],
    });
    const input = unitInputs("kinh-phi-CNTT.xlsx", [grid], { unitId: "CNTT-BCVT" }).inputs[0];
    const merged = mergeWorkbook([budgetTemplate], [input]);
    const other = merged.values.filter((v) => v.column === "Vốn khác");
    expect(other.length).toBe(part.rows.filter((row) => row[3]).length);
    expect(
      other.every(
        (v) => v.fate === "not-merged" && v.reason === "cột tiền “Vốn khác” không khớp cột nào của mẫu tổng hợp",
      ),
    ).toBe(true);
    expect(
      merged.values.filter((v) => v.column === "Nhu cầu kinh phí năm 2024").every((v) => v.fate === "merged"),
    ).toBe(true);
  });
});

describe("merge: wrong-template", () => {
  it("a kinh-phi file given as a unit's chi-tieu report is refused for that unit, said plainly", () => {
    const budget = unitInputs("THANH-TRA.xlsx", [seedGrid(SEED_PHU_LUC_II, { sheetName: "Phụ lục II" })]).inputs[0];
    const result = mergeWorkbook([template], [unitFile(unitCopy(filled, "CNTT-BCVT"), "CNTT-BCVT.xlsx"), budget]);
    const wrong = result.findings.filter((f) => f.rule === "wrong-template");
    expect(wrong).toEqual([
      expect.objectContaining({
        severity: "error",
        file: "THANH-TRA.xlsx",
        sheet: "Phụ lục II",
        message: expect.stringContaining(
          "trang tính “Phụ lục II” của tệp THANH-TRA.xlsx là mẫu kinh-phi, khác mẫu của bảng tổng hợp (chi-tieu); không tổng hợp và không tính là báo cáo của THANH-TRA",
        ),
      }),
    ]);
    expect(result.completeness.sentUnits).toEqual(["CNTT-BCVT"]);
    expect(result.completeness.missingUnits).toContain("THANH-TRA");
    const values = result.values.filter((v) => v.file === "THANH-TRA.xlsx");
    expect(values.length).toBeGreaterThan(0);
    expect(values.every((v) => v.fate === "not-merged" && v.reason?.startsWith("Tệp khác mẫu"))).toBe(true);
    expect(result.log.filter((e) => e.file === "THANH-TRA.xlsx").every((e) => e.status === "not-merged")).toBe(true);
  });
});
