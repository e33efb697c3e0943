/**
 * No rule and no note builder may assume a dense row (issue 8: a note in a sparse row two rows below
 * Tổng cộng crashed the check). Random sparse grids — holes where cells are empty, as a reader
 * gives them — with each template's header, a legend row, and text around the table (title lines,
 * notes, footnotes, signatures, stray text in any column): every sheet rule and every note builder
 * runs without throwing, and checkGrid reports no rule failure.
 */
import fc from "fast-check";
import { checkGrid, gridNotes, stopNote } from "./check";
import type { Cell, Grid } from "./grid";
import { recogniseTable } from "./recognise";
import { SHEET_RULES } from "./rules";
import { DEFAULT_UNITS } from "./units";

const HEADERS: string[][] = [
  ["STT", "Chỉ tiêu", "ĐVT", "KH năm 2024", "TH năm 2024", "Tỷ lệ TH/KH (%)", "Đv chủ trì", "Ghi chú"],
  ["STT", "Nội dung, nhiệm vụ", "Đơn vị chủ trì", "Vốn đầu tư", "Vốn sự nghiệp", "Tổng", "Ghi chú"],
  ["STT", "Nội dung chỉ tiêu", "Kết quả", "Đánh giá", "Ghi chú"],
  [
    "Đơn vị",
    "Tổng số TTHC",
    "DV cung cấp thông tin trực tuyến",
    "DVCTT một phần",
    "DVCTT toàn trình",
    "Tỷ lệ hồ sơ đúng hạn (%)",
  ],
];

const TEXT = fc.constantFrom(
  "I",
  "II",
  "1",
  "2",
  "a)",
  "b)",
  "-",
  "+",
  "x",
  "X",
  "01",
  "(4)",
  "(6)=(5)/(4)",
  "Tổng cộng",
  "Cộng",
  "Ghi chú: số liệu ước",
  "(*) Số liệu đến 30/6",
  "Nguồn: Sở Tài chính",
  "Nơi nhận:",
  "KT. GIÁM ĐỐC",
  "(Đã ký)",
  "Nguyễn Văn A",
  "Sở TTTT",
  "CNTT-BCVT",
  "Văn phòng",
  "100%",
  ">95%",
  "Phấn đấu 50%",
  "224.591",
  "94,2%",
  "179/188 cơ quan, đạt tỉ lệ 94,2%",
  "Đang thẩm định",
  "Đạt",
  "Chưa đạt",
  "Vượt",
  "830.000.000",
  "",
  "   ",
);

const CELL: fc.Arbitrary<Cell | undefined> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 4, arbitrary: TEXT.map((value) => ({ value })) },
  { weight: 2, arbitrary: fc.double({ min: -1e9, max: 1e9, noNaN: true }).map((value) => ({ value })) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<Cell>(
      { value: 0.942, numFmt: "0.0%" },
      { value: null, error: "#REF!" },
      { value: null, formula: "SUM(D5:D9)" },
    ),
  },
);

/** A sparse row: cells at random columns, holes elsewhere (never `undefined` entries). */
const ROW = fc.array(fc.tuple(fc.nat(11), CELL), { maxLength: 8 }).map((entries) => {
  const row: (Cell | undefined)[] = [];
  for (const [col, cell] of entries) if (cell) row[col] = cell;
  return row;
});

const SHEET = fc.record({
  header: fc.nat(HEADERS.length - 1),
  above: fc.array(ROW, { maxLength: 4 }),
  body: fc.array(ROW, { maxLength: 25 }),
  legend: fc.boolean(),
});

function gridOf(sheet: {
  header: number;
  above: (Cell | undefined)[][];
  body: (Cell | undefined)[][];
  legend: boolean;
}): Grid {
  const header = HEADERS[sheet.header];
  const rows = [...sheet.above, header.map((value) => ({ value }))];
  if (sheet.legend) rows.push(header.map((_, i) => ({ value: i === 5 ? "(6)=(5)/(4)" : `(${i + 1})` })));
  return { name: "Ngẫu nhiên", rows: [...rows, ...sheet.body], merges: [], hiddenRows: [] };
}

describe("every rule and note on random sparse sheets", () => {
  it("never throws and never reports a failed rule", () => {
    fc.assert(
      fc.property(SHEET, (sheet) => {
        const grid = gridOf(sheet);
        const { table } = recogniseTable(grid);
        gridNotes(grid, table);
        if (table) {
          stopNote(grid, table);
          for (const rule of SHEET_RULES) rule.check(table, { units: DEFAULT_UNITS, note: () => undefined });
        }
        const report = checkGrid(grid);
        expect(report.notes.filter((note) => note.id === "rule-failed" || note.id === "structure-unreadable")).toEqual(
          [],
        );
      }),
      { numRuns: 400 },
    );
  });
});
