import fc from "fast-check";
import { formatVietnameseNumber } from "./number";
import { parseTarget, parseTargetCell, parseTargetValue } from "./target";
import { SEED_PHU_LUC_I } from "../../../test/fixtures/seedTables";
import { seedLayout } from "../../../test/fixtures/seedGrids";

const atLeast = (value: number, strict = false, percent = true) => ({ kind: "atLeast", value, strict, percent });
const atMost = (value: number, strict = false, percent = true) => ({ kind: "atMost", value, strict, percent });

describe("parseTarget", () => {
  it.each([
    ["100%", atLeast(100)],
    [">10%", atLeast(10, true)],
    ["> 80%", atLeast(80, true)],
    ["   > 80%", atLeast(80, true)],
    ["≥ 90%", atLeast(90)],
    [">= 90%", atLeast(90)],
    ["Trên 95%", atLeast(95, true)],
    [">95%", atLeast(95, true)],
    ["Phấn đấu 50%", atLeast(50)],
    ["Phấn đấu trên 95%", atLeast(95, true)],
    ["Tối thiểu 90%", atLeast(90)],
    ["Ít nhất 01", atLeast(1, false, false)],
    ["Đạt từ 40% trở lên", atLeast(40)],
    ["40% trở lên", atLeast(40)],
    ["Không dưới 60%", atLeast(60)],
    ["Không quá 5%", atMost(5)],
    ["Dưới 10%", atMost(10, true)],
    ["≤ 3", atMost(3, false, false)],
    ["< 3", atMost(3, true, false)],
    ["Tối đa 2 ngày", atMost(2, false, false)],
    ["5% trở xuống", atMost(5)],
    ["Từ 5% trở xuống", atMost(5)],
    ["3", atLeast(3, false, false)],
    ["1.000", atLeast(1000, false, false)],
    ["94,5%", atLeast(94.5)],
    ["100%/năm", atLeast(100)],
    ["100% (cấp xã)", atLeast(100)],
    ["Phấn đấu\n50%", atLeast(50)],
    ["TỐI THIỂU 90%", atLeast(90)],
    ["Tối thiểu 90%".normalize("NFD"), atLeast(90)],
  ])("%j", (text, expected) => {
    expect(parseTarget(text)).toMatchObject(expected);
  });

  it.each([
    ["30% - 50%", 30, 50, true],
    ["Từ 30% - 50%", 30, 50, true],
    ["30 – 50%", 30, 50, true],
    ["từ 30% đến 50%", 30, 50, true],
    ["10 - 20", 10, 20, false],
  ])("%j is a range", (text, min, max, percent) => {
    expect(parseTarget(text)).toEqual({ kind: "range", min, max, percent, text: text.trim() });
  });

  it("keeps the text as written, tidied", () => {
    expect(parseTarget("   > 80%")).toEqual({ kind: "atLeast", value: 80, strict: true, percent: true, text: "> 80%" });
  });

  it("reads the seed's compound target into two labelled parts", () => {
    expect(parseTarget("70% Đài Truyền thanh cấp huyện;\n 100% đài truyền thanh cấp xã")).toEqual({
      kind: "compound",
      parts: [
        {
          label: "Đài Truyền thanh cấp huyện",
          target: { kind: "atLeast", value: 70, strict: false, percent: true, text: "70% Đài Truyền thanh cấp huyện" },
        },
        {
          label: "đài truyền thanh cấp xã",
          target: { kind: "atLeast", value: 100, strict: false, percent: true, text: "100% đài truyền thanh cấp xã" },
        },
      ],
      text: "70% Đài Truyền thanh cấp huyện; 100% đài truyền thanh cấp xã",
    });
    const commas = parseTarget("70% cấp huyện, 100% cấp xã");
    expect(commas.kind === "compound" && commas.parts.map((p) => [p.label, p.target.kind])).toEqual([
      ["cấp huyện", "atLeast"],
      ["cấp xã", "atLeast"],
    ]);
  });

  it("reads every target of the seed's Phụ lục I; only section titles without a target are empty", () => {
    const targets = SEED_PHU_LUC_I.rows.map((row) => parseTarget(row[2]));
    expect(targets.filter((t) => t.kind === "qualitative")).toEqual([]);
    expect(SEED_PHU_LUC_I.rows.filter((_, i) => targets[i].kind === "empty").map((row) => row[0])).toEqual([
      "II",
      "III",
      "IV",
    ]);
    expect(targets.filter((t) => t.kind === "compound")).toHaveLength(1);
    expect(targets.filter((t) => t.kind === "range")).toHaveLength(1);
  });

  it.each([
    "Thực hiện thường xuyên",
    "Đăng ký, triển khai ít nhất 01 công trình",
    "Thông tư 12/2022/TT-BTTTT",
    "12/2022",
    "12 / 2022",
    "Giảm 10%",
    "1.5",
    "17/3/2024",
    "Năm 2024",
  ])("%j is qualitative", (text) => {
    expect(parseTarget(text)).toEqual({ kind: "qualitative", text });
  });

  it("does not make a compound of parts that are not all targets", () => {
    expect(parseTarget("Phấn đấu 50%, trong đó 20% xuất sắc")).toMatchObject(atLeast(50));
    expect(parseTarget("")).toEqual({ kind: "empty", text: "" });
    expect(parseTarget(" \n ")).toEqual({ kind: "empty", text: "" });
  });
});

