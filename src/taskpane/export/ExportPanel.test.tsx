/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { Finding } from "../../engine/finding";
import { defaultSettings, type Settings } from "../../engine/settings";
import { ExportPanel } from "./ExportPanel";

// jsdom has no layout engine and no ResizeObserver, which Fluent's MessageBar uses to reflow; the pane's
// real browsers have one. Nothing here asserts layout.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

const totalMismatch: Finding = {
  rule: "total-mismatch",
  severity: "error",
  sheet: "Phụ lục II",
  cell: "D20",
  message: "Tổng cộng ghi 224.591 nhưng tổng các mục là 225.091 (chênh 500).",
  messageEn: "Total says 224,591 but the items sum to 225,091.",
  expected: 225091,
  actual: 224591,
  params: {},
};
const requiredEmpty: Finding = { ...totalMismatch, rule: "required-empty", cell: "D9", message: "Thiếu kinh phí." };

function setup(errors: Finding[]) {
  const calls = { check: 0, export: 0, saved: [] as Settings[] };
  render(
    <ExportPanel
      settings={defaultSettings()}
      delivery="download"
      onSaveSettings={async (s) => void calls.saved.push(s)}
      onCheck={async () => {
        calls.check++;
        return errors;
      }}
      onExport={async () => {
        calls.export++;
        return "STTTT_PhuLuc-II_9T-2024_20241001.xlsx";
      }}
    />,
  );
  return calls;
}

// The dialog is a tabster modalizer, which tabster marks aria-hidden while focus is not inside it; in jsdom on a
// loaded machine that was seen to stick, so dialog queries include aria-hidden elements ({ hidden: true }) — and
// "no dialog" then really means closed, not merely hidden. Waits allow for a loaded machine.
const DIALOG = { hidden: true } as const;
const UNDER_LOAD = { timeout: 10_000 };

