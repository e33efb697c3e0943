/**
 * Picking the approved plan and the previous period's workbook the checks answer to (spec §9): one row per
 * reference with the file in use, a button to pick (or change) it and one to stop using it. Shows what it is
 * given and calls what it receives (useReferences does the reading and remembering).
 */
import { Button, Caption1, MessageBar, MessageBarBody, Spinner, makeStyles } from "@fluentui/react-components";
import { useRef } from "react";
import { useStrings } from "../i18n";
import type { ReferenceRole, ReferencesState } from "./useReferences";

const useStyles = makeStyles({
  row: { display: "flex", alignItems: "center", gap: "8px", flexWrap: "wrap" },
});

function PickerRow({ role, state }: { role: ReferenceRole; state: ReferencesState }) {
  const { t } = useStrings();
  const input = useRef<HTMLInputElement>(null);
  const styles = useStyles();
  const name = state.names[role];
  const label = t.referenceRole[role];
  return (
    <div className={styles.row}>
      <Caption1 data-testid={`reference-${role}`}>
        {label}: {name ?? t.referenceNone}
      </Caption1>
      <Button size="small" disabled={state.busy} onClick={() => input.current?.click()}>
        {name ? t.referenceChange : t.referencePick}
      </Button>
      {name && (
        <Button
          size="small"
          appearance="subtle"
          disabled={state.busy}
          aria-label={`${t.referenceRemove}: ${label}`}
          onClick={() => void state.clear(role)}
        >
          {t.referenceRemove}
        </Button>
      )}
      <input
        ref={input}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label={label}
        data-testid={`pick-${role}`}
        hidden
        onChange={(e) => {
          const chosen = e.target.files?.[0];
          e.target.value = "";
          if (chosen) void state.pick(role, chosen);
        }}
      />
    </div>
  );
}

export function ReferencePicker({ state }: { state: ReferencesState }) {
  const { t, lang } = useStrings();
  return (
    <div role="group" aria-label={t.referencesTitle}>
      <PickerRow role="plan" state={state} />
      <PickerRow role="previous" state={state} />
      {state.busy && <Spinner size="tiny" label={t.reading} />}
      {state.error && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{state.error[lang]}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
