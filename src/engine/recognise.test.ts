import { seedGrid, seedLayout } from "../../test/fixtures/seedGrids";
import {
  SEED_DICH_VU_CONG,
  SEED_KET_QUA,
  SEED_PHU_LUC_I,
  SEED_PHU_LUC_II,
  type SeedTable,
} from "../../test/fixtures/seedTables";
import { gridFromValues } from "./grid";
import { recogniseTable } from "./recognise";
import { expectedTotals } from "./totals";

function recognised(grid: Parameters<typeof recogniseTable>[0]) {
  const { table, findings } = recogniseTable(grid);
  if (!table) throw new Error(`not recognised: ${findings.map((f) => f.message).join(" ")}`);
  return { table, findings };
}

/** A chi-tieu sheet that also reports results. */
const RESULTS_SEED: SeedTable = {
  title: ["PHỤ LỤC I", "Kết quả thực hiện chỉ tiêu ngành năm 2024"],
  header: ["STT", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "Tỷ lệ (%)", "Đánh giá", "Đơn vị chủ trì"],
  rows: [
    ["I", "Lĩnh vực Bưu chính, Viễn thông", "", "", "", "", ""],
    ["1", "Tỷ lệ hộ gia đình có đường internet cáp quang băng rộng", "80%", "82%", "102,5%", "Vượt", "CNTT-BCVT"],
    ["2", "Tỷ lệ dịch vụ công trực tuyến phát sinh hồ sơ", "> 80%", "75%", "93,8%", "Chưa đạt", "CNTT-BCVT"],
  ],
};

/** Phụ lục II for 2025 with the budget split by source under a group header. */
const SPLIT_BUDGET_SEED: SeedTable = {
  title: ["PHỤ LỤC II", "Dự kiến kinh phí thực hiện năm 2025", "Đvt: triệu đồng"],
  header: ["STT", "Nội dung, nhiệm vụ", "Đơn vị chủ trì", "Vốn đầu tư", "Vốn sự nghiệp", "Tổng", "Ghi chú"],
  rows: [
    ["I", "Các dự án khác", "", "", "", "", ""],
    ["1", "Hệ thống giám sát an toàn không gian mạng (SOC)", "Sở TTTT", "25.000", "500", "25.500", ""],
    ["2", "Hệ thống bảo mật Endpoint", "Sở TTTT", "30.000", "", "30.000", ""],
    ["", "Tổng cộng", "", "55.000", "500", "55.500", ""],
  ],
};

