/**
 * `unknown-unit`: a lead unit (Đơn vị chủ trì) that is not in the units list, with the closest
 * match. A cell may name several units (`CNTT-BCVT;\nTTBCXB`); each is checked. Budget tables
 * (kinh-phi) name outside owners (UBND huyện Chợ Mới, Ban QLDA…): any non-empty owner is accepted
 * there (spec §1). Co-operating units are not checked: they often name groups outside the list.
 */
import type { Finding } from "../finding";
import { buildFinding, quote } from "../messages";
import { closestUnit, isAllUnits, matchUnit, splitUnits } from "../units";
import { perText } from "./cells";
import type { Rule } from "./rule";

export const unknownUnit: Rule = {
  id: "unknown-unit",
  severity: "warning",
  check(table, ctx) {
    if (table.templateId === "kinh-phi") return [];
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
        const hintVi = closest ? ` Có phải “${closest.id}” (${closest.name})?` : "";
        const hintEn = closest ? ` Did you mean “${closest.id}” (${closest.name})?` : "";
        findings.push(
          buildFinding(table, this, {
            cell: ref.address,
            vi: `đơn vị chủ trì ${quote(name)} không có trong danh sách đơn vị.${hintVi}`,
            en: `the lead unit ${quote(name)} is not in the units list.${hintEn}`,
            expected: closest?.id ?? null,
            actual: name,
          }),
        );
      }
    }
    return findings;
  },
};
