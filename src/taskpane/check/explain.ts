/** The giải trình a finding gets in the pane: keyed by its row (as the worker found it) and rule, or its removal. */
import type { Finding } from "../../engine/finding";
import { findingId, type CheckedSheet } from "./checkedSheet";
import type { ExplanationChange } from "./checkWork";

/** Undefined when the finding is on no indicator row (nothing to key a giải trình by). */
export function explanationChange(
  reports: readonly CheckedSheet[],
  finding: Finding,
  text: string,
  at: Date = new Date(),
): ExplanationChange | undefined {
  const row = reports.find((r) => r.sheet === finding.sheet)?.explainable[findingId(finding)];
  if (!row) return undefined;
  const which = { sheet: finding.sheet, key: row.key, rule: finding.rule };
  // The pane knows no user name: `by` stays empty, the time says when.
  return text.trim()
    ? { ...which, label: row.label, cell: finding.cell, text: text.trim(), by: "", at: at.toISOString() }
    : which;
}
