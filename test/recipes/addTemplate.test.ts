/**
 * README "Add a template", proven: a form PhuLuc has never seen becomes a checked Phụ lục by a definition alone.
 * The definition below is what `src/engine/templates/<id>.ts` would hold; the test lists it beside the built-in
 * templates (what `TEMPLATES` in templates/index.ts does for a real one) and runs the public check on a sheet
 * laid out the way a unit types it: title lines, the header, the rows, a wrong Tổng cộng and a signature block.
 */
import * as z from "zod";
import { checkGrid } from "../../src/engine/check";
import { TemplateDefSchema, type TemplateDef } from "../../src/engine/template";
import { TEMPLATES } from "../../src/engine/templates";
import { seedLayout } from "../fixtures/seedGrids";
import type { SeedTable } from "../fixtures/seedTables";

// Step 1 of the recipe adds the id to TEMPLATE_IDS; a test cannot, so it widens only the id and keeps every
// other check of the schema.
const RecipeTemplateSchema = TemplateDefSchema.extend({ id: z.string() });

const COUNT = { role: "amount", required: true, kind: "number", multiple: true, summable: true } as const;

/** Thống kê tin, bài trên Cổng thông tin điện tử: one row per unit, two counts that add up in Tổng cộng. */
const TIN_BAI = RecipeTemplateSchema.parse({
  id: "tin-bai",
  nameVi: "Thống kê tin, bài trên Cổng thông tin điện tử",
  nameEn: "News and articles on the provincial portal",
  defaultHeading: "PHỤ LỤC",
  columns: [
    { role: "stt", required: false, kind: "text", header: "STT", synonyms: ["^s ?tt\\.?$"] },
    { role: "reportingUnit", required: true, kind: "text", header: "Đơn vị", synonyms: ["^(ten )?don vi$"] },
    { ...COUNT, header: "Số tin", synonyms: ["^so tin$"] },
    { ...COUNT, header: "Số bài", synonyms: ["^so bai$"] },
    { role: "note", required: false, kind: "text", header: "Ghi chú", synonyms: ["^ghi chu\\b"] },
  ],
  numbering: "flat",
  totalLabels: ["^tong cong\\b"],
}) as unknown as TemplateDef;

/** As a unit fills it in: 412 + 96 + 57 = 565 news items, but the Tổng cộng says 575. */
const SHEET: SeedTable = {
  title: ["PHỤ LỤC", "Thống kê tin, bài đăng trên Cổng thông tin điện tử tỉnh 6 tháng đầu năm 2024"],
  header: ["STT", "Đơn vị", "Số tin", "Số bài", "Ghi chú"],
  rows: [
    ["1", "Sở Thông tin và Truyền thông", "412", "38", ""],
    ["2", "UBND thành phố Long Xuyên", "96", "12", ""],
    ["3", "UBND huyện Chợ Mới", "57", "9", "Số liệu đến 15/6"],
    ["", "Tổng cộng", "575", "59", ""],
  ],
};

describe("Add a template (README recipe)", () => {
  const { grid, layout } = seedLayout(SHEET, { sheetName: "Tin bài", footer: ["Người lập biểu", "GIÁM ĐỐC"] });
  const totalRow = layout.firstDataRow + 3 + 1; // the Tổng cộng row, 1-based as Excel shows it

  afterEach(() => {
    const at = TEMPLATES.indexOf(TIN_BAI);
    if (at >= 0) TEMPLATES.splice(at, 1);
  });

  it("is unknown before the definition is listed", () => {
    const report = checkGrid(grid);
    expect(report.template).toBeNull();
    expect(report.findings.map((f) => f.rule)).toEqual(["unknown-template"]);
  });

  it("is recognised once listed, and the shared rules check it: the wrong Tổng cộng of Số tin, nothing else", () => {
    TEMPLATES.push(TIN_BAI);
    const report = checkGrid(grid);
    expect(report.template).toBe("tin-bai");
    expect(report.table?.rows.map((r) => r.kind)).toEqual(["item", "item", "item", "total"]);
    expect(report.findings.map((f) => [f.rule, f.severity, f.cell, f.expected, f.actual])).toEqual([
      ["total-mismatch", "error", `C${totalRow}`, 565, 575],
    ]);
    expect(report.findings[0].message).toContain("565");
  });
});
