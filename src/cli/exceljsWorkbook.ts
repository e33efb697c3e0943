/**
 * What the CLI bundle gets for `import ExcelJS from "exceljs"` (esbuild `--alias` in build:cli): the
 * Workbook class, the only value PhuLuc takes from exceljs. The package's entry also loads its
 * streaming reader and writer (with unzipper): about half of loading exceljs, paid by every CLI run
 * (measured: bench/README.md). The pane's bundle keeps exceljs' own browser build. Loaded when first
 * used: since PhuLuc reads files with its own reader, `phuluc check` and `export`'s reading never load it.
 *
 * exceljs renders each part into an XmlStream, an array of pieces joined once at the end. A 12,000-row sheet
 * is a million pieces, and V8 joins that many 4× slower than the same pieces in runs of a few thousand
 * (136–281 → 33–35 ms for a 40 × 300 merge's 3 MB consolidated sheet): the CLI's XmlStream joins in runs.
 */
import { createRequire } from "node:module";
import type ExcelJS from "exceljs";

let Workbook: typeof ExcelJS.Workbook | undefined;

/** `pieces.join("")`, joined a run at a time. */
export function joinInRuns(pieces: readonly string[], run = 4096): string {
  if (pieces.length <= run) return pieces.join("");
  const runs: string[] = [];
  for (let at = 0; at < pieces.length; at += run) runs.push(pieces.slice(at, at + run).join(""));
  return runs.join("");
}

interface XmlStream {
  _xml: string[];
  closeAll(): void;
}

function loadWorkbookClass(): typeof ExcelJS.Workbook {
  // Loaded at run time beside the bundle (not through the alias, which would map it back here); deep
  // paths without type declarations, typed as the class the package's entry exports.
  const load = createRequire(__filename);
  // As exceljs's own getter (every open element closed, then the pieces joined), in runs.
  Object.defineProperty((load("exceljs/lib/utils/xml-stream") as { prototype: XmlStream }).prototype, "xml", {
    get(this: XmlStream) {
      this.closeAll();
      return joinInRuns(this._xml);
    },
  });
  return load("exceljs/lib/doc/workbook") as typeof ExcelJS.Workbook;
}

export default {
  get Workbook(): typeof ExcelJS.Workbook {
    return (Workbook ??= loadWorkbookClass());
  },
};
