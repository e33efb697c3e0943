/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { consolidatedWorkbookBuffer } from "../../../test/helpers/consolidatedWorkbook";
import { LOCAL_SETTINGS_KEY } from "./settingsStore";
import { ExportTab } from "./ExportTab";

// Browser APIs jsdom lacks (layout observers, object URLs); the real pane runs in browsers that have them.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

describe("ExportTab in a browser (file mode)", () => {
  const downloads: { name: string; size: number }[] = [];
  beforeAll(() => {
    URL.createObjectURL = (blob: Blob) => {
      downloads.push({ name: "", size: blob.size });
      return "blob:phuluc";
    };
    URL.revokeObjectURL = () => {};
    Blob.prototype.arrayBuffer ??= function (this: Blob) {
      return new Promise<ArrayBuffer>((resolve) => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result as ArrayBuffer);
        reader.readAsArrayBuffer(this);
      });
    };
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      downloads[downloads.length - 1].name = this.download;
    };
  });

  // The check and the export read and write a real workbook with exceljs: about a second each on a quiet
  // machine, several times that on a loaded one. Each step waits for its own state with this ceiling
  // (reached only when the step really fails), never a fixed sleep.
  const STEP = { timeout: 30_000 };

  it("exports the chosen consolidated file as a download, after Vẫn xuất, with the saved header texts", async () => {
    localStorage.setItem(LOCAL_SETTINGS_KEY, JSON.stringify({ kyBaoCao: "9T-2024", ngay: "2024-10-01" }));
    render(<ExportTab host="browser" />);
    const exportButton = () => screen.getByRole<HTMLButtonElement>("button", { name: "Xuất file nộp" });
    await waitFor(() => expect(exportButton().disabled).toBe(true), STEP);

    const bytes = await consolidatedWorkbookBuffer();
    const file = new File([bytes as BlobPart], "TongHop.xlsx");
    fireEvent.change(screen.getByLabelText("Chọn file tổng hợp"), { target: { files: [file] } });
    await waitFor(() => expect(exportButton().disabled).toBe(false), STEP);

    fireEvent.click(exportButton());
    // The dialog opens once the check is over; its title carries the count of errors left. The dialog is a
    // tabster modalizer, which tabster marks aria-hidden while it counts as inactive (focus not inside it);
    // under jsdom on a loaded machine that was seen to stick (the surface aria-hidden="true" with both
    // buttons in it, 30 s on), so the dialog and its button are looked up including aria-hidden elements.
    const dialog = await screen.findByRole("dialog", { name: /Còn 1 lỗi/, hidden: true }, STEP);
    expect(dialog.textContent).toContain("Phụ lục II!D19");
    fireEvent.click(await within(dialog).findByRole("button", { name: "Vẫn xuất", hidden: true }, STEP));

    expect(await screen.findByText(/Đã xuất STTTT_PhuLuc-I-II_9T-2024_20241001\.xlsx/, {}, STEP)).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole("dialog", { hidden: true })).toBeNull(), STEP);
    expect(downloads).toEqual([{ name: "STTTT_PhuLuc-I-II_9T-2024_20241001.xlsx", size: expect.any(Number) }]);
    expect(downloads[0].size).toBeGreaterThan(5000);
  }, 120_000);
});
