/**
 * The Kiểm tra tab inside Excel: reads the active sheet, has the check worker run the engine on it, and
 * carries out the user's actions (select, mark, unmark, compute) against the workbook. Re-checks when the
 * sheet changes, debounced, and when the plan or previous period it answers to changes (`referencesVersion`).
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { selectCell, writeCells } from "../../adapters/excel/cells";
import type { ExcelHost } from "../../adapters/excel/host";
import { markCells, queueMarkCount, unmarkCells } from "../../adapters/excel/marks";
import { queueHiddenSheetRead, readHiddenSheet, writeVeryHiddenSheet } from "../../adapters/excel/hiddenSheet";
import { readActiveSheetGrid } from "../../adapters/excel/readSheet";
import {
  emptyReviewStore,
  removeExplanation,
  REVIEW_SHEET_NAME,
  reviewSheetRows,
  reviewStoreFromGrid,
  upsertExplanation,
  type Explanation,
  type ReviewStore,
} from "../../engine/review";
import { explanationChange } from "../check/explain";
import type { Finding } from "../../engine/finding";
import type { Grid } from "../../engine/grid";
import type { ProposedWrite } from "../check/attainment";
import type { BusyAction, CheckPanelProps, ReplaceChoice } from "../check/CheckPanel";
import { checkEngine, type CheckEngine } from "../check/checkClient";
import type { CheckedSheet } from "../check/checkedSheet";
import type { Strings } from "../i18n";
import { shownError, type Bilingual } from "../shownError";

/** The workbook's PhuLuc sheet of giải trình and Tình trạng nộp records (none yet: an empty store). */
const reviewStoreOfGrid = (grid: Grid | undefined): ReviewStore =>
  grid ? reviewStoreFromGrid(grid) : emptyReviewStore();

/** Typing pauses shorter than this do not trigger a re-check. */
export const RECHECK_DELAY_MS = 800;

