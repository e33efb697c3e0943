/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { LOG_SHEET_NAME } from "../../engine/merge/logSheet";
import { COL, blankForm, filledPhuLucI, rowIndexOf, unitCopy, withCell } from "../../../test/fixtures/mergeCases";
import { seedLayout, seedWorkbookBuffer } from "../../../test/fixtures/seedGrids";
import { fakeSheetFromGrid, sheetValues, type FakeWorkbookFile } from "../../../test/fakes/fakeExcel";
import { fakeHost } from "../../../test/fakes/fakeHost";
import { inlineEngine } from "./mergeClient";
import { MergeTab } from "./MergeTab";

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
});
