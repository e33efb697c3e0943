/**
 * Wires MergePanel to the host and to the merge worker. Inside Excel the open workbook is the
 * template (read whole as .xlsx bytes) and Áp dụng writes into it in one batch, with the review round's
 * PhuLuc and Tình trạng nộp sheets (Trả lại / Đã duyệt rewrite those); in a browser the template is a picked
 * file and Áp dụng (and each status change) downloads the consolidated workbook. A conflict settled after
 * Áp dụng in Excel is written at once (only the changed cells, and the log with the choice).
 */
import { useEffect, useMemo, useRef, useState } from "react";
import { readDocumentBytes } from "../../adapters/excel/exportRead";
import { readPickedFile } from "../../adapters/xlsx/inputLimits";
import type { ExcelHost } from "../../adapters/excel/host";
import { listSheetNames } from "../../adapters/excel/mergeSheets";
import { mergeWrite } from "../../adapters/excel/mergeWrite";
import { writeReviewSheets } from "../../adapters/excel/reviewWrite";
import { PhuLucError } from "../../engine/errors";
import type { MergeOptions, MergeResult } from "../../engine/merge";
import { LOG_SHEET_NAME } from "../../engine/merge/logSheet";
import { STATUS_SHEET_NAME, type ReviewStore } from "../../engine/review";
import type { HostMode } from "../host";
import { checkEngine } from "../check/checkClient";
import { downloadFile } from "../export/download";
import { shownError } from "../shownError";
import { useMergeStrings } from "./mergeStrings";
import { defaultEngine, type MergeEngine } from "./mergeClient";
import { MergePanel, type MergeViewState } from "./MergePanel";
import { ApprovalQuestion } from "./ApprovalQuestion";
import { StatusPanel } from "./StatusPanel";
import type { FilePayload, FileProgress, MergeOutcome, StatusChanged } from "./protocol";

export interface MergeTabProps {
  host: HostMode;
  excel?: ExcelHost;
  /** The merge engine (the worker by default; tests pass the main-thread one). */
  engine?: MergeEngine;
  /** How the open workbook's bytes are obtained inside Excel (getFileAsync by default). */
  readWorkbookBytes?: () => Promise<Uint8Array>;
  /** Where the consolidated file goes in file mode (a download by default). */
  deliver?: (bytes: Uint8Array, fileName: string) => void;
}

async function payload(file: File): Promise<FilePayload> {
  return {
    name: file.name,
    bytes: await readPickedFile(file),
    lastModified: new Date(file.lastModified).toISOString(),
  };
}

function upsert(list: FileProgress[], progress: FileProgress): FileProgress[] {
  const i = list.findIndex((p) => p.file === progress.file);
  return i < 0 ? [...list, progress] : list.map((p, j) => (j === i ? progress : p));
}

function consolidatedName(): string {
  const d = new Date();
  const ymd = `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, "0")}${String(d.getDate()).padStart(2, "0")}`;
  return `TONG-HOP_${ymd}.xlsx`;
}

function toBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

