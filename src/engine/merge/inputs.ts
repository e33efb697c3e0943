/** From read grids to merge inputs: the same steps for the CLI, the pane's worker and the bench. */
import type { Grid } from "../grid";
import { recogniseTable } from "../recognise";
import type { TemplateSheet, UnitInput } from "./types";

function hasContent(grid: Grid): boolean {
  return grid.rows.some((cells) => cells.some((cell) => cell && (cell.error || String(cell.value ?? "").trim())));
}

/** The template workbook's Phụ lục sheets (sheets no template recognises, like an old log, are left alone). */
export function templateSheets(grids: Grid[]): TemplateSheet[] {
  return grids.flatMap((grid) => {
    const { table } = recogniseTable(grid);
    return table ? [{ grid, table }] : [];
  });
}

/** A unit file's recognised sheets as merge inputs, and the names of non-empty sheets that were not recognised. */
export function unitInputs(
  file: string,
  grids: Grid[],
  extra: { unitId?: string; receivedAt?: string } = {},
): { inputs: UnitInput[]; unrecognised: string[] } {
  const inputs: UnitInput[] = [];
  const unrecognised: string[] = [];
  for (const grid of grids) {
    if (!hasContent(grid)) continue;
    const { table } = recogniseTable(grid);
    if (table) inputs.push({ file, table, ...extra });
    else unrecognised.push(grid.name);
  }
  return { inputs, unrecognised };
}
