/** @jest-environment jsdom */
/*
 * (Fluent's Dialog marks its own portal aria-hidden while it animates in jsdom, so its buttons are found by text.)
 *
 * The pane inside Excel, driven through a fake request context with the real adapter and the real engine:
 * check on open, click a finding → its cell is selected, Đánh dấu → Bỏ đánh dấu restores the exact fills,
 * Tính tỷ lệ & đánh giá fills empty cells and asks before replacing a typed value, re-check on sheet change.
 */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { SEED_PHU_LUC_II } from "../../../test/fixtures/seedTables";
import { seedGrid } from "../../../test/fixtures/seedGrids";
import {
  fakeSheetFromGrid,
  fakeSheetFromRows,
  displayedFill,
  NO_FILL,
  type FakeSheet,
  type FakeWorkbookFile,
} from "../../../test/fakes/fakeExcel";
import { fakeHost } from "../../../test/fakes/fakeHost";
import { MARK_COLORS } from "../../adapters/excel/marks";
import { PhuLucError } from "../../engine/errors";
import { gridFromValues } from "../../engine/grid";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../App";
import { ExcelCheck } from "./ExcelCheck";
import { RECHECK_DELAY_MS } from "./useExcelCheck";

const YELLOW = { color: "#FFFF00", pattern: "Solid", patternColor: null };

/** Seed Phụ lục II with item 1's amount typed as text (a warning at D7) and a yellow Tổng cộng amount (D19). */
function phuLucII(): FakeSheet {
  const grid = seedGrid(SEED_PHU_LUC_II, { sheetName: "Phụ lục II" });
  grid.rows[6][3] = { value: "40.444" };
  const sheet = fakeSheetFromGrid(grid);
  sheet.cells["D19"].fill = { ...YELLOW };
  return sheet;
}

const fakeExcel = (file: FakeWorkbookFile) => fakeHost(file);

/** Waits sized for a loaded machine (the check runs the real engine). */
const WAIT = { timeout: 15_000 };

/** What the user sees: PhuLuc's marks are conditional formats drawn over the cell's own fill. */
const fill = (file: FakeWorkbookFile, address: string) => displayedFill(file.sheets[0], address);

