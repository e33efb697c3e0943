/** Re-applying a merge to a workbook that already holds an earlier result of the same merge. */
import type { SheetMerge, SheetPatch } from "./types";

/**
 * The cells that differ between two results of the same template (e.g. before and after the user
 * settled a conflict). Settling conflicts or accepting nothing new keeps the layout, so no rows move;
 * when the layouts differ (a proposal accepted added a kinh-phi item) undefined is returned and the
 * caller must start again from the template.
 */
export function changedCells(previous: SheetMerge, next: SheetMerge): SheetPatch | undefined {
  if (
    previous.grid.rows.length !== next.grid.rows.length ||
    previous.patch.rowChange?.delta !== next.patch.rowChange?.delta
  ) {
    return undefined;
  }
  const writes: SheetPatch["writes"] = [];
  next.grid.rows.forEach((cells, row) => {
    const before = previous.grid.rows[row] ?? [];
    const width = Math.max(cells.length, before.length);
    for (let col = 0; col < width; col++) {
      const a = before[col];
      const b = cells[col];
      const same =
        (a?.value ?? null) === (b?.value ?? null) &&
        (a?.numFmt ?? "") === (b?.numFmt ?? "") &&
        (a?.formula ?? "") === (b?.formula ?? "") &&
        (a?.error ?? "") === (b?.error ?? "");
      if (same) continue;
      const write: SheetPatch["writes"][number] = { row, col, value: b?.value ?? null };
      if (b?.numFmt) write.numFmt = b.numFmt;
      if (b?.formula) write.formula = b.formula;
      if (b?.error) write.error = b.error;
      writes.push(write);
    }
  });
  return { sheet: next.sheet, writes };
}
