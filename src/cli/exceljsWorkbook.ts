/**
 * What the CLI bundle gets for `import ExcelJS from "exceljs"` (esbuild `--alias` in build:cli): the
 * Workbook class, the only value PhuLuc takes from exceljs. The package's entry also loads its
 * streaming reader and writer (with unzipper): about half of loading exceljs, paid by every CLI run
 * (measured: bench/README.md). The pane's bundle keeps exceljs' own browser build. Loaded when first
 * used: since PhuLuc reads files with its own reader, `phuluc check` and `export`'s reading never load it.
 */
import { createRequire } from "node:module";
import type ExcelJS from "exceljs";

let Workbook: typeof ExcelJS.Workbook | undefined;

export default {
  get Workbook(): typeof ExcelJS.Workbook {
    // Loaded at run time beside the bundle (not through the alias, which would map it back here); a deep
    // path without type declarations, typed as the class the package's entry exports.
    return (Workbook ??= createRequire(__filename)("exceljs/lib/doc/workbook") as typeof ExcelJS.Workbook);
  },
};