describe("ExportPanel", () => {
  it("exports at once when the check finds no error", async () => {
    const calls = setup([]);
    fireEvent.click(screen.getByRole("button", { name: "Xuất file nộp" }));
    expect(await screen.findByText(/Đã xuất STTTT_PhuLuc-II_9T-2024_20241001\.xlsx/, {}, UNDER_LOAD)).toBeTruthy();
    expect(calls).toMatchObject({ check: 1, export: 1 });
    expect(screen.queryByRole("dialog", DIALOG)).toBeNull();
  });

  it("lists how many errors and which, and Hủy exports nothing", async () => {
    const calls = setup([totalMismatch, requiredEmpty]);
    fireEvent.click(screen.getByRole("button", { name: "Xuất file nộp" }));
    const dialog = await screen.findByRole("dialog", DIALOG, UNDER_LOAD);
    expect(dialog.textContent).toContain("Còn 2 lỗi");
    expect(dialog.textContent).toContain("Phụ lục II!D20");
    expect(dialog.textContent).toContain("225.091");
    expect(dialog.textContent).toContain("Thiếu kinh phí.");
    fireEvent.click(await within(dialog).findByRole("button", { name: "Hủy", ...DIALOG }, UNDER_LOAD));
    await waitFor(() => expect(screen.queryByRole("dialog", DIALOG)).toBeNull(), UNDER_LOAD);
    expect(calls).toMatchObject({ check: 1, export: 0 });
  });

  it("Vẫn xuất exports knowingly", async () => {
    const calls = setup([totalMismatch]);
    fireEvent.click(screen.getByRole("button", { name: "Xuất file nộp" }));
    const dialog = await screen.findByRole("dialog", DIALOG, UNDER_LOAD);
    fireEvent.click(await within(dialog).findByRole("button", { name: "Vẫn xuất", ...DIALOG }, UNDER_LOAD));
    expect(await screen.findByText(/Đã xuất/, {}, UNDER_LOAD)).toBeTruthy();
    expect(calls.export).toBe(1);
  });

  it("shows a failed export's message instead of losing it", async () => {
    render(
      <ExportPanel
        settings={defaultSettings()}
        delivery="excel"
        onSaveSettings={async () => {}}
        onCheck={async () => []}
        onExport={async () => {
          throw new Error("hết bộ nhớ");
        }}
      />,
    );
    fireEvent.click(screen.getByRole("button", { name: "Xuất file nộp" }));
    expect(await screen.findByText(/Lỗi không mong đợi: hết bộ nhớ/)).toBeTruthy();
  });

  it("exports what is on screen: the typed header texts, saved on the way, with no save pressed", async () => {
    const exported: Settings[] = [];
    const saved: Settings[] = [];
    render(
      <ExportPanel
        settings={defaultSettings()}
        delivery="download"
        onSaveSettings={async (s) => void saved.push(s)}
        onCheck={async () => []}
        onExport={async (s) => {
          exported.push(s);
          return "STTTT_PhuLuc-II_9T-2025_20251001.xlsx";
        }}
      />,
    );
    fireEvent.change(screen.getByLabelText("Số, ký hiệu"), { target: { value: "125/BC-STTTT" } });
    fireEvent.change(screen.getByLabelText("Kỳ báo cáo (trong tên file)"), { target: { value: "9T-2025" } });
    fireEvent.change(screen.getByLabelText("Ngày văn bản"), { target: { value: "01/10/2025" } });
    fireEvent.click(screen.getByRole("button", { name: "Xuất file nộp" }));
    await screen.findByText(/Đã xuất/, {}, UNDER_LOAD);
    expect(exported).toHaveLength(1);
    expect(exported[0]).toMatchObject({ soKyHieu: "125/BC-STTTT", kyBaoCao: "9T-2025", ngay: "2025-10-01" });
    expect(saved.at(-1)).toEqual(exported[0]);
  });

  it("sits the header form above the export button", () => {
    setup([]);
    const field = screen.getByLabelText("Kỳ báo cáo (trong tên file)");
    const button = screen.getByRole("button", { name: "Xuất file nộp" });
    expect(field.compareDocumentPosition(button) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it("saves the header texts as they are typed, validated", async () => {
    const calls = setup([]);
    fireEvent.change(screen.getByLabelText("Kỳ báo cáo (trong tên file)"), { target: { value: "9T-2024" } });
    await waitFor(() => expect(calls.saved).toHaveLength(1), UNDER_LOAD);
    expect(screen.getByText("Đã lưu thông tin tiêu đề.")).toBeTruthy();
    expect(calls.saved[0].kyBaoCao).toBe("9T-2024");
    expect(calls.saved[0].coQuanBanHanh).toBe("SỞ THÔNG TIN VÀ TRUYỀN THÔNG");
    expect(calls.saved[0].units.map((u) => u.id)).toContain("KHTC");
  });

  it("saves a unit the user added, and refuses a malformed units line or date with what is wrong named", async () => {
    const calls = setup([]);
    const units = screen.getByLabelText(/Danh sách đơn vị/) as HTMLTextAreaElement;
    fireEvent.change(units, { target: { value: `${units.value}\nBQL | Ban Quản lý dự án | Ban QLDA` } });
    await waitFor(() => expect(calls.saved).toHaveLength(1), UNDER_LOAD);
    expect(calls.saved[0].units.at(-1)).toEqual({ id: "BQL", name: "Ban Quản lý dự án", aliases: ["Ban QLDA"] });

    fireEvent.change(units, { target: { value: "Thanh tra" } });
    expect((await screen.findByRole("alert", {}, UNDER_LOAD)).textContent).toMatch(/Dòng 1 của danh sách đơn vị/);
    fireEvent.click(screen.getByRole("button", { name: "Xuất file nộp" }));
    expect(calls.export).toBe(0);
    expect(calls.saved).toHaveLength(1);

    fireEvent.change(units, { target: { value: "BQL | Ban Quản lý dự án |" } });
    fireEvent.change(screen.getByLabelText("Ngày văn bản"), { target: { value: "31/02/2025" } });
    expect(await screen.findByText(/“31\/02\/2025” không đúng dạng/, {}, UNDER_LOAD)).toBeTruthy();
    expect(calls.saved).toHaveLength(1);
  });
});
