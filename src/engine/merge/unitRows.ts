/**
 * Which consolidated row of a one-row-per-unit table (dich-vu-cong) a unit's row is (spec §6). The
 * row says it itself: its Đơn vị cell is matched against the template's rows — the units list's id,
 * else the folded text, else the text without its administrative word (`UBND xã Mỹ Hòa` = `Xã Mỹ
 * Hòa` = `Mỹ Hòa`, only where that is unique: `Huyện Chợ Mới` and `Thị trấn Chợ Mới` are two rows),
 * else a proposal. Only a row that names no unit (empty, or a period such as `Báo cáo quý I/2024`)
 * takes the file's unit, and a file name never creates a row.
 */
import type { Table, TableRow } from "../model";
import { foldText, tidyText } from "../text";
import { matchUnit, unitKey, type UnitDef } from "../units";
import { ProposalIndex, type NearMatch } from "./proposalIndex";

/** A consolidated row of the table: the template's, or one a unit's row added. */
export interface UnitRowEntry {
  /** The unit this row is about (an id of the units list, or its name as written); none for a period row. */
  unit?: string;
  label: string;
  templateRow?: TableRow;
}

const PERIOD = /\b(19|20)\d\d\b|\b(ky|thang|quy|ca nam|ke hoach|bao cao|luy ke|uoc thuc hien)\b/;
const ADMINISTRATIVE = /\b(uy ban nhan dan|ubnd|thi tran|thi xa|thanh pho|tp|xa|phuong|huyen)\b/g;

/** A label that names no unit: empty, or a reporting period. */
export function namesNoUnit(label: string): boolean {
  const folded = foldText(label);
  return folded === "" || PERIOD.test(folded);
}

/** The unit a row label names: the units list's id, else the label as written; none for a period. */
export function unitNamed(label: string, units: UnitDef[]): string | undefined {
  if (namesNoUnit(label)) return undefined;
  return matchUnit(label, units)?.id ?? tidyText(label);
}

/** A unit's name without its administrative word, folded (`UBND huyện Tri Tôn` and `Huyện Tri Tôn` are one). */
export function bareKey(text: string): string {
  return foldText(text)
    .replace(ADMINISTRATIVE, " ")
    .replace(/[^a-z0-9]/g, "");
}

export class UnitRowIndex<E extends UnitRowEntry> {
  private readonly byKey = new Map<string, E>();
  private readonly byBare = new Map<string, E[]>();
  private readonly near = new ProposalIndex<E>();

  constructor(private readonly units: UnitDef[]) {}

  add(entry: E): void {
    const keys = [...this.keys(entry.label), ...(entry.unit ? this.keys(entry.unit) : [])];
    for (const key of keys) if (!this.byKey.has(key)) this.byKey.set(key, entry);
    const bare = bareKey(entry.label);
    if (bare) this.byBare.set(bare, [...(this.byBare.get(bare) ?? []), entry]);
    this.near.add(entry.label, entry);
  }

  /** The row a unit text (a row's label, or a file's unit) names exactly. */
  find(text: string): E | undefined {
    for (const key of this.keys(text)) {
      const entry = this.byKey.get(key);
      if (entry) return entry;
    }
    const bare = this.byBare.get(bareKey(text));
    return bare?.length === 1 ? bare[0] : undefined;
  }

  /** The most similar template row, for a proposal. */
  nearest(text: string, allowed: (entry: E) => boolean): NearMatch<E> | undefined {
    return this.near.nearest(text, (entry) => entry.templateRow !== undefined && allowed(entry));
  }

  private idKey(id: string): string {
    return `id\u0000${id}`;
  }

  private keys(text: string): string[] {
    const listed = matchUnit(text, this.units);
    const key = unitKey(text);
    return [...(listed ? [this.idKey(listed.id)] : []), ...(key ? [key] : [])];
  }
}

/**
 * The unit a file's rows name, as the template's row names it (`Huyện Tri Tôn` is the template's `UBND huyện
 * Tri Tôn`): one unit, one Tình trạng nộp record, whichever way the unit wrote its name.
 */
export function templateRowUnit(tables: readonly Table[], units: UnitDef[]): (text: string) => string | undefined {
  // Built once per merge, on the first file whose rows name its unit: 1,000 xã files must not build it 1,000 times.
  let index: UnitRowIndex<UnitRowEntry> | undefined;
  const build = () => {
    const built = new UnitRowIndex<UnitRowEntry>(units);
    for (const table of tables) {
      if (table.columns.reportingUnit === undefined) continue;
      for (const row of table.rows) {
        const unit = row.kind === "item" || row.kind === "subitem" ? unitNamed(row.label, units) : undefined;
        if (unit) built.add({ unit, label: row.label, templateRow: row });
      }
    }
    return built;
  };
  return (text) => (index ??= build()).find(text)?.unit;
}
