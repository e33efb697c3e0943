/** @jest-environment jsdom */
/*
 * Giải trình on a finding (spec §10), with the real engine, the real .xlsx reader/writer and the fake Excel:
 * the seed's Phụ lục II states Tổng cộng 224.591 where its items sum to 225.091 (D19). KHTC's explanation is
 * stored in the workbook's very hidden PhuLuc sheet — in file mode in a downloaded copy (the original is not
 * written), in Excel through Office.js — and the finding is then shown as đã giải trình, not hidden; a new
 * pane session reads it back.
 */
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import ExcelJS from "exceljs";
import { fakeSheetFromGrid, type FakeWorkbookFile } from "../../../test/fakes/fakeExcel";
import { fakeHost } from "../../../test/fakes/fakeHost";
import { seedGrid, seedWorkbookBuffer } from "../../../test/fixtures/seedGrids";
import { SEED_PHU_LUC_II } from "../../../test/fixtures/seedTables";
import { readWorkbook } from "../../adapters/xlsx/readWorkbook";
import { REVIEW_SHEET_NAME, reviewStoreOf } from "../../engine/review";
import { ExcelCheck } from "../excel/ExcelCheck";
import { FileCheck } from "../file/FileCheck";
import { inlineCheckEngine } from "./checkClient";

globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

const downloads: { name: string; blob: Blob }[] = [];
beforeAll(() => {
  URL.createObjectURL = (blob: Blob) => {
    downloads.push({ name: "", blob: blob as Blob });
    return "blob:phuluc";
  };
  URL.revokeObjectURL = () => {};
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    downloads[downloads.length - 1].name = this.download;
  };
  Blob.prototype.arrayBuffer ??= function (this: Blob) {
    return new Promise<ArrayBuffer>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as ArrayBuffer);
      reader.readAsArrayBuffer(this);
    });
  };
});
beforeEach(() => localStorage.clear());

const STEP = { timeout: 30_000 };
const TEXT = "Tổng cộng theo Quyết định 1234/QĐ-UBND; mục 3 điều chỉnh ở quý IV";
const pane = (children: React.ReactNode) => <FluentProvider theme={webLightTheme}>{children}</FluentProvider>;

/** Chooses the total-mismatch finding, opens Giải trình, types the text and saves. */
async function explainTotal() {
  const finding = await screen.findByText(/Tổng cộng ghi 224\.591/, undefined, STEP);
  fireEvent.click(finding.closest("button")!);
  const card = screen.getByRole("region", { name: "Lỗi đang chọn" });
  fireEvent.click(within(card).getByRole("button", { name: "Giải trình" }));
  fireEvent.change(within(card).getByLabelText("Nội dung giải trình"), { target: { value: TEXT } });
  fireEvent.click(within(card).getByRole("button", { name: "Lưu giải trình" }));
}

const explainedRow = () =>
  screen.getAllByRole("button").find((b) => /Tổng cộng ghi 224\.591/.test(b.textContent ?? ""))!;

describe("Giải trình in file mode", () => {
  it("stores the explanation very hidden in a downloaded copy and shows the finding as đã giải trình", async () => {
    const bytes = await seedWorkbookBuffer([{ seed: SEED_PHU_LUC_II, options: { sheetName: "Phụ lục II" } }]);
    const engine = inlineCheckEngine();
    render(pane(<FileCheck engine={() => engine} />));
    fireEvent.change(screen.getByLabelText("Mở file .xlsx"), {
      target: { files: [new File([bytes as BlobPart], "PhuLucII.xlsx")] },
    });
    await explainTotal();

    await screen.findByText(/Đã lưu giải trình vào bản sao và tải về PhuLucII\.xlsx/, undefined, STEP);
    expect(explainedRow().textContent).toContain("đã giải trình");
    expect(screen.getByRole("region", { name: "Lỗi đang chọn" }).textContent).toContain(`Giải trình: ${TEXT}`);
    // Still an error, still listed: explained, not hidden. The PhuLuc record sheet is no report of its own.
    expect(screen.getByText("1 lỗi")).toBeTruthy();
    expect(screen.queryByText("Trang tính: PhuLuc")).toBeNull();
    expect(screen.queryByText(/“PhuLuc” đang bị ẩn/)).toBeNull();

    const copy = downloads.at(-1)!;
    expect(copy.name).toBe("PhuLucII.xlsx");
    const written = new Uint8Array(await copy.blob.arrayBuffer());
    const read = await readWorkbook(written, { fileName: copy.name });
    expect(reviewStoreOf(read.grids).explanations).toEqual([
      expect.objectContaining({ sheet: "Phụ lục II", rule: "total-mismatch", cell: "D19", text: TEXT }),
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(written.slice().buffer);
    expect(workbook.getWorksheet(REVIEW_SHEET_NAME)?.state).toBe("veryHidden");
    // The Phụ lục itself is as it was.
    expect(workbook.getWorksheet("Phụ lục II")?.getCell("D19").value).toBe(224591);
  }, 120_000);
});

describe("Giải trình inside Excel (the fake Excel)", () => {
  it("writes the very hidden PhuLuc sheet through Office.js, and a new session shows the finding explained", async () => {
    const file: FakeWorkbookFile = {
      sheets: [fakeSheetFromGrid(seedGrid(SEED_PHU_LUC_II, { sheetName: "Phụ lục II" }))],
      activeSheet: "Phụ lục II",
      settings: {},
    };
    const engine = inlineCheckEngine();
    const first = render(pane(<ExcelCheck excel={fakeHost(file).host} engine={() => engine} />));
    await explainTotal();
    await screen.findByText("Đã lưu giải trình vào sổ tính (trang ẩn PhuLuc).", undefined, STEP);
    await waitFor(() => expect(explainedRow().textContent).toContain("đã giải trình"), STEP);
    const sheet = file.sheets.find((s) => s.name === REVIEW_SHEET_NAME)!;
    expect(sheet.visibility).toBe("VeryHidden");
    expect(Object.values(sheet.cells).some((c) => c.value === TEXT)).toBe(true);
    expect(file.sheets[0].cells["D19"].value).toBe(224591);
    first.unmount();

    const again = inlineCheckEngine();
    render(pane(<ExcelCheck excel={fakeHost(file).host} engine={() => again} />));
    await screen.findByText(/Tổng cộng ghi 224\.591/, undefined, STEP);
    expect(explainedRow().textContent).toContain("đã giải trình");
  }, 120_000);
});
