/**
 * Which Tỷ lệ / Đánh giá cells "Tính tỷ lệ & đánh giá" would write, from the engine's attainment (spec §5, the
 * readers the rules use). Empty cells are filled; cells a unit typed are only proposed for replacement (the
 * pane asks first); equal values are left alone.
 */
import type { CellUpdate } from "../../adapters/excel/cells";
import { tableAttainment } from "../../engine/attainment";
import { a1 } from "../../engine/grid";
import type { CellRef, Table } from "../../engine/model";
import { foldText } from "../../engine/text";
import { matchesStated } from "../../engine/tolerance";

/** Decimals written into a Tỷ lệ cell (in percent points): 2, as the reports write 109,85 %. */
const RATIO_DECIMALS = 2;

export interface ProposedWrite extends CellUpdate {
  /** What the cell shows now ("" when empty). */
  current: string;
}

export interface AttainmentPlan {
  /** Empty cells: written without asking. */
  fill: ProposedWrite[];
  /** Cells holding a different typed value: written only if the user agrees. */
  replace: ProposedWrite[];
}

/** Format given to a ratio written as a share, so it shows as 106,25 % whatever the column's format was. */
export const SHARE_FORMAT = "0.00%";

/**
 * A Tỷ lệ column whose numbers are plain percent points (94.2 without a % format) keeps that convention;
 * otherwise (a % format, or no numbers yet) ratios are written as shares with SHARE_FORMAT, which Excel shows
 * as percent and the engine reads back as the same percent points.
 */
function ratioColumnUsesPoints(table: Table): boolean {
  return table.rows.some((r) => {
    const cell = r.cells.ratio?.cell;
    return typeof cell?.value === "number" && !cell.numFmt?.includes("%");
  });
}

function sameRatio(ref: CellRef, ratio: number): boolean {
  const parsed = ref.parsed;
  return parsed.kind === "number" && matchesStated(parsed.value, parsed.decimals, ratio);
}

export function attainmentPlan(table: Table): AttainmentPlan {
  const plan: AttainmentPlan = { fill: [], replace: [] };
  const points = ratioColumnUsesPoints(table);
  const propose = (ref: CellRef | undefined, write: Omit<ProposedWrite, "sheet" | "current">, same: boolean) => {
    const current = ref?.text ?? "";
    const proposed = { sheet: table.sheet, ...write, current };
    if (current === "") plan.fill.push(proposed);
    else if (!same) plan.replace.push(proposed);
  };
  for (const item of tableAttainment(table)) {
    const row = table.rows[item.index];
    const ratioCol = table.columns.ratio;
    if (ratioCol !== undefined && item.ratio !== undefined) {
      const rounded = Number(item.ratio.toFixed(RATIO_DECIMALS));
      const write = points
        ? { address: a1(row.row, ratioCol), value: rounded }
        : {
            address: a1(row.row, ratioCol),
            value: Number((rounded / 100).toFixed(RATIO_DECIMALS + 2)),
            numberFormat: SHARE_FORMAT,
          };
      const ref = row.cells.ratio;
      propose(ref, write, ref !== undefined && sameRatio(ref, item.ratio));
    }
    const assessmentCol = table.columns.assessment;
    if (assessmentCol !== undefined) {
      const ref = row.cells.assessment;
      propose(
        ref,
        { address: a1(row.row, assessmentCol), value: item.verdict },
        foldText(ref?.text ?? "") === foldText(item.verdict),
      );
    }
  }
  return plan;
}
