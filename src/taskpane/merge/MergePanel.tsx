/**
 * The Tổng hợp tab's face (KHTC flow): choose the unit files (several at once) or sheets already in
 * the workbook → a progress bar per file → the preview (values per unit, conflicts, missing reports,
 * unknown rows, proposals, the consolidated sheet's own check) → Áp dụng → settle conflicts →
 * Đơn vị chưa nộp. Props only: MergeTab supplies the state and the actions.
 */
import {
  Badge,
  Body1Strong,
  Button,
  Caption1,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Label,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Subtitle2,
  makeStyles,
  tokens,
  useId,
} from "@fluentui/react-components";
import { useContext, useRef, useState } from "react";
import type { Finding } from "../../engine/finding";
import type { Conflict, ConflictChoice, FilledValue, Proposal } from "../../engine/merge";
import { vnNumber } from "../../engine/messages";
import { LangContext } from "../i18n";
import type { Bilingual } from "../shownError";
import { useMergeStrings } from "./mergeStrings";
import type { FileProgress, MergeOutcome } from "./protocol";

export type MergePhase = "idle" | "running" | "preview" | "applying" | "applied";

export interface MergeViewState {
  phase: MergePhase;
  progress: FileProgress[];
  outcome?: MergeOutcome;
  error?: Bilingual;
  /** What Áp dụng did, in Vietnamese. */
  applied?: string;
}

export interface MergePanelProps {
  /** Inside Excel the open workbook is the template; in a browser the template is a file too. */
  mode: "excel" | "file";
  state: MergeViewState;
  /** Excel: the open workbook's sheets, any of which may be a unit's report pasted in. */
  workbookSheets?: string[];
  /** File mode: the chosen template's name, once it was read and holds a Phụ lục. */
  templateName?: string;
  /** File mode: the picked template is being read. */
  templateChecking?: boolean;
  onPickTemplate?: (file: File) => void;
  onMerge: (units: File[], unitSheets: string[]) => void;
  onApply: () => void;
  onResolve: (conflictId: string, unit: string) => void;
  onAcceptProposal: (proposalId: string) => void;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "10px" },
  row: { display: "flex", gap: "8px", alignItems: "center", flexWrap: "wrap" },
  section: {
    display: "flex",
    flexDirection: "column",
    gap: "6px",
    paddingTop: "6px",
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200 },
  cell: { borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, padding: "2px 4px", verticalAlign: "top" },
  muted: { color: tokens.colorNeutralForeground3 },
  hidden: { display: "none" },
  field: { display: "flex", flexDirection: "column", gap: "2px" },
});

/** Values listed per unit; the rest are counted (the sheet and the log hold them all). */
const VALUES_SHOWN = 12;

/** A consolidated value as the sheet shows it: shares in percent, numbers the Vietnamese way. */
export function displayValue(value: FilledValue["value"], numFmt?: string): string {
  if (typeof value === "number") {
    return numFmt?.includes("%") ? vnNumber(value * 100, { percent: true }) : vnNumber(value);
  }
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value === null ? "" : String(value);
}

function short(text: string, limit = 70): string {
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}

