/**
 * The corpus: Phụ lục workbooks typed the way units type them (issue 8), built in code from the
 * seeds' tables. Every planted error has a clean twin (`…-sach.xlsx`): the same sheet with the error
 * corrected, on which the check must say nothing. Expected findings (rule, cell) were written by
 * hand, row by row, before the checker was run — the row numbers in the comments are the sheet's.
 */
import {
  SEED_DICH_VU_CONG,
  SEED_KET_QUA,
  SEED_PHU_LUC_I,
  SEED_PHU_LUC_II,
  type SeedTable,
} from "../fixtures/seedTables";
import { num, pct, twins, type CaseSheet, type CorpusCase, type Expected, type Typed } from "./build";

const ALL = "Các phòng, Trung tâm CNTT-TT";
const ORG: Typed[][] = [
  ["UBND TỈNH AN GIANG", null, null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
  ["SỞ THÔNG TIN VÀ TRUYỀN THÔNG", null, null, null, "Độc lập - Tự do - Hạnh phúc"],
];
const SIGNATURE: Typed[][] = [
  [null, "Nơi nhận:", null, null, "KT. GIÁM ĐỐC"],
  [null, "- UBND tỉnh;", null, null, "PHÓ GIÁM ĐỐC"],
  [null, "- Lưu: VT, KHTC."],
  [null, null, null, null, "(Đã ký)"],
  [],
  [null, null, null, null, "Nguyễn Văn Hùng"],
];
const when = <T>(plant: boolean, planted: T, clean: T): T => (plant ? planted : clean);
const only = (plant: boolean, expected: Expected[]): Expected[] => (plant ? expected : []);

/** A seed table as printed: title lines, the header, the rows; numbers and shares as Excel stores them. */
function seedRows(seed: SeedTable): Typed[][] {
  const typed = (text: string): Typed => {
    if (/^\d{1,3}(\.\d{3})+$|^\d+$/.test(text)) return num(Number(text.replace(/\./g, "")));
    const share = /^(\d+)(?:,(\d+))?%$/.exec(text.trim());
    if (share) return pct(Number(`${share[1]}.${share[2] ?? "0"}`), share[2]?.length ?? 0);
    return text;
  };
  return [
    ...seed.title.map((line) => (/^đvt/i.test(line) ? [null, null, null, null, line] : [line])),
    seed.header,
    ...seed.rows.map((row) => row.map((text, c) => (c === 0 ? text : typed(text)))),
  ];
}

// --- The seeds' four tables verbatim ------------------------------------------------------------
const SEEDS: CorpusCase[] = [
  {
    file: "00-seed-phu-luc-i.xlsx",
    about: "Phụ lục I of 000_… verbatim (plan: targets `>10%`, compound, `30% - 50%`, `Phấn đấu 50%`)",
    sheets: [{ name: "Phụ lục I", template: "chi-tieu", rows: seedRows(SEED_PHU_LUC_I), expect: [] }],
  },
  {
    file: "00-seed-phu-luc-ii.xlsx",
    about: "Phụ lục II of 000_… verbatim: its items add up to 225.091, its Tổng cộng says 224.591",
    sheets: [
      {
        name: "Phụ lục II",
        template: "kinh-phi",
        // Rows 1–4 title and Đvt, 5 header, 6–18 sections and items, 19 Tổng cộng.
        rows: seedRows(SEED_PHU_LUC_II),
        expect: [{ rule: "total-mismatch", cell: "D19", why: "the seed's own error: 225.091 vs 224.591" }],
      },
    ],
  },
  {
    file: "00-seed-ket-qua.xlsx",
    about: "the results table of 003_… verbatim (text results, blank Đánh giá, Có thể đạt)",
    sheets: [{ name: "Kết quả 6 tháng", template: "ket-qua", rows: seedRows(SEED_KET_QUA), expect: [] }],
  },
  {
    file: "00-seed-dich-vu-cong.xlsx",
    about: "the online-service counts the reports state in prose, as a table",
    sheets: [{ name: "Dịch vụ công", template: "dich-vu-cong", rows: seedRows(SEED_DICH_VU_CONG), expect: [] }],
  },
];

// --- A: column-number and formula legends, KH/TH, Đv chủ trì ------------------------------------
const legend = twins(
  "01-chu-giai-cot",
  "chi-tieu with results: org and Quốc hiệu lines, `KH năm 2024`/`TH năm 2024`/`Tỷ lệ TH/KH (%)`/`Đv chủ trì`, a legend row `(1) … (6)=(5)/(4)`; planted: a wrong Tỷ lệ",
  (plant) => [
    {
      name: "Phụ lục I",
      template: "chi-tieu",
      merges: ["A4:H4", "A5:H5"],
      rows: [
        ...ORG, // 1–2
        [], // 3
        ["PHỤ LỤC I"], // 4
        ["KẾT QUẢ THỰC HIỆN CHỈ TIÊU NGÀNH NĂM 2024"], // 5
        ["STT", "Chỉ tiêu", "ĐVT", "KH năm 2024", "TH năm 2024", "Tỷ lệ TH/KH (%)", "Đv chủ trì", "Đv phối hợp"], // 6
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)=(5)/(4)", "(7)", "(8)"], // 7
        ["I", "Lĩnh vực Bưu chính, Viễn thông"], // 8
        [
          "1",
          "Tỷ lệ xã có điểm phục vụ bưu chính có người phục vụ và có kết nối Internet",
          "%",
          "100%",
          pct(100),
          100,
          "CNTT-BCVT",
          ALL,
        ], // 9
        ["2", "Số thuê bao băng rộng cố định/100 dân", "thuê bao", 23, 25, 108.7, "CNTT-BCVT", ALL], // 10
        [
          "3",
          "Tỷ lệ dân số trưởng thành có điện thoại thông minh",
          "%",
          "75%",
          pct(72),
          when(plant, 98, 96),
          "CNTT-BCVT",
          ALL,
        ], // 11
        ["II", "Lĩnh vực Ứng dụng CNTT và Chuyển đổi số"], // 12
        ["1", "Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến", "%", "50%", pct(61.3), 122.6, "CNTT-BCVT", ALL], // 13
        ["2", "Tỷ lệ CQNN hoàn thiện Chính quyền điện tử", "%", "70%", pct(70), 100, "CNTT-BCVT", ALL], // 14
        [], // 15
        ...SIGNATURE,
      ],
      expect: only(plant, [{ rule: "attainment-mismatch", cell: "F11", why: "72/75 is 96%, the sheet says 98" }]),
    },
  ],
  "The legend `(6)=(5)/(4)` names the Tỷ lệ column's sources: TH (5) over KH (4).",
);

