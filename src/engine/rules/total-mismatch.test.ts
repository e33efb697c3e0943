import { buildTable, type ColumnSpec, type RowSpec } from "../../../test/fixtures/tables";
import type { CellValue } from "../grid";
import { DEFAULT_UNITS } from "../units";
import { totalMismatch } from "./total-mismatch";
import { checkGrid } from "../check";
import { seedGrid } from "../../../test/fixtures/seedGrids";
import { SEED_PHU_LUC_II } from "../../../test/fixtures/seedTables";

const item = (stt: string, ...amounts: CellValue[]): RowSpec => ({
  stt,
  label: `Dự án ${stt}`,
  cells: { leadUnit: "Sở TTTT" },
  amounts,
});
const budget = (rows: RowSpec[], amounts: ColumnSpec[] = [{ amount: "Nhu cầu kinh phí năm 2024" }]) =>
  buildTable("kinh-phi", { columns: ["stt", "indicator", "leadUnit", ...amounts], rows });
const run = (rows: RowSpec[], amounts?: ColumnSpec[]) => {
  const notes: string[] = [];
  const findings = totalMismatch.check(budget(rows, amounts), {
    units: DEFAULT_UNITS,
    note: (n) => notes.push(n.message),
  });
  return { findings, notes };
};

describe("total-mismatch", () => {
  it("checks Cộng rows, sections stating their subtotal and Tổng cộng", () => {
    const { findings } = run([
      { stt: "I", label: "Các dự án của Sở", amounts: [46884] },
      item("1", 40444),
      item("2", 6440),
      { stt: "II", label: "Đề án 06" },
      item("3", 25500),
      item("4", 30000),
      { label: "Cộng", amounts: [55000] },
      { label: "Tổng cộng", amounts: [102384] },
    ]);
    // Section I's 46.884 and Tổng cộng's 102.384 agree with their items; Cộng of II does not.
    expect(findings.map((f) => [f.cell, f.expected, f.actual])).toEqual([["D10", 55500, 55000]]);
    expect(findings[0].message).toBe("Ô D10: Cộng ghi 55.000 nhưng tổng các mục là 55.500 (chênh lệch 500).");
  });

  it("near misses: totals that agree, and a total written rounded or truncated", () => {
    expect(run([item("1", 10.45), item("2", 10.4), { label: "Tổng cộng", amounts: [20.85] }]).findings).toEqual([]);
    // 20,85 written with one decimal: 20,9 (rounded) and 20,8 (truncated) both pass; 20,7 does not.
    for (const written of [
      { value: 20.9, numFmt: "#,##0.0" },
      { value: 20.8, numFmt: "#,##0.0" },
    ]) {
      expect(
        run([item("1", 10.45), item("2", 10.4), { label: "Tổng cộng", amounts: [written as never] }]).findings,
      ).toEqual([]);
    }
    const wrong = { value: 20.7, numFmt: "#,##0.0" };
    expect(
      run([item("1", 10.45), item("2", 10.4), { label: "Tổng cộng", amounts: [wrong as never] }]).findings,
    ).toHaveLength(1);
  });

  it("checks a Tổng column against the other amount columns of the same row, naming the columns", () => {
    const columns: ColumnSpec[] = [
      { amount: "Vốn đầu tư" },
      { amount: "Vốn sự nghiệp" },
      { amount: "Tổng", isTotal: true },
    ];
    const { findings } = run(
      [item("1", 100, 20, 120), item("2", 50, null, 55), { label: "Tổng cộng", amounts: [150, 20, 175] }],
      columns,
    );
    // Down, every column of Tổng cộng agrees (150, 20, 175); across, rows 2 and Tổng cộng do not.
    expect(findings.map((f) => f.message)).toEqual([
      "Ô F5: Cột Tổng ghi 55 nhưng Vốn đầu tư + Vốn sự nghiệp của cùng dòng là 50 (chênh lệch 5).",
      "Ô F6: Cột Tổng ghi 175 nhưng Vốn đầu tư + Vốn sự nghiệp của cùng dòng là 170 (chênh lệch 5).",
    ]);
  });

  it("claims nothing over unreadable cells (total-unverifiable names them), and notes an empty total", () => {
    const { findings, notes } = run([item("1", 40444), item("2", "khoảng 6 tỷ"), { label: "Tổng cộng", amounts: [1] }]);
    expect(findings).toEqual([]);
    expect(notes).toEqual([]);
    const empty = run([item("1", 40444), item("2", 6440), { label: "Tổng cộng" }]);
    expect(empty.findings).toEqual([]);
    expect(empty.notes).toEqual(["Ô D6: Tổng cộng bỏ trống trong khi tổng các mục là 46.884."]);
  });
});

describe("total-mismatch: the unit of its figures", () => {
  it("is the sheet's Đvt on a money table (seed Phụ lục II: triệu đồng), none where no Đvt is stated", () => {
    const [stated] = checkGrid(seedGrid(SEED_PHU_LUC_II, { sheetName: "Phụ lục II" })).findings.filter(
      (f) => f.rule === "total-mismatch",
    );
    expect(stated.params.figureUnit).toEqual({ kind: "money", scale: 1e6 });
    const [unstated] = run([item("1", 10), item("2", 5), { label: "Tổng cộng", amounts: [16] }]).findings;
    expect(unstated.expected).toBe(15);
    expect(unstated.params.figureUnit).toBeUndefined();
  });
});
