/** @jest-environment jsdom */
import { webcrypto } from "node:crypto";
import { TextEncoder } from "node:util";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { LOG_SHEET_NAME } from "../../engine/merge/logSheet";
import { COL, blankForm, filledPhuLucI, rowIndexOf, unitCopy, withCell } from "../../../test/fixtures/mergeCases";
import { seedLayout, seedWorkbookBuffer } from "../../../test/fixtures/seedGrids";
import { readHiddenSheet } from "../../adapters/excel/hiddenSheet";
import { REVIEW_SHEET_NAME, reviewStoreFromGrid, STATUS_SHEET_NAME } from "../../engine/review";
import { fakeSheetFromGrid, reopen, sheetValues, type FakeWorkbookFile } from "../../../test/fakes/fakeExcel";
import { fakeHost } from "../../../test/fakes/fakeHost";
import { inlineEngine } from "./mergeClient";
import { MergeTab } from "./MergeTab";

// jsdom has no crypto.subtle (browsers on https or localhost do): the receipts' SHA-256 needs it.
if (!globalThis.crypto?.subtle) Object.defineProperty(globalThis, "crypto", { value: webcrypto });
// Nor TextEncoder (browsers and their workers do): a unit sheet's receipt hashes its values as UTF-8.
globalThis.TextEncoder ??= TextEncoder as typeof globalThis.TextEncoder;

globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

const filled = filledPhuLucI();
const internet = rowIndexOf(filled, "Tỷ lệ hộ gia đình có đường internet");