function ValuesTable({ values, limit }: { values: FilledValue[]; limit: number }) {
  const styles = useStyles();
  const m = useMergeStrings();
  return (
    <>
      <table className={styles.table}>
        <thead>
          <tr>
            {m.valueHeaders.map((h) => (
              <th key={h} className={styles.cell} align="left">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {values.slice(0, limit).map((v) => (
            <tr key={`${v.sheet}!${v.cell}`} data-testid="merge-value">
              <td className={styles.cell}>{v.cell}</td>
              <td className={styles.cell}>{`${short(v.indicator, 48)} · ${v.column}`}</td>
              <td className={styles.cell}>
                <Body1Strong>{displayValue(v.value, v.numFmt)}</Body1Strong>
                {v.explanation && <Caption1 block>{m.explanation(v.explanation)}</Caption1>}
              </td>
              <td
                className={styles.cell}
              >{`${v.source.unit} · ${sourceRef(v.source.file, v.source.sheet, v.source.cell)}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {values.length > limit && <Caption1>{m.moreValues(values.length - limit)}</Caption1>}
    </>
  );
}

/** A reference to a unit's cell, written as the Nhật ký tổng hợp sheet writes it (file, sheet, cell). */
export function sourceRef(file: string, sheet: string, cell: string): string {
  return `${file} › ${sheet}!${cell}`;
}

/** The choices in a fixed order (by unit, then file): a click never moves a button. */
function stableChoices(conflict: Conflict): ConflictChoice[] {
  const key = (c: ConflictChoice) => `${c.unit}\u0000${c.file}`;
  return [...conflict.choices].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

function ConflictView({
  conflict,
  numFmt,
  onResolve,
}: {
  conflict: Conflict;
  /** The consolidated column's number format: values shown as the column shows them (82,56 %). */
  numFmt?: string;
  onResolve: MergePanelProps["onResolve"];
}) {
  const styles = useStyles();
  const m = useMergeStrings();
  return (
    <div data-testid="merge-conflict" role="group" aria-label={`${conflict.sheet}!${conflict.cell}`}>
      <Body1Strong>{`${conflict.sheet}!${conflict.cell} · ${conflict.column}`}</Body1Strong>
      <Caption1 block>{short(conflict.indicator, 120)}</Caption1>
      <div className={styles.row}>
        {stableChoices(conflict).map((choice) => {
          // Nothing is pressed until someone decides: the kept value is only a default until then.
          const pressed = conflict.resolved && choice.unit === conflict.kept;
          const lead = conflict.leads.includes(choice.unit);
          const shown = choice.value === null ? choice.text : displayValue(choice.value, numFmt);
          return (
            <Button
              key={`${choice.unit}:${choice.file}`}
              size="small"
              appearance={pressed ? "primary" : "secondary"}
              aria-pressed={pressed}
              onClick={() => onResolve(conflict.id, choice.unit)}
              title={`${sourceRef(choice.file, choice.sheet, choice.cell)}${choice.explanation ? m.explained(choice.explanation) : ""}`}
            >
              {m.keep(choice.unit, lead, shown)}
            </Button>
          );
        })}
        {conflict.resolved ? <Badge color="success">{m.decided}</Badge> : <Badge color="danger">{m.undecided}</Badge>}
      </div>
    </div>
  );
}

function FindingList({ findings }: { findings: Finding[] }) {
  const m = useMergeStrings();
  const lang = useContext(LangContext);
  return (
    <ul>
      {findings.map((f, i) => (
        <li key={`${f.sheet}!${f.cell}:${f.rule}:${i}`}>
          <Caption1>
            {f.file && f.rule === "unknown-row" ? `${f.file} › ` : ""}
            {lang === "vi" ? f.message : f.messageEn}
            {f.explanation ? m.explained(f.explanation) : ""}
          </Caption1>
        </li>
      ))}
    </ul>
  );
}

function ProposalView({ proposal, onAccept }: { proposal: Proposal; onAccept: (id: string) => void }) {
  const m = useMergeStrings();
  return (
    <li>
      <Caption1>
        {`${proposal.file} ${proposal.cell} “${short(proposal.label)}” ≈ ${proposal.target.sheet}!${proposal.target.cell} “${short(proposal.target.label)}” (${Math.round(proposal.similarity * 100)}%) `}
      </Caption1>
      <Button size="small" onClick={() => onAccept(proposal.id)}>
        {m.acceptMatch}
      </Button>
    </li>
  );
}

function Completeness({ outcome }: { outcome: MergeOutcome }) {
  const styles = useStyles();
  const m = useMergeStrings();
  const c = outcome.result.completeness;
  return (
    <section className={styles.section} aria-label={m.missingUnitsTitle}>
      <Subtitle2>{m.missingUnitsTitle}</Subtitle2>
      <Caption1>{c.missingUnits.length === 0 ? m.allSent : m.notSent(c.missingUnits.join(", "))}</Caption1>
      <div className={styles.row}>
        {c.expectedUnits.map((unit) => {
          const sent = !c.missingUnits.includes(unit);
          return (
            <Badge key={unit} color={sent ? "success" : "danger"} appearance="tint">
              {`${sent ? "✓" : "✗"} ${unit}`}
            </Badge>
          );
        })}
      </div>
      <Field label={m.completeness(c.filledRows, c.indicatorRows, c.percent)} validationState="none">
        <ProgressBar value={c.percent / 100} thickness="large" color={c.percent === 100 ? "success" : "brand"} />
      </Field>
      {c.emptyRows.length > 0 && (
        <Caption1 className={styles.muted}>
          {`${m.stillEmpty}: ${c.emptyRows
            .slice(0, 10)
            .map((r) => `${r.cell} (${r.leadUnits.join(", ") || "?"})`)
            .join("; ")}${c.emptyRows.length > 10 ? "…" : ""}`}
        </Caption1>
      )}
    </section>
  );
}

function Preview(props: MergePanelProps & { outcome: MergeOutcome }) {
  const styles = useStyles();
  const { result } = props.outcome;
  const lang = useContext(LangContext);
  const byRule = (rule: Finding["rule"]) => result.findings.filter((f) => f.rule === rule);
  const missing = byRule("missing-report");
  const unknown = byRule("unknown-row");
  // A unit sheet of another template is refused like an unreadable file: it is listed with them, by its file.
  const refused = byRule("wrong-template");
  const notMerged = [
    ...props.outcome.notMerged.map((n) => ({
      file: n.file,
      reason: lang === "vi" ? n.reason : (n.reasonEn ?? n.reason),
    })),
    ...refused.map((f) => ({ file: f.file ?? f.sheet, reason: lang === "vi" ? f.message : f.messageEn })),
  ];
  const mergeRules = new Set(["merge-conflict", "missing-report", "unknown-row", "wrong-template"]);
  const checked = result.findings.filter((f) => !mergeRules.has(f.rule));
  const filled = result.sheets.flatMap((s) => s.filled);
  const units = [...new Set(filled.map((v) => v.source.unit))].sort();
  const openConflicts = result.conflicts.filter((c) => !c.resolved).length;
  const conflictCells = new Set(result.conflicts.map((c) => c.id));
  const m = useMergeStrings();
  const applyLabel = props.mode === "excel" ? m.applyExcel : m.applyFile;
  const numFmts = new Map(filled.map((v) => [`${v.sheet}!${v.cell}`, v.numFmt]));
  const [asking, setAsking] = useState(false);
  return (
    <div className={styles.root}>
      <Body1Strong role="status">
        {m.counts(filled.length, openConflicts, missing.length, unknown.length, result.proposals.length)}
      </Body1Strong>
      {notMerged.length > 0 && (
        <section className={styles.section} aria-label={m.notMergedTitle}>
          <Subtitle2>{`${m.notMergedTitle} (${notMerged.length})`}</Subtitle2>
          <ul>
            {notMerged.map((n, i) => (
              <li key={`${n.file}:${i}`}>
                <Caption1>{`${n.file}: ${n.reason}`}</Caption1>
              </li>
            ))}
          </ul>
        </section>
      )}
      {result.conflicts.length > 0 && (
        <section className={styles.section} aria-label={m.conflictsTitle}>
          <Subtitle2>{m.conflictsOpen(openConflicts)}</Subtitle2>
          <Caption1 className={styles.muted}>{m.conflictsHint}</Caption1>
          {result.conflicts.map((conflict) => (
            <ConflictView
              key={conflict.id}
              conflict={conflict}
              numFmt={numFmts.get(conflict.id)}
              onResolve={props.onResolve}
            />
          ))}
        </section>
      )}
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={props.state.phase === "applying"}
          onClick={() => (openConflicts > 0 ? setAsking(true) : props.onApply())}
        >
          {applyLabel}
        </Button>
      </div>
      {props.state.applied && (
        <MessageBar intent="success">
          <MessageBarBody>{props.state.applied}</MessageBarBody>
        </MessageBar>
      )}
      <Dialog open={asking} onOpenChange={(_, data) => setAsking(data.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{m.askTitle(openConflicts)}</DialogTitle>
            <DialogContent>{m.askBody}</DialogContent>
            <DialogActions>
              <Button onClick={() => setAsking(false)}>{m.askBack}</Button>
              <Button
                appearance="primary"
                onClick={() => {
                  setAsking(false);
                  props.onApply();
                }}
              >
                {m.askApply}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      {missing.length > 0 && (
        <section className={styles.section} aria-label={m.missingTitle}>
          <Subtitle2>{`${m.missingTitle} (${missing.length})`}</Subtitle2>
          <FindingList findings={missing} />
        </section>
      )}
      {(unknown.length > 0 || result.proposals.length > 0) && (
        <section className={styles.section} aria-label={m.unknownTitle}>
          <Subtitle2>{`${m.unknownTitle} (${unknown.length})`}</Subtitle2>
          <FindingList findings={unknown} />
          {result.proposals.length > 0 && (
            <ul>
              {result.proposals.map((p) => (
                <ProposalView key={p.id} proposal={p} onAccept={props.onAcceptProposal} />
              ))}
            </ul>
          )}
        </section>
      )}
      <Completeness outcome={props.outcome} />
      <section className={styles.section} aria-label={m.valuesTitle}>
        <Subtitle2>{props.state.phase === "applied" ? m.valuesApplied : m.valuesToFill}</Subtitle2>
        {units.map((unit) => {
          // Cells that were in conflict come first: those are the values someone decided on.
          const decided = (v: FilledValue) => (conflictCells.has(`${v.sheet}!${v.cell}`) ? 0 : 1);
          const mine = filled.filter((v) => v.source.unit === unit).sort((a, b) => decided(a) - decided(b));
          return (
            <div key={unit}>
              <Body1Strong>{`${unit} (${mine.length})`}</Body1Strong>
              <ValuesTable values={mine} limit={VALUES_SHOWN} />
            </div>
          );
        })}
      </section>
      {checked.length > 0 && (
        <section className={styles.section} aria-label={m.checkedTitle}>
          <Subtitle2>{`${m.checkedTitle} (${checked.length})`}</Subtitle2>
          <FindingList findings={checked.slice(0, 30)} />
        </section>
      )}
    </div>
  );
}

export function MergePanel(props: MergePanelProps) {
  const styles = useStyles();
  const unitInput = useRef<HTMLInputElement>(null);
  const [sheets, setSheets] = useState<string[]>([]);
  const m = useMergeStrings();
  const lang = useContext(LangContext);
  const templateId = useId("merge-template");
  const { state } = props;
  const canStart = props.mode === "excel" || (props.templateName !== undefined && !props.templateChecking);
  const toggle = (name: string, on: boolean) =>
    setSheets((current) => (on ? [...current, name] : current.filter((s) => s !== name)));

  return (
    <div className={styles.root}>
      {props.mode === "file" ? (
        <div className={styles.field}>
          <Label htmlFor={templateId}>{m.templateLabel}</Label>
          <input
            id={templateId}
            type="file"
            accept=".xlsx"
            data-testid="merge-template"
            aria-describedby={`${templateId}-state`}
            onChange={(e) => {
              const chosen = e.target.files?.[0];
              e.target.value = "";
              if (chosen) props.onPickTemplate?.(chosen);
            }}
          />
          <Caption1 id={`${templateId}-state`}>
            {props.templateChecking ? m.templateReading : (props.templateName ?? m.templateNone)}
          </Caption1>
        </div>
      ) : (
        <Caption1>{m.templateExcel}</Caption1>
      )}
      {props.mode === "excel" && (props.workbookSheets?.length ?? 0) > 0 && (
        <div role="group" aria-label={m.unitSheets}>
          <Caption1 block>{m.unitSheetsHint}</Caption1>
          {props.workbookSheets!.map((name) => (
            <Checkbox
              key={name}
              label={name}
              checked={sheets.includes(name)}
              onChange={(_, d) => toggle(name, !!d.checked)}
            />
          ))}
        </div>
      )}
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={!canStart || state.phase === "running"}
          onClick={() => unitInput.current?.click()}
        >
          {m.merge}
        </Button>
        {sheets.length > 0 && (
          <Button disabled={!canStart || state.phase === "running"} onClick={() => props.onMerge([], sheets)}>
            {m.mergeSheets}
          </Button>
        )}
        <Caption1 className={styles.muted}>{m.unitsHint}</Caption1>
        <input
          ref={unitInput}
          className={styles.hidden}
          type="file"
          accept=".xlsx"
          multiple
          aria-label={m.unitsLabel}
          data-testid="merge-units"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = "";
            if (files.length > 0) props.onMerge(files, sheets);
          }}
        />
      </div>
      {state.progress.length > 0 && (
        <section className={styles.section} aria-label={m.progress}>
          {state.progress.map((p) => (
            <Field
              key={p.file}
              label={`${p.file} — ${m.stage[p.stage]}${p.message ? `: ${lang === "vi" ? p.message : p.messageEn}` : ""}`}
              validationState={p.stage === "failed" ? "error" : "none"}
            >
              <ProgressBar
                value={p.fraction}
                color={p.stage === "failed" ? "error" : p.stage === "done" ? "success" : "brand"}
                data-testid="merge-progress"
              />
            </Field>
          ))}
        </section>
      )}
      {state.error && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{state.error[lang]}</MessageBarBody>
        </MessageBar>
      )}
      {state.outcome && <Preview {...props} outcome={state.outcome} />}
    </div>
  );
}
