/** The note registry, and every note's texts in every locale (the notes' locale parity test). */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gridFromValues } from "../grid";
import { checkGrid } from "../check";
import { LOCALES } from "../locale";
import { makeNote, type NoteDefinition } from "./note";
import { NOTE_DEFINITIONS, NOTE_IDS, noteDefinition, renderNote } from ".";

/** Common Vietnamese words: an English text holding them is a Vietnamese text left untranslated. */
const VIETNAMESE_WORD = /\b(?:ghi|nhưng|chưa|không|của|trong|tệp|dòng|là|được|bỏ qua)\b/u;

describe("note registry", () => {
  it("holds every note once", () => {
    expect(new Set(NOTE_IDS).size).toBe(NOTE_IDS.length);
    expect(() => noteDefinition("no-such-note")).toThrow(/no-such-note/);
  });

  it("is the only maker of notes: no module in src/engine, the CLI or the adapters pushes a text as a note", () => {
    const root = join(__dirname, "..", "..");
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
          const text = readFileSync(path, "utf8");
          if (/\bnotes\.push\(\s*`|ctx\.note\?\.\(\s*`|\bnote\?\.\(\s*`/.test(text)) offenders.push(path);
        }
      }
    };
    for (const dir of ["engine", "cli", "adapters"]) walk(join(root, dir));
    // Export and merge-log notes are Vietnamese documents' lines (the submission report, the log sheet).
    expect(offenders.map((p) => p.slice(root.length + 1)).filter((p) => !/^engine\/(export|merge)\//.test(p))).toEqual(
      [],
    );
  });
});

describe("notes' locale parity", () => {
  it.each(NOTE_DEFINITIONS.map((note): [string, NoteDefinition] => [note.id, note as NoteDefinition]))(
    "%s renders every example in every locale",
    (_, definition) => {
      expect(Object.keys(definition.message).sort()).toEqual([...LOCALES].sort());
      expect(definition.examples.length).toBeGreaterThan(0);
      for (const example of definition.examples) {
        const note = makeNote(definition, example);
        expect(note.severity).toBe("info");
        for (const text of [note.message, note.messageEn]) {
          expect(text).not.toMatch(/undefined|NaN|\[object|\{n\}/);
          expect(text.length).toBeGreaterThan(20);
        }
        expect(note.messageEn).not.toBe(note.message);
        expect(note.messageEn).not.toMatch(VIETNAMESE_WORD);
        expect(renderNote(note, "vi")).toBe(note.message);
        expect(renderNote(JSON.parse(JSON.stringify(note)), "en")).toBe(note.messageEn);
      }
    },
  );

  it("renders a real sheet's notes again from their params, in English with English numbers", () => {
    const grid = gridFromValues("Phụ lục II", [
      ["STT", "Nội dung, nhiệm vụ", "Đơn vị chủ trì", "Kinh phí"],
      ["I", "Dự án", "", ""],
      ["1", "Trung tâm dữ liệu", "Sở TTTT", null],
      ["2", "Số hóa", "Sở TTTT", 1500],
    ]);
    grid.rows[2][3] = { value: null, formula: "SUM(D9:D10)" };
    grid.hiddenRows = [3];
    grid.truncated = { rows: 1234, columns: 0 };
    const { notes } = checkGrid(grid);
    expect(notes.map((n) => n.id)).toEqual(["hidden-rows", "uncalculated-formulas", "rows-cut"]);
    expect(notes.map((n) => n.messageEn)).toEqual([
      "1 row is hidden (row 4); hidden rows are checked all the same.",
      "1 formula cell has no saved result (D3): their values are unknown until Excel recalculates; open the file in Excel, save it and check again.",
      "The last 1,234 rows of the sheet were skipped to limit memory; they were not checked.",
    ]);
    expect(notes[2].message).toBe(
      "Đã bỏ qua 1.234 dòng cuối của trang tính để giới hạn bộ nhớ; các dòng đó không được kiểm tra.",
    );
    for (const note of notes) expect(renderNote(note, "en")).toBe(note.messageEn);
  });
});
