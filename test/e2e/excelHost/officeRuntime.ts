/**
 * What the Excel-mode browser test serves in place of office.js: the `Office` and `Excel` globals the pane uses,
 * backed by the strict fake Excel (test/fakes/fakeExcel.ts) over the workbook the test put in
 * `window.__phulucWorkbook`. Bundled for the page by `runtimeSource()` (excelHost.ts). Only what the pane calls
 * exists, each as the typings describe it; the test drives the user's side (edits, inserted rows, another sheet)
 * through `window.__fakeExcel`.
 */
import {
  DESKTOP,
  FakeContext,
  displayedFill,
  failNextWrite,
  userActivate,
  userEdit,
  userInsertRows,
  type FakeWorkbookFile,
} from "../../fakes/fakeExcel";

interface RuntimeWindow {
  __phulucWorkbook: FakeWorkbookFile;
  /** The open workbook saved as .xlsx, base64 (built by the test in Node: exceljs stays out of this bundle). */
  __phulucDocumentFile(file: string): Promise<string>;
  /** Excel.createWorkbook's argument, handed to the test. */
  __phulucCreateWorkbook(base64: string): Promise<void>;
  __fakeExcel: unknown;
}

const page = window as unknown as RuntimeWindow;
const file = page.__phulucWorkbook;
const profile = DESKTOP;
const contexts: FakeContext[] = [];

/** ExcelApi 1.x up to the profile's minor; CompressedFile 1.1 (getFileAsync, Windows and Mac). */
function isSetSupported(name: string, minVersion = "1.1"): boolean {
  const [major, minor] = minVersion.split(".").map(Number);
  if (name === "ExcelApi") return major === 1 && minor <= profile.api;
  return name === "CompressedFile" && major === 1 && minor <= 1;
}

/** Office.File over bytes: slices of `sliceSize`, data as a byte array ("compressed" format, typings File.getSliceAsync). */
let openFiles = 0;
function officeFile(bytes: Uint8Array, sliceSize: number) {
  const sliceCount = Math.max(1, Math.ceil(bytes.length / sliceSize));
  let closed = false;
  return {
    size: bytes.length,
    sliceCount,
    getSliceAsync(index: number, callback: (result: unknown) => void) {
      if (closed || index < 0 || index >= sliceCount) {
        callback({ status: "failed", error: { message: `slice ${index}` } });
        return;
      }
      const data = Array.from(bytes.subarray(index * sliceSize, (index + 1) * sliceSize));
      callback({ status: "succeeded", value: { data, index, size: data.length } });
    },
    closeAsync(callback?: (result: unknown) => void) {
      if (!closed) openFiles--;
      closed = true;
      callback?.({ status: "succeeded" });
    },
  };
}

function getFileAsync(fileType: string, options: { sliceSize?: number }, callback: (result: unknown) => void) {
  // Typings, Document.getFileAsync: "No more than two documents are allowed to be in memory; otherwise the
  // Document.getFileAsync operation will fail. Use the File.closeAsync method to close the file when you are
  // finished working with it." Default and maximum slice size 4 MB.
  if (fileType !== "compressed" || openFiles >= 2) {
    callback({ status: "failed", error: { message: openFiles >= 2 ? "too many open files" : fileType } });
    return;
  }
  openFiles++;
  const sliceSize = Math.min(options.sliceSize ?? 4 * 1024 * 1024, 4 * 1024 * 1024);
  page.__phulucDocumentFile(JSON.stringify(file)).then(
    (base64) => callback({ status: "succeeded", value: officeFile(bytesOf(base64), sliceSize) }),
    (error: Error) => {
      openFiles--;
      callback({ status: "failed", error: { message: error.message } });
    },
  );
}

function bytesOf(base64: string): Uint8Array {
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

Object.assign(window, {
  Office: {
    HostType: { Excel: "Excel" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    FileType: { Compressed: "compressed" },
    onReady: async () => ({ host: "Excel", platform: "PC" }),
    actions: { associate: () => undefined },
    context: {
      platform: "PC",
      requirements: { isSetSupported },
      document: { getFileAsync },
    },
  },
  Excel: {
    /** Excel.run(batch) or Excel.run(object, batch): a new request context on the same open workbook. */
    run: async (...args: unknown[]) => {
      const work = args[args.length - 1] as (context: FakeContext) => Promise<unknown>;
      const context = new FakeContext(file, profile);
      contexts.push(context);
      return work(context);
    },
    createWorkbook: (base64: string) => page.__phulucCreateWorkbook(base64),
  },
});

page.__fakeExcel = {
  file,
  syncs: () => contexts.reduce((n, c) => n + c.syncCount, 0),
  fill: (sheet: string, address: string) =>
    displayedFill(
      file.sheets.find((s) => s.name === sheet)!,
      address,
    ),
  insertRows: (sheet: string, at: number, count: number) => userInsertRows(file, sheet, at, count, profile),
  activate: (sheet: string) => userActivate(file, sheet),
  failNextWrite: (sheet: string) => failNextWrite(file, sheet),
  edit: (sheet: string, address: string, value: string | number) => {
    try {
      userEdit(file, sheet, address, { value }, profile);
      return "ok";
    } catch (error) {
      return (error as { code?: string }).code ?? String(error);
    }
  },
};
