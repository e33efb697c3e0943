/**
 * Tình trạng nộp (spec §10) in the Tổng hợp tab: one row per expected unit — its state, the file received, the
 * findings it had on receipt, who changed it and when — with Trả lại (writes the unit's feedback workbook) and
 * Đã duyệt (locks its figures against later merges). Shows what it is given and calls what it receives; the
 * states change in the engine (engine/review/status.ts).
 */
import {
  Badge,
  Button,
  Caption1,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
} from "@fluentui/react-components";
import { STATE_LABELS, shownDateTime, type SubmissionState, type SubmissionStatus } from "../../engine/review";
import { useStrings } from "../i18n";
import { useMergeStrings } from "./mergeStrings";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: "6px" },
  // Stacked: the pane is 320–450 px wide, too narrow for the buttons side by side beside the file's details.
  actions: { display: "flex", flexDirection: "column", gap: "4px", alignItems: "stretch" },
  table: { tableLayout: "auto" },
  file: { overflowWrap: "anywhere" },
});

const STATE_COLOR: Record<SubmissionState, "subtle" | "informative" | "warning" | "success"> = {
  "chua-nop": "subtle",
  "da-nhan": "informative",
  "tra-lai": "warning",
  "da-duyet": "success",
};

export interface StatusPanelProps {
  statuses: SubmissionStatus[];
  onReturn: (unit: string) => void;
  onApprove: (unit: string) => void;
  /** An action is running: the buttons wait. */
  busy?: boolean;
}

export function StatusPanel({ statuses, onReturn, onApprove, busy }: StatusPanelProps) {
  const styles = useStyles();
  const m = useMergeStrings();
  const { lang } = useStrings();
  if (statuses.length === 0) return null;
  return (
    <section className={styles.panel} aria-label={m.statusTitle}>
      <Subtitle2 as="h3">{m.statusTitle}</Subtitle2>
      <Table size="small" className={styles.table} aria-label={m.statusTitle}>
        <TableHeader>
          <TableRow>
            {m.statusHeaders.map((h, i) => (
              <TableHeaderCell key={i}>{h}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {statuses.map((s) => {
            const sent = s.state !== "chua-nop";
            return (
              <TableRow key={s.unit}>
                <TableCell>{s.unit}</TableCell>
                <TableCell>
                  <Badge appearance="tint" color={STATE_COLOR[s.state]}>
                    {STATE_LABELS[lang][s.state]}
                  </Badge>
                </TableCell>
                {/* What was received, one line each: four narrow columns wrapped every word at 420 px. */}
                <TableCell className={styles.file}>
                  {s.file && <Text block>{s.file}</Text>}
                  {s.modified && <Caption1 block>{m.statusSaved(shownDateTime(s.modified))}</Caption1>}
                  {sent && (
                    <Caption1 block>{m.statusCounts(s.errors ?? 0, s.warnings ?? 0, s.explained ?? 0)}</Caption1>
                  )}
                  <Caption1 block>{m.statusUpdated(s.by, shownDateTime(s.at))}</Caption1>
                </TableCell>
                <TableCell>
                  <div className={styles.actions}>
                    <Button
                      size="small"
                      disabled={busy || !sent}
                      aria-label={m.returnUnitLabel(s.unit)}
                      onClick={() => onReturn(s.unit)}
                    >
                      {m.returnUnit}
                    </Button>
                    <Button
                      size="small"
                      appearance="primary"
                      disabled={busy || !sent || s.state === "da-duyet"}
                      aria-label={m.approveUnitLabel(s.unit)}
                      onClick={() => onApprove(s.unit)}
                    >
                      {m.approveUnit}
                    </Button>
                  </div>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </section>
  );
}
