/**
 * Tổng hợp in file mode (a plain browser): pick the consolidated template and three unit files, watch
 * a progress bar per file, see the conflict (TTBCXB reports CNTT-BCVT's internet indicator as 85%)
 * and the unit that sent nothing (THANH-TRA), keep TTBCXB's value, apply, and find the consolidated
 * values in the pane and in the downloaded workbook (with its Nhật ký tổng hợp sheet).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { LOG_SHEET_NAME } from "../../src/engine/merge/logSheet";
import { COL, blankForm, filledPhuLucI, rowIndexOf, unitCopy, withCell } from "../fixtures/mergeCases";
import { seedLayout, seedWorkbook } from "../fixtures/seedGrids";
import type { SeedTable } from "../fixtures/seedTables";
import { expectThat, pickMergeFiles, type E2EHarness } from "./harness";

const filled = filledPhuLucI();
const internet = rowIndexOf(filled, "Tỷ lệ hộ gia đình có đường internet");

async function buildFiles(dir: string): Promise<{ template: string; units: string[] }> {
  const write = async (name: string, seed: SeedTable) => {
    const file = path.join(dir, name);
    await seedWorkbook(file, [{ seed, options: { sheetName: "Phụ lục I" } }]);
    return file;
  };
  const vanPhong: SeedTable = {
    ...blankForm(filled),
    rows: [...blankForm(filled).rows, ["6", "Số cuộc họp trực tuyến của Sở", "", "48", "", "", "Văn phòng", "", ""]],
  };
  return {
    template: await write("TONG-HOP.xlsx", blankForm(filled)),
    units: [
      await write("CNTT-BCVT.xlsx", unitCopy(filled, "CNTT-BCVT")),
      await write("TTBCXB.xlsx", withCell(unitCopy(filled, "TTBCXB"), internet, COL.actual, "85%")),
      await write("VAN-PHONG.xlsx", vanPhong),
    ],
  };
}

export default async function mergeThreeUnits(h: E2EHarness): Promise<void> {
  const { page } = h;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-e2e-merge-"));
  try {
    const files = await buildFiles(dir);
    await pickMergeFiles(h, files.template, files.units);

    // A progress bar per file (the template and the three units), each ending as read.
    for (const name of ["TONG-HOP.xlsx", "CNTT-BCVT.xlsx", "TTBCXB.xlsx", "VAN-PHONG.xlsx"]) {
      await page.getByText(new RegExp(`^${name.replace(".", "\\.")} — Đã đọc`)).waitFor({ timeout: 30_000 });
    }
    const bars = await page.getByTestId("merge-progress").count();
    expectThat(bars === 4, `expected 4 progress bars, saw ${bars}`);

    const conflict = page.getByTestId("merge-conflict");
    await conflict.waitFor();
    const conflictText = await conflict.innerText();
    expectThat(
      /Giữ CNTT-BCVT( \(chủ trì\))?: 80%/.test(conflictText) && /Giữ TTBCXB: 85%/.test(conflictText),
      `conflict: ${conflictText}`,
    );

    const missing = await page.getByRole("region", { name: "Đơn vị chưa nộp" }).innerText();
    expectThat(/Chưa nộp: THANH-TRA/.test(missing), `missing unit: ${missing}`);
    const unknown = await page.getByRole("region", { name: "Dòng không khớp mẫu" }).innerText();
    expectThat(/Số cuộc họp trực tuyến/.test(unknown), `unknown row: ${unknown}`);

    await conflict.getByRole("button", { name: "Giữ TTBCXB: 85%" }).click();
    await conflict.getByText("Đã chọn").waitFor();

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Áp dụng và tải tệp tổng hợp" }).click(),
    ]);
    await page.getByText("Giá trị đã tổng hợp").waitFor();
    const applied = await page.getByRole("region", { name: "Giá trị theo đơn vị" }).innerText();
    expectThat(
      /85%/.test(applied) && /TTBCXB · TTBCXB\.xlsx/.test(applied),
      `consolidated values: ${applied.slice(0, 300)}`,
    );

    const out = path.join(dir, download.suggestedFilename());
    await download.saveAs(out);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const { layout } = seedLayout(blankForm(filled), { sheetName: "Phụ lục I" });
    const value = workbook.getWorksheet("Phụ lục I")?.getCell(layout.firstDataRow + internet + 1, COL.actual + 1).value;
    expectThat(value === 0.85, `downloaded D-cell should hold 0.85, holds ${String(value)}`);
    const log = workbook.getWorksheet(LOG_SHEET_NAME);
    expectThat(log !== undefined && log.rowCount > 30, "the downloaded workbook should have its log sheet");

    await page.screenshot({ path: path.join(h.artifactsDir, "merge.png"), fullPage: true });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
