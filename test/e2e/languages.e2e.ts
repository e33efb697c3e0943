/**
 * A workbook with all four seed tables: every sheet is recognised with its template and listed with its own
 * findings; the English switch changes the pane's language and back.
 */
import path from "node:path";
import { expectThat, type E2EHarness } from "./harness";

export default async function allSeedsAndEnglish(h: E2EHarness): Promise<void> {
  const { page } = h;
  await page.goto(`${h.baseUrl}/taskpane.html`);
  await page.getByText("Không chạy trong Excel").waitFor({ timeout: 10_000 });
  await page.getByTestId("open-file").setInputFiles(await h.fixture("all-seeds.xlsx"));
  for (const sheet of ["Phụ lục I", "Phụ lục II", "Kết quả", "Dịch vụ công"]) {
    await page.getByText(`Trang tính: ${sheet}`, { exact: true }).waitFor({ timeout: 20_000 });
  }
  const sections = page.getByRole("region", { name: /^Trang tính / });
  expectThat((await sections.count()) === 4, `four sheet sections expected, got ${await sections.count()}`);
  const unrecognised = await page.getByText("Không nhận diện được mẫu Phụ lục").count();
  expectThat(unrecognised === 0, `every seed sheet should be recognised (${unrecognised} were not)`);
  const budget = sections.filter({ hasText: "Trang tính: Phụ lục II" });
  expectThat((await budget.getByText("Tổng không khớp").count()) >= 1, "Phụ lục II lists its total mismatch");

  await page.getByRole("button", { name: "English" }).click();
  await page.getByText("Not running in Excel").waitFor();
  await page.getByRole("tab", { name: "Export submission" }).waitFor();
  const budgetEn = page.getByRole("region", { name: "Sheet Phụ lục II" });
  expectThat((await budgetEn.getByText("Total mismatch").count()) >= 1, "rule names switch to English");
  await page.screenshot({ path: path.join(h.artifactsDir, "all-seeds-en.png"), fullPage: true });
  await page.getByRole("button", { name: "Tiếng Việt" }).click();
  await page.getByText("Không chạy trong Excel").waitFor();
}
