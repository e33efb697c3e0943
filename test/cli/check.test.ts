/**
 * `phuluc check` end to end in-process: real .xlsx files built from the seeds, read from disk,
 * checked by the engine, rendered as spec §8 JSON and as the text table.
 */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { CheckResult } from "../../src/cli/checkResult";
import { gridFromValues, type Grid } from "../../src/engine/grid";
import { addGridSheet, seedLayout, seedWorkbook, seedWorkbookBuffer } from "../fixtures/seedGrids";
import { SEED_PHU_LUC_I, SEED_PHU_LUC_II } from "../fixtures/seedTables";
import { consolidatedWorkbookBuffer } from "../helpers/consolidatedWorkbook";
import { legacyXlsBytes, randomBytes, textFileBytes, truncatedCopy } from "../helpers/badFiles";
import { fileResult, runMain, sheetOf } from "../helpers/cliRun";

const dir = mkdtempSync(join(tmpdir(), "phuluc-cli-"));
const path = (name: string) => join(dir, name);

/** Phụ lục II as a sheet: header on row 5, items from row 6, Tổng cộng on row 19 with its amount in D19. */
const TOTAL_CELL = "D19";

async function checkJson(...files: string[]): Promise<{ code: number; result: CheckResult; err: string }> {
  const run = await runMain(["check", ...files, "--json"]);
  return { code: run.code, result: JSON.parse(run.out) as CheckResult, err: run.err };
}

beforeAll(async () => {
  await seedWorkbook(path("phu-luc-ii.xlsx"), [{ seed: SEED_PHU_LUC_II, options: { sheetName: "Phụ lục II" } }]);
  await seedWorkbook(path("phu-luc-i.xlsx"), [{ seed: SEED_PHU_LUC_I, options: { sheetName: "Phụ lục I" } }]);
  const good = await seedWorkbookBuffer([{ seed: SEED_PHU_LUC_I }]);
  writeFileSync(path("hong.xlsx"), truncatedCopy(good));
  writeFileSync(path("ngau-nhien.xlsx"), randomBytes(20_000));
  writeFileSync(path("bao-cao-2003.xls"), legacyXlsBytes());
  writeFileSync(path("ghi-chu.xlsx"), textFileBytes());
});

