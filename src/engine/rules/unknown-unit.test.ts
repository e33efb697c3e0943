import { buildTable } from "../../../test/fixtures/tables";
import { DEFAULT_UNITS } from "../units";
import { unknownUnit } from "./unknown-unit";

const ctx = { units: DEFAULT_UNITS };
const plan = (...units: string[]) =>
  buildTable("chi-tieu", {
    columns: ["stt", "indicator", "target", "leadUnit", "coUnits"],
    rows: units.map((unit, i) => ({
      stt: String(i + 1),
      label: `Chỉ tiêu ${i + 1}`,
      cells: { target: "100%", leadUnit: unit, coUnits: "Các phòng, Trung tâm CNTT-TT" },
    })),
  });

describe("unknown-unit", () => {
  it("warns on a lead unit not in the list and suggests the closest one", () => {
    const [finding] = unknownUnit.check(plan("Phòng CNTT-BCTV"), ctx);
    expect(finding).toMatchObject({
      rule: "unknown-unit",
      severity: "warning",
      cell: "D4",
      expected: "CNTT-BCVT",
      actual: "Phòng CNTT-BCTV",
    });
    expect(finding.message).toContain("Có phải “CNTT-BCVT”");
  });

  it("accepts aliases, several units in one cell and all-units phrases (near misses)", () => {
    const table = plan("CNTT-BCVT;\nTTBCXB", "Phòng CNTT - BCVT", "Thanh tra", "Các phòng, Trung tâm CNTT-TT");
    expect(unknownUnit.check(table, ctx)).toEqual([]);
  });

  it("names each unknown unit of a multi-unit cell, without a suggestion when nothing is close", () => {
    const findings = unknownUnit.check(plan("TTBCXB;\nSở Tài chính"), ctx);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ actual: "Sở Tài chính", expected: null });
  });

  it("accepts any owner in a budget table", () => {
    const budget = buildTable("kinh-phi", {
      columns: ["stt", "indicator", "leadUnit", { amount: "Nhu cầu kinh phí" }],
      rows: [{ stt: "1", label: "Dự án", cells: { leadUnit: "UBND huyện Chợ Mới" }, amounts: [396] }],
    });
    expect(unknownUnit.check(budget, ctx)).toEqual([]);
  });
});
