import fc from "fast-check";
import { gridFromValues, type CellValue } from "./grid";
import { recogniseTable } from "./recognise";
import { expectedTotals } from "./totals";

/** Cells drawn from what Phụ lục sheets hold, so random grids often form tables. */
const CELL = fc.oneof(
  fc.constantFrom<CellValue>(
    null,
    "",
    "STT",
    "Nội dung, nhiệm vụ",
    "Đơn vị chủ trì",
    "Kinh phí",
    "Chỉ tiêu",
    "Kế hoạch",
    "Đvt: triệu đồng",
    "I",
    "II",
    "A",
    "1",
    "2",
    "1.1",
    "a)",
    "-",
    "+",
    "Cộng",
    "Tổng",
    "Tổng cộng",
    "Toàn tỉnh",
    "Nơi nhận:",
    "Sở TTTT",
    "224.591",
    "abc",
    "50%",
  ),
  fc.integer({ min: -1000, max: 100000 }),
);

const GRID = fc.array(fc.array(CELL, { maxLength: 6 }), { maxLength: 40 });

describe("recogniseTable on random sheets", () => {
  it("never throws, and builds a consistent structure whenever it finds a table", () => {
    fc.assert(
      fc.property(GRID, (values) => {
        const header: CellValue[] = ["STT", "Nội dung, nhiệm vụ", "Đơn vị chủ trì", "Kinh phí"];
        for (const withHeader of [false, true]) {
          const { table, findings } = recogniseTable(
            gridFromValues("Random", withHeader ? [header, ...values] : values),
          );
          if (!table) {
            // unknown-template, or nothing at all for a blank sheet.
            expect(findings.map((f) => f.rule)).toEqual(
              values.flat().some((v) => String(v ?? "").trim()) ? ["unknown-template"] : [],
            );
            continue;
          }
          table.rows.forEach((row, i) => {
            expect(row.index).toBe(i);
            if (i > 0) expect(row.row).toBeGreaterThan(table.rows[i - 1].row);
            if (row.parent !== undefined) {
              expect(row.parent).toBeLessThan(i);
              expect(["section", "item", "subitem"]).toContain(table.rows[row.parent].kind);
              expect(table.rows[row.parent].level).toBeLessThan(row.level === 0 ? 1 : row.level);
            }
            if (row.section !== undefined) expect(table.rows[row.section].kind).toBe("section");
            const covers = row.covers ?? [];
            expect(new Set(covers).size).toBe(covers.length);
            for (const c of covers) expect(["section", "item", "subitem"]).toContain(table.rows[c].kind);
          });
          for (const total of expectedTotals(table)) expect(Number.isFinite(total.expected)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
