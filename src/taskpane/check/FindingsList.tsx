/**
 * Findings, errors first, filterable by rule, in a virtualised list: only the rows in view (and a few around
 * them) are in the page, so a sheet with thousands of findings scrolls and filters at once. Rows have a fixed
 * height (a message is cut at three lines); a click selects the finding, and the card under the list gives it
 * in full with its figures and where the cell is.
 */
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
import { useLayoutEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { Finding, RuleId, Severity } from "../../engine/finding";
import { ruleLabel, useStrings } from "../i18n";

/** Height of a finding row and of a severity heading row, in px (the list positions rows by these). */
export const ROW_HEIGHT = 96;
export const HEADING_HEIGHT = 32;
/** The list scrolls within this height; shorter lists take only what they need. */
const VIEW_HEIGHT = 480;
/** Rows drawn beyond each edge of the view, so a fast scroll does not show blanks. */
const OVERSCAN = 4;

const useStyles = makeStyles({
  view: { position: "relative", overflowY: "auto", marginTop: "8px", maxHeight: `${VIEW_HEIGHT}px` },
  heading: {
    position: "absolute",
    left: 0,
    right: 0,
    height: `${HEADING_HEIGHT}px`,
    display: "flex",
    alignItems: "center",
    gap: "6px",
  },
  item: {
    position: "absolute",
    left: 0,
    right: 0,
    height: `${ROW_HEIGHT - 4}px`,
    display: "flex",
    flexDirection: "column",
    alignItems: "stretch",
    textAlign: "left",
    gap: "2px",
    padding: "6px 8px",
    justifyContent: "flex-start",
    overflow: "hidden",
    fontWeight: tokens.fontWeightRegular,
  },
  selected: { backgroundColor: tokens.colorBrandBackground2, boxShadow: `inset 3px 0 0 ${tokens.colorBrandStroke1}` },
  head: { display: "flex", gap: "6px", alignItems: "center", minWidth: 0 },
  rule: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  message: {
    display: "-webkit-box",
    WebkitLineClamp: "3",
    WebkitBoxOrient: "vertical",
    overflow: "hidden",
  },
});

const SEVERITIES: Severity[] = ["error", "warning", "info"];
const BADGE_COLOR = { error: "danger", warning: "warning", info: "informative" } as const;

type Row = { kind: "heading"; severity: Severity; count: number } | { kind: "finding"; finding: Finding };

/** Rows in list order with each one's top offset; the last offset is the list's full height. */
function layout(findings: Finding[]): { rows: Row[]; tops: number[] } {
  const rows: Row[] = [];
  const tops: number[] = [0];
  for (const severity of SEVERITIES) {
    const group = findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    rows.push({ kind: "heading", severity, count: group.length });
    tops.push(tops[tops.length - 1] + HEADING_HEIGHT);
    for (const finding of group) {
      rows.push({ kind: "finding", finding });
      tops.push(tops[tops.length - 1] + ROW_HEIGHT);
    }
  }
  return { rows, tops };
}

/** Index of the last row starting at or above `y`. */
function rowAt(tops: number[], y: number): number {
  let lo = 0;
  let hi = tops.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tops[mid] <= y) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo);
}

export interface FindingsListProps {
  findings: Finding[];
  /** The chosen finding (shown selected). */
  selected?: Finding;
  /** Called with the clicked finding. */
  onChoose: (finding: Finding) => void;
  /** Hint on each row (in Excel: the click selects the cell). */
  rowTitle?: string;
  /** Under the list: the chosen finding's card. */
  children?: ReactNode;
}

export function FindingsList({ findings, selected, onChoose, rowTitle, children }: FindingsListProps) {
  const styles = useStyles();
  const { lang, t } = useStrings();
  const [rule, setRule] = useState<RuleId | "">("");
  const [scrollTop, setScrollTop] = useState(0);
  const [viewHeight, setViewHeight] = useState(VIEW_HEIGHT);
  const view = useRef<HTMLDivElement>(null);
  const counts = useMemo(() => {
    const byRule = new Map<RuleId, number>();
    for (const f of findings) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
    return [...byRule].sort(([a], [b]) => (a < b ? -1 : 1));
  }, [findings]);
  const { rows, tops } = useMemo(
    () => layout(rule ? findings.filter((f) => f.rule === rule) : findings),
    [findings, rule],
  );

  useLayoutEffect(() => {
    // jsdom lays nothing out (0): keep the default so tests see the first rows.
    if (view.current?.clientHeight) setViewHeight(view.current.clientHeight);
  }, [rows]);

  const first = Math.max(0, rowAt(tops, scrollTop) - OVERSCAN);
  const last = Math.min(rows.length - 1, rowAt(tops, scrollTop + viewHeight) + OVERSCAN);

  return (
    <div>
      {counts.length > 1 && (
        <Field label={t.filterRule}>
          <Select
            value={rule}
            onChange={(_, data) => {
              setRule(data.value as RuleId | "");
              setScrollTop(0);
              if (view.current) view.current.scrollTop = 0;
            }}
          >
            <option value="">{t.allRules}</option>
            {counts.map(([r, n]) => (
              <option key={r} value={r}>
                {ruleLabel(r, lang)} ({n})
              </option>
            ))}
          </Select>
        </Field>
      )}
      <div
        ref={view}
        className={styles.view}
        style={{ height: Math.min(tops[tops.length - 1], VIEW_HEIGHT) }}
        role="group"
        aria-label={t.findingsList}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      >
        <div style={{ height: tops[tops.length - 1] }} />
        {rows.slice(first, last + 1).map((row, i) => {
          const index = first + i;
          const top = tops[index];
          if (row.kind === "heading") {
            return (
              <div key={`h:${row.severity}`} className={styles.heading} style={{ top }}>
                <Text weight="semibold">
                  {{ error: t.groupError, warning: t.groupWarning, info: t.groupInfo }[row.severity]}
                </Text>
                <Badge appearance="filled" color={BADGE_COLOR[row.severity]}>
                  {row.count}
                </Badge>
              </div>
            );
          }
          const f = row.finding;
          const isSelected = selected === f;
          return (
            <Button
              key={`${index}:${f.cell}:${f.rule}`}
              className={mergeClasses(styles.item, isSelected && styles.selected)}
              style={{ top }}
              appearance="outline"
              aria-current={isSelected ? "true" : undefined}
              title={rowTitle}
              onClick={() => onChoose(f)}
            >
              <span className={styles.head}>
                <Badge appearance="tint" color={BADGE_COLOR[f.severity]}>
                  {f.cell}
                </Badge>
                <Caption1 className={styles.rule}>{ruleLabel(f.rule, lang)}</Caption1>
                {f.explanation && (
                  <Badge appearance="outline" color="success">
                    {t.explained}
                  </Badge>
                )}
              </span>
              <Text className={styles.message}>{lang === "vi" ? f.message : f.messageEn}</Text>
            </Button>
          );
        })}
      </div>
      {children}
    </div>
  );
}
