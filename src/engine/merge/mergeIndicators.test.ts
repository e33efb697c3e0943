import { recogniseTable } from "../recognise";
import type { Table } from "../model";
import { summariseMerge, summaryLines } from "./summary";
import { mergeWorkbook } from ".";
import { displayParsed } from "./values";
import {
  COL,
  blankForm,
  filledPhuLucI,
  rowIndexOf,
  sheetOf,
  unitCopy,
  unitInput,
  withCell,
  UNITS_OF_PHU_LUC_I,
} from "../../../test/fixtures/mergeCases";
import type { SeedTable } from "../../../test/fixtures/seedTables";

const filled = filledPhuLucI();
const template = sheetOf(blankForm(filled));
const copies = Object.fromEntries(UNITS_OF_PHU_LUC_I.map((unit) => [unit, unitCopy(filled, unit)]));
const inputsOf = (seeds: Record<string, SeedTable>) =>
  Object.entries(seeds).map(([unit, seed]) => unitInput(seed, `PL1_${unit}.xlsx`));

/** What a person reads in each row: label and the value columns, as displayed. */
function picture(table: Table): string[][] {
  return table.rows.map((row) => [
    row.label,
    ...(["target", "actual", "ratio", "assessment", "leadUnit", "note"] as const).map((role) =>
      row.cells[role] ? displayParsed(row.cells[role]!.parsed) : "",
    ),
  ]);
}

function consolidatedTable(result: ReturnType<typeof mergeWorkbook>): Table {
  return recogniseTable(result.sheets[0].grid).table!;
}

describe("merge chi-tieu: seed Phụ lục I split by lead unit", () => {
  const result = mergeWorkbook([template], inputsOf(copies));

  it("merged back equals the original filled table", () => {
    expect(picture(consolidatedTable(result))).toEqual(picture(sheetOf(filled).table));
  });

  it("finds no conflict and no missing report, and every unit is inferred from its file name", () => {
    expect(result.findings.filter((f) => f.rule.startsWith("merge") || f.rule === "missing-report")).toEqual([]);
    expect(result.units.map((u) => [u.unit, u.from])).toEqual([
      ["CNTT-BCVT", "file-name"],
      ["TTBCXB", "file-name"],
      ["THANH-TRA", "file-name"],
    ]);
  });

  it("reports completeness: three expected units, all sent, 31 of 31 indicators filled", () => {
    expect(result.completeness).toMatchObject({
      expectedUnits: ["CNTT-BCVT", "THANH-TRA", "TTBCXB"],
      sentUnits: ["CNTT-BCVT", "THANH-TRA", "TTBCXB"],
      missingUnits: [],
      indicatorRows: 31,
      filledRows: 31,
      percent: 100,
    });
  });

  it("keeps provenance of every value and carries the giải trình into Ghi chú and the log", () => {
    const internet = rowIndexOf(filled, "Tỷ lệ hộ gia đình có đường internet");
    const row = template.table.rows.find((r) => r.label.startsWith("Tỷ lệ hộ gia đình có đường internet"))!;
    const actual = result.sheets[0].filled.find((f) => f.cell === `D${row.row + 1}`)!;
    expect(actual.source).toEqual({
      file: "PL1_CNTT-BCVT.xlsx",
      sheet: "Phụ lục I",
      cell: `D${row.row + 1}`,
      unit: "CNTT-BCVT",
    });
    expect(actual.explanation).toBe("Số liệu ước đến 30/11");
    expect(result.sheets[0].grid.rows[row.row][COL.note]?.value).toBe("Số liệu ước đến 30/11");
    const logged = result.log.find(
      (e) => e.file === "PL1_CNTT-BCVT.xlsx" && e.indicator === filled.rows[internet][COL.label],
    );
    expect(logged).toMatchObject({ status: "merged", explanation: "Số liệu ước đến 30/11" });
  });

  it("never modifies the template grid", () => {
    const again = sheetOf(blankForm(filled));
    expect(template.grid).toEqual(again.grid);
  });

  it("logs the co-led row I once per unit: the first lead's value merged, the co-lead's equal value agreed", () => {
    const rowI = result.log.filter((e) => e.indicator.startsWith("Doanh thu Viễn thông"));
    expect(rowI.map((e) => [e.unit, e.status])).toEqual([
      ["CNTT-BCVT", "merged"],
      ["THANH-TRA", "agreed"], // its copy repeats the plan's target
      ["TTBCXB", "agreed"],
    ]);
  });
});

