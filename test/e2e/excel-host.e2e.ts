/**
 * The built pane inside "Excel": office.js answered by the strict fake Excel (excelHost/), so the pane takes its
 * real Office.js path in Chromium — Excel.run, request contexts, events, getFileAsync, createWorkbook. Driven as a
 * user would, on workbooks built from the seeds:
 * - Kiểm tra: the seed's Phụ lục II is checked on open; a finding's click selects its cell; Đánh dấu colours the
 *   flagged cells; the user inserts rows, the marks move with them and the re-checked finding selects the moved
 *   cell; Bỏ đánh dấu brings the original fill back exactly (tint included).
 * - Tính tỷ lệ & đánh giá on another sheet: empty cells filled, a typed Đánh giá replaced only when agreed.
 * - Tổng hợp into the open workbook (Phụ lục II by section, one unit file per section): the first Áp dụng fails
 *   midway (the connection drops), the retry leaves no duplicate rows, Tổng cộng stays a SUM formula, "- …" text;
 *   Tình trạng nộp and the very hidden PhuLuc are written, and Đã duyệt rewrites them in the workbook, locks the
 *   approved unit's cells and protects the sheet (typing over one is refused as Excel refuses it); a second
 *   Áp dụng of the same files lifts PhuLuc's protection, writes, and protects again.
 * - Xuất file nộp from the open workbook: the header as typed in the form (not saved first) is in the new workbook.
 * Screenshots: test-artifacts/excel-*.png.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { MARK_COLORS } from "../../src/adapters/excel/marks";
import { gridFromValues } from "../../src/engine/grid";
import type { MergeResult } from "../../src/engine/merge";
import { LOG_SHEET_NAME } from "../../src/engine/merge/logSheet";
import { REVIEW_SHEET_NAME, STATUS_SHEET_NAME } from "../../src/engine/review";
import { fakeSheetFromGrid, NO_FILL, type FakeFill, type FakeWorkbookFile } from "../fakes/fakeExcel";
import { budgetMergeCase } from "../fixtures/mergeCases";
import { seedGrid, seedWorkbook } from "../fixtures/seedGrids";
import { SEED_PHU_LUC_II } from "../fixtures/seedTables";
import { excelSession, type ExcelSession } from "./excelHost/excelHost";
import { expectThat, type E2EHarness } from "./harness";

/** The yellow a unit gave its Tổng cộng amount, lightened by a tint: unmark must bring back both. */
const TINTED_YELLOW: FakeFill = { color: "#FFFF00", pattern: "Solid", patternColor: null, tintAndShade: 0.4 };

