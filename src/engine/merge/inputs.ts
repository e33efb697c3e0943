/** From read grids to merge inputs: the same steps for the CLI, the pane's worker and the bench. */
import { a1, cellText, type Grid } from "../grid";
import type { Table } from "../model";
import { recogniseTable } from "../recognise";
import { parseCell } from "../parse/number";
import { tidyText } from "../text";
import { displayParsed } from "./values";
import type { ExtraCell, TemplateSheet, UnitInput } from "./types";
import { columnName } from "../headerText";
import { PhuLucError } from "../errors";
import { isOwnSheetAsWritten, ownSheetKind } from "../review/sheets";
import { isMergeLogSheet } from "./logSheet";
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
  refuseConsolidation(file, grids);
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

/**
 * A workbook a merge wrote (its `Nhật ký tổng hợp` as PhuLuc writes it) holds every unit's figures: taken as one
 * unit's file, it would be credited to the unit that leads most rows and replace the others' own files. Refused,
 * with the two ways it is meant to be used.
 */
function refuseConsolidation(file: string, grids: Grid[]): void {
  const log = grids.find((grid) => isMergeLogSheet(grid.name) && isOwnSheetAsWritten(grid));
  if (!log) return;
  throw new PhuLucError(
    "bad-template",
    `Tệp “${file}” là một bảng tổng hợp (có trang “${log.name}” do PhuLuc ghi), không phải báo cáo của một đơn vị, ` +
      `nên không được tổng hợp. Muốn tổng hợp thêm vào bảng này, hãy dùng nó làm mẫu (--template); nếu đây là báo ` +
      `cáo một đơn vị đã tự tổng hợp, hãy xoá các trang PhuLuc ghi (${log.name}, Tình trạng nộp) rồi gửi lại.`,
    `File “${file}” is a consolidated workbook (it has the “${log.name}” sheet PhuLuc writes), not one unit's ` +
      `report, so it was not merged. To merge more into it, use it as the template (--template); if it is a unit's ` +
      `own consolidation, delete the sheets PhuLuc wrote (${log.name}, Tình trạng nộp) and send it again.`,
  );
}