describe("MergeTab inside Excel (the fake Excel)", () => {
  it("merges sheets already in the workbook, applies in two syncs, and writes a settled conflict at once", async () => {
    const sheets = [
      { seed: blankForm(filled), options: { sheetName: "Phụ lục I" } },
      { seed: unitCopy(filled, "CNTT-BCVT"), options: { sheetName: "CNTT-BCVT" } },
      { seed: withCell(unitCopy(filled, "TTBCXB"), internet, COL.actual, "85%"), options: { sheetName: "TTBCXB" } },
    ];
    const { grid: template, layout } = seedLayout(blankForm(filled), { sheetName: "Phụ lục I" });
    const file: FakeWorkbookFile = {
      sheets: [template, { ...template, name: "CNTT-BCVT" }, { ...template, name: "TTBCXB" }].map(fakeSheetFromGrid),
      activeSheet: "Phụ lục I",
      settings: {},
    };
    const { host: excel, syncs } = fakeHost(file);
    const bytes = await seedWorkbookBuffer(sheets);
    render(<MergeTab host="excel" excel={excel} engine={inlineEngine()} readWorkbookBytes={async () => bytes} />);

    fireEvent.click(await screen.findByRole("checkbox", { name: "CNTT-BCVT" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "TTBCXB" }));
    fireEvent.click(screen.getByRole("button", { name: "Tổng hợp các trang đã chọn" }));
    const conflict = await screen.findByTestId("merge-conflict", {}, { timeout: 10_000 });
    expect(screen.getByRole("region", { name: "Đơn vị chưa nộp" }).textContent).toContain("Chưa nộp: THANH-TRA");

    const syncsBefore = syncs();
    fireEvent.click(screen.getByRole("button", { name: "Áp dụng vào sổ làm việc" }));
    // One conflict is undecided: the pane asks first, and goes ahead with the lead unit's value.
    const ask = await screen.findByRole("dialog", { hidden: true });
    fireEvent.click(within(ask).getByRole("button", { name: "Vẫn áp dụng", hidden: true }));
    await screen.findByText(/Đã ghi \d+ giá trị vào Phụ lục I/);
    expect(syncs() - syncsBefore).toBe(2);
    // Units sent as sheets of the workbook have a receipt too (named by the sheet): Đã nhận, not Chưa nộp.
    const received = sheetValues(file, STATUS_SHEET_NAME, 4, 3).filter((row) => row[1] === "Đã nhận");
    expect(received.map((row) => [row[0], row[2]])).toEqual([
      ["CNTT-BCVT", "CNTT-BCVT"],
      ["TTBCXB", "TTBCXB"],
    ]);
    const cell = () =>
      sheetValues(file, "Phụ lục I", layout.firstDataRow + internet + 1, COL.actual + 1)[
        layout.firstDataRow + internet
      ][COL.actual];
    expect(cell()).toBe(0.8);

    await act(async () => fireEvent.click(within(conflict).getByRole("button", { name: "Giữ TTBCXB: 85%" })));
    await waitFor(() => expect(cell()).toBe(0.85));
    expect(syncs() - syncsBefore).toBe(4);
    const log = sheetValues(file, LOG_SHEET_NAME, 80, 8);
    expect(log.some((row) => row[3] === "TTBCXB" && String(row[7]).includes("KHTC chọn"))).toBe(true);
  }, 60_000);

  it("Áp dụng writes Tình trạng nộp and the very hidden PhuLuc records; Đã duyệt rewrites them in the workbook", async () => {
    const { grid: template } = seedLayout(blankForm(filled), { sheetName: "Phụ lục I" });
    const file: FakeWorkbookFile = { sheets: [fakeSheetFromGrid(template)], activeSheet: "Phụ lục I", settings: {} };
    const { host: excel, syncs } = fakeHost(file);
    const bytes = await seedWorkbookBuffer([{ seed: blankForm(filled), options: { sheetName: "Phụ lục I" } }]);
    const deliver = jest.fn();
    // In act: the tab lists the workbook's sheets as it mounts, an update that must land before the test goes on.
    await act(async () => {
      render(
        <MergeTab
          host="excel"
          excel={excel}
          engine={inlineEngine()}
          readWorkbookBytes={async () => bytes}
          deliver={deliver}
        />,
      );
    });
    const unit = await seedWorkbookBuffer([
      { seed: unitCopy(filled, "CNTT-BCVT"), options: { sheetName: "Phụ lục I" } },
    ]);
    const units = screen.getByTestId("merge-units") as HTMLInputElement;
    // jsdom's File has no arrayBuffer(); the browser's does.
    const unitBytes = unit.buffer.slice(unit.byteOffset, unit.byteOffset + unit.byteLength) as ArrayBuffer;
    const picked = Object.assign(new File([unitBytes], "CNTT-BCVT.xlsx"), { arrayBuffer: async () => unitBytes });
    fireEvent.change(units, { target: { files: [picked] } });
    fireEvent.click(screen.getByRole("button", { name: /Tổng hợp/ }));
    await screen.findByRole("button", { name: "Áp dụng vào sổ làm việc" }, { timeout: 10_000 });
    fireEvent.click(screen.getByRole("button", { name: "Áp dụng vào sổ làm việc" }));
    await screen.findByText(/Đã ghi \d+ giá trị vào Phụ lục I/);

    // The review round's sheets went in with Áp dụng: the records very hidden, Tình trạng nộp beside them.
    expect(file.sheets.find((s) => s.name === REVIEW_SHEET_NAME)?.visibility).toBe("VeryHidden");
    const statusRow = (unit: string) => sheetValues(file, STATUS_SHEET_NAME, 10, 2).find((row) => row[0] === unit)?.[1];
    expect(statusRow("CNTT-BCVT")).toBe("Đã nhận");
    expect(statusRow("THANH-TRA")).toBe("Chưa nộp");
    expect(deliver).not.toHaveBeenCalled();

    // Đã duyệt, inside Excel: the open workbook's records change (two syncs), nothing is downloaded.
    const before = syncs();
    const panel = screen.getByRole("region", { name: "Tình trạng nộp" });
    await act(async () => fireEvent.click(within(panel).getByRole("button", { name: "Duyệt CNTT-BCVT" })));
    await screen.findByText(
      /Đã duyệt CNTT-BCVT: trang “Tình trạng nộp” của sổ làm việc đã cập nhật; các ô số liệu của CNTT-BCVT/,
    );
    expect(syncs() - before).toBe(2);
    expect(statusRow("CNTT-BCVT")).toBe("Đã duyệt");
    // Its cells are locked and the consolidated sheet protected, in the same two syncs.
    const consolidated = file.sheets.find((s) => s.name === "Phụ lục I")!;
    expect(consolidated.protection).toBeDefined();
    expect(Object.values(consolidated.cells).some((c) => c.locked === true)).toBe(true);
    expect(file.sheets.filter((s) => s.name === STATUS_SHEET_NAME)).toHaveLength(1);
    const grid = await readHiddenSheet(reopen(file) as unknown as Excel.RequestContext, REVIEW_SHEET_NAME);
    expect(reviewStoreFromGrid(grid!).statuses.find((s) => s.unit === "CNTT-BCVT")?.state).toBe("da-duyet");

    // Trả lại downloads the unit's feedback workbook only; the status goes into the open workbook.
    await act(async () => fireEvent.click(within(panel).getByRole("button", { name: "Trả lại CNTT-BCVT" })));
    await screen.findByText(/Đã trả lại CNTT-BCVT: tải về PHAN-HOI_CNTT-BCVT.xlsx/, {}, { timeout: 10_000 });
    expect(deliver.mock.calls.map(([, name]) => name)).toEqual(["PHAN-HOI_CNTT-BCVT.xlsx"]);
    expect(statusRow("CNTT-BCVT")).toBe("Trả lại");
    // No unit approved any more: PhuLuc's protection is lifted.
    expect(consolidated.protection).toBeUndefined();
  }, 60_000);
});
