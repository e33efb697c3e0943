/**
 * File mode (outside Excel): the user picks an .xlsx; the check worker reads it (readWorkbook) and checks every
 * sheet, so the pane stays responsive. The file is only read, never changed. A new file clears the previous
 * file's results before it is read, so nothing of the old file shows beside the new one. When the plan or the
 * previous period changes (`referencesVersion`), the open file is checked again against them.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { BusyAction } from "../check/CheckPanel";
import { checkEngine, type CheckEngine } from "../check/checkClient";
import type { CheckedSheet } from "../check/checkedSheet";
import { explanationChange } from "../check/explain";
import { downloadFile } from "../export/download";
import type { Finding } from "../../engine/finding";
import type { CheckProgress } from "../check/checkWork";
import { shownError, type Bilingual } from "../shownError";
import type { Note } from "../../engine/notes/note";

export interface FileCheckState {
  fileName?: string;
  reports: CheckedSheet[];
  /** Notes about the workbook as a whole (hidden sheets, skipped rows). */
  notes: Note[];
  busy?: BusyAction;
  progress?: CheckProgress;
  error?: Bilingual;
  /** Counts the files loaded: the results take the focus after each. */
  loaded: number;
  open: (file: File) => Promise<void>;
  /** Stores the finding's giải trình in a copy of the file (downloaded, then the file checked from then on). */
  explain: (finding: Finding, text: string) => Promise<void>;
  /** The name of the copy last downloaded with a giải trình in it. */
  explainedCopy?: string;
  dismissError: () => void;
}

export function useFileCheck(
  onReports?: (reports: CheckedSheet[]) => void,
  engine: () => CheckEngine = checkEngine,
  referencesVersion = 0,
): FileCheckState {
  const [fileName, setFileName] = useState<string | undefined>();
  const [reports, setReports] = useState<CheckedSheet[]>([]);
  const [notes, setNotes] = useState<Note[]>([]);
  const [busy, setBusy] = useState<BusyAction | undefined>();
  const [progress, setProgress] = useState<CheckProgress | undefined>();
  const [error, setError] = useState<Bilingual | undefined>();
  const [loaded, setLoaded] = useState(0);
  const [explainedCopy, setExplainedCopy] = useState<string | undefined>();
  const onReportsRef = useRef(onReports);
  useEffect(() => {
    onReportsRef.current = onReports;
  }, [onReports]);

  const opened = useRef<File | undefined>(undefined);

  const open = useCallback(
    async (file: File) => {
      opened.current = file;
      setExplainedCopy(undefined);
      setBusy("read");
      setError(undefined);
      setFileName(file.name);
      setReports([]);
      setNotes([]);
      onReportsRef.current?.([]);
      try {
        const checked = await engine().checkFile(file, setProgress);
        setFileName(checked.fileName);
        setReports(checked.sheets);
        setNotes(checked.notes);
        onReportsRef.current?.(checked.sheets);
        setLoaded((n) => n + 1);
      } catch (e) {
        setError(shownError(e));
      } finally {
        setBusy(undefined);
        setProgress(undefined);
      }
    },
    [engine],
  );

  const explain = useCallback(
    async (finding: Finding, text: string) => {
      const file = opened.current;
      const change = explanationChange(reports, finding, text);
      if (!file || !change || busy) return;
      setBusy("explain");
      setError(undefined);
      try {
        const { bytes, file: checked } = await engine().explainInFile(file, change);
        // The copy is the file from now on: the next giải trình and any re-check read it, not the original.
        opened.current = new File([bytes as BlobPart], file.name, { type: file.type });
        downloadFile(bytes, file.name);
        setReports(checked.sheets);
        setNotes(checked.notes);
        onReportsRef.current?.(checked.sheets);
        setExplainedCopy(file.name);
      } catch (e) {
        setError(shownError(e));
      } finally {
        setBusy(undefined);
      }
    },
    [engine, reports, busy],
  );

  const checkedWith = useRef(referencesVersion);
  useEffect(() => {
    if (checkedWith.current === referencesVersion) return;
    checkedWith.current = referencesVersion;
    if (opened.current) void open(opened.current);
  }, [referencesVersion, open]);

  return {
    fileName,
    reports,
    notes,
    busy,
    progress,
    error,
    loaded,
    open,
    explain,
    explainedCopy,
    dismissError: () => setError(undefined),
  };
}
