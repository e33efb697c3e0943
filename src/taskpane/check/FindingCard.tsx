/**
 * The chosen finding in full: its message, the figures with their unit (Đúng ra: 90 % · Đang ghi: 95 %), and
 * — outside Excel, where a click cannot select the cell — how to reach the cell in Excel.
 */
import { Caption1, Card, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Finding } from "../../engine/finding";
import { enNumber, vnNumber } from "../../engine/messages";
import { ruleLabel, useStrings, type Lang } from "../i18n";

const useStyles = makeStyles({
  card: { marginTop: "8px", gap: "4px" },
  detail: { color: tokens.colorNeutralForeground2 },
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
}

export function FindingCard({ finding: f, inExcel }: FindingCardProps) {
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
    </Card>
  );
}
