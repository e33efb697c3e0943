/**
 * What bench/reader.ts's SheetJS build of the CLI gets for src/cli's readWorkbook import: `phuluc check`
 * and `export` then read through SheetJS, and everything else stays as it is.
 */
export * from "../../src/adapters/xlsx/readWorkbook";
export { readWorkbookSheetjs as readWorkbook } from "./sheetjsReader";
