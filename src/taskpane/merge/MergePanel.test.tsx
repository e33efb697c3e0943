/** @jest-environment jsdom */
import { fireEvent, render, screen, within } from "@testing-library/react";
import { mergeWorkbook } from "../../engine/merge";
import { summariseMerge } from "../../engine/merge/summary";
import {
  COL,
  blankForm,
  filledPhuLucI,
  rowIndexOf,
  sheetOf,
  unitCopy,
  unitInput,
  withCell,
} from "../../../test/fixtures/mergeCases";
import { unitInputs } from "../../engine/merge/inputs";
import { emptyReviewStore } from "../../engine/review";
import { seedGrid } from "../../../test/fixtures/seedGrids";
import { SEED_PHU_LUC_II } from "../../../test/fixtures/seedTables";
import { LangContext } from "../i18n";
import { MergePanel, displayValue, type MergePanelProps, type MergeViewState } from "./MergePanel";

// jsdom has no ResizeObserver (Fluent's MessageBar reflows with it); nothing here asserts layout.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

const filled = filledPhuLucI();
const internet = rowIndexOf(filled, "Tỷ lệ hộ gia đình có đường internet");
const result = mergeWorkbook(
  [sheetOf(blankForm(filled))],
  [
    unitInput(unitCopy(filled, "CNTT-BCVT"), "CNTT-BCVT.xlsx"),
    unitInput(withCell(unitCopy(filled, "TTBCXB"), internet, COL.actual, "85%"), "TTBCXB.xlsx"),
  ],
);
const notMerged = [{ file: "hong.xlsx", reason: "không phải .xlsx", reasonEn: "not an .xlsx file" }];
const preview: MergeViewState = {
  phase: "preview",
  progress: [
    { file: "CNTT-BCVT.xlsx", stage: "done", fraction: 1 },
    {
      file: "hong.xlsx",
      stage: "failed",
      fraction: 1,
      message: "Tệp “hong.xlsx” không phải .xlsx",
      messageEn: "File “hong.xlsx” is not an .xlsx file",
    },
  ],
  outcome: {
    result,
    notMerged,
    workbookSheets: ["Phụ lục I"],
    summary: summariseMerge(result, notMerged),
    statuses: [],
    approvals: [],
    review: emptyReviewStore(),
  },
};

function setup(state: MergeViewState, extra: Partial<MergePanelProps> = {}) {
  const calls = { merge: [] as [string[], string[]][], apply: 0, resolve: [] as [string, string][] };
  render(
    <MergePanel
      mode="file"
      state={state}
      templateName="TONG-HOP.xlsx"
      onMerge={(files, sheets) => calls.merge.push([files.map((f) => f.name), sheets])}
      onApply={() => calls.apply++}
      onResolve={(id, unit) => calls.resolve.push([id, unit])}
      onAcceptProposal={() => {}}
      {...extra}
    />,
  );
  return calls;
}

