import fc from "fast-check";
import { gridFromValues, type CellValue } from "./grid";
import { checkGrid } from "./check";
import { recogniseTable } from "./recognise";
import { toRoman } from "./roman";
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
    "XXI",
    "XL",
    "A",
    "C",
    "i",
    "ii",
    "(3)",
    "I.2",
    "1",
    "2",
    "1.1",
    "1.2.3",
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

describe("STT read once for the structure and the numbering rule", () => {
  it("any run of Roman sections with numbered items and sub-items is read as written, with no numbering finding", () => {
    const SECTION = fc.record({
      items: fc.integer({ min: 1, max: 3 }),
      subs: fc.constantFrom("1.1", "a)", "i", "-"),
    });
    fc.assert(
      fc.property(fc.array(SECTION, { minLength: 1, maxLength: 45 }), fc.boolean(), (sections, restart) => {
        const rows: CellValue[][] = [["STT", "Chỉ tiêu", "Đơn vị chủ trì", "Kế hoạch", "Thực hiện"]];
        let item = 0;
        const expected: string[] = [];
        sections.forEach((section, s) => {
          rows.push([toRoman(s + 1), `Lĩnh vực ${s + 1}`]);
          expected.push("section");
          if (restart) item = 0;
          for (let i = 0; i < section.items; i++) {
            item += 1;
            rows.push([String(item), `Chỉ tiêu ${s + 1}.${i + 1}`, "Sở TTTT", "100%", "100%"]);
            expected.push("item");
            const first = section.subs === "1.1" ? `${item}.1` : section.subs;
            const second =
              section.subs === "1.1" ? `${item}.2` : section.subs === "a)" ? "b)" : section.subs === "i" ? "ii" : "-";
            for (const sub of [first, second]) {
              rows.push([sub, `Nội dung ${sub}`, "Sở TTTT", "100%", "100%"]);
              expected.push("subitem");
            }
          }
        });
        const report = checkGrid(gridFromValues("Phụ lục I", rows));
        expect(report.table?.rows.map((r) => r.kind)).toEqual(expected);
        expect(report.findings.filter((f) => f.rule === "numbering")).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});
