/**
 * The pane: a header with the language switch and three tabs — Kiểm tra | Tổng hợp | Xuất file nộp.
 * Tabs stay mounted while hidden, so switching never loses a check or a half-filled form.
 *
 * Tổng hợp is MERGE's `MergeTab` (src/taskpane/merge), Xuất file nộp is EXPORT's `ExportTab` (src/taskpane/export);
 * each wires its host and passes actions to its panel. `usePane()` gives them the host mode, the language and the
 * latest check reports.
 */
import { Button, FluentProvider, Tab, TabList, Title3, makeStyles, webLightTheme } from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import type { ExcelHost } from "../adapters/excel/host";
import type { CheckedSheet } from "./check/checkedSheet";
import { ExcelCheck } from "./excel/ExcelCheck";
import { ExportTab } from "./export/ExportTab";
import { FileCheck } from "./file/FileCheck";
import { MergeTab } from "./merge/MergeTab";
import type { HostMode } from "./host";
import { LangContext, STRINGS, type Lang } from "./i18n";
import { PaneContext, type PaneState } from "./PaneContext";

type TabId = "check" | "merge" | "export";

const LANG_KEY = "phuluc.lang";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: "8px",
    padding: "10px 12px",
    minHeight: "100vh",
    boxSizing: "border-box",
  },
  header: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: "8px" },
  tabBody: { paddingTop: "4px" },
});

function savedLang(): Lang {
  try {
    return globalThis.localStorage?.getItem(LANG_KEY) === "en" ? "en" : "vi";
  } catch {
    return "vi"; // storage blocked (private mode, sandboxed host): Vietnamese, as by default
  }
}

export interface AppProps {
  host: HostMode;
  /** The live Excel (or a test double) when the pane runs inside Excel. */
  excel?: ExcelHost;
}

export function App({ host, excel }: AppProps) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(savedLang);
  const [tab, setTab] = useState<TabId>("check");
  const [reports, setReports] = useState<CheckedSheet[]>([]);
  const pane = useMemo<PaneState>(() => ({ host, lang, reports, setReports }), [host, lang, reports]);
  const t = STRINGS[lang];
  // The page's title and language follow the switch (screen readers pronounce by the document's lang).
  useEffect(() => {
    document.title = t.appTitle;
    document.documentElement.lang = lang;
  }, [lang, t]);

  const toggleLang = () => {
    const next = lang === "vi" ? "en" : "vi";
    setLang(next);
    try {
      globalThis.localStorage?.setItem(LANG_KEY, next);
    } catch {
      // The choice then lasts for this session only.
    }
  };

  return (
    <FluentProvider theme={webLightTheme} lang={lang}>
      <LangContext.Provider value={lang}>
        <PaneContext.Provider value={pane}>
          <main className={styles.root}>
            <header className={styles.header}>
              <Title3 as="h1">{t.appTitle}</Title3>
              <Button size="small" appearance="subtle" onClick={toggleLang}>
                {t.switchLanguage}
              </Button>
            </header>
            <TabList selectedValue={tab} onTabSelect={(_, data) => setTab(data.value as TabId)}>
              <Tab value="check">{t.tabCheck}</Tab>
              <Tab value="merge">{t.tabMerge}</Tab>
              <Tab value="export">{t.tabExport}</Tab>
            </TabList>
            <div className={styles.tabBody} hidden={tab !== "check"} role="tabpanel" aria-label={t.tabCheck}>
              {host === "excel" && excel ? <ExcelCheck excel={excel} /> : <FileCheck />}
            </div>
            <div className={styles.tabBody} hidden={tab !== "merge"} role="tabpanel" aria-label={t.tabMerge}>
              <MergeTab host={host} excel={excel} />
            </div>
            <div className={styles.tabBody} hidden={tab !== "export"} role="tabpanel" aria-label={t.tabExport}>
              <ExportTab host={host} excel={excel} />
            </div>
          </main>
        </PaneContext.Provider>
      </LangContext.Provider>
    </FluentProvider>
  );
}