describe("MergePanel", () => {
  it("shows a progress bar per file, the failed file's reason, and the preview counts", () => {
    setup(preview);
    expect(screen.getAllByTestId("merge-progress")).toHaveLength(2);
    expect(screen.getByText(/hong\.xlsx — Không tổng hợp được/)).toBeTruthy();
    expect(screen.getByRole("status").textContent).toMatch(/1 xung đột · 1 thiếu báo cáo · 0 dòng không khớp mẫu/);
  });

  it("shows progress and the files not merged in English when the pane is switched", () => {
    render(
      <LangContext.Provider value="en">
        <MergePanel
          mode="file"
          state={preview}
          templateName="TONG-HOP.xlsx"
          onMerge={() => {}}
          onApply={() => {}}
          onResolve={() => {}}
          onAcceptProposal={() => {}}
        />
      </LangContext.Provider>,
    );
    expect(screen.getByText(/hong\.xlsx — .*: File “hong\.xlsx” is not an \.xlsx file/)).toBeTruthy();
    expect(screen.getByText("hong.xlsx: not an .xlsx file")).toBeTruthy();
    expect(screen.queryByText(/không phải \.xlsx/)).toBeNull();
  });

  it("conflict picker: nothing pressed until decided, the lead unit marked, buttons that stay in place", () => {
    const calls = setup(preview);
    let conflict = screen.getByTestId("merge-conflict");
    const names = () =>
      within(conflict)
        .getAllByRole("button")
        .map((b) => b.textContent);
    expect(names()).toEqual(["Giữ CNTT-BCVT (chủ trì): 80%", "Giữ TTBCXB: 85%"]);
    expect(
      within(conflict)
        .getAllByRole("button")
        .map((b) => b.getAttribute("aria-pressed")),
    ).toEqual(["false", "false"]);
    expect(conflict.textContent).toContain("Chưa chọn");
    fireEvent.click(within(conflict).getByRole("button", { name: "Giữ TTBCXB: 85%" }));
    expect(calls.resolve).toEqual([[result.conflicts[0].id, "TTBCXB"]]);

    // The merge re-run with the choice: TTBCXB's button is pressed, and neither button moved.
    const decided = mergeWorkbook(
      [sheetOf(blankForm(filled))],
      [
        unitInput(unitCopy(filled, "CNTT-BCVT"), "CNTT-BCVT.xlsx"),
        unitInput(withCell(unitCopy(filled, "TTBCXB"), internet, COL.actual, "85%"), "TTBCXB.xlsx"),
      ],
      { resolutions: { [result.conflicts[0].id]: "TTBCXB" } },
    );
    document.body.innerHTML = "";
    setup({ ...preview, outcome: { ...preview.outcome!, result: decided } });
    conflict = screen.getByTestId("merge-conflict");
    expect(names()).toEqual(["Giữ CNTT-BCVT (chủ trì): 80%", "Giữ TTBCXB: 85%"]);
    expect(
      within(conflict)
        .getAllByRole("button")
        .map((b) => b.getAttribute("aria-pressed")),
    ).toEqual(["false", "true"]);
    expect(conflict.textContent).toContain("Đã chọn");
  });

  it("explains the conflicts in the pane's language", () => {
    render(
      <LangContext.Provider value="en">
        <MergePanel
          mode="file"
          state={preview}
          templateName="TONG-HOP.xlsx"
          onMerge={() => {}}
          onApply={() => {}}
          onResolve={() => {}}
          onAcceptProposal={() => {}}
        />
      </LangContext.Provider>,
    );
    const conflicts = screen.getByRole("region", { name: "Conflicts" });
    expect(conflicts.textContent).toContain("Choose the value to keep; the choice is written to the merge log.");
    expect(conflicts.textContent).not.toContain("Chọn giá trị cần giữ");
  });

  it("shows a conflict's values as the column shows them: shares as percent", () => {
    const share = mergeWorkbook(
      [sheetOf(blankForm(filled))],
      [
        unitInput(withCell(unitCopy(filled, "CNTT-BCVT"), internet, COL.actual, "82,56%"), "CNTT-BCVT.xlsx"),
        unitInput(withCell(unitCopy(filled, "TTBCXB"), internet, COL.actual, "85%"), "TTBCXB.xlsx"),
      ],
    );
    const numFmt = share.sheets.flatMap((s) => s.filled).find((v) => v.cell === share.conflicts[0].cell)?.numFmt;
    setup({ ...preview, outcome: { ...preview.outcome!, result: share } });
    const text = screen.getByTestId("merge-conflict").textContent!;
    if (numFmt?.includes("%")) expect(text).toContain("82,56%");
    else expect(text).toContain("0,8256");
    expect(text).not.toContain("0,826");
  });

  it("Apply sits after the conflicts and asks while some are undecided", async () => {
    const calls = setup(preview);
    const apply = screen.getByRole("button", { name: "Áp dụng và tải tệp tổng hợp" });
    const conflicts = screen.getByRole("region", { name: "Xung đột" });
    expect(conflicts.compareDocumentPosition(apply) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    fireEvent.click(apply);
    const dialog = await screen.findByRole("dialog", { hidden: true });
    expect(dialog.textContent).toContain("Còn 1 xung đột chưa chọn");
    expect(calls.apply).toBe(0);
    fireEvent.click(within(dialog).getByRole("button", { name: "Vẫn áp dụng", hidden: true }));
    expect(calls.apply).toBe(1);
  });

  it("lists the files not merged with their reason", () => {
    setup(preview);
    expect(screen.getByRole("region", { name: "Không tổng hợp" }).textContent).toContain("hong.xlsx: không phải .xlsx");
  });

  it("lists a unit sheet of another template with the files not merged, not among the table's check findings", () => {
    const budget = unitInputs("VAN-PHONG.xlsx", [seedGrid(SEED_PHU_LUC_II, { sheetName: "Phụ lục II" })]).inputs[0];
    const wrong = mergeWorkbook(
      [sheetOf(blankForm(filled))],
      [unitInput(unitCopy(filled, "CNTT-BCVT"), "CNTT-BCVT.xlsx"), budget],
    );
    const outcome = {
      notMerged,
      workbookSheets: [],
      statuses: [],
      approvals: [],
      review: emptyReviewStore(),
      result: wrong,
      summary: summariseMerge(wrong, notMerged),
    };
    setup({ ...preview, outcome });
    const refused = screen.getByRole("region", { name: "Không tổng hợp" });
    expect(within(refused).getByText("Không tổng hợp (2)")).toBeTruthy();
    expect(
      within(refused).getByText(/^VAN-PHONG\.xlsx: .*là mẫu kinh-phi, khác mẫu của bảng tổng hợp \(chi-tieu\)/),
    ).toBeTruthy();
    expect(screen.queryByRole("region", { name: "Kiểm tra bảng tổng hợp" })?.textContent ?? "").not.toMatch(
      /VAN-PHONG/,
    );
  });

  it("shows Đơn vị chưa nộp: expected vs sent and completeness", () => {
    setup(preview);
    const panel = screen.getByRole("region", { name: "Đơn vị chưa nộp" });
    expect(panel.textContent).toContain("Chưa nộp: THANH-TRA");
    expect(panel.textContent).toContain("✗ THANH-TRA");
    expect(panel.textContent).toContain("✓ CNTT-BCVT");
    expect(panel.textContent).toContain("Hoàn thành 30/31 chỉ tiêu (96,8%)");
  });

  it("lists the values to fill per unit with their provenance (file › sheet!cell, as the log), and applies", () => {
    // Every conflict decided: Áp dụng goes ahead without asking.
    const decided = { ...result, conflicts: result.conflicts.map((c) => ({ ...c, resolved: true })) };
    const calls = setup({ ...preview, outcome: { ...preview.outcome!, result: decided } });
    const rows = screen.getAllByTestId("merge-value");
    expect(
      rows.some(
        (row) =>
          row.textContent?.includes("80%") && row.textContent.includes("CNTT-BCVT · CNTT-BCVT.xlsx › Phụ lục I!"),
      ),
    ).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: "Áp dụng và tải tệp tổng hợp" }));
    expect(calls.apply).toBe(1);
  });

  it("starts a merge with the picked unit files; without a template (file mode) Tổng hợp is disabled", () => {
    const calls = setup({ phase: "idle", progress: [] });
    const input = screen.getByTestId("merge-units") as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(["x"], "CNTT-BCVT.xlsx"), new File(["y"], "TTBCXB.xlsx")] } });
    expect(calls.merge).toEqual([[["CNTT-BCVT.xlsx", "TTBCXB.xlsx"], []]]);
    document.body.innerHTML = "";
    setup({ phase: "idle", progress: [] }, { templateName: undefined });
    expect((screen.getByRole("button", { name: "Tổng hợp" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("shows shares in percent and amounts the Vietnamese way", () => {
    expect(displayValue(0.942, "0.0%")).toBe("94,2%");
    expect(displayValue(225091, "#,##0")).toBe("225.091");
    expect(displayValue("Đạt")).toBe("Đạt");
  });
});
