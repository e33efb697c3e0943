/** @jest-environment jsdom */
import { fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { SEED_PHU_LUC_II } from "../../../test/fixtures/seedTables";
import { seedGrid } from "../../../test/fixtures/seedGrids";
import { checkGrid } from "../../engine/check";
import type { Finding } from "../../engine/finding";
import { LangContext, type Lang } from "../i18n";
import { CheckPanel, type CheckActions } from "./CheckPanel";
import { checkedSheet, type CheckedSheet } from "./checkedSheet";
import { ROW_HEIGHT } from "./FindingsList";

const seed = checkedSheet(checkGrid(seedGrid(SEED_PHU_LUC_II, { sheetName: "Phụ lục II" })));
const total = seed.findings.find((f) => f.rule === "total-mismatch")!;

const EXTRA: Finding[] = [
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
const SHEET: CheckedSheet = { ...seed, findings: [total, ...EXTRA] };

function renderPanel(sheet: CheckedSheet = SHEET, lang: Lang = "vi", actions: CheckActions = {}) {
  render(
    <FluentProvider theme={webLightTheme}>
      <LangContext.Provider value={lang}>
        <CheckPanel reports={[sheet]} actions={actions} />
      </LangContext.Provider>
    </FluentProvider>,
  );
  return screen.getByRole("group", { name: lang === "vi" ? "Danh sách lỗi và cảnh báo" : "Errors and warnings" });
}

const findingButtons = (list: HTMLElement) => within(list).getAllByRole("button");

describe("CheckPanel findings", () => {
  it("lists errors before warnings under counted headings", () => {
    const list = renderPanel();
    const text = list.textContent!;
    expect(text.indexOf("Lỗi1")).toBeLessThan(text.indexOf("Cảnh báo2"));
    expect(findingButtons(list).map((b) => b.textContent?.slice(0, 3))).toEqual(["D19", "C8Đ", "A12"]);
  });

  it("filters by rule and back to all rules", () => {
    const list = renderPanel();
    const filter = screen.getByRole("combobox", { name: "Lọc theo quy tắc" });
    fireEvent.change(filter, { target: { value: "numbering" } });
    expect(findingButtons(list)).toHaveLength(1);
    expect(within(list).getByText("Ô A12: số thứ tự 7 lặp lại.")).toBeTruthy();
    fireEvent.change(filter, { target: { value: "" } });
    expect(findingButtons(list)).toHaveLength(3);
  });

  it("outside Excel, the chosen finding's card gives its figures with their unit and how to reach the cell", () => {
    const list = renderPanel();
    const button = within(list)
      .getByText(/224\.591.*225\.091/)
      .closest("button")!;
    fireEvent.click(button);
    expect(button.getAttribute("aria-current")).toBe("true");
    const card = screen.getByRole("region", { name: "Lỗi đang chọn" });
    // Phụ lục II declares “Đvt: triệu đồng”; the difference is unsigned as the message says it.
    expect(total.message).toContain("(chênh lệch 500)");
    expect(card.textContent).toContain(
      "Đúng ra: 225.091 triệu đồng · Đang ghi: 224.591 triệu đồng · Chênh lệch: 500 triệu đồng",
    );
    expect(card.textContent).toContain("mở trang tính “Phụ lục II”, bấm Ctrl+G (Đi tới), gõ D19");
  });

  it("in Excel, a click selects the cell and the card needs no directions", () => {
    const select = jest.fn();
    const list = renderPanel(SHEET, "vi", { select });
    fireEvent.click(
      within(list)
        .getByText(/224\.591.*225\.091/)
        .closest("button")!,
    );
    expect(select).toHaveBeenCalledWith(total);
    expect(screen.getByRole("region", { name: "Lỗi đang chọn" }).textContent).not.toContain("Ctrl+G");
  });

  it("writes the card's figures as the English message does", () => {
    const list = renderPanel(SHEET, "en");
    fireEvent.click(
      within(list)
        .getByText(/224,591.*225,091/)
        .closest("button")!,
    );
    expect(total.messageEn).toContain("(difference 500)");
    expect(screen.getByRole("region", { name: "Chosen finding" }).textContent).toContain(
      "Expected: 225,091 million VND · Found: 224,591 million VND · Difference: 500 million VND",
    );
    expect(within(list).getByText("Cell A12: number 7 repeats.")).toBeTruthy();
    expect(within(list).getAllByText("Total mismatch").length).toBeGreaterThan(0);
  });

  it("keeps only the rows in view in the page, and draws later ones when scrolled to", () => {
    const many: Finding[] = Array.from({ length: 5000 }, (_, i) => ({
      ...EXTRA[0],
      cell: `C${i + 10}`,
      message: `Ô C${i + 10}: đơn vị “Phòng ${i}” không có trong danh sách.`,
    }));
    const list = renderPanel({ ...SHEET, findings: many });
    const drawn = findingButtons(list).length;
    expect(drawn).toBeGreaterThan(3);
    expect(drawn).toBeLessThan(20);
    expect(within(list).queryByText(/Phòng 4000”/)).toBeNull();
    fireEvent.scroll(list, { target: { scrollTop: 4000 * ROW_HEIGHT } });
    expect(within(list).getByText(/Phòng 4000”/)).toBeTruthy();
    expect(findingButtons(list).length).toBeLessThan(20);
  });
});

describe("CheckPanel errors", () => {
  it("announces an error as an alert, in the pane's language", () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <LangContext.Provider value="en">
          <CheckPanel reports={[]} actions={{}} error={{ vi: "Tệp hỏng.", en: "The file is damaged." }} />
        </LangContext.Provider>
      </FluentProvider>,
    );
    expect(screen.getByRole("alert").textContent).toContain("The file is damaged.");
  });
});

describe("CheckPanel notes", () => {
  // A real sheet's note: the seed's table with one row hidden.
  const grid = seedGrid(SEED_PHU_LUC_II, { sheetName: "Phụ lục II" });
  grid.hiddenRows = [8];
  const noted = checkedSheet(checkGrid(grid));

  it("shows the engine's notes in the chosen language", () => {
    expect(noted.notes.map((n) => n.id)).toEqual(["hidden-rows"]);
    renderPanel(noted, "en");
    expect(screen.getByText("Notes")).toBeTruthy();
    expect(screen.getByText("1 row is hidden (row 9); hidden rows are checked all the same.")).toBeTruthy();
    expect(screen.queryByText(/dòng bị ẩn/)).toBeNull();
  });

  it("in Vietnamese by default", () => {
    renderPanel(noted);
    expect(screen.getByText("Có 1 dòng bị ẩn (dòng 9); các dòng ẩn vẫn được kiểm tra.")).toBeTruthy();
  });
});