describe("merge chi-tieu: conflicts, missing reports, unknown rows, proposals", () => {
  const internet = rowIndexOf(filled, "Tỷ lệ hộ gia đình có đường internet");
  const internetRow = template.table.rows.find((r) => r.label.startsWith("Tỷ lệ hộ gia đình có đường internet"))!;
  const actualCell = `D${internetRow.row + 1}`;
  // TTBCXB also reports CNTT-BCVT's internet indicator, with another figure and a giải trình.
  const disagreeing = withCell(
    withCell(copies.TTBCXB, internet, COL.actual, "85%"),
    internet,
    COL.note,
    "Theo số liệu VNPT",
  );

  it("a non-lead's different value is a merge-conflict; the lead's value is kept; the giải trình marks it accepted", () => {
    const result = mergeWorkbook([template], inputsOf({ ...copies, TTBCXB: disagreeing }));
    const conflicts = result.findings.filter((f) => f.rule === "merge-conflict");
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({
      severity: "error",
      sheet: "Phụ lục I",
      cell: actualCell,
      file: "PL1_TTBCXB.xlsx",
      expected: filled.rows[internet][COL.actual],
      actual: "85%",
      explanation: "Theo số liệu VNPT",
    });
    expect(conflicts[0].message).toContain("TTBCXB");
    expect(result.sheets[0].grid.rows[internetRow.row][COL.actual]?.value).toBe(0.8);
    const entry = result.log.find((e) => e.unit === "TTBCXB" && e.indicator === internetRow.label)!;
    expect(entry.status).toBe("conflict");
    expect(result.conflicts[0]).toMatchObject({ id: `Phụ lục I!${actualCell}`, kept: "CNTT-BCVT", resolved: false });
    // The summary counts it apart, so its count and the findings listed below it agree.
    expect(summaryLines(summariseMerge(result), "TH.xlsx")[3]).toBe(
      "Xung đột: 0; thiếu báo cáo: 0; dòng không khớp mẫu: 0; đề xuất khớp gần đúng: 0; " +
        "đã giải trình (vẫn liệt kê bên dưới): 1.",
    );
  });

  it("a settled conflict takes the chosen unit's value, logs the choice and leaves no finding", () => {
    const id = `Phụ lục I!${actualCell}`;
    const result = mergeWorkbook([template], inputsOf({ ...copies, TTBCXB: disagreeing }), {
      resolutions: { [id]: "TTBCXB" },
    });
    expect(result.findings.filter((f) => f.rule === "merge-conflict")).toEqual([]);
    expect(result.sheets[0].grid.rows[internetRow.row][COL.actual]?.value).toBe(0.85);
    const entries = result.log.filter((e) => e.indicator === internetRow.label).map((e) => [e.unit, e.status]);
    expect(entries).toEqual([
      ["CNTT-BCVT", "rejected"],
      ["THANH-TRA", "agreed"],
      ["TTBCXB", "merged"],
    ]);
    expect(result.log.find((e) => e.unit === "TTBCXB" && e.indicator === internetRow.label)?.note).toContain(
      "KHTC chọn",
    );
    expect(result.conflicts[0].resolved).toBe(true);
  });

  it("a check finding on a row explained by its unit is accepted; on a row mixing two units' values it is not", () => {
    const offRatio = withCell(copies["CNTT-BCVT"], internet, COL.ratio, "90,0");
    const explained = mergeWorkbook([template], inputsOf({ ...copies, "CNTT-BCVT": offRatio }));
    const ratioCell = `E${internetRow.row + 1}`;
    const mismatch = explained.findings.find((f) => f.rule === "attainment-mismatch" && f.cell === ratioCell);
    expect(mismatch?.explanation).toBe("Số liệu ước đến 30/11");

    const id = `Phụ lục I!${actualCell}`;
    const mixed = mergeWorkbook([template], inputsOf({ ...copies, TTBCXB: disagreeing }), {
      resolutions: { [id]: "TTBCXB" },
    });
    const unexplained = mixed.findings.find((f) => f.rule === "attainment-mismatch" && f.cell === ratioCell);
    expect(unexplained).toBeDefined();
    expect(unexplained?.explanation).toBeUndefined();
  });

  it("co-leads reporting different values conflict (the first named lead is kept)", () => {
    const rowI = rowIndexOf(filled, "Doanh thu Viễn thông");
    const result = mergeWorkbook(
      [template],
      inputsOf({ ...copies, TTBCXB: withCell(copies.TTBCXB, rowI, COL.actual, "11%") }),
    );
    const conflict = result.findings.find((f) => f.rule === "merge-conflict")!;
    expect(conflict).toMatchObject({ cell: "D5", expected: "60%", actual: "11%", file: "PL1_TTBCXB.xlsx" });
  });

  it("a lead unit that sent nothing gives missing-report per indicator and shows in completeness", () => {
    const result = mergeWorkbook([template], inputsOf({ "CNTT-BCVT": copies["CNTT-BCVT"], TTBCXB: copies.TTBCXB }));
    const missing = result.findings.filter((f) => f.rule === "missing-report");
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ severity: "warning", cell: "D38" });
    expect(missing[0].message).toContain("THANH-TRA");
    expect(result.completeness).toMatchObject({
      missingUnits: ["THANH-TRA"],
      indicatorRows: 31,
      filledRows: 30,
      percent: 96.8,
    });
    expect(result.completeness.emptyRows).toEqual([
      { sheet: "Phụ lục I", cell: "D38", indicator: filled.rows.at(-1)![COL.label], leadUnits: ["THANH-TRA"] },
    ]);
  });

  it("a near-miss: the lead sent the row but left it empty is still missing; a filled row is not", () => {
    const emptied = withCell(copies["THANH-TRA"], filled.rows.length - 1, COL.actual, "");
    const partly = withCell(
      withCell(emptied, filled.rows.length - 1, COL.ratio, ""),
      filled.rows.length - 1,
      COL.assessment,
      "",
    );
    const result = mergeWorkbook([template], inputsOf({ ...copies, "THANH-TRA": partly }));
    expect(result.findings.filter((f) => f.rule === "missing-report").map((f) => f.cell)).toEqual(["D38"]);
    expect(mergeWorkbook([template], inputsOf(copies)).findings.filter((f) => f.rule === "missing-report")).toEqual([]);
  });

  it("a row that matches nothing is unknown-row, logged unknown and not merged", () => {
    const extra: SeedTable = {
      ...copies.TTBCXB,
      rows: [...copies.TTBCXB.rows, ["7", "Số đài phát thanh cộng đồng mới lập", "", "12", "", "", "TTBCXB", "", ""]],
    };
    const result = mergeWorkbook([template], inputsOf({ ...copies, TTBCXB: extra }));
    const unknown = result.findings.filter((f) => f.rule === "unknown-row");
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toMatchObject({ severity: "warning", file: "PL1_TTBCXB.xlsx", cell: "B39" });
    expect(result.log.find((e) => e.indicator === "Số đài phát thanh cộng đồng mới lập")?.status).toBe("unknown");
    expect(result.proposals).toEqual([]);
  });

  it("a retyped indicator is proposed, not applied; once accepted it merges", () => {
    const i = rowIndexOf(filled, "Tỷ lệ hộ có phương tiện nghe, nhìn");
    const retyped = withCell(copies.TTBCXB, i, COL.label, "Tỷ lệ hộ gia đình có phương tiện nghe, nhìn");
    const first = mergeWorkbook([template], inputsOf({ ...copies, TTBCXB: retyped }));
    expect(first.proposals).toHaveLength(1);
    const proposal = first.proposals[0];
    expect(proposal).toMatchObject({ unit: "TTBCXB", target: { label: "Tỷ lệ hộ có phương tiện nghe, nhìn" } });
    expect(proposal.similarity).toBeGreaterThan(0.8);
    const row = template.table.rows.find((r) => r.label === "Tỷ lệ hộ có phương tiện nghe, nhìn")!;
    expect(first.sheets[0].grid.rows[row.row][COL.actual]).toBeUndefined();
    expect(first.findings.filter((f) => f.rule === "unknown-row")).toHaveLength(1);

    const second = mergeWorkbook([template], inputsOf({ ...copies, TTBCXB: retyped }), {
      acceptedProposals: [proposal.id],
    });
    expect(second.proposals).toEqual([]);
    expect(second.sheets[0].grid.rows[row.row][COL.actual]?.value).toBe(0.99);
    expect(second.findings.filter((f) => f.rule === "unknown-row")).toEqual([]);
  });

  it("a unit's own row with its section dropped and renumbered still matches by label", () => {
    const onlyRows: SeedTable = {
      ...copies["THANH-TRA"],
      rows: [["1", filled.rows.at(-1)![COL.label], "100%", "100%", "100,0", "Đạt", "Thanh tra", "", ""]],
    };
    const result = mergeWorkbook(
      [template],
      [
        ...inputsOf({ "CNTT-BCVT": copies["CNTT-BCVT"], TTBCXB: copies.TTBCXB }),
        unitInput(onlyRows, "thanh tra so.xlsx"),
      ],
    );
    expect(result.units[2]).toEqual({ file: "thanh tra so.xlsx", unit: "THANH-TRA", from: "file-name" });
    expect(result.sheets[0].grid.rows[37][COL.actual]?.value).toBe(1);
    expect(result.findings.filter((f) => f.rule === "missing-report")).toEqual([]);
  });

  it("infers the unit from the rows' Đơn vị chủ trì when the file name names none", () => {
    const result = mergeWorkbook([template], [unitInput(copies.TTBCXB, "bao-cao-thang-11.xlsx")]);
    expect(result.units).toEqual([{ file: "bao-cao-thang-11.xlsx", unit: "TTBCXB", from: "rows" }]);
  });
});

