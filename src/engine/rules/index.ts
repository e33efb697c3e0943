/**
 * The registry of rules (spec §4): every rule id, its severity, label and message renderers come from
 * the definitions listed here, in the spec's order; the sheet rules run in this order too.
 *
 * How to add a rule
 * 1. Write `rules/<id>.ts` exporting a definition: `id`, `severity`, `tags`, `label {vi, en}`,
 *    `message {vi, en}` (renderers over the rule's params type, which extends FindingParams: say
 *    what was found as data — numbers as numbers, phrases as `{vi, en}` — and let the renderer word
 *    it), `examples` (params for each shape of message), and, for a rule that judges one sheet,
 *    `check(table, ctx)` returning `makeFinding(this, { sheet, cell }, params)` for each fault.
 *    Type it `SheetRule<"<id>", Params>` (or `RuleDefinition<…>` when another step raises it: merge,
 *    plan, periods, recognition). Read what the template allows from `table.template` (its policies),
 *    never from its id.
 * 2. Add it to RULE_DEFINITIONS below. The id type, the CLI's JSON, the pane's filter and labels,
 *    and the locale parity test (registry.test.ts) follow from there.
 * 3. Write `rules/<id>.test.ts` beside it with sheets built the way units type them.
 */
import { renderMessage, type Finding } from "../finding";
import type { Locale } from "../locale";
import { assessmentContradiction } from "./assessment-contradiction";
import { attainmentMismatch } from "./attainment-mismatch";
import { duplicateRow } from "./duplicate-row";
import { mergeConflict } from "./merge-conflict";
import { missingColumn } from "./missing-column";
import { missingReport } from "./missing-report";
import { notANumber } from "./not-a-number";
import { numbering } from "./numbering";
import { outOfRange } from "./out-of-range";
import { outlier } from "./outlier";
import { partsMismatch } from "./parts-mismatch";
import { periodRegression } from "./period-regression";
import { planMismatch } from "./plan-mismatch";
import { ratioMismatch } from "./ratio-mismatch";
import { requiredEmpty } from "./required-empty";
import type { Rule, RuleDefinition } from "./rule";
import { scaleSuspect } from "./scale-suspect";
import { superseded } from "./superseded";
import { totalMismatch } from "./total-mismatch";
import { totalUnverifiable } from "./total-unverifiable";
import { unknownRow } from "./unknown-row";
import { unknownTemplate } from "./unknown-template";
import { unknownUnit } from "./unknown-unit";
import { wrongTemplate } from "./wrong-template";

export type { Rule, RuleContext, RuleDefinition, SheetRule } from "./rule";

export const RULE_DEFINITIONS = [
  unknownTemplate,
  missingColumn,
  notANumber,
  requiredEmpty,
  unknownUnit,
  numbering,
  duplicateRow,
  totalMismatch,
  partsMismatch,
  ratioMismatch,
  attainmentMismatch,
  assessmentContradiction,
  outOfRange,
  scaleSuspect,
  totalUnverifiable,
  planMismatch,
  periodRegression,
  outlier,
  mergeConflict,
  missingReport,
  unknownRow,
  wrongTemplate,
  superseded,
] as const;

type AnyDefinition = (typeof RULE_DEFINITIONS)[number];
export type RuleId = AnyDefinition["id"];

export const RULE_IDS: readonly RuleId[] = RULE_DEFINITIONS.map((rule) => rule.id);

const BY_ID = new Map<string, RuleDefinition>(RULE_DEFINITIONS.map((rule) => [rule.id, rule]));

export function ruleDefinition(id: RuleId): RuleDefinition<RuleId> {
  return BY_ID.get(id) as RuleDefinition<RuleId>;
}

function isSheetRule(rule: AnyDefinition): rule is AnyDefinition & Rule {
  return "check" in rule;
}

/** Every rule that judges one sheet on its own, in the order they are run. */
export const SHEET_RULES: readonly Rule[] = RULE_DEFINITIONS.filter(isSheetRule);

/** A finding's message in any locale, rendered again from its params by its rule. */
export function renderFinding(finding: Finding, locale: Locale): string {
  return renderMessage(ruleDefinition(finding.rule), finding.cell, finding.params, locale);
}
