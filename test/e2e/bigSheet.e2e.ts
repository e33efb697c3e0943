/**
 * A 5,000-row chi-tieu sheet opened in file mode: the time from choosing the file to its findings and chart on
 * screen, and the longest main-thread task meanwhile (a `longtask` PerformanceObserver), written to
 * test-artifacts/big-sheet.json. The goals (≤ 1.5 s, ≤ 200 ms) are reported, not asserted: timings on a shared
 * machine vary. Asserted: the pane answers a click while the worker checks, the chart summarises by section
 * (8 sections of 10, not 5,000 bars), and the findings list keeps only the rows in view in the page.
 */
import fs from "node:fs";
import path from "node:path";
import { expectThat, type E2EHarness } from "./harness";

declare global {
  interface Window {
    __longTasks: { start: number; duration: number }[];
  }
}

export default async function bigSheet(h: E2EHarness): Promise<void> {
  const { page } = h;
  await page.setViewportSize({ width: 350, height: 900 });
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: "longtask", buffered: true });
  });
  await page.goto(`${h.baseUrl}/taskpane.html`);
  await page.getByText("Không chạy trong Excel").waitFor({ timeout: 10_000 });
  const file = await h.fixture("chi-tieu-5000.xlsx");

  const runs: { ms: number; longestTaskMs: number }[] = [];
  let tabSwitchMs = 0;
  for (let run = 0; run < 3; run++) {
    const since = await page.evaluate(() => performance.now());
    const started = Date.now();
    await page.getByTestId("open-file").setInputFiles(file);
    if (run === 0) {
      // While the worker reads and checks, the page still answers: the Tổng hợp tab opens and closes.
      await page.getByRole("status").waitFor({ timeout: 5_000 });
      const clicked = Date.now();
      await page.getByRole("tab", { name: "Tổng hợp" }).click({ timeout: 10_000 });
      await page.getByRole("tab", { name: "Kiểm tra" }).click({ timeout: 10_000 });
      tabSwitchMs = Date.now() - clicked;
    }
    await page.getByRole("list", { name: "Chỉ tiêu đạt theo từng mục" }).waitFor({ timeout: 60_000 });
    const ms = Date.now() - started;
    const tasks = await page.evaluate((t0) => window.__longTasks.filter((t) => t.start >= t0), since);
    runs.push({ ms, longestTaskMs: Math.round(Math.max(0, ...tasks.map((t) => t.duration))) });
  }

  const results = page.getByRole("region", { name: "Trang tính Phụ lục I" });
  const bars = await results.getByRole("list", { name: "Chỉ tiêu đạt theo từng mục" }).getByRole("listitem").count();
  expectThat(bars === 8, `the chart should show the 8 worst of 10 sections, not every indicator: ${bars}`);
  await results.getByText("… và 2 mục khác đạt tốt hơn.").waitFor();
  const findingsShown = await page
    .getByRole("group", { name: "Danh sách lỗi và cảnh báo" })
    .getByRole("button")
    .count();
  expectThat(findingsShown <= 20, `the findings list should draw only the rows in view, drew ${findingsShown}`);

  const summary = {
    rows: 5000,
    runs,
    medianMs: [...runs].sort((a, b) => a.ms - b.ms)[1].ms,
    longestTaskMs: Math.max(...runs.map((r) => r.longestTaskMs)),
    twoTabClicksWhileCheckingMs: tabSwitchMs,
    goals: { ms: 1500, longestTaskMs: 200 },
  };
  fs.writeFileSync(path.join(h.artifactsDir, "big-sheet.json"), JSON.stringify(summary, null, 2));
  console.log(`  5,000-row chi-tieu: ${JSON.stringify(summary)}`);
  await page.screenshot({ path: path.join(h.artifactsDir, "big-sheet-350.png") });
}
