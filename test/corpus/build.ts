/**
 * A small language for the corpus's sheets: rows of values as a unit types them, turned into a
 * Grid and then into a real .xlsx through exceljs, so every case is read back by the same adapter
 * the CLI and the pane use.
 */
import ExcelJS from "exceljs";
import { parseA1, type Cell, type CellRange, type Grid } from "../../src/engine/grid";
import { addGridSheet } from "../fixtures/seedGrids";
import type { RuleId } from "../../src/engine/finding";
import type { TemplateId } from "../../src/engine/template";

/** A typed value: text, a number, or a full cell (percent formats, formulas). */
export type Typed = string | number | Cell | null | undefined;

/** The share `points` % stored as Excel stores it (0.942 formatted `0.0%`). */
export function pct(points: number, decimals = String(points).split(".")[1]?.length ?? 0): Cell {
  return {
    value: Number((points / 100).toFixed(decimals + 2)),
    numFmt: decimals ? `0.${"0".repeat(decimals)}%` : "0%",
  };
}

/** A number shown with thousands groups (`#,##0`), or with `decimals` decimals. */
export function num(value: number, decimals = 0): Cell {
  return { value, numFmt: decimals ? `#,##0.${"0".repeat(decimals)}` : "#,##0" };
}

/** What a careful KHTC reviewer expects the check to say about one cell, decided before running it. */
export interface Expected {
  rule: RuleId;
  cell: string;
  /** Why, in the reviewer's words. */
  why: string;
}

export interface CaseSheet {
  name: string;
  template: TemplateId;
  rows: Typed[][];
  /** Merged ranges, `A1:E1`. */
  merges?: string[];
  expect: Expected[];
}

export interface CorpusCase {
  file: string;
  /** What the workbook holds and plants. */
  about: string;
  /** Where the spec is silent: the decision this case stands for. */
  decision?: string;
  sheets: CaseSheet[];
}

function cellOf(value: Typed): Cell | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  if (typeof value === "string" || typeof value === "number") return { value };
  return value;
}

function rangeOf(text: string): CellRange {
  const [from, to] = text.split(":").map((a) => parseA1(a));
  if (!from || !to) throw new Error(`bad range ${text}`);
  return { top: from.row, left: from.col, bottom: to.row, right: to.col };
}

export function gridOf(sheet: CaseSheet): Grid {
  return {
    name: sheet.name,
    // Sparse rows, as a reader gives them: empty cells are holes, not undefined entries.
    rows: sheet.rows.map((row) => {
      const cells: (Cell | undefined)[] = [];
      row.forEach((value, c) => {
        const cell = cellOf(value);
        if (cell) cells[c] = cell;
      });
      return cells;
    }),
    merges: (sheet.merges ?? []).map(rangeOf),
    hiddenRows: [],
  };
}

export async function workbookBytes(corpusCase: CorpusCase): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of corpusCase.sheets) addGridSheet(workbook, gridOf(sheet));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Builds the planted workbook and its clean twin from one layout (`plant` false: every planted error corrected). */
export function twins(
  file: string,
  about: string,
  build: (plant: boolean) => CaseSheet[],
  decision?: string,
): CorpusCase[] {
  return [
    { file: `${file}.xlsx`, about, decision, sheets: build(true) },
    { file: `${file}-sach.xlsx`, about: `${about} — bản sạch (clean twin)`, decision, sheets: build(false) },
  ];
}
