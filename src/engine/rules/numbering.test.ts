import { buildTable, type RowSpec } from "../../../test/fixtures/tables";
import type { TemplateId } from "../template";
import { DEFAULT_UNITS } from "../units";
import { toRoman } from "../roman";
import { numbering } from "./numbering";

const ctx = { units: DEFAULT_UNITS };
const rows = (...stts: string[]): RowSpec[] => stts.map((stt, i) => ({ stt, label: `Dòng ${i + 1}` }));
const check = (templateId: TemplateId, ...stts: string[]) =>
  numbering
    .check(buildTable(templateId, { columns: ["stt", "indicator"], rows: rows(...stts) }), ctx)
    .map((f) => [f.cell, f.expected]);

describe("numbering", () => {
  it("accepts chi-tieu restarting per section and kinh-phi running on (near misses)", () => {
    expect(check("chi-tieu", "I", "1", "2", "II", "1", "2", "3")).toEqual([]);
    expect(check("kinh-phi", "I", "1", "2", "II", "3", "4", "III", "5", "6")).toEqual([]);
  });

  it("flags a missing STT inside a section and at a section's first item", () => {
    expect(check("kinh-phi", "I", "1", "2", "II", "4", "5")).toEqual([["A8", "3"]]);
    expect(check("chi-tieu", "I", "1", "3", "4")).toEqual([["A6", "2"]]);
    // A section's first item may restart at 1 or continue (both styles are met), but not repeat.
    expect(check("chi-tieu", "I", "1", "2", "II", "3")).toEqual([]);
    expect(check("chi-tieu", "I", "1", "2", "II", "2")).toEqual([["A8", "1"]]);
  });

  it("lets a unit's extract of the form start where its part starts; from there the numbers run on", () => {
    // A budget owner sends only its section III, numbered as the form numbers it (kinh-phi runs items on).
    expect(check("kinh-phi", "III", "5", "6")).toEqual([]);
    expect(check("chi-tieu", "II", "1", "2", "III", "1")).toEqual([]);
    expect(check("kinh-phi", "7", "8")).toEqual([]);
    // Near misses: a gap after the start is still one.
    expect(check("kinh-phi", "III", "5", "7")).toEqual([["A6", "6"]]);
    expect(check("kinh-phi", "III", "5", "V", "6")).toEqual([["A6", "IV"]]);
  });

  it("flags repeats, backward steps and section gaps", () => {
    const [repeat] = numbering.check(
      buildTable("ket-qua", { columns: ["stt", "indicator"], rows: rows("1", "2", "2", "3") }),
      ctx,
    );
    expect(repeat.message).toBe("Ô A6: STT 2 lặp lại (mong đợi 3).");
    expect(check("ket-qua", "1", "2", "3", "5", "4")).toEqual([
      ["A7", "4"],
      ["A8", "6"],
    ]);
    expect(check("chi-tieu", "I", "1", "III", "1")).toEqual([["A6", "II"]]);
  });

  it("runs sections on past XX, and lets them start again under a lettered part (near miss: no part, no restart)", () => {
    const sections = Array.from({ length: 24 }, (_, i) => toRoman(i + 1));
    expect(check("kinh-phi", ...sections)).toEqual([]);
    expect(check("kinh-phi", ...sections.filter((s) => s !== "XXII"))).toEqual([["A25", "XXII"]]);
    expect(check("kinh-phi", "A", "I", "II", "B", "I", "II")).toEqual([]);
    expect(check("kinh-phi", "A", "I", "II", "I")).toEqual([["A7", "III"]]);
  });

  it("reads STT the way the structure does: I.2 is item 2, i, ii run on, a decimal's parent by its number", () => {
    expect(check("chi-tieu", "I", "I.1", "I.2", "II", "II.1", "II.3")).toEqual([["A9", "2"]]);
    expect(check("chi-tieu", "I", "1", "i", "ii", "iv")).toEqual([["A8", "iii"]]);
    expect(check("chi-tieu", "I", "01", "01.1", "01.2")).toEqual([]);
  });

  it("reads letters in the Latin or the Vietnamese order, and i, v, x by the list they continue", () => {
    // Nghị định 30/2020's order for points: a, b, c, d, đ, e, g, h, i, k — no f, no j.
    expect(check("chi-tieu", "I", "1", "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l")).toEqual([]);
    expect(check("chi-tieu", "I", "1", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k")).toEqual([]);
    expect(check("chi-tieu", "I", "1", "i", "ii", "iii", "iv", "v", "vi")).toEqual([]);
    expect(check("chi-tieu", "I", "1", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi")).toEqual([]);
    // Near misses: a letter skipped in both orders, a Roman numeral skipped before v, v with no list before it.
    expect(check("chi-tieu", "I", "1", "a", "b", "c", "d", "đ", "e", "h")).toEqual([["A12", "f"]]);
    expect(check("chi-tieu", "I", "1", "i", "ii", "iii", "v")).toEqual([["A9", "iv"]]);
    expect(check("chi-tieu", "I", "1", "a", "b", "v")).toEqual([["A8", "c"]]);
  });

  it("checks sub-item levels against their parent", () => {
    expect(check("chi-tieu", "I", "1", "1.1", "1.2", "2", "2.1", "a", "b")).toEqual([]);
    expect(check("chi-tieu", "I", "1", "1.1", "2", "1.2")).toEqual([["A8", "2.x"]]);
    expect(check("chi-tieu", "I", "1", "a", "c", "-", "+")).toEqual([["A7", "b"]]);
    // A sub-item straight under a section, before any item.
    expect(check("chi-tieu", "I", "1.1", "1")).toEqual([["A5", "1"]]);
  });
});