export function MergeTab({ host, excel, engine: given, readWorkbookBytes, deliver = downloadFile }: MergeTabProps) {
  const inExcel = host === "excel" && excel !== undefined;
  const m = useMergeStrings();
  const engine = useMemo(() => given ?? defaultEngine(), [given]);
  const [state, setState] = useState<MergeViewState>({ phase: "idle", progress: [] });
  const [template, setTemplate] = useState<File>();
  const [templateChecking, setTemplateChecking] = useState(false);
  const [workbookSheets, setWorkbookSheets] = useState<string[]>([]);
  const options = useRef<MergeOptions>({});
  /** What is in the workbook now (Excel), so a later apply writes only the difference. */
  const applied = useRef<MergeResult | undefined>(undefined);
  /** Approved units the user chose to keep as approved in this merge (their new file stays out). */
  const [kept, setKept] = useState<string[]>([]);
  const [statusBusy, setStatusBusy] = useState(false);
  /**
   * Which sheets PhuLuc protects in the open workbook since its last write there (Excel): the merge read the
   * records before, and only the adapter knows which sheets it protected since.
   */
  const protectedNow = useRef<string[] | undefined>(undefined);
  const current = (review: ReviewStore): ReviewStore =>
    protectedNow.current ? { ...review, protectedSheets: protectedNow.current } : review;
  const remember = (written: ReviewStore | undefined) => {
    if (written) protectedNow.current = written.protectedSheets ?? [];
  };

  useEffect(() => {
    if (!inExcel) return;
    excel
      .run(listSheetNames)
      .then(setWorkbookSheets, (error: unknown) => setState((s) => ({ ...s, error: shownError(error) })));
  }, [inExcel, excel]);

  const fail = (error: unknown) =>
    setState((s) => ({ ...s, phase: s.outcome ? "preview" : "idle", error: shownError(error) }));

  const apply = async ({ result, notMerged, review }: MergeOutcome) => {
    if (inExcel) {
      const options = { previous: applied.current, notMerged, review: current(review) };
      remember(await excel.run((context) => mergeWrite(context, result, options)));
      applied.current = result;
      const values = result.sheets.reduce((n, s) => n + s.filled.length, 0);
      return m.wroteExcel(values, result.sheets.map((s) => s.sheet).join(", "), LOG_SHEET_NAME);
    }
    const name = consolidatedName();
    deliver(await engine.write(), name);
    return m.wroteFile(name);
  };

  /**
   * A new template ends the previous merge (its preview and download were built from the old one), and is read
   * at once: a damaged file, or one with no Phụ lục, is refused before any unit file is chosen.
   */
  const pickTemplate = async (file: File) => {
    setTemplate(undefined);
    setTemplateChecking(true);
    options.current = {};
    applied.current = undefined;
    setState({ phase: "idle", progress: [] });
    try {
      const read = await checkEngine().checkFile(file, () => {});
      if (!read.sheets.some((sheet) => sheet.template !== null)) {
        throw new PhuLucError(
          "bad-template",
          `Tệp mẫu ${file.name} không có trang tính nào là Phụ lục nhận diện được; hãy chọn đúng mẫu tổng hợp.`,
          `The template ${file.name} has no sheet recognised as an appendix; choose the consolidation template.`,
        );
      }
      setTemplate(file);
    } catch (error) {
      setState((s) => ({ ...s, error: shownError(error) }));
    } finally {
      setTemplateChecking(false);
    }
  };

  const onMerge = async (units: File[], unitSheets: string[]) => {
    options.current = {};
    setKept([]);
    applied.current = undefined;
    protectedNow.current = undefined;
    setState({ phase: "running", progress: [] });
    try {
      const templatePayload: FilePayload = inExcel
        ? { name: "Sổ làm việc đang mở", bytes: toBuffer(await (readWorkbookBytes ?? readDocumentBytes)()) }
        : template
          ? await payload(template)
          : (() => {
              throw new PhuLucError(
                "file-not-found",
                "Chưa chọn mẫu tổng hợp (.xlsx).",
                "No consolidation template (.xlsx) chosen.",
              );
            })();
      const request = {
        template: templatePayload,
        units: await Promise.all(units.map(payload)),
        unitSheets,
        options: {},
      };
      const outcome = await engine.merge(request, (p) => setState((s) => ({ ...s, progress: upsert(s.progress, p) })));
      setState((s) => ({ ...s, phase: "preview", outcome, error: undefined }));
    } catch (error) {
      fail(error);
    }
  };

  const remerge = async (next: MergeOptions) => {
    options.current = next;
    try {
      const outcome = await engine.remerge(next);
      // After Áp dụng in Excel, a settled conflict goes into the workbook (and its log) at once.
      const message = applied.current ? await apply(outcome) : undefined;
      setState((s) => ({ ...s, outcome, error: undefined, applied: message ?? s.applied }));
    } catch (error) {
      fail(error);
    }
  };

  const onApply = async () => {
    if (!state.outcome) return;
    setState((s) => ({ ...s, phase: "applying" }));
    try {
      const message = await apply(state.outcome);
      setState((s) => ({ ...s, phase: "applied", applied: message, error: undefined }));
    } catch (error) {
      fail(error);
    }
  };

  /** Approved-unit question answered: reopen merges the unit's new file; keep leaves its approved figures. */
  const onApproval = async (unit: string, reopen: boolean) => {
    if (!reopen) return setKept((k) => [...k, unit]);
    try {
      const outcome = await engine.remerge(options.current, [unit]);
      setState((s) => ({ ...s, outcome, error: undefined }));
    } catch (error) {
      fail(error);
    }
  };

  /** Where a status change goes: the open workbook's records (Excel), else the consolidated workbook downloaded again. */
  const recordStatus = async (changed: StatusChanged, action: "return" | "approve", unit: string) => {
    const feedback = changed.feedback?.fileName ?? "";
    const findings = changed.feedback?.findings ?? 0;
    if (inExcel) {
      const review = current(changed.review);
      remember(await excel.run((context) => writeReviewSheets(context, review, applied.current)));
      return action === "return"
        ? m.returnedExcel(unit, feedback, findings, STATUS_SHEET_NAME)
        : m.approvedExcel(unit, STATUS_SHEET_NAME);
    }
    const name = consolidatedName();
    deliver(await engine.write(), name);
    return action === "return" ? m.returned(unit, feedback, findings, name) : m.approved(unit, name);
  };

  /** Trả lại / Đã duyệt: the state changes in the consolidated workbook; Trả lại also downloads the feedback workbook. */
  const onStatus = async (action: "return" | "approve", unit: string) => {
    setStatusBusy(true);
    try {
      const changed = await engine.changeStatus({ action, unit });
      if (changed.feedback) deliver(changed.feedback.bytes, changed.feedback.fileName);
      const message = await recordStatus(changed, action, unit);
      setState((s) => ({
        ...s,
        outcome: s.outcome && { ...s.outcome, statuses: changed.statuses, review: changed.review },
        applied: message,
        error: undefined,
      }));
    } catch (error) {
      fail(error);
    } finally {
      setStatusBusy(false);
    }
  };

  const outcome = state.outcome;
  const question = outcome?.approvals.find((a) => !kept.includes(a.unit));
  return (
    <>
      <MergePanel
        mode={inExcel ? "excel" : "file"}
        state={state}
        workbookSheets={workbookSheets}
        templateName={template?.name}
        templateChecking={templateChecking}
        onPickTemplate={(file) => void pickTemplate(file)}
        onMerge={onMerge}
        onApply={onApply}
        onResolve={(id, unit) =>
          remerge({ ...options.current, resolutions: { ...options.current.resolutions, [id]: unit } })
        }
        onAcceptProposal={(id) =>
          remerge({ ...options.current, acceptedProposals: [...(options.current.acceptedProposals ?? []), id] })
        }
      />
      <ApprovalQuestion conflict={question} onAnswer={(unit, reopen) => void onApproval(unit, reopen)} />
      {outcome && state.phase === "applied" && (
        <StatusPanel
          statuses={outcome.statuses}
          busy={statusBusy}
          onReturn={(unit) => void onStatus("return", unit)}
          onApprove={(unit) => void onStatus("approve", unit)}
        />
      )}
    </>
  );
}
