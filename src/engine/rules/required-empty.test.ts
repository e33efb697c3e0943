import { buildTable } from "../../../test/fixtures/tables";
import { DEFAULT_UNITS } from "../units";
import { requiredEmpty } from "./required-empty";

const ctx = { units: DEFAULT_UNITS };

describe("required-empty", () => {
  const plan = buildTable("chi-tieu", {
    columns: ["stt", "indicator", "target", "leadUnit"],
    rows: [
      { stt: "I", label: "Doanh thu", cells: { target: ">10%", leadUnit: "CNTT-BCVT" } },
      { stt: "II", label: "Lĩnh vực Thông tin, truyền thông" },
      { stt: "1", label: "Tỷ lệ hộ xem được Đài truyền hình VN", cells: { target: "100%", leadUnit: "TTBCXB" } },
      { stt: "2", label: "Tỷ lệ hộ nghe được Đài tiếng nói VN", cells: { leadUnit: "TTBCXB" } },
      { stt: "3", label: "Tỷ lệ hộ có phương tiện nghe, nhìn", cells: { target: "100%" } },
      { stt: "III", label: "Thanh tra", cells: { leadUnit: "Thanh tra" } },
    ],
  });

  it("flags an indicator without target or lead unit, and a childless section without target", () => {
    const findings = requiredEmpty.check(plan, ctx);
    expect(findings.map((f) => f.cell)).toEqual(["C7", "D8", "C9"]);
    expect(findings[0].message).toBe("Ô C7: chỉ tiêu chưa có Kế hoạch (dòng STT 2).");
  });

  it("does not ask a section with children for a target (near miss: section II)", () => {
    expect(requiredEmpty.check(plan, ctx).some((f) => f.cell === "C5" || f.cell === "D5")).toBe(false);
  });

  it("kinh-phi: an item without owner or amount; any owner and one amount of several are enough", () => {
    const budget = buildTable("kinh-phi", {
      columns: ["stt", "indicator", "leadUnit", { amount: "Vốn đầu tư" }, { amount: "Vốn sự nghiệp" }],
      rows: [
        { stt: "I", label: "Các dự án" },
        { stt: "1", label: "Dự án A", cells: { leadUnit: "UBND huyện Chợ Mới" }, amounts: [396] },
        { stt: "2", label: "Dự án B", cells: { leadUnit: "Sở TTTT" }, amounts: [null, 30] },
        { stt: "3", label: "Dự án C", amounts: [830] },
        { stt: "4", label: "Dự án D", cells: { leadUnit: "Ban QLDA ĐTXD&KVPT ĐT AG" } },
        { label: "Tổng cộng", amounts: [1226, 30] },
      ],
    });
    const findings = requiredEmpty.check(budget, ctx);
    expect(findings.map((f) => [f.cell, f.message])).toEqual([
      ["C7", "Ô C7: chưa ghi Đơn vị chủ trì (dòng STT 3)."],
      ["D8", "Ô D8: mục chưa ghi kinh phí (dòng STT 4)."],
    ]);
  });

  it("ket-qua needs Kết quả; dich-vu-cong needs Tổng số", () => {
    const results = buildTable("ket-qua", {
      columns: ["stt", "indicator", "actual", "assessment"],
      rows: [
        { stt: "1", label: "A", cells: { actual: "Thực hiện thường xuyên", assessment: "Đạt" } },
        { stt: "2", label: "B", cells: { assessment: "" } },
      ],
    });
    expect(requiredEmpty.check(results, ctx).map((f) => f.cell)).toEqual(["C5"]);
    const services = buildTable("dich-vu-cong", {
      columns: ["reportingUnit", "dvcTotal", "dvcPartial", "dvcFull"],
      rows: [
        { label: "Quý I", cells: { dvcTotal: 2150, dvcPartial: 651, dvcFull: 982 } },
        { label: "Quý II", cells: { dvcPartial: 651, dvcFull: 982 } },
      ],
    });
    expect(requiredEmpty.check(services, ctx).map((f) => f.cell)).toEqual(["B5"]);
  });
});