// --- B: Ghi chú, footnotes, Nguồn and a signature block under a flat results table ---------------
const notes = twins(
  "02-ghi-chu-chu-ky",
  "the seed's results table with `Ghi chú:` right under the last row (label column), `(*)` and `Nguồn:` lines and a two-column signature; planted: an emptied Kết quả",
  (plant) => {
    const rows = seedRows(SEED_KET_QUA); // 1–2 title, 3 header, 4–17 items
    if (plant) rows[6] = ["4", SEED_KET_QUA.rows[3][1], null, "Đạt"]; // row 7: Kết quả left empty
    return [
      {
        name: "Kết quả 6 tháng",
        template: "ket-qua",
        rows: [
          ...rows,
          [
            null,
            "Ghi chú: Kết quả tính đến ngày 15/6/2024; các chỉ tiêu đánh giá cả năm sẽ cập nhật trong báo cáo năm.",
          ], // 18
          [null, "(*) Số liệu do Văn phòng Sở tổng hợp, 03/03 chi bộ đã báo cáo."], // 19
          [null, "Nguồn: Báo cáo của các chi bộ trực thuộc."], // 20
          [], // 21
          [null, "Người lập biểu", null, "Thủ trưởng đơn vị"], // 22
          [null, "(ký, ghi rõ họ tên)", null, "(ký tên, đóng dấu)"], // 23
          [],
          [null, "Lê Thị Mai", null, "Trần Văn Bình"],
        ],
        expect: only(plant, [{ rule: "required-empty", cell: "C7", why: "item 4 has no Kết quả" }]),
      },
    ];
  },
);

