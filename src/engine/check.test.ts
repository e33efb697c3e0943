/**
 * Acceptance of the whole sheet check on the seeds' own tables, through the real pipeline:
 * seedGrid → recogniseTable → every sheet rule. Faults are injected into copies of the seeds.
 */
import { seedLayout, type SeedGridOptions } from "../../test/fixtures/seedGrids";
import {
  SEED_DICH_VU_CONG,
  SEED_KET_QUA,
  SEED_PHU_LUC_I,
  SEED_PHU_LUC_II,
  type SeedTable,
} from "../../test/fixtures/seedTables";
import { checkGrid, checkGrids } from "./check";
import type { Finding } from "./finding";
import { a1, gridFromValues, type Cell, type Grid } from "./grid";
import { LOG_SHEET_NAME, logSheetRows } from "./merge/logSheet";
import { formatVietnameseNumber } from "./parse/number";
import { recogniseTable } from "./recognise";
import { SHEET_RULES } from "./rules";
import { numbering } from "./rules/numbering";
import type { Rule } from "./rules/rule";
import type { Note } from "./notes/note";

const texts = (notes: Note[]) => notes.map((n) => n.message);

/** A copy of a seed with its data rows edited. */
function edited(seed: SeedTable, edit: (rows: string[][]) => string[][]): SeedTable {
  return { ...seed, rows: edit(seed.rows.map((row) => [...row])) };
}

/** Where a seed's data cell landed: seed row index and seed column index → A1. */
function cellOf(seed: SeedTable, row: number, col: number, options?: SeedGridOptions): string {
  const { layout } = seedLayout(seed, options);
  return a1(layout.firstDataRow + row, layout.columnOf[col]);
}

function gridWith(seed: SeedTable, cells: Record<string, Cell>, options?: SeedGridOptions): Grid {
  const { grid, layout } = seedLayout(seed, options);
  for (const [key, cell] of Object.entries(cells)) {
    const [row, col] = key.split(",").map(Number);
    grid.rows[layout.firstDataRow + row][layout.columnOf[col]] = cell;
  }
  return grid;
}

const summary = (findings: Finding[]) => findings.map((f) => `${f.rule}@${f.cell}`);
const errors = (findings: Finding[]) => findings.filter((f) => f.severity === "error");

/** Seed row indexes of Phụ lục II. */
const II_TOTAL = SEED_PHU_LUC_II.rows.length - 1;
const II_AMOUNT = 3;

describe("checkGrid on the seeds", () => {
  it("Phụ lục II: exactly one total-mismatch, at Tổng cộng, 225.091 expected, 224.591 written", () => {
    for (const numbers of ["number", "text"] as const) {
      const report = checkGrid(seedLayout(SEED_PHU_LUC_II, { numbers }).grid);
      expect(report.template).toBe("kinh-phi");
      const total = cellOf(SEED_PHU_LUC_II, II_TOTAL, II_AMOUNT);
      expect(errors(report.findings)).toEqual([
        expect.objectContaining({ rule: "total-mismatch", cell: total, expected: 225091, actual: 224591 }),
      ]);
      expect(errors(report.findings)[0].message).toBe(
        `Ô ${total}: Tổng cộng ghi 224.591 nhưng tổng các mục là 225.091 (chênh lệch 500).`,
      );
    }
    // Stored as numbers (as in a real sheet), nothing else is said at all.
    expect(checkGrid(seedLayout(SEED_PHU_LUC_II).grid).findings).toHaveLength(1);
  });

  it("Phụ lục II as printed text: every amount is accepted with a 'store it as a number' warning", () => {
    const report = checkGrid(seedLayout(SEED_PHU_LUC_II, { numbers: "text" }).grid);
    const warnings = report.findings.filter((f) => f.severity === "warning");
    expect(warnings).toHaveLength(11);
    expect(new Set(warnings.map((f) => f.rule))).toEqual(new Set(["not-a-number"]));
  });

  it("Phụ lục I (plan form: >10%, 30% - 50%, Phấn đấu 50%, a compound target) gives no finding", () => {
    for (const numbers of ["number", "text"] as const) {
      const report = checkGrid(seedLayout(SEED_PHU_LUC_I, { numbers }).grid);
      expect(report.template).toBe("chi-tieu");
      expect(report.findings).toEqual([]);
    }
  });

  it("the kết quả table (all text results) gives no finding, in particular no contradiction", () => {
    const report = checkGrid(seedLayout(SEED_KET_QUA).grid);
    expect(report.template).toBe("ket-qua");
    expect(report.findings).toEqual([]);
  });

  it("dich-vu-cong: DV thông tin is blank, so only 'parts exceed the whole' applies — none do", () => {
    // 2.120 ≥ 1.112 + 1.008; 2.150 ≥ 651 + 982 and 1.355 ≤ 1.633; 1.968 ≥ 737 + 663.
    const report = checkGrid(seedLayout(SEED_DICH_VU_CONG).grid);
    expect(report.template).toBe("dich-vu-cong");
    expect(report.findings).toEqual([]);
  });

  it("dich-vu-cong: a stated DV thông tin that does not close the sum, and tích hợp above its whole", () => {
    const seed = edited(SEED_DICH_VU_CONG, (rows) => {
      rows[0][2] = "10"; // 10 + 1.112 + 1.008 = 2.130 ≠ 2.120
      rows[1][2] = "517"; // 517 + 651 + 982 = 2.150: closes
      rows[2][5] = "1.500"; // tích hợp 1.500 > 737 + 663
      return rows;
    });
    const report = checkGrid(seedLayout(seed).grid);
    expect(summary(report.findings)).toEqual([
      `parts-mismatch@${cellOf(seed, 0, 1)}`,
      `parts-mismatch@${cellOf(seed, 2, 5)}`,
    ]);
    expect(report.findings[0]).toMatchObject({ expected: 2130, actual: 2120 });
  });
});

