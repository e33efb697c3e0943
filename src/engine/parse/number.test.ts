import fc from "fast-check";
import {
  decimalsOf,
  englishReading,
  formatVietnameseNumber,
  parseCell,
  parseVietnameseNumber,
  readNumFmt,
  readNumberText,
} from "./number";
import { SEED_DICH_VU_CONG, SEED_PHU_LUC_II } from "../../../test/fixtures/seedTables";
import { seedGrid } from "../../../test/fixtures/seedGrids";

describe("parseVietnameseNumber", () => {
  it.each([
    ["224.591", 224591],
    ["1.127.989", 1127989],
    ["94,2", 94.2],
    ["0,5", 0.5],
    ["2024", 2024],
    ["01", 1],
    ["-1.250", -1250],
    ["− 1.250", -1250],
    ["+3", 3],
    ["(1.250)", -1250],
    ["1.234,56", 1234.56],
    ["  224.591\u00a0", 224591],
    ["1 000 000", 1000000],
    ["94,2%", 94.2],
    ["94,2 %", 94.2],
    ["1.000", 1000],
    ["1,000", 1],
    ["0", 0],
    ["-0", 0],
    ["１２３４", 1234],
    ["１．２３４，５", 1234.5],
    ["－３９６", -396],
  ])("%s → %d", (text, expected) => {
    expect(parseVietnameseNumber(text)).toBe(expected);
  });

  it.each([
    "1.5",
    "0.942",
    "12.50",
    "1.0000",
    "224.59",
    ".5",
    "5,",
    ",5",
    "1,234.5",
    "12 5",
    "abc",
    "",
    "%",
    "-(5)",
    "17/3/2024",
    "1e5",
  ])("%s is not a Vietnamese number", (text) => {
    expect(parseVietnameseNumber(text)).toBeUndefined();
  });

  it("reads every amount of the seed's Phụ lục II and they sum to 225.091", () => {
    const amounts = SEED_PHU_LUC_II.rows.filter((r) => /^\d+$/.test(r[0])).map((r) => parseVietnameseNumber(r[3]));
    expect(amounts).toEqual([40444, 6440, 25500, 30000, 30000, 396, 830, 998, 900, 89583]);
    expect(amounts.reduce((a, b) => (a ?? 0) + (b ?? 0), 0)).toBe(225091);
    expect(parseVietnameseNumber(SEED_PHU_LUC_II.rows.at(-1)![3])).toBe(224591);
  });

  it("reads the dich-vu-cong seed's counts and rates", () => {
    const [plan, q1, y2019] = SEED_DICH_VU_CONG.rows;
    expect(plan.slice(1, 5).map((t) => parseVietnameseNumber(t))).toEqual([2120, undefined, 1112, 1008]);
    expect(readNumberText(plan[6])).toEqual({ value: 98.9, decimals: 1, percent: true });
    expect(q1.slice(1, 6).map((t) => parseVietnameseNumber(t))).toEqual([2150, undefined, 651, 982, 1355]);
    expect(readNumberText(y2019[6])).toEqual({ value: 97, decimals: 0, percent: true });
  });
});

describe("readNumberText", () => {
  it("keeps the decimals written and the percent flag", () => {
    expect(readNumberText("109,85%")).toEqual({ value: 109.85, decimals: 2, percent: true });
    expect(readNumberText("0,50")).toEqual({ value: 0.5, decimals: 2, percent: false });
    expect(readNumberText("224.591")).toEqual({ value: 224591, decimals: 0, percent: false });
  });
});

describe("englishReading", () => {
  it("says what English separators would make of a text the Vietnamese reading rejects", () => {
    expect(englishReading("1.5")).toBe(1.5);
    expect(englishReading("1,234.5")).toBe(1234.5);
    expect(englishReading("12")).toBeUndefined();
    expect(englishReading("Thực hiện")).toBeUndefined();
  });
});