// --- C: sub-items a)/b)/-/+ inherit the item's lead unit and target ------------------------------
const subItems = twins(
  "03-muc-con",
  "chi-tieu plan with sub-items `a)`, `b)`, `-`, `+` that state neither lead unit nor (for `-`/`+`) target; planted: an item without Đơn vị chủ trì",
  (plant) => [
    {
      name: "Phụ lục I",
      template: "chi-tieu",
      merges: ["A1:E1", "A2:E2"],
      rows: [
        ["PHỤ LỤC I"], // 1
        ["Chỉ tiêu ngành Thông tin và Truyền thông năm 2025"], // 2
        ["STT", "Chỉ tiêu", "Kế hoạch năm 2025", "Đơn vị chủ trì", "Đơn vị phối hợp"], // 3
        ["I", "Lĩnh vực Thông tin, truyền thông"], // 4
        [
          "1",
          "Tỷ lệ Đài Truyền thanh ứng dụng CNTT-VT vào quản trị và vận hành (Truyền thanh thông minh)",
          null,
          "TTBCXB",
          ALL,
        ], // 5
        ["a)", "Cấp huyện", "70%"], // 6
        ["b)", "Cấp xã", "100%"], // 7
        ["2", "Tỷ lệ hộ xem được Đài truyền hình VN", "100%", "TTBCXB", ALL], // 8
        ["-", "Khu vực thành thị"], // 9
        ["-", "Khu vực nông thôn"], // 10
        ["3", "Tỷ lệ hệ thống truyền thanh cơ sở phủ sóng khu dân cư", "90%", "TTBCXB", ALL], // 11
        ["II", "Lĩnh vực Ứng dụng CNTT và Chuyển đổi số"], // 12
        ["1", "Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng", ">95%", "CNTT-BCVT", ALL], // 13
        ["+", "Cấp tỉnh"], // 14
        ["+", "Cấp huyện, cấp xã"], // 15
        [
          "2",
          "Tỷ lệ cơ quan nhà nước cung cấp dữ liệu mở đầy đủ theo danh mục",
          "50%",
          when(plant, null, "CNTT-BCVT"),
          ALL,
        ], // 16
      ],
      expect: only(plant, [{ rule: "required-empty", cell: "D16", why: "item II.2 names no lead unit" }]),
    },
  ],
  "A sub-item with an empty Kế hoạch or Đơn vị chủ trì inherits its item's (an item whose own target is empty because its sub-items state theirs needs none).",
);

// --- D: abbreviations in the header --------------------------------------------------------------
const abbreviations = twins(
  "04-viet-tat",
  "chi-tieu typed with `ND chỉ tiêu`, `ĐVT`, `KH 2024`, `TH 6 tháng`, `Đv chủ trì`, `Đv phối hợp` over two lines; planted: a lead unit not in the list",
  (plant) => [
    {
      name: "Chỉ tiêu 2024",
      template: "chi-tieu",
      rows: [
        ...ORG, // 1–2
        ["PHỤ LỤC I - CHỈ TIÊU NGÀNH NĂM 2024"], // 3
        ["STT", "ND chỉ tiêu", "ĐVT", "KH\n2024", "TH\n6 tháng", "Đv\nchủ trì", "Đv\nphối hợp", "Ghi chú"], // 4
        ["1", "Tỷ lệ hộ gia đình có đường internet cáp quang băng rộng", "%", "80%", pct(76), "CNTT-BCVT", ALL], // 5
        ["2", "Tỷ lệ thực hiện thanh, kiểm tra so với Kế hoạch", "%", "100%", pct(45), "Thanh tra"], // 6
        [
          "3",
          "Số tin, bài tuyên truyền trên Cổng thông tin điện tử",
          "tin, bài",
          1200,
          640,
          when(plant, "Phòng Văn hóa - Thể thao", "Văn phòng"),
          ALL,
        ], // 7
        ["4", "Số lớp tập huấn kỹ năng số", "lớp", "04", "02", "TT-CNTTTT", null, "Đã tổ chức 02/04 lớp"], // 8
      ],
      expect: only(plant, [
        { rule: "unknown-unit", cell: "F7", why: "Phòng Văn hóa - Thể thao is not a unit of the Sở" },
      ]),
    },
  ],
  "`04` and `02` typed as text are counts in the official zero-padded style: numbers, and no store-as-number warning. `02/04 lớp` states no percentage, so it is not checked.",
);

