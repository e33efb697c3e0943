/**
 * README "Add a rule", proven: a check PhuLuc does not have runs beside the built-in ones through the public
 * checkGrid. The rule below is what `src/engine/rules/<id>.ts` would hold; listing it in the registry is
 * replaced here by handing checkGrid the built-in rules plus this one.
 */
import { checkGrid } from "../../src/engine/check";
import type { RuleId } from "../../src/engine/finding";
import { buildFinding, quote } from "../../src/engine/messages";
import { parseAssessment } from "../../src/engine/parse/assessment";
import { SHEET_RULES, type Rule } from "../../src/engine/rules";
import { filledPhuLucI, rowIndexOf, withCell, COL } from "../fixtures/mergeCases";
import { seedGrid } from "../fixtures/seedGrids";

/** `giai-trinh-missing`: an indicator assessed Chưa đạt / Không đạt whose Ghi chú gives no giải trình. */
const giaiTrinhMissing: Rule = {
  // A test cannot add the id to the registry's list, so it stands outside RuleId.
  id: "giai-trinh-missing" as RuleId,
  severity: "warning",
  check(table) {
    return table.rows.flatMap((row) => {
      const assessment = row.cells.assessment;
      const verdict = assessment && parseAssessment(assessment.text);
      if (!assessment || (verdict !== "Chưa đạt" && verdict !== "Không đạt")) return [];
      if (row.cells.note?.text.trim()) return [];
      return [
        buildFinding(table, this, {
          cell: assessment.address,
          vi: `chỉ tiêu ${quote(row.label)} được đánh giá ${verdict} nhưng cột Ghi chú chưa có giải trình.`,
          en: `the indicator ${quote(row.label)} is assessed ${verdict} but its Ghi chú gives no explanation.`,
          actual: verdict,
        }),
      ];
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
    const report = checkGrid(grid, {}, [...SHEET_RULES, giaiTrinhMissing]);

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
    expect(report.findings.filter((f) => !added.includes(f))).toEqual(builtIn);
  });
});