describe("formatVietnameseNumber", () => {
  it.each([
    [224591, undefined, "224.591"],
    [94.2, undefined, "94,2"],
    [1127989, undefined, "1.127.989"],
    [0.5, 2, "0,50"],
    [109.8547, 2, "109,85"],
    [-1250, undefined, "-1.250"],
    [-0.04, 1, "0,0"],
    [94.19999999999999, undefined, "94,2"],
    [999.9, 0, "1.000"],
  ])("%d (%s decimals) → %s", (value, decimals, expected) => {
    expect(formatVietnameseNumber(value, decimals)).toBe(expected);
  });

  it("round-trips: parsing a formatted number gives the number rounded to those decimals", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true }),
        fc.integer({ min: 0, max: 6 }),
        (n, d) => {
          expect(parseVietnameseNumber(formatVietnameseNumber(n, d))).toBe(Number(n.toFixed(d)) || 0);
        },
      ),
    );
  });

  it("round-trips integers exactly and groups them in threes", () => {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (n) => {
        const text = formatVietnameseNumber(n);
        expect(parseVietnameseNumber(text)).toBe(n);
        const digits = text.replace(/^-/, "");
        expect(digits).toMatch(/^\d{1,3}(\.\d{3})*$/);
        expect(digits.replace(/\./g, "")).toBe(String(Math.abs(n)));
      }),
    );
  });

  it("reads back the decimals it wrote, with or without a percent sign", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.integer({ min: 0, max: 5 }),
        fc.boolean(),
        (n, d, pct) => {
          const read = readNumberText(formatVietnameseNumber(n, d) + (pct ? "%" : ""));
          expect(read).toEqual({ value: Number(n.toFixed(d)) || 0, decimals: d, percent: pct });
        },
      ),
    );
  });

  it("keeps the decimals asked for, with a comma and no float noise", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e9, noNaN: true }), fc.integer({ min: 1, max: 4 }), (n, d) => {
        expect(formatVietnameseNumber(n, d)).toMatch(new RegExp(`^\\d{1,3}(\\.\\d{3})*,\\d{${d}}$`));
      }),
    );
  });
});

describe("decimalsOf / readNumFmt", () => {
  it("counts the decimals a value needs, ignoring float noise, capped at 9", () => {
    expect(decimalsOf(224591)).toBe(0);
    expect(decimalsOf(0.942 * 100)).toBe(1);
    expect(decimalsOf(109.8547)).toBe(4);
    expect(decimalsOf(1127989 / 1026794)).toBe(9);
  });

  it("reads the decimals off the shortest form exactly as trying each count does", () => {
    // The definition: the fewest decimals whose rounding is within the tolerance of the value.
    const tryEach = (value: number) => {
      const tolerance = 1e-9 * Math.max(1, Math.abs(value));
      for (let d = 0; d < 9; d++) if (Math.abs(Number(value.toFixed(d)) - value) <= tolerance) return d;
      return 9;
    };
    const typed = fc
      .tuple(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 12 }))
      .map(([digits, decimals]) => digits / 10 ** decimals);
    const computed = fc.tuple(typed, typed).map(([a, b]) => (b === 0 ? a : (a / b) * 100));
    fc.assert(
      fc.property(fc.oneof(typed, computed, fc.double({ noNaN: true, noDefaultInfinity: true })), (value) => {
        if (Number.isInteger(value)) return;
        expect(decimalsOf(value)).toBe(tryEach(value));
      }),
      { numRuns: 20000 },
    );
  });

  it.each([
    ["0%", { percent: true, decimals: 0 }],
    ["0.0%", { percent: true, decimals: 1 }],
    ["#,##0", { percent: false, decimals: 0 }],
    ["#,##0.00;[Red]-#,##0.00", { percent: false, decimals: 2 }],
    ['0.0" %"', { percent: false, decimals: 1 }],
    ["General", { percent: false }],
    ["@", { percent: false }],
  ])("%s", (fmt, expected) => {
    expect(readNumFmt(fmt)).toEqual(expected);
  });
});

