import fc from "fast-check";
import { toRoman } from "./roman";
import { readStt, sttPath } from "./stt";

describe("readStt", () => {
  it.each([
    ["IV", { kind: "roman", value: 4 }],
    ["XX", { kind: "roman", value: 20 }],
    ["XXI", { kind: "roman", value: 21 }],
    ["XLIV.", { kind: "roman", value: 44 }],
    ["(XXV)", { kind: "roman", value: 25 }],
    ["A", { kind: "part", value: 1 }],
    ["B.", { kind: "part", value: 2 }],
    ["C", { kind: "part", value: 3 }],
    ["Đ", { kind: "part", value: 5 }],
    ["3", { kind: "number", value: 3 }],
    ["3.", { kind: "number", value: 3 }],
    ["(3)", { kind: "number", value: 3 }],
    ["01", { kind: "number", value: 1 }],
    ["II.3", { kind: "number", value: 3 }],
    ["XXI.2", { kind: "number", value: 2 }],
    ["1.2", { kind: "dotted", prefix: "1", value: 2, depth: 2 }],
    ["1.2.3", { kind: "dotted", prefix: "1.2", value: 3, depth: 3 }],
    ["I.1.2", { kind: "dotted", prefix: "1", value: 2, depth: 2 }],
    ["01.02", { kind: "dotted", prefix: "1", value: 2, depth: 2 }],
    ["b)", { kind: "letter", value: 2 }],
    ["đ", { kind: "letter", value: 5 }],
    ["e", { kind: "letter", value: 6 }],
    ["v", { kind: "letter", value: 23 }],
    ["i", { kind: "roman-lower", value: 1 }],
    ["iv)", { kind: "roman-lower", value: 4 }],
    ["xii", { kind: "roman-lower", value: 12 }],
    ["-", { kind: "bullet", bullet: "dash" }],
    ["–", { kind: "bullet", bullet: "dash" }],
    ["+", { kind: "bullet", bullet: "plus" }],
    ["**", { kind: "bullet", bullet: "star" }],
    ["•", { kind: "bullet", bullet: "bullet" }],
  ])("%s", (text, expected) => {
    expect(readStt(text)).toEqual(expected);
  });

  it("near misses: words, odd codes and non-standard Roman numerals are no numbering", () => {
    for (const text of ["", " ", "Tổng cộng", "IIII", "IC", "VV", "1a", "a1", "ab", ".", "()", "1..2", "TT"]) {
      expect(readStt(text).kind).toBe("none");
    }
  });

  it("reads every Roman numeral a section can have as that section, not a sub-item", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3999 }), (n) => {
        const roman = toRoman(n);
        // A single L, C, D or M is a lettered part (A, B, C, D are common; 50 sections are not).
        const expected = /^[LCDM]$/.test(roman) ? "part" : "roman";
        expect(readStt(roman)).toEqual({ kind: expected, value: expected === "roman" ? n : expect.any(Number) });
        expect(readStt(`${roman}.`).kind).toBe(expected);
        expect(readStt(`${roman}.${n}`)).toEqual({ kind: "number", value: n });
      }),
    );
  });

  it("reads decimal numbering of any depth with its parent's path", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 2, maxLength: 6 }), (numbers) => {
        const stt = readStt(numbers.join("."));
        expect(stt).toEqual({
          kind: "dotted",
          prefix: numbers.slice(0, -1).join("."),
          value: numbers[numbers.length - 1],
          depth: numbers.length,
        });
        expect(sttPath(stt)).toBe(numbers.join("."));
        expect(sttPath(readStt(String(numbers[0])))).toBe(String(numbers[0]));
      }),
    );
  });
});
