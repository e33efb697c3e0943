/** @jest-environment jsdom */
/*
 * The plan and previous-period pickers on the Kiểm tra tab (spec §9), with the real engine and .xlsx reader:
 * a 9-tháng result whose target was lowered 70% → 65% (test/fixtures/periodCases) shows no plan-mismatch on its
 * own; once the approved plan (Phụ lục I of 000_…) is picked the open sheet is checked again and the finding
 * names the plan's 70% and its file. The choice is remembered — localStorage in file mode, the workbook's
 * settings in Excel — and a fresh check engine (a new pane session) restores it without picking again.
 */
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fakeSheetFromGrid, type FakeWorkbookFile } from "../../../test/fakes/fakeExcel";
import { fakeHost } from "../../../test/fakes/fakeHost";
import { PLAN_SEED, planted9Thang } from "../../../test/fixtures/periodCases";
import { seedGrid, seedWorkbookBuffer } from "../../../test/fixtures/seedGrids";
import { SEED_PHU_LUC_II } from "../../../test/fixtures/seedTables";
import { REFERENCES_KEY } from "../../adapters/excel/referenceSettings";
import { inlineCheckEngine, type CheckEngine } from "../check/checkClient";
import { ExcelCheck } from "../excel/ExcelCheck";
import { FileCheck } from "../file/FileCheck";
import { LOCAL_REFERENCES_KEY } from "./useReferences";

globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

beforeAll(() => {
  Blob.prototype.arrayBuffer ??= function (this: Blob) {
    return new Promise<ArrayBuffer>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as ArrayBuffer);
      reader.readAsArrayBuffer(this);
    });
  };
});

beforeEach(() => localStorage.clear());

/** Each step reads or checks a real workbook: waits sized for a loaded machine, never a fixed sleep. */
const STEP = { timeout: 30_000 };

const MISMATCH = /Kế hoạch ghi “65%” nhưng kế hoạch được duyệt của chỉ tiêu “Tỷ lệ CQNN hoàn thiện/;

async function xlsx(name: string, seed: typeof PLAN_SEED, sheetName: string): Promise<File> {
  const bytes = await seedWorkbookBuffer([{ seed, options: { sheetName } }]);
  return new File([bytes as BlobPart], name);
}

const planFile = () => xlsx("ke-hoach-2024.xlsx", PLAN_SEED, "Phụ lục I");

function pane(children: React.ReactNode) {
  return <FluentProvider theme={webLightTheme}>{children}</FluentProvider>;
}

const pick = (label: string, file: File) =>
  fireEvent.change(screen.getByLabelText(label), { target: { files: [file] } });

