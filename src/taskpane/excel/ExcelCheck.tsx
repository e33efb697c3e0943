/** The Kiểm tra tab inside Excel. */
import type { ExcelHost } from "../../adapters/excel/host";
import { CheckPanel } from "../check/CheckPanel";
import { useStrings } from "../i18n";
import { usePane } from "../PaneContext";
import { useExcelCheck } from "./useExcelCheck";
import { Caption1 } from "@fluentui/react-components";

export function ExcelCheck({ excel }: { excel: ExcelHost }) {
  const { t } = useStrings();
  const { setReports } = usePane();
  const panel = useExcelCheck(excel, t, (report) => setReports([report]));
  return (
    <CheckPanel {...panel}>
      <Caption1>{t.autoRecheck}</Caption1>
    </CheckPanel>
  );
}
