/** What a unit's file holds on receipt: its Phụ lục sheets checked, with their stored giải trình. */
import { checkGrid, type SheetReport } from "../check";
import type { Finding } from "../finding";
import type { Grid } from "../grid";
import type { Table } from "../model";
import { DEFAULT_UNITS, type UnitDef } from "../units";
import type { UnitInput } from "../merge/types";
import { assignUnit } from "../merge/unitOf";
import { templateRowUnit } from "../merge/unitRows";
import { attachExplanations } from "./explanations";
import { ownSheetKind } from "./sheets";
import { isReviewSheet, reviewStoreOf } from "./store";
import type { Receipt } from "./status";

/**
 * Every Phụ lục sheet of a workbook checked once, by grid: its report carries the recognised table
 * too, so a caller that merges the sheets (readUnitFiles) takes the tables from here instead of
 * recognising each sheet a second time.
 */
export function checkSheets(grids: readonly Grid[], units?: UnitDef[]): Map<Grid, SheetReport> {
  const reports = new Map<Grid, SheetReport>();
  for (const grid of grids) if (!ownSheetKind(grid.name)) reports.set(grid, checkGrid(grid, units ? { units } : {}));
  return reports;
}

/** The findings of the checked sheets (checkSheets), each carrying the giải trình the workbook stores for it. */
export function sheetFindings(grids: readonly Grid[], reports: ReadonlyMap<Grid, SheetReport>): Finding[] {
  const { explanations } = reviewStoreOf(grids);
  return [...reports.values()].flatMap((report) =>
    report.table ? attachExplanations(report.table, report.findings, explanations) : [],
  );
}

/** The findings of every Phụ lục sheet of a workbook, each carrying its stored giải trình. */
export function reviewFindings(grids: readonly Grid[], units?: UnitDef[]): Finding[] {
  return sheetFindings(grids, checkSheets(grids, units));
}

/** The counts a receipt records (errors, warnings, of them explained). */
export function receiptCounts(findings: readonly Finding[]): Pick<Receipt, "errors" | "warnings" | "explained"> {
  return {
    errors: findings.filter((f) => f.severity === "error").length,
    warnings: findings.filter((f) => f.severity === "warning").length,
    explained: findings.filter((f) => f.severity !== "info" && f.explanation).length,
  };
}

/**
 * A unit's sheet pasted into the open workbook, as its receipt hashes it: each cell's value as read (dates as ISO
 * text), row by row. The same figures give the same SHA-256 whatever the sheet's formats, so merging the sheet
 * again keeps Trả lại / Đã duyệt, and a changed figure makes it Đã nhận again — as for a file's bytes.
 */
export function sheetValuesText(grid: Grid): string {
  const value = (v: unknown) => (v instanceof Date ? v.toISOString() : (v ?? null));
  return JSON.stringify(grid.rows.map((cells) => Array.from(cells ?? [], (cell) => value(cell?.value))));
}

/**
 * The receipt of a unit's sheet in the open workbook: named by the sheet (no file, no modified date), its
 * findings counted with the giải trình the workbook's PhuLuc sheet stores for it. `sha256` is of sheetValuesText.
 */
export function sheetReceipt(grid: Grid, workbook: readonly Grid[], sha256: string): Omit<Receipt, "unit"> {
  const records = workbook.filter((g) => isReviewSheet(g.name));
  return { file: grid.name, sha256, ...receiptCounts(reviewFindings([grid, ...records])) };
}

/**
 * Each received file with the unit merge assigns it (from its first sheet's input, as mergeWorkbook does).
 * A file whose every sheet is of a template the consolidated workbook lacks is refused as `wrong-template`,
 * “not that unit's report”: it gets no receipt, so the unit stays Chưa nộp — recorded Đã nhận, a later merge
 * would count the unit as received earlier.
 */
export function receiptsOfUnits(
  receipts: readonly Omit<Receipt, "unit">[],
  inputs: readonly UnitInput[],
  templates: readonly Table[],
  units: UnitDef[] = DEFAULT_UNITS,
): Receipt[] {
  // The same test as the merge's (templateFor): a template of the consolidated workbook is the input's.
  const consolidated = (input: UnitInput) => templates.some((t) => t.templateId === input.table.templateId);
  const templateUnit = templateRowUnit(templates, units);
  return receipts.flatMap((receipt) => {
    const input = inputs.find((i) => i.file === receipt.file && consolidated(i));
    return input ? [{ ...receipt, unit: assignUnit(input, units, templateUnit).unit }] : [];
  });
}
