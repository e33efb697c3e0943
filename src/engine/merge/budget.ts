/**
 * kinh-phi: the consolidated list is the union of the template's items and the units' items, section
 * by section (a unit item matching a template item by label fills it; an unmatched one is added to
 * its section; a near match is only proposed), renumbered, with the section subtotals and the Tổng
 * cộng recomputed through the engine's own totals (totals.ts). Each item keeps its owner (Đơn vị
 * chủ trì as written). Amounts in another money unit (Đvt) are converted to the template's.
 */
import type { Cell } from "../grid";
import { a1 } from "../grid";
import type { Table, TableRow } from "../model";
import { missingReport } from "../rules/missing-report";
import { recogniseTable } from "../recognise";
import { sumCovered } from "../totals";
import {
  isNonEmptyRow,
  proposalFor,
  type Contribution,
  type MergeRun,
  noCompleteness,
  type SheetCompleteness,
  type UnitSheet,
} from "./context";
import { carryExplanation } from "./indicators";
import { labelKey, PROPOSAL_THRESHOLD, tokenSimilarity } from "./keys";
import { filledValue, resolveCell, type Candidate, type CellQuestion } from "./resolve";
import { replaceRegion, SheetBuilder, type RegionRow } from "./sheetBuilder";
import { sumFormula } from "./sumFormula";
import type { Proposal, SheetMerge, TemplateSheet } from "./types";
import { leadUnitsOf } from "./unitOf";
import { copyCell, isEmptyRef } from "./values";
import { tidyText } from "../text";

interface BudgetItem {
  key: string;
  label: string;
  templateRow?: TableRow;
  /** The unit row that introduced an item the template did not have. */
  origin?: Contribution;
  owner: string;
  contributions: Contribution[];
  children: BudgetItem[];
}

interface BudgetSection {
  key: string;
  templateRow?: TableRow;
  items: BudgetItem[];
  subtotal?: TableRow;
}

/** Unit amount column → template amount column: by header, else by position. */
function amountMap(template: Table, unit: Table): (number | undefined)[] {
  const keys = template.amountColumns.map((c) => labelKey(c.header));
  return unit.amountColumns.map((column, j) => {
    const byHeader = keys.indexOf(labelKey(column.header));
    if (byHeader >= 0) return byHeader;
    return j < template.amountColumns.length && unit.amountColumns.length === template.amountColumns.length
      ? j
      : undefined;
  });
}

function templateSections(table: Table): { sections: BudgetSection[]; totals: TableRow[] } {
  const sections: BudgetSection[] = [{ key: "", items: [] }];
  const bySection = new Map<number | undefined, BudgetSection>([[undefined, sections[0]]]);
  const items = new Map<number, BudgetItem>();
  const totals: TableRow[] = [];
  for (const row of table.rows) {
    if (row.kind === "section") {
      const section: BudgetSection = { key: labelKey(row.label), templateRow: row, items: [] };
      sections.push(section);
      bySection.set(row.index, section);
    } else if (row.kind === "subtotal") {
      const section = bySection.get(row.section);
      if (section) section.subtotal = row;
    } else if (row.kind === "total") {
      totals.push(row);
    } else {
      const item: BudgetItem = {
        key: labelKey(row.label),
        label: row.label,
        templateRow: row,
        owner: row.cells.leadUnit?.text ?? "",
        contributions: [],
        children: [],
      };
      items.set(row.index, item);
      const parent = row.kind === "subitem" && row.parent !== undefined ? items.get(row.parent) : undefined;
      if (parent) parent.children.push(item);
      else (bySection.get(row.section) ?? sections[0]).items.push(item);
    }
  }
  return { sections, totals };
}

function allItems(list: BudgetItem[]): BudgetItem[] {
  return list.flatMap((item) => [item, ...allItems(item.children)]);
}

