/**
 * A workbook's parts as exceljs renders them, without its zip. `writeBuffer` hands every part to
 * JSZip, which encodes it to UTF-8, takes its CRC and stores it; the writer then unzipped and decoded
 * them again to append the merge log's rows before deflating (bench/README.md). These are the steps of
 * exceljs 4.4's `XLSX.write`, in its order, with a collector in place of its zip writer.
 */
import type ExcelJS from "exceljs";
import { strToU8, zipSync } from "fflate";

/** Parts by path: the XML parts as text, media as bytes. */
export type WorkbookParts = Record<string, string | Uint8Array>;

/** A workbook's parts by path, as bytes to zip. */
export type ZipFiles = Record<string, Uint8Array>;

/** What exceljs's write steps call on its zip writer. */
interface PartSink {
  append(data: string | Uint8Array, options: { name: string; base64?: boolean }): void;
}

/** exceljs's XLSX writer: the methods its `write` calls (not in its type declarations). */
type XlsxWriter = { prepareModel(model: unknown, options: object): void } & Record<
  string,
  (zip: PartSink, model: unknown) => Promise<void> | void
>;

const WRITE_STEPS = [
  "addContentTypes",
  "addOfficeRels",
  "addWorkbookRels",
  "addWorksheets",
  "addSharedStrings", // after the worksheets, which fill it
  "addDrawings",
  "addTables",
  "addThemes",
  "addStyles",
  "addMedia",
  "addApp",
  "addCore",
  "addWorkbook",
];

export async function workbookParts(workbook: ExcelJS.Workbook): Promise<WorkbookParts> {
  const parts: WorkbookParts = {};
  const sink: PartSink = {
    append(data, { name, base64 }) {
      // As JSZip (createFolders): each folder an empty entry of its own, before its first part.
      for (let slash = name.indexOf("/"); slash >= 0; slash = name.indexOf("/", slash + 1)) {
        parts[name.slice(0, slash + 1)] ??= new Uint8Array(0);
      }
      parts[name] = base64 && typeof data === "string" ? Uint8Array.from(atob(data), (ch) => ch.charCodeAt(0)) : data;
    },
  };
  const xlsx = workbook.xlsx as unknown as XlsxWriter;
  const { model } = workbook;
  xlsx.prepareModel(model, {});
  for (const step of WRITE_STEPS) await xlsx[step](sink, model);
  return parts;
}

/** The parts as bytes (text as UTF-8), in their order. */
export function partBytes(parts: WorkbookParts): ZipFiles {
  const files: ZipFiles = {};
  for (const [name, data] of Object.entries(parts)) files[name] = typeof data === "string" ? strToU8(data) : data;
  return files;
}

/** Zips the parts, each deflated (fflate: the pane; the CLI passes Node's zlib instead). */
export function deflateFiles(files: ZipFiles): Uint8Array {
  return zipSync(files, { level: 1 });
}
