/**
 * The Kiểm tra tab, the same in Excel and in file mode: actions, busy state, errors, and per sheet the recognised
 * template, a summary, notes, the findings list and the attainment chart. It only shows what it is given and
 * calls the actions it receives; reading, checking and writing happen in its container.
 */
import {
  Badge,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Divider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  Subtitle2,
  Text,
  makeStyles,
} from "@fluentui/react-components";
import { useEffect, useRef, useState, type ReactNode } from "react";
import type { Finding } from "../../engine/finding";
import { formatVietnameseNumber } from "../../engine/parse/number";
import { templateById } from "../../engine/templates";
import { NotesBar } from "./NotesBar";
import { useStrings, type Strings } from "../i18n";
import type { Bilingual } from "../shownError";
import { AttainmentChart } from "./AttainmentChart";
import type { ProposedWrite } from "./attainment";
import { findingId, type CheckedSheet } from "./checkedSheet";
import type { CheckProgress } from "./checkWork";
import { FindingCard } from "./FindingCard";
import { FindingsList } from "./FindingsList";

export type BusyAction = "check" | "read" | "mark" | "unmark" | "compute" | "explain";

export type ReplaceChoice = "replace" | "fill-only" | "cancel";

export interface CheckActions {
  check?: () => void;
  select?: (finding: Finding) => void;
  mark?: () => void;
  unmark?: () => void;
  compute?: () => void;
  /** Stores a finding's giải trình in the workbook (empty text: removes it). */
  explain?: (finding: Finding, text: string) => void;
}

export interface CheckPanelProps {
  reports: CheckedSheet[];
  actions: CheckActions;
  busy?: BusyAction;
  /** How far a check has got (file mode: reading, then sheet k of n). */
  progress?: CheckProgress;
  error?: Bilingual;
  /** Changes when the user loaded something: the results then take the focus (never on Excel's own re-checks). */
  focusResults?: number;
  onDismissError?: () => void;
  /** A plain outcome to show (e.g. "Đã điền 4 ô."). */
  info?: string;
  /** Cells currently marked in the workbook (enables Bỏ đánh dấu, also after reopening). */
  markedCount?: number;
  /** Typed values the computation would replace: the pane asks before writing them. */
  pendingReplace?: ProposedWrite[];
  onReplaceChoice?: (choice: ReplaceChoice) => void;
  /** Content above the reports (file picker, host notice). */
  children?: ReactNode;
}

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: "10px" },
  toolbar: { display: "flex", flexWrap: "wrap", gap: "6px" },
  summary: { display: "flex", flexWrap: "wrap", gap: "6px", alignItems: "center" },
  report: { display: "flex", flexDirection: "column", gap: "6px" },
  replaceList: { margin: "6px 0 0", paddingLeft: "18px", maxHeight: "160px", overflowY: "auto" },
});

/** A proposed value as the cell will show it (shares as percent, Vietnamese separators). */
function shownValue(w: ProposedWrite): string {
  if (typeof w.value !== "number") return w.value;
  return w.numberFormat?.includes("%") ? `${formatVietnameseNumber(w.value * 100)}%` : formatVietnameseNumber(w.value);
}

function busyText(busy: BusyAction, progress: CheckProgress | undefined, t: Strings): string {
  if (progress?.stage === "checking") return t.checkingSheet(progress.done + 1, progress.total);
  return {
    check: t.checking,
    read: t.reading,
    mark: t.marking,
    unmark: t.unmarking,
    compute: t.computing,
    explain: t.explaining,
  }[busy];
}

interface ReportViewProps {
  report: CheckedSheet;
  onSelect?: (f: Finding) => void;
  onExplain?: (f: Finding, text: string) => void;
  busy: boolean;
}

