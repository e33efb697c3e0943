/**
 * Attainment by section: for each section (worst first, at most CHART_SECTIONS), a bar split into indicators
 * met (Đạt/Vượt, green) and not met (red), with the counts beside it. Labels are cut to one line at any width.
 */
import { Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useStrings } from "../i18n";
import type { AttainmentSummary } from "./chartSummary";

const useStyles = makeStyles({
  chart: { display: "flex", flexDirection: "column", gap: "6px", marginTop: "8px", minWidth: 0 },
  row: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) auto", gap: "2px 8px", alignItems: "center" },
  label: { gridColumn: "1 / 3", overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  track: {
    display: "flex",
    height: "12px",
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: "2px",
    overflow: "hidden",
  },
  met: { backgroundColor: tokens.colorPaletteGreenBackground3 },
  missed: { backgroundColor: tokens.colorPaletteRedBackground3 },
  value: { whiteSpace: "nowrap", textAlign: "right" },
});

export function AttainmentChart({ summary }: { summary: AttainmentSummary }) {
  const styles = useStyles();
  const { t } = useStrings();
  if (summary.sections.length === 0) return <Caption1>{t.chartEmpty}</Caption1>;
  return (
    <div className={styles.chart} role="list" aria-label={t.chartTitle}>
      {summary.sections.map((s, i) => {
        const total = s.met + s.missed;
        const title = s.stt ? `${s.stt}. ${s.label}` : t.chartNoSection;
        const counts = t.chartCounts(s.met, total);
        return (
          <div key={`${i}:${s.stt}`} className={styles.row} role="listitem" aria-label={`${title}: ${counts}`}>
            <Caption1 className={styles.label} title={title}>
              {title}
            </Caption1>
            <div className={styles.track} aria-hidden>
              <div className={styles.met} style={{ width: `${(100 * s.met) / total}%` }} data-part="met" />
              <div className={styles.missed} style={{ width: `${(100 * s.missed) / total}%` }} data-part="missed" />
            </div>
            <Text size={200} className={styles.value}>
              {counts}
            </Text>
          </div>
        );
      })}
      {summary.more > 0 && <Caption1>{t.chartMore(summary.more)}</Caption1>}
    </div>
  );
}
