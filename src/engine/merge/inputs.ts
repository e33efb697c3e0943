/** From read grids to merge inputs: the same steps for the CLI, the pane's worker and the bench. */
import { a1, cellText, type Grid } from "../grid";
import type { Table } from "../model";
import { recogniseTable } from "../recognise";
import { parseCell } from "../parse/number";
import { tidyText } from "../text";
import { displayParsed } from "./values";
import type { ExtraCell, TemplateSheet, UnitInput } from "./types";
import { columnName } from "../headerText";
import { ownSheetKind } from "../review/sheets";
import { reviewStoreOf } from "../review/store";

function hasContent(grid: Grid): boolean {
  return grid.rows.some((cells) => cells.some((cell) => cell && (cell.error || String(cell.value ?? "").trim())));
}

/**
 * The template workbook's Phụ lục sheets. Sheets no template recognises are left alone, and so are PhuLuc's own:
 * the log of an earlier merge reads like a kinh-phi table and would be filled on the next one.
 */
export function templateSheets(grids: Grid[]): TemplateSheet[] {
  return grids.flatMap((grid) => {
    if (ownSheetKind(grid.name)) return [];
    const { table } = recogniseTable(grid);
    return table ? [{ grid, table }] : [];
  });
}

/** The non-empty cells of the table's rows in columns it does not read (extra or headerless ones). */
export function extraCells(grid: Grid, table: Table): ExtraCell[] {
  const read = new Set([...Object.values(table.columns), ...table.amountColumns.map((c) => c.col)]);
  const extras: ExtraCell[] = [];
  for (const row of table.rows) {
    (grid.rows[row.row] ?? []).forEach((cell, col) => {
      if (read.has(col) || !tidyText(cellText(cell))) return;
      // Shown as the sheet shows it: 0.95 formatted 0% is 95%.
      const text = displayParsed(parseCell(cell, "result"));
      extras.push({ row: row.row, col, address: a1(row.row, col), column: columnName(table, col), text });
    });
  }
  return extras;
}

/**
 * Which sheets of a unit's file are merge inputs: each non-empty sheet a template recognises, with
 * the cells of its rows the table does not read and the giải trình the workbook stores for it; the
 * names of non-empty sheets not recognised (PhuLuc's own sheets are neither).
 * Nothing of the grid is kept but what the table refers to, so a caller may drop the workbook.
 * `tableOf` recognises a sheet; a caller that has already (checkSheets) passes what it found.
 */
export function unitInputs(
  file: string,
  grids: Grid[],
  extra: Pick<UnitInput, "unitId" | "receivedAt" | "receivedFrom"> = {},
  tableOf: (grid: Grid) => Table | undefined = (grid) => recogniseTable(grid).table,
): { inputs: UnitInput[]; unrecognised: string[] } {
  const inputs: UnitInput[] = [];
  const unrecognised: string[] = [];
  const { explanations } = reviewStoreOf(grids);
  for (const grid of grids) {
    // PhuLuc's own sheets (its records, a status or feedback list) are not the unit's report.
    if (!hasContent(grid) || ownSheetKind(grid.name)) continue;
    const table = tableOf(grid);
    if (!table) {
      unrecognised.push(grid.name);
      continue;
    }
    const input: UnitInput = { file, table, ...extra };
    const extras = extraCells(grid, table);
    if (extras.length) input.extraCells = extras;
    const mine = explanations.filter((e) => e.sheet === grid.name);
    if (mine.length) input.explanations = mine;
    inputs.push(input);
  }
  return { inputs, unrecognised };
}
