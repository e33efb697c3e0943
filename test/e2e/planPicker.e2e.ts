/**
 * File mode, the plan picker (spec §9): a 9-tháng result whose target of “Tỷ lệ CQNN hoàn thiện Chính quyền điện
 * tử” was lowered 70% → 65% checks clean on its own arithmetic; once the approved plan is picked, the pane shows a
 * plan-mismatch naming the plan's 70% and the file it came from. The plan is remembered: after a reload it is
 * still in use. Bỏ stops comparing.
 */
import path from "node:path";
import { expectThat, type E2EHarness } from "./harness";

export default async function planPicker(h: E2EHarness): Promise<void> {
  const { page } = h;
  await page.goto(`${h.baseUrl}/taskpane.html`);
  await page.getByText("Không chạy trong Excel").waitFor({ timeout: 10_000 });
  const mismatch = () => page.getByRole("button").filter({ hasText: "Kế hoạch khác kế hoạch được duyệt" });
  const planLine = page.getByTestId("reference-plan");

  await page.getByTestId("open-file").setInputFiles(await h.fixture("ket-qua-9-thang-sai.xlsx"));
  await page.getByText("Trang tính: Chỉ tiêu ngành").waitFor({ timeout: 30_000 });
  expectThat((await mismatch().count()) === 0, "without a plan there is nothing to compare the target with");

  await page.getByTestId("pick-plan").setInputFiles(await h.fixture("ke-hoach-2024.xlsx"));
  await planLine.filter({ hasText: "ke-hoach-2024.xlsx" }).waitFor({ timeout: 30_000 });
  // The open file is checked again against the plan.
  await mismatch().first().waitFor({ timeout: 30_000 });
  const text = await mismatch().first().innerText();
  expectThat(/65%/.test(text) && /70%/.test(text), `the finding should name 65% and the plan's 70%: ${text}`);
  expectThat(/ke-hoach-2024\.xlsx/.test(text), `the finding should say which plan it used: ${text}`);
  await page.screenshot({ path: path.join(h.artifactsDir, "plan-picker.png"), fullPage: true });

  // Remembered by the browser: after a reload the plan is still picked and used.
  await page.reload();
  await planLine.filter({ hasText: "ke-hoach-2024.xlsx" }).waitFor({ timeout: 10_000 });
  await page.getByTestId("open-file").setInputFiles(await h.fixture("ket-qua-9-thang-sai.xlsx"));
  await mismatch().first().waitFor({ timeout: 30_000 });

  await page.getByRole("button", { name: "Bỏ: Kế hoạch được duyệt" }).click();
  await planLine.filter({ hasText: "chưa chọn" }).waitFor({ timeout: 10_000 });
  await page.getByText("Trang tính: Chỉ tiêu ngành").waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => !document.body.innerText.includes("Kế hoạch khác kế hoạch được duyệt"), undefined, {
    timeout: 30_000,
  });
}
