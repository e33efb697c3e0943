import { seedGrid } from "../../test/fixtures/seedGrids";
import { SEED_DICH_VU_CONG, SEED_PHU_LUC_II, type SeedTable } from "../../test/fixtures/seedTables";
import type { Table } from "./model";
import { recogniseTable } from "./recognise";
import { toRoman } from "./roman";
import { classifyStt, coveredRows } from "./structure";

const HEADER = ["STT", "Nội dung, nhiệm vụ", "Đơn vị chủ trì", "Kinh phí", "Ghi chú"];

function budget(rows: string[][], options: Parameters<typeof seedGrid>[1] = {}): Table {
  const seed: SeedTable = { title: ["PHỤ LỤC II", "Đvt: triệu đồng"], header: HEADER, rows };
  const { table } = recogniseTable(seedGrid(seed, options));
  if (!table) throw new Error("not recognised");
  return table;
}

/** `stt:kind:level` of each row, to read the structure at a glance. */
function shape(table: Table): string[] {
  return table.rows.map((r) => `${r.stt || r.label}:${r.kind}:${r.level}`);
}

function coverStts(table: Table, label: string): string[] {
  const row = table.rows.find((r) => r.label === label || r.stt === label)!;
  return coveredRows(table, row).map((r) => r.stt);
}

describe("classifyStt", () => {
  it.each([
    ["I", "section"],
    ["XIV", "section"],
    ["XX", "section"],
    ["V.", "section"],
    ["B", "section"],
    ["XXI", "section"],
    ["XL", "section"],
    ["(XXV)", "section"],
    ["1", "item"],
    ["12.", "item"],
  ])("%s is a %s", (stt, type) => {
    expect(classifyStt(stt)?.type).toBe(type);
  });

  it("reads decimal depth and relative markers", () => {
    expect(classifyStt("1.2")).toEqual({ type: "decimal", depth: 2 });
    expect(classifyStt("2.1.3")).toEqual({ type: "decimal", depth: 3 });
    expect(classifyStt("a)")).toEqual({ type: "relative", key: "letter" });
    expect(classifyStt("b")).toEqual({ type: "relative", key: "letter" });
    expect(classifyStt("-")).toEqual({ type: "relative", key: "dash" });
    expect(classifyStt("+")).toEqual({ type: "relative", key: "plus" });
    expect(classifyStt("*")).toEqual({ type: "relative", key: "star" });
    expect(classifyStt("II.3")).toEqual({ type: "item" });
    expect(classifyStt("X.1")).toEqual({ type: "item" });
    expect(classifyStt("XIV.10")).toEqual({ type: "item" });
    expect(classifyStt("I.1.2")).toEqual({ type: "decimal", depth: 2 });
    expect(classifyStt("XXI.1")).toEqual({ type: "item" });
    expect(classifyStt("i")).toEqual({ type: "relative", key: "roman-lower" });
    expect(classifyStt("iii)")).toEqual({ type: "relative", key: "roman-lower" });
    expect(classifyStt("v")).toEqual({ type: "relative", key: "letter" });
  });

  it("does not take words or odd codes for numbering", () => {
    expect(classifyStt("")).toBeUndefined();
    expect(classifyStt("Tổng cộng")).toBeUndefined();
    expect(classifyStt("IIII")).toBeUndefined();
    expect(classifyStt("1a")).toBeUndefined();
  });
});

