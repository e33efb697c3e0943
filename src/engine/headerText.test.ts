import { columnName, foldHeader, periodOf } from "./headerText";

describe("foldHeader", () => {
  it("spells out the forms' abbreviations where they open a header", () => {
    expect(foldHeader("Đv\nchủ trì")).toBe("don vi chu tri");
    expect(foldHeader("ĐV phối hợp")).toBe("don vi phoi hop");
    expect(foldHeader("ND chỉ tiêu")).toBe("noi dung chi tieu");
    expect(foldHeader("KH năm 2024")).toBe("ke hoach nam 2024");
    expect(foldHeader("TH\n6 tháng")).toBe("thuc hien 6 thang");
    expect(foldHeader("Ước TH năm")).toBe("uoc thuc hien nam");
  });

  it("leaves abbreviations inside other words and TH/KH ratios alone", () => {
    expect(foldHeader("Tỷ lệ TH/KH (%)")).toBe("ty le th/kh (%)");
    expect(foldHeader("ĐVT")).toBe("dvt");
    expect(foldHeader("Tổng số DVC")).toBe("tong so dvc");
    expect(foldHeader("DV cung cấp thông tin trực tuyến")).toBe("dv cung cap thong tin truc tuyen");
  });
});

describe("periodOf", () => {
  it("reads months, quarters, the year and estimates", () => {
    expect(periodOf("6 thang")).toEqual({ months: 6, estimate: false });
    expect(periodOf("thuc hien 9 thang dau nam")).toEqual({ months: 9, estimate: false });
    expect(periodOf("quy ii")).toEqual({ months: 6, estimate: false });
    expect(periodOf("ca nam")).toEqual({ months: 12, estimate: false });
    expect(periodOf("uoc thuc hien nam")).toEqual({ months: 12, estimate: true });
    expect(periodOf("ke hoach nam 2024")).toEqual({ months: 12, estimate: false });
    expect(periodOf("ket qua thuc hien")).toBeUndefined();
  });
});

describe("columnName", () => {
  it("names a column by its header on one line, else by its letter", () => {
    const table = { headers: { 2: "Kế hoạch\n  năm 2024 ", 3: "   " } };
    expect(columnName(table, 2)).toBe("Kế hoạch năm 2024");
    expect(columnName(table, 3)).toBe("Cột D");
    expect(columnName(table, 27)).toBe("Cột AB");
  });
});
