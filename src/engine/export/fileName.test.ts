import { defaultSettings, parseSettings } from "../settings";
import { asciiToken, documentDate, exportFileName } from "./fileName";
import { dateLine } from "./heading";

const settings = parseSettings({ kyBaoCao: "9T-2024" });
const oct1 = new Date(2024, 9, 1);

describe("exportFileName", () => {
  it("follows <cơ quan>_<phụ lục>_<kỳ>_<yyyymmdd>.xlsx", () => {
    expect(exportFileName(settings, "I", oct1)).toBe("STTTT_PhuLuc-I_9T-2024_20241001.xlsx");
  });

  it("joins several Phụ lục, each once, in order", () => {
    expect(exportFileName(settings, ["I", "II", "II"], oct1)).toBe("STTTT_PhuLuc-I-II_9T-2024_20241001.xlsx");
  });

  it("is ASCII without diacritics or spaces whatever the user typed", () => {
    const s = parseSettings({ tenVietTat: "Sở TTTT", kyBaoCao: "Quý I/2024" });
    const name = exportFileName(s, "Đặc biệt", oct1);
    expect(name).toBe("So-TTTT_PhuLuc-Dac-biet_Quy-I-2024_20241001.xlsx");
    expect(name).toMatch(/^[\x21-\x7e]+$/);
  });

  it("leaves out an empty kỳ and a heading without number rather than leaving empty parts", () => {
    expect(exportFileName(defaultSettings(), "", oct1)).toBe("STTTT_PhuLuc_20241001.xlsx");
  });

  it("dates the file with the document's date when set, otherwise today", () => {
    expect(documentDate(parseSettings({ ngay: "2024-09-30" }), oct1).getDate()).toBe(30);
    expect(documentDate(defaultSettings(), oct1)).toBe(oct1);
    expect(asciiToken("  Phụ lục — I ")).toBe("Phu-luc-I");
  });
});

describe("dateLine", () => {
  it("writes the date the Nghị định 30 way (leading zero for days < 10 and months 1–2)", () => {
    expect(dateLine(parseSettings({ ngay: "2024-10-01" }))).toBe("An Giang, ngày 01 tháng 10 năm 2024");
    expect(dateLine(parseSettings({ ngay: "2024-02-15" }))).toBe("An Giang, ngày 15 tháng 02 năm 2024");
    expect(dateLine(parseSettings({ ngay: "2024-09-15" }))).toBe("An Giang, ngày 15 tháng 9 năm 2024");
    expect(dateLine(defaultSettings())).toBe("An Giang, ngày … tháng … năm …");
  });
});