describe("parseCell", () => {
  it("turns a share formatted as percent into percent points", () => {
    expect(parseCell({ value: 0.942, numFmt: "0.0%" }, "percent")).toEqual({
      kind: "number",
      value: 94.2,
      decimals: 1,
      fromText: false,
      percent: true,
    });
    expect(parseCell({ value: 0.989, numFmt: "0.0%" }, "result")).toMatchObject({ value: 98.9, percent: true });
    expect(parseCell({ value: 1, numFmt: "0%" }, "target")).toMatchObject({ value: 100, decimals: 0, percent: true });
  });

  it("reads a plain number in a percent column as percent points, never re-parsed", () => {
    expect(parseCell({ value: 94.2 }, "percent")).toEqual({
      kind: "number",
      value: 94.2,
      decimals: 1,
      fromText: false,
      percent: true,
    });
    // 0.942 without a % format stays 0.942 percent points (documented: no guessing).
    expect(parseCell({ value: 0.942, numFmt: "General" }, "percent")).toMatchObject({ value: 0.942, percent: true });
    expect(parseCell({ value: 224.591, numFmt: "#,##0.000" }, "number")).toMatchObject({
      value: 224.591,
      decimals: 3,
      percent: false,
    });
  });

  it("reads full-width digits (pasted from a CJK document) as the number they show, flagged as text", () => {
    expect(parseCell({ value: "９８，９％" }, "percent")).toEqual({
      kind: "number",
      value: 98.9,
      decimals: 1,
      fromText: true,
      percent: true,
    });
    expect(parseCell({ value: "１１１２" }, "number")).toMatchObject({ kind: "number", value: 1112, fromText: true });
  });

  it("parses Vietnamese text in numeric columns and flags it as text", () => {
    expect(parseCell({ value: "94,2%" }, "percent")).toEqual({
      kind: "number",
      value: 94.2,
      decimals: 1,
      fromText: true,
      percent: true,
    });
    expect(parseCell({ value: "224.591" }, "number")).toEqual({
      kind: "number",
      value: 224591,
      decimals: 0,
      fromText: true,
      percent: false,
    });
    expect(parseCell({ value: "1.5" }, "number")).toEqual({ kind: "text", text: "1.5" });
  });

  it("keeps text results and targets as text, and never parses text/unit/assessment columns", () => {
    expect(parseCell({ value: "Thực hiện thường xuyên" }, "result")).toEqual({
      kind: "text",
      text: "Thực hiện thường xuyên",
    });
    expect(parseCell({ value: "Phấn đấu 50%" }, "target")).toEqual({ kind: "text", text: "Phấn đấu 50%" });
    expect(parseCell({ value: "100%" }, "target")).toMatchObject({ kind: "number", value: 100, percent: true });
    expect(parseCell({ value: "2024" }, "text")).toEqual({ kind: "text", text: "2024" });
  });

  it("normalises NFD text to NFC before reading", () => {
    const nfd = "Thực hiện".normalize("NFD");
    const parsed = parseCell({ value: `  ${nfd}  ` }, "result");
    expect(parsed).toEqual({ kind: "text", text: "Thực hiện" });
  });

  it("says what odd cells are instead of guessing", () => {
    expect(parseCell(undefined, "number")).toEqual({ kind: "empty" });
    expect(parseCell({ value: "   " }, "number")).toEqual({ kind: "empty" });
    expect(parseCell({ value: null, error: "#REF!" }, "number")).toEqual({ kind: "error", code: "#REF!" });
    expect(parseCell({ value: null, formula: "SUM(D8:D17)" }, "number")).toEqual({
      kind: "uncalculated",
      formula: "SUM(D8:D17)",
    });
    expect(parseCell({ value: 224591, formula: "SUM(D8:D17)", numFmt: "#,##0" }, "number")).toMatchObject({
      kind: "number",
      value: 224591,
    });
    expect(parseCell({ value: new Date(Date.UTC(2024, 2, 17)) }, "number")).toEqual({
      kind: "date",
      iso: "2024-03-17",
    });
    expect(parseCell({ value: true }, "number")).toEqual({ kind: "boolean", value: true });
  });
});

describe("parseCell on the seeds laid out as sheets", () => {
  // The same table typed as text and stored as numbers (0.989 formatted 0.0%) must read the same.
  it.each([
    ["dich-vu-cong", SEED_DICH_VU_CONG, ["text", "number", "number", "number", "number", "number", "percent"] as const],
    ["Phụ lục II", SEED_PHU_LUC_II, ["text", "text", "unit", "number", "text"] as const],
  ])("%s reads the same from text and from numbers", (_, seed, kinds) => {
    const asText = seedGrid(seed, { numbers: "text" });
    const asNumbers = seedGrid(seed, { numbers: "number" });
    let numbers = 0;
    asText.rows.forEach((row, r) =>
      kinds.forEach((kind, c) => {
        const fromText = parseCell(row[c], kind);
        const fromNumber = parseCell(asNumbers.rows[r][c], kind);
        if (fromText.kind !== "number") return;
        numbers++;
        expect(fromNumber).toEqual({ ...fromText, fromText: false });
      }),
    );
    expect(numbers).toBe(seed === SEED_DICH_VU_CONG ? 13 : 11);
  });
});

describe("parseCell: marks and zero-padded counts (spec §3)", () => {
  it("reads `x` and a lone dash in a value column as empty, keeping the mark", () => {
    for (const kind of ["number", "percent", "result", "target"] as const) {
      expect(parseCell({ value: "x" }, kind)).toEqual({ kind: "empty", mark: "x" });
      expect(parseCell({ value: " - " }, kind)).toEqual({ kind: "empty", mark: "-" });
    }
    expect(parseCell({ value: "x" }, "text")).toEqual({ kind: "text", text: "x" });
  });

  it("reads `01`, `05` as numbers, not as text to store as a number", () => {
    expect(parseCell({ value: "05" }, "number")).toMatchObject({ kind: "number", value: 5, fromText: false });
    expect(parseCell({ value: "5" }, "number")).toMatchObject({ kind: "number", value: 5, fromText: true });
  });
});