describe("checkGrid on seeds with injected faults", () => {
  it("a 224.591 decimal (English separators) → scale-suspect naming 224591", () => {
    const grid = gridWith(SEED_PHU_LUC_II, { [`${II_TOTAL},${II_AMOUNT}`]: { value: 224.591 } });
    const report = checkGrid(grid);
    const total = cellOf(SEED_PHU_LUC_II, II_TOTAL, II_AMOUNT);
    expect(report.findings.filter((f) => f.rule === "scale-suspect")).toEqual([
      expect.objectContaining({ cell: total, expected: 224591, actual: 224.591, severity: "warning" }),
    ]);
    // Near miss: a genuine decimal (396,5 triệu) is not a thousands group.
    const item = gridWith(SEED_PHU_LUC_II, { [`7,${II_AMOUNT}`]: { value: 396.5 } });
    expect(checkGrid(item).findings.filter((f) => f.rule === "scale-suspect")).toEqual([]);
    // 6,44 among thousands is 1/1000 of its neighbours: 6.440 meant.
    const small = gridWith(SEED_PHU_LUC_II, { [`2,${II_AMOUNT}`]: { value: 6.44 } });
    expect(checkGrid(small).findings.filter((f) => f.rule === "scale-suspect")).toEqual([
      expect.objectContaining({ cell: cellOf(SEED_PHU_LUC_II, 2, II_AMOUNT), expected: 6440 }),
    ]);
  });

  it("a negative amount → out-of-range", () => {
    const seed = edited(SEED_PHU_LUC_II, (rows) => {
      rows[2][II_AMOUNT] = "-6.440";
      return rows;
    });
    const findings = checkGrid(seedLayout(seed).grid).findings;
    expect(findings.filter((f) => f.rule === "out-of-range")).toEqual([
      expect.objectContaining({ cell: cellOf(seed, 2, II_AMOUNT), actual: -6440, expected: 0 }),
    ]);
  });

  it("a missing STT 3 → numbering (kinh-phi runs on across sections; chi-tieu restarts)", () => {
    const budget = edited(SEED_PHU_LUC_II, (rows) => rows.filter((row) => row[0] !== "3"));
    const budgetFindings = checkGrid(seedLayout(budget).grid).findings;
    expect(budgetFindings.filter((f) => f.rule === "numbering")).toEqual([
      expect.objectContaining({ cell: cellOf(budget, 4, 0), expected: "3", actual: "4" }),
    ]);
    const plan = edited(SEED_PHU_LUC_I, (rows) => rows.filter((_, i) => i !== 4)); // II.3
    const planFindings = checkGrid(seedLayout(plan).grid).findings;
    expect(summary(planFindings)).toEqual([`numbering@${cellOf(plan, 4, 0)}`]);
  });

  it("a duplicated indicator → duplicate-row (only)", () => {
    const plan = edited(SEED_PHU_LUC_I, (rows) => {
      rows.splice(8, 0, ["7", ...rows[4].slice(1)]); // II.3 again, as II.7
      return rows;
    });
    const findings = checkGrid(seedLayout(plan).grid).findings;
    expect(summary(findings)).toEqual([`duplicate-row@${cellOf(plan, 8, 1)}`]);
  });

  it("an unknown lead unit Phòng CNTT-BCTV → unknown-unit suggesting CNTT-BCVT", () => {
    const plan = edited(SEED_PHU_LUC_I, (rows) => {
      rows[9][3] = "Phòng CNTT-BCTV";
      return rows;
    });
    const findings = checkGrid(seedLayout(plan).grid).findings;
    expect(findings).toEqual([
      expect.objectContaining({ rule: "unknown-unit", cell: cellOf(plan, 9, 3), expected: "CNTT-BCVT" }),
    ]);
  });

  /** Phụ lục I with results: Thực hiện, Tỷ lệ so với KH and Đánh giá columns, filled on some rows. */
  const withResults = (values: Record<number, [string, string, string]>): SeedGridOptions => {
    const column = (i: number) => SEED_PHU_LUC_I.rows.map((_, r) => values[r]?.[i] ?? "");
    return {
      extraColumns: [
        { header: "Thực hiện", at: 3, values: column(0) },
        { header: "Tỷ lệ (%) so với KH", at: 4, values: column(1) },
        { header: "Đánh giá", at: 5, values: column(2) },
      ],
    };
  };
  const extraCell = (options: SeedGridOptions, row: number, extraCol: number) =>
    a1(seedLayout(SEED_PHU_LUC_I, options).layout.firstDataRow + row, 3 + extraCol);

  it("Đạt with a result below target → assessment-contradiction; a wrong Tỷ lệ → attainment-mismatch", () => {
    const options = withResults({
      4: ["95%", "95%", "Đạt"], // II.3, 100%: Chưa đạt
      5: ["100%", "100%", "Đạt"], // II.4, 100%: met
      18: ["96,5%", "101,6%", "Vượt"], // IV.4, >95%: 96,5/95 = 101,578… → 101,6 rounded
      19: ["45%", "150%", "Đạt"], // IV.5, 30% - 50%: met from 30 %, 45/30 = 150 %
      21: ["62%", "124%", "Vượt"], // IV.7, Phấn đấu 50%: 124 %
      23: ["80%", "100%", "Đạt"], // IV.9, > 80%: strictly above only → Chưa đạt; 80/80 = 100 %
      24: ["46%", "95%", "Vượt"], // IV.10, 50%: 46/50 = 92 %, and Chưa đạt
    });
    const report = checkGrid(seedLayout(SEED_PHU_LUC_I, options).grid);
    expect(report.template).toBe("chi-tieu");
    expect(summary(report.findings)).toEqual([
      `assessment-contradiction@${extraCell(options, 4, 2)}`,
      `assessment-contradiction@${extraCell(options, 23, 2)}`,
      `attainment-mismatch@${extraCell(options, 24, 1)}`,
      `assessment-contradiction@${extraCell(options, 24, 2)}`,
    ]);
    expect(report.findings.find((f) => f.rule === "attainment-mismatch")).toMatchObject({
      expected: 92,
      actual: 95,
    });
  });

  it("a stated Tỷ lệ truncated rather than rounded is accepted (near miss)", () => {
    // IV.4, >95%, with 96,6% done: 96,6/95 = 101,684…%: 101,6 (truncated) and 101,7 (rounded) both pass.
    for (const stated of ["101,6%", "101,7%"]) {
      const options = withResults({ 18: ["96,6%", stated, "Vượt"] });
      expect(checkGrid(seedLayout(SEED_PHU_LUC_I, options).grid).findings).toEqual([]);
    }
    const options = withResults({ 18: ["96,6%", "101,8%", "Vượt"] });
    expect(summary(checkGrid(seedLayout(SEED_PHU_LUC_I, options).grid).findings)).toEqual([
      `attainment-mismatch@${extraCell(options, 18, 1)}`,
    ]);
  });

  it("94,3% next to 179/188 → ratio-mismatch; the seed's 165,2% for 1.697.083/1.026.794 (truncated) passes", () => {
    const results = (actual: string, note: string) =>
      edited(SEED_KET_QUA, (rows) => {
        rows[1][2] = actual;
        rows[1][4] = note;
        return rows;
      });
    const wrong = results("94,3%", "179/188");
    expect(checkGrid(seedLayout(wrong, { numbers: "text" }).grid).findings).toEqual([
      expect.objectContaining({ rule: "ratio-mismatch", cell: cellOf(wrong, 1, 2), expected: 95.2, actual: 94.3 }),
    ]);
    for (const [actual, note] of [
      ["95,2%", "179/188"],
      ["165,2%", "1.697.083/1.026.794"],
      ["165,3%", "1.697.083/1.026.794"],
      ["109,85%", "1.127.989/1.026.794"],
    ]) {
      expect(checkGrid(seedLayout(results(actual, note), { numbers: "text" }).grid).findings).toEqual([]);
    }
  });
});