describe("the plan picker in file mode", () => {
  it("checks the open file again against a picked plan, remembers it in the browser, and stops on Bỏ", async () => {
    const engine = inlineCheckEngine();
    const first = render(pane(<FileCheck engine={() => engine} />));
    pick("Mở file .xlsx", await xlsx("ket-qua-9-thang.xlsx", planted9Thang(), "Chỉ tiêu ngành"));
    await screen.findByText("Trang tính: Chỉ tiêu ngành", undefined, STEP);
    expect(screen.getByTestId("reference-plan").textContent).toBe("Kế hoạch được duyệt: chưa chọn — chưa so sánh");
    expect(screen.queryByText(MISMATCH)).toBeNull();

    pick("Kế hoạch được duyệt", await planFile());
    const finding = await screen.findByText(MISMATCH, undefined, STEP);
    expect(finding.textContent).toContain("là “70%” (tệp ke-hoach-2024.xlsx, trang tính “Phụ lục I”");
    expect(screen.getByTestId("reference-plan").textContent).toBe("Kế hoạch được duyệt: ke-hoach-2024.xlsx");
    expect(JSON.parse(localStorage.getItem(LOCAL_REFERENCES_KEY)!).plan.file).toBe("ke-hoach-2024.xlsx");
    first.unmount();

    // A new session (a fresh engine, as after reopening the pane): the plan is restored, not picked again.
    const again = inlineCheckEngine();
    render(pane(<FileCheck engine={() => again} />));
    await waitFor(() => expect(screen.getByTestId("reference-plan").textContent).toContain("ke-hoach-2024.xlsx"), STEP);
    pick("Mở file .xlsx", await xlsx("ket-qua-9-thang.xlsx", planted9Thang(), "Chỉ tiêu ngành"));
    await screen.findByText(MISMATCH, undefined, STEP);

    fireEvent.click(screen.getByRole("button", { name: "Bỏ: Kế hoạch được duyệt" }));
    await waitFor(() => expect(screen.queryByText(MISMATCH)).toBeNull(), STEP);
    expect(screen.getByTestId("reference-plan").textContent).toContain("chưa chọn");
    expect(JSON.parse(localStorage.getItem(LOCAL_REFERENCES_KEY)!).plan).toBeUndefined();
  }, 120_000);

  it("refuses a file with no Phụ lục table in Vietnamese and keeps the plan in use", async () => {
    const engine: CheckEngine = inlineCheckEngine();
    render(pane(<FileCheck engine={() => engine} />));
    pick("Kế hoạch được duyệt", await planFile());
    await waitFor(() => expect(screen.getByTestId("reference-plan").textContent).toContain("ke-hoach-2024.xlsx"), STEP);

    const notes = new File(
      [
        (await seedWorkbookBuffer([
          { grid: { name: "Ghi chú", rows: [[{ value: "Chỉ là ghi chú" }]], merges: [], hiddenRows: [] } },
        ])) as BlobPart,
      ],
      "ghi-chu.xlsx",
    );
    pick("Kế hoạch được duyệt", notes);
    const alert = await screen.findByRole("alert", undefined, STEP);
    expect(alert.textContent).toBe(
      "Tệp “ghi-chu.xlsx” không có bảng Phụ lục nào nhận diện được, nên không dùng được để so sánh.",
    );
    expect(screen.getByTestId("reference-plan").textContent).toContain("ke-hoach-2024.xlsx");
    pick("Mở file .xlsx", await xlsx("ket-qua-9-thang.xlsx", planted9Thang(), "Chỉ tiêu ngành"));
    await screen.findByText(MISMATCH, undefined, STEP);
  }, 120_000);
});

describe("the plan picker inside Excel (the fake Excel)", () => {
  it("re-checks the active sheet against the picked plan and remembers it in the workbook's settings", async () => {
    const file: FakeWorkbookFile = {
      sheets: [fakeSheetFromGrid(seedGrid(planted9Thang(), { sheetName: "Chỉ tiêu ngành" }))],
      activeSheet: "Chỉ tiêu ngành",
      settings: {},
    };
    const excel = fakeHost(file);
    const engine = inlineCheckEngine();
    const first = render(pane(<ExcelCheck excel={excel.host} engine={() => engine} />));
    await screen.findByText("Trang tính: Chỉ tiêu ngành", undefined, STEP);
    expect(screen.queryByText(MISMATCH)).toBeNull();

    const before = excel.syncs();
    pick("Kế hoạch được duyệt", await planFile());
    await screen.findByText(MISMATCH, undefined, STEP);
    // Saving the choice is one round trip; the re-check reads the sheet as any check does.
    expect(JSON.parse(file.settings[REFERENCES_KEY]).plan.file).toBe("ke-hoach-2024.xlsx");
    expect(excel.syncs() - before).toBeLessThanOrEqual(3);
    first.unmount();

    // The workbook reopened in a new session: the plan comes back from its settings, the first checks use it.
    const again = inlineCheckEngine();
    render(pane(<ExcelCheck excel={fakeHost(file).host} engine={() => again} />));
    await screen.findByText(MISMATCH, undefined, STEP);
    expect(screen.getByTestId("reference-plan").textContent).toBe("Kế hoạch được duyệt: ke-hoach-2024.xlsx");
  }, 120_000);

  it("a workbook with no remembered plan is checked as before", async () => {
    const file: FakeWorkbookFile = {
      sheets: [fakeSheetFromGrid(seedGrid(SEED_PHU_LUC_II, { sheetName: "Phụ lục II" }))],
      activeSheet: "Phụ lục II",
      settings: {},
    };
    const engine = inlineCheckEngine();
    render(pane(<ExcelCheck excel={fakeHost(file).host} engine={() => engine} />));
    await screen.findByText(/Tổng cộng ghi 224\.591/, undefined, STEP);
    expect(screen.queryByText(/kế hoạch được duyệt/)).toBeNull();
    expect(file.settings[REFERENCES_KEY]).toBeUndefined();
  }, 60_000);
});
