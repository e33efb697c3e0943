import { seedGrid } from "../../../test/fixtures/seedGrids";
import { SEED_DICH_VU_CONG, SEED_PHU_LUC_I, SEED_PHU_LUC_II, type SeedTable } from "../../../test/fixtures/seedTables";
import { checkGrid } from "../check";
import { PhuLucError } from "../errors";
import { gridFromValues, type Grid } from "../grid";
import { defaultSettings, parseSettings } from "../settings";
import { buildSubmission, type ConsolidatedSheet } from "./buildSubmission";
import type { SubmissionSheet } from "./model";
import { sumFormula } from "./tableCells";

const consolidated = (grid: Grid): ConsolidatedSheet => ({ grid, table: checkGrid(grid).table });

/** Phụ lục II with one amount replaced (item `stt` gets `amount`). */
function phuLucIIWith(stt: string, amount: string): SeedTable {
  return {
    ...SEED_PHU_LUC_II,
    rows: SEED_PHU_LUC_II.rows.map((r) => (r[0] === stt ? [r[0], r[1], r[2], amount, r[4]] : r)),
  };
}

function rowOf(sheet: SubmissionSheet, label: string) {
  const row = sheet.rows.find((cells) => cells?.[1]?.value === label);
  if (!row) throw new Error(`no row ${label}`);
  return row;
}

describe("buildSubmission", () => {
  it("writes 1.250 typed as text in an amount column as the number 1250, and the total counts it", () => {
    const grid = seedGrid(phuLucIIWith("6", "1.250"), { sheetName: "Phụ lục II", numbers: "text" });
    const [sheet] = buildSubmission([consolidated(grid)], defaultSettings()).sheets;
    const item6 = sheet.rows.find((cells) => cells?.[0]?.value === "6")!;
    expect(item6[3]).toMatchObject({ value: 1250, numFmt: "#,##0" });
    expect(rowOf(sheet, "Tổng cộng")[3]).toMatchObject({ value: 225091 - 396 + 1250 });
  });

  it("keeps a number the unit stored as a number, and its own format", () => {
    const grid = seedGrid(SEED_PHU_LUC_II, { sheetName: "PL2" });
    const [sheet] = buildSubmission([consolidated(grid)], defaultSettings()).sheets;
    const item1 = sheet.rows.find((cells) => cells?.[0]?.value === "1")!;
    expect(item1[3]).toMatchObject({ value: 40444, numFmt: "#,##0" });
  });

  it("writes a percentage typed as text (98,9%) as the share Excel stores, formatted 0.0%", () => {
    const grid = seedGrid(SEED_DICH_VU_CONG, { sheetName: "DVC", numbers: "text" });
    const [sheet] = buildSubmission([consolidated(grid)], defaultSettings()).sheets;
    const plan2024 = sheet.rows.find((cells) => String(cells?.[0]?.value).startsWith("Kế hoạch 2024"))!;
    expect(plan2024[1]).toMatchObject({ value: 2120, numFmt: "#,##0" });
    expect(plan2024[6]).toMatchObject({ value: 0.989, numFmt: "0.0%" });
    const report2019 = sheet.rows.find((cells) => String(cells?.[0]?.value).startsWith("Báo cáo 2019"))!;
    expect(report2019[6]).toMatchObject({ value: 0.97, numFmt: "0.0%" });
  });

  it("says which sheets it leaves out and why", () => {
    const sheets = [
      consolidated(seedGrid(SEED_PHU_LUC_I, { sheetName: "Phụ lục I" })),
      consolidated(gridFromValues("Nhật ký tổng hợp", [["Tệp", "Trạng thái"]])),
      consolidated({ ...seedGrid(SEED_PHU_LUC_II, { sheetName: "Tạm" }), hidden: true }),
      consolidated(gridFromValues("Ghi chép", [["xin chào"]])),
      consolidated(seedGrid(SEED_PHU_LUC_II, { sheetName: "Nhật ký công tác" })),
    ];
    const submission = buildSubmission(sheets, defaultSettings());
    // One log-sheet test with check (merge/logSheet.ts): a Phụ lục on a sheet the user named Nhật ký… is submitted.
    expect(submission.sheets.map((s) => s.name)).toEqual(["Phụ lục I", "Nhật ký công tác"]);
    expect(submission.skipped.map((s) => s.sheet)).toEqual(["Nhật ký tổng hợp", "Tạm", "Ghi chép"]);
    expect(submission.skipped[1].reason).toMatch(/ẩn/);
  });

  it("refuses with a Vietnamese message when no sheet is a Phụ lục", () => {
    expect(() =>
      buildSubmission([consolidated(gridFromValues("Nhật ký tổng hợp", [["x"]]))], defaultSettings()),
    ).toThrow(PhuLucError);
  });

  it("notes the total it corrected", () => {
    const grid = seedGrid(SEED_PHU_LUC_II, { sheetName: "Phụ lục II" });
    const notes = buildSubmission([consolidated(grid)], defaultSettings()).notes;
    expect(notes).toEqual([expect.stringMatching(/Phụ lục II!D19: bảng ghi 224\.591, .* = 225\.091/)]);
  });

  it("uses the sheet's own (Ban hành kèm theo …) line, blanks kept, when the settings name no document", () => {
    const grid = seedGrid(SEED_PHU_LUC_II, { sheetName: "Phụ lục II" });
    const [sheet] = buildSubmission([consolidated(grid)], defaultSettings()).sheets;
    // The runs of spaces are the blanks the signer fills in: kept.
    expect(sheet.rows[6]?.[0]?.value).toBe(SEED_PHU_LUC_II.title[2]);
    const withSettings = buildSubmission(
      [consolidated(grid)],
      parseSettings({ vanBanKemTheo: "Báo cáo số 1/BC-STTTT" }),
    );
    expect(withSettings.sheets[0].rows[6]?.[0]?.value).toBe("(Kèm theo Báo cáo số 1/BC-STTTT)");
  });
});

