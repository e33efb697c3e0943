/** What a unit's file holds on receipt: its Phụ lục sheets checked, with their stored giải trình. */
import { checkGrid } from "../check";
import type { Finding } from "../finding";
import type { Grid } from "../grid";
import { DEFAULT_UNITS, type UnitDef } from "../units";
import type { UnitInput } from "../merge/types";
import { assignUnit } from "../merge/unitOf";
import { attachExplanations } from "./explanations";
import { ownSheetKind } from "./sheets";
import { reviewStoreOf } from "./store";
import type { Receipt } from "./status";

/** The findings of every Phụ lục sheet of a workbook, each carrying its stored giải trình. */
export function reviewFindings(grids: readonly Grid[], units?: UnitDef[]): Finding[] {
  const { explanations } = reviewStoreOf(grids);
  return grids
    .filter((grid) => !ownSheetKind(grid.name))
    .flatMap((grid) => {
      const report = checkGrid(grid, units ? { units } : {});
      return report.table ? attachExplanations(report.table, report.findings, explanations) : [];
    });
}

/** The counts a receipt records (errors, warnings, of them explained). */
export function receiptCounts(findings: readonly Finding[]): Pick<Receipt, "errors" | "warnings" | "explained"> {
  return {
    errors: findings.filter((f) => f.severity === "error").length,
    warnings: findings.filter((f) => f.severity === "warning").length,
    explained: findings.filter((f) => f.severity !== "info" && f.explanation).length,
  };
}

/** Each received file with the unit merge assigns it (from its first sheet's input, as mergeWorkbook does). */
export function receiptsOfUnits(
  receipts: readonly Omit<Receipt, "unit">[],
  inputs: readonly UnitInput[],
  units: UnitDef[] = DEFAULT_UNITS,
): Receipt[] {
  return receipts.flatMap((receipt) => {
    const input = inputs.find((i) => i.file === receipt.file);
    return input ? [{ ...receipt, unit: assignUnit(input, units).unit }] : [];
  });
}