describe("merge: determinism and newer files", () => {
  const inputs = inputsOf(copies);

  it("is idempotent and independent of input order", () => {
    const once = mergeWorkbook([template], inputs);
    expect(mergeWorkbook([template], inputs)).toEqual(once);
    const reversed = mergeWorkbook([template], [...inputs].reverse());
    expect(reversed.sheets).toEqual(once.sheets);
    expect(reversed.log).toEqual(once.log);
    expect(reversed.findings).toEqual(once.findings);
  });

  it("merging the consolidated result again as the template changes nothing", () => {
    const once = mergeWorkbook([template], inputs);
    const consolidated = { grid: once.sheets[0].grid, table: consolidatedTable(once) };
    const twice = mergeWorkbook([consolidated], inputs);
    expect(twice.sheets[0].grid.rows).toEqual(once.sheets[0].grid.rows);
  });

  it("a newer file of one unit replaces that unit's values only; the older rows are logged superseded", () => {
    const internet = rowIndexOf(filled, "Tỷ lệ hộ gia đình có đường internet");
    const newer = withCell(copies["CNTT-BCVT"], internet, COL.actual, "81%");
    const result = mergeWorkbook(
      [template],
      [
        unitInput(newer, "CNTT-BCVT_v2.xlsx", { receivedAt: "2024-12-02T08:00:00Z" }),
        unitInput(copies["CNTT-BCVT"], "CNTT-BCVT_v1.xlsx", { receivedAt: "2024-11-30T08:00:00Z" }),
        ...inputsOf({ TTBCXB: copies.TTBCXB, "THANH-TRA": copies["THANH-TRA"] }),
      ],
    );
    const row = template.table.rows[internet];
    expect(result.sheets[0].grid.rows[row.row][COL.actual]?.value).toBe(0.81);
    expect(result.findings.filter((f) => f.rule === "merge-conflict")).toEqual([]);
    const older = result.log.filter((e) => e.file === "CNTT-BCVT_v1.xlsx");
    expect(older.length).toBeGreaterThan(0);
    const note = "Thay bằng tệp CNTT-BCVT_v2.xlsx, ngày lưu trong sổ tính 02/12/2024 08:00.";
    expect(older.every((e) => e.status === "superseded" && e.note === note)).toBe(true);
    // Listed as info findings on the older file, every value of it accounted superseded; the unit is not missing.
    const listed = result.findings.filter((f) => f.rule === "superseded");
    expect(listed).toHaveLength(older.length);
    expect(listed.every((f) => f.severity === "info" && f.file === "CNTT-BCVT_v1.xlsx")).toBe(true);
    const values = result.values.filter((v) => v.file === "CNTT-BCVT_v1.xlsx");
    expect(values.length).toBeGreaterThanOrEqual(older.length);
    expect(values.every((v) => v.fate === "superseded" && v.reason === note)).toBe(true);
    expect(result.completeness.missingUnits).toEqual([]);
    // TTBCXB's values are untouched.
    const once = mergeWorkbook([template], inputsOf(copies));
    const ttbcxbRow = rowIndexOf(filled, "Tỷ lệ hộ xem được");
    expect(result.sheets[0].grid.rows[template.table.rows[ttbcxbRow].row]).toEqual(
      once.sheets[0].grid.rows[template.table.rows[ttbcxbRow].row],
    );
  });

  it("the newer by date wins whatever the order of arguments (a glob lists thang10 before thang9)", () => {
    const internet = rowIndexOf(filled, "Tỷ lệ hộ gia đình có đường internet");
    const september = withCell(copies["CNTT-BCVT"], internet, COL.actual, "79%");
    const october = withCell(copies["CNTT-BCVT"], internet, COL.actual, "82%");
    const files = [
      unitInput(october, "CNTT-BCVT_thang10.xlsx", { receivedAt: "2024-10-31T09:00:00Z", receivedFrom: "file" }),
      unitInput(september, "CNTT-BCVT_thang9.xlsx", { receivedAt: "2024-09-30T09:00:00Z", receivedFrom: "file" }),
    ];
    for (const order of [files, [...files].reverse()]) {
      const result = mergeWorkbook([template], order);
      expect(result.sheets[0].grid.rows[template.table.rows[internet].row][COL.actual]?.value).toBe(0.82);
      expect(new Set(result.values.filter((v) => v.file === "CNTT-BCVT_thang9.xlsx").map((v) => v.fate))).toEqual(
        new Set(["superseded"]),
      );
      expect(result.findings.find((f) => f.rule === "superseded")?.message).toContain(
        "được thay bằng tệp CNTT-BCVT_thang10.xlsx, ngày sửa tệp 31/10/2024 09:00",
      );
    }
  });

  it("the same unit twice without dates: neither replaces the other, a differing value is a conflict", () => {
    const internet = rowIndexOf(filled, "Tỷ lệ hộ gia đình có đường internet");
    const other = withCell(copies["CNTT-BCVT"], internet, COL.actual, "82%");
    const files = [
      unitInput(copies["CNTT-BCVT"], "a.xlsx", { unitId: "CNTT-BCVT" }),
      unitInput(other, "b.xlsx", { unitId: "Phòng CNTT - BCVT" }),
    ];
    const result = mergeWorkbook([template], files);
    expect(result.sheets).toEqual(mergeWorkbook([template], [...files].reverse()).sheets);
    expect(result.sheets[0].grid.rows[template.table.rows[internet].row][COL.actual]?.value).toBe(0.8);
    expect(result.findings.filter((f) => f.rule === "merge-conflict").map((f) => f.file)).toEqual(["b.xlsx"]);
    expect(result.findings.filter((f) => f.rule === "superseded")).toEqual([]);
  });
});
