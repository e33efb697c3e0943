import type { SubmissionCell } from "./model";
import { rowHeights } from "./rowHeights";

const text = (value: string, bold = false): SubmissionCell => ({ value, style: { size: 12, wrap: true, bold } });

describe("rowHeights", () => {
  it("leaves single-line rows at the default height and grows rows whose text wraps", () => {
    const long =
      "Tỷ lệ cán bộ làm công tác thông tin cơ sở cấp huyện và cấp xã được đào tạo, bồi dưỡng về chuyên môn, nghiệp vụ, ứng dụng công nghệ để khai thác, biên soạn tài liệu";
    const [short, wrapped] = rowHeights(
      [
        [text("1"), text("Hệ thống bảo mật Endpoint")],
        [text("2"), text(long)],
      ],
      [],
      [6, 50],
    );
    expect(short).toBeUndefined();
    expect(wrapped).toBeGreaterThanOrEqual(2 * 15);
  });

  it("counts capitals as wider and line breaks as lines (Ban QLDA ĐTXD&KVPT ĐT AG needs three lines at width 16, as LibreOffice wraps it)", () => {
    const [capitals] = rowHeights([[text("Ban QLDA ĐTXD&KVPT ĐT AG")]], [], [16]);
    const [lower] = rowHeights([[text("ban qlda dtxd kvpt")]], [], [16]);
    const [upper] = rowHeights([[text("BAN QLDA DTXD KVPT")]], [], [16]);
    const [breaks] = rowHeights([[text("CNTT-BCVT;\nTTBCXB")]], [], [20]);
    expect(capitals).toBeGreaterThanOrEqual(3 * 15);
    expect(lower).toBeUndefined();
    expect(upper).toBeGreaterThanOrEqual(2 * 15);
    expect(breaks).toBeGreaterThanOrEqual(2 * 15);
  });

  it("measures a merged cell across its columns and ignores cells merged down several rows", () => {
    const title = "CHỈ TIÊU NGÀNH THÔNG TIN VÀ TRUYỀN THÔNG NĂM 2024";
    const merged = rowHeights([[text(title, true)]], [{ top: 0, left: 0, bottom: 0, right: 2 }], [20, 20, 20]);
    const alone = rowHeights([[text(title, true)]], [], [20, 20, 20]);
    const tall = rowHeights([[text(title, true)]], [{ top: 0, left: 0, bottom: 1, right: 0 }], [20]);
    expect(merged[0]).toBeUndefined();
    expect(alone[0]).toBeGreaterThan(15);
    expect(tall[0]).toBeUndefined();
  });
});