function ReportView({ report, onSelect, onExplain, busy }: ReportViewProps) {
  const styles = useStyles();
  const { lang, t } = useStrings();
  // Kept by identity, not object: after a re-check (a giải trình saved) the card shows the finding as it is now.
  const [chosenId, setChosenId] = useState<string | undefined>();
  const chosen = chosenId === undefined ? undefined : report.findings.find((f) => findingId(f) === chosenId);
  const errors = report.findings.filter((f) => f.severity === "error").length;
  const warnings = report.findings.length - errors;
  const template = report.template ? templateById(report.template) : undefined;
  const choose = (finding: Finding) => {
    setChosenId(findingId(finding));
    onSelect?.(finding);
  };
  return (
    <section className={styles.report} aria-label={`${t.sheet} ${report.sheet}`}>
      <Subtitle2 as="h2">
        {t.sheet}: {report.sheet}
      </Subtitle2>
      <div className={styles.summary}>
        <Caption1>{t.template}:</Caption1>
        <Text weight="semibold">{template ? (lang === "vi" ? template.nameVi : template.nameEn) : t.noTemplate}</Text>
      </div>
      <div className={styles.summary}>
        {report.findings.length === 0 ? (
          <Badge appearance="filled" color="success">
            {t.allOk}
          </Badge>
        ) : (
          <>
            <Badge appearance="filled" color="danger">
              {t.errors(errors)}
            </Badge>
            <Badge appearance="filled" color="warning">
              {t.warnings(warnings)}
            </Badge>
          </>
        )}
      </div>
      <NotesBar notes={report.notes} />
      {report.findings.length > 0 && (
        <FindingsList
          findings={report.findings}
          selected={chosen}
          onChoose={choose}
          rowTitle={onSelect ? t.goToCell : undefined}
        >
          {chosen && (
            <FindingCard
              finding={chosen}
              inExcel={onSelect !== undefined}
              onExplain={onExplain && ((text) => onExplain(chosen, text))}
              explainable={report.explainable[findingId(chosen)] !== undefined}
              busy={busy}
            />
          )}
        </FindingsList>
      )}
      {report.chart && (
        <>
          <Subtitle2 as="h3">{t.chartTitle}</Subtitle2>
          <AttainmentChart summary={report.chart} />
        </>
      )}
    </section>
  );
}

export function CheckPanel(props: CheckPanelProps) {
  const { reports, actions, busy, progress, error, info, markedCount = 0, pendingReplace, children } = props;
  const styles = useStyles();
  const { lang, t } = useStrings();
  const idle = busy === undefined;
  const results = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (props.focusResults) results.current?.focus();
  }, [props.focusResults]);
  return (
    <div className={styles.panel}>
      {(actions.check || actions.mark || actions.compute) && (
        <div className={styles.toolbar}>
          {actions.check && (
            <Button appearance="primary" disabled={!idle} onClick={actions.check}>
              {t.check}
            </Button>
          )}
          {actions.mark && (
            <Button disabled={!idle || !reports.some((r) => r.findings.length > 0)} onClick={actions.mark}>
              {t.mark}
            </Button>
          )}
          {actions.unmark && (
            <Button disabled={!idle || markedCount === 0} onClick={actions.unmark}>
              {t.unmark}
            </Button>
          )}
          {actions.compute && (
            <Button disabled={!idle || !reports.some((r) => r.hasTable)} onClick={actions.compute}>
              {t.compute}
            </Button>
          )}
        </div>
      )}
      {markedCount > 0 && <Caption1>{t.markedCount(markedCount)}</Caption1>}
      {children}
      {busy && (
        <div role="status" aria-live="polite">
          <Spinner size="tiny" label={busyText(busy, progress, t)} />
          <ProgressBar
            thickness="medium"
            aria-label={busyText(busy, progress, t)}
            value={progress?.stage === "checking" ? (progress.done + 0.5) / progress.total : undefined}
          />
        </div>
      )}
      {error && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t.errorTitle}</MessageBarTitle>
            {error[lang]}
          </MessageBarBody>
          {props.onDismissError && (
            <MessageBarActions>
              <Button size="small" onClick={props.onDismissError}>
                {t.dismiss}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      {info && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{info}</MessageBarBody>
        </MessageBar>
      )}
      <div ref={results} tabIndex={-1} aria-label={t.results} role="region" className={styles.report}>
        {reports.map((report, i) => (
          <div key={`${report.sheet}:${i}`}>
            {i > 0 && <Divider />}
            <ReportView
              report={report}
              onSelect={actions.select}
              onExplain={actions.explain}
              busy={busy !== undefined}
            />
          </div>
        ))}
      </div>
      <Dialog open={Boolean(pendingReplace?.length)} modalType="alert">
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t.replaceTitle}</DialogTitle>
            <DialogContent>
              {t.replaceBody(pendingReplace?.length ?? 0)}
              <ul className={styles.replaceList}>
                {pendingReplace?.map((w) => (
                  <li key={w.address}>
                    {w.address}: “{w.current}” → “{shownValue(w)}”
                  </li>
                ))}
              </ul>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => props.onReplaceChoice?.("replace")}>
                {t.replaceYes}
              </Button>
              <Button onClick={() => props.onReplaceChoice?.("fill-only")}>{t.fillEmptyOnly}</Button>
              <Button onClick={() => props.onReplaceChoice?.("cancel")}>{t.cancel}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
