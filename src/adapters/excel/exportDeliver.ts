/**
 * Delivers the submission in Excel: a new workbook opened from the file's bytes
 * (`Excel.createWorkbook(base64)`, ExcelApi 1.8), which the user then saves where they like.
 * The consolidated workbook stays as it is.
 */
import { PhuLucError } from "../../engine/errors";

/** Base64 of the bytes, in chunks so a large file does not overflow the argument list. */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

export type CreateWorkbook = (base64: string) => Promise<void>;

const excelCreateWorkbook: CreateWorkbook = async (base64) => {
  await Excel.createWorkbook(base64);
};

export async function deliverToExcel(
  bytes: Uint8Array,
  fileName: string,
  createWorkbook: CreateWorkbook = excelCreateWorkbook,
): Promise<void> {
  try {
    await createWorkbook(toBase64(bytes));
  } catch (error) {
    throw new PhuLucError(
      "write-failed",
      `Excel không mở được file nộp ${fileName} thành sổ làm việc mới (cần Excel 2019/Microsoft 365 trở lên).`,
      `Excel could not open the submission ${fileName} as a new workbook (Excel 2019 / Microsoft 365 required).`,
      { cause: error },
    );
  }
}
