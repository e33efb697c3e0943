/**
 * Which Excel JavaScript API sets this Excel offers. PhuLuc needs ExcelApi 1.9 (Excel 2021, Microsoft 365,
 * Excel on the web): RangeAreas for hidden rows, fill patterns to restore "no fill" exactly, workbook events.
 * Merged areas (1.13) and the event trigger source (1.14) are used when present.
 */
import { PhuLucError } from "../../engine/errors";

export const REQUIRED_EXCEL_API = "1.9";

export interface ExcelCapabilities {
  /** Range.getMergedAreasOrNullObject (ExcelApi 1.13). */
  mergedAreas: boolean;
  /** WorksheetChangedEventArgs.triggerSource, to ignore changes PhuLuc made itself (ExcelApi 1.14). */
  triggerSource: boolean;
}

export type IsSetSupported = (name: string, minVersion: string) => boolean;

const officeIsSetSupported: IsSetSupported = (name, minVersion) =>
  Office.context.requirements.isSetSupported(name, minVersion);

/** Throws PhuLucError("excel-too-old") with a plain Vietnamese message when Excel lacks ExcelApi 1.9. */
export function excelCapabilities(isSetSupported: IsSetSupported = officeIsSetSupported): ExcelCapabilities {
  if (!isSetSupported("ExcelApi", REQUIRED_EXCEL_API)) {
    throw new PhuLucError(
      "excel-too-old",
      "Phiên bản Excel này quá cũ nên PhuLuc không chạy được. Hãy dùng Microsoft 365, Excel 2021 trở lên hoặc Excel trên web (cần ExcelApi 1.9).",
      "This version of Excel is too old for PhuLuc. Use Microsoft 365, Excel 2021 or later, or Excel on the web (ExcelApi 1.9 is required).",
    );
  }
  return {
    mergedAreas: isSetSupported("ExcelApi", "1.13"),
    triggerSource: isSetSupported("ExcelApi", "1.14"),
  };
}
