import { buildTable } from "../../../test/fixtures/tables";
import type { CellValue } from "../grid";
import { DEFAULT_UNITS } from "../units";
import { outOfRange } from "./out-of-range";

const ctx = { units: DEFAULT_UNITS };

describe("out-of-range", () => {
  const services = (dvcTotal: CellValue, onTimeRate: CellValue) =>
    buildTable("dich-vu-cong", {
      columns: ["reportingUnit", "dvcTotal", "dvcPartial", "dvcFull", "onTimeRate"],
      rows: [{ label: "Quý I", cells: { dvcTotal, dvcPartial: 651, dvcFull: 982, onTimeRate } }],
    });

  it("flags a share above 100 % or below 0 %", () => {
    const [above] = outOfRange.check(services(2150, { value: 1.078, numFmt: "0.0%" } as never), ctx);
    expect(above).toMatchObject({ rule: "out-of-range", cell: "E4", expected: 100, actual: 107.8 });
    expect(above.message).toBe("Ô E4: tỷ lệ 107,8% nằm ngoài khoảng 0%–100% (vượt 100% là 7,8%).");
    expect(outOfRange.check(services(2150, "-2%"), ctx)[0]).toMatchObject({ expected: 0, actual: -2 });
  });

  it("accepts 0 % and 100 % (near misses) and an attainment ratio above 100 %", () => {
    expect(outOfRange.check(services(2150, "100%"), ctx)).toEqual([]);
    expect(outOfRange.check(services(2150, 0), ctx)).toEqual([]);
    const plan = buildTable("chi-tieu", {
      columns: ["stt", "indicator", "target", "actual", "ratio"],
      rows: [{ stt: "1", label: "Chỉ tiêu", cells: { target: "50%", actual: "62,5%", ratio: 125 } }],
    });
    expect(outOfRange.check(plan, ctx)).toEqual([]);
  });

  it("flags a negative count or amount", () => {
    expect(outOfRange.check(services(-5, "98%"), ctx)[0]).toMatchObject({ cell: "B4", actual: -5, expected: 0 });
    const budget = buildTable("kinh-phi", {
      columns: ["stt", "indicator", "leadUnit", { amount: "Nhu cầu kinh phí" }],
      rows: [
        { stt: "1", label: "Dự án A", cells: { leadUnit: "Sở TTTT" }, amounts: ["-6.440"] },
        { stt: "2", label: "Dự án B", cells: { leadUnit: "Sở TTTT" }, amounts: [0] },
      ],
    });
    const findings = outOfRange.check(budget, ctx);
    expect(findings.map((f) => f.message)).toEqual(["Ô D4: kinh phí -6.440 là số âm; phải từ 0 trở lên."]);
  });
});

describe("out-of-range: a share of a whole above 100 % (warning)", () => {
  const plan = (label: string, target: CellValue, actual: CellValue) =>
    buildTable("chi-tieu", {
      columns: ["stt", "indicator", "target", "actual", "leadUnit"],
      rows: [{ stt: "1", label, cells: { target, actual, leadUnit: "CNTT-BCVT" } }],
    });

  it("warns on 104 % of households", () => {
    const [over] = outOfRange.check(plan("Tỷ lệ hộ gia đình có internet cáp quang", "80%", "104%"), ctx);
    expect(over).toMatchObject({ rule: "out-of-range", severity: "warning", cell: "D4", expected: 100, actual: 104 });
  });

  it("accepts 100 %, rates against something else, per-100 counts and targets above 100 %", () => {
    expect(outOfRange.check(plan("Tỷ lệ hộ xem được truyền hình", "100%", "100%"), ctx)).toEqual([]);
    expect(outOfRange.check(plan("Tỷ lệ thanh tra so với Kế hoạch", "100%", "120%"), ctx)).toEqual([]);
    expect(outOfRange.check(plan("Tỷ lệ tăng doanh thu", "10%", "112%"), ctx)).toEqual([]);
    expect(outOfRange.check(plan("Số thuê bao di động/100 dân", "70", "104"), ctx)).toEqual([]);
    expect(outOfRange.check(plan("Tỷ lệ doanh thu so với cùng kỳ", "110%", "115%"), ctx)).toEqual([]);
  });
});
