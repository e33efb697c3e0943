/**
 * Finding a unit row's place in the consolidated template: by Mã chỉ tiêu when both carry one, else
 * by section + normalised label (STT only breaks ties, since units renumber), else by label alone
 * when it is unique and the unit's row has no section the template knows. A near match is only
 * proposed (and applied once the user accepts it).
 */
import type { Table, TableRow } from "../model";
import { labelKey } from "./keys";
import { ProposalIndex } from "./proposalIndex";
import { proposalFor, push, type UnitSheet } from "./context";
import type { Proposal } from "./types";

export interface Slot {
  /** Index in the template table's rows. */
  index: number;
  row: TableRow;
  key: string;
  label: string;
  sectionKey: string;
}

/** Section and (for sub-items) parent labels make the key: the same text under two sections is two rows. */
export function rowKey(table: Table, row: TableRow): { key: string; sectionKey: string; label: string } {
  const label = labelKey(row.label);
  if (row.kind === "section") return { key: `§|${label}`, sectionKey: label, label };
  const sectionKey = row.section !== undefined ? labelKey(table.rows[row.section].label) : "";
  const parent = row.kind === "subitem" && row.parent !== undefined ? table.rows[row.parent] : undefined;
  const prefix = parent && parent.kind !== "section" ? `${labelKey(parent.label)}>` : "";
  return { key: `${sectionKey}|${prefix}${label}`, sectionKey, label };
}

const MATCHABLE = new Set(["section", "item", "subitem"]);

export function codeOf(row: TableRow): string {
  return row.cells.code?.text.trim().toUpperCase() ?? "";
}

export class RowMatcher {
  readonly slots: Slot[];
  private readonly byCode = new Map<string, Slot[]>();
  private readonly byKey = new Map<string, Slot[]>();
  private readonly byLabel = new Map<string, Slot[]>();
  private readonly sections = new Set<string>();
  /** Built on the first row without an exact match: most runs (and every clean one) never need it. */
  private nearIndex?: ProposalIndex<Slot>;

  constructor(
    readonly table: Table,
    private readonly accepted: Set<string>,
  ) {
    this.slots = table.rows
      .filter((row) => MATCHABLE.has(row.kind))
      .map((row) => ({ index: row.index, row, ...rowKey(table, row) }));
    for (const slot of this.slots) {
      if (codeOf(slot.row)) push(this.byCode, codeOf(slot.row), slot);
      push(this.byKey, slot.key, slot);
      push(this.byLabel, slot.label, slot);
      if (slot.row.kind === "section") this.sections.add(slot.label);
    }
  }

  /** The template row a unit row is, or a proposal when only a near match exists. */
  match(source: UnitSheet, row: TableRow, used: Set<number>): { slot?: Slot; proposal?: Proposal } {
    const own = rowKey(source.table, row);
    const code = codeOf(row);
    const exact =
      (code && this.pick(this.byCode.get(code), row, used)) ||
      this.pick(this.byKey.get(own.key), row, used) ||
      (!this.sections.has(own.sectionKey) && this.unique(this.byLabel.get(own.label), used));
    if (exact) return { slot: exact };
    const near = this.nearest(row.label, own.sectionKey, used);
    if (!near) return {};
    const proposal = proposalFor(source, row, this.table, near.slot.row, near.similarity);
    if (this.accepted.has(proposal.id)) return { slot: near.slot };
    return { proposal };
  }

  /** Among rows with the same key, the one with the same STT, else the first this unit has not filled. */
  private pick(candidates: Slot[] | undefined, row: TableRow, used: Set<number>): Slot | undefined {
    const free = candidates?.filter((slot) => !used.has(slot.index)) ?? [];
    return free.find((slot) => slot.row.stt === row.stt) ?? free[0];
  }

  private unique(candidates: Slot[] | undefined, used: Set<number>): Slot | undefined {
    return candidates?.length === 1 && !used.has(candidates[0].index) ? candidates[0] : undefined;
  }

  private nearest(
    label: string,
    sectionKey: string,
    used: Set<number>,
  ): { slot: Slot; similarity: number } | undefined {
    if (!this.nearIndex) {
      this.nearIndex = new ProposalIndex<Slot>();
      for (const slot of this.slots) this.nearIndex.add(slot.row.label, slot);
    }
    const near = this.nearIndex.nearest(
      label,
      (slot) => !used.has(slot.index),
      // The same section wins a tie, so a retyped row is proposed where the unit put it.
      (slot) => slot.sectionKey === sectionKey,
    );
    return near && { slot: near.value, similarity: near.similarity };
  }
}