describe("recogniseTable on the seeds", () => {
  it.each(["text", "number"] as const)(
    "reads Phụ lục I (%s) as chi-tieu: 5 sections, 34 rows, I and V carry targets",
    (numbers) => {
      const { table, findings } = recognised(seedGrid(SEED_PHU_LUC_I, { numbers, sheetName: "PL I" }));
      expect(findings).toEqual([]);
      expect(table.templateId).toBe("chi-tieu");
      expect(table.headerAddress).toBe("A4");
      expect(table.columns).toEqual({ stt: 0, indicator: 1, target: 2, leadUnit: 3, coUnits: 4 });
      expect(table.titleLines).toEqual(SEED_PHU_LUC_I.title);
      expect(table.rows).toHaveLength(34);
      const sections = table.rows.filter((r) => r.kind === "section");
      expect(sections.map((s) => s.stt)).toEqual(["I", "II", "III", "IV", "V"]);
      const withTarget = sections.filter((s) => s.cells.target?.parsed.kind !== "empty");
      expect(withTarget.map((s) => s.stt)).toEqual(["I", "V"]);
      expect(withTarget[0].cells.target?.text).toBe(">10%");
      // Items restart at 1 in each section and belong to it.
      const sectionIV = sections[3];
      const itemsIV = table.rows.filter((r) => r.section === sectionIV.index);
      expect(itemsIV.map((r) => r.stt)).toEqual(Array.from({ length: 18 }, (_, i) => String(i + 1)));
      expect(itemsIV.every((r) => r.kind === "item" && r.level === 1 && r.parent === sectionIV.index)).toBe(true);
    },
  );

  it("reads the 100% target of a number sheet as 100 percent points", () => {
    const { table } = recognised(seedGrid(SEED_PHU_LUC_I, { numbers: "number" }));
    const row = table.rows.find((r) => r.stt === "1")!;
    expect(row.cells.target?.parsed).toMatchObject({ kind: "number", value: 100, percent: true });
    expect(row.cells.target?.address).toBe("C7");
  });

  it.each(["text", "number"] as const)(
    "reads Phụ lục II (%s) as kinh-phi in triệu đồng with a total that should be 225091",
    (numbers) => {
      const { table, findings } = recognised(seedGrid(SEED_PHU_LUC_II, { numbers }));
      expect(findings).toEqual([]);
      expect(table.templateId).toBe("kinh-phi");
      expect(table.unitLine).toEqual({ text: "Đvt: triệu đồng", address: "E4", scale: 1e6 });
      expect(table.titleLines).toEqual(SEED_PHU_LUC_II.title.slice(0, 3));
      expect(table.amountColumns).toEqual([{ header: "Nhu cầu kinh phí năm 2024", col: 3, isTotal: false }]);
      expect(table.headers[2]).toBe("Đơn vị chủ trì");
      expect(table.rows.filter((r) => r.kind === "section").map((r) => r.stt)).toEqual(["I", "II", "III"]);
      expect(table.rows.filter((r) => r.kind === "item").map((r) => r.stt)).toEqual(
        Array.from({ length: 10 }, (_, i) => String(i + 1)),
      );
      const total = table.rows[table.rows.length - 1];
      expect(total).toMatchObject({ kind: "total", label: "Tổng cộng" });
      const [expected] = expectedTotals(table);
      expect(expected).toMatchObject({ expected: 225091, complete: true, direction: "down" });
      expect(expected.cell.address).toBe("D19");
      expect(expected.cell.parsed).toMatchObject({ kind: "number", value: 224591 });
    },
  );

  it("reads the kết quả appendix as ket-qua", () => {
    const { table, findings } = recognised(seedGrid(SEED_KET_QUA));
    expect(findings).toEqual([]);
    expect(table.templateId).toBe("ket-qua");
    expect(table.columns).toEqual({ stt: 0, indicator: 1, actual: 2, assessment: 3, note: 4 });
    expect(table.rows).toHaveLength(14);
    expect(table.rows[2].cells.assessment?.text).toBe("Chưa đạt");
  });

  it("reads the service counts as dich-vu-cong, counts as summable columns", () => {
    const { table, findings } = recognised(seedGrid(SEED_DICH_VU_CONG));
    expect(findings).toEqual([]);
    expect(table.templateId).toBe("dich-vu-cong");
    expect(table.columns).toMatchObject({ reportingUnit: 0, dvcTotal: 1, dvcPartial: 3, dvcFull: 4, onTimeRate: 6 });
    expect(table.amountColumns.map((a) => a.col)).toEqual([1, 2, 3, 4, 5]);
    expect(table.rows.map((r) => r.kind)).toEqual(["item", "item", "item"]);
    expect(table.rows[0].cells.onTimeRate?.parsed).toMatchObject({ kind: "number", value: 98.9, percent: true });
    expect(table.rows[1].label).toBe("Báo cáo quý I/2024 (đến 17/3/2024)");
  });
});

