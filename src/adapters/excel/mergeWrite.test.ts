/**
 * mergeWrite over a recording fake of the Office.js calls it makes (worksheets.getItem/add/delete,
 * getRange(A1 | "r1:r2").values/numberFormat/insert("Down")/delete("Up"), format.font.bold,
 * freezePanes.freezeRows): like Office.js nothing happens until sync(), which is counted.
 */
import { parseA1, type CellValue, type Grid } from "../../engine/grid";
import { mergeWorkbook } from "../../engine/merge";
import { LOG_SHEET_NAME, logSheetRows } from "../../engine/merge/logSheet";
import {
  budgetBySection,
  budgetSheet,
  COL,
  blankForm,
  filledPhuLucI,
  rowIndexOf,
  sheetOf,
  unitCopy,
  unitInput,
  withCell,
} from "../../../test/fixtures/mergeCases";
import { SEED_PHU_LUC_II } from "../../../test/fixtures/seedTables";
import { mergeWrite } from "./mergeWrite";

type Sheet = Map<string, { value: CellValue | string; numberFormat?: string }>;

class RecordingWorkbook {
  syncCount = 0;
  private queue: (() => void)[] = [];
  readonly sheets = new Map<string, Sheet>();
  readonly worksheets = {
    getItem: (name: string) => this.worksheet(name),
    add: (name: string) => {
      this.queue.push(() => {
        if (this.sheets.has(name)) throw new Error(`ItemAlreadyExists: ${name}`);
        this.sheets.set(name, new Map());
      });
      return this.worksheet(name);
    },
  };

  constructor(grids: Grid[]) {
    for (const grid of grids) {
      const sheet: Sheet = new Map();
      grid.rows.forEach((cells, r) =>
        cells.forEach((cell, c) => cell && sheet.set(`${r},${c}`, { value: cell.value, numberFormat: cell.numFmt })),
      );
      this.sheets.set(grid.name, sheet);
    }
  }

  async sync() {
    this.syncCount++;
    const ops = this.queue;
    this.queue = [];
    ops.forEach((op) => op());
  }

  private sheet(name: string): Sheet {
    const sheet = this.sheets.get(name);
    if (!sheet) throw new Error(`ItemNotFound: ${name}`);
    return sheet;
  }

  private shiftRows(name: string, from: number, delta: number) {
    const sheet = this.sheet(name);
    const moved = new Map<string, { value: CellValue | string; numberFormat?: string }>();
    for (const [key, cell] of sheet) {
      const [r, c] = key.split(",").map(Number);
      if (r < from) moved.set(key, cell);
      else if (delta > 0 || r >= from - delta) moved.set(`${r + delta},${c}`, cell);
    }
    this.sheets.set(name, moved);
  }

  private worksheet(name: string) {
    const range = (address: string) => {
      const band = /^(\d+):(\d+)$/.exec(address);
      const start = band ? undefined : parseA1(address.split(":")[0])!;
      return {
        set values(rows: (CellValue | string)[][]) {
          self.queue.push(() =>
            rows.forEach((row, i) =>
              row.forEach((value, j) => {
                const key = `${start!.row + i},${start!.col + j}`;
                self.sheet(name).set(key, { ...self.sheet(name).get(key), value });
              }),
            ),
          );
        },
        set numberFormat(rows: string[][]) {
          self.queue.push(() =>
            rows.forEach((row, i) =>
              row.forEach((numberFormat, j) => {
                const key = `${start!.row + i},${start!.col + j}`;
                self.sheet(name).set(key, { value: "", ...self.sheet(name).get(key), numberFormat });
              }),
            ),
          );
        },
        insert(direction: string) {
          if (!band || direction !== "Down") throw new Error("fake: rows are inserted as whole rows, Down");
          self.queue.push(() => self.shiftRows(name, Number(band[1]) - 1, Number(band[2]) - Number(band[1]) + 1));
        },
        delete(direction: string) {
          if (!band || direction !== "Up") throw new Error("fake: rows are deleted as whole rows, Up");
          self.queue.push(() => self.shiftRows(name, Number(band[1]) - 1, -(Number(band[2]) - Number(band[1]) + 1)));
        },
        format: { font: { set bold(_: boolean) {} } },
      };
    };
    const self = this;
    return {
      getRange: range,
      delete: () => self.queue.push(() => void (self.sheet(name) && self.sheets.delete(name))),
      freezePanes: { freezeRows: (n: number) => void n },
    };
  }