describe("row structure", () => {
  it("nests 1.1, a), -, + and unnumbered rows below the row they follow", () => {
    const table = budget([
      ["I", "Dự án", "", "", ""],
      ["1", "Trung tâm dữ liệu", "Sở TTTT", "", ""],
      ["1.1", "Phần cứng", "Sở TTTT", "", ""],
      ["a)", "Máy chủ", "Sở TTTT", "100", ""],
      ["-", "Máy chủ ứng dụng", "Sở TTTT", "", ""],
      ["+", "Cụm 1", "Sở TTTT", "", ""],
      ["-", "Máy chủ CSDL", "Sở TTTT", "", ""],
      ["b)", "Thiết bị mạng", "Sở TTTT", "50", ""],
      ["", "(gồm cả lắp đặt)", "", "", ""],
      ["1.2", "Phần mềm", "Sở TTTT", "200", ""],
      ["2", "Số hóa", "Sở TTTT", "300", ""],
    ]);
    expect(shape(table)).toEqual([
      "I:section:0",
      "1:item:1",
      "1.1:subitem:2",
      "a):subitem:3",
      "-:subitem:4",
      "+:subitem:5",
      "-:subitem:4",
      "b):subitem:3",
      "(gồm cả lắp đặt):subitem:4",
      "1.2:subitem:2",
      "2:item:1",
    ]);
    const parentStt = table.rows.map((r) => (r.parent === undefined ? "" : table.rows[r.parent].stt));
    expect(parentStt).toEqual(["", "I", "1", "1.1", "a)", "-", "a)", "1.1", "b)", "1", "I"]);
    expect(table.rows.every((r) => r.kind === "section" || r.section === 0)).toBe(true);
  });

  it("treats capital letters as sections and a dash right under a section as an item", () => {
    const table = budget([
      ["A", "Vốn đầu tư", "", "", ""],
      ["-", "Dự án SOC", "Sở TTTT", "25.500", ""],
      ["B", "Vốn sự nghiệp", "", "", ""],
      ["1", "Bảo trì", "Sở TTTT", "100", ""],
    ]);
    expect(shape(table)).toEqual(["A:section:0", "-:item:1", "B:section:0", "1:item:1"]);
  });

  it("reads sections past XX as sections, each with its own items and subtotal (was a sub-item of XX)", () => {
    const rows: string[][] = [];
    for (let n = 19; n <= 23; n++) {
      rows.push([toRoman(n), `Lĩnh vực ${n}`, "", "", ""], ["1", `Dự án ${n}`, "Sở TTTT", String(n), ""]);
      rows.push(["", `Cộng mục ${toRoman(n)}`, "", String(n), ""]);
    }
    const table = budget(rows);
    expect(table.rows.filter((r) => r.kind === "section").map((r) => r.stt)).toEqual([
      "XIX",
      "XX",
      "XXI",
      "XXII",
      "XXIII",
    ]);
    for (const subtotal of table.rows.filter((r) => r.kind === "subtotal")) {
      expect(coverStts(table, subtotal.label)).toEqual(["1"]);
      expect(table.rows[subtotal.section!].stt).toBe(subtotal.label.replace("Cộng mục ", ""));
    }
  });

  it("reads numbered STT cells stored as numbers", () => {
    const table = budget(SEED_PHU_LUC_II.rows, { sttAsNumbers: true });
    expect(table.rows.filter((r) => r.kind === "item")).toHaveLength(10);
  });

  it("tells subtotals from the total, and does not take an item named 'Cộng đồng …' for a subtotal", () => {
    const table = budget([
      ["I", "Dự án", "", "", ""],
      ["1", "Cộng đồng số", "Sở TTTT", "10", ""],
      ["2", "IOC", "Sở TTTT", "20", ""],
      ["", "Cộng mục I", "", "30", ""],
      ["II", "Khác", "", "", ""],
      ["3", "SOC", "Sở TTTT", "5", ""],
      ["", "Cộng (II)", "", "5", ""],
      ["", "Tổng cộng", "", "35", ""],
    ]);
    expect(shape(table)).toEqual([
      "I:section:0",
      "1:item:1",
      "2:item:1",
      "Cộng mục I:subtotal:0",
      "II:section:0",
      "3:item:1",
      "Cộng (II):subtotal:0",
      "Tổng cộng:total:0",
    ]);
    expect(coverStts(table, "Cộng mục I")).toEqual(["1", "2"]);
    expect(coverStts(table, "Cộng (II)")).toEqual(["3"]);
    // The total covers items, never the subtotals (no double counting).
    expect(coverStts(table, "Tổng cộng")).toEqual(["1", "2", "3"]);
    expect(table.rows[3]).toMatchObject({ section: 0, parent: 0 });
  });

  it("takes a bare Tổng số for the total, but not an unnumbered row that starts with it", () => {
    const table = budget([
      ["I", "Dự án", "", "", ""],
      ["1", "IOC", "Sở TTTT", "10", ""],
      ["", "Tổng số máy chủ được trang bị", "", "", ""],
      ["", "Tổng số:", "", "10", ""],
    ]);
    expect(table.rows.map((r) => r.kind)).toEqual(["section", "item", "subitem", "total"]);
  });

  it("lets 'Cộng A' cover part A's Roman sections when the letter parts hold them", () => {
    const table = budget([
      ["A", "Vốn đầu tư", "", "", ""],
      ["I", "Dự án chuyển tiếp", "", "", ""],
      ["1", "IOC", "Sở TTTT", "10", ""],
      ["II", "Dự án mới", "", "", ""],
      ["2", "SOC", "Sở TTTT", "5", ""],
      ["", "Cộng mục II", "", "5", ""],
      ["", "Cộng A", "", "15", ""],
      ["B", "Vốn sự nghiệp", "", "", ""],
      ["3", "Bảo trì", "Sở TTTT", "1", ""],
      ["", "Cộng B", "", "1", ""],
      ["", "Tổng cộng", "", "16", ""],
    ]);
    expect(coverStts(table, "Cộng mục II")).toEqual(["2"]);
    expect(coverStts(table, "Cộng A")).toEqual(["1", "2"]);
    expect(coverStts(table, "Cộng B")).toEqual(["3"]);
    expect(coverStts(table, "Tổng cộng")).toEqual(["1", "2", "3"]);
  });

  it("reads Tổng cộng typed in the STT cell, and a last bare Tổng after several sections as the total", () => {
    const typedInStt = budget([
      ["I", "Dự án", "", "", ""],
      ["1", "IOC", "Sở TTTT", "10", ""],
      ["Tổng cộng", "", "", "10", ""],
    ]);
    expect(typedInStt.rows[2]).toMatchObject({ kind: "total", label: "Tổng cộng" });

    const twoSections = [
      ["I", "Dự án", "", "", ""],
      ["1", "IOC", "Sở TTTT", "10", ""],
      ["II", "Khác", "", "", ""],
      ["2", "SOC", "Sở TTTT", "5", ""],
    ];
    const bare = budget([...twoSections, ["", "Tổng", "", "15", ""]]);
    expect(bare.rows[4].kind).toBe("total");
    expect(coverStts(bare, "Tổng")).toEqual(["1", "2"]);

    // A bare Cộng likewise, when no other section closes with one; where each does, the last is its section's.
    const cong = budget([...twoSections, ["", "Cộng", "", "15", ""]]);
    expect(cong.rows[4].kind).toBe("total");
    expect(coverStts(cong, "Cộng")).toEqual(["1", "2"]);
    const eachSection = budget([
      ["I", "Dự án", "", "", ""],
      ["1", "IOC", "Sở TTTT", "10", ""],
      ["", "Cộng", "", "10", ""],
      ["II", "Khác", "", "", ""],
      ["2", "SOC", "Sở TTTT", "5", ""],
      ["", "Cộng", "", "5", ""],
    ]);
    expect(eachSection.rows.map((r) => r.kind)).toEqual(["section", "item", "subtotal", "section", "item", "subtotal"]);
  });

  it("covers sub-items where an item states no amount of its own, and not where it does", () => {
    const table = budget([
      ["1", "Trung tâm dữ liệu", "Sở TTTT", "", ""],
      ["a", "Phần cứng", "Sở TTTT", "100", ""],
      ["b", "Phần mềm", "Sở TTTT", "50", ""],
      ["2", "Số hóa", "Sở TTTT", "300", ""],
      ["-", "Huyện Chợ Mới", "UBND huyện Chợ Mới", "100", ""],
      ["-", "Huyện Tri Tôn", "UBND huyện Tri Tôn", "200", ""],
      ["", "Tổng cộng", "", "450", ""],
    ]);
    expect(coverStts(table, "Tổng cộng")).toEqual(["a", "b", "2"]);
  });

  it("lets a section stating its amount cover its items, and the total cover sections when no item has an amount", () => {
    const withItems = budget([
      ["I", "Dự án", "", "30", ""],
      ["1", "IOC", "Sở TTTT", "10", ""],
      ["2", "SOC", "Sở TTTT", "20", ""],
      ["", "Tổng cộng", "", "30", ""],
    ]);
    expect(coverStts(withItems, "I")).toEqual(["1", "2"]);
    expect(coverStts(withItems, "Tổng cộng")).toEqual(["1", "2"]);

    const sectionsOnly = budget([
      ["I", "Dự án", "", "30", ""],
      ["II", "Khác", "", "20", ""],
      ["", "Tổng cộng", "", "50", ""],
    ]);
    expect(coverStts(sectionsOnly, "Tổng cộng")).toEqual(["I", "II"]);
    expect(sectionsOnly.rows[0].covers).toBeUndefined();
  });

  it("stops at the signature block and skips blank rows inside the table", () => {
    const rows = [...SEED_PHU_LUC_II.rows];
    rows.splice(3, 0, ["", "", "", "", ""]);
    const table = budget(rows, { footer: ["Nơi nhận:", "- UBND tỉnh;", "GIÁM ĐỐC", "Nguyễn Văn A"] });
    expect(table.rows).toHaveLength(SEED_PHU_LUC_II.rows.length);
    expect(table.rows[table.rows.length - 1].kind).toBe("total");

    expect(table.stoppedAt).toEqual({ row: 2 + SEED_PHU_LUC_II.rows.length + 2 + 1, reason: "footer" });

    const noTotal = budget(SEED_PHU_LUC_II.rows.slice(0, 3), { footer: ["Nơi nhận:", "- UBND tỉnh;", "KT. GIÁM ĐỐC"] });
    expect(noTotal.rows).toHaveLength(3);
    expect(noTotal.stoppedAt).toEqual({ row: 7, reason: "footer" });
  });

  it("ends the table at an unnumbered row after the total, and says where", () => {
    const table = budget([...SEED_PHU_LUC_II.rows, ["", "Dự phòng", "Sở TTTT", "1.000", ""]]);
    expect(table.rows).toHaveLength(SEED_PHU_LUC_II.rows.length);
    expect(table.stoppedAt).toEqual({ row: 3 + SEED_PHU_LUC_II.rows.length, reason: "after-total" });
    // Notes under the table end it as its footer does (spec §2.0).
    for (const note of ["Ghi chú: số liệu dự kiến", "(*) Số liệu ước", "Nguồn: Sở Tài chính", "(1) Theo dự toán"]) {
      const noted = budget([...SEED_PHU_LUC_II.rows, ["", note, "", "", ""]]);
      expect(noted.stoppedAt).toEqual({ row: 3 + SEED_PHU_LUC_II.rows.length, reason: "footer" });
    }
    expect(budget(SEED_PHU_LUC_II.rows).stoppedAt).toBeUndefined();
  });

  it("ends the table where another Phụ lục pasted below it begins", () => {
    const rows = [...SEED_PHU_LUC_II.rows.slice(0, 3), ["", "", "", "", ""], ["PHỤ LỤC III", "", "", "", ""], HEADER];
    const table = budget(rows);
    expect(table.rows).toHaveLength(3);
    expect(table.stoppedAt).toEqual({ row: 3 + 4, reason: "next-table" });
  });

  it("ends the table after 10 empty rows, and skips a header repeated on a later page", () => {
    const rows = [
      ...SEED_PHU_LUC_II.rows.slice(0, 3),
      HEADER,
      ...SEED_PHU_LUC_II.rows.slice(3, 5),
      ...Array.from({ length: 10 }, () => ["", "", "", "", ""]),
      ["1", "Bảng khác", "Sở TTTT", "5", ""],
    ];
    const table = budget(rows);
    expect(table.rows.map((r) => r.stt)).toEqual(["I", "1", "2", "II", "3"]);
    expect(table.stoppedAt).toEqual({ row: 3 + 16, reason: "blank-run" });
  });

  it("makes a dich-vu-cong total row cover every unit row, wherever it stands", () => {
    const seed: SeedTable = {
      ...SEED_DICH_VU_CONG,
      header: ["Đơn vị", ...SEED_DICH_VU_CONG.header.slice(1)],
      rows: [
        ["Toàn tỉnh", "30", "", "20", "10", "", ""],
        ["Huyện Chợ Mới", "10", "", "5", "5", "", "98%"],
        ["Huyện Tri Tôn", "20", "", "15", "5", "", "97%"],
      ],
    };
    const { table } = recogniseTable(seedGrid(seed));
    expect(table?.templateId).toBe("dich-vu-cong");
    expect(table?.rows.map((r) => r.kind)).toEqual(["total", "item", "item"]);
    expect(table?.rows[0].covers).toEqual([1, 2]);
  });
});

