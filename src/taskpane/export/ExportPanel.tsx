/**
 * **Xuất file nộp**: checks first; when errors remain, a dialog says how many and which, with
 * **Hủy** and **Vẫn xuất**; then the file is built and delivered (a new workbook in Excel, a
 * download in the browser — the caller's `onExport` decides). Props-driven: no host calls here.
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
import { useState, type ReactNode } from "react";
import { userMessage } from "../../engine/errors";
import type { Finding } from "../../engine/finding";
import type { Settings } from "../../engine/settings";
import { ExportSettingsForm } from "./ExportSettingsForm";

/** How many errors the dialog lists before "… và N lỗi khác". */
export const DIALOG_LIST_LIMIT = 12;

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
  /** Shown above the button: the host's source picker, warnings. */
  children?: ReactNode;
}

type Status =
  { kind: "idle" } | { kind: "busy"; text: string } | { kind: "done"; text: string } | { kind: "failed"; text: string };

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
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const [pendingErrors, setPendingErrors] = useState<Finding[]>();

  const deliver = async () => {
    setPendingErrors(undefined);
    setStatus({ kind: "busy", text: "Đang tạo file nộp…" });
    try {
      const fileName = await onExport(settings);
      const where = delivery === "excel" ? "đã mở thành sổ làm việc mới, hãy lưu lại" : "đã tải về";
      setStatus({ kind: "done", text: `Đã xuất ${fileName} (${where}).` });
    } catch (error) {
      setStatus({ kind: "failed", text: userMessage(error) });
    }
  };

  const start = async () => {
    setStatus({ kind: "busy", text: "Đang kiểm tra trước khi xuất…" });
    let errors: Finding[];
    try {
      errors = await onCheck(settings);
    } catch (error) {
      setStatus({ kind: "failed", text: userMessage(error) });
      return;
    }
    if (errors.length) {
      setStatus({ kind: "idle" });
      setPendingErrors(errors);
    } else await deliver();
  };

  const busy = status.kind === "busy";
  const shown = pendingErrors?.slice(0, DIALOG_LIST_LIMIT) ?? [];
  const more = (pendingErrors?.length ?? 0) - shown.length;

  return (
    <div className={styles.panel}>
      <Text>
        Tạo file .xlsx chỉ gồm các Phụ lục tổng hợp: tổng là công thức, phông Times New Roman, khối tiêu đề theo Nghị
        định 30/2020/NĐ-CP, khổ A4 ngang.
      </Text>
      {children}
      <Button appearance="primary" onClick={() => void start()} disabled={busy || unavailable !== undefined}>
        Xuất file nộp
      </Button>
      {unavailable && <Caption1>{unavailable}</Caption1>}
      {busy && <Spinner size="tiny" label={status.text} />}
      {status.kind === "done" && (
        <MessageBar intent="success">
          <MessageBarBody>{status.text}</MessageBarBody>
        </MessageBar>
      )}
      {status.kind === "failed" && (
        <MessageBar intent="error">
          <MessageBarBody>{status.text}</MessageBarBody>
        </MessageBar>
      )}

      <Dialog open={pendingErrors !== undefined} onOpenChange={(_, data) => !data.open && setPendingErrors(undefined)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Còn {pendingErrors?.length} lỗi trong các Phụ lục</DialogTitle>
            <DialogContent>
              <Text>File nộp sẽ mang các lỗi này. Nên sửa trước khi xuất.</Text>
              <ul className={styles.list}>
                {shown.map((f, i) => (
                  <li key={`${f.sheet}!${f.cell}:${f.rule}:${i}`}>
                    <b>
                      {f.sheet}!{f.cell}
                    </b>
                    : {f.message}
                  </li>
                ))}
              </ul>
              {more > 0 && <Text>… và {more} lỗi khác.</Text>}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => setPendingErrors(undefined)}>
                Hủy
              </Button>
              <Button appearance="primary" onClick={() => void deliver()}>
                Vẫn xuất
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>

      <Text weight="semibold">Thông tin tiêu đề (nhập một lần, lưu cùng tài liệu)</Text>
      <ExportSettingsForm settings={settings} onSave={onSaveSettings} />
    </div>
  );
}