export function mergeBudgetSheet(
  run: MergeRun,
  template: TemplateSheet,
  sources: UnitSheet[],
): { sheet: SheetMerge; completeness: SheetCompleteness } {
  const { table } = template;
  const { sections, totals } = templateSections(table);
  const hasSections = sections.length > 1;

  for (const source of sources) {
    const placed = new Map<number, BudgetItem>();
    const used = new Set<BudgetItem>();
    for (const row of source.table.rows) {
      if (!isNonEmptyRow(source.table, row, source.extras)) continue;
      if (row.kind !== "item" && row.kind !== "subitem") {
        run.logRow(source, row, "recomputed", "Tổng do đơn vị ghi; bảng tổng hợp tính lại.");
        continue;
      }
      const contribution: Contribution = { source, row, outcomes: [], notes: [] };
      const key = labelKey(row.label);
      const unitSection = row.section !== undefined ? source.table.rows[row.section] : undefined;
      let section = unitSection
        ? sections.find((s) => s.templateRow && s.key === labelKey(unitSection.label))
        : undefined;
      if (!unitSection && !hasSections) section = sections[0];
      if (!unitSection && hasSections) {
        // An owner sending only its item, without the section row above it: the section holding that item.
        const owners = sections.filter((s) => allItems(s.items).some((item) => item.key === key));
        if (owners.length === 1) section = owners[0];
        else {
          const near = nearestItem(row, sections, used);
          const proposal = near && proposalFor(source, row, table, near.item.templateRow!, near.similarity);
          if (!proposal || !run.accepted.has(proposal.id)) {
            if (proposal) run.proposals.push(proposal);
            run.unknownRow(source, row, proposal, {
              vi: "không nằm dưới mục nào (I, II…) và không trùng khoản nào của mẫu tổng hợp",
              en: "stands under no section (I, II…) and is no item of the consolidated template",
            });
            continue;
          }
          section = near.section;
        }
      }
      if (!section) {
        const proposal = unitSection && sectionProposal(source, unitSection, sections, table);
        if (proposal && run.accepted.has(proposal.id)) {
          section = sections.find((s) => s.templateRow?.cells.indicator?.address === proposal.target.cell);
        } else {
          if (proposal && !run.proposals.some((p) => p.id === proposal.id)) run.proposals.push(proposal);
          run.unknownRow(source, row, proposal);
          continue;
        }
      }
      const parent = row.kind === "subitem" && row.parent !== undefined ? placed.get(row.parent) : undefined;
      const siblings = parent ? parent.children : section!.items;
      let item = siblings.find((candidate) => candidate.key === key && !used.has(candidate));
      if (!item) {
        const near = siblings
          .filter((candidate) => candidate.templateRow && !used.has(candidate))
          .map((candidate) => ({ candidate, similarity: tokenSimilarity(row.label, candidate.label) }))
          .filter((n) => n.similarity >= PROPOSAL_THRESHOLD)
          .sort((a, b) => b.similarity - a.similarity)[0];
        if (near) {
          const proposal = proposalFor(source, row, table, near.candidate.templateRow!, near.similarity);
          if (run.accepted.has(proposal.id)) item = near.candidate;
          else {
            run.proposals.push(proposal);
            run.unknownRow(source, row, proposal);
            continue;
          }
        }
      }
      if (!item) {
        item = {
          key,
          label: row.label,
          origin: contribution,
          owner: row.cells.leadUnit?.text || source.unit,
          contributions: [],
          children: [],
        };
        siblings.push(item);
      }
      used.add(item);
      item.contributions.push(contribution);
      placed.set(row.index, item);
    }
  }
  return layOut(run, template, sections, totals);
}

/** The template item most like a row that names no section, anywhere in the sheet. */
function nearestItem(
  row: TableRow,
  sections: BudgetSection[],
  used: Set<BudgetItem>,
): { item: BudgetItem; section: BudgetSection; similarity: number } | undefined {
  let best: { item: BudgetItem; section: BudgetSection; similarity: number } | undefined;
  for (const section of sections) {
    for (const item of allItems(section.items)) {
      if (!item.templateRow || used.has(item)) continue;
      const similarity = tokenSimilarity(row.label, item.label);
      if (similarity >= PROPOSAL_THRESHOLD && (!best || similarity > best.similarity))
        best = { item, section, similarity };
    }
  }
  return best;
}

