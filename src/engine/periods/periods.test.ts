import { recogniseTable } from "../recognise";
import { parseTarget, parseTargetValue } from "../parse/target";
import { CHI_TIEU } from "../templates/chi-tieu";
import { defineTemplate } from "../template";
import type { TableRow } from "../model";
import { seedGrid } from "../../../test/fixtures/seedGrids";
import { PLAN_SEED, COUNTS_6_THANG, RESULT_9_THANG } from "../../../test/fixtures/periodCases";
import { isCumulative } from "./cumulative";
import { periodOf } from "./period";
import { sameTarget } from "./sameTarget";

const table = (seed: typeof PLAN_SEED, sheetName = "Sheet1") => recogniseTable(seedGrid(seed, { sheetName })).table!;

describe("periodOf", () => {
  it("reads the period and year from the title, the result header, the sheet name or the file name", () => {
    expect(periodOf(table(COUNTS_6_THANG))).toEqual({ months: 6, year: 2024 });
    expect(periodOf(table(RESULT_9_THANG))).toEqual({ months: 9, year: 2024 });
    // The plan: its `Năm 2024` is a target header, not a period.
    expect(periodOf(table(PLAN_SEED))).toEqual({ months: undefined, year: 2024 });
    const untitled = { ...COUNTS_6_THANG, title: [] };
    expect(periodOf(table(untitled, "Quý I"))).toEqual({ months: 3, year: undefined });
    expect(periodOf(table(untitled), "bao-cao_ca-nam_2024.xlsx")).toEqual({ months: 12, year: 2024 });
    const header = { ...untitled, header: untitled.header.map((h) => (h === "Kết quả" ? "Ước thực hiện cả năm" : h)) };
    expect(periodOf(table(header)).months).toBe(12);
    expect(periodOf(table(untitled, "Quý III"))).toEqual({ months: undefined, year: undefined });
  });
});

describe("isCumulative (templates/cumulative.ts)", () => {
  const row = (label: string, measure = ""): TableRow =>
    ({ label, cells: measure ? { measure: { text: measure } } : {} }) as unknown as TableRow;
  const def = CHI_TIEU.cumulative;

  it("no indicator of the seed plan is cumulative: all shares, rates or densities", () => {
    const labels = PLAN_SEED.rows.filter((r) => r[2]).map((r) => r[1]);
    expect(labels.filter((label) => isCumulative(def, row(label), false))).toEqual([]);
  });

  it("counts and amounts are, by ĐVT or by wording; a percentage value never is", () => {
    expect(isCumulative(def, row("Số lượt tiếp công dân", "vụ việc"), false)).toBe(true);
    expect(isCumulative(def, row("Tổng số tiền xử phạt vi phạm hành chính", "đồng"), false)).toBe(true);
    expect(isCumulative(def, row("Số hồ sơ tiếp nhận trực tuyến"), false)).toBe(true);
    expect(isCumulative(def, row("Kinh phí đã giải ngân", "triệu đồng"), false)).toBe(true);
    expect(isCumulative(def, row("Số hồ sơ tiếp nhận trực tuyến"), true)).toBe(false);
    expect(isCumulative(def, row("Tỷ lệ giải quyết hồ sơ trước hạn", "hồ sơ"), false)).toBe(false);
    expect(isCumulative(def, row("Số thuê bao băng rộng di động/100 dân", "thuê bao"), false)).toBe(false);
    // Neither list says: not judged.
    expect(isCumulative(def, row("Doanh thu Viễn thông, Bưu chính"), false)).toBe(false);
  });

  it("an override by label settles one indicator either way", () => {
    const own = defineTemplate({
      ...CHI_TIEU,
      cumulative: {
        ...CHI_TIEU.cumulative!,
        overrides: { "Doanh thu Viễn thông, Bưu chính": true, "Số lượt tiếp công dân": false },
      },
    }).cumulative;
    expect(isCumulative(own, row("Doanh thu viễn thông, bưu chính"), false)).toBe(true);
    expect(isCumulative(own, row("Số lượt tiếp công dân", "vụ việc"), false)).toBe(false);
  });
});

describe("sameTarget", () => {
  const same = (a: string, b: string) => sameTarget(parseTarget(a), parseTarget(b));
  it("compares what the targets mean, not how they are written", () => {
    expect(same("≥ 90%", "90%")).toBe(true);
    expect(same("Phấn đấu 50%", "50%")).toBe(true);
    expect(same("30% - 50%", "30%-50%")).toBe(true);
    expect(same("70% Đài Truyền thanh cấp huyện;\n 100% đài truyền thanh cấp xã", "70% cấp huyện; 100% cấp xã")).toBe(
      true,
    );
    expect(sameTarget(parseTargetValue(0.7, "0%"), parseTarget("70%"))).toBe(true);
  });
  it("a lowered, loosened or reshaped target differs", () => {
    expect(same("65%", "70%")).toBe(false);
    expect(same(">95%", "95%")).toBe(false);
    expect(same("Không quá 5", "5")).toBe(false);
    expect(same("30% - 40%", "30% - 50%")).toBe(false);
    expect(same("70% cấp huyện; 90% cấp xã", "70% cấp huyện; 100% cấp xã")).toBe(false);
  });
});