// --- E: period group headers ---------------------------------------------------------------------
const periods = twins(
  "05-ky-bao-cao",
  "results under `Kết quả thực hiện` / `6 tháng` / `9 tháng` / `Cả năm` against annual targets, and a second sheet with `Thực hiện 9 tháng` beside `Ước thực hiện năm`; planted: two wrong Đánh giá and a wrong Tỷ lệ",
  (plant) => [
    {
      name: "Kết quả năm",
      template: "chi-tieu",
      merges: ["A1:J1", "A2:J2", "E3:G3", "A3:A4", "B3:B4", "C3:C4", "D3:D4", "H3:H4", "I3:I4", "J3:J4"],
      rows: [
        ["PHỤ LỤC"], // 1
        ["KẾT QUẢ THỰC HIỆN CHỈ TIÊU NGÀNH NĂM 2024"], // 2
        [
          "STT",
          "Chỉ tiêu",
          "ĐVT",
          "Kế hoạch năm 2024",
          "Kết quả thực hiện",
          null,
          null,
          "Tỷ lệ (%) so với KH",
          "Đánh giá",
          "Đơn vị chủ trì",
        ], // 3
        [null, null, null, null, "6 tháng", "9 tháng", "Cả năm"], // 4
        [
          "1",
          "Tỷ lệ hồ sơ TTHC được xử lý trực tuyến",
          "%",
          "50%",
          pct(38),
          pct(45),
          pct(55),
          110,
          "Vượt",
          "CNTT-BCVT",
        ], // 5
        [
          "2",
          "Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC",
          "%",
          "100%",
          pct(62),
          pct(81),
          pct(100),
          100,
          "Đạt",
          "CNTT-BCVT",
        ], // 6
        ["3", "Số thuê bao băng rộng cố định/100 dân", "thuê bao", 23, 20.1, 21.5, 23.4, 101.7, "Vượt", "CNTT-BCVT"], // 7
        [
          "4",
          "Tỷ lệ dân số trưởng thành có điện thoại thông minh",
          "%",
          "75%",
          pct(70),
          pct(72),
          pct(74),
          98.7,
          when(plant, "Đạt", "Chưa đạt"),
          "CNTT-BCVT",
        ], // 8
        [
          "5",
          "Tỷ lệ doanh nghiệp nhỏ và vừa thường xuyên sử dụng các nền tảng chuyển đổi số",
          "%",
          "30%",
          pct(21),
          pct(28),
          pct(31),
          when(plant, 110.3, 103.3),
          "Vượt",
          "CNTT-BCVT",
        ], // 9
        [
          "6",
          "Tỷ lệ hộ gia đình có đường internet cáp quang băng rộng",
          "%",
          "80%",
          pct(76),
          pct(79),
          pct(82),
          102.5,
          "Vượt",
          "CNTT-BCVT",
        ], // 10
      ],
      expect: only(plant, [
        { rule: "assessment-contradiction", cell: "I8", why: "74% for the year misses the 75% target, yet Đạt" },
        { rule: "attainment-mismatch", cell: "H9", why: "31/30 is 103,3%, the sheet says 110,3" },
      ]),
    },
    {
      name: "Ước năm",
      template: "ket-qua",
      rows: [
        ["PHỤ LỤC KẾT QUẢ THỰC HIỆN CHỈ TIÊU 9 THÁNG, ƯỚC CẢ NĂM 2024"], // 1
        [
          "STT",
          "Nội dung chỉ tiêu",
          "Kế hoạch năm",
          "Thực hiện 9 tháng",
          "Ước thực hiện năm",
          "Tỷ lệ so với KH (%)",
          "Đánh giá",
        ], // 2
        ["1", "Tỷ lệ hồ sơ giải quyết đúng hạn và trước hạn", "≥ 90%", pct(96.5), pct(97), 107.8, "Vượt"], // 3
        ["2", "Số dịch vụ công trực tuyến toàn trình", "1.000", 780, 1050, 105, "Vượt"], // 4
        ["3", "Tỷ lệ hồ sơ thanh toán trực tuyến", "30%", pct(21), pct(28), 93.3, when(plant, "Đạt", "Chưa đạt")], // 5
      ],
      expect: only(plant, [
        { rule: "assessment-contradiction", cell: "G5", why: "28% for the year misses 30%, yet Đạt" },
      ]),
    },
  ],
  "With an annual target, Cả năm / Năm / Ước thực hiện năm is the result compared; the earlier periods are values of their own period, not judged against the year's target.",
);

