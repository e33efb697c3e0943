/** Each indicator's attainment (% of target) as a bar, green when met (Đạt/Vượt), red when not; 100 % is marked. */
import { Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import { formatVietnameseNumber } from "../../engine/parse/number";
import { useStrings } from "../i18n";
import type { AttainmentRow } from "./attainment";

/** Bars are drawn on a 0–150 % scale; larger ratios are clipped and still printed in full. */
const SCALE_MAX = 150;

const useStyles = makeStyles({
  chart: { display: "flex", flexDirection: "column", gap: "6px", marginTop: "8px" },
  row: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) 64px", gap: "2px 8px", alignItems: "center" },
  label: { gridColumn: "1 / 3", overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  track: { position: "relative", height: "12px", backgroundColor: tokens.colorNeutralBackground3, borderRadius: "2px" },
  target: {
    position: "absolute",
    top: "-2px",
    bottom: "-2px",
    width: "2px",
    left: `${(100 / SCALE_MAX) * 100}%`,
    backgroundColor: tokens.colorNeutralForeground1,
  },
  value: { textAlign: "right" },
});

const COLORS = { met: tokens.colorPaletteGreenBackground3, missed: tokens.colorPaletteRedBackground3 };

export function AttainmentChart({ rows }: { rows: AttainmentRow[] }) {
  const styles = useStyles();
  const { t } = useStrings();
  if (rows.length === 0) return <Caption1>{t.chartEmpty}</Caption1>;
  return (
    <div className={styles.chart} role="list" aria-label={t.chartTitle}>
      {rows.map((r) => {
        const met = r.verdict !== "Chưa đạt";
        const width = r.ratio === undefined ? 0 : Math.max(0, Math.min(r.ratio, SCALE_MAX)) / SCALE_MAX;
        const verdict = t.verdict[r.verdict] ?? r.verdict;
        const ratioText = r.ratio === undefined ? "—" : `${formatVietnameseNumber(Number(r.ratio.toFixed(1)))}%`;
        return (
          <div
            key={r.address}
            className={styles.row}
            role="listitem"
            aria-label={`${r.stt} ${r.label}: ${ratioText} ${verdict}`}
          >
            <Caption1 className={styles.label} title={r.label}>
              {r.stt}. {r.label}
            </Caption1>
            <div className={styles.track}>
              <div
                data-verdict={r.verdict}
                style={{
                  width: `${width * 100}%`,
                  height: "100%",
                  borderRadius: "2px",
                  backgroundColor: met ? COLORS.met : COLORS.missed,
                }}
              />
              <div className={styles.target} aria-hidden />
            </div>
            <Text size={200} className={styles.value}>
              {ratioText} {verdict}
            </Text>
          </div>
        );
      })}
    </div>
  );
}