/** Polls `probe` until it returns true (the pane works asynchronously: worker, debounce, Excel.run). */
async function until(probe: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Seed Phụ lục II (Tổng cộng D19 says 224.591, the items add to 225.091), item 1's amount typed as text (D7). */
function checkWorkbook(): FakeWorkbookFile {
  const grid = seedGrid(SEED_PHU_LUC_II, { sheetName: "Phụ lục II" });
  grid.rows[6][3] = { value: "40.444" };
  const budget = fakeSheetFromGrid(grid);
  budget.cells["D19"].fill = { ...TINTED_YELLOW };
  const results = fakeSheetFromGrid(
    gridFromValues("Kết quả 2024", [
      ["STT", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "Tỷ lệ (%)", "Đánh giá", "Đơn vị chủ trì"],
      ["I", "Lĩnh vực Bưu chính, Viễn thông", null, null, null, null, null],
      ["1", "Tỷ lệ hộ gia đình có đường internet cáp quang băng rộng", "80%", 0.85, null, null, "CNTT-BCVT"],
      ["2", "Tỷ lệ xã có điểm phục vụ bưu chính có người phục vụ", "100%", 0.9, null, "Đạt", "CNTT-BCVT"],
    ]),
  );
  results.cells["D3"].numberFormat = "0%";
  results.cells["D4"].numberFormat = "0%";
  return { sheets: [budget, results], activeSheet: "Phụ lục II", settings: {} };
}

async function checkMarkInsertUnmark(h: E2EHarness, excel: ExcelSession): Promise<void> {
  const { page } = h;
  await excel.open(checkWorkbook());
  const total = page.getByRole("button").filter({ hasText: "Tổng không khớp" }).first();
  await total.waitFor({ timeout: 30_000 });
  expectThat((await page.getByText("Không chạy trong Excel").count()) === 0, "the pane should be in Excel mode");
  expectThat(/224\.591/.test(await total.innerText()), "the finding should name Tổng cộng's 224.591");

  await total.click();
  await until(
    async () => same((await excel.workbook()).selection, { sheet: "Phụ lục II", address: "D19" }),
    "a click on the finding selects D19",
  );

  await page.getByRole("button", { name: "Đánh dấu", exact: true }).click();
  await page.getByText("2 ô đang được đánh dấu").waitFor({ timeout: 20_000 });
  expectThat((await excel.fill("Phụ lục II", "D19")).color === MARK_COLORS.error, "D19 should show the error mark");
  expectThat((await excel.fill("Phụ lục II", "D7")).color === MARK_COLORS.warning, "D7 should show the warning mark");
  await h.page.screenshot({ path: path.join(h.artifactsDir, "excel-marked.png"), fullPage: true });

  // The user inserts two rows above item 1: D7 → D9, D19 → D21; the marks are conditional formats and move too.
  await excel.insertRows("Phụ lục II", 7, 2);
  expectThat((await excel.fill("Phụ lục II", "D21")).color === MARK_COLORS.error, "the error mark moves to D21");
  expectThat((await excel.fill("Phụ lục II", "D9")).color === MARK_COLORS.warning, "the warning mark moves to D9");
  // The change re-checks the sheet (debounced): the finding now points at D21.
  await until(async () => {
    await total.click();
    return same((await excel.workbook()).selection, { sheet: "Phụ lục II", address: "D21" });
  }, "the re-checked finding selects the moved cell D21");

  await page.getByRole("button", { name: "Bỏ đánh dấu" }).click();
  await until(async () => (await page.getByText(/ô đang được đánh dấu/).count()) === 0, "the marks are gone");
  const d21 = await excel.fill("Phụ lục II", "D21");
  expectThat(same(d21, TINTED_YELLOW), `D21 should be tinted yellow again: ${JSON.stringify(d21)}`);
  expectThat(same(await excel.fill("Phụ lục II", "D9"), NO_FILL), "D9 should have no fill again");
  const formats = (await excel.workbook()).sheets[0].conditionalFormats ?? [];
  expectThat(formats.length === 0, `no conditional format of PhuLuc should remain: ${JSON.stringify(formats)}`);
}

async function computeAttainment(h: E2EHarness, excel: ExcelSession): Promise<void> {
  const { page } = h;
  await excel.activate("Kết quả 2024");
  await page.getByText(/Đánh giá ghi “Đạt”/).waitFor({ timeout: 20_000 });

  await page.getByRole("button", { name: "Tính tỷ lệ & đánh giá" }).click();
  const ask = page.getByRole("alertdialog");
  await ask.getByText(/F4: “Đạt” → “Chưa đạt”/).waitFor();
  await h.page.screenshot({ path: path.join(h.artifactsDir, "excel-compute-ask.png"), fullPage: true });
  await ask.getByRole("button", { name: "Chỉ điền ô trống" }).click();
  await page.getByText("Đã điền 3 ô.").waitFor({ timeout: 20_000 });
  const e3 = await excel.cell("Kết quả 2024", "E3");
  expectThat(e3?.value === 1.0625 && e3.numberFormat === "0.00%", `E3 should be 106,25 %: ${JSON.stringify(e3)}`);
  expectThat((await excel.cell("Kết quả 2024", "F3"))?.value === "Vượt", "F3 should say Vượt");
  expectThat((await excel.cell("Kết quả 2024", "F4"))?.value === "Đạt", "the typed F4 is kept until agreed");

  await page.getByRole("button", { name: "Tính tỷ lệ & đánh giá" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Thay thế cả các ô này" }).click();
  await page.getByText("Đã điền 1 ô.").waitFor({ timeout: 20_000 });
  expectThat((await excel.cell("Kết quả 2024", "F4"))?.value === "Chưa đạt", "F4 replaced once agreed");
  await until(async () => (await page.getByText(/Đánh giá ghi “Đạt”/).count()) === 0, "the contradiction is gone");
}

async function mergeFailRetryExport(h: E2EHarness, excel: ExcelSession): Promise<void> {
  const { page } = h;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-e2e-excel-"));
  try {
    // The seed's Phụ lục II by section, one unit file per section (mergeCases.budgetMergeCase).
    const { template, parts, result } = budgetMergeCase();
    const expected = result.sheets[0].grid;
    const units = await Promise.all(
      parts.map(async (part, i) => {
        const file = path.join(dir, `DON-VI-${i + 1}.xlsx`);
        await seedWorkbook(file, [{ seed: part, options: { sheetName: "Phụ lục II" } }]);
        return file;
      }),
    );
    await excel.open({ sheets: [fakeSheetFromGrid(template.grid)], activeSheet: "Phụ lục II", settings: {} });
    await page.getByRole("tab", { name: "Tổng hợp" }).click();
    await page.getByText("Mẫu tổng hợp: sổ làm việc đang mở").waitFor({ timeout: 20_000 });
    await page.getByTestId("merge-units").setInputFiles(units);
    const apply = page.getByRole("button", { name: "Áp dụng vào sổ làm việc" });
    await apply.waitFor({ timeout: 30_000 });

    // The connection to Excel drops midway through the first Áp dụng: rows inserted, values not yet written.
    await excel.failNextWrite("Phụ lục II");
    await apply.click();
    const alert = page.getByRole("alert").filter({ hasText: "Excel chưa ghi xong bảng tổng hợp" });
    await alert.waitFor({ timeout: 20_000 });
    expectThat(/bấm Áp dụng lần nữa/.test(await alert.innerText()), "the message should say how to finish");
    const failed = await excel.workbook();
    expectThat(Object.keys(failed.settings).length === 1, "the apply journal should record the inserted rows");
    await h.page.screenshot({ path: path.join(h.artifactsDir, "excel-merge-failed.png"), fullPage: true });

    await apply.click();
    await page.getByText(/Đã ghi \d+ giá trị vào Phụ lục II/).waitFor({ timeout: 20_000 });
    const book = await excel.workbook();
    const cells = book.sheets.find((s) => s.name === "Phụ lục II")!.cells;
    const lastRow = Math.max(...Object.keys(cells).map((a) => Number(/\d+/.exec(a)![0])));
    expectThat(
      lastRow === expected.rows.length,
      `no duplicate rows: last row ${lastRow}, expected ${expected.rows.length}`,
    );
    for (let r = 0; r < expected.rows.length; r++) {
      for (let c = 0; c < 4; c++) {
        const want = expected.rows[r][c]?.value ?? undefined;
        const got = cells[`${"ABCD"[c]}${r + 1}`]?.value;
        expectThat(want === got, `${"ABCD"[c]}${r + 1} should be ${String(want)}, is ${String(got)}`);
      }
    }
    const totalRow = expected.rows.findIndex((row) => row.some((c) => c?.value === "Tổng cộng"));
    const total = cells[`D${totalRow + 1}`];
    expectThat(/^=SUM\(/.test(total.formula ?? ""), `Tổng cộng should stay a SUM formula: ${total.formula}`);
    const sub = Object.values(cells).find((c) => c.value === "- Thuê chỗ đặt máy chủ");
    expectThat(sub?.numberFormat === "@" && !sub.formula, `"- …" should stay text: ${JSON.stringify(sub)}`);
    expectThat(
      book.sheets.some((s) => s.name === LOG_SHEET_NAME),
      "the log sheet should be written",
    );
    expectThat(Object.keys(book.settings).length === 0, "the journal should be cleared after the retry");
    await h.page.screenshot({ path: path.join(h.artifactsDir, "excel-merge-applied.png"), fullPage: true });
    await reviewInWorkbook(h, excel, result);
    await applyAgainProtected(h, excel, result, units);

    await exportAsTyped(h, excel);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The consolidated cells of the unit approved in the pane: its file (Tình trạng nộp, column C) in the merge's provenance. */
async function approvedCells(excel: ExcelSession, result: MergeResult): Promise<string[]> {
  const book = await excel.workbook();
  const status = book.sheets.find((s) => s.name === STATUS_SHEET_NAME)!.cells;
  const row = Object.keys(status)
    .find((a) => a.startsWith("B") && status[a].value === "Đã duyệt")!
    .slice(1);
  const file = String(status[`C${row}`].value);
  // DON-VI-1.xlsx is budgetMergeCase's u0.xlsx, and so on.
  const source = `u${Number(/DON-VI-(\d+)/.exec(file)![1]) - 1}.xlsx`;
  return result.sheets[0].filled.filter((f) => f.source.file === source).map((f) => f.cell);
}

/** The approved unit's cells are locked, every other cell not, the sheet protected: the user's edit is refused. */
async function expectProtected(excel: ExcelSession, result: MergeResult, when: string): Promise<void> {
  const sheet = (await excel.workbook()).sheets.find((s) => s.name === "Phụ lục II")!;
  expectThat(
    sheet.protection !== undefined && !sheet.protection.password,
    `${when}: Phụ lục II should be protected, no password`,
  );
  const mine = await approvedCells(excel, result);
  const locked = Object.keys(sheet.cells).filter((a) => sheet.cells[a].locked ?? sheet.locked ?? true);
  expectThat(
    same([...locked].sort(), [...mine].sort()),
    `${when}: exactly the approved unit's cells should be locked: ${locked.join(" ")} / ${mine.join(" ")}`,
  );
  const refused = await excel.edit("Phụ lục II", mine[0], 1);
  expectThat(refused === "AccessDenied", `${when}: typing over ${mine[0]} should be refused, was ${refused}`);
  const free = result.sheets[0].filled.find((f) => !mine.includes(f.cell))!.cell;
  const value = (await excel.cell("Phụ lục II", free))?.value;
  expectThat(
    (await excel.edit("Phụ lục II", free, typeof value === "number" ? value : 0)) === "ok",
    `${when}: ${free} should stay editable`,
  );
}

/** After Áp dụng: Tình trạng nộp and the very hidden PhuLuc are in the workbook; Đã duyệt rewrites them there. */
async function reviewInWorkbook(h: E2EHarness, excel: ExcelSession, result: MergeResult): Promise<void> {
  const panel = h.page.getByRole("region", { name: "Tình trạng nộp" });
  await panel.waitFor({ timeout: 20_000 });
  const book = await excel.workbook();
  const records = book.sheets.find((s) => s.name === REVIEW_SHEET_NAME);
  expectThat(records?.visibility === "VeryHidden", `PhuLuc should be very hidden: ${records?.visibility}`);
  const statusCell = async (state: string) =>
    Object.values((await excel.workbook()).sheets.find((s) => s.name === STATUS_SHEET_NAME)?.cells ?? {}).some(
      (c) => c.value === state,
    );
  expectThat(await statusCell("Đã nhận"), "Tình trạng nộp should list the units received");
  const approve = panel.getByRole("button", { name: /^Duyệt / }).first();
  const unit = (await approve.getAttribute("aria-label"))!.replace(/^Duyệt /, "");
  await approve.click();
  await h.page
    .getByText(`Đã duyệt ${unit}: trang “Tình trạng nộp” của sổ làm việc đã cập nhật; các ô số liệu của ${unit}`)
    .waitFor({ timeout: 20_000 });
  expectThat(await statusCell("Đã duyệt"), "Tình trạng nộp in the workbook should say Đã duyệt");
  await expectProtected(excel, result, "after Đã duyệt");
  await h.page.screenshot({ path: path.join(h.artifactsDir, "excel-merge-status.png"), fullPage: true });
}

/** The same files merged and applied again into the protected workbook: PhuLuc lifts its protection and sets it again. */
async function applyAgainProtected(h: E2EHarness, excel: ExcelSession, result: MergeResult, units: string[]) {
  const { page } = h;
  await page.getByTestId("merge-units").setInputFiles(units);
  const apply = page.getByRole("button", { name: "Áp dụng vào sổ làm việc" });
  await apply.waitFor({ timeout: 30_000 });
  await apply.click();
  // Only Phụ lục II is filled: the log the first Áp dụng wrote is not taken for a template sheet.
  await page.getByText(/Đã ghi \d+ giá trị vào Phụ lục II và trang “Nhật ký tổng hợp”/).waitFor({ timeout: 20_000 });
  const alerts = await page.getByRole("alert").allInnerTexts();
  expectThat(alerts.length === 0, `the second Áp dụng should not fail: ${alerts.join(" | ")}`);
  await expectProtected(excel, result, "after a second Áp dụng");
  await h.page.screenshot({ path: path.join(h.artifactsDir, "excel-merge-protected.png"), fullPage: true });
}

/** Xuất file nộp from the open workbook with the header typed in the form (no save pressed). */
async function exportAsTyped(h: E2EHarness, excel: ExcelSession): Promise<void> {
  const { page } = h;
  await page.getByRole("tab", { name: "Xuất file nộp" }).click();
  await page.getByLabel("Số, ký hiệu").fill("125/BC-STTTT");
  await page.getByLabel("Kỳ báo cáo (trong tên file)").fill("9T-2025");
  await page.getByLabel("Ngày văn bản").fill("15/10/2025");
  await page.getByRole("button", { name: "Xuất file nộp", exact: true }).click();
  const anyway = page.getByRole("button", { name: "Vẫn xuất" });
  const done = page.getByText(/^Đã xuất /);
  await Promise.race([anyway.waitFor({ timeout: 30_000 }), done.waitFor({ timeout: 30_000 })]);
  if (await anyway.isVisible()) await anyway.click();
  await done.waitFor({ timeout: 30_000 });
  const message = await done.innerText();
  expectThat(/STTTT_PhuLuc-II_9T-2025_20251015\.xlsx/.test(message), `the file name should use the form: ${message}`);
  expectThat(excel.created.length === 1, `Excel.createWorkbook should be called once, was ${excel.created.length}`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(excel.created[0] as unknown as ArrayBuffer);
  const texts: string[] = [];
  workbook.worksheets[0].eachRow((row) => row.eachCell((cell) => texts.push(String(cell.text))));
  expectThat(
    texts.includes("Số: 125/BC-STTTT"),
    `the header should say Số: 125/BC-STTTT: ${texts.slice(0, 8).join(" | ")}`,
  );
  expectThat(
    texts.some((t) => /ngày 15 tháng 10 năm 2025/.test(t)),
    `the date line should be 15/10/2025: ${texts.slice(0, 8).join(" | ")}`,
  );
  await h.page.screenshot({ path: path.join(h.artifactsDir, "excel-export.png"), fullPage: true });
}

export default async function excelMode(h: E2EHarness): Promise<void> {
  const excel = await excelSession(h.page, h.baseUrl);
  await checkMarkInsertUnmark(h, excel);
  await computeAttainment(h, excel);
  console.log(`  Excel mode: ${await excel.syncs()} syncs for check, select, mark, insert, unmark and two computes`);
  await mergeFailRetryExport(h, excel);
}
