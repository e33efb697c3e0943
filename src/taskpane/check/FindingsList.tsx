/** Findings grouped by severity, filterable by rule; a click selects the finding (and its cell, in Excel). */
import {
  Badge,
  Button,
  Caption1,
  Field,
  Select,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { Finding, RuleId, Severity } from "../../engine/finding";
import { enNumber, vnNumber } from "../../engine/messages";
import { ruleLabel, useStrings, type Lang } from "../i18n";

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", gap: "4px", marginTop: "8px" },
  groupTitle: { display: "flex", alignItems: "center", gap: "6px" },
  item: {
    display: "flex",
    flexDirection: "column",
    alignItems: "stretch",
    textAlign: "left",
    gap: "2px",
    width: "100%",
    height: "auto",
    padding: "6px 8px",
    justifyContent: "flex-start",
    fontWeight: tokens.fontWeightRegular,
  },
  selected: { backgroundColor: tokens.colorBrandBackground2, boxShadow: `inset 3px 0 0 ${tokens.colorBrandStroke1}` },
  head: { display: "flex", gap: "6px", alignItems: "center", flexWrap: "wrap" },
  detail: { color: tokens.colorNeutralForeground2 },
});

const SEVERITIES: Severity[] = ["error", "warning", "info"];
const BADGE_COLOR = { error: "danger", warning: "warning", info: "informative" } as const;

/** Findings shown per group at first (and added per "show more"): a sheet with thousands stays responsive. */
export const PAGE_SIZE = 200;

/** A figure of the detail line, written as the finding's message in that language writes it. */
function shown(value: number | string | null | undefined, lang: Lang): string {
  if (value === null || value === undefined) return "—";
  if (typeof value !== "number") return value;
  return lang === "vi" ? vnNumber(value) : enNumber(value);
}

export interface FindingsListProps {
  findings: Finding[];
  /** Called with the clicked finding (the pane selects its cell in Excel). */
  onSelect?: (finding: Finding) => void;
}

export function FindingsList({ findings, onSelect }: FindingsListProps) {
  const styles = useStyles();
  const { lang, t } = useStrings();
  const [rule, setRule] = useState<RuleId | "">("");
  const [selected, setSelected] = useState<Finding | undefined>();
  const [limit, setLimit] = useState<Record<Severity, number>>({
    error: PAGE_SIZE,
    warning: PAGE_SIZE,
    info: PAGE_SIZE,
  });
  const rules = useMemo(() => [...new Set(findings.map((f) => f.rule))].sort(), [findings]);
  const visible = rule ? findings.filter((f) => f.rule === rule) : findings;

  const choose = (finding: Finding) => {
    setSelected(finding);
    onSelect?.(finding);
  };

  return (
    <div>
      {rules.length > 1 && (
        <Field label={t.filterRule}>
          <Select value={rule} onChange={(_, data) => setRule(data.value as RuleId | "")}>
            <option value="">{t.allRules}</option>
            {rules.map((r) => (
              <option key={r} value={r}>
                {ruleLabel(r, lang)} ({findings.filter((f) => f.rule === r).length})
              </option>
            ))}
          </Select>
        </Field>
      )}
      {SEVERITIES.map((severity) => {
        const group = visible.filter((f) => f.severity === severity);
        if (group.length === 0) return null;
        const title = { error: t.groupError, warning: t.groupWarning, info: t.groupInfo }[severity];
        return (
          <section key={severity} className={styles.group} aria-label={title}>
            <div className={styles.groupTitle}>
              <Text weight="semibold">{title}</Text>
              <Badge appearance="filled" color={BADGE_COLOR[severity]}>
                {group.length}
              </Badge>
            </div>
            {group.slice(0, limit[severity]).map((f) => {
              const isSelected = selected === f;
              // Unsigned, as the message says it: "(chênh lệch 500)".
              const difference =
                typeof f.expected === "number" && typeof f.actual === "number"
                  ? Math.abs(f.actual - f.expected)
                  : undefined;
              return (
                <Button
                  key={`${f.sheet}!${f.cell}:${f.rule}:${f.message}`}
                  className={mergeClasses(styles.item, isSelected && styles.selected)}
                  appearance="outline"
                  aria-current={isSelected ? "true" : undefined}
                  title={onSelect ? t.goToCell : undefined}
                  onClick={() => choose(f)}
                >
                  <span className={styles.head}>
                    <Badge appearance="tint" color={BADGE_COLOR[severity]}>
                      {f.cell}
                    </Badge>
                    <Caption1>{ruleLabel(f.rule, lang)}</Caption1>
                  </span>
                  <Text>{lang === "vi" ? f.message : f.messageEn}</Text>
                  {isSelected && (f.expected !== undefined || f.actual !== undefined) && (
                    <Caption1 className={styles.detail}>
                      {t.expected}: {shown(f.expected, lang)} · {t.actual}: {shown(f.actual, lang)}
                      {difference !== undefined && ` · ${t.difference}: ${shown(difference, lang)}`}
                    </Caption1>
                  )}
                </Button>
              );
            })}
            {group.length > limit[severity] && (
              <Button
                appearance="subtle"
                onClick={() => setLimit((l) => ({ ...l, [severity]: l[severity] + PAGE_SIZE }))}
              >
                {t.showMore(group.length - limit[severity])}
              </Button>
            )}
          </section>
        );
      })}
    </div>
  );
}