function sectionProposal(
  source: UnitSheet,
  unitSection: TableRow,
  sections: BudgetSection[],
  table: Table,
): Proposal | undefined {
  const best = sections
    .filter((s) => s.templateRow)
    .map((s) => ({ s, similarity: tokenSimilarity(unitSection.label, s.templateRow!.label) }))
    .sort((a, b) => b.similarity - a.similarity)[0];
  if (!best || best.similarity < PROPOSAL_THRESHOLD) return undefined;
  return proposalFor(source, unitSection, table, best.s.templateRow!, best.similarity);
}

/** Money scale of a unit's sheet relative to the template's (Đvt đồng vs triệu đồng). */
function scaleFactor(template: Table, unit: Table): number {
  const to = template.unitLine?.scale;
  const from = unit.unitLine?.scale;
  return to && from ? from / to : 1;
}

function scaled(cell: Cell | undefined, factor: number): Cell | undefined {
  const copy = copyCell(cell);
  if (!copy || factor === 1 || typeof copy.value !== "number") return copy;
  return { ...copy, value: Number((copy.value * factor).toPrecision(15)) };
}

function layOut(
  run: MergeRun,
  template: TemplateSheet,
  sections: BudgetSection[],
  totals: TableRow[],
): { sheet: SheetMerge; completeness: SheetCompleteness } {
  const { table, grid } = template;
  const cols = table.columns;
  const width = Math.max(0, ...Object.keys(table.headers).map(Number)) + 1;
  const dataRows = table.rows.map((r) => r.row);
  const first = dataRows.length ? Math.min(...dataRows) : Math.max(...table.headerRows) + 1;
  const oldCount = dataRows.length ? Math.max(...dataRows) - first + 1 : 0;
  const firstItemStt = table.rows.find((r) => r.kind === "item")?.cells.stt?.cell?.value;
  const sttCell = (n: number): Cell => ({ value: typeof firstItemStt === "number" ? n : String(n) });

  const region: RegionRow[] = [];
  const placedItems: { item: BudgetItem; at: number }[] = [];
  const completeness = noCompleteness();
  let number = 0;
  const place = (item: BudgetItem, top: boolean) => {
    const cells: RegionRow = item.templateRow ? [...(grid.rows[item.templateRow.row] ?? [])] : [];
    if (top) {
      number++;
      if (cols.stt !== undefined) cells[cols.stt] = sttCell(number);
    } else if (!item.templateRow && cols.stt !== undefined) {
      cells[cols.stt] = copyCell(item.origin!.row.cells.stt?.cell);
    }
    if (!item.templateRow) {
      const origin = item.origin!.row;
      if (cols.indicator !== undefined) cells[cols.indicator] = copyCell(origin.cells.indicator?.cell);
      if (cols.leadUnit !== undefined) cells[cols.leadUnit] = { value: item.owner };
    }
    placedItems.push({ item, at: first + region.length });
    region.push(cells);
    for (const child of item.children) place(child, false);
  };
  for (const section of sections) {
    if (table.template.numbering === "per-section") number = 0;
    if (section.templateRow) region.push([...(grid.rows[section.templateRow.row] ?? [])]);
    for (const item of section.items) place(item, true);
    if (section.subtotal) region.push([...(grid.rows[section.subtotal.row] ?? [])]);
  }
  for (const total of totals) region.push([...(grid.rows[total.row] ?? [])]);

  const builder = new SheetBuilder(grid);
  const rowChange = replaceRegion(builder, first, oldCount, region, width);
  const filled: SheetMerge["filled"] = [];

  for (const { item, at } of placedItems) {
    const owners = leadUnitsOf(item.owner, run.units);
    // Only owners in the units list send files; an outside owner (UBND huyện, Ban QLDA) never does (spec §1).
    const leads = owners.filter((owner) => run.units.some((unit) => unit.id === owner));
    const indicatorCell = a1(at, cols.indicator ?? 0);
    table.amountColumns.forEach((column, index) => {
      const address = a1(at, column.col);
      const candidates: Candidate[] = item.contributions.flatMap((contribution) => {
        const unitTable = contribution.source.table;
        const j = amountMap(table, unitTable).indexOf(index);
        const ref = j >= 0 ? contribution.row.amounts[j] : undefined;
        if (!ref || isEmptyRef(ref)) return [];
        const factor = scaleFactor(table, unitTable);
        const cell = scaled(ref.cell, factor);
        if (factor !== 1) {
          contribution.notes.push(`Đổi từ ${unitTable.unitLine?.text} sang ${table.unitLine?.text}.`);
        }
        const parsed = ref.parsed.kind === "number" ? { ...ref.parsed, value: ref.parsed.value * factor } : ref.parsed;
        return [{ contribution, address: ref.address, cell, parsed }];
      });
      const question: CellQuestion = {
        sheet: table.sheet,
        cell: address,
        indicator: item.label,
        column: tidyText(column.header),
        leads,
        candidates,
      };
      const kept = resolveCell(run, question);
      if (!kept) return;
      builder.set(at, column.col, kept.cell);
      filled.push(filledValue(question, kept, kept.cell));
    });
    for (const c of item.contributions) if (c.outcomes.length === 0) c.outcomes.push("merged");
    carryExplanation(builder, table, at, item.contributions, item.templateRow?.cells.note?.text ?? "");
    for (const c of item.contributions)
      run.logContribution({ ...c, target: { sheet: table.sheet, cell: indicatorCell } }, table);

    if (item.templateRow?.kind === "subitem" || (!item.templateRow && item.origin?.row.kind === "subitem")) continue;
    completeness.indicatorRows++;
    completeness.expected.push(...leads);
    const isFilled = table.amountColumns.some((column) => builder.rows[at]?.[column.col]?.value != null);
    if (isFilled) completeness.filledRows++;
    else
      completeness.emptyRows.push({
        sheet: table.sheet,
        cell: indicatorCell,
        indicator: item.label,
        leadUnits: owners,
      });
    const leadSent = item.contributions.some((c) => leads.includes(c.source.unit));
    if (leads.length > 0 && !leadSent && !isFilled) {
      run.finding(
        missingReport,
        { sheet: table.sheet, cell: a1(at, table.amountColumns[0]?.col ?? cols.indicator ?? 0) },
        { kind: "item", units: leads.join(", "), label: item.label },
      );
    }
  }
  recomputeTotals(builder, table);
  return builder.finish(table, filled, completeness, rowChange);
}

/** Subtotals and Tổng cộng of the laid-out sheet, by the same totals the rules check against. */
function recomputeTotals(builder: SheetBuilder, template: Table): void {
  const consolidated = recogniseTable(builder.grid(), [template.template]).table;
  if (!consolidated) return;
  for (const row of consolidated.rows) {
    if (!row.covers) continue;
    consolidated.amountColumns.forEach((column, index) => {
      const { sum } = sumCovered(consolidated, row, index);
      const format = row.amounts[index]?.cell?.numFmt ?? firstNumFmt(consolidated, row.covers!, index);
      const summed = row.covers!.map((i) => consolidated.rows[i].row);
      const formula = row.amounts[index]?.cell?.formula ? sumFormula(builder.rows, summed, column.col) : undefined;
      builder.set(row.row, column.col, {
        value: sum,
        ...(format ? { numFmt: format } : {}),
        ...(formula ? { formula } : {}),
      });
    });
  }
}

function firstNumFmt(table: Table, covers: number[], index: number): string | undefined {
  return covers.map((i) => table.rows[i].amounts[index]?.cell?.numFmt).find(Boolean);
}
