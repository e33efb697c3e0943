import { budgetTable } from "../../../test/fixtures/tables";
import type { CellValue } from "../grid";
import { DEFAULT_UNITS } from "../units";
import { scaleSuspect } from "./scale-suspect";

const ctx = { units: DEFAULT_UNITS };
/** The seed's Phụ lục II amounts (triệu đồng), one of them replaced. */
const SEED_AMOUNTS = [40444, 6440, 25500, 30000, 30000, 396, 830, 998, 900, 89583];
const budget = (amounts: CellValue[], total?: CellValue) => budgetTable(amounts, total, "Đvt: triệu đồng");
const replaced = (index: number, value: number) => SEED_AMOUNTS.map((v, i) => (i === index ? value : v));

describe("scale-suspect", () => {
  it("says nothing on the seed's own amounts (396 … 89.583 is ordinary spread)", () => {
    expect(scaleSuspect.check(budget(SEED_AMOUNTS, 225091), ctx)).toEqual([]);
  });

  it("flags 224.591 stored as a decimal among whole amounts, naming 224591", () => {
    const [finding] = scaleSuspect.check(budget(SEED_AMOUNTS, 224.591), ctx);
    expect(finding).toMatchObject({ rule: "scale-suspect", severity: "warning", cell: "D14", expected: 224591 });
    expect(finding.message).toContain("có lẽ định ghi 224.591 triệu đồng");
    const [item] = scaleSuspect.check(budget(replaced(0, 40.444)), ctx);
    expect(item).toMatchObject({ cell: "D4", expected: 40444, actual: 40.444 });
  });

  it("does not flag a genuine decimal amount (near misses: 12,5 or a table of small decimals)", () => {
    expect(scaleSuspect.check(budget(replaced(5, 396.5)), ctx)).toEqual([]);
    expect(scaleSuspect.check(budget([1.25, 0.875, 2.125, 3.5]), ctx)).toEqual([]);
  });

  it("flags an amount about 1000× or 1/1000 of its neighbours' median", () => {
    const [big] = scaleSuspect.check(budget(replaced(3, 30000000)), ctx);
    expect(big).toMatchObject({ cell: "D7", expected: 30000 });
    const [small] = scaleSuspect.check(budget([30000, 25500, 40444, 30, 28000]), ctx);
    expect(small).toMatchObject({ cell: "D7", expected: 30000 });
    // 100× is not 1000×.
    expect(scaleSuspect.check(budget([30000, 25500, 40444, 300, 28000]), ctx)).toEqual([]);
  });
});

describe("scale-suspect: đồng typed into a triệu đồng column (10⁶)", () => {
  it("flags 830.000.000 for the seed's 830, and 1000× apart from 10⁶×", () => {
    const [slip] = scaleSuspect.check(budget(replaced(6, 830_000_000)), ctx);
    expect(slip).toMatchObject({ rule: "scale-suspect", severity: "warning", expected: 830, actual: 830_000_000 });
    expect(slip.message).toContain("1.000.000 lần");
    // 1000× an item within the 10³ band stays the 10³ slip, even in round millions.
    expect(scaleSuspect.check(budget(replaced(4, 30_000_000)), ctx)).toEqual([
      expect.objectContaining({ expected: 30_000, actual: 30_000_000 }),
    ]);
  });

  it("does not flag a large amount that, divided by 10⁶, lands far below every other item", () => {
    expect(scaleSuspect.check(budget(replaced(6, 2_000_000_000_000)), ctx)).toEqual([]);
  });
});
