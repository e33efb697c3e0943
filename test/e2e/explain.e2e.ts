/**
 * File mode, giải trình (spec §10): the seed's Phụ lục II (Tổng cộng 224.591, items 225.091, D19) opened, the
 * finding chosen, an explanation typed and saved: the pane downloads a copy with the explanation in its very
 * hidden PhuLuc sheet and shows the finding as đã giải trình (still listed, still an error). Opening the
 * downloaded copy again shows it explained: the record travels with the file.
 */
import path from "node:path";
import { expectThat, type E2EHarness } from "./harness";

const TEXT = "Tổng cộng theo Quyết định 1234/QĐ-UBND; mục 3 điều chỉnh ở quý IV";

export default async function explainInFileMode(h: E2EHarness): Promise<void> {
  const { page } = h;
  await page.goto(`${h.baseUrl}/taskpane.html`);
  await page.getByText("Không chạy trong Excel").waitFor({ timeout: 10_000 });
  await page.getByTestId("open-file").setInputFiles(await h.fixture("phu-luc-ii.xlsx"));
  const finding = () => page.getByRole("button").filter({ hasText: "Tổng không khớp" }).first();
  await finding().waitFor({ timeout: 30_000 });
  await finding().click();

  const card = page.getByRole("region", { name: "Lỗi đang chọn" });
  await card.getByRole("button", { name: "Giải trình" }).click();
  await card.getByLabel("Nội dung giải trình").fill(TEXT);
  const [download] = await Promise.all([
    page.waitForEvent("download", { timeout: 30_000 }),
    card.getByRole("button", { name: "Lưu giải trình" }).click(),
  ]);
  expectThat(
    download.suggestedFilename() === "phu-luc-ii.xlsx",
    `the copy keeps the name: ${download.suggestedFilename()}`,
  );
  await page.getByText(/Đã lưu giải trình vào bản sao/).waitFor({ timeout: 30_000 });
  await finding().filter({ hasText: "đã giải trình" }).waitFor({ timeout: 10_000 });
  const cardText = await card.innerText();
  expectThat(cardText.includes(`Giải trình: ${TEXT}`), `the card should show the explanation: ${cardText}`);
  expectThat(await page.getByText("1 lỗi").isVisible(), "the explained error is still counted and listed");
  // PhuLuc's very hidden record sheet is not a report: not listed, not said to be hidden.
  expectThat((await page.getByText("Trang tính: PhuLuc").count()) === 0, "the PhuLuc sheet should not be listed");
  expectThat((await page.getByText(/“PhuLuc” đang bị ẩn/).count()) === 0, "no hidden-sheet note for PhuLuc");
  await page.screenshot({ path: path.join(h.artifactsDir, "explain-saved.png"), fullPage: true });

  // The downloaded copy carries the explanation: opened again, the finding is already explained.
  const copy = path.join(h.artifactsDir, "phu-luc-ii-giai-trinh.xlsx");
  await download.saveAs(copy);
  await page.reload();
  await page.getByTestId("open-file").setInputFiles(copy);
  await finding().filter({ hasText: "đã giải trình" }).waitFor({ timeout: 30_000 });
  await page.screenshot({ path: path.join(h.artifactsDir, "explain-reopened.png"), fullPage: true });
}
