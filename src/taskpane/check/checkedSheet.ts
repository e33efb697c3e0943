/**
 * What the pane keeps of a checked sheet: the report without its Table (thousands of cell objects that the
 * check worker would otherwise copy to the page), plus what the pane needs from the Table — the chart's
 * summary and the cells "Tính tỷ lệ & đánh giá" would write — both worked out beside the check.
 */
import type { SheetReport } from "../../engine/check";
import { attainmentPlan, type AttainmentPlan } from "./attainment";
import { summariseAttainment, type AttainmentSummary } from "./chartSummary";

export interface CheckedSheet extends Omit<SheetReport, "table"> {
  /** True when a table was recognised (Tính tỷ lệ & đánh giá has something to work on). */
  hasTable: boolean;
  /** Present when the table has both Kế hoạch and Thực hiện columns. */
  chart?: AttainmentSummary;
  plan?: AttainmentPlan;
}

export function checkedSheet({ table, ...report }: SheetReport): CheckedSheet {
  if (!table) return { ...report, hasTable: false };
  const charted = table.columns.actual !== undefined && table.columns.target !== undefined;
  return {
    ...report,
    hasTable: true,
    chart: charted ? summariseAttainment(table) : undefined,
    plan: attainmentPlan(table),
  };
}