// --- F: claims in prose --------------------------------------------------------------------------
const prose = twins(
  "06-so-lieu-trong-cau",
  "results written as sentences: `179/188 cơ quan, đạt tỉ lệ …` (the seed's sentence), `39/39, đạt 100%`, `94,2% (1.127/1.196)`, footnote marks, two ratios in one cell, dates, document numbers, ranks, `người/điểm`; planted: the seed's 94,2% and a wrong second ratio",
  (plant) => [
    {
      name: "Kết quả",
      template: "ket-qua",
      rows: [
        ["PHỤ LỤC"], // 1
        ["KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU 6 THÁNG ĐẦU NĂM 2024"], // 2
        ["STT", "Nội dung chỉ tiêu", "Kết quả", "Đánh giá", "Ghi chú"], // 3
        [
          "1",
          "Tỷ lệ cơ quan nhà nước sử dụng hệ thống quản lý văn bản và điều hành",
          `179/188 cơ quan, đạt tỉ lệ ${when(plant, "94,2", "95,2")}%`,
          "Đạt",
        ], // 4
        ["2", "Tỷ lệ xã có đài truyền thanh ứng dụng CNTT-VT", "39/39, đạt 100%", "Đạt"], // 5
        [
          "3",
          "Giải quyết phản ánh, kiến nghị của người dân",
          "Đã giải quyết 412/430 phản ánh, đạt 95,81%",
          "Đạt",
          "Theo Kế hoạch số 12/KH-UBND ngày 20/6/2024",
        ], // 6
        ["4", "Chỉ số chuyển đổi số (DTI) của tỉnh", "Xếp thứ 8/63 tỉnh, thành phố", "Đạt", "Năm 2023 đứng thứ 29/63"], // 7
        ["5", "Hồ sơ TTHC được tiếp nhận trực tuyến", "94,2% (1.127/1.196)", "Đạt"], // 8
        [
          "6",
          "Cơ quan kết nối nền tảng LGSP",
          "188(*) cơ quan; trong đó 179/188(*) cơ quan, chiếm 95,2% đã kết nối",
          "Đạt",
        ], // 9
        [
          "7",
          "Hệ thống thông tin được phê duyệt cấp độ an toàn thông tin",
          `45/52 hệ thống, tỷ lệ 86,5%; 12/15 cơ quan, tỷ lệ ${when(plant, "75", "80")}%`,
          "Chưa đạt",
          "Theo Thông tư số 12/2022/TT-BTTTT",
        ], // 10
        ["8", "Tập huấn chuyển đổi số", "Tổ chức 03 lớp, lớp cuối ngày 17/3", "Đạt"], // 11
        ["9", "Điểm truy cập Internet công cộng", "1.250 người/điểm"], // 12
        ["10", "Xã có điểm Bưu điện văn hóa", "52/52¹⁰ xã, đạt 100%", "Đạt"], // 13
      ],
      expect: only(plant, [
        { rule: "ratio-mismatch", cell: "C4", why: "179/188 is 95,2%, not 94,2% (the seed's own slip)" },
        { rule: "ratio-mismatch", cell: "C10", why: "12/15 is 80%, not 75%; 45/52 = 86,5% is right" },
      ]),
    },
  ],
  "A ratio is paired with the first percentage after it in the same clause (clauses end at `;` or a sentence's full stop), or with a percentage written just before it (`94,2% (…)`).",
);

// --- G: `x`, `-`, zero-padded counts --------------------------------------------------------------
const marks = twins(
  "07-x-gach-so-0",
  "dich-vu-cong with `x` and `-` for no data, text counts `05`/`03`/`02`, numbers formatted `00`, a letter-and-number legend `A B 1 2 …`, Toàn tỉnh; planted: tích hợp above một phần + toàn trình",
  (plant) => [
    {
      name: "DVC 6 tháng",
      template: "dich-vu-cong",
      rows: [
        ["PHỤ LỤC III"], // 1
        ["THỐNG KÊ DỊCH VỤ CÔNG TRỰC TUYẾN 6 THÁNG ĐẦU NĂM 2024"], // 2
        [
          "STT",
          "Đơn vị",
          "Tổng số TTHC",
          "DV cung cấp thông tin trực tuyến",
          "DVCTT một phần",
          "DVCTT toàn trình",
          "Số DVCTT tích hợp Cổng DVC quốc gia",
          "Tỷ lệ hồ sơ đúng hạn và trước hạn (%)",
        ], // 3
        ["A", "B", "1", "2", "3", "4", "5", "6"], // 4
        ["1", "Sở TTTT", 120, "x", 80, 40, when(plant, 130, 40), 99.1], // 5
        ["2", "UBND huyện Chợ Mới", 95, "-", 60, 35, 35, 97.8], // 6
        ["3", "Thanh tra Sở", "05", "x", "03", "02", { value: 2, numFmt: "00" }, 100], // 7
        [null, "Toàn tỉnh", 220, "x", 143, 77, when(plant, 167, 77), 98.6], // 8
      ],
      expect: only(plant, [{ rule: "parts-mismatch", cell: "G5", why: "130 integrated services out of 80 + 40" }]),
    },
  ],
  "`x` and `-` in a count column are empty (no data): they add 0 to totals and leave a whole-vs-parts check undecided, like a blank.",
);