describe("checkGrid notes and robustness", () => {
  it("a rule that throws becomes a note; the other rules still report", () => {
    const broken: Rule = {
      ...numbering,
      check() {
        throw new Error("boom");
      },
    };
    const report = checkGrid(seedLayout(SEED_PHU_LUC_II).grid, {}, [broken, ...SHEET_RULES]);
    expect(summary(report.findings)).toEqual([`total-mismatch@${cellOf(SEED_PHU_LUC_II, II_TOTAL, II_AMOUNT)}`]);
    expect(texts(report.notes)).toEqual([expect.stringContaining("Không thực hiện được quy tắc “numbering”")]);
    expect(report.notes[0]).toMatchObject({ id: "rule-failed", severity: "info", params: { rule: "numbering" } });
    expect(report.notes[0].message).toContain("boom");
    expect(report.notes[0].messageEn).toMatch(
      /^The rule “numbering” could not run on this sheet \(Unexpected error: .*boom/,
    );
  });

  it("a sheet the recogniser cannot read becomes a note, not a crash", () => {
    const broken = { name: "Hỏng", merges: [], hiddenRows: [] } as unknown as Grid;
    Object.defineProperty(broken, "rows", {
      get() {
        throw new Error("dữ liệu hỏng");
      },
    });
    const report = checkGrid(broken);
    expect(report).toMatchObject({ sheet: "Hỏng", template: null, findings: [] });
    expect(texts(report.notes)).toEqual([expect.stringContaining("Không đọc được cấu trúc bảng")]);
  });

  it("a total over a formula never calculated: no mismatch claimed; total-unverifiable names the cell", () => {
    const grid = gridWith(SEED_PHU_LUC_II, { [`1,${II_AMOUNT}`]: { value: null, formula: "SUM(X1:X2)" } });
    const report = checkGrid(grid);
    const item = cellOf(SEED_PHU_LUC_II, 1, II_AMOUNT);
    expect(report.findings).toEqual([
      expect.objectContaining({
        rule: "total-unverifiable",
        severity: "warning",
        cell: cellOf(SEED_PHU_LUC_II, SEED_PHU_LUC_II.rows.length - 1, II_AMOUNT),
      }),
    ]);
    expect(report.findings[0].message).toContain(`${item} (“=SUM(X1:X2)”)`);
    expect(texts(report.notes)).toEqual([
      expect.stringContaining(`(${item}): giá trị chưa biết cho đến khi Excel tính lại`),
    ]);
  });

  it("says hidden rows, truncated rows and columns, merged data cells and very long text", () => {
    const { grid, layout } = seedLayout(SEED_PHU_LUC_II, { hiddenRows: [2, 3] });
    grid.truncated = { rows: 12000, columns: 3 };
    grid.merges.push({ top: layout.firstDataRow + 1, left: 3, bottom: layout.firstDataRow + 1, right: 4 });
    grid.rows[layout.firstDataRow + 1][4] = { value: "x".repeat(2500) };
    const report = checkGrid(grid);
    const hidden = [layout.firstDataRow + 3, layout.firstDataRow + 4];
    expect(texts(report.notes)).toEqual([
      `Có 2 dòng bị ẩn (dòng ${hidden.join(", ")}); các dòng ẩn vẫn được kiểm tra.`,
      expect.stringContaining(`văn bản rất dài (trên 2.000 ký tự: ${a1(layout.firstDataRow + 1, 4)})`),
      "Đã bỏ qua 12.000 dòng cuối của trang tính để giới hạn bộ nhớ; các dòng đó không được kiểm tra.",
      "Đã bỏ qua 3 cột bên phải của trang tính để giới hạn bộ nhớ; các cột đó không được kiểm tra.",
      expect.stringContaining(`ô gộp (merge) trong vùng dữ liệu (${a1(layout.firstDataRow + 1, 3)}:`),
    ]);
    // Title merges above the header are not data.
    expect(checkGrid(seedLayout(SEED_PHU_LUC_II).grid).notes).toEqual([]);
  });

  it("an error value outside the number columns is said in a note; inside them it is a finding", () => {
    const grid = gridWith(SEED_PHU_LUC_II, {
      "1,4": { value: null, error: "#REF!" },
      [`2,${II_AMOUNT}`]: { value: null, error: "#DIV/0!" },
    });
    const report = checkGrid(grid);
    const amount = cellOf(SEED_PHU_LUC_II, 2, II_AMOUNT);
    expect(report.findings.filter((f) => f.rule === "not-a-number")).toEqual([
      expect.objectContaining({ cell: amount, actual: "#DIV/0!" }),
    ]);
    expect(texts(report.notes)).toContain(
      `Có ô mang giá trị lỗi của Excel: ${cellOf(SEED_PHU_LUC_II, 1, 4)} (#REF!); hãy kiểm tra công thức của các ô đó.`,
    );
  });

  it("a sheet with no template's header: template null and unknown-template, and checkGrids keeps order", () => {
    const other: Grid = { name: "Ghi chú", rows: [[{ value: "Danh sách liên hệ" }]], merges: [], hiddenRows: [] };
    const [first, second] = checkGrids([other, seedLayout(SEED_PHU_LUC_I, { sheetName: "PL I" }).grid]);
    expect(first).toMatchObject({ sheet: "Ghi chú", template: null });
    expect(first.table).toBeUndefined();
    expect(first.findings.map((f) => f.rule)).toEqual(["unknown-template"]);
    expect(second).toMatchObject({ sheet: "PL I", template: "chi-tieu", findings: [] });
  });
});

describe("checkGrid: content left unread below the table", () => {
  const unread = (notes: Note[]) => texts(notes).filter((n) => n.includes("không được đọc"));
  const BLANK = ["", "", "", "", ""];
  /** The 1-based row number a seed data row index lands on, as the notes write it. */
  const rowNumber = (seed: SeedTable, index: number) =>
    formatVietnameseNumber(seedLayout(seed).layout.firstDataRow + index + 1);

  it("says nothing about an ordinary signature footer below Tổng cộng", () => {
    const grid = seedLayout(SEED_PHU_LUC_II, { footer: ["Nơi nhận:", "- UBND tỉnh;", "KT. GIÁM ĐỐC"] }).grid;
    const report = checkGrid(grid);
    expect(report.table?.stoppedAt?.reason).toBe("footer");
    expect(unread(report.notes)).toEqual([]);
  });

  it("says where reading stopped after 10 empty rows, quoting what was left (row numbers as 5.020)", () => {
    const total = SEED_PHU_LUC_II.rows[II_TOTAL];
    const first = seedLayout(SEED_PHU_LUC_II).layout.firstDataRow;
    // Enough items for the unread row to land on row 5.020.
    const items = Array.from({ length: 5019 - first - 10 - 1 }, (_, i) => [
      String(i + 1),
      `Nhiệm vụ ${i + 1}`,
      "",
      "10",
      "",
    ]);
    const seed = edited(SEED_PHU_LUC_II, () => [
      ["I", "Nhiệm vụ thường xuyên", "", "", ""],
      ...items,
      ...Array.from({ length: 10 }, () => BLANK),
      ["", "Bảng phụ: kinh phí dự phòng", "", "", ""],
      total,
    ]);
    const report = checkGrid(seedLayout(seed).grid);
    expect(report.table?.stoppedAt?.reason).toBe("blank-run");
    expect(unread(report.notes)).toEqual([
      "Từ hàng 5.020 trở xuống không được đọc (bắt đầu bằng “Bảng phụ: kinh phí dự phòng”): bảng được coi là " +
        "đã hết sau 10 hàng trống liên tiếp. Nếu phần đó vẫn là dữ liệu của bảng, hãy xóa bớt các hàng trống.",
    ]);
  });

  it("says so for unnumbered content after Tổng cộng, and for another Phụ lục pasted below", () => {
    // A `Ghi chú:` line is a note (spec §2.0), said nowhere; an unnumbered item with an amount is not.
    const afterTotal = edited(SEED_PHU_LUC_II, (rows) => [...rows, ["", "Dự phòng", "Sở TTTT", "1.000", ""]]);
    const notes = unread(checkGrid(seedLayout(afterTotal).grid).notes);
    expect(notes).toEqual([
      expect.stringContaining(`Từ hàng ${rowNumber(afterTotal, II_TOTAL + 1)} trở xuống không được đọc`),
    ]);
    expect(notes[0]).toContain("“Dự phòng”");
    const noted = edited(SEED_PHU_LUC_II, (rows) => [...rows, ["", "Ghi chú: số liệu dự kiến", "", "", ""]]);
    expect(unread(checkGrid(seedLayout(noted).grid).notes)).toEqual([]);
    expect(notes[0]).toContain("dòng tổng cộng");

    const pasted = edited(SEED_PHU_LUC_II, (rows) => [...rows.slice(0, 3), BLANK, ["PHỤ LỤC III", "", "", "", ""]]);
    expect(unread(checkGrid(seedLayout(pasted).grid).notes)).toEqual([
      `Từ hàng ${rowNumber(pasted, 4)} trở xuống không được đọc (bắt đầu bằng “PHỤ LỤC III”): ở đó bắt đầu một ` +
        "Phụ lục khác. Hãy đặt mỗi Phụ lục trên một trang tính riêng để được kiểm tra.",
    ]);
  });

  it("says nothing when the table runs to the sheet's last row", () => {
    expect(unread(checkGrid(seedLayout(SEED_PHU_LUC_II).grid).notes)).toEqual([]);
  });
});

describe("checkGrid on the merge log sheet", () => {
  const log = logSheetRows(
    [
      {
        file: "CNTT-BCVT.xlsx",
        sheet: "Phụ lục I",
        cell: "D7",
        unit: "CNTT-BCVT",
        indicator: "Tỷ lệ hồ sơ trực tuyến",
        value: "Thực hiện: 96%; Đánh giá: Đạt",
        status: "merged",
      },
    ],
    [{ file: "hong.xlsx", reason: "Tệp hỏng" }],
  );

  it("skips PhuLuc's own Nhật ký tổng hợp with a note instead of unknown-template", () => {
    const report = checkGrid(gridFromValues(LOG_SHEET_NAME, log));
    expect(report).toEqual({
      sheet: LOG_SHEET_NAME,
      template: null,
      findings: [],
      notes: [
        {
          id: "own-sheet-skipped",
          severity: "info",
          params: { sheet: LOG_SHEET_NAME, kind: { vi: "nhật ký tổng hợp", en: "the merge log" } },
          message: "Trang tính “Nhật ký tổng hợp” là nhật ký tổng hợp do PhuLuc ghi, không phải Phụ lục; bỏ qua.",
          messageEn: "Sheet “Nhật ký tổng hợp” is the merge log PhuLuc wrote, not a Phụ lục; skipped.",
        },
      ],
    });
  });

  it("skips the log of a kinh-phi merge, though its rows read as kinh-phi (Chỉ tiêu, Đơn vị, amounts in Giá trị)", () => {
    const items = SEED_PHU_LUC_II.rows.filter((row) => /^\d+$/.test(row[0]));
    const budgetLog = logSheetRows(
      items.map((row, i) => ({
        file: "CNTT-BCVT.xlsx",
        sheet: "Phụ lục II",
        cell: `D${7 + i}`,
        unit: "CNTT-BCVT",
        indicator: row[1],
        value: `Nhu cầu kinh phí năm 2024: ${row[3]}`,
        status: "merged" as const,
        note: "Đơn vị chủ trì chưa gửi; lấy tạm giá trị này.",
        target: { sheet: "Phụ lục II", cell: `B${7 + i}` },
      })),
    );
    const grid = gridFromValues(LOG_SHEET_NAME, budgetLog);
    expect(recogniseTable(grid).table?.templateId).toBe("kinh-phi");
    expect(checkGrid(grid)).toMatchObject({ template: null, findings: [], notes: [{ id: "own-sheet-skipped" }] });
    // Its header is what makes it PhuLuc's: the same rows under a Phụ lục's header are checked.
    const retitled = gridFromValues(LOG_SHEET_NAME, [[...budgetLog[0].slice(0, -1), "Ghi chú"], ...budgetLog.slice(1)]);
    expect(checkGrid(retitled).template).toBe("kinh-phi");
  });

  it("near misses: the same rows under another name are unknown-template; a Phụ lục under that name is checked", () => {
    expect(checkGrid(gridFromValues("Nhật ký", log)).findings.map((f) => f.rule)).toEqual(["unknown-template"]);
    const renamed = checkGrid(seedLayout(SEED_PHU_LUC_II, { sheetName: LOG_SHEET_NAME }).grid);
    expect(renamed.template).toBe("kinh-phi");
    expect(renamed.findings.map((f) => f.rule)).toEqual(["total-mismatch"]);
  });
});
