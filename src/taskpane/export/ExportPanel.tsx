/**
 * **Xuất file nộp**: the header form, then the button. What is on screen is what is exported: the draft is
 * saved as it is typed (after a short pause) and again, at once, when the export starts. The export checks
 * first; when errors remain, a dialog says how many and which, with **Hủy** and **Vẫn xuất**; then the file is
 * built and delivered (a new workbook in Excel, a download in the browser — the caller's `onExport` decides).
 * Props-driven: no host calls here.
 */
import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useRef, useState, type ReactNode } from "react";
import type { Finding } from "../../engine/finding";
import type { Settings } from "../../engine/settings";
import { useStrings } from "../i18n";
import { shownError, type Bilingual } from "../shownError";
import { ExportSettingsForm, type SettingsDraft } from "./ExportSettingsForm";
import { draftOf, settingsOf } from "./settingsDraft";

/** How many errors the dialog lists before "… và N lỗi khác". */
export const DIALOG_LIST_LIMIT = 12;
/** Typing pause after which the draft is saved. */
export const SAVE_DELAY_MS = 600;

export interface ExportPanelProps {
  settings: Settings;
  onSaveSettings(settings: Settings): Promise<void>;
  /** Checks the sheets to be submitted: the error-level findings left. */
  onCheck(settings: Settings): Promise<Finding[]>;
  /** Builds and delivers the submission file; returns its file name. */
  onExport(settings: Settings): Promise<string>;
  /** Where the file goes, said on the button's hint: a new Excel workbook or a download. */
  delivery: "excel" | "download";
  /** Why the export cannot start yet (no file chosen); the button is disabled and this is shown. */
  unavailable?: string;
  /** Shown above the form: the host's source picker, warnings. */
  children?: ReactNode;
}

type Status =
  | { kind: "idle" }
  | { kind: "busy"; text: "checking" | "building" }
  | { kind: "done"; fileName: string }
  | { kind: "failed"; error: Bilingual };

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, maxHeight: "40vh", overflowY: "auto" },
});

export function ExportPanel({
  settings,
  onSaveSettings,
  onCheck,
  onExport,
  delivery,
  unavailable,
  children,
}: ExportPanelProps) {
  const styles = useStyles();
  const { lang, t } = useStrings();
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(settings));
  const [problem, setProblem] = useState<Bilingual>();
  const [saved, setSaved] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const [pendingErrors, setPendingErrors] = useState<Finding[]>();
  const [checked, setChecked] = useState<Settings>();
  const saveTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(saveTimer.current), []);

  /** The draft as settings, saved; undefined (and the problem shown) when it is malformed. */
  const save = async (typed: SettingsDraft): Promise<Settings | undefined> => {
    clearTimeout(saveTimer.current);
    let next: Settings;
    try {
      next = settingsOf(typed);
    } catch (error) {
      setProblem(shownError(error));
      return undefined;
    }
    setProblem(undefined);
    await onSaveSettings(next);
    setSaved(true);
    return next;
  };

  const edit = (next: SettingsDraft) => {
    setDraft(next);
    setSaved(false);
    clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => save(next).catch((e) => setProblem(shownError(e))), SAVE_DELAY_MS);
  };

  const deliver = async (current: Settings) => {
    setPendingErrors(undefined);
    setStatus({ kind: "busy", text: "building" });
    try {
      setStatus({ kind: "done", fileName: await onExport(current) });
    } catch (error) {
      setStatus({ kind: "failed", error: shownError(error) });
    }
  };

  const start = async () => {
    setStatus({ kind: "busy", text: "checking" });
    let errors: Finding[];
    let current: Settings | undefined;
    try {
      current = await save(draft);
      if (!current) return setStatus({ kind: "idle" });
      errors = await onCheck(current);
    } catch (error) {
      setStatus({ kind: "failed", error: shownError(error) });
      return;
    }
    if (errors.length) {
      setStatus({ kind: "idle" });
      setChecked(current);
      setPendingErrors(errors);
    } else await deliver(current);
  };

  const busy = status.kind === "busy";
  const shown = pendingErrors?.slice(0, DIALOG_LIST_LIMIT) ?? [];
  const more = (pendingErrors?.length ?? 0) - shown.length;

  return (
    <div className={styles.panel}>
      <Text>{t.exportIntro}</Text>
      {children}
      <Text weight="semibold" as="h2">
        {t.exportHeaderTitle}
      </Text>
      <ExportSettingsForm draft={draft} onChange={edit} problem={problem?.[lang]} />
      <Caption1 aria-live="polite">{saved ? t.exportSaved : ""}</Caption1>
      <Button appearance="primary" onClick={() => void start()} disabled={busy || unavailable !== undefined}>
        {t.exportButton}
      </Button>
      {unavailable && <Caption1>{unavailable}</Caption1>}
      {busy && <Spinner size="tiny" label={status.text === "checking" ? t.exportChecking : t.exportBuilding} />}
      {status.kind === "done" && (
        <MessageBar intent="success">
          <MessageBarBody>{t.exportDone(status.fileName, delivery)}</MessageBarBody>
        </MessageBar>
      )}
      {status.kind === "failed" && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{status.error[lang]}</MessageBarBody>
        </MessageBar>
      )}

      <Dialog open={pendingErrors !== undefined} onOpenChange={(_, data) => !data.open && setPendingErrors(undefined)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t.exportErrorsTitle(pendingErrors?.length ?? 0)}</DialogTitle>
            <DialogContent>
              <Text>{t.exportErrorsBody}</Text>
              <ul className={styles.list}>
                {shown.map((f, i) => (
                  <li key={`${f.sheet}!${f.cell}:${f.rule}:${i}`}>
                    <b>
                      {f.sheet}!{f.cell}
                    </b>
                    : {lang === "vi" ? f.message : f.messageEn}
                  </li>
                ))}
              </ul>
              {more > 0 && <Text>{t.exportErrorsMore(more)}</Text>}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => setPendingErrors(undefined)}>
                {t.cancel}
              </Button>
              <Button appearance="primary" onClick={() => checked && void deliver(checked)}>
                {t.exportAnyway}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