// --- H: 10⁶ scale slip in a triệu đồng column -----------------------------------------------------
function budget(plantAmount: Typed, total: number): Typed[][] {
  const rows = seedRows(SEED_PHU_LUC_II); // 1–4 title, 5 header, 6–18 items, 19 Tổng cộng
  rows[14] = [...(rows[14] as Typed[])]; // row 15: item 7 (Tri Tôn)
  rows[14][3] = plantAmount;
  rows[18] = [null, "Tổng cộng", null, num(total)];
  return rows;
}
const scale = twins(
  "08-don-vi-trieu-dong",
  "the seed's budget in `triệu đồng` with item 7 typed in đồng (830.000.000 instead of 830) and Tổng cộng its formula's sum; planted: the 10⁶ slip",
  (plant) => [
    {
      name: "Phụ lục II",
      template: "kinh-phi",
      rows: budget(when(plant, num(830_000_000), num(830)), when(plant, 225_091 - 830 + 830_000_000, 225_091)),
      expect: only(plant, [{ rule: "scale-suspect", cell: "D15", why: "830.000.000 triệu đồng is 830 typed in đồng" }]),
    },
  ],
);

// --- I: a total over a text item -----------------------------------------------------------------
const unverifiable = twins(
  "09-tong-co-muc-chu",
  "kinh-phi whose Tổng cộng covers an item written `Đang thẩm định`; planted: that text (not-a-number) and the total it leaves unverifiable",
  (plant) => [
    {
      name: "Kinh phí 2025",
      template: "kinh-phi",
      rows: [
        ["PHỤ LỤC II"], // 1
        ["DỰ KIẾN KINH PHÍ THỰC HIỆN NĂM 2025"], // 2
        [null, null, null, null, "Đvt: triệu đồng"], // 3
        ["STT", "Nội dung, nhiệm vụ", "Đơn vị chủ trì", "Kinh phí", "Ghi chú"], // 4
        ["I", "Chuyển đổi số"], // 5
        ["1", "Nâng cấp Cổng thông tin điện tử tỉnh", "Sở TTTT", num(1200)], // 6
        ["2", "Duy trì Hệ thống quản lý văn bản và điều hành", "Sở TTTT", num(850)], // 7
        [
          "3",
          "Thuê dịch vụ giám sát an toàn thông tin (SOC)",
          "Sở TTTT",
          when<Typed>(plant, "Đang thẩm định", num(1000)),
          "Chờ phê duyệt dự toán",
        ], // 8
        ["4", "Đào tạo kỹ năng số cho cán bộ, công chức", "Sở TTTT", num(420)], // 9
        [null, "Tổng cộng", null, num(when(plant, 2470, 3470))], // 10
      ],
      expect: only(plant, [
        { rule: "not-a-number", cell: "D8", why: "an amount column holding `Đang thẩm định`" },
        { rule: "total-unverifiable", cell: "D10", why: "the total covers D8, which is not a number" },
      ]),
    },
  ],
);

// --- J: a share of households above 100 % ---------------------------------------------------------
const share = twins(
  "10-ty-le-vuot-100",
  "chi-tieu results where a share of households reads 104% (and a per-100-inhabitants count legitimately exceeds 100); planted: the 104%",
  (plant) => [
    {
      name: "Phụ lục I",
      template: "chi-tieu",
      rows: [
        ["PHỤ LỤC I"], // 1
        ["STT", "Chỉ tiêu", "Kế hoạch 2024", "Thực hiện 2024", "Tỷ lệ (%) so với KH", "Đơn vị chủ trì"], // 2
        ["I", "Lĩnh vực Bưu chính, Viễn thông"], // 3
        ["1", "Tỷ lệ hộ xem được Đài truyền hình VN", "100%", pct(100), 100, "TTBCXB"], // 4
        [
          "2",
          "Tỷ lệ hộ gia đình có đường internet cáp quang băng rộng",
          "80%",
          pct(when(plant, 104, 84)),
          when(plant, 130, 105),
          "CNTT-BCVT",
        ], // 5
        ["3", "Số thuê bao băng rộng di động/100 dân", "70", 104, 148.6, "CNTT-BCVT"], // 6
        ["4", "Tỷ lệ dân số trưởng thành có điện thoại thông minh", "75%", pct(78), 104, "CNTT-BCVT"], // 7
      ],
      expect: only(plant, [{ rule: "out-of-range", cell: "D5", why: "104% of households cannot have fibre" }]),
    },
  ],
);

