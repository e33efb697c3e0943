/**
 * `unknown-unit`: a lead unit (Đơn vị chủ trì) that is not in the units list, with the closest
 * match. A cell may name several units (`CNTT-BCVT;\nTTBCXB`); each is checked. Budget tables
 * (kinh-phi) name outside owners (UBND huyện Chợ Mới, Ban QLDA…): any non-empty owner is accepted
 * there (spec §1). Co-operating units are not checked: they often name groups outside the list.
 */
import { makeFinding, type Finding, type FindingParams } from "../finding";
import { closestUnit, isAllUnits, matchUnit, splitUnits } from "../units";
import { perText } from "./cells";
import type { SheetRule } from "./rule";

interface UnknownUnitParams extends FindingParams {
  name: string;
  /** The closest unit of the list, offered as a guess. */
  closest?: { id: string; name: string };
}

export const unknownUnit: SheetRule<"unknown-unit", UnknownUnitParams> = {
  id: "unknown-unit",
  severity: "warning",
  tags: ["sheet", "units"],
  label: { vi: "Đơn vị không có trong danh sách", en: "Unknown unit" },
  message: {
    vi: (p, f) =>
      `đơn vị chủ trì ${f.quote(p.name)} không có trong danh sách đơn vị.` +
      (p.closest ? ` Có phải “${p.closest.id}” (${p.closest.name})?` : ""),
    en: (p, f) =>
      `the lead unit ${f.quote(p.name)} is not in the units list.` +
      (p.closest ? ` Did you mean “${p.closest.id}” (${p.closest.name})?` : ""),
  },
  examples: [{ name: "Phòng CNTT", closest: { id: "CNTT-BCVT", name: "Phòng Công nghệ thông tin" } }, { name: "Sở X" }],
  check(table, ctx) {
    if (table.template.policies.leadUnits === "any") return [];
    const findings: Finding[] = [];
    // The unknown names of a cell text, with their closest unit (the same few texts repeat down a sheet).
    const unknownIn = perText((text) =>
      isAllUnits(text)
        ? []
        : splitUnits(text, ctx.units)
            .filter((name) => !matchUnit(name, ctx.units))
            .map((name) => ({ name, closest: closestUnit(name, ctx.units) })),
    );
    for (const row of table.rows) {
      const ref = row.cells.leadUnit;
      if (!ref || !ref.text.trim()) continue;
      for (const { name, closest } of unknownIn(ref.text)) {
        findings.push(
          makeFinding(
            this,
            { sheet: table.sheet, cell: ref.address },
            {
              name,
              ...(closest ? { closest: { id: closest.id, name: closest.name } } : {}),
              expected: closest?.id ?? null,
              actual: name,
            },
          ),
        );
      }
    }
    return findings;
  },
};
