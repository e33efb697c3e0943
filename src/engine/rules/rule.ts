/**
 * What a rule is: a self-describing definition (id, severity, tags, label and message renderers in
 * every language) and, for the rules that judge one sheet, its check. Findings carry the rule's
 * typed params; their texts are rendered from them by the rule's renderers (see ./index.ts).
 */
import type { Finding, FindingParams, RuleId, Severity } from "../finding";
import type { LocaleFormat, Localized, Words } from "../locale";
import type { Table } from "../model";
import type { Note } from "../notes/note";
import type { References } from "../periods/reference";
import type { UnitDef } from "../units";

/** What a rule is about and where it runs; the pane and the docs group rules by them. */
export type RuleTag =
  | "recognition"
  | "sheet"
  | "merge"
  | "periods"
  | "plan"
  | "arithmetic"
  | "completeness"
  | "format"
  | "structure"
  | "units";

/**
 * The text after the cell (`Ô D15: `…) in one language, from the finding's params. Declared as a
 * method so a rule over its own params still counts as a rule over FindingParams in the registry.
 */
export type MessageRenderer<P> = { render(params: P, format: LocaleFormat): string }["render"];

export interface RuleDefinition<Id extends string = string, P extends FindingParams = FindingParams> {
  id: Id;
  /** The rule's usual severity; a finding may be milder (not-a-number: parseable text is a warning). */
  severity: Severity;
  tags: readonly RuleTag[];
  /** A few words naming the rule (the pane's filter, the docs). */
  label: Words;
  message: Localized<MessageRenderer<P>>;
  /** False for sheet-level findings whose message does not start with the cell (no template found). */
  namesCell?: false;
  /** Params the locale parity test renders in every language: one per shape of message. */
  examples: readonly P[];
}

export interface RuleContext {
  /** The units list (settings; DEFAULT_UNITS when the user has none). */
  units: UnitDef[];
  /**
   * Statements about what a rule could not judge or what it compared with (a total left empty, the
   * plan used). checkGrid collects them into SheetReport.notes; optional so rules can run without it.
   */
  note?: (note: Note) => void;
  /** The approved plan and the previous period the sheet answers to (spec §9); rules needing them skip without. */
  references?: References;
  /** The name of the file the sheet is in (its period may be written only there: `ket-qua-9-thang.xlsx`). */
  file?: string;
}

/** A rule that judges one sheet on its own. */
export interface SheetRule<Id extends string = RuleId, P extends FindingParams = FindingParams> extends RuleDefinition<
  Id,
  P
> {
  check(table: Table, ctx: RuleContext): Finding[];
}

/** Any sheet rule, whatever its params. */
export type Rule = SheetRule<RuleId, FindingParams>;
