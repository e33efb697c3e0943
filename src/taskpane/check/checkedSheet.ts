/**
 * What the pane keeps of a checked sheet: the report without its Table (thousands of cell objects that the
 * check worker would otherwise copy to the page), plus what the pane needs from the Table — the chart's
 * summary and the cells "Tính tỷ lệ & đánh giá" would write — both worked out beside the check.
 */
import type { SheetReport } from "../../engine/check";
import type { Finding } from "../../engine/finding";
import type { Table } from "../../engine/model";
import { indicatorKey, rowOfFinding } from "../../engine/review";
import { attainmentPlan, type AttainmentPlan } from "./attainment";
import { summariseAttainment, type AttainmentSummary } from "./chartSummary";

export interface CheckedSheet extends Omit<SheetReport, "table"> {
  /** True when a table was recognised (Tính tỷ lệ & đánh giá has something to work on). */
  hasTable: boolean;
  /** Present when the table has both Kế hoạch and Thực hiện columns. */
  chart?: AttainmentSummary;
  plan?: AttainmentPlan;
  /**
   * The row each finding on a table row is about, by findingId: what a giải trình is keyed by (the row's
   * indicator key, so it survives inserted rows) and the label it is listed under. A finding on no row (a
   * missing column) has none and cannot be explained.
   */
  explainable: Record<string, { key: string; label: string }>;
}

/** A finding's identity within its sheet: its cell and rule. */
export function findingId(finding: Pick<Finding, "cell" | "rule">): string {
  return `${finding.cell}|${finding.rule}`;
}

function explainableRows(table: Table, findings: readonly Finding[]): CheckedSheet["explainable"] {
  const rows: CheckedSheet["explainable"] = {};
  for (const finding of findings) {
    const row = rowOfFinding(table, finding);
    if (row) rows[findingId(finding)] = { key: indicatorKey(table, row), label: row.label };
  }
  return rows;
}

export function checkedSheet({ table, ...report }: SheetReport): CheckedSheet {
  if (!table) return { ...report, hasTable: false, explainable: {} };
  const charted = table.columns.actual !== undefined && table.columns.target !== undefined;
  return {
    ...report,
    hasTable: true,
    chart: charted ? summariseAttainment(table) : undefined,
    plan: attainmentPlan(table),
    explainable: explainableRows(table, report.findings),
  };
}
