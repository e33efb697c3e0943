/**
 * The Xuất file nộp tab: wires ExportPanel to the host. In Excel the open workbook is read whole
 * (getFileAsync → xlsx reader), the settings live in the document and the file opens as a new
 * workbook; in a browser the user picks the consolidated .xlsx, the settings live in localStorage and
 * the file is downloaded.
 */
import { Button, Caption1, MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState } from "react";
import { deliverToExcel } from "../../adapters/excel/exportDeliver";
import { readDocumentBytes } from "../../adapters/excel/exportRead";
import { loadExportSettings, saveExportSettings } from "../../adapters/excel/exportSettings";
import type { ExcelHost } from "../../adapters/excel/host";
import { readPickedFile } from "../../adapters/xlsx/inputLimits";
import { PhuLucError } from "../../engine/errors";
import type { Settings } from "../../engine/settings";
import type { HostMode } from "../host";
import { useStrings } from "../i18n";
import { shownError, type Bilingual } from "../shownError";
import { downloadFile } from "./download";
import { exportActions, type ExportHost } from "./exportActions";
import { ExportPanel } from "./ExportPanel";
import { loadLocalSettings, saveLocalSettings } from "./settingsStore";

async function gridsOf(bytes: Uint8Array, fileName: string) {
  const { readWorkbook } = await import(/* webpackChunkName: "xlsx-reader" */ "../../adapters/xlsx/readWorkbook");
  return (await readWorkbook(bytes, { fileName })).grids;
}

export interface ExportTabProps {
  host: HostMode;
  excel?: ExcelHost;
}

export function ExportTab({ host, excel }: ExportTabProps) {
  const inExcel = host === "excel" && excel !== undefined;
  const [settings, setSettings] = useState<Settings>();
  const { lang, t } = useStrings();
  const [problem, setProblem] = useState<Bilingual>();
  const [file, setFile] = useState<File>();
  const fileRef = useRef<File | undefined>(undefined);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const load = inExcel ? excel.run(loadExportSettings) : Promise.resolve(loadLocalSettings());
    load.then(
      (loaded) => {
        setSettings(loaded.settings);
        // The document's settings are read by the Excel adapter, which words its problem in Vietnamese only.
        const problem = loaded.problem;
        setProblem(typeof problem === "string" ? { vi: problem, en: problem } : problem);
      },
      (error: unknown) => setProblem(shownError(error)),
    );
  }, [inExcel, excel]);

  const actions = useMemo(() => {
    const exportHost: ExportHost = inExcel
      ? {
          readGrids: async () => gridsOf(await readDocumentBytes(), "sổ làm việc đang mở"),
          deliver: (bytes, fileName) => deliverToExcel(bytes, fileName),
        }
      : {
          readGrids: async () => {
            const chosen = fileRef.current;
            if (!chosen)
              throw new PhuLucError(
                "file-not-found",
                "Chưa chọn file tổng hợp để xuất.",
                "No consolidated file chosen to export.",
              );
            return gridsOf(new Uint8Array(await readPickedFile(chosen)), chosen.name);
          },
          deliver: async (bytes, fileName) => downloadFile(bytes, fileName),
        };
    return exportActions(exportHost);
  }, [inExcel]);

  const save = async (next: Settings) => {
    if (inExcel) await excel.run((context) => saveExportSettings(context, next));
    else saveLocalSettings(next);
    setSettings(next);
  };

  if (!settings) {
    return problem ? (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>{problem[lang]}</MessageBarBody>
      </MessageBar>
    ) : (
      <Spinner size="tiny" label={t.exportLoading} />
    );
  }
  return (
    <ExportPanel
      settings={settings}
      onSaveSettings={save}
      onCheck={actions.onCheck}
      onExport={actions.onExport}
      delivery={inExcel ? "excel" : "download"}
      unavailable={!inExcel && !file ? t.exportPickFirst : undefined}
    >
      {problem && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {problem[lang]} {t.exportDefaults}
          </MessageBarBody>
        </MessageBar>
      )}
      {!inExcel && (
        <div>
          <Button onClick={() => input.current?.click()}>{t.exportPickFile}</Button>
          <input
            ref={input}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-label={t.exportPickFileLabel}
            hidden
            onChange={(e) => {
              const chosen = e.target.files?.[0];
              e.target.value = "";
              fileRef.current = chosen;
              setFile(chosen);
            }}
          />
          {file && <Caption1> {file.name}</Caption1>}
        </div>
      )}
    </ExportPanel>
  );
}
