import { checkGrid } from "../check";
import { recogniseTable } from "../recognise";
import { COL, filledPhuLucI, rowIndexOf, unitCopy, withCell } from "../../../test/fixtures/mergeCases";
import { seedGrid } from "../../../test/fixtures/seedGrids";
import {
  attachExplanations,
  explanationFor,
  indicatorKey,
  isBlocking,
  removeExplanation,
  upsertExplanation,
  withStoredExplanations,
} from "./explanations";

const filled = filledPhuLucI();
const fixed = rowIndexOf(filled, "Số thuê bao băng rộng cố định");
// The unit states 100,0 % of plan where 22 % of 23 % is 95,7 %: one attainment-mismatch on E17.
const flagged = withCell(unitCopy(filled, "CNTT-BCVT"), fixed, COL.ratio, "100,0");
const AT = "2026-12-02T09:00:00.000Z";

function report(seed = flagged) {
  const grid = seedGrid(seed, { sheetName: "Phụ lục I" });
  return checkGrid(grid);
}

describe("giải trình keyed by sheet, indicator and rule", () => {
  it("the flagged figure is one attainment-mismatch on E17 (decided by hand: 22/23 = 95,7 %, stated 100,0)", () => {
    const errors = report().findings.filter((f) => f.severity === "error");
    expect(errors.map((f) => [f.rule, f.cell, f.expected, f.actual])).toEqual([
      ["attainment-mismatch", "E17", 95.7, 100],
    ]);
  });

  it("an explanation attaches to its finding, marks it explained and no longer blocking", () => {
    const { table, findings } = report();
    const finding = findings.find((f) => f.rule === "attainment-mismatch")!;
    const e = explanationFor(table!, finding, { text: " Chỉ tiêu điều chỉnh còn 22% ", by: "Lan", at: AT })!;
    expect(e).toMatchObject({
      sheet: "Phụ lục I",
      rule: "attainment-mismatch",
      cell: "E17",
      text: "Chỉ tiêu điều chỉnh còn 22%",
      by: "Lan",
    });
    expect(e.key).toBe("linh vuc buu chinh vien thong va tan so vo tuyen dien|so thue bao bang rong co dinh 100 dan");
    const attached = attachExplanations(table, findings, [e]);
    const explained = attached.find((f) => f.rule === "attainment-mismatch")!;
    expect(explained.explanation).toBe("Chỉ tiêu điều chỉnh còn 22%");
    expect(explained.explanationRecord).toEqual({ text: "Chỉ tiêu điều chỉnh còn 22%", by: "Lan", at: AT });
    expect(explained.severity).toBe("error");
    expect(isBlocking(explained)).toBe(false);
    expect(isBlocking(finding)).toBe(true);
    // Other findings of the sheet are untouched.
    expect(attached.filter((f) => f.explanation)).toHaveLength(1);
  });

  it("survives rows inserted above: the same explanation finds the finding on its new row", () => {
    const { table, findings } = report();
    const e = explanationFor(
      table!,
      findings.find((f) => f.rule === "attainment-mismatch")!,
      { text: "x", at: AT },
    )!;
    const inserted = {
      ...flagged,
      rows: [flagged.rows[0], ["", "Dòng chèn thêm không có số", "", "", "", "", "", "", ""], ...flagged.rows.slice(1)],
    };
    const moved = report(inserted);
    const finding = moved.findings.find((f) => f.rule === "attainment-mismatch")!;
    expect(finding.cell).toBe("E18");
    expect(attachExplanations(moved.table, moved.findings, [e]).find((f) => f.cell === "E18")?.explanation).toBe("x");
  });

  it("does not explain another rule on the same row, nor the same rule on another sheet", () => {
    const { table, findings } = report();
    const finding = findings.find((f) => f.rule === "attainment-mismatch")!;
    const e = explanationFor(table!, finding, { text: "x", at: AT })!;
    expect(
      attachExplanations(table, findings, [{ ...e, rule: "assessment-contradiction" }]).some((f) => f.explanation),
    ).toBe(false);
    expect(attachExplanations(table, findings, [{ ...e, sheet: "Phụ lục II" }]).some((f) => f.explanation)).toBe(false);
  });

  it("a finding on no table row, or an empty text, makes no explanation", () => {
    const { table } = report();
    expect(explanationFor(table!, { cell: "A1", rule: "missing-column" }, { text: "x", at: AT })).toBeUndefined();
    expect(
      explanationFor(table!, { cell: "E17", rule: "attainment-mismatch" }, { text: "  ", at: AT }),
    ).toBeUndefined();
  });

  it("upsert replaces the explanation of the same sheet, row and rule; remove takes it out", () => {
    const { table } = report();
    const first = explanationFor(table!, { cell: "E17", rule: "attainment-mismatch" }, { text: "một", at: AT })!;
    const second = { ...first, text: "hai", by: "Minh" };
    const other = { ...first, rule: "numbering" };
    const list = upsertExplanation(upsertExplanation([first, other], second), other);
    expect(list.map((e) => [e.rule, e.text])).toEqual([
      ["attainment-mismatch", "hai"],
      ["numbering", "một"],
    ]);
    expect(removeExplanation(list, first).map((e) => e.rule)).toEqual(["numbering"]);
  });

  it("a Mã chỉ tiêu keys the row when present; totals by kind and label", () => {
    const { table } = recogniseTable(seedGrid(flagged, { sheetName: "Phụ lục I" }));
    const row = table!.rows.find((r) => r.label.startsWith("Số thuê bao băng rộng cố định"))!;
    expect(
      indicatorKey(table!, { ...row, cells: { ...row.cells, code: { ...row.cells.indicator!, text: "ct-12" } } }),
    ).toBe("ma:CT-12");
    expect(indicatorKey(table!, { ...row, kind: "total", label: "Tổng cộng" })).toBe("total|tong cong");
  });

  it("withStoredExplanations gives merge the texts on their rows", () => {
    const { table } = recogniseTable(seedGrid(flagged, { sheetName: "Phụ lục I" }));
    const e = explanationFor(table!, { cell: "E17", rule: "attainment-mismatch" }, { text: "Theo QĐ 123", at: AT })!;
    const carried = withStoredExplanations(table!, [e, { ...e, rule: "numbering", text: "STT cũ" }]);
    expect(carried.rows.filter((r) => r.storedExplanation).map((r) => [r.row, r.storedExplanation])).toEqual([
      [16, "Theo QĐ 123; STT cũ"],
    ]);
    expect(withStoredExplanations(table!, [{ ...e, sheet: "Khác" }])).toBe(table);
  });
});