describe("the pane inside Excel", () => {
  it("checks on open, selects a finding's cell, marks and unmarks restoring the exact fills", async () => {
    const file: FakeWorkbookFile = { sheets: [phuLucII()], activeSheet: "Phụ lục II", settings: {} };
    const { host } = fakeExcel(file);
    render(<App host="excel" excel={host} />);

    const total = await screen.findByText(/Tổng cộng ghi 224\.591 nhưng tổng các mục là 225\.091/, undefined, WAIT);
    expect(screen.getByText("Phụ lục dự kiến kinh phí")).toBeTruthy();
    expect(screen.getByText("1 lỗi")).toBeTruthy();
    expect(screen.getByText("1 cảnh báo")).toBeTruthy();

    fireEvent.click(total.closest("button")!);
    await waitFor(() => expect(file.selection).toEqual({ sheet: "Phụ lục II", address: "D19" }));

    fireEvent.click(screen.getByRole("button", { name: "Đánh dấu" }));
    await screen.findByText("2 ô đang được đánh dấu", undefined, WAIT);
    expect(fill(file, "D19").color).toBe(MARK_COLORS.error);
    expect(fill(file, "D7").color).toBe(MARK_COLORS.warning);

    const unmark = screen.getByRole("button", { name: "Bỏ đánh dấu" });
    await waitFor(() => expect(unmark.hasAttribute("disabled")).toBe(false));
    fireEvent.click(unmark);
    await waitFor(() => expect(screen.queryByText(/ô đang được đánh dấu/)).toBeNull());
    expect(fill(file, "D19")).toEqual(YELLOW);
    expect(fill(file, "D7")).toEqual(NO_FILL);
  }, 60_000);

  it("marking again follows the current findings: a fixed cell gets its old fill back", async () => {
    const file: FakeWorkbookFile = { sheets: [phuLucII()], activeSheet: "Phụ lục II", settings: {} };
    const { host } = fakeExcel(file);
    render(<App host="excel" excel={host} />);
    await screen.findByText(/Tổng cộng ghi 224\.591/, undefined, WAIT);
    fireEvent.click(screen.getByRole("button", { name: "Đánh dấu" }));
    await screen.findByText("2 ô đang được đánh dấu", undefined, WAIT);

    file.sheets[0].cells["D7"].value = 40444; // the unit stores the amount as a number
    fireEvent.click(screen.getByRole("button", { name: "Kiểm tra" }));
    await screen.findByText("0 cảnh báo", undefined, WAIT);
    fireEvent.click(screen.getByRole("button", { name: "Đánh dấu" }));
    await screen.findByText("1 ô đang được đánh dấu", undefined, WAIT);
    expect(fill(file, "D7")).toEqual(NO_FILL);
    expect(fill(file, "D19").color).toBe(MARK_COLORS.error);
  }, 30_000);

  it("fills empty Tỷ lệ/Đánh giá cells, asks before replacing a typed Đánh giá, and re-checks", async () => {
    const sheet = fakeSheetFromGrid(
      gridFromValues("Kết quả 2024", [
        ["STT", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "Tỷ lệ (%)", "Đánh giá", "Đơn vị chủ trì"],
        ["I", "Lĩnh vực Bưu chính, Viễn thông", null, null, null, null, null],
        ["1", "Tỷ lệ hộ gia đình có đường internet cáp quang băng rộng", "80%", 0.85, null, null, "CNTT-BCVT"],
        ["2", "Tỷ lệ xã có điểm phục vụ bưu chính có người phục vụ", "100%", 0.9, null, "Đạt", "CNTT-BCVT"],
      ]),
    );
    sheet.cells["D3"].numberFormat = "0%";
    sheet.cells["D4"].numberFormat = "0%";
    const file: FakeWorkbookFile = { sheets: [sheet], activeSheet: "Kết quả 2024", settings: {} };
    const { host } = fakeExcel(file);
    render(<App host="excel" excel={host} />);

    await screen.findByText(/Đánh giá ghi “Đạt”/);
    const chart = screen.getByRole("list", { name: "Chỉ tiêu đạt theo từng mục" });
    expect(
      within(chart)
        .getAllByRole("listitem")
        .map((i) => i.getAttribute("aria-label")),
    ).toEqual(["I. Lĩnh vực Bưu chính, Viễn thông: 1/2 đạt"]);

    // First: keep the unit's typed value.
    fireEvent.click(screen.getByRole("button", { name: "Tính tỷ lệ & đánh giá" }));
    const dialog = await screen.findByRole("alertdialog");
    expect(within(dialog).getByText(/F4: “Đạt” → “Chưa đạt”/)).toBeTruthy();
    fireEvent.click(within(dialog).getByText("Chỉ điền ô trống"));
    await screen.findByText("Đã điền 3 ô.");
    expect(sheet.cells["E3"]).toMatchObject({ value: 1.0625, numberFormat: "0.00%" });
    expect(sheet.cells["F3"].value).toBe("Vượt");
    expect(sheet.cells["E4"]).toMatchObject({ value: 0.9, numberFormat: "0.00%" });
    expect(sheet.cells["F4"].value).toBe("Đạt");

    // Then: agree to replace it; the re-check no longer finds the contradiction.
    fireEvent.click(screen.getByRole("button", { name: "Tính tỷ lệ & đánh giá" }));
    fireEvent.click(within(await screen.findByRole("alertdialog")).getByText("Thay thế cả các ô này"));
    await screen.findByText("Đã điền 1 ô.");
    expect(sheet.cells["F4"].value).toBe("Chưa đạt");
    expect(screen.queryByText(/Đánh giá ghi “Đạt”/)).toBeNull();
  }, 30_000);

  it("checks a 5,000-row sheet in at most two round trips to Excel (the marks count rides along), plus one read of the remembered plan", async () => {
    const rows: (string | number)[][] = [["STT", "Nội dung, nhiệm vụ", "Đơn vị chủ trì", "Nhu cầu kinh phí năm 2024"]];
    for (let i = 1; i < 4999; i++) rows.push([i, `Nhiệm vụ số ${i}`, "Sở TTTT", 10]);
    rows.push(["", "Tổng cộng", "", 49970]);
    const file: FakeWorkbookFile = { sheets: [fakeSheetFromRows("Dài", rows)], activeSheet: "Dài", settings: {} };
    const excel = fakeExcel(file);
    // The Kiểm tra tab alone: other tabs (Xuất file nộp) make their own round trips on mount.
    render(
      <FluentProvider theme={webLightTheme}>
        <ExcelCheck excel={excel.host} />
      </FluentProvider>,
    );
    await screen.findByText(/Tổng cộng ghi 49\.970 nhưng tổng các mục là 49\.980/, undefined, { timeout: 10_000 });
    // Two for the check; opening the pane also reads the plan and previous period remembered in the settings once.
    expect(excel.syncs()).toBeLessThanOrEqual(3);
  }, 20_000);

  it("re-checks after the sheet changes (debounced)", async () => {
    jest.useFakeTimers();
    try {
      const file: FakeWorkbookFile = { sheets: [phuLucII()], activeSheet: "Phụ lục II", settings: {} };
      const { host, changeSheet } = fakeExcel(file);
      render(<App host="excel" excel={host} />);
      await screen.findByText(/Tổng cộng ghi 224\.591/);
      file.sheets[0].cells["D19"].value = 225091;
      act(() => {
        changeSheet();
        changeSheet();
      });
      expect(screen.getByText(/Tổng cộng ghi 224\.591/)).toBeTruthy();
      await act(async () => {
        jest.advanceTimersByTime(800);
      });
      await waitFor(() => expect(screen.queryByText(/Tổng cộng ghi 224\.591/)).toBeNull());
    } finally {
      jest.useRealTimers();
    }
  });

  it("excel #8: a re-check asked for while another action runs is run after it, not dropped", async () => {
    const file: FakeWorkbookFile = { sheets: [phuLucII()], activeSheet: "Phụ lục II", settings: {} };
    const { host, changeSheet } = fakeExcel(file);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const run = host.run;
    let held = false;
    // The first check after the pane opened reads the sheet, then waits here (Excel busy) until released.
    host.run = async (work) => {
      const result = await run(work);
      if (!held && typeof result === "object" && result !== null && "grid" in result) {
        held = true;
        await gate;
      }
      return result;
    };
    render(
      <FluentProvider theme={webLightTheme}>
        <ExcelCheck excel={host} />
      </FluentProvider>,
    );
    await waitFor(() => expect(held).toBe(true));
    file.sheets[0].cells["D7"].value = 40444; // fixed while the first check is still running
    act(() => changeSheet());
    await act(async () => new Promise((r) => setTimeout(r, RECHECK_DELAY_MS + 100)));
    release();
    await screen.findByText("0 cảnh báo", undefined, { timeout: 10_000 });
  }, 30_000);

  it("says plainly when Excel is too old", async () => {
    const file: FakeWorkbookFile = { sheets: [phuLucII()], activeSheet: "Phụ lục II", settings: {} };
    const { host } = fakeExcel(file);
    host.capabilities = () => {
      throw new PhuLucError("excel-too-old", "Phiên bản Excel này quá cũ nên PhuLuc không chạy được.");
    };
    render(<App host="excel" excel={host} />);
    expect(await screen.findByText("Phiên bản Excel này quá cũ nên PhuLuc không chạy được.")).toBeTruthy();
  });
});
