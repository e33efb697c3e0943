/**
 * What every browser test (test/e2e/*.e2e.ts) receives. A spec exports
 * `default async function (h: E2EHarness): Promise<void>` and fails by throwing.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { chiTieuGrid } from "../../bench/lib/synthetic";
import { seedWorkbook, type SeedSheet } from "../fixtures/seedGrids";
import { PLAN_SEED, planted9Thang } from "../fixtures/periodCases";
import { SEED_DICH_VU_CONG, SEED_KET_QUA, SEED_PHU_LUC_I, SEED_PHU_LUC_II } from "../fixtures/seedTables";

export interface E2EHarness {
  /** A fresh page (own browser context) for this spec. */
  page: Page;
  /** Where the built pane is served, e.g. http://127.0.0.1:41234 (taskpane.html is under it). */
  baseUrl: string;
  /** test-artifacts/: screenshots and other outputs worth keeping. */
  artifactsDir: string;
  /** Path of an .xlsx built from the seeds (see FIXTURES), written once per run. */
  fixture(name: FixtureName): Promise<string>;
}

/** Workbooks the specs can open, each laid out as a real Phụ lục sheet (numbers stored as numbers). */
export const FIXTURES = {
  "phu-luc-i.xlsx": [{ seed: SEED_PHU_LUC_I, options: { sheetName: "Phụ lục I" } }],
  "phu-luc-ii.xlsx": [{ seed: SEED_PHU_LUC_II, options: { sheetName: "Phụ lục II" } }],
  "ket-qua.xlsx": [{ seed: SEED_KET_QUA, options: { sheetName: "Kết quả" } }],
  "dich-vu-cong.xlsx": [{ seed: SEED_DICH_VU_CONG, options: { sheetName: "Dịch vụ công" } }],
  "all-seeds.xlsx": [
    { seed: SEED_PHU_LUC_I, options: { sheetName: "Phụ lục I" } },
    { seed: SEED_PHU_LUC_II, options: { sheetName: "Phụ lục II" } },
    { seed: SEED_KET_QUA, options: { sheetName: "Kết quả" } },
    { seed: SEED_DICH_VU_CONG, options: { sheetName: "Dịch vụ công" } },
  ],
  /** The approved plan (Phụ lục I of 000_…) and a 9-tháng result with its target lowered (test/fixtures/periodCases). */
  "ke-hoach-2024.xlsx": [{ seed: PLAN_SEED, options: { sheetName: "Phụ lục I" } }],
  "ket-qua-9-thang-sai.xlsx": [{ seed: planted9Thang(), options: { sheetName: "Chỉ tiêu ngành" } }],
  /** The benchmark's 5,000-indicator chi-tieu sheet in 10 sections (bench/lib/synthetic.ts). */
  "chi-tieu-5000.xlsx": [{ grid: chiTieuGrid(5000) }],
} satisfies Record<string, SeedSheet[]>;

export type FixtureName = keyof typeof FIXTURES;

/** Builds fixtures lazily into one temporary folder per run. */
export function fixtureMaker(): { fixture: E2EHarness["fixture"]; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-e2e-fixtures-"));
  const built = new Map<string, Promise<string>>();
  return {
    fixture(name) {
      let file = built.get(name);
      if (!file) {
        const target = path.join(dir, name);
        file = seedWorkbook(target, FIXTURES[name]).then(() => target);
        built.set(name, file);
      }
      return file;
    },
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** Throws with `message` unless `condition` holds (specs have no jest). */
export function expectThat(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** File mode's Tổng hợp with the template and the unit files picked, as a user does it. */
export async function pickMergeFiles(h: E2EHarness, template: string, units: string[]): Promise<void> {
  const { page } = h;
  await page.goto(`${h.baseUrl}/taskpane.html`);
  await page.getByText("Không chạy trong Excel").waitFor({ timeout: 10_000 });
  await page.getByRole("tab", { name: "Tổng hợp" }).click();
  await page.getByTestId("merge-template").setInputFiles(template);
  // The template is read when picked; Tổng hợp opens once it holds a Phụ lục.
  await page.getByText(path.basename(template), { exact: true }).waitFor({ timeout: 30_000 });
  await page.getByTestId("merge-units").setInputFiles(units);
}
