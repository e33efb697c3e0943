/** The Kiểm tra tab in a plain browser: says so, and checks an .xlsx the user opens. */
import { Button, Caption1, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { useRef } from "react";
import { CheckPanel } from "../check/CheckPanel";
import { NotesBar } from "../check/NotesBar";
import { useStrings } from "../i18n";
import { usePane } from "../PaneContext";
import { ReferencePicker } from "../references/ReferencePicker";
import { localReferenceStore, useReferences } from "../references/useReferences";
import { checkEngine, type CheckEngine } from "../check/checkClient";
import { useFileCheck } from "./useFileCheck";

/** Outside Excel there is no workbook to remember the plan in: the browser remembers it. */
const referenceStore = localReferenceStore();

export function FileCheck({ engine = checkEngine }: { engine?: () => CheckEngine }) {
  const { t } = useStrings();
  const { setReports } = usePane();
  const references = useReferences(referenceStore, engine);
  const file = useFileCheck(setReports, engine, references.version);
  const input = useRef<HTMLInputElement>(null);
  return (
    <CheckPanel
      reports={file.reports}
      actions={{ explain: (finding, text) => void file.explain(finding, text) }}
      info={file.explainedCopy && t.explainSavedFile(file.explainedCopy)}
      busy={file.busy}
      progress={file.progress}
      error={file.error}
      focusResults={file.loaded}
      onDismissError={file.dismissError}
    >
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t.notInExcel}</MessageBarTitle>
          {t.notInExcelHint}
        </MessageBarBody>
      </MessageBar>
      <div>
        <Button appearance="primary" disabled={file.busy !== undefined} onClick={() => input.current?.click()}>
          {t.openFile}
        </Button>
        <input
          ref={input}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label={t.openFile}
          data-testid="open-file"
          hidden
          onChange={(e) => {
            const chosen = e.target.files?.[0];
            e.target.value = "";
            if (chosen) void file.open(chosen);
          }}
        />
      </div>
      <ReferencePicker state={references} />
      {file.fileName && (
        <Caption1>
          {t.fileLabel}: {file.fileName}
        </Caption1>
      )}
      <NotesBar notes={file.notes} />
      {file.fileName && file.reports.length === 0 && <Caption1>{t.noSheets}</Caption1>}
    </CheckPanel>
  );
}
