import { seedGrid } from "../../../test/fixtures/seedGrids";
import type { SeedTable } from "../../../test/fixtures/seedTables";
import { recogniseTable } from "../recognise";
import { TEMPLATE_IDS, TemplateDefSchema, type ColumnRole, type TemplateDef } from "../template";
import { foldText } from "../text";
import { templateById, TEMPLATES } from "./index";

/** The role a template gives a header standing alone (first matching column, as recognise does). */
function roleOf(template: TemplateDef, header: string): ColumnRole | undefined {
  const text = foldText(header);
  return template.columns.find((c) => [...c.synonyms, ...c.totalSynonyms].some((s) => new RegExp(s).test(text)))?.role;
}

describe("templates", () => {
  it("defines every template id once, each valid against the schema", () => {
    expect(TEMPLATES.map((t) => t.id).sort()).toEqual([...TEMPLATE_IDS].sort());
    for (const t of TEMPLATES) expect(TemplateDefSchema.parse(t)).toEqual(t);
    expect(templateById("kinh-phi").hasUnitLine).toBe(true);
    expect(() => templateById("khac" as never)).toThrow(/Không có mẫu/);
  });

  it.each([
    ["Năm 2024", "target"],
    ["Kế hoạch 2025", "target"],
    ["Chỉ tiêu năm", "target"],
    ["KH 2024", "target"],
    ["Chỉ tiêu", "indicator"],
    ["Nội dung chỉ tiêu", "indicator"],
    ["Thực hiện", "actual"],
    ["Ước thực hiện năm 2024", "actual"],
    ["Kết quả", "actual"],
    ["Tỷ lệ (%) so với KH", "ratio"],
    ["Tỷ lệ % so với kế hoạch", "ratio"],
    ["Tỷ lệ (%)", "ratio"],
    ["Đánh giá", "assessment"],
    ["Đơn vị\n chủ trì", "leadUnit"],
    ["Đơn vị phối hợp", "coUnits"],
    ["Mã chỉ tiêu", "code"],
    ["ĐVT", "measure"],
    ["Ghi chú", "note"],
  ])("chi-tieu reads %j as %s", (header, role) => {
    expect(roleOf(templateById("chi-tieu"), header)).toBe(role);
  });

  it.each([
    ["Nhu cầu kinh phí năm 2024", "amount"],
    ["Vốn đầu tư", "amount"],
    ["Vốn sự nghiệp", "amount"],
    ["Số tiền", "amount"],
    ["Tổng", "amount"],
    ["Nội dung, nhiệm vụ", "indicator"],
    ["Chủ đầu tư", "leadUnit"],
    ["Nguồn kinh phí", undefined],
  ])("kinh-phi reads %j as %s", (header, role) => {
    expect(roleOf(templateById("kinh-phi"), header)).toBe(role);
  });

  it.each([
    ["Đơn vị / Kỳ", "reportingUnit"],
    ["Tổng số dịch vụ công", "dvcTotal"],
    ["Tổng số DVCTT toàn trình", "dvcFull"],
    ["DV cung cấp thông tin trực tuyến", "dvcInfo"],
    ["DVCTT một phần", "dvcPartial"],
    ["Mức độ 4", "dvcFull"],
    ["Số DVCTT tích hợp Cổng DVC quốc gia", "dvcIntegrated"],
    ["Tỷ lệ hồ sơ đúng hạn và trước hạn (%)", "onTimeRate"],
  ])("dich-vu-cong reads %j as %s", (header, role) => {
    expect(roleOf(templateById("dich-vu-cong"), header)).toBe(role);
  });

  it("reads a bare Chỉ tiêu after Nội dung as the target", () => {
    const seed: SeedTable = {
      title: [],
      header: ["STT", "Nội dung", "Chỉ tiêu", "Đơn vị chủ trì"],
      rows: [["1", "Tỷ lệ hộ có phương tiện nghe, nhìn", "100%", "TTBCXB"]],
    };
    const { table } = recogniseTable(seedGrid(seed));
    expect(table?.templateId).toBe("chi-tieu");
    expect(table?.columns).toEqual({ stt: 0, indicator: 1, target: 2, leadUnit: 3 });
  });
});
