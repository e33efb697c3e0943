/** @jest-environment jsdom */
import { fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { SEED_PHU_LUC_II } from "../../../test/fixtures/seedTables";
import { seedGrid } from "../../../test/fixtures/seedGrids";
import { checkGrid } from "../../engine/check";
import type { Finding } from "../../engine/finding";
import { LangContext, type Lang } from "../i18n";
import { FindingsList, PAGE_SIZE } from "./FindingsList";

const total = checkGrid(seedGrid(SEED_PHU_LUC_II, { sheetName: "Phụ lục II" })).findings.find(
  (f) => f.rule === "total-mismatch",
)!;

const FINDINGS: Finding[] = [
  total,
  {
    rule: "unknown-unit",
    severity: "warning",
    sheet: "Phụ lục II",
    cell: "C8",
    message: "Ô C8: đơn vị “Phòng CNTT” không có trong danh sách; gần nhất là CNTT-BCVT.",
    messageEn: "Cell C8: unit “Phòng CNTT” is not in the list; closest is CNTT-BCVT.",
    params: {},
  },
  {
    rule: "numbering",
    severity: "warning",
    sheet: "Phụ lục II",
    cell: "A12",
    message: "Ô A12: số thứ tự 7 lặp lại.",
    messageEn: "Cell A12: number 7 repeats.",
    params: {},
  },
];

function renderList(onSelect = jest.fn(), lang: Lang = "vi") {
  render(
    <FluentProvider theme={webLightTheme}>
      <LangContext.Provider value={lang}>
        <FindingsList findings={FINDINGS} onSelect={onSelect} />
      </LangContext.Provider>
    </FluentProvider>,
  );
  return onSelect;
}

describe("FindingsList", () => {
  it("groups findings by severity, errors first, with counts", () => {
    renderList();
    const errors = screen.getByRole("region", { name: "Lỗi" });
    const warnings = screen.getByRole("region", { name: "Cảnh báo" });
    expect(within(errors).getAllByRole("button")).toHaveLength(1);
    expect(within(errors).getByText(/224\.591.*225\.091/)).toBeTruthy();
    expect(within(warnings).getAllByRole("button")).toHaveLength(2);
    expect(errors.compareDocumentPosition(warnings) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it("filters by rule and back to all rules", () => {
    renderList();
    const filter = screen.getByRole("combobox", { name: "Lọc theo quy tắc" });
    fireEvent.change(filter, { target: { value: "numbering" } });
    expect(screen.queryByRole("region", { name: "Lỗi" })).toBeNull();
    expect(screen.getAllByRole("button")).toHaveLength(1);
    expect(screen.getByText("Ô A12: số thứ tự 7 lặp lại.")).toBeTruthy();
    fireEvent.change(filter, { target: { value: "" } });
    expect(screen.getAllByRole("button")).toHaveLength(3);
  });

  it("calls the action with the clicked finding and shows its figures", () => {
    const onSelect = renderList();
    const button = screen.getByText(/224\.591.*225\.091/).closest("button")!;
    fireEvent.click(button);
    expect(onSelect).toHaveBeenCalledTimes(1);
    expect(onSelect).toHaveBeenCalledWith(total);
    expect(total.cell).toBe("D19");
    expect(button.getAttribute("aria-current")).toBe("true");
    expect(button.textContent).toContain("Đúng ra: 225.091");
    expect(button.textContent).toContain("Đang ghi: 224.591");
    // The difference as the message says it ("chênh lệch 500"), not signed found − expected.
    expect(total.message).toContain("(chênh lệch 500)");
    expect(button.textContent).toContain("Chênh lệch: 500");
    expect(button.textContent).not.toContain("-500");
  });

  it("writes the figures of the detail line as the English message does", () => {
    renderList(jest.fn(), "en");
    const button = screen.getByText(/224,591.*225,091/).closest("button")!;
    fireEvent.click(button);
    expect(total.messageEn).toContain("(difference 500)");
    expect(button.textContent).toContain("Expected: 225,091 · Found: 224,591 · Difference: 500");
  });

  it("shows long lists a page at a time", () => {
    const many: Finding[] = Array.from({ length: PAGE_SIZE + 5 }, (_, i) => ({
      ...FINDINGS[1],
      cell: `D${i + 10}`,
      message: `Ô D${i + 10}: ô chứa văn bản “1.000”, đọc được là 1.000; nên lưu dạng số.`,
    }));
    render(
      <FluentProvider theme={webLightTheme}>
        <FindingsList findings={many} />
      </FluentProvider>,
    );
    const group = screen.getByRole("region", { name: "Cảnh báo" });
    expect(within(group).getAllByText(/nên lưu dạng số/)).toHaveLength(PAGE_SIZE);
    fireEvent.click(screen.getByRole("button", { name: "Hiện thêm (còn 5)" }));
    expect(within(group).getAllByText(/nên lưu dạng số/)).toHaveLength(PAGE_SIZE + 5);
    expect(screen.queryByRole("button", { name: /Hiện thêm/ })).toBeNull();
  });

  it("shows the English messages and rule names when switched to English", () => {
    renderList(jest.fn(), "en");
    expect(screen.getByRole("region", { name: "Errors" })).toBeTruthy();
    expect(screen.getByText("Cell A12: number 7 repeats.")).toBeTruthy();
    expect(screen.getAllByText("Total mismatch").length).toBeGreaterThan(0);
  });
});
