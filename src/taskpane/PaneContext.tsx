/**
 * State shared by the pane's tabs: where the pane runs, the language, and the latest check results (so the
 * Tổng hợp and Xuất file nộp panels can say which errors remain without checking again).
 */
import { createContext, useContext } from "react";
import type { CheckedSheet } from "./check/checkedSheet";
import type { HostMode } from "./host";
import type { Lang } from "./i18n";

export interface PaneState {
  host: HostMode;
  lang: Lang;
  /** The latest Kiểm tra results: the active sheet in Excel, every sheet of the opened file otherwise. */
  reports: CheckedSheet[];
  setReports: (reports: CheckedSheet[]) => void;
}

export const PaneContext = createContext<PaneState>({ host: "browser", lang: "vi", reports: [], setReports: () => {} });

export function usePane(): PaneState {
  return useContext(PaneContext);
}
