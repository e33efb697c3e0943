/**
 * Everything the check says about a fixed set of sheets, one line per finding and note (rule, cell,
 * severity, message, params), for performance work: the dump before and after a change must be
 * byte-identical. Sheets: every corpus workbook and every example as the xlsx adapter reads them back,
 * the seeds' four tables, the plan and period cases with their references, the bench's synthetic
 * sheets, and seeded random mutations of all of these (cells dropped, moved, swapped between rows).
 * `npx tsx bench/lib/findingsDump.ts > dump.txt`
 */
import { readWorkbook } from "../../src/adapters/xlsx/readWorkbook";
import { checkGrid, type SheetReport } from "../../src/engine/check";
import type { Cell, Grid } from "../../src/engine/grid";
import { referenceBook } from "../../src/engine/periods/reference";
import type { RuleContext } from "../../src/engine/rules";
import { workbookBytes } from "../../test/corpus/build";
import { CORPUS } from "../../test/corpus/cases";
import { EXAMPLE_WORKBOOKS } from "../../test/fixtures/examples";
import * as periods from "../../test/fixtures/periodCases";
import { seedGrid, seedWorkbookBuffer } from "../../test/fixtures/seedGrids";
import { SEED_DICH_VU_CONG, SEED_KET_QUA, SEED_PHU_LUC_I, SEED_PHU_LUC_II } from "../../test/fixtures/seedTables";
import { chiTieuGrid, kinhPhiGrid } from "./synthetic";

function dumpReport(title: string, report: SheetReport, out: string[]) {
  out.push(`## ${title} → ${report.template ?? "none"}`);
  for (const f of report.findings) {
    out.push(`F ${f.rule} ${f.sheet}!${f.cell} ${f.severity} ${f.message} ${JSON.stringify(f.params)}`);
  }
  for (const n of report.notes) out.push(`N ${JSON.stringify(n)}`);
}

/** A small seeded generator (mulberry32), so the mutated sheets are the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The grid with some cells dropped, copied from elsewhere in the sheet, or turned into text. */
function mutate(grid: Grid, seed: number): Grid {
  const rand = random(seed);
  const all: Cell[] = grid.rows.flatMap((row) => row.filter((c): c is Cell => c !== undefined));
  const rows = grid.rows.map((row) => {
    const cells: (Cell | undefined)[] = [];
    for (let c = 0; c < Math.max(row.length, 3); c++) {
      const cell = row[c];
      const roll = rand();
      if (roll < 0.06) continue;
      if (roll < 0.12 && all.length) cells[c] = all[Math.floor(rand() * all.length)];
      else if (roll < 0.15 && cell && typeof cell.value === "number") cells[c] = { value: String(cell.value) };
      else if (roll < 0.17 && cell) cells[c] = { ...cell, value: ` ${String(cell.value)}  x ` };
      else if (cell) cells[c] = cell;
    }
    return cells;
  });
  return { ...grid, rows, name: `${grid.name} ~${seed}` };
}

async function main() {
  const out: string[] = [];
  const grids: [string, Grid, Partial<RuleContext>][] = [];
  for (const c of CORPUS) {
    const read = await readWorkbook(await workbookBytes(c), { fileName: c.file });
    for (const g of read.grids) grids.push([`corpus ${c.file}`, g, {}]);
  }
  for (const e of EXAMPLE_WORKBOOKS) {
    const read = await readWorkbook(await seedWorkbookBuffer(e.sheets), { fileName: e.file });
    for (const g of read.grids) grids.push([`example ${e.file}`, g, {}]);
  }
  for (const seed of [SEED_PHU_LUC_I, SEED_PHU_LUC_II, SEED_KET_QUA, SEED_DICH_VU_CONG]) {
    for (const numbers of ["number", "text"] as const) grids.push([`seed ${numbers}`, seedGrid(seed, { numbers }), {}]);
  }
  const plan = referenceBook("ke-hoach-2024.xlsx", [seedGrid(periods.PLAN_SEED, { sheetName: "Phụ lục I" })]);
  const previous = referenceBook("ket-qua-6-thang.xlsx", [
    seedGrid(periods.RESULT_6_THANG, { sheetName: "Kết quả" }),
    seedGrid(periods.COUNTS_6_THANG, { sheetName: "Số liệu" }),
    seedGrid(periods.SERVICES_CLEAN, { sheetName: "DVC" }),
  ]);
  const references = { references: { plan, previous }, file: "ket-qua-9-thang.xlsx" };
  for (const [name, seed] of [
    ["9 tháng", periods.RESULT_9_THANG],
    ["9 tháng planted", periods.planted9Thang()],
    ["counts 9 tháng", periods.COUNTS_9_THANG],
    ["counts planted", periods.plantedCounts9Thang()],
    ["services outlier", periods.SERVICES_OUTLIER],
    ["services clean", periods.SERVICES_CLEAN],
  ] as const) {
    grids.push([`period ${name}`, seedGrid(seed, { sheetName: "Kết quả" }), references]);
  }
  grids.push(["bench kinh-phi", kinhPhiGrid(400), {}], ["bench chi-tieu", chiTieuGrid(400), {}]);
  const originals = [...grids];
  originals.forEach(([title, grid, ctx], i) => {
    for (let k = 0; k < 3; k++) grids.push([`mutated ${title}`, mutate(grid, i * 7 + k + 1), ctx]);
  });
  for (const [title, grid, ctx] of grids) dumpReport(`${title} / ${grid.name}`, checkGrid(grid, ctx), out);
  process.stdout.write(`${out.join("\n")}\n`);
}

void main();
