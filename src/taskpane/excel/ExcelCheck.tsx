/** The Kiểm tra tab inside Excel. */
import { Caption1 } from "@fluentui/react-components";
import { useMemo } from "react";
import type { ExcelHost } from "../../adapters/excel/host";
import { loadReferenceSettings, saveReferenceSettings } from "../../adapters/excel/referenceSettings";
import { CheckPanel } from "../check/CheckPanel";
import { checkEngine, type CheckEngine } from "../check/checkClient";
import { useStrings } from "../i18n";
import { usePane } from "../PaneContext";
import { ReferencePicker } from "../references/ReferencePicker";
import { useReferences, type ReferenceStore } from "../references/useReferences";
import { useExcelCheck } from "./useExcelCheck";

export function ExcelCheck({ excel, engine = checkEngine }: { excel: ExcelHost; engine?: () => CheckEngine }) {
  const { t } = useStrings();
  const { setReports } = usePane();
  // The plan and previous period are remembered in this workbook's own settings.
  const store = useMemo<ReferenceStore>(
    () => ({
      load: () => excel.run(loadReferenceSettings),
      save: (stored) => excel.run((context) => saveReferenceSettings(context, stored)),
    }),
    [excel],
  );
  const references = useReferences(store, engine);
  const panel = useExcelCheck(excel, t, (report) => setReports([report]), engine, references.version);
  return (
    <CheckPanel {...panel}>
      <Caption1>{t.autoRecheck}</Caption1>
      <ReferencePicker state={references} />
    </CheckPanel>
  );
}
