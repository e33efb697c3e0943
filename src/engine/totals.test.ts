import { seedGrid } from "../../test/fixtures/seedGrids";
import { SEED_PHU_LUC_II, type SeedTable } from "../../test/fixtures/seedTables";
import type { Table } from "./model";
import { recogniseTable } from "./recognise";
import { expectedTotals, sumCovered } from "./totals";

function read(seed: SeedTable, numbers: "text" | "number" = "number"): Table {
  const { table } = recogniseTable(seedGrid(seed, { numbers }));
  if (!table) throw new Error("not recognised");
  return table;
}

const SPLIT: SeedTable = {
  title: ["PHỤ LỤC II", "Đvt: triệu đồng"],
  header: ["STT", "Nội dung, nhiệm vụ", "Đơn vị chủ trì", "Vốn đầu tư", "Vốn sự nghiệp", "Tổng"],
  rows: [
    ["I", "Dự án", "", "", "", ""],
    ["1", "SOC", "Sở TTTT", "25.000", "500", "25.500"],
    ["2", "Endpoint", "Sở TTTT", "30.000", "", "30.001"],
    ["", "Cộng", "", "55.000", "500", "55.500"],
    ["", "Tổng cộng", "", "55.000", "", "55.501"],
  ],
};

describe("sumCovered", () => {
  it("adds the seed's ten items to 225091 while its Tổng cộng says 224591", () => {
    const table = read(SEED_PHU_LUC_II);
    const total = table.rows[table.rows.length - 1];
    expect(sumCovered(table, total, 0)).toEqual({ sum: 225091, complete: true });
    expect(total.amounts[0].parsed).toMatchObject({ kind: "number", value: 224591 });
  });

  it("is incomplete when a covered cell cannot be read, and keeps decimals free of float noise", () => {
    const rows = SEED_PHU_LUC_II.rows.map((r) => [...r]);
    rows[1][3] = "bốn mươi";
    rows[2][3] = "0,1";
    rows[4][3] = "0,2";
    const table = read({ ...SEED_PHU_LUC_II, rows });
    const total = table.rows[table.rows.length - 1];
    expect(sumCovered(table, total, 0)).toEqual({ sum: 225091 - 40444 - 6440 - 25500 + 0.3, complete: false });
  });
});

describe("expectedTotals", () => {
  it("lists the seed's Tổng cộng cell with the ten item cells as its parts", () => {
    const table = read(SEED_PHU_LUC_II, "text");
    const totals = expectedTotals(table);
    expect(totals).toHaveLength(1);
    expect(totals[0].cell.address).toBe("D19");
    expect(totals[0].expected).toBe(225091);
    expect(totals[0].parts.map((p) => p.address)).toEqual([
      "D7",
      "D8",
      "D10",
      "D11",
      "D13",
      "D14",
      "D15",
      "D16",
      "D17",
      "D18",
    ]);
  });

  it("checks subtotals and the total down each amount column, and the Tổng column across each row", () => {
    const table = read(SPLIT);
    const byCell = Object.fromEntries(
      expectedTotals(table).map((t) => [`${t.direction} ${t.cell.address}`, t.expected]),
    );
    expect(byCell).toEqual({
      // Across: Tổng = Vốn đầu tư + Vốn sự nghiệp on every row with amounts.
      "across F5": 25500,
      "across F6": 30000,
      "across F7": 55500,
      "across F8": 55000,
      // Down: Cộng and Tổng cộng over the two items, per column — the empty E8 too, as its items add to 500.
      "down D7": 55000,
      "down E7": 500,
      "down F7": 55501,
      "down D8": 55000,
      "down E8": 500,
      "down F8": 55501,
    });
  });

  it("lists nothing for a sheet without amounts", () => {
    const grid = seedGrid({ ...SPLIT, rows: SPLIT.rows.map((r) => r.map((c, i) => (i >= 3 ? "" : c))) });
    const { table } = recogniseTable(grid);
    expect(table && expectedTotals(table)).toEqual([]);
  });
});
