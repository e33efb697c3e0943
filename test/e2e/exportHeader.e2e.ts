/**
 * Xuất file nộp in file mode, header as typed: the user picks the consolidated file, types Số, Kỳ báo cáo and
 * Ngày in the form and presses Xuất file nộp straight away (no save button): the downloaded file is named from
 * what was typed and its header block says it; the typed values are still in the form after a reload.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { expectThat, type E2EHarness } from "./harness";

export default async function exportHeaderAsTyped(h: E2EHarness): Promise<void> {
  const { page } = h;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-e2e-export-"));
  try {
    await page.goto(`${h.baseUrl}/taskpane.html`);
    await page.getByText("Không chạy trong Excel").waitFor({ timeout: 10_000 });
    await page.getByRole("tab", { name: "Xuất file nộp" }).click();
    await page.getByLabel("Chọn file tổng hợp").setInputFiles(await h.fixture("phu-luc-ii.xlsx"));
    await page.getByLabel("Số, ký hiệu").fill("125/BC-STTTT");
    await page.getByLabel("Kỳ báo cáo (trong tên file)").fill("9T-2025");
    await page.getByLabel("Ngày văn bản").fill("15/10/2025");

    const download = page.waitForEvent("download", { timeout: 60_000 });
    await page.getByRole("button", { name: "Xuất file nộp", exact: true }).click();
    // The seed's Phụ lục II keeps its one error (D19): the pane says so and exports when told to.
    await page.getByText("Còn 1 lỗi trong các Phụ lục").waitFor({ timeout: 30_000 });
    await page.getByRole("button", { name: "Vẫn xuất" }).click();
    const file = await download;
    expectThat(
      file.suggestedFilename() === "STTTT_PhuLuc-II_9T-2025_20251015.xlsx",
      `the file name should come from the form: ${file.suggestedFilename()}`,
    );
    const out = path.join(dir, file.suggestedFilename());
    await file.saveAs(out);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const texts: string[] = [];
    workbook.worksheets[0].eachRow((row) => row.eachCell((cell) => texts.push(String(cell.text))));
    const head = texts.slice(0, 10).join(" | ");
    expectThat(texts.includes("Số: 125/BC-STTTT"), `the header should say Số: 125/BC-STTTT: ${head}`);
    expectThat(
      texts.some((t) => /ngày 15 tháng 10 năm 2025/.test(t)),
      `the date line should be 15/10/2025: ${head}`,
    );
    await page.screenshot({ path: path.join(h.artifactsDir, "export-typed.png"), fullPage: true });

    await page.reload();
    await page.getByText("Không chạy trong Excel").waitFor({ timeout: 10_000 });
    await page.getByRole("tab", { name: "Xuất file nộp" }).click();
    const kept = await page.getByLabel("Số, ký hiệu").inputValue();
    expectThat(kept === "125/BC-STTTT", `the typed Số should be kept as typed: ${kept}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