  /** What a person sees: values by row, "" for empty. */
  valuesOf(name: string, rows: number, cols: number): (CellValue | string)[][] {
    const sheet = this.sheet(name);
    return Array.from({ length: rows }, (_, r) =>
      Array.from({ length: cols }, (_, c) => sheet.get(`${r},${c}`)?.value ?? ""),
    );
  }
}

function asContext(workbook: RecordingWorkbook): Excel.RequestContext {
  return { workbook, sync: () => workbook.sync() } as unknown as Excel.RequestContext;
}

function gridValues(grid: Grid, cols: number): (CellValue | string)[][] {
  return grid.rows.map((cells) => Array.from({ length: cols }, (_, c) => cells[c]?.value ?? ""));
}

describe("mergeWrite (Áp dụng)", () => {
  it("kinh-phi: inserts the item rows, writes every value and the log sheet in one sync", async () => {
    const { template: seed, parts } = budgetBySection(SEED_PHU_LUC_II);
    const template = budgetSheet(seed);
    const result = mergeWorkbook(
      [template],
      parts.map((part, i) => ({ unitId: `U${i}`, file: `u${i}.xlsx`, table: budgetSheet(part).table })),
    );
    const workbook = new RecordingWorkbook([template.grid]);
    await mergeWrite(asContext(workbook), result, { existingSheets: ["Phụ lục II"] });
    expect(workbook.syncCount).toBe(1);
    const grid = result.sheets[0].grid;
    expect(workbook.valuesOf("Phụ lục II", grid.rows.length, 5)).toEqual(gridValues(grid, 5));
    const rows = logSheetRows(result.log);
    expect(workbook.valuesOf(LOG_SHEET_NAME, rows.length, 8)).toEqual(rows);
  });

  it("after a conflict is settled, writes only the changed cells and replaces the log sheet (still one sync)", async () => {
    const filled = filledPhuLucI();
    const template = sheetOf(blankForm(filled));
    const internet = rowIndexOf(filled, "Tỷ lệ hộ gia đình có đường internet");
    const inputs = [
      unitInput(unitCopy(filled, "CNTT-BCVT"), "CNTT-BCVT.xlsx"),
      unitInput(withCell(unitCopy(filled, "TTBCXB"), internet, COL.actual, "85%"), "TTBCXB.xlsx"),
    ];
    const first = mergeWorkbook([template], inputs);
    const workbook = new RecordingWorkbook([template.grid]);
    await mergeWrite(asContext(workbook), first, { existingSheets: ["Phụ lục I"] });
    const settled = mergeWorkbook([template], inputs, { resolutions: { [first.conflicts[0].id]: "TTBCXB" } });
    await mergeWrite(asContext(workbook), settled, { existingSheets: ["Phụ lục I", LOG_SHEET_NAME], previous: first });
    expect(workbook.syncCount).toBe(2);
    const grid = settled.sheets[0].grid;
    expect(workbook.valuesOf("Phụ lục I", grid.rows.length, 9)).toEqual(gridValues(grid, 9));
    expect(workbook.valuesOf("Phụ lục I", grid.rows.length, 9)[template.table.rows[internet].row][COL.actual]).toBe(
      0.85,
    );
    const log = workbook.valuesOf(LOG_SHEET_NAME, settled.log.length + 1, 8);
    expect(log.some((row) => row[3] === "TTBCXB" && String(row[7]).includes("KHTC chọn"))).toBe(true);
  });
});