export function useExcelCheck(
  excel: ExcelHost,
  t: Strings,
  onReport?: (report: CheckedSheet) => void,
  engine: () => CheckEngine = checkEngine,
  referencesVersion = 0,
): CheckPanelProps {
  const [report, setReport] = useState<CheckedSheet | undefined>();
  const [busy, setBusy] = useState<BusyAction | undefined>();
  const [error, setError] = useState<Bilingual | undefined>();
  const [info, setInfo] = useState<string | undefined>();
  const [markedCount, setMarkedCount] = useState(0);
  const [pendingReplace, setPendingReplace] = useState<ProposedWrite[] | undefined>();
  const [pendingFill, setPendingFill] = useState<ProposedWrite[]>([]);
  const busyRef = useRef(false);
  /** A re-check asked for while another action ran: it runs when that action ends, so findings never go stale. */
  const recheckPending = useRef<(() => Promise<void>) | undefined>(undefined);
  // Kept in a ref so a new callback from the parent never re-subscribes to Excel's events.
  const onReportRef = useRef(onReport);
  useEffect(() => {
    onReportRef.current = onReport;
  }, [onReport]);

  /** Runs one action at a time, with its busy state, and shows any error in the pane. */
  const perform = useCallback(async function run(action: BusyAction, work: () => Promise<void>): Promise<void> {
    if (busyRef.current) {
      if (action === "check") recheckPending.current = work;
      return;
    }
    busyRef.current = true;
    setBusy(action);
    setError(undefined);
    setInfo(undefined);
    try {
      await work();
    } catch (e) {
      setError(shownError(e));
    } finally {
      busyRef.current = false;
      setBusy(undefined);
    }
    const recheck = recheckPending.current;
    recheckPending.current = undefined;
    if (recheck) await run("check", recheck);
  }, []);

  // The giải trình stored in the workbook: read with the first check, then kept as the pane writes them.
  const explanations = useRef<Explanation[] | undefined>(undefined);
  const readAndCheck = useCallback(async () => {
    const { mergedAreas } = excel.capabilities();
    const { grid, marks } = await excel.run(async (context) => {
      const markCount = queueMarkCount(context);
      // Looked up with the sheet's read (no sync of its own); its values are read only when the sheet exists.
      const review = explanations.current ? undefined : queueHiddenSheetRead(context, REVIEW_SHEET_NAME);
      const grid = await readActiveSheetGrid(context, { mergedAreas });
      const marks = await markCount();
      if (review) explanations.current = reviewStoreOfGrid(await review()).explanations;
      return { grid, marks };
    });
    const next = await engine().checkGrid(grid, explanations.current);
    setReport(next);
    setMarkedCount(marks);
    onReportRef.current?.(next);
  }, [excel, engine]);

  const check = useCallback(() => perform("check", readAndCheck), [perform, readAndCheck]);

  const select = useCallback(
    (finding: Finding) => {
      // Selecting is quick and should not block the list: errors still show, no busy state.
      excel.run((context) => selectCell(context, finding.sheet, finding.cell)).catch((e) => setError(shownError(e)));
    },
    [excel],
  );

  const mark = useCallback(
    () =>
      perform("mark", async () => {
        if (!report) return;
        // Marks follow the current findings: cells no longer flagged lose their mark.
        setMarkedCount(await excel.run((context) => markCells(context, report.findings, [report.sheet])));
      }),
    [excel, perform, report],
  );

  const unmark = useCallback(
    () =>
      perform("unmark", async () => {
        const sheet = report?.sheet;
        await excel.run((context) => unmarkCells(context, sheet));
        setMarkedCount(0);
      }),
    [excel, perform, report],
  );

  const write = useCallback(
    (writes: ProposedWrite[]) =>
      perform("compute", async () => {
        if (writes.length === 0) {
          setInfo(t.computeNothing);
          return;
        }
        await excel.run((context) => writeCells(context, writes));
        await readAndCheck();
        setInfo(t.computeDone(writes.length));
      }),
    [excel, perform, readAndCheck, t],
  );

  const explain = useCallback(
    (finding: Finding, text: string) =>
      perform("explain", async () => {
        const change = explanationChange(report ? [report] : [], finding, text);
        if (!change) return;
        // Read afresh before writing: the sheet also holds Tình trạng nộp and records of other layouts.
        const stored = await excel.run(async (context) => {
          const store = reviewStoreOfGrid(await readHiddenSheet(context, REVIEW_SHEET_NAME));
          const list =
            "text" in change
              ? upsertExplanation(store.explanations, change)
              : removeExplanation(store.explanations, change);
          await writeVeryHiddenSheet(context, REVIEW_SHEET_NAME, reviewSheetRows({ ...store, explanations: list }));
          return list;
        });
        explanations.current = stored;
        await readAndCheck();
        setInfo(t.explainSavedExcel);
      }),
    [excel, perform, readAndCheck, report, t],
  );

  const compute = useCallback(() => {
    const plan = report?.plan;
    if (!plan) return;
    if (plan.replace.length > 0) {
      setPendingFill(plan.fill);
      setPendingReplace(plan.replace);
    } else void write(plan.fill);
  }, [report, write]);

  const onReplaceChoice = useCallback(
    (choice: ReplaceChoice) => {
      const replace = pendingReplace ?? [];
      setPendingReplace(undefined);
      if (choice === "cancel") return;
      void write(choice === "replace" ? [...pendingFill, ...replace] : pendingFill);
    },
    [pendingFill, pendingReplace, write],
  );

  const checkedWith = useRef(referencesVersion);
  useEffect(() => {
    if (checkedWith.current === referencesVersion) return;
    checkedWith.current = referencesVersion;
    void check();
  }, [referencesVersion, check]);

  // Check on open, then again (debounced) whenever the workbook changes or another sheet is activated.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stop: (() => Promise<void>) | undefined;
    let closed = false;
    void check();
    excel
      .watchSheets(() => {
        clearTimeout(timer);
        timer = setTimeout(() => void check(), RECHECK_DELAY_MS);
      })
      .then(
        (s) => (closed ? void s() : (stop = s)),
        (e) => setError(shownError(e)),
      );
    return () => {
      closed = true;
      clearTimeout(timer);
      void stop?.();
    };
  }, [excel, check]);

  return {
    reports: report ? [report] : [],
    actions: { check, select, mark, unmark, compute, explain },
    busy,
    error,
    onDismissError: () => setError(undefined),
    info,
    markedCount,
    pendingReplace,
    onReplaceChoice,
  };
}