describe("parseTargetValue / parseTargetCell", () => {
  it("reads a numeric target cell without re-parsing it", () => {
    expect(parseTargetValue(1, "0%")).toEqual({
      kind: "atLeast",
      value: 100,
      strict: false,
      percent: true,
      text: "100%",
    });
    expect(parseTargetValue(0.955, "0.0%")).toEqual({
      kind: "atLeast",
      value: 95.5,
      strict: false,
      percent: true,
      text: "95,5%",
    });
    expect(parseTargetValue(1000)).toEqual({
      kind: "atLeast",
      value: 1000,
      strict: false,
      percent: false,
      text: "1.000",
    });
  });

  it("reads any cell", () => {
    expect(parseTargetCell({ value: 0.9, numFmt: "0%" })).toMatchObject(atLeast(90));
    expect(parseTargetCell({ value: ">95%" })).toMatchObject(atLeast(95, true));
    expect(parseTargetCell(undefined)).toEqual({ kind: "empty", text: "" });
    expect(parseTargetCell({ value: null, error: "#REF!" })).toEqual({ kind: "qualitative", text: "#REF!" });
    expect(parseTargetCell({ value: null, formula: "A1" })).toEqual({ kind: "qualitative", text: "=A1" });
    expect(parseTargetCell({ value: "  " })).toEqual({ kind: "empty", text: "" });
  });
});

describe("the seed's Phụ lục I as a sheet", () => {
  it("reads the same targets whether the Kế hoạch cells hold text or numbers formatted 0%", () => {
    const { grid, layout } = seedLayout(SEED_PHU_LUC_I, { numbers: "number" });
    const targetCol = layout.columnOf[2];
    const read = SEED_PHU_LUC_I.rows.map((row, i) => ({
      fromText: parseTarget(row[2]),
      fromCell: parseTargetCell(grid.rows[layout.firstDataRow + i][targetCol]),
    }));
    expect(read.filter(({ fromCell }) => fromCell.kind === "atLeast")).toHaveLength(29);
    for (const { fromText, fromCell } of read) expect(fromCell).toEqual(fromText);
  });
});

describe("parseTarget on generated targets", () => {
  const operators = [
    ["", "atLeast", false],
    [">", "atLeast", true],
    ["Trên", "atLeast", true],
    ["≥", "atLeast", false],
    ["Tối thiểu", "atLeast", false],
    ["Phấn đấu", "atLeast", false],
    ["<", "atMost", true],
    ["Dưới", "atMost", true],
    ["≤", "atMost", false],
    ["Không quá", "atMost", false],
  ] as const;

  it("reads any Vietnamese-formatted value after any operator", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...operators),
        fc.double({ min: 0, max: 1e7, noNaN: true }),
        fc.integer({ min: 0, max: 2 }),
        fc.boolean(),
        ([op, kind, strict], n, d, percent) => {
          const text = `${op} ${formatVietnameseNumber(n, d)}${percent ? "%" : ""}`;
          expect(parseTarget(text)).toEqual({ kind, value: Number(n.toFixed(d)), strict, percent, text: text.trim() });
        },
      ),
    );
  });
});