describe("recogniseTable on bent layouts", () => {
  it("finds a header moved down under empty and title rows, but not beyond row 30", () => {
    const { grid, layout } = seedLayout(SEED_PHU_LUC_II, { startRow: 20 });
    const { table } = recognised(grid);
    expect(table.headerRows).toEqual([layout.headerRow]);
    expect(table.headerAddress).toBe("A25");
    expect(table.rows[0].row).toBe(layout.firstDataRow);

    const tooLow = recogniseTable(seedGrid(SEED_PHU_LUC_II, { startRow: 30 }));
    expect(tooLow.table).toBeUndefined();
    expect(tooLow.findings.map((f) => f.rule)).toEqual(["unknown-template"]);
  });

  it("maps reordered columns and keeps an extra column as extra", () => {
    const { table, findings } = recognised(
      seedGrid(SEED_PHU_LUC_I, {
        columnOrder: [3, 0, 4, 1, 2],
        extraColumns: [{ header: "Người theo dõi", at: 2, values: ["Anh Bình"] }],
      }),
    );
    expect(findings).toEqual([]);
    expect(table.templateId).toBe("chi-tieu");
    expect(table.columns).toEqual({ leadUnit: 0, stt: 1, coUnits: 3, indicator: 4, target: 5 });
    expect(table.extraColumns).toEqual([2]);
    expect(table.headers[2]).toBe("Người theo dõi");
    expect(table.rows[0].cells.leadUnit?.text).toBe("CNTT-BCVT; TTBCXB");
    expect(table.rows).toHaveLength(34);
  });

  it("reads a two-row header: Kết quả thực hiện over Kế hoạch / Thực hiện / Tỷ lệ (%)", () => {
    const { grid, layout } = seedLayout(RESULTS_SEED, { group: { text: "Kết quả thực hiện", from: 2, to: 4 } });
    const { table, findings } = recognised(grid);
    expect(findings).toEqual([]);
    expect(table.templateId).toBe("chi-tieu");
    expect(table.headerRows).toEqual([layout.headerRow, layout.headerRow + 1]);
    expect(table.columns).toMatchObject({ target: 2, actual: 3, ratio: 4, assessment: 5, leadUnit: 6 });
    expect(table.rows[1].cells.ratio?.parsed).toMatchObject({ kind: "number", value: 102.5 });
  });

  it("reads a two-row amount header split by source, with its Tổng column, also when merges are lost", () => {
    const { grid } = seedLayout(SPLIT_BUDGET_SEED, { group: { text: "Nhu cầu kinh phí năm 2025", from: 3, to: 5 } });
    for (const g of [grid, { ...grid, merges: [] }]) {
      const { table, findings } = recognised(g);
      expect(findings).toEqual([]);
      expect(table.templateId).toBe("kinh-phi");
      expect(table.amountColumns).toEqual([
        { header: "Vốn đầu tư", col: 3, isTotal: false },
        { header: "Vốn sự nghiệp", col: 4, isTotal: false },
        { header: "Tổng", col: 5, isTotal: true },
      ]);
      expect(table.rows.map((r) => r.kind)).toEqual(["section", "item", "item", "total"]);
    }
  });

  it("reads a group over sub-headers that only make sense together (Đơn vị / Chủ trì, Phối hợp)", () => {
    const seed: SeedTable = {
      ...SEED_PHU_LUC_I,
      header: ["STT", "Chỉ tiêu", "Năm 2024", "Chủ trì", "Phối hợp"],
    };
    const { table } = recognised(seedGrid(seed, { group: { text: "Đơn vị", from: 3, to: 4 } }));
    expect(table.columns).toMatchObject({ leadUnit: 3, coUnits: 4 });
  });

  it.each(["parens", "letters"] as const)("skips a column-number row (%s) under the header", (columnNumbers) => {
    const { grid, layout } = seedLayout(SEED_PHU_LUC_II, { columnNumbers });
    const { table } = recognised(grid);
    expect(table.headerRows).toEqual([layout.headerRow, layout.headerRow + 1]);
    expect(table.rows[0]).toMatchObject({ row: layout.firstDataRow, stt: "I", kind: "section" });
    expect(table.rows).toHaveLength(SEED_PHU_LUC_II.rows.length);
  });

  it("keeps a first data row of small counts as data, not as a column-number row", () => {
    const seed: SeedTable = {
      ...SEED_DICH_VU_CONG,
      rows: [
        ["", "5", "1", "3", "1", "2", "90%"],
        ["Huyện Chợ Mới", "10", "", "5", "5", "", "98%"],
      ],
    };
    const { table } = recognised(seedGrid(seed, { numbers: "number" }));
    expect(table.headerRows).toHaveLength(1);
    expect(table.rows).toHaveLength(2);
  });

  it("matches headers written in Unicode NFD", () => {
    const { table, findings } = recognised(seedGrid(SEED_PHU_LUC_II, { nfdHeaders: true }));
    expect(findings).toEqual([]);
    expect(table.templateId).toBe("kinh-phi");
    expect(table.columns.leadUnit).toBe(2);
  });

  it("tells a results sheet from a plan: Kế hoạch + Thực hiện + Đánh giá without Đơn vị chủ trì is ket-qua", () => {
    const noLead = seedGrid(RESULTS_SEED, { columnOrder: [0, 1, 2, 3, 4, 5] });
    const { table, findings } = recognised(noLead);
    expect(table.templateId).toBe("ket-qua");
    expect(findings).toEqual([]);
    expect(table.columns).toMatchObject({ target: 2, actual: 3, ratio: 4, assessment: 5 });
    expect(recognised(seedGrid(RESULTS_SEED)).table.templateId).toBe("chi-tieu");
  });

  it("says unknown-template at A1 for a sheet that is no Phụ lục, naming what each template needs", () => {
    const grid = gridFromValues("Danh sách", [
      ["Họ và tên", "Ngày sinh", "Địa chỉ"],
      ["Nguyễn Văn A", "01/01/1990", "Long Xuyên"],
    ]);
    const { table, findings } = recogniseTable(grid);
    expect(table).toBeUndefined();
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: "unknown-template", severity: "error", sheet: "Danh sách", cell: "A1" });
    expect(findings[0].message).toContain("30 dòng đầu");
    expect(findings[0].message).toContain("(chi-tieu): “STT”, “Chỉ tiêu”, “Kế hoạch”, “Đơn vị chủ trì”;");
    expect(findings[0].message).toContain(
      "(kinh-phi): “STT”, “Nội dung, nhiệm vụ”, “Đơn vị chủ trì”, “Nhu cầu kinh phí”;",
    );
    expect(findings[0].messageEn).toContain("first 30 rows");
  });

  it("reports nothing for a blank sheet (Excel's spare Sheet2)", () => {
    expect(recogniseTable(gridFromValues("Sheet2", [[], [null, "  "]]))).toEqual({ findings: [] });
  });

  it("says missing-column at the header's first cell for a chi-tieu without Đơn vị chủ trì, and still reads it", () => {
    const { table, findings } = recogniseTable(seedGrid(SEED_PHU_LUC_I, { columnOrder: [0, 1, 2, 4], startRow: 1 }));
    expect(table?.templateId).toBe("chi-tieu");
    expect(table?.rows).toHaveLength(34);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: "missing-column", severity: "error", cell: "A5" });
    expect(findings[0].message).toContain("“Đơn vị chủ trì”");
    expect(findings[0].message).toContain("chi-tieu");
  });

  it("reads the units line in its usual spellings, or from an amount header", () => {
    const withUnit = (line: string) =>
      recognised(seedGrid({ ...SEED_PHU_LUC_II, title: ["PHỤ LỤC II", line] })).table.unitLine?.scale;
    expect(withUnit("ĐVT: đồng")).toBe(1);
    expect(withUnit("Đơn vị tính: nghìn đồng")).toBe(1e3);
    expect(withUnit("(Đvt: Tỷ đồng)")).toBe(1e9);
    expect(withUnit("Đvt: triệu đồng")).toBe(1e6);
    const inHeader = recognised(
      seedGrid(SEED_PHU_LUC_II, { noTitle: true, headers: { 3: "Kinh phí năm 2024 (triệu đồng)" } }),
    ).table;
    expect(inHeader.unitLine).toMatchObject({ scale: 1e6, address: "D1" });
  });

  it("flags hidden rows and reads numeric STT", () => {
    const { table } = recognised(seedGrid(SEED_PHU_LUC_II, { hiddenRows: [2], sttAsNumbers: true }));
    expect(table.rows[2]).toMatchObject({ stt: "2", kind: "item", hidden: true });
    expect(table.rows.filter((r) => r.hidden)).toHaveLength(1);
  });

  it("shares a vertically merged Đơn vị chủ trì with every row it spans, but not a merged indicator", () => {
    const seed: SeedTable = {
      title: ["PHỤ LỤC I"],
      header: ["STT", "Chỉ tiêu", "Năm 2024", "Đơn vị chủ trì"],
      rows: [
        ["1", "Tỷ lệ Đài Truyền thanh ứng dụng CNTT-VT", "70% cấp huyện", "TTBCXB"],
        ["", "", "100% cấp xã", ""],
        ["2", "Tỷ lệ hộ xem được Đài truyền hình VN", "100%", ""],
      ],
    };
    const grid = seedGrid(seed);
    // B3:B4 merges the indicator over its two targets; D3:D5 the lead unit over both indicators.
    grid.merges.push({ top: 2, left: 1, bottom: 3, right: 1 }, { top: 2, left: 3, bottom: 4, right: 3 });
    const { table } = recognised(grid);
    expect(table.rows.map((r) => r.cells.leadUnit?.text)).toEqual(["TTBCXB", "TTBCXB", "TTBCXB"]);
    expect(table.rows.map((r) => r.cells.leadUnit?.address)).toEqual(["D3", "D4", "D5"]);
    expect(table.rows[1]).toMatchObject({ kind: "subitem", label: "", parent: 0 });
  });

  it("reads a sheet thousands of columns wide, matching header cells only in the first 200 columns", () => {
    const grid = seedGrid(SEED_PHU_LUC_II);
    for (const row of grid.rows) for (let c = 5; c < 5000; c++) row[c] = { value: `Cột ${c}` };
    const { table } = recognised(grid);
    expect(table.templateId).toBe("kinh-phi");
    expect(table.extraColumns).toHaveLength(195);
    expect(expectedTotals(table)[0].expected).toBe(225091);
  });
});

