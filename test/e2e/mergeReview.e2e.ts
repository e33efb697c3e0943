/**
 * Tổng hợp in file mode, the review round (spec §10): the consolidated template already records CNTT-BCVT as
 * Đã duyệt (an earlier file). Merging a new CNTT-BCVT file asks first; Mở lại takes it. After Áp dụng the
 * Tình trạng nộp view lists the units; Trả lại TTBCXB downloads its feedback workbook (findings as notes, a
 * list sheet) and the consolidated workbook again, whose PhuLuc records say Trả lại.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Download } from "playwright-core";
import { workbookWithReviewStore } from "../../src/adapters/xlsx/reviewStoreFile";
import { readWorkbook } from "../../src/adapters/xlsx/readWorkbook";
import { FEEDBACK_SHEET_NAME, emptyReviewStore, reviewStoreOf } from "../../src/engine/review";
import { COL, blankForm, filledPhuLucI, rowIndexOf, unitCopy, withCell } from "../fixtures/mergeCases";
import { seedWorkbookBuffer } from "../fixtures/seedGrids";
import type { SeedTable } from "../fixtures/seedTables";
import { expectThat, type E2EHarness } from "./harness";

const filled = filledPhuLucI();
const internet = rowIndexOf(filled, "Tỷ lệ hộ gia đình có đường internet");

async function buildFiles(dir: string): Promise<{ template: string; units: string[] }> {
  const bytes = (seed: SeedTable) => seedWorkbookBuffer([{ seed, options: { sheetName: "Phụ lục I" } }]);
  const write = async (name: string, data: Uint8Array) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, data);
    return file;
  };
  const blank = await bytes(blankForm(filled));
  const approved = {
    ...emptyReviewStore(),
    statuses: [
      {
        unit: "CNTT-BCVT",
        state: "da-duyet" as const,
        file: "CNTT-BCVT-thang9.xlsx",
        sha256: "0".repeat(64),
        by: "KHTC",
        at: "2024-10-05T08:00:00.000Z",
      },
    ],
  };
  const template = await workbookWithReviewStore(blank.slice().buffer, approved);
  return {
    template: await write("TONG-HOP.xlsx", template),
    units: [
      await write("CNTT-BCVT.xlsx", await bytes(unitCopy(filled, "CNTT-BCVT"))),
      await write("TTBCXB.xlsx", await bytes(withCell(unitCopy(filled, "TTBCXB"), internet, COL.actual, "85%"))),
    ],
  };
}

export default async function mergeReview(h: E2EHarness): Promise<void> {
  const { page } = h;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-e2e-review-"));
  try {
    const files = await buildFiles(dir);
    await page.goto(`${h.baseUrl}/taskpane.html`);
    await page.getByText("Không chạy trong Excel").waitFor({ timeout: 10_000 });
    await page.getByRole("tab", { name: "Tổng hợp" }).click();
    await page.getByTestId("merge-template").setInputFiles(files.template);
    await page.getByText("TONG-HOP.xlsx", { exact: true }).waitFor({ timeout: 30_000 });
    await page.getByTestId("merge-units").setInputFiles(files.units);

    const question = page.getByRole("alertdialog");
    await question.waitFor({ timeout: 30_000 });
    const asked = await question.innerText();
    expectThat(/CNTT-BCVT đã được duyệt lúc 05\/10\/2024 08:00/.test(asked), `the question: ${asked}`);
    await page.screenshot({ path: path.join(h.artifactsDir, "merge-approved-question.png"), fullPage: true });
    await question.getByRole("button", { name: "Mở lại và tổng hợp" }).click();
    await question.waitFor({ state: "detached", timeout: 30_000 });

    const conflict = page.getByTestId("merge-conflict");
    await conflict.waitFor({ timeout: 30_000 });
    await conflict.getByRole("button", { name: "Giữ TTBCXB: 85%" }).click();
    await conflict.getByText("Đã chọn").waitFor();
    await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Áp dụng và tải tệp tổng hợp" }).click(),
    ]);

    const status = page.getByRole("table", { name: "Tình trạng nộp" });
    await status.waitFor({ timeout: 30_000 });
    const rows = await status.innerText();
    expectThat(/CNTT-BCVT\s+Đã nhận/.test(rows) && /TTBCXB\s+Đã nhận/.test(rows), `statuses: ${rows}`);
    expectThat(/THANH-TRA\s+Chưa nộp/.test(rows), `THANH-TRA sent nothing: ${rows}`);

    const downloads: Download[] = [];
    page.on("download", (d) => downloads.push(d));
    await page.getByRole("button", { name: "Trả lại TTBCXB" }).click();
    await page.getByText(/Đã trả lại TTBCXB/).waitFor({ timeout: 30_000 });
    const after = await status.innerText();
    expectThat(/TTBCXB\s+Trả lại/.test(after), `TTBCXB should now be Trả lại: ${after}`);
    await page.screenshot({ path: path.join(h.artifactsDir, "merge-status.png"), fullPage: true });

    const names = downloads.map((d) => d.suggestedFilename());
    expectThat(names.includes("PHAN-HOI_TTBCXB.xlsx"), `downloads: ${names.join(", ")}`);
    const saved = async (name: string) => {
      const out = path.join(dir, `out-${name}`);
      await downloads.find((d) => d.suggestedFilename() === name)!.saveAs(out);
      return out;
    };
    const feedback = new ExcelJS.Workbook();
    await feedback.xlsx.readFile(await saved("PHAN-HOI_TTBCXB.xlsx"));
    expectThat(feedback.getWorksheet(FEEDBACK_SHEET_NAME) !== undefined, "the feedback list sheet");
    const consolidated = names.find((n) => n.startsWith("TONG-HOP_"))!;
    const read = await readWorkbook(await saved(consolidated));
    const states = reviewStoreOf(read.grids).statuses.map((s) => `${s.unit}:${s.state}`);
    expectThat(states.includes("TTBCXB:tra-lai"), `the consolidated PhuLuc records: ${states.join(", ")}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