describe("phuluc check on the seeds", () => {
  it("finds Phụ lục II's Tổng cộng 224.591 against items summing to 225.091 (exit 1)", async () => {
    const { code, result } = await checkJson(path("phu-luc-ii.xlsx"));
    expect(code).toBe(1);
    const sheet = sheetOf(fileResult(result, "phu-luc-ii.xlsx"), "Phụ lục II");
    expect(sheet.template).toBe("kinh-phi");
    // Spec §8's fields first, then the added ones: the English message and the params both are rendered from.
    const total = sheet.findings.find((f) => f.rule === "total-mismatch");
    expect(Object.keys(total ?? {})).toEqual([
      "rule",
      "severity",
      "cell",
      "message",
      "expected",
      "actual",
      "messageEn",
      "params",
    ]);
    expect(total).toEqual({
      rule: "total-mismatch",
      severity: "error",
      cell: TOTAL_CELL,
      message: expect.stringContaining(TOTAL_CELL),
      expected: 225091,
      actual: 224591,
      messageEn: `Cell ${TOTAL_CELL}: Tổng cộng states 224,591 but the sum of the items is 225,091 (difference 500).`,
      params: {
        subject: { vi: "Tổng cộng", en: "Tổng cộng" },
        basis: { vi: "tổng các mục", en: "the sum of the items" },
        actual: 224591,
        expected: 225091,
        difference: 500,
        // The sheet's "Đvt: triệu đồng": the figures are millions of đồng.
        figureUnit: { kind: "money", scale: 1e6 },
      },
    });
  });

  it("passes Phụ lục I, the plan form with targets like >10%, 30% - 50%, Phấn đấu 50% (exit 0)", async () => {
    const { code, result } = await checkJson(path("phu-luc-i.xlsx"));
    const sheet = sheetOf(fileResult(result, "phu-luc-i.xlsx"), "Phụ lục I");
    expect(sheet.template).toBe("chi-tieu");
    expect(sheet.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(code).toBe(0);
  });

  it("prints a table grouped by file and sheet with a summary line", async () => {
    const run = await runMain(["check", path("phu-luc-ii.xlsx"), path("phu-luc-i.xlsx")]);
    expect(run.code).toBe(1);
    const lines = run.out.split("\n");
    expect(lines[0]).toBe(`Tệp ${path("phu-luc-ii.xlsx")}`);
    expect(run.out).toMatch(/Trang tính “Phụ lục II” \(mẫu kinh-phi\): [1-9]\d* lỗi/);
    expect(run.out).toMatch(/Mức độ +Ô +Quy tắc +Nội dung/);
    expect(lines.some((l) => /^ {4}LỖI +D19 +total-mismatch +\S/.test(l))).toBe(true);
    expect(run.out).toContain("Trang tính “Phụ lục I” (mẫu chi-tieu): 0 lỗi");
    expect(lines.filter(Boolean).pop()).toMatch(/^Tổng kết: 2 tệp, 2 trang tính; [1-9]\d* lỗi, \d+ cảnh báo\.$/);
  });
});

describe("phuluc check on files it cannot read", () => {
  const bad = ["hong.xlsx", "ngau-nhien.xlsx", "bao-cao-2003.xls", "ghi-chu.xlsx", "khong-ton-tai.xlsx"];

  it("skips the merge log sheet of a consolidated workbook with a note, not unknown-template", async () => {
    writeFileSync(path("tong-hop.xlsx"), await consolidatedWorkbookBuffer());
    const { result } = await checkJson(path("tong-hop.xlsx"));
    const log = sheetOf(fileResult(result, "tong-hop.xlsx"), "Nhật ký tổng hợp");
    expect(log).toEqual({
      sheet: "Nhật ký tổng hợp",
      template: null,
      findings: [],
      notes: ["Trang tính “Nhật ký tổng hợp” là nhật ký tổng hợp do PhuLuc ghi, không phải Phụ lục; bỏ qua."],
      // Added after spec §8's `notes`: the same note typed, with its English text.
      typedNotes: [
        {
          id: "own-sheet-skipped",
          severity: "info",
          message: "Trang tính “Nhật ký tổng hợp” là nhật ký tổng hợp do PhuLuc ghi, không phải Phụ lục; bỏ qua.",
          messageEn: "Sheet “Nhật ký tổng hợp” is the merge log PhuLuc wrote, not a Phụ lục; skipped.",
          params: { sheet: "Nhật ký tổng hợp", kind: { vi: "nhật ký tổng hợp", en: "the merge log" } },
        },
      ],
    });
    const run = await runMain(["check", path("tong-hop.xlsx")]);
    expect(run.out).toContain("Ghi chú: Trang tính “Nhật ký tổng hợp” là nhật ký tổng hợp do PhuLuc ghi");
  });

  it("exits 2, names each bad file in Vietnamese, and still checks the good one", async () => {
    const { code, result, err } = await checkJson(path("phu-luc-ii.xlsx"), ...bad.map(path));
    expect(code).toBe(2);
    const good = fileResult(result, "phu-luc-ii.xlsx");
    expect(good.error).toBeUndefined();
    expect(sheetOf(good, "Phụ lục II").findings.map((f) => f.rule)).toContain("total-mismatch");
    for (const name of bad) {
      const file = fileResult(result, name);
      expect(file.sheets).toEqual([]);
      expect(file.error).toContain(`“${name}”`);
      expect(err).toContain(file.error);
    }
    expect(fileResult(result, "hong.xlsx").error).toMatch(/bị hỏng/);
    expect(fileResult(result, "bao-cao-2003.xls").error).toMatch(
      /Excel 97-2003 \(\.xls\); hãy mở trong Excel và Lưu thành \.xlsx/,
    );
    expect(fileResult(result, "ghi-chu.xlsx").error).toMatch(/không phải sổ tính Excel/);
    expect(fileResult(result, "khong-ton-tai.xlsx").error).toMatch(/Không tìm thấy tệp/);
    expect(err).not.toMatch(/\n\s+at /); // never a stack trace
  });

  it("says so in the table too", async () => {
    const run = await runMain(["check", path("bao-cao-2003.xls"), path("phu-luc-i.xlsx")]);
    expect(run.code).toBe(2);
    expect(run.out).toContain("KHÔNG ĐỌC ĐƯỢC: Tệp “bao-cao-2003.xls” là định dạng Excel 97-2003 (.xls)");
    expect(run.out).toContain("Tổng kết: 2 tệp (1 không đọc được), 1 trang tính;");
  });
});

describe("phuluc arguments", () => {
  it("answers --help and --version, and refuses unknown commands and options with exit 2", async () => {
    expect(await runMain(["--help"])).toMatchObject({ code: 0, out: expect.stringContaining("phuluc check") });
    expect((await runMain(["--version"])).out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(await runMain([])).toMatchObject({ code: 2, err: expect.stringContaining("Cách dùng") });
    expect(await runMain(["kiemtra"])).toMatchObject({
      code: 2,
      err: expect.stringContaining("Lệnh không hợp lệ: “kiemtra”"),
    });
    expect(await runMain(["check"])).toMatchObject({ code: 2, err: expect.stringContaining("Chưa nêu tệp nào") });
    expect(await runMain(["check", "--xml", "a.xlsx"])).toMatchObject({
      code: 2,
      err: expect.stringContaining("--xml"),
    });
    expect(await runMain(["check", "--help"])).toMatchObject({ code: 0, out: expect.stringContaining("Mã thoát") });
    expect(await runMain(["check", "--max-rows", "0", "a.xlsx"])).toMatchObject({
      code: 2,
      err: expect.stringContaining("--max-rows cần một số nguyên dương"),
    });
    expect(await runMain(["export", "--help"])).toMatchObject({
      code: 0,
      out: expect.stringContaining("phuluc export"),
    });
  });
});

/** Phụ lục II's sheet with one oddity applied to its grid (and optionally to the written sheet). */
function oddSheet(name: string, change: (grid: Grid) => void, options = {}): { grid: Grid } {
  const { grid } = seedLayout(SEED_PHU_LUC_II, { sheetName: name, ...options });
  change(grid);
  return { grid };
}

/** Grid cell by A1-ish coordinates on the Phụ lục II layout (row 1-based, column letter). */
function put(grid: Grid, address: string, cell: Grid["rows"][number][number]) {
  const col = address.charCodeAt(0) - 65;
  const row = Number(address.slice(1)) - 1;
  while (grid.rows.length <= row) grid.rows.push([]);
  grid.rows[row][col] = cell;
}

describe("phuluc check on odd but readable workbooks", () => {
  let result: CheckResult;
  let code: number;

  beforeAll(async () => {
    const workbook = new ExcelJS.Workbook();
    const sheets = [
      oddSheet("Công thức chưa tính", (g) => put(g, TOTAL_CELL, { value: null, formula: "SUM(D6:D18)" })),
      oddSheet("Lỗi REF", (g) => put(g, "D7", { value: null, error: "#REF!" })),
      oddSheet("Ngày", (g) => put(g, "D7", { value: new Date(Date.UTC(2024, 0, 15)), numFmt: "dd/mm/yyyy" })),
      oddSheet("Gộp ô", (g) => {
        put(g, "C8", undefined);
        g.merges.push({ top: 6, left: 2, bottom: 7, right: 2 });
      }),
      oddSheet("Dòng ẩn", () => undefined, { hiddenRows: [2] }),
      oddSheet("Chữ dài", (g) => put(g, "B7", { value: "Dự án rất dài ".repeat(2000) })),
      oddSheet("NFD", () => undefined, { nfdHeaders: true }),
      oddSheet("5000 cột", (g) => {
        g.rows[5][4999] = { value: "xa" };
      }),
      { grid: gridFromValues("Trống", []) },
      { grid: { name: "Chỉ có ở xa", rows: [[]], merges: [], hiddenRows: [] } },
      { grid: gridFromValues("Ghi nhớ", [["Ghi nhớ: gửi bản cứng trước ngày 15."]]) },
    ];
    for (const { grid } of sheets) addGridSheet(workbook, grid);
    // Rich text is a property of the written cell, not of the Grid.
    workbook.getWorksheet("Chỉ có ở xa")!.getCell(1, 300).value = "ghi chú ở cột KN";
    workbook.getWorksheet("Chữ dài")!.getCell("B8").value = {
      richText: [{ text: "Dự án " }, { font: { bold: true }, text: "Số hóa" }, { text: " kết quả giải quyết TTHC" }],
    };
    const hidden = workbook.addWorksheet("Ẩn");
    hidden.state = "hidden";
    await workbook.xlsx.writeFile(path("la.xlsx"));
    ({ code, result } = await checkJson(path("la.xlsx")));
  });

  const sheet = (name: string) => sheetOf(fileResult(result, "la.xlsx"), name);
  const mentions = (name: string, address: string) => {
    const s = sheet(name);
    return s.findings.some((f) => f.cell === address) || s.notes.some((n) => n.includes(address));
  };

  it("checks every sheet without crashing (exit 1: the seed's total is still wrong)", () => {
    expect(code).toBe(1);
    expect(fileResult(result, "la.xlsx").sheets.map((s) => s.sheet)).toHaveLength(12);
    for (const s of fileResult(result, "la.xlsx").sheets) expect(s.error).toBeUndefined();
  });

  it("says a formula without a cached value is unknown rather than treating it as wrong or zero", () => {
    expect(mentions("Công thức chưa tính", TOTAL_CELL)).toBe(true);
    expect(sheet("Công thức chưa tính").findings).not.toContainEqual(
      expect.objectContaining({ rule: "total-mismatch", cell: TOTAL_CELL, actual: 0 }),
    );
  });

  it("points at an error value and a date where an amount belongs", () => {
    expect(mentions("Lỗi REF", "D7")).toBe(true);
    expect(mentions("Ngày", "D7")).toBe(true);
  });

  it("reads rich text, merged data cells, hidden rows, long text and NFD headers as the same table", () => {
    for (const name of ["Gộp ô", "Dòng ẩn", "Chữ dài", "NFD"]) {
      expect(sheet(name).template).toBe("kinh-phi");
      expect(sheet(name).findings).toContainEqual(
        expect.objectContaining({ rule: "total-mismatch", cell: TOTAL_CELL, actual: 224591 }),
      );
    }
    expect(sheet("Dòng ẩn").notes.join(" ")).toMatch(/ẩn/);
  });

  it("reads the first 200 of 5,000 columns and says it skipped the rest", () => {
    expect(sheet("5000 cột").template).toBe("kinh-phi");
    expect(sheet("5000 cột").notes.join(" ")).toMatch(/bỏ qua 4\.800 cột/);
  });

  it("skips an empty sheet with a note, and calls a non-empty sheet without a table unknown-template", () => {
    expect(sheet("Trống")).toMatchObject({
      template: null,
      findings: [],
      notes: ["Trang tính “Trống” trống; bỏ qua."],
    });
    expect(sheet("Ẩn").notes).toContain("Trang tính “Ẩn” đang bị ẩn; vẫn được đọc và kiểm tra.");
    expect(sheet("Chỉ có ở xa").notes.join(" ")).toMatch(/bỏ qua 100 cột/);
    expect(sheet("Chỉ có ở xa").notes.join(" ")).not.toMatch(/trống/);
    expect(sheet("Ghi nhớ").template).toBeNull();
    expect(sheet("Ghi nhớ").findings.map((f) => f.rule)).toEqual(["unknown-template"]);
  });
});

describe("phuluc check on big workbooks", () => {
  it("checks all 30 sheets of a workbook", async () => {
    const sheets = Array.from({ length: 30 }, (_, i) => ({
      seed: SEED_PHU_LUC_I,
      options: { sheetName: `Đơn vị ${i + 1}` },
    }));
    await seedWorkbook(path("30-trang.xlsx"), sheets);
    const { code, result } = await checkJson(path("30-trang.xlsx"));
    expect(code).toBe(0);
    const file = fileResult(result, "30-trang.xlsx");
    expect(file.sheets).toHaveLength(30);
    expect(new Set(file.sheets.map((s) => s.template))).toEqual(new Set(["chi-tieu"]));
  }, 60_000);

  it("checks a 30,000-row kinh-phi sheet and sums it right", async () => {
    const items = Array.from({ length: 30_000 }, (_, i) => [
      String(i + 1),
      `Nhiệm vụ số ${i + 1}`,
      "Sở TTTT",
      ((i % 7) + 1) * 10,
    ]);
    const total = items.reduce((sum, row) => sum + (row[3] as number), 0);
    // Plain values, no styles: the test is about size, and styling 30,000 rows only slows the writing.
    const workbook = new ExcelJS.Workbook();
    workbook
      .addWorksheet("Kinh phí")
      .addRows([
        ["Đvt: triệu đồng"],
        ["STT", "Nội dung, nhiệm vụ", "Đơn vị chủ trì", "Nhu cầu kinh phí năm 2024", "Ghi chú"],
        ...items,
        [null, "Tổng cộng", null, total + 1],
      ]);
    await workbook.xlsx.writeFile(path("30000-dong.xlsx"));
    const { code, result } = await checkJson(path("30000-dong.xlsx"));
    expect(code).toBe(1);
    const sheet = sheetOf(fileResult(result, "30000-dong.xlsx"), "Kinh phí");
    expect(sheet.template).toBe("kinh-phi");
    expect(sheet.findings).toContainEqual(
      expect.objectContaining({ rule: "total-mismatch", cell: "D30003", expected: total, actual: total + 1 }),
    );
  }, 60_000);
});

describe("phuluc check limits", () => {
  it("reads only --max-rows rows and says the rest was skipped; refuses files above --max-mb", async () => {
    const { result } = await checkJson(path("phu-luc-ii.xlsx"), "--max-rows", "12");
    const sheet = sheetOf(fileResult(result, "phu-luc-ii.xlsx"), "Phụ lục II");
    expect(sheet.notes.join(" ")).toMatch(/bỏ qua 7 dòng/);
    expect(sheet.findings.map((f) => f.rule)).not.toContain("total-mismatch");

    const big = await checkJson(path("phu-luc-i.xlsx"), "--max-mb", "0.001", path("phu-luc-ii.xlsx"));
    expect(big.code).toBe(2);
    expect(fileResult(big.result, "phu-luc-ii.xlsx").error).toMatch(/^Tệp “phu-luc-ii\.xlsx” quá lớn/);
  });
});

describe("phuluc check leaves its input alone", () => {
  it("does not change a checked file's bytes or modification time", async () => {
    const file = path("phu-luc-ii.xlsx");
    const bytes = readFileSync(file);
    const mtime = statSync(file).mtimeMs;
    await runMain(["check", file]);
    await runMain(["check", file, "--json"]);
    expect(statSync(file).mtimeMs).toBe(mtime);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });
});
