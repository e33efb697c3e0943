/**
 * The oracle of the consolidated workbook's writer: the same SheetPatch applied through exceljs, as PhuLuc wrote
 * it before it patched the template's XML itself (src/adapters/xlsx/writeConsolidated.ts up to commit d9e2cbb).
 * The consolidated sheets read back from both must be the same Grids (writeConsolidated.equivalence.test.ts).
 */
import ExcelJS from "exceljs";
import { loadKeepingNumFmts } from "../../src/adapters/xlsx/exceljsLoad";
import { shiftRows } from "../../src/engine/formulaRefs";
import type { MergeResult, SheetPatch } from "../../src/engine/merge";

type RowChange = NonNullable<SheetPatch["rowChange"]>;

/** exceljs moves merged ranges unreliably when rows shift: the ranges below are unmerged, then merged again. */
function changeRows(sheet: ExcelJS.Worksheet, change: RowChange): void {
  const at = change.at + 1;
  const formulas: { row: number; col: number; formula: string; result: unknown }[] = [];
  sheet.eachRow((row, rowNumber) =>
    row.eachCell((cell, col) => {
      if (cell.formula) formulas.push({ row: rowNumber - 1, col, formula: cell.formula, result: cell.result });
    }),
  );
  const below = ((sheet.model as { merges?: string[] }).merges ?? [])
    .map((ref) => /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref))
    .filter((m): m is RegExpExecArray => !!m)
    .map((m) => ({ top: Number(m[2]), left: m[1], bottom: Number(m[4]), right: m[3] }))
    .filter((r) => r.top >= at);
  for (const r of below) sheet.unMergeCells(`${r.left}${r.top}:${r.right}${r.bottom}`);
  if (change.delta > 0)
    sheet.insertRows(
      at,
      Array.from({ length: change.delta }, () => []),
      "i",
    );
  else sheet.spliceRows(at, -change.delta);
  for (const r of below) {
    if (change.delta < 0 && r.top < at - change.delta) continue;
    sheet.mergeCells(`${r.left}${r.top + change.delta}:${r.right}${r.bottom + change.delta}`);
  }
  for (const { row, col, formula, result } of formulas) {
    if (change.delta < 0 && row >= change.at && row < change.at - change.delta) continue;
    const value = { formula: shiftRows(formula, change.at, change.delta), result } as ExcelJS.CellFormulaValue;
    sheet.getCell((row >= change.at ? row + change.delta : row) + 1, col).value = value;
  }
}

export async function exceljsConsolidated(template: Uint8Array, result: MergeResult): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await loadKeepingNumFmts(workbook, template);
  for (const { sheet: name, patch } of result.sheets) {
    const sheet = workbook.getWorksheet(name)!;
    if (patch.rowChange) changeRows(sheet, patch.rowChange);
    for (const write of patch.writes) {
      const cell = sheet.getCell(write.row + 1, write.col + 1);
      cell.value = write.formula
        ? ({
            formula: write.formula,
            result: write.error ? { error: write.error } : write.value,
          } as ExcelJS.CellFormulaValue)
        : write.value;
      // A copy: exceljs shares one style object among the loaded cells of a style.
      // eslint-disable-next-line office-addins/call-sync-before-read -- an exceljs cell, not an Office.js proxy
      if (write.numFmt) cell.style = { ...cell.style, numFmt: write.numFmt };
    }
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
