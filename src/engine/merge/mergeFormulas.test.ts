import { recogniseTable } from "../recognise";
import { mergeWorkbook } from ".";
import { COL, blankForm, filledPhuLucI, leadsOf, unitCopy, unitInput } from "../../../test/fixtures/mergeCases";
import { seedLayout } from "../../../test/fixtures/seedGrids";

const filled = filledPhuLucI();
/** Rows whose target is a plain `N%`: the template's Tỷ lệ formula computes them. */
const computed = filled.rows.flatMap((row, i) => (row[COL.ratio] ? [i] : []));
const UNIT = "CNTT-BCVT";

/**
 * The blank form, its Tỷ lệ cells `=D/C*100` as Excel cached them on it (D empty: 0), and a title cell citing
 * another sheet, cached "Năm 2024".
 */
function template() {
  const { grid, layout } = seedLayout(blankForm(filled), { sheetName: "Phụ lục I" });
  const rowOf = (i: number) => layout.firstDataRow + i;
  for (const i of computed) {
    const r = rowOf(i) + 1;
    grid.rows[rowOf(i)][COL.ratio] = { value: 0, formula: `D${r}/C${r}*100`, numFmt: "#,##0.0" };
  }
  grid.rows[1][COL.note] = { value: "Năm 2024", formula: "'Hướng dẫn'!A1" };
  // Two lookups PhuLuc cannot compute (VLOOKUP is not among its functions): one over the title, which no unit
  // changes, one over the Thực hiện of a computed row the unit leads, which it fills.
  const led = computed.find((i) => leadsOf(filled.rows[i][COL.lead]).includes(UNIT))!;
  const first = rowOf(led) + 1;
  grid.rows[0][COL.note] = { value: "PHỤ LỤC", formula: "VLOOKUP(A1,A1:B2,1,FALSE)" };
  grid.rows[2][COL.note] = { value: 0, formula: `VLOOKUP(C${first},C${first}:D${first},2,FALSE)` };
  const { table } = recogniseTable(grid);
  return { sheet: { grid, table: table! }, rowOf };
}

describe("merge: the consolidated sheet's formulas computed again", () => {
  const { sheet, rowOf } = template();
  // The unit fills Thực hiện, not Tỷ lệ: the template computes it.
  const copy = unitCopy(filled, UNIT);
  const rows = copy.rows.map((row) => row.map((text, c) => (c === COL.ratio ? "" : text)));
  const input = unitInput({ ...copy, rows }, `PL1_${UNIT}.xlsx`);
  const [merged] = mergeWorkbook([sheet], [input]).sheets;
  const formulaWrites = merged.patch.writes.filter((w) => w.formula !== undefined);
  /** The unit's rows the formula computes: their Thực hiện arrived, so their Tỷ lệ changed from 0. */
  const changed = computed.filter((i) => leadsOf(filled.rows[i][COL.lead]).includes(UNIT));

  it("writes the formulas whose result changed, and only those, with the formula and number format kept", () => {
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.length).toBeLessThan(computed.length);
    const ratios = formulaWrites.filter((w) => w.col === COL.ratio);
    expect(ratios.map((w) => w.row)).toEqual(changed.map(rowOf));
    for (const w of ratios) {
      const r = w.row + 1;
      expect(w).toMatchObject({ formula: `D${r}/C${r}*100`, numFmt: "#,##0.0" });
      const [target, actual] = [COL.target, COL.actual].map((c) => merged.grid.rows[w.row][c]!.value as number);
      expect(w.value).toBeCloseTo((actual / target) * 100, 9);
      expect(merged.grid.rows[w.row][COL.ratio]?.value).toBe(w.value);
    }
  });

  it("leaves the rows no unit filled as the template cached them (0), unwritten", () => {
    const untouched = computed.find((i) => !changed.includes(i))!;
    expect(merged.grid.rows[rowOf(untouched)][COL.ratio]).toMatchObject({ value: 0 });
  });

  it("keeps the cache of a formula it cannot compute while nothing it cites changed; drops it when something did", () => {
    expect(merged.grid.rows[0][COL.note]).toMatchObject({ value: "PHỤ LỤC" });
    expect(formulaWrites.filter((w) => w.row === 0)).toEqual([]);
    expect(merged.grid.rows[2][COL.note]).toMatchObject({ value: null });
  });

  it("drops the cache of a formula it cannot compute (another sheet): it reads as not calculated", () => {
    const cited = { value: null, formula: "'Hướng dẫn'!A1" };
    expect(merged.grid.rows[1][COL.note]).toEqual(cited);
    expect(formulaWrites.filter((w) => w.row === 1)).toEqual([{ row: 1, col: COL.note, ...cited }]);
  });
});
