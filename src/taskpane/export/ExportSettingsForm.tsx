/**
 * The header texts of the submission file as the user types them. The form only edits; ExportPanel owns the
 * draft, saves it as typed and exports exactly what is on screen.
 */
import { Field, Input, MessageBar, MessageBarBody, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { useStrings } from "../i18n";

export type TextField =
  "coQuanChuQuan" | "coQuanBanHanh" | "soKyHieu" | "diaDanh" | "kyBaoCao" | "tenVietTat" | "vanBanKemTheo";

const FIELDS: TextField[] = [
  "coQuanChuQuan",
  "coQuanBanHanh",
  "soKyHieu",
  "diaDanh",
  "kyBaoCao",
  "tenVietTat",
  "vanBanKemTheo",
];

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

/** The draft as typed: the settings' texts, the date as dd/mm/yyyy, the units as lines. */
export interface SettingsDraft {
  fields: Record<TextField, string>;
  date: string;
  unitsText: string;
}

export interface ExportSettingsFormProps {
  draft: SettingsDraft;
  onChange(draft: SettingsDraft): void;
  /** Why the draft cannot be used as it is (a malformed date or units line). */
  problem?: string;
}

export function ExportSettingsForm({ draft, onChange, problem }: ExportSettingsFormProps) {
  const styles = useStyles();
  const { t } = useStrings();
  return (
    <div className={styles.form}>
      {FIELDS.map((key) => {
        const { label, hint } = t.exportFields[key];
        return (
          <Field key={key} label={label} hint={hint}>
            <Input
              value={draft.fields[key]}
              onChange={(_, data) => onChange({ ...draft, fields: { ...draft.fields, [key]: data.value } })}
            />
          </Field>
        );
      })}
      <Field label={t.exportDate} hint={t.exportDateHint}>
        <Input
          value={draft.date}
          placeholder="dd/mm/yyyy"
          inputMode="numeric"
          onChange={(_, data) => onChange({ ...draft, date: data.value })}
        />
      </Field>
      <Field label={t.exportUnits} hint={t.exportUnitsHint}>
        <Textarea
          value={draft.unitsText}
          resize="vertical"
          rows={6}
          onChange={(_, data) => onChange({ ...draft, unitsText: data.value })}
        />
      </Field>
      {problem && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
