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

  it("exports the chosen consolidated file as a download, after Vẫn xuất, with the saved header texts", async () => {
    localStorage.setItem(LOCAL_SETTINGS_KEY, JSON.stringify({ kyBaoCao: "9T-2024", ngay: "2024-10-01" }));
    render(<ExportTab host="browser" />);
    const button = await screen.findByRole("button", { name: "Xuất file nộp" });
    expect((button as HTMLButtonElement).disabled).toBe(true);

    const bytes = await consolidatedWorkbookBuffer();
    const file = new File([bytes as BlobPart], "TongHop.xlsx");
    fireEvent.change(screen.getByLabelText("Chọn file tổng hợp"), { target: { files: [file] } });
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));

    fireEvent.click(button);
    const dialog = await screen.findByRole("dialog", {}, { timeout: 5000 });
    expect(dialog.textContent).toContain("Còn 1 lỗi");
    fireEvent.click(await within(dialog).findByRole("button", { name: "Vẫn xuất" }, { timeout: 5000 }));
    expect(
      await screen.findByText(/Đã xuất STTTT_PhuLuc-I-II_9T-2024_20241001\.xlsx/, {}, { timeout: 5000 }),
    ).toBeTruthy();
    expect(downloads).toEqual([{ name: "STTTT_PhuLuc-I-II_9T-2024_20241001.xlsx", size: expect.any(Number) }]);
    expect(downloads[0].size).toBeGreaterThan(5000);
  }, 20_000);
});