describe("headers as units write them (spec §2.0)", () => {
  it("recognises `Đv chủ trì`, `KH`, `TH` and reads a formula legend", () => {
    const grid = gridFromValues("I", [
      ["STT", "ND chỉ tiêu", "KH 2024", "TH 2024", "Tỷ lệ TH/KH (%)", "Đv\nchủ trì"],
      ["(1)", "(2)", "(3)", "(4)", "(5)=(4)/(3)", "(6)"],
      ["1", "Tỷ lệ hộ có internet cáp quang", "80%", "84%", "105", "CNTT-BCVT"],
    ]);
    const { table } = recognised(grid);
    expect(table.templateId).toBe("chi-tieu");
    expect(table.headerRows).toEqual([0, 1]);
    expect(table.columns).toMatchObject({ target: 2, actual: 3, ratio: 4, leadUnit: 5 });
    expect(table.legend).toEqual([{ col: 4, operator: "/", sources: [3, 2] }]);
    expect(table.rows).toHaveLength(1);
  });

  it("compares the target with the result of its own period, each period column kept", () => {
    const header = (sub: string[]) =>
      gridFromValues(
        "K",
        [
          ["STT", "Chỉ tiêu", "Kế hoạch năm 2024", "Kết quả thực hiện", null, null, "Đơn vị chủ trì"],
          [null, null, null, ...sub, null],
          ["1", "Tỷ lệ hồ sơ trực tuyến", "50%", "38%", "45%", "55%", "CNTT-BCVT"],
        ],
        [{ top: 0, left: 3, bottom: 0, right: 5 }],
      );
    const { table: year } = recognised(header(["6 tháng", "9 tháng", "Cả năm"]));
    expect(year.columns.actual).toBe(5);
    expect(year.periods?.map((p) => [p.col, p.months])).toEqual([
      [3, 6],
      [4, 9],
      [5, 12],
    ]);
    // No annual column: the latest period present.
    expect(recognised(header(["Quý I", "6 tháng", "9 tháng"])).table.columns.actual).toBe(5);
    const { table: beside } = recognised(
      gridFromValues("U", [
        ["STT", "Nội dung chỉ tiêu", "Kế hoạch năm", "Ước thực hiện năm", "Thực hiện 9 tháng", "Đánh giá"],
        ["1", "Tỷ lệ hồ sơ đúng hạn", "90%", "97%", "96%", "Vượt"],
      ]),
    );
    expect(beside.columns.actual).toBe(3);
    // A result column naming no period is the result; an estimate beside it is a value of its own.
    const { table: plain } = recognised(
      gridFromValues("P", [
        ["STT", "Chỉ tiêu", "Năm 2024", "Thực hiện", "Ước thực hiện cả năm", "Đơn vị chủ trì"],
        ["1", "Tỷ lệ hồ sơ đúng hạn", "90%", "93%", "97%", "CNTT-BCVT"],
      ]),
    );
    expect(plain.columns.actual).toBe(3);
    expect(plain.headers[4]).toBe("Ước thực hiện cả năm");
  });
});
