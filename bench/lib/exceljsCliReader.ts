/**
 * What bench/reader.ts's exceljs build of the CLI gets for src/cli's readWorkbook import: `phuluc check`
 * and `export` then read through the exceljs reader PhuLuc used before its own, and everything else
 * stays as it is.
 */
export * from "../../src/adapters/xlsx/readWorkbook";
export { readWorkbookExceljs as readWorkbook } from "./exceljsReader";
