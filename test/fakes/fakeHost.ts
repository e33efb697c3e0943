/** An ExcelHost over the fake Excel: every Excel.run gets its own context on the same open workbook. */
import type { ExcelHost } from "../../src/adapters/excel/host";
import { DESKTOP, FakeContext, type FakeProfile, type FakeWorkbookFile } from "./fakeExcel";

export function fakeHost(file: FakeWorkbookFile, profile: FakeProfile = DESKTOP) {
  const contexts: FakeContext[] = [];
  const listeners: (() => void)[] = [];
  const host: ExcelHost = {
    run: (work) => {
      const context = new FakeContext(file, profile);
      contexts.push(context);
      return work(context as unknown as Excel.RequestContext);
    },
    capabilities: () => ({ mergedAreas: profile.api >= 13, triggerSource: profile.api >= 14 }),
    watchSheets: async (listener) => {
      listeners.push(listener);
      return async () => void listeners.splice(listeners.indexOf(listener), 1);
    },
  };
  return {
    host,
    /** Tells the pane the sheet changed, as Excel's onChanged would. */
    changeSheet: () => listeners.forEach((l) => l()),
    /** Round trips to Excel so far, over every Excel.run. */
    syncs: () => contexts.reduce((n, c) => n + c.syncCount, 0),
  };
}
