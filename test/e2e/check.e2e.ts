/**
 * The pane in file mode (a plain browser, no Excel): it says so, opens the seed's Phụ lục II as .xlsx, finds the
 * total-mismatch (items sum to 225.091, Tổng cộng says 224.591), and a click on the finding shows its card: the
 * figures with their unit and how to reach the cell in Excel.
 */
import path from "node:path";
import { expectThat, type E2EHarness } from "./harness";

export default async function checkPhuLucII(h: E2EHarness): Promise<void> {
  const { page } = h;
  const scripts: string[] = [];
  page.on("request", (request) => scripts.push(new URL(request.url()).pathname));
  await page.goto(`${h.baseUrl}/taskpane.html`);
  await page.getByText("Không chạy trong Excel").waitFor({ timeout: 10_000 });
  const exceljsLoaded = () => scripts.some((p) => /exceljs\.[0-9a-f]+\.chunk\.js$/.test(p));
  expectThat(!exceljsLoaded(), "exceljs must not load before a file is opened");

  await page.getByTestId("open-file").setInputFiles(await h.fixture("phu-luc-ii.xlsx"));
  await page.getByText("Trang tính: Phụ lục II").waitFor({ timeout: 20_000 });
  await page.getByText("Phụ lục dự kiến kinh phí").waitFor();
  // PhuLuc reads files with its own reader (adapters/xlsx/ooxml); exceljs only writes (export, merge output).
  expectThat(!exceljsLoaded(), "checking an opened file must not load the exceljs chunk");

  const finding = page.getByRole("button").filter({ hasText: "Tổng không khớp" }).first();
  await finding.waitFor();
  const text = await finding.innerText();
  expectThat(/224\.591/.test(text) && /225\.091/.test(text), `the finding should name 224.591 and 225.091: ${text}`);

  await finding.click();
  expectThat((await finding.getAttribute("aria-current")) === "true", "the clicked finding should be selected");
  const detail = await page.getByRole("region", { name: "Lỗi đang chọn" }).innerText();
  expectThat(/Đúng ra: 225\.091 triệu đồng/.test(detail), `the card should show the expected total: ${detail}`);
  expectThat(/Đang ghi: 224\.591 triệu đồng/.test(detail), `the card should show the stated total: ${detail}`);
  expectThat(/Ctrl\+G \(Đi tới\), gõ D19/.test(detail), `the card should say how to reach D19 in Excel: ${detail}`);

  await page.screenshot({ path: path.join(h.artifactsDir, "check.png"), fullPage: true });
}
