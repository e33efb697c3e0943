/** Which unit a file comes from, and which units lead a template row. */
import type { Table } from "../model";
import { foldText, tidyText } from "../text";
import { isAllUnits, matchUnit, splitUnits, type UnitDef } from "../units";
import type { UnitAssignment, UnitInput } from "./types";
import { unitNamed } from "./unitRows";
import { reportRoles, valueRefs, valueRoles } from "./values";

/** Letters and digits only: `Phòng CNTT - BCVT` → `phongcnttbcvt`, so names match inside file names. */
function compact(text: string): string {
  return foldText(text).replace(/[^a-z0-9]/g, "");
}

/** `C:\\in\\DV07.xlsx` → `DV07`: the name a unit outside the list goes by. */
function baseName(file: string): string {
  return file.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "");
}

/** The unit whose id or alias is written in the file name (the longest one, so `TT-CNTTTT` beats `CNTT`). */
export function unitFromFileName(file: string, units: UnitDef[]): UnitDef | undefined {
  const base = compact(baseName(file));
  let best: UnitDef | undefined;
  let bestLength = 0;
  for (const unit of units) {
    for (const name of [unit.id, unit.name, ...unit.aliases]) {
      const key = compact(name);
      if (key.length >= 3 && key.length > bestLength && base.includes(key)) {
        best = unit;
        bestLength = key.length;
      }
    }
  }
  return best;
}

/**
 * The units a Đơn vị chủ trì cell names, in the order written: ids of the units list where they
 * match, else the text as written (budget owners such as `UBND huyện Chợ Mới`). “Các phòng…” names none.
 */
export function leadUnitsOf(text: string, units: UnitDef[]): string[] {
  // A sheet repeats a handful of unit texts thousands of times: read each once per units list.
  let cache = leadCache.get(units);
  if (!cache) leadCache.set(units, (cache = new Map()));
  let ids = cache.get(text);
  if (!ids) {
    ids =
      !text.trim() || isAllUnits(text)
        ? []
        : [...new Set(splitUnits(text, units).map((part) => matchUnit(part, units)?.id ?? tidyText(part)))].filter(
            Boolean,
          );
    cache.set(text, ids);
  }
  return ids;
}

const leadCache = new WeakMap<UnitDef[], Map<string, string[]>>();

/**
 * The unit leading most of the rows it reported (results where the form has them: a unit's copy of
 * the plan repeats every target; ties: the first in the units list).
 */
export function unitFromRows(table: Table, units: UnitDef[]): UnitDef | undefined {
  const counts = new Map<string, number>();
  const roles = reportRoles(table);
  for (const row of table.rows) {
    const lead = row.cells.leadUnit;
    if (!lead || valueRefs(row, roles.length ? roles : valueRoles(table)).length === 0) continue;
    for (const id of leadUnitsOf(lead.text, units)) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  let best: UnitDef | undefined;
  for (const unit of units) {
    if ((counts.get(unit.id) ?? 0) > (best ? counts.get(best.id)! : 0)) best = unit;
  }
  return best;
}

/** One-row-per-unit tables: the one unit all the file's rows name (a commune's file names its commune). */
function unitNamedByRows(table: Table, units: UnitDef[]): string | undefined {
  if (table.columns.reportingUnit === undefined) return undefined;
  const named = new Set<string>();
  for (const row of table.rows) {
    if (row.kind !== "item" && row.kind !== "subitem") continue;
    const unit = unitNamed(row.label, units);
    if (unit) named.add(unit);
  }
  return named.size === 1 ? [...named][0] : undefined;
}

/**
 * The unit of each input: given, else from its file name, else from its rows (the lead unit of most,
 * or the unit every row names, spelled as the templates' row for it spells it), else the file name.
 */
export function assignUnit(
  input: UnitInput,
  units: UnitDef[],
  /** The template's own name for a unit a file's rows name (templateRowUnit, built once per merge). */
  templateUnit: (text: string) => string | undefined,
): UnitAssignment {
  if (input.unitId?.trim()) {
    return { file: input.file, unit: matchUnit(input.unitId, units)?.id ?? input.unitId.trim(), from: "given" };
  }
  const byName = unitFromFileName(input.file, units);
  if (byName) return { file: input.file, unit: byName.id, from: "file-name" };
  const byRows = unitFromRows(input.table, units)?.id ?? unitNamedByRows(input.table, units);
  if (byRows) return { file: input.file, unit: templateUnit(byRows) ?? byRows, from: "rows" };
  return { file: input.file, unit: baseName(input.file), from: "none" };
}