describe("sub-items and what is not data (spec §2.0)", () => {
  const plan = (rows: string[][]) =>
    recogniseTable(
      seedGrid({ title: [], header: ["STT", "Chỉ tiêu", "Kế hoạch", "Đơn vị chủ trì"], rows }, { numbers: "text" }),
    ).table!;

  it("sub-items inherit their item's target and lead unit unless they state their own", () => {
    const table = plan([
      ["1", "Tỷ lệ hộ xem được truyền hình", "100%", "TTBCXB"],
      ["a)", "Thành thị", "", ""],
      ["-", "Phường", "", "CNTT-BCVT"],
      ["b)", "Nông thôn", "95%", ""],
    ]);
    const [item, a, dash, b] = table.rows;
    expect(item.inherited).toBeUndefined();
    expect(a.inherited).toEqual({ target: item.cells.target, leadUnit: item.cells.leadUnit });
    expect(dash.inherited).toEqual({ target: item.cells.target });
    expect(b.inherited).toEqual({ leadUnit: item.cells.leadUnit });
  });

  it("ends the table at a note, a footnote, or text with no figure below an empty row", () => {
    const rows = [
      ["1", "Tỷ lệ hộ xem được truyền hình", "100%", "TTBCXB"],
      ["2", "Tỷ lệ hộ nghe được phát thanh", "100%", "TTBCXB"],
    ];
    expect(plan([...rows, ["", "", "", ""], ["", "Số liệu ước đến 31/12", "", ""]]).rows).toHaveLength(2);
    expect(plan([...rows, ["Ghi chú: số liệu ước", "", "", ""]]).stoppedAt?.reason).toBe("footer");
    expect(plan([...rows, ["", "(*) Số liệu ước", "", ""]]).rows).toHaveLength(2);
    // An unnumbered continuation right under a row is still data.
    expect(plan([...rows, ["", "Khu vực nông thôn", "95%", ""]]).rows).toHaveLength(3);
  });
});
