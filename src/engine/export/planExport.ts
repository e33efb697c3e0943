/**
 * "Check first" for the export (spec §7: if errors remain, say which before writing): every sheet is
 * checked with the user's units; the errors that count are those on the sheets that will be submitted
 * and that no giải trình stored in the workbook (its PhuLuc sheet) explains (spec §10).
 */
import { checkGrid, type SheetReport } from "../check";
import { sortFindings, type Finding } from "../finding";
import type { Grid } from "../grid";
import { attachExplanations, isBlocking } from "../review/explanations";
import { reviewStoreOf } from "../review/store";
import type { Settings } from "../settings";
import { submittedSheets, type ConsolidatedSheet } from "./buildSubmission";

export interface ExportPlan {
  reports: SheetReport[];
  /** The sheets as buildSubmission takes them (grid + recognised table). */
  sheets: ConsolidatedSheet[];
  /** Error-level findings on the sheets to be submitted that no giải trình explains, in stable order. */
  errors: Finding[];
  /** Findings on the sheets to be submitted that carry a stored giải trình (the Giải trình list). */
  explained: Finding[];
}

export function planExport(grids: Grid[], settings: Settings): ExportPlan {
  const { explanations } = reviewStoreOf(grids);
  const reports = grids.map((grid) => {
    const report = checkGrid(grid, { units: settings.units });
    return { ...report, findings: attachExplanations(report.table, report.findings, explanations) };
  });
  const sheets = grids.map((grid, i) => ({ grid, table: reports[i].table }));
  const submitted = new Set(submittedSheets(sheets).map((s) => s.grid.name));
  const findings = reports.filter((r) => submitted.has(r.sheet)).flatMap((r) => r.findings);
  return {
    reports,
    sheets,
    errors: sortFindings(findings.filter(isBlocking)),
    explained: sortFindings(findings.filter((f) => f.explanationRecord)),
  };
}
