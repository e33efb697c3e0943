/**
 * The open workbook as .xlsx bytes (`Office.context.document.getFileAsync`, compressed), so the export
 * reads every sheet — hidden state, merges, cached results — through the same xlsx reader as the CLI,
 * including changes not yet saved. Slices are fetched one after another and the file is always closed
 * (Office allows only one open file handle per document).
 */
import { PhuLucError } from "../../engine/errors";

const SLICE_SIZE = 4 * 1024 * 1024;

/** Office's AsyncResult as these calls use it (status `succeeded` / `failed`). */
interface AsyncResultLike<T> {
  status: string;
  value: T;
  error?: { message: string };
}

interface FileLike {
  sliceCount: number;
  getSliceAsync(index: number, callback: (result: AsyncResultLike<{ data: unknown }>) => void): void;
  closeAsync(): void;
}

/**
 * Whether this Office hands out the open document as .xlsx. The typings' table for getFileAsync lists only `Pdf`
 * for Excel on the web (`Compressed` on Windows and Mac), and the CompressedFile requirement set says the same.
 */
export interface DocumentFileSupport {
  isSetSupported(name: string, minVersion: string): boolean;
  platform: string;
}

const officeSupport = (): DocumentFileSupport => ({
  isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
  platform: String(Office.context.platform),
});

export function canReadDocumentFile(support: DocumentFileSupport = officeSupport()): boolean {
  return support.platform !== "OfficeOnline" && support.isSetSupported("CompressedFile", "1.1");
}

/** The part of Office.Document this needs (a fake in tests). */
export interface DocumentFileSource {
  getFileAsync(
    fileType: "compressed",
    options: { sliceSize: number },
    callback: (result: AsyncResultLike<FileLike>) => void,
  ): void;
}

function failed(detail: string, cause?: unknown): PhuLucError {
  return new PhuLucError(
    "corrupt",
    `Không lấy được nội dung sổ làm việc đang mở để xuất (${detail}).`,
    `Could not get the open workbook's content for export (${detail}).`,
    { cause },
  );
}

function getFile(source: DocumentFileSource): Promise<FileLike> {
  return new Promise((resolve, reject) =>
    source.getFileAsync("compressed", { sliceSize: SLICE_SIZE }, (result) =>
      result.status === "succeeded" ? resolve(result.value) : reject(failed(result.error?.message ?? "lỗi Office")),
    ),
  );
}

function getSlice(file: FileLike, index: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) =>
    file.getSliceAsync(index, (result) =>
      result.status === "succeeded"
        ? resolve(Uint8Array.from(result.value.data as number[]))
        : reject(failed(result.error?.message ?? `phần ${index + 1}`)),
    ),
  );
}

export async function readDocumentBytes(
  source: DocumentFileSource = Office.context.document as unknown as DocumentFileSource,
  support: DocumentFileSupport = officeSupport(),
): Promise<Uint8Array> {
  if (!canReadDocumentFile(support)) {
    throw new PhuLucError(
      "not-in-excel",
      "Excel trên web không cho phần bổ trợ lấy tệp .xlsx của sổ làm việc đang mở. Hãy mở sổ làm việc bằng Excel trên máy tính (Windows hoặc Mac), hoặc dùng PhuLuc ngoài Excel với tệp .xlsx đã tải về.",
      "Excel on the web does not give add-ins the open workbook as an .xlsx file. Open the workbook in Excel on Windows or Mac, or use PhuLuc outside Excel with the downloaded .xlsx file.",
    );
  }
  const file = await getFile(source);
  try {
    const slices: Uint8Array[] = [];
    // Sequential on purpose: Office hands out slices of one open file in order.
    for (let i = 0; i < file.sliceCount; i++) slices.push(await getSlice(file, i));
    const bytes = new Uint8Array(slices.reduce((n, s) => n + s.length, 0));
    let offset = 0;
    for (const slice of slices) {
      bytes.set(slice, offset);
      offset += slice.length;
    }
    return bytes;
  } finally {
    file.closeAsync();
  }
}
