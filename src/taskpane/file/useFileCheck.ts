/**
 * File mode (outside Excel): the user picks an .xlsx, the xlsx reader (exceljs, loaded on demand as its own
 * chunk) turns it into grids and the engine checks every sheet. The file is only read, never changed.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { checkGrids, type SheetReport } from "../../engine/check";
import { userMessage } from "../../engine/errors";
import type { BusyAction } from "../check/CheckPanel";

export interface FileCheckState {
  fileName?: string;
  reports: SheetReport[];
  /** Notes about the workbook as a whole (hidden sheets, skipped rows). */
  notes: string[];
  busy?: BusyAction;
  error?: string;
  open: (file: File) => Promise<void>;
  dismissError: () => void;
}

export function useFileCheck(onReports?: (reports: SheetReport[]) => void): FileCheckState {
  const [fileName, setFileName] = useState<string | undefined>();
  const [reports, setReports] = useState<SheetReport[]>([]);
  const [notes, setNotes] = useState<string[]>([]);
  const [busy, setBusy] = useState<BusyAction | undefined>();
  const [error, setError] = useState<string | undefined>();
  const onReportsRef = useRef(onReports);
  useEffect(() => {
    onReportsRef.current = onReports;
  }, [onReports]);

  const open = useCallback(async (file: File) => {
    setBusy("read");
    setError(undefined);
    try {
      const [{ readWorkbook }, bytes] = await Promise.all([
        import(/* webpackChunkName: "xlsx-reader" */ "../../adapters/xlsx/readWorkbook"),
        file.arrayBuffer(),
      ]);
      const read = await readWorkbook(new Uint8Array(bytes), { fileName: file.name });
      const checked = checkGrids(read.grids);
      setFileName(read.fileName);
      setReports(checked);
      setNotes(read.notes);
      onReportsRef.current?.(checked);
    } catch (e) {
      setError(userMessage(e));
    } finally {
      setBusy(undefined);
    }
  }, []);

  return { fileName, reports, notes, busy, error, open, dismissError: () => setError(undefined) };
}
