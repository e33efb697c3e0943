import { buildTable } from "../../../test/fixtures/tables";
import { DEFAULT_UNITS } from "../units";
import { duplicateRow } from "./duplicate-row";

const ctx = { units: DEFAULT_UNITS };

describe("duplicate-row", () => {
  it("flags the same indicator twice in a section, ignoring case, diacritics and spaces", () => {
    const table = buildTable("chi-tieu", {
      columns: ["stt", "indicator", "target"],
      rows: [
        { stt: "I", label: "Lĩnh vực Bưu chính" },
        { stt: "1", label: "Tỷ lệ hộ gia đình có đường internet cáp quang", cells: { target: "80%" } },
        { stt: "2", label: "tỷ lệ hộ gia đình có  đường Internet cáp quang", cells: { target: "80%" } },
      ],
    });
    const [finding] = duplicateRow.check(table, ctx);
    expect(finding).toMatchObject({ rule: "duplicate-row", severity: "warning", cell: "B6" });
    expect(finding.message).toContain("trùng với dòng 5 (ô B5)");
  });

  it("sees through Unicode NFD (as some keyboards and PDFs write Vietnamese)", () => {
    const label = "Tỷ lệ hộ xem được Đài truyền hình VN";
    const table = buildTable("ket-qua", {
      columns: ["stt", "indicator", "actual"],
      rows: [
        { stt: "1", label, cells: { actual: "100%" } },
        { stt: "2", label: label.normalize("NFD"), cells: { actual: "100%" } },
      ],
    });
    expect(duplicateRow.check(table, ctx).map((f) => f.cell)).toEqual(["B5"]);
  });

  it("does not flag the same wording in two sections, or sub-items under different parents", () => {
    const table = buildTable("chi-tieu", {
      columns: ["stt", "indicator", "target"],
      rows: [
        { stt: "I", label: "Cấp huyện" },
        { stt: "1", label: "Tỷ lệ đài truyền thanh thông minh", cells: { target: "70%" } },
        { stt: "-", label: "Cấp xã", cells: { target: "100%" } },
        { stt: "II", label: "Cấp xã" },
        { stt: "1", label: "Tỷ lệ đài truyền thanh thông minh", cells: { target: "70%" } },
        { stt: "-", label: "Cấp xã", cells: { target: "100%" } },
      ],
    });
    expect(duplicateRow.check(table, ctx)).toEqual([]);
  });

  it("kinh-phi: the same project line for two owners is fine, for the same owner it is a repeat", () => {
    const line = "Dự án mua sắm trang thiết bị số hóa hồ sơ";
    const table = buildTable("kinh-phi", {
      columns: ["stt", "indicator", "leadUnit", { amount: "Nhu cầu kinh phí" }],
      rows: [
        { stt: "1", label: line, cells: { leadUnit: "UBND huyện Chợ Mới" }, amounts: [396] },
        { stt: "2", label: line, cells: { leadUnit: "UBND huyện Tri Tôn" }, amounts: [830] },
        { stt: "3", label: line, cells: { leadUnit: "UBND huyện Tri Tôn" }, amounts: [830] },
      ],
    });
    expect(duplicateRow.check(table, ctx).map((f) => f.cell)).toEqual(["B6"]);
  });

  it("tells apart different labels that share a hash, and still finds the repeat of either", () => {
    // Folded, `b y` and `a?y` hash alike: 98 × 31 + 32 = 97 × 31 + 63.
    const table = buildTable("ket-qua", {
      columns: ["stt", "indicator", "actual"],
      rows: [
        { stt: "1", label: "Mục b y", cells: { actual: "1" } },
        { stt: "2", label: "Mục a?y", cells: { actual: "2" } },
        { stt: "3", label: "MỤC A?Y", cells: { actual: "3" } },
      ],
    });
    expect(duplicateRow.check(table, ctx).map((f) => [f.cell, f.message])).toEqual([
      ["B6", expect.stringContaining("trùng với dòng 5 (ô B5)")],
    ]);
  });
});
