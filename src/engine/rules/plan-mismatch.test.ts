/**
 * plan-mismatch beyond the CLI cases (test/cli/planPeriods.test.ts): a results sheet that states no
 * target is judged against the approved one; a unit's own sheet is not missing other units'
 * indicators; a retyped indicator is proposed in a note, neither compared nor missing.
 */
import { checkGrid } from "../check";
import { referenceBook } from "../periods/reference";
import { seedGrid } from "../../../test/fixtures/seedGrids";
import type { SeedTable } from "../../../test/fixtures/seedTables";
import { PLAN_SEED, RESULT_6_THANG, RESULT_COL, rowOf } from "../../../test/fixtures/periodCases";

const plan = referenceBook("ke-hoach-2024.xlsx", [seedGrid(PLAN_SEED, { sheetName: "Phụ lục I" })]);
const check = (seed: SeedTable) => checkGrid(seedGrid(seed, { sheetName: "Kết quả" }), { references: { plan } });
const CHINH_QUYEN = "Tỷ lệ CQNN hoàn thiện";
const PLAN_RULES = new Set(["plan-mismatch", "missing-report", "assessment-contradiction"]);
/** What the plan comparison found (a unit's cut-down sheet has empty sections the other rules rightly note). */
const againstPlan = (seed: SeedTable) => check(seed).findings.filter((f) => PLAN_RULES.has(f.rule));

/** The 6-tháng results as a ket-qua sheet: STT, Nội dung chỉ tiêu, Kết quả, Đánh giá — no Kế hoạch. */
function resultsOnly(assessment: string): SeedTable {
  const keep = [RESULT_COL.stt, RESULT_COL.label, RESULT_COL.actual, RESULT_COL.assessment];
  return {
    title: ["PHỤ LỤC", "Kết quả thực hiện chỉ tiêu ngành 6 tháng đầu năm 2024"],
    header: ["STT", "Nội dung chỉ tiêu", "Kết quả", "Đánh giá"],
    rows: RESULT_6_THANG.rows
      .filter((row) => row[RESULT_COL.target])
      .map((row, i) => [String(i + 1), ...row.slice(1)])
      .map((row) =>
        keep.map((c) => (c === RESULT_COL.assessment && row[1].startsWith(CHINH_QUYEN) ? assessment : row[c])),
      ),
  };
}

describe("plan-mismatch against the approved plan", () => {
  it("a sheet without Kế hoạch: Đạt for 65% against the approved 70% contradicts it, naming that target", () => {
    const seed = resultsOnly("Đạt");
    const report = check(seed);
    const cell = `D${4 + rowOf(seed, CHINH_QUYEN)}`;
    expect(report.findings.map((f) => [f.rule, f.cell])).toEqual([["assessment-contradiction", cell]]);
    expect(report.findings[0].message).toBe(
      `Ô ${cell}: Đánh giá ghi “Đạt” nhưng kết quả 65% so với kế hoạch được duyệt “70%” ` +
        `(tệp ke-hoach-2024.xlsx, trang tính “Phụ lục I”, ô C${5 + rowOf(PLAN_SEED, CHINH_QUYEN)}) là “Chưa đạt” (chưa đạt chỉ tiêu).`,
    );
    // Its clean twin, Chưa đạt as 003_… says: nothing.
    expect(check(resultsOnly("Chưa đạt")).findings).toEqual([]);
  });

  it("a unit's sheet of its own indicators is not missing the other units' ones; a dropped own one is", () => {
    const own = (unit: string) => ({
      ...RESULT_6_THANG,
      rows: RESULT_6_THANG.rows.filter((row) => !row[RESULT_COL.target] || row[RESULT_COL.lead].includes(unit)),
    });
    expect(againstPlan(own("Thanh tra"))).toEqual([]);
    const ttbcxb = own("TTBCXB");
    const dropped = { ...ttbcxb, rows: ttbcxb.rows.filter((row) => !row[1].startsWith("Tỷ lệ hộ xem được")) };
    const findings = againstPlan(dropped);
    // Row I is led by CNTT-BCVT and TTBCXB: expected of TTBCXB too, and present.
    expect(findings.map((f) => [f.rule, f.expected])).toEqual([
      ["missing-report", "Tỷ lệ hộ xem được Đài truyền hình VN"],
    ]);
  });

  it("a retyped indicator is proposed in a note, neither compared nor reported missing", () => {
    const i = rowOf(RESULT_6_THANG, "Tỷ lệ hộ có phương tiện");
    const retyped: SeedTable = {
      ...RESULT_6_THANG,
      rows: RESULT_6_THANG.rows.map((row, r) =>
        r === i
          ? row.map((t, c) =>
              c === RESULT_COL.label
                ? "Tỷ lệ hộ gia đình có phương tiện nghe nhìn"
                : c === RESULT_COL.target
                  ? "90%"
                  : t,
            )
          : row,
      ),
    };
    const report = check(retyped);
    expect(report.findings).toEqual([]);
    expect(report.notes.map((n) => n.message).join(" ")).toContain(
      "gần giống chỉ tiêu “Tỷ lệ hộ có phương tiện nghe, nhìn” của kế hoạch",
    );
  });
});
