/** @jest-environment jsdom */
/**
 * File mode end to end in the pane: pick the approved plan once, open a result workbook, and the
 * check answers to the plan (the planted lowered target and missing indicator); the plan is
 * remembered for the next visit, and removing it removes its findings.
 */
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { seedWorkbookBuffer } from "../../../test/fixtures/seedGrids";
import { PLAN_SEED, planted9Thang } from "../../../test/fixtures/periodCases";
import { FileCheck } from "../file/FileCheck";
import { LOCAL_REFERENCES_KEY } from "./useReferences";

globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

jest.setTimeout(120_000);

beforeAll(() => {
  // jsdom lacks Blob.arrayBuffer; the browsers the pane runs in have it.
  Blob.prototype.arrayBuffer ??= function (this: Blob) {
    return new Promise<ArrayBuffer>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as ArrayBuffer);
      reader.readAsArrayBuffer(this);
    });
  };
  localStorage.clear();
});

async function xlsx(name: string, seed: typeof PLAN_SEED, sheetName: string): Promise<File> {
  const bytes = await seedWorkbookBuffer([{ seed, options: { sheetName } }]);
  return new File([bytes as BlobPart], name);
}

it("checks the opened workbook against the picked plan, remembers it, and forgets it on Bỏ", async () => {
  const plan = await xlsx("ke-hoach-2024.xlsx", PLAN_SEED, "Phụ lục I");
  const result = await xlsx("ket-qua-9-thang.xlsx", planted9Thang(), "Chỉ tiêu ngành");
  const first = render(<FileCheck />);
  fireEvent.change(screen.getByTestId("pick-plan"), { target: { files: [plan] } });
  await screen.findByText(/Kế hoạch được duyệt: ke-hoach-2024\.xlsx/, {}, { timeout: 60_000 });
  fireEvent.change(screen.getByTestId("open-file"), { target: { files: [result] } });
  await screen.findAllByText(/kế hoạch được duyệt của chỉ tiêu “Tỷ lệ CQNN hoàn thiện/, {}, { timeout: 60_000 });
  expect(JSON.parse(localStorage.getItem(LOCAL_REFERENCES_KEY)!).plan.file).toBe("ke-hoach-2024.xlsx");
  first.unmount();

  // The next visit: the plan is there without picking it again.
  render(<FileCheck />);
  await screen.findByText(/Kế hoạch được duyệt: ke-hoach-2024\.xlsx/, {}, { timeout: 30_000 });
  fireEvent.change(screen.getByTestId("open-file"), { target: { files: [result] } });
  await screen.findAllByText(/kế hoạch được duyệt của chỉ tiêu “Tỷ lệ CQNN hoàn thiện/, {}, { timeout: 60_000 });
  fireEvent.click(screen.getByRole("button", { name: "Bỏ" }));
  await waitFor(() => expect(screen.queryAllByText(/kế hoạch được duyệt của chỉ tiêu/)).toEqual([]), {
    timeout: 30_000,
  });
  expect(screen.getByText(/Kế hoạch được duyệt: chưa chọn/)).toBeTruthy();
});