describe("sumFormula", () => {
  it("joins consecutive rows down a column and consecutive columns across a row", () => {
    expect(sumFormula([3, 4, 6, 7, 8, 10].map((row) => ({ row, col: 3 })))).toBe("SUM(D4:D5,D7:D9,D11)");
    expect(sumFormula([2, 3, 4].map((col) => ({ row: 9, col })))).toBe("SUM(C10:E10)");
    expect(sumFormula([{ row: 1, col: 1 }])).toBe("SUM(B2)");
  });
});

describe("buildSubmission on other layouts", () => {
  const SPLIT: SeedTable = {
    title: ["PHỤ LỤC III", "Nhu cầu kinh phí năm 2025", "Đvt: triệu đồng"],
    header: ["STT", "Nội dung, nhiệm vụ", "Đơn vị chủ trì", "Vốn đầu tư", "Vốn sự nghiệp", "Tổng", "Ghi chú"],
    rows: [
      ["I", "Dự án chuyển tiếp", "", "", "", "", ""],
      ["1", "Trung tâm IOC", "Sở TTTT", "1.000", "200", "1.200", ""],
      ["2", "Hệ thống SOC", "Sở TTTT", "500", "50", "550", ""],
      ["", "Cộng", "", "1.500", "250", "1.750", ""],
      ["II", "Dự án mới", "", "", "", "", ""],
      ["3", "Số hóa hồ sơ", "UBND huyện Chợ Mới", "300", "", "300", ""],
      ["", "Cộng", "", "300", "", "300", ""],
      ["", "Tổng cộng", "", "1.800", "250", "2.050", ""],
    ],
  };

  it("repeats a two-row header with its column numbers, and keeps its merges", () => {
    const grid = seedGrid(SPLIT, {
      sheetName: "PL3",
      group: { text: "Nhu cầu kinh phí năm 2025", from: 3, to: 5 },
      columnNumbers: "parens",
    });
    const [sheet] = buildSubmission([consolidated(grid)], defaultSettings()).sheets;
    const { first, last } = sheet.printTitleRows;
    expect(last - first).toBe(2);
    expect(sheet.rows[first]?.[3]?.value).toBe("Nhu cầu kinh phí năm 2025");
    expect(sheet.rows[last]?.[0]?.value).toBe("(1)");
    expect(sheet.merges).toContainEqual({ top: first, left: 3, bottom: first, right: 5 });
    expect(sheet.merges).toContainEqual({ top: first, left: 0, bottom: first + 1, right: 0 });
  });

  it("sums the Tổng column across each row and every amount column down the Cộng and Tổng cộng rows", () => {
    const grid = seedGrid(SPLIT, { sheetName: "PL3" });
    const [sheet] = buildSubmission([consolidated(grid)], defaultSettings()).sheets;
    const at = (stt: string) => sheet.rows.findIndex((cells) => cells?.[0]?.value === stt);
    const item1 = at("1");
    expect(sheet.rows[item1]![5]).toMatchObject({ formula: `SUM(D${item1 + 1}:E${item1 + 1})`, value: 1200 });
    const total = sheet.rows.findIndex((cells) => cells?.[1]?.value === "Tổng cộng");
    const totals = sheet.rows[total]!.slice(3, 6).map((c) => [c?.formula, c?.value]);
    expect(totals.map(([, v]) => v)).toEqual([1800, 250, 2050]);
    for (const [formula] of totals) expect(formula).toMatch(/^SUM\(/);
  });
});

describe("buildSubmission with odd cells", () => {
  it("keeps hidden rows hidden (and says so), Excel errors as errors, and names a formula never calculated", () => {
    const grid = seedGrid(SEED_PHU_LUC_II, { sheetName: "Phụ lục II", hiddenRows: [2] });
    const item = (stt: string) => grid.rows.findIndex((cells) => cells[0]?.value === stt);
    grid.rows[item("3")][4] = { value: null, error: "#REF!" };
    grid.rows[item("4")][4] = { value: null, formula: "D10*2" };
    const submission = buildSubmission([consolidated(grid)], defaultSettings());
    const [sheet] = submission.sheets;
    // The table moves down by the header block: the same shift for every row.
    const offset = sheet.rows.findIndex((cells) => cells?.[0]?.value === "STT") - item("STT");
    expect(sheet.hiddenRows).toEqual(grid.hiddenRows.map((r) => r + offset));
    expect(sheet.rows[item("3") + offset]?.[4]).toMatchObject({ value: null, error: "#REF!" });
    expect(submission.notes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/1 dòng ẩn vẫn ẩn/),
        expect.stringMatching(/Phụ lục II!E\d+ có công thức chưa được tính \(=D10\*2\)/),
      ]),
    );
  });
});
