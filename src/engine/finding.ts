/** The one object every consumer reads: CLI table and JSON, the pane's list, the highlight, the merge log. */

/** info: said for the record, never counted as a problem (a superseded file's values). */
export type Severity = "error" | "warning" | "info";

export const RULE_IDS = [
  "unknown-template",
  "missing-column",
  "not-a-number",
  "required-empty",
  "unknown-unit",
  "numbering",
  "duplicate-row",
  "total-mismatch",
  "parts-mismatch",
  "ratio-mismatch",
  "attainment-mismatch",
  "assessment-contradiction",
  "out-of-range",
  "scale-suspect",
  "plan-mismatch",
  "period-regression",
  "outlier",
  "merge-conflict",
  "missing-report",
  "unknown-row",
  "wrong-template",
  "superseded",
] as const;

export type RuleId = (typeof RULE_IDS)[number];

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** Sheet the cell is on. */
  sheet: string;
  /** A1 address of the cell at fault (the header row's first cell for sheet-level findings). */
  cell: string;
  /** Vietnamese message naming the cell, the value found, the value expected and the difference. */
  message: string;
  /** The same in English, for the pane's English switch. */
  messageEn: string;
  expected?: number | string | null;
  actual?: number | string | null;
  /** Where a finding comes from another file (merge): that file's name. */
  file?: string;
  /** The unit's giải trình of this figure (its Ghi chú): the finding is shown as accepted, not hidden. */
  explanation?: string;
}

export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Stable order: by sheet, then row, then column, then rule — so output is reproducible. */
export function sortFindings(findings: Finding[]): Finding[] {
  const key = (f: Finding) => {
    const m = /^([A-Z]+)(\d+)$/.exec(f.cell);
    return m ? [Number(m[2]), m[1].length, m[1]] : [0, 0, f.cell];
  };
  return [...findings].sort((a, b) => {
    if (a.sheet !== b.sheet) return a.sheet < b.sheet ? -1 : 1;
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < 3; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
    return a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0;
  });
}
