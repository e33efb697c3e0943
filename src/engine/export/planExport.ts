/**
 * "Check first" for the export (spec §7: if errors remain, say which before writing): every sheet is
 * checked with the user's units; the errors that count are those on the sheets that will be submitted.
 */
import { checkGrid, type SheetReport } from "../check";
import { sortFindings, type Finding } from "../finding";
import type { Grid } from "../grid";
import type { Settings } from "../settings";
import { submittedSheets, type ConsolidatedSheet } from "./buildSubmission";

export interface ExportPlan {
  reports: SheetReport[];
  /** The sheets as buildSubmission takes them (grid + recognised table). */
  sheets: ConsolidatedSheet[];
  /** Error-level findings on the sheets to be submitted, in stable order. */
  errors: Finding[];
}

export function planExport(grids: Grid[], settings: Settings): ExportPlan {
  const reports = grids.map((grid) => checkGrid(grid, { units: settings.units }));
  const sheets = grids.map((grid, i) => ({ grid, table: reports[i].table }));
  const submitted = new Set(submittedSheets(sheets).map((s) => s.grid.name));
  const errors = sortFindings(
    reports.filter((r) => submitted.has(r.sheet)).flatMap((r) => r.findings.filter((f) => f.severity === "error")),
  );
  return { reports, sheets, errors };
}
