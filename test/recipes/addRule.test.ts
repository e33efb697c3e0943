/**
 * README "Add a rule", proven: a check PhuLuc does not have runs beside the built-in ones through the public
 * checkGrid. The definition below is what `src/engine/rules/<id>.ts` would hold; listing it in RULE_DEFINITIONS
 * is replaced here by handing checkGrid the built-in sheet rules plus this one.
 */
import { checkGrid } from "../../src/engine/check";
import { makeFinding, renderMessage, type FindingParams, type RuleId } from "../../src/engine/finding";
import { LOCALES } from "../../src/engine/locale";
import type { Assessment } from "../../src/engine/model";
import { parseAssessment } from "../../src/engine/parse/assessment";
import { SHEET_RULES, type Rule, type RuleDefinition, type SheetRule } from "../../src/engine/rules";
import { filledPhuLucI, rowIndexOf, withCell, COL } from "../fixtures/mergeCases";
import { seedGrid } from "../fixtures/seedGrids";

interface GiaiTrinhParams extends FindingParams {
  /** The indicator's label as written. */
  indicator: string;
  actual: Assessment;
}

/** `giai-trinh-missing`: an indicator assessed Chưa đạt / Không đạt whose Ghi chú gives no giải trình. */
const giaiTrinhMissing: SheetRule<"giai-trinh-missing", GiaiTrinhParams> = {
  id: "giai-trinh-missing",
  severity: "warning",
  tags: ["sheet", "completeness"],
  label: { vi: "Chưa đạt mà chưa giải trình", en: "Shortfall not explained" },
  message: {
    vi: (p, f) => `chỉ tiêu ${f.quote(p.indicator)} được đánh giá ${p.actual} nhưng cột Ghi chú chưa có giải trình.`,
    en: (p, f) => `the indicator ${f.quote(p.indicator)} is assessed ${p.actual} but its Ghi chú gives no explanation.`,
  },
  examples: [{ indicator: "Tỷ lệ hộ có phương tiện nghe, nhìn", actual: "Chưa đạt" }],
  check(table) {
    return table.rows.flatMap((row) => {
      const assessment = row.cells.assessment;
      const verdict = assessment && parseAssessment(assessment.text);
      if (!assessment || (verdict !== "Chưa đạt" && verdict !== "Không đạt")) return [];
      if (row.cells.note?.text.trim()) return [];
      // The registry's RuleId cannot name a rule a test adds, hence the cast (a real rule is listed).
      const listed = this as unknown as RuleDefinition<RuleId, GiaiTrinhParams>;
      const params = { indicator: row.label, actual: verdict };
      return [makeFinding(listed, { sheet: table.sheet, cell: assessment.address }, params)];
    });
  },
};

describe("Add a rule (README recipe)", () => {
  // The seeds' Phụ lục I filled in by the units (sections II and III), one Chưa đạt explained in Ghi chú.
  const filled = filledPhuLucI();
  const explained = withCell(
    filled,
    rowIndexOf(filled, "Tỷ lệ xã có điểm phục vụ bưu chính"),
    COL.note,
    "Còn 2 xã cù lao",
  );
  const sheet = { ...explained, rows: explained.rows.slice(1, 14) };
  const grid = seedGrid(sheet, { sheetName: "Phụ lục I", footer: ["Nơi nhận:", "GIÁM ĐỐC"] });

  it("fires on the two unexplained Chưa đạt rows, in both languages, beside the built-in rules' findings", () => {
    const builtIn = checkGrid(grid).findings;
    const report = checkGrid(grid, {}, [...SHEET_RULES, giaiTrinhMissing as unknown as Rule]);

    expect(report.template).toBe("chi-tieu");
    // Hộ có phương tiện nghe, nhìn (row 10) and thuê bao băng rộng cố định (row 16): Chưa đạt, no Ghi chú.
    // Xã có điểm phục vụ bưu chính (row 13) is Chưa đạt too, but explained.
    const added = report.findings.filter((f) => f.rule === ("giai-trinh-missing" as RuleId));
    expect(added.map((f) => [f.cell, f.severity, f.actual])).toEqual([
      ["F10", "warning", "Chưa đạt"],
      ["F16", "warning", "Chưa đạt"],
    ]);
    expect(added[0].message).toBe(
      "Ô F10: chỉ tiêu “Tỷ lệ hộ có phương tiện nghe, nhìn” được đánh giá Chưa đạt nhưng cột Ghi chú chưa có giải trình.",
    );
    expect(added[0].messageEn).toMatch(/^Cell F10: the indicator “Tỷ lệ hộ có phương tiện nghe, nhìn” is assessed/);
    expect(added[0].params).toEqual({ indicator: "Tỷ lệ hộ có phương tiện nghe, nhìn", actual: "Chưa đạt" });
    expect(report.findings.filter((f) => !added.includes(f))).toEqual(builtIn);
  });

  it("renders its examples in every locale (what the registry's parity test does for a listed rule)", () => {
    for (const locale of LOCALES) {
      for (const params of giaiTrinhMissing.examples) {
        expect(renderMessage(giaiTrinhMissing, "F10", params, locale)).toMatch(/^(Ô|Cell) F10: \S/);
      }
    }
  });
});
