import { DEFAULT_UNITS, closestUnit, editDistance, isAllUnits, matchUnit, splitUnits, unitKey } from "./units";
import { SEED_PHU_LUC_I, SEED_PHU_LUC_II } from "../../test/fixtures/seedTables";

const idOf = (text: string) => matchUnit(text, DEFAULT_UNITS)?.id;

describe("DEFAULT_UNITS", () => {
  it("is spec §1's table", () => {
    expect(DEFAULT_UNITS.map((u) => u.id)).toEqual([
      "CNTT-BCVT",
      "TTBCXB",
      "KHTC",
      "TT-CNTTTT",
      "THANH-TRA",
      "VAN-PHONG",
    ]);
    expect(DEFAULT_UNITS.find((u) => u.id === "TT-CNTTTT")).toEqual({
      id: "TT-CNTTTT",
      name: "Trung tâm Công nghệ Thông tin và Truyền thông",
      aliases: ["Trung tâm CNTT-TT", "TT CNTTTT"],
    });
  });
});

describe("matchUnit", () => {
  it.each([
    ["CNTT-BCVT", "CNTT-BCVT"],
    ["Phòng CNTT - BCVT", "CNTT-BCVT"],
    ["phong cntt bcvt", "CNTT-BCVT"],
    ["Phòng Công nghệ thông tin - Bưu chính viễn thông", "CNTT-BCVT"],
    ["TTBCXB", "TTBCXB"],
    ["Phòng Thông tin - Báo chí - Xuất bản", "TTBCXB"],
    ["Phòng Kế hoạch Tài chính", "KHTC"],
    ["Phòng KHTC", "KHTC"],
    ["Trung tâm CNTT-TT", "TT-CNTTTT"],
    ["TT CNTTTT", "TT-CNTTTT"],
    ["TT-CNTTTT", "TT-CNTTTT"],
    ["Thanh tra", "THANH-TRA"],
    ["Thanh tra Sở", "THANH-TRA"],
    ["  thanh   TRA  ", "THANH-TRA"],
    ["Văn phòng Sở", "VAN-PHONG"],
    ["Văn phòng".normalize("NFD"), "VAN-PHONG"],
  ])("%s → %s", (text, id) => {
    expect(idOf(text)).toBe(id);
  });

  it("matches no unit for outside owners or near misses", () => {
    for (const owner of ["Sở TTTT", "UBND huyện Chợ Mới", "Ban QLDA ĐTXD&KVPT ĐT AG", "CNTT-BCT", "", "Phòng"]) {
      expect(idOf(owner)).toBeUndefined();
    }
  });

  it("matches every lead unit of the seed's Phụ lục I", () => {
    const leads = SEED_PHU_LUC_I.rows.flatMap((row) => splitUnits(row[3]));
    expect(leads.length).toBeGreaterThan(25);
    expect(leads.filter((lead) => !idOf(lead))).toEqual([]);
  });

  it("uses a user's own list", () => {
    const units = [{ id: "SO-TTTT", name: "Sở Thông tin và Truyền thông", aliases: ["Sở TTTT", "STTTT"] }];
    expect(matchUnit("Sở TTTT", units)?.id).toBe("SO-TTTT");
    expect(matchUnit("CNTT-BCVT", units)).toBeUndefined();
  });
});

describe("closestUnit", () => {
  it("suggests the unit a typo meant", () => {
    expect(closestUnit("CNTT-BCT", DEFAULT_UNITS)?.id).toBe("CNTT-BCVT");
    expect(closestUnit("TTBCXN", DEFAULT_UNITS)?.id).toBe("TTBCXB");
    expect(closestUnit("Thanh ta", DEFAULT_UNITS)?.id).toBe("THANH-TRA");
  });

  it("suggests nothing for names far from every unit", () => {
    for (const owner of SEED_PHU_LUC_II.rows.map((row) => row[2]).filter(Boolean)) {
      expect(closestUnit(owner, DEFAULT_UNITS)).toBeUndefined();
    }
    expect(closestUnit("", DEFAULT_UNITS)).toBeUndefined();
  });

  it("measures edit distance", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("cnttbcvt", "cnttbcvt")).toBe(0);
  });
});

describe("splitUnits", () => {
  it("splits on semicolons and line breaks", () => {
    expect(splitUnits("CNTT-BCVT;\nTTBCXB")).toEqual(["CNTT-BCVT", "TTBCXB"]);
    expect(splitUnits("CNTT-BCVT\n- TTBCXB.")).toEqual(["CNTT-BCVT", "TTBCXB"]);
  });

  it("splits on commas only between names", () => {
    expect(splitUnits("CNTT-BCVT, TTBCXB")).toEqual(["CNTT-BCVT", "TTBCXB"]);
    expect(splitUnits("Sở TTTT, UBND huyện Tri Tôn")).toEqual(["Sở TTTT", "UBND huyện Tri Tôn"]);
    expect(splitUnits("Phòng Thông tin, truyền thông")).toEqual(["Phòng Thông tin, truyền thông"]);
  });

  it("splits on 'và' only between known units (names contain 'và')", () => {
    expect(splitUnits("CNTT-BCVT và TTBCXB")).toEqual(["CNTT-BCVT", "TTBCXB"]);
    expect(splitUnits("Trung tâm Công nghệ Thông tin và Truyền thông")).toEqual([
      "Trung tâm Công nghệ Thông tin và Truyền thông",
    ]);
  });

  it("keeps an all-units phrase whole", () => {
    expect(splitUnits("Các phòng, Trung tâm CNTT-TT")).toEqual(["Các phòng, Trung tâm CNTT-TT"]);
    expect(splitUnits("  ")).toEqual([]);
  });
});

describe("isAllUnits", () => {
  it.each(["Các phòng, Trung tâm CNTT-TT", "các phòng", "Các đơn vị thuộc Sở", "Tất cả các phòng", "Toàn Sở"])(
    "%s means all units",
    (text) => {
      expect(isAllUnits(text)).toBe(true);
    },
  );

  it.each(["CNTT-BCVT", "Trung tâm CNTT-TT", "Phòng Kế hoạch Tài chính", "Văn phòng", ""])("%s is one unit", (text) => {
    expect(isAllUnits(text)).toBe(false);
  });

  it("folds keys the spec's way", () => {
    expect(unitKey("Phòng CNTT - BCVT")).toBe("cnttbcvt");
    expect(unitKey("Thanh tra Sở")).toBe("thanhtra");
  });
});