// --- K: a note in a sparse row two rows below Tổng cộng (the crash) -------------------------------
const sparseNote = twins(
  "11-ghi-chu-duoi-tong",
  "the seed's budget with a note typed only in the Ghi chú column two rows below Tổng cộng, and a signature; planted: the seed's own Tổng cộng 224.591",
  (plant) => [
    {
      name: "Phụ lục II",
      template: "kinh-phi",
      rows: [
        ...budget(num(830), when(plant, 224_591, 225_091)), // 19 Tổng cộng
        [], // 20
        [null, null, null, null, "Ghi chú: kinh phí dự kiến, điều chỉnh theo dự toán được giao"], // 21
        [], // 22
        ...SIGNATURE,
      ],
      expect: only(plant, [{ rule: "total-mismatch", cell: "D19", why: "225.091 vs 224.591" }]),
    },
  ],
);

// --- L: several categories in one sheet -----------------------------------------------------------
const combined = twins(
  "12-tong-hop-nhieu-loai",
  "one chi-tieu sheet with org lines, a two-row period header, a formula legend `(8)=(7)/(4)`, abbreviations, sub-items, `x`, prose in Ghi chú, a Ghi chú paragraph and a signature; planted: a wrong Đánh giá, the seed's 94,2% and a missing lead unit",
  (plant) => [
    {
      name: "Phụ lục I",
      template: "chi-tieu",
      merges: [
        "A3:K3",
        "A4:K4",
        "A5:K5",
        "E6:G6",
        "A6:A7",
        "B6:B7",
        "C6:C7",
        "D6:D7",
        "H6:H7",
        "I6:I7",
        "J6:J7",
        "K6:K7",
      ],
      rows: [
        ...ORG, // 1–2
        ["PHỤ LỤC I"], // 3
        ["KẾT QUẢ THỰC HIỆN CHỈ TIÊU NGÀNH THÔNG TIN VÀ TRUYỀN THÔNG NĂM 2024"], // 4
        ["(Kèm theo Báo cáo số 215/BC-STTTT ngày 10/12/2024 của Sở Thông tin và Truyền thông)"], // 5
        [
          "STT",
          "Chỉ tiêu",
          "ĐVT",
          "KH năm 2024",
          "Kết quả thực hiện",
          null,
          null,
          "Tỷ lệ TH/KH (%)",
          "Đánh giá",
          "Đv chủ trì",
          "Ghi chú",
        ], // 6
        [null, null, null, null, "6 tháng", "9 tháng", "Ước cả năm"], // 7
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)=(7)/(4)", "(9)", "(10)", "(11)"], // 8
        ["I", "Lĩnh vực Thông tin, truyền thông"], // 9
        ["1", "Tỷ lệ Đài Truyền thanh ứng dụng CNTT-VT", "%", null, null, null, null, null, null, "TTBCXB"], // 10
        ["a)", "Cấp huyện", "%", "70%", pct(45), pct(60), pct(72), 102.9, "Vượt"], // 11
        ["b)", "Cấp xã", "%", "100%", pct(80), pct(92), pct(100), 100, "Đạt"], // 12
        [
          "2",
          "Tỷ lệ hộ nghe được Đài tiếng nói VN",
          "%",
          "100%",
          "x",
          "x",
          pct(100),
          100,
          "Đạt",
          "TTBCXB",
          "Số liệu ước tính",
        ], // 13
        ["II", "Lĩnh vực Ứng dụng CNTT và Chuyển đổi số"], // 14
        [
          "1",
          "Tỷ lệ cơ quan nhà nước sử dụng hệ thống quản lý văn bản",
          "%",
          "100%",
          pct(90),
          pct(93),
          pct(95.2),
          95.2,
          "Chưa đạt",
          "CNTT-BCVT",
          `179/188 cơ quan, đạt tỉ lệ ${when(plant, "94,2", "95,2")}%`,
        ], // 15
        [
          "2",
          "Số thuê bao băng rộng cố định/100 dân",
          "thuê bao",
          23,
          20,
          21.6,
          23.2,
          100.9,
          "Vượt",
          when(plant, null, "CNTT-BCVT"),
        ], // 16
        [
          "3",
          "Tỷ lệ dân số trưởng thành có điện thoại thông minh",
          "%",
          "75%",
          pct(70),
          pct(73),
          pct(76),
          101.3,
          when(plant, "Chưa đạt", "Vượt"),
          "CNTT-BCVT",
        ], // 17
        [], // 18
        ["Ghi chú: - Số liệu cả năm là số ước thực hiện đến 31/12/2024."], // 19
        ["- Chỉ tiêu (4) theo Kế hoạch số 127/KH-STTTT ngày 15/9/2023; tỷ lệ (8) làm tròn 1 chữ số thập phân."], // 20
        [], // 21
        ...SIGNATURE,
      ],
      expect: only(plant, [
        { rule: "ratio-mismatch", cell: "K15", why: "179/188 is 95,2%, the note says 94,2%" },
        { rule: "required-empty", cell: "J16", why: "item II.2 names no lead unit" },
        { rule: "assessment-contradiction", cell: "I17", why: "76% beats the 75% target, yet Chưa đạt" },
      ]),
    },
  ],
);

