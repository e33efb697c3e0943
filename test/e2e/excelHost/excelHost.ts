/**
 * The pane "inside Excel" for browser tests: office.js is answered with officeRuntime.ts (bundled here with
 * esbuild) preceded by the workbook to open, so the built pane takes its real Excel path — Office.onReady says
 * Excel, every Excel.run gets a strict fake request context. The test reads the fake's state (fills, selection,
 * cells) and acts as the user through `window.__fakeExcel`.
 */
import path from "node:path";
import { build } from "esbuild";
import type { Page } from "playwright-core";
import { gridFromFakeSheet, type FakeCell, type FakeFill, type FakeWorkbookFile } from "../../fakes/fakeExcel";
import { seedWorkbookBuffer } from "../../fixtures/seedGrids";

let bundled: Promise<string> | undefined;

/** officeRuntime.ts and the fake Excel as one classic script for the page. */
function runtimeSource(): Promise<string> {
  bundled ??= build({
    entryPoints: [path.join(__dirname, "officeRuntime.ts")],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2022",
    logLevel: "warning",
  }).then((result) => result.outputFiles[0].text);
  return bundled;
}

/** The open workbook as Excel would save it: every sheet through the same .xlsx writer the fixtures use. */
async function documentFile(file: FakeWorkbookFile): Promise<string> {
  const bytes = await seedWorkbookBuffer(file.sheets.map((sheet) => ({ grid: gridFromFakeSheet(sheet) })));
  return Buffer.from(bytes).toString("base64");
}

export interface ExcelSession {
  /** Opens the pane in Excel with this workbook as the open (active) workbook. */
  open(workbook: FakeWorkbookFile): Promise<void>;
  /** Workbooks the pane opened with Excel.createWorkbook (the export's submission). */
  created: Buffer[];
  fill(sheet: string, address: string): Promise<FakeFill>;
  cell(sheet: string, address: string): Promise<FakeCell | undefined>;
  /** The open workbook as it is now. */
  workbook(): Promise<FakeWorkbookFile>;
  syncs(): Promise<number>;
  insertRows(sheet: string, at: number, count: number): Promise<void>;
  activate(sheet: string): Promise<void>;
  failNextWrite(sheet: string): Promise<void>;
  /** The user types `value` into a cell: "ok", or the code Excel refuses it with (a locked cell: AccessDenied). */
  edit(sheet: string, address: string, value: string | number): Promise<string>;
}

interface FakeExcelHandle {
  file: FakeWorkbookFile;
  syncs(): number;
  fill(sheet: string, address: string): FakeFill;
  insertRows(sheet: string, at: number, count: number): void;
  activate(sheet: string): void;
  failNextWrite(sheet: string): void;
  edit(sheet: string, address: string, value: string | number): string;
}

/** The page's fake Excel (each page.evaluate callback is sent as source text, so each names it itself). */
type FakeWindow = { __fakeExcel: FakeExcelHandle };

export async function excelSession(page: Page, baseUrl: string): Promise<ExcelSession> {
  let current: FakeWorkbookFile | undefined;
  const created: Buffer[] = [];
  const runtime = await runtimeSource();
  await page.exposeFunction("__phulucDocumentFile", (json: string) => documentFile(JSON.parse(json)));
  await page.exposeFunction("__phulucCreateWorkbook", (base64: string) => {
    created.push(Buffer.from(base64, "base64"));
  });
  await page.route("**/office.js", (route) =>
    route.fulfill({
      contentType: "text/javascript; charset=utf-8",
      body: `window.__phulucWorkbook = ${JSON.stringify(current)};\n${runtime}`,
    }),
  );
  return {
    async open(workbook) {
      current = workbook;
      await page.goto(`${baseUrl}/taskpane.html`);
    },
    created,
    fill: (sheet, address) =>
      page.evaluate(([s, a]) => (window as unknown as FakeWindow).__fakeExcel.fill(s, a), [sheet, address]),
    cell: (sheet, address) =>
      page.evaluate(
        ([s, a]) => (window as unknown as FakeWindow).__fakeExcel.file.sheets.find((x) => x.name === s)?.cells[a],
        [sheet, address],
      ),
    workbook: () => page.evaluate(() => (window as unknown as FakeWindow).__fakeExcel.file),
    syncs: () => page.evaluate(() => (window as unknown as FakeWindow).__fakeExcel.syncs()),
    insertRows: (sheet, at, count) =>
      page.evaluate(([s, a, n]) => (window as unknown as FakeWindow).__fakeExcel.insertRows(s, a, n), [
        sheet,
        at,
        count,
      ] as const),
    activate: (sheet) => page.evaluate((s) => (window as unknown as FakeWindow).__fakeExcel.activate(s), sheet),
    failNextWrite: (sheet) =>
      page.evaluate((s) => (window as unknown as FakeWindow).__fakeExcel.failNextWrite(s), sheet),
    edit: (sheet, address, value) =>
      page.evaluate(([s, a, v]) => (window as unknown as FakeWindow).__fakeExcel.edit(s, a, v), [
        sheet,
        address,
        value,
      ] as const),
  };
}
