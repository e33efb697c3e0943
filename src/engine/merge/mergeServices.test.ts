import { recogniseTable } from "../recognise";
import { mergeWorkbook, type UnitInput } from ".";
import { SEED_DICH_VU_CONG } from "../../../test/fixtures/seedTables";
import { seedGrid } from "../../../test/fixtures/seedGrids";

const sheet = (rows: string[][], sheetName = "DVC") => {
  const grid = seedGrid({ ...SEED_DICH_VU_CONG, rows }, { sheetName });
  return { grid, table: recogniseTable(grid).table! };
};

/** 170 distinct commune names, as a province's list reads (`Xã Mỹ Hòa`, `Phường Bình Đức`…). */
const SYLLABLES = [
  "Mỹ",
  "Hòa",
  "An",
  "Bình",
  "Phú",
  "Vĩnh",
  "Tân",
  "Long",
  "Thạnh",
  "Hưng",
  "Khánh",
  "Lợi",
  "Đức",
  "Châu",
];
const XA: string[] = [];
for (const prefix of ["Xã", "Phường"])
  for (const a of SYLLABLES) for (const b of SYLLABLES) if (a !== b && XA.length < 170) XA.push(`${prefix} ${a} ${b}`);

const row = (name: string, n: number): string[] => [name, String(100 + n), "", String(40 + n), String(60), "", ""];

describe("merge dich-vu-cong at province scale: 170 xã files named by code", () => {
  const template = sheet([...XA.map((name) => [name, "", "", "", "", "", ""]), ["Toàn tỉnh", "", "", "", "", "", ""]]);
  const inputs: UnitInput[] = XA.map((name, n) => ({
    file: `xa-${String(n + 1).padStart(3, "0")}.xlsx`,
    table: sheet([row(name, n)]).table,
  }));
  const result = mergeWorkbook([template], inputs);
  const table = recogniseTable(result.sheets[0].grid).table!;

  it("places each file's row at the xã its Đơn vị cell names; no row is added", () => {
    expect(table.rows).toHaveLength(171);
    expect(table.rows.slice(0, 170).map((r) => [r.label, r.cells.dvcTotal?.text])).toEqual(
      XA.map((name, n) => [name, String(100 + n)]),
    );
    expect(result.sheets[0].patch.rowChange).toBeUndefined();
  });

  it("recomputes the total and reports nothing missing", () => {
    const total = table.rows[170];
    expect(total.cells.dvcTotal?.parsed).toMatchObject({ value: XA.reduce((s, _, n) => s + 100 + n, 0) });
    expect(result.findings.filter((f) => f.rule !== "parts-mismatch")).toEqual([]);
    expect(result.completeness).toMatchObject({ indicatorRows: 170, filledRows: 170, missingUnits: [] });
  });

  it("takes each file's unit from the xã its row names, not from the file's code", () => {
    expect(result.units[0]).toEqual({ file: "xa-001.xlsx", unit: XA[0], from: "rows" });
  });

  it("logs each row once, each value once", () => {
    expect(result.log).toHaveLength(170);
    expect(result.log[0]).toMatchObject({ file: "xa-001.xlsx", status: "merged", target: { cell: "A4" } });
    expect(result.log[0].value).toBe("Tổng số dịch vụ công: 100; DVCTT một phần: 40; DVCTT toàn trình: 60");
  });
});

describe("merge dich-vu-cong: a row is placed by what it says", () => {
  const names = XA.slice(0, 6);
  const template = sheet([
    ...names.map((name) => [name, "", "", "", "", "", ""]),
    ["Toàn tỉnh", "", "", "", "", "", ""],
  ]);
  const merged = (inputs: UnitInput[], acceptedProposals: string[] = []) => {
    const result = mergeWorkbook([template], inputs, { acceptedProposals });
    return { result, table: recogniseTable(result.sheets[0].grid).table! };
  };

  it("matches `UBND xã …` and the name without `Xã` to the template's `Xã …` row", () => {
    const { result, table } = merged([
      { file: "xa-001.xlsx", table: sheet([row(`UBND ${names[0].toLowerCase()}`, 0)]).table },
      { file: "xa-002.xlsx", table: sheet([row(names[1].replace(/^Xã /, ""), 1)]).table },
    ]);
    expect(table.rows.map((r) => r.cells.dvcTotal?.text ?? "")).toEqual(["100", "101", "", "", "", "", "201"]);
    expect(result.findings.filter((f) => f.rule === "unknown-row")).toEqual([]);
  });

  it("a row naming no unit from a file named by code is unknown, never a new row named after the file", () => {
    const { result, table } = merged([
      { file: "xa-001.xlsx", table: sheet([row(names[0], 0)]).table },
      { file: "xa-099.xlsx", table: sheet([row("Báo cáo quý I/2024", 9)]).table },
    ]);
    expect(table.rows).toHaveLength(7);
    expect(table.rows.map((r) => r.label)).not.toContain("xa-099");
    const unknown = result.findings.filter((f) => f.rule === "unknown-row");
    expect(unknown.map((f) => [f.file, f.cell])).toEqual([["xa-099.xlsx", "A4"]]);
    expect(unknown[0].message).toContain("không ghi đơn vị nào của mẫu tổng hợp");
    expect(result.log.find((e) => e.file === "xa-099.xlsx")?.status).toBe("unknown");
  });

  it("a retyped name is proposed, not added; accepted, it fills the template's row", () => {
    const retyped = { file: "xa-003.xlsx", table: sheet([row(`${names[2]} Đông`, 2)]).table };
    const first = merged([retyped]);
    expect(first.table.rows).toHaveLength(7);
    expect(first.result.proposals).toEqual([
      expect.objectContaining({ file: "xa-003.xlsx", target: { sheet: "DVC", cell: "A6", label: names[2] } }),
    ]);
    const second = merged([retyped], [first.result.proposals[0].id]);
    expect(second.table.rows[2].cells.dvcTotal?.text).toBe("102");
    expect(second.result.findings.filter((f) => f.rule === "unknown-row")).toEqual([]);
  });

  it("the xã that sent nothing are missing, by name", () => {
    const { result } = merged(
      names.slice(0, 4).map((name, n) => ({ file: `xa-${n}.xlsx`, table: sheet([row(name, n)]).table })),
    );
    expect(result.completeness.missingUnits).toEqual([names[4], names[5]].sort());
    expect(result.findings.filter((f) => f.rule === "missing-report").map((f) => f.cell)).toEqual(["A8", "A9"]);
  });
});
