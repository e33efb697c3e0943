/**
 * The chosen finding in full: its message, the figures with their unit (Đúng ra: 90 % · Đang ghi: 95 %), and
 * — outside Excel, where a click cannot select the cell — how to reach the cell in Excel.
 */
import { Button, Caption1, Card, Field, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Finding } from "../../engine/finding";
import { enNumber, vnNumber } from "../../engine/messages";
import { ruleLabel, useStrings, type Lang } from "../i18n";

const useStyles = makeStyles({
  card: { marginTop: "8px", gap: "4px" },
  detail: { color: tokens.colorNeutralForeground2 },
  explainRow: { display: "flex", gap: "6px", flexWrap: "wrap" },
});

const MONEY = {
  vi: { 1: "đồng", 1e3: "nghìn đồng", 1e6: "triệu đồng", 1e9: "tỷ đồng" },
  en: { 1: "VND", 1e3: "thousand VND", 1e6: "million VND", 1e9: "billion VND" },
} as Record<Lang, Record<number, string>>;

/** The unit the engine gave the finding's figures, in words: %, or the sheet's money unit (Đvt). */
export function findingUnit(finding: Finding, lang: Lang): string | undefined {
  const unit = finding.params.figureUnit;
  if (!unit) return undefined;
  return unit.kind === "percent" ? "%" : MONEY[lang][unit.scale];
}

function shown(value: number | string | null | undefined, unit: string | undefined, lang: Lang): string {
  if (value === null || value === undefined) return "—";
  if (typeof value !== "number") return value;
  const number = lang === "vi" ? vnNumber(value) : enNumber(value);
  if (!unit) return number;
  return unit === "%" ? `${number} %` : `${number} ${unit}`;
}

export interface FindingCardProps {
  finding: Finding;
  /** True in Excel, where choosing a finding selects its cell: no directions needed. */
  inExcel: boolean;
  /**
   * Stores the finding's giải trình (empty text: removes it); absent where the pane cannot store one. Only a
   * finding on an indicator row can be explained (`explainable`).
   */
  onExplain?: (text: string) => void;
  explainable?: boolean;
  /** An action is running: the explanation cannot be saved meanwhile. */
  busy?: boolean;
}

function ExplainForm({ initial, onSave, busy }: { initial: string; onSave: (text: string) => void; busy: boolean }) {
  const { t } = useStrings();
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState(initial);
  if (!open) {
    return (
      <div className={styles.explainRow}>
        <Button size="small" onClick={() => setOpen(true)}>
          {initial ? t.explainEdit : t.explain}
        </Button>
      </div>
    );
  }
  return (
    <>
      <Field label={t.explainLabel} hint={initial ? t.explainHint : undefined}>
        <Textarea value={text} onChange={(_, data) => setText(data.value)} resize="vertical" />
      </Field>
      <div className={styles.explainRow}>
        <Button
          size="small"
          appearance="primary"
          disabled={busy || (!initial && !text.trim())}
          onClick={() => {
            onSave(text.trim());
            setOpen(false);
          }}
        >
          {t.explainSave}
        </Button>
        <Button size="small" onClick={() => setOpen(false)}>
          {t.cancel}
        </Button>
      </div>
    </>
  );
}

export function FindingCard({ finding: f, inExcel, onExplain, explainable, busy }: FindingCardProps) {
  const styles = useStyles();
  const { lang, t } = useStrings();
  const unit = findingUnit(f, lang);
  // Unsigned, as the message says it: "(chênh lệch 500)".
  const difference =
    typeof f.expected === "number" && typeof f.actual === "number" ? Math.abs(f.actual - f.expected) : undefined;
  return (
    <Card className={styles.card} appearance="filled-alternative" aria-label={t.chosenFinding} role="region">
      <Caption1>
        {ruleLabel(f.rule, lang)} · {f.sheet}!{f.cell}
      </Caption1>
      <Text>{lang === "vi" ? f.message : f.messageEn}</Text>
      {(f.expected !== undefined || f.actual !== undefined) && (
        <Caption1 className={styles.detail}>
          {t.expected}: {shown(f.expected, unit, lang)} · {t.actual}: {shown(f.actual, unit, lang)}
          {difference !== undefined && ` · ${t.difference}: ${shown(difference, unit, lang)}`}
        </Caption1>
      )}
      {!inExcel && <Caption1 className={styles.detail}>{t.reachCell(f.sheet, f.cell)}</Caption1>}
      {f.explanation && <Text weight="semibold">{t.explanationOf(f.explanation)}</Text>}
      {onExplain &&
        (explainable ? (
          // Keyed by the finding, so choosing another finding starts from its own text.
          <ExplainForm
            key={`${f.sheet}!${f.cell}|${f.rule}`}
            initial={f.explanation ?? ""}
            onSave={onExplain}
            busy={!!busy}
          />
        ) : (
          <Caption1 className={styles.detail}>{t.explainNotOnRow}</Caption1>
        ))}
    </Card>
  );
}