// --- M: a budget split by source under a group header, with `-` and a `(6)=(4)+(5)` legend --------
const split = twins(
  "13-kinh-phi-theo-nguon",
  "kinh-phi with `Nhu cầu kinh phí năm 2025` over `Vốn đầu tư` / `Vốn sự nghiệp` / `Tổng`, `-` for none, a legend `(6)=(4)+(5)`, section subtotals; planted: a wrong Vốn sự nghiệp in Tổng cộng",
  (plant) => [
    {
      name: "Phụ lục II",
      template: "kinh-phi",
      merges: ["D4:F4", "A4:A5", "B4:B5", "C4:C5", "G4:G5"],
      rows: [
        ["PHỤ LỤC II"], // 1
        ["DỰ KIẾN NHU CẦU KINH PHÍ NĂM 2025"], // 2
        [null, null, null, null, null, "Đvt: triệu đồng"], // 3
        ["STT", "Nội dung, nhiệm vụ", "Đơn vị chủ trì", "Nhu cầu kinh phí năm 2025", null, null, "Ghi chú"], // 4
        [null, null, null, "Vốn đầu tư", "Vốn sự nghiệp", "Tổng"], // 5
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)=(4)+(5)", "(7)"], // 6
        ["I", "Các dự án chuyển đổi số", null, num(46884), "-", num(46884)], // 7
        ["1", "Dự án Trung tâm dữ liệu, điều hành thông minh (IOC)", "Sở TTTT", num(40444), "-", num(40444)], // 8
        ["2", "Dự án Số hóa kết quả giải quyết TTHC", "Sở TTTT", num(6440), "-", num(6440)], // 9
        ["II", "Các nhiệm vụ thường xuyên", null, "-", num(2150), num(2150)], // 10
        ["3", "Duy trì hệ thống một cửa điện tử", "Sở TTTT", "-", num(1300), num(1300)], // 11
        ["4", "Thuê đường truyền số liệu chuyên dùng", "Sở TTTT", "-", num(850), num(850)], // 12
        [null, "Tổng cộng", null, num(46884), num(when(plant, 2510, 2150)), num(49034)], // 13
      ],
      expect: only(plant, [
        { rule: "total-mismatch", cell: "E13", why: "Vốn sự nghiệp adds up to 2.150, not 2.510" },
        { rule: "total-mismatch", cell: "F13", why: "Tổng 49.034 ≠ 46.884 + 2.510 on the same row" },
      ]),
    },
  ],
);

export const CORPUS: CorpusCase[] = [
  ...SEEDS,
  ...legend,
  ...notes,
  ...subItems,
  ...abbreviations,
  ...periods,
  ...prose,
  ...marks,
  ...scale,
  ...unverifiable,
  ...share,
  ...sparseNote,
  ...combined,
  ...split,
];

export type { CaseSheet };
