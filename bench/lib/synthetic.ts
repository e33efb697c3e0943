/**
 * Synthetic Phụ lục sheets of any length, shaped like the seeds (sections, numbered items, totals,
 * Vietnamese units and targets), for the benchmarks. Totals are right, so timing is not skewed by
 * thousands of findings.
 */
import { gridFromValues, type CellValue, type Grid } from "../../src/engine/grid";
import { toRoman } from "../../src/engine/roman";

const OWNERS = ["Sở TTTT", "UBND huyện Chợ Mới", "UBND huyện Tri Tôn", "Ban QLDA ĐTXD&KVPT ĐT AG"];
const LEAD_UNITS = ["CNTT-BCVT", "TTBCXB", "KHTC", "Trung tâm CNTT-TT", "Thanh tra", "Văn phòng"];

/** Phụ lục II shape: `sections` Roman sections of items numbered continuously, and Tổng cộng. */
export function kinhPhiGrid(items: number, sections = 10): Grid {
  const rows: CellValue[][] = [
    ["PHỤ LỤC II"],
    ["Dự kiến kinh phí thực hiện năm 2024"],
    [null, null, null, "Đvt: triệu đồng"],
    ["STT", "Nội dung, nhiệm vụ", "Đơn vị chủ trì", "Nhu cầu kinh phí năm 2024", "Ghi chú"],
  ];
  const perSection = Math.ceil(items / sections);
  let total = 0;
  for (let i = 0; i < items; i++) {
    if (i % perSection === 0) rows.push([toRoman(i / perSection + 1), `Nhóm dự án thứ ${i / perSection + 1}`]);
    const amount = 100 + ((i * 37) % 900);
    total += amount;
    rows.push([
      String(i + 1),
      `Dự án đầu tư, mua sắm trang thiết bị CNTT số ${i + 1}`,
      OWNERS[i % OWNERS.length],
      amount,
    ]);
  }
  rows.push([null, "Tổng cộng", null, total]);
  return gridFromValues("Phụ lục II", rows);
}

/** Phụ lục I shape with results: targets, results, stated attainment and assessment, lead units. */
export function chiTieuGrid(items: number, sections = 10): Grid {
  const rows: CellValue[][] = [
    ["PHỤ LỤC I"],
    ["Chỉ tiêu ngành Thông tin và Truyền thông năm 2024"],
    [
      "STT",
      "Chỉ tiêu",
      "ĐVT",
      "Kế hoạch 2024",
      "Thực hiện",
      "Tỷ lệ (%) so với KH",
      "Đánh giá",
      "Đơn vị chủ trì",
      "Đơn vị phối hợp",
    ],
  ];
  const perSection = Math.ceil(items / sections);
  for (let i = 0; i < items; i++) {
    if (i % perSection === 0) rows.push([toRoman(i / perSection + 1), `Lĩnh vực thứ ${i / perSection + 1}`]);
    const target = 50 + (i % 50);
    const actual = target + (i % 3) - 1;
    const attainment = Math.round((actual / target) * 10000) / 100;
    const verdict = actual > target ? "Vượt" : actual === target ? "Đạt" : "Chưa đạt";
    rows.push([
      String((i % perSection) + 1),
      `Tỷ lệ hồ sơ thủ tục hành chính loại ${i + 1} xử lý trực tuyến`,
      "%",
      `${target}%`,
      actual,
      attainment,
      verdict,
      LEAD_UNITS[i % LEAD_UNITS.length],
      "Các phòng, Trung tâm CNTT-TT",
    ]);
  }
  return gridFromValues("Phụ lục I", rows);
}
