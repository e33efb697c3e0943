/**
 * The panel's actions, host-independent: read the sheets, check them, build and write the file, then
 * hand the bytes to the host's delivery (Excel.createWorkbook or a browser download). exceljs is loaded
 * with import() so the pane's first paint does not wait for it.
 */
import { buildSubmission, planExport, type ExportPlan } from "../../engine/export";
import type { Finding } from "../../engine/finding";
import type { Grid } from "../../engine/grid";
import type { Settings } from "../../engine/settings";

export interface ExportHost {
  /** Every sheet of the consolidated workbook (the open one in Excel, the chosen file in the browser). */
  readGrids(): Promise<Grid[]>;
  deliver(bytes: Uint8Array, fileName: string): Promise<void>;
}

export interface ExportActions {
  onCheck(settings: Settings): Promise<Finding[]>;
  onExport(settings: Settings): Promise<string>;
}

export function exportActions(host: ExportHost, today: () => Date = () => new Date()): ExportActions {
  // The check's plan is reused by the export that follows it, so the file is what was checked.
  let checked: { plan: ExportPlan; settings: Settings } | undefined;
  const plan = async (settings: Settings) => planExport(await host.readGrids(), settings);
  return {
    async onCheck(settings) {
      checked = { plan: await plan(settings), settings };
      return checked.plan.errors;
    },
    async onExport(settings) {
      const current = checked?.settings === settings ? checked.plan : await plan(settings);
      checked = undefined;
      const submission = buildSubmission(current.sheets, settings, today());
      const { writeSubmission } = await import("../../adapters/xlsx/writeSubmission");
      await host.deliver(await writeSubmission(submission), submission.fileName);
      return submission.fileName;
    },
  };
}
