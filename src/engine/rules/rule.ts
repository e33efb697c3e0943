/** The shape every single-sheet rule has: one file per rule id of spec §4, each exporting a Rule. */
import type { Finding, RuleId, Severity } from "../finding";
import type { Table } from "../model";
import type { References } from "../periods/reference";
import type { UnitDef } from "../units";

export interface RuleContext {
  /** The units list (settings; DEFAULT_UNITS when the user has none). */
  units: UnitDef[];
  /**
   * Plain Vietnamese statements about what a rule could not judge (a total over unreadable cells…).
   * checkGrid collects them into SheetReport.notes; optional so rules can run without it.
   */
  note?: (text: string) => void;
  /** The approved plan and the previous period the sheet answers to (spec §9); rules needing them skip without. */
  references?: References;
  /** The name of the file the sheet is in (its period may be written only there: `ket-qua-9-thang.xlsx`). */
  file?: string;
}

export interface Rule {
  id: RuleId;
  /** The rule's usual severity; a finding may be milder (not-a-number: parseable text is a warning). */
  severity: Severity;
  check(table: Table, ctx: RuleContext): Finding[];
}
