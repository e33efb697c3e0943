import { PhuLucError } from "../../engine/errors";
import { excelCapabilities } from "./requirements";

const supporting = (max: number) => (name: string, version: string) =>
  name === "ExcelApi" && Number(version.split(".")[1]) <= max;

describe("excelCapabilities", () => {
  it("refuses Excel without ExcelApi 1.9 with a plain Vietnamese message", () => {
    expect(() => excelCapabilities(supporting(8))).toThrow(PhuLucError);
    try {
      excelCapabilities(supporting(8));
    } catch (e) {
      expect((e as PhuLucError).code).toBe("excel-too-old");
      expect((e as PhuLucError).messageVi).toMatch(/quá cũ/);
    }
  });

  it("turns the optional features on by requirement set", () => {
    expect(excelCapabilities(supporting(9))).toEqual({ mergedAreas: false, triggerSource: false });
    expect(excelCapabilities(supporting(13))).toEqual({ mergedAreas: true, triggerSource: false });
    expect(excelCapabilities(supporting(17))).toEqual({ mergedAreas: true, triggerSource: true });
  });
});
