/**
 * The live Excel behind the pane: Excel.run, the requirement check and sheet-change events, behind one interface
 * so the pane's logic can be driven by a fake request context in tests.
 */
import { excelCapabilities, type ExcelCapabilities } from "./requirements";

export interface ExcelHost {
  run<T>(work: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** Throws PhuLucError("excel-too-old") when Excel lacks what PhuLuc needs. */
  capabilities(): ExcelCapabilities;
  /**
   * Calls `listener` when any worksheet's data changes or another sheet is activated (changes PhuLuc made
   * itself are skipped where Excel tells them apart). Resolves to a function that stops listening.
   */
  watchSheets(listener: () => void): Promise<() => Promise<void>>;
}

export const officeExcelHost: ExcelHost = {
  run: (work) => Excel.run(work),
  capabilities: () => excelCapabilities(),
  async watchSheets(listener) {
    const ownChangesKnown = excelCapabilities().triggerSource;
    return Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const changed = sheets.onChanged.add(async (event) => {
        if (ownChangesKnown && event.triggerSource === "ThisLocalAddin") return;
        listener();
      });
      const activated = sheets.onActivated.add(async () => listener());
      await context.sync();
      return async () => {
        await Excel.run(changed.context, async (ctx) => {
          changed.remove();
          activated.remove();
          await ctx.sync();
        });
      };
    });
  },
};
