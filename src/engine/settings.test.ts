import { PhuLucError } from "./errors";
import { defaultSettings, parseSettings, parseUnitLines, unitLines, unknownSettingsFields } from "./settings";
import { DEFAULT_UNITS } from "./units";

describe("settings", () => {
  it("defaults to the An Giang department's header texts and the spec's units", () => {
    const s = defaultSettings();
    expect(s.coQuanChuQuan).toBe("UBND TỈNH AN GIANG");
    expect(s.coQuanBanHanh).toBe("SỞ THÔNG TIN VÀ TRUYỀN THÔNG");
    expect(s.diaDanh).toBe("An Giang");
    expect(s.tenVietTat).toBe("STTTT");
    expect(s.units.map((u) => u.id)).toEqual(DEFAULT_UNITS.map((u) => u.id));
  });

  it("fills fields an older document did not store and keeps the ones it did", () => {
    const s = parseSettings({ kyBaoCao: "9T-2024", ngay: "2024-10-01" });
    expect(s.kyBaoCao).toBe("9T-2024");
    expect(s.ngay).toBe("2024-10-01");
    expect(s.coQuanBanHanh).toBe("SỞ THÔNG TIN VÀ TRUYỀN THÔNG");
  });

  it("does not share the default units array between calls (editing one list leaves the next default intact)", () => {
    defaultSettings().units[0].aliases.push("X");
    expect(defaultSettings().units[0].aliases).not.toContain("X");
  });

  it("rejects a date that is not yyyy-mm-dd with a Vietnamese message naming the field", () => {
    expect(() => parseSettings({ ngay: "01/10/2024" }, "S.json")).toThrow(PhuLucError);
    expect(() => parseSettings({ ngay: "01/10/2024" }, "S.json")).toThrow(/S\.json: trường "ngay"/);
    expect(() => parseSettings({ units: [{ id: "", name: "x", aliases: [] }] })).toThrow(/units\.0\.id/);
  });

  it("lists the fields no setting reads", () => {
    expect(unknownSettingsFields({ soKyhieu: "1", ngay: "", khac: 1 })).toEqual(["soKyhieu", "khac"]);
    expect(unknownSettingsFields([1])).toEqual([]);
    expect(unknownSettingsFields(null)).toEqual([]);
  });

  it("rejects a day the month does not have, rather than rolling it into the next month", () => {
    expect(() => parseSettings({ ngay: "2026-02-30" }, "S.json")).toThrow(/S\.json: trường "ngay".*ngày không tồn tại/);
    expect(() => parseSettings({ ngay: "2023-02-29" })).toThrow(/ngày không tồn tại/);
    expect(() => parseSettings({ ngay: "2024-04-31" })).toThrow(/ngày không tồn tại/);
    expect(parseSettings({ ngay: "2024-02-29" }).ngay).toBe("2024-02-29");
  });
});

describe("units list text", () => {
  it("round-trips the default units through the form's text", () => {
    expect(parseUnitLines(unitLines(DEFAULT_UNITS))).toEqual(DEFAULT_UNITS);
  });

  it("reads a unit added by the user, skips blank lines, and names a bad line", () => {
    expect(parseUnitLines("\nVP | Văn phòng Sở | Văn phòng; VP Sở\n")).toEqual([
      { id: "VP", name: "Văn phòng Sở", aliases: ["Văn phòng", "VP Sở"] },
    ]);
    expect(() => parseUnitLines("KHTC | Phòng Kế hoạch – Tài chính\nThanh tra")).toThrow(/Dòng 2/);
  });
});
