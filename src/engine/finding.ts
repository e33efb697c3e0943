/** The one object every consumer reads: CLI table and JSON, the pane's list, the highlight, the merge log. */
import { FORMATS, type Locale, type Words } from "./locale";
import type { RuleId } from "./rules";
import type { RuleDefinition } from "./rules/rule";

/** `info`: a statement, never a fault (the values a newer file replaced). */
export type Severity = "error" | "warning" | "info";

/** Every rule id of spec §4, from the registry of rule definitions (rules/index.ts). */
export type { RuleId };

/**
 * What `expected` and `actual` measure, so every reader can show them with their unit: percentages (stated in
 * percent points), or money at the sheet's Đvt, as a multiplier to đồng (1e6: triệu đồng).
 */
export type FigureUnit = { kind: "percent" } | { kind: "money"; scale: number };

/**
 * What a finding found, as data: the texts of every language are rendered from it. Rules add their
 * own fields beside these (the quoted text, the suggested unit…); all of it is plain JSON.
 */
export interface FindingParams {
  /** What holds the stated value: `Tổng cộng`, `Tỷ lệ so với KH`. */
  subject?: Words;
  /** What the expected value is: `tổng các mục` / `the sum of the items`. */
  basis?: Words;
  expected?: number | string | null;
  actual?: number | string | null;
  /** |expected − actual| where both are numbers. */
  difference?: number;
  /** The unit of the figures, where they have one (`unit`, in merge findings, is the reporting đơn vị). */
  figureUnit?: FigureUnit;
  /** Other cells the finding speaks of (the first row of a duplicate, the ratio beside a percentage). */
  cells?: string[];
}

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
  /** What the message is rendered from (renderFinding renders it in any locale). */
  params: FindingParams;
  expected?: number | string | null;
  actual?: number | string | null;
  /** Where a finding comes from another file (merge): that file's name. */
  file?: string;
  /** The unit's giải trình of this figure (its Ghi chú): the finding is shown as accepted, not hidden. */
  explanation?: string;
  /** A giải trình stored in the workbook's `PhuLuc` sheet for this finding (review/explanations.ts). */
  explanationRecord?: { text: string; by: string; at: string };
  /** In a consolidated workbook: the unit whose stored giải trình it is. */
  explanationUnit?: string;
}

/** A rule's message for one finding in one language: `Ô D15: ` then the rule's own text. */
export function renderMessage<P extends FindingParams>(
  rule: RuleDefinition<string, P>,
  cell: string,
  params: P,
  locale: Locale,
): string {
  const format = FORMATS[locale];
  const text = rule.message[locale](params, format);
  return rule.namesCell === false ? text : `${format.cell(cell)}: ${text}`;
}

export interface FindingPlace {
  sheet: string;
  cell: string;
  /** Milder than the rule's usual severity (not-a-number: parseable text is a warning). */
  severity?: Severity;
  file?: string;
  explanation?: string;
}

/** The one way a finding is made: the rule's severity and both messages rendered from `params`. */
export function makeFinding<P extends FindingParams>(
  rule: RuleDefinition<RuleId, P>,
  place: FindingPlace,
  params: NoInfer<P>,
): Finding {
  const finding: Finding = {
    rule: rule.id,
    severity: place.severity ?? rule.severity,
    sheet: place.sheet,
    cell: place.cell,
    message: renderMessage(rule, place.cell, params, "vi"),
    messageEn: renderMessage(rule, place.cell, params, "en"),
    params,
  };
  if (params.expected !== undefined) finding.expected = params.expected;
  if (params.actual !== undefined) finding.actual = params.actual;
  if (place.file) finding.file = place.file;
  if (place.explanation) finding.explanation = place.explanation;
  return finding;
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
