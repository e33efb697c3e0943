/** @jest-environment jsdom */
/*
 * The Tình trạng nộp view and the approved-unit question, fed by the engine's own state changes
 * (recordMerge, returnUnit, approveUnit, approvalConflicts): three units expected, two sent files, one
 * approved; a newer file of the approved unit asks before it changes approved figures.
 */
import { fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { approvalConflicts, approveUnit, recordMerge, returnUnit, type Receipt } from "../../engine/review";
import { LangContext } from "../i18n";
import { ApprovalQuestion } from "./ApprovalQuestion";
import { StatusPanel } from "./StatusPanel";

const AT = { by: "KHTC", at: "2024-10-05T08:00:00.000Z" };
const receipt = (unit: string, file: string, sha256: string, errors = 0): Receipt => ({
  unit,
  file,
  modified: "2024-10-04T09:30:00.000Z",
  sha256,
  errors,
  warnings: 1,
  explained: errors,
});

const received = recordMerge(
  [],
  ["CNTT-BCVT", "TTBCXB", "THANH-TRA"],
  [receipt("CNTT-BCVT", "CNTT-BCVT.xlsx", "aa", 1), receipt("TTBCXB", "TTBCXB.xlsx", "bb")],
  AT,
);
const approved = approveUnit(returnUnit(received, "TTBCXB", AT), "CNTT-BCVT", AT);

const pane = (node: React.ReactNode, lang: "vi" | "en" = "vi") => (
  <FluentProvider theme={webLightTheme}>
    <LangContext.Provider value={lang}>{node}</LangContext.Provider>
  </FluentProvider>
);

describe("Tình trạng nộp", () => {
  it("one row per expected unit with its state; Trả lại and Đã duyệt only for a unit that sent a file", () => {
    const calls: string[] = [];
    render(
      pane(
        <StatusPanel
          statuses={approved}
          onReturn={(u) => calls.push(`return ${u}`)}
          onApprove={(u) => calls.push(`approve ${u}`)}
        />,
      ),
    );
    const rows = within(screen.getByRole("table", { name: "Tình trạng nộp" }))
      .getAllByRole("row")
      .slice(1);
    expect(rows.map((r) => within(r).getAllByRole("cell")[1].textContent)).toEqual(["Đã duyệt", "Trả lại", "Chưa nộp"]);
    expect(rows[0].textContent).toContain("1 lỗi · 1 cảnh báo · 1 đã giải trình");
    expect(rows[0].textContent).toContain("KHTC, 05/10/2024 08:00");

    const button = (name: string) => screen.getByRole<HTMLButtonElement>("button", { name });
    expect(button("Duyệt CNTT-BCVT").disabled).toBe(true); // already approved
    expect(button("Trả lại THANH-TRA").disabled).toBe(true); // sent nothing
    expect(button("Duyệt THANH-TRA").disabled).toBe(true);
    fireEvent.click(button("Duyệt TTBCXB"));
    fireEvent.click(button("Trả lại CNTT-BCVT"));
    expect(calls).toEqual(["approve TTBCXB", "return CNTT-BCVT"]);
  });

  it("in English, the states and counts follow the switch", () => {
    render(pane(<StatusPanel statuses={approved} onReturn={() => {}} onApprove={() => {}} />, "en"));
    expect(screen.getByRole("table", { name: "Submission status" }).textContent).toContain("Approved");
    expect(screen.getByRole("button", { name: "Return TTBCXB" })).toBeTruthy();
  });

  it("a newer file of an approved unit asks: keep the approved figures, or reopen and merge it", () => {
    const [conflict] = approvalConflicts(approved, [receipt("CNTT-BCVT", "CNTT-BCVT-moi.xlsx", "cc")]);
    const answers: [string, boolean][] = [];
    render(pane(<ApprovalQuestion conflict={conflict} onAnswer={(u, reopen) => answers.push([u, reopen])} />));
    const dialog = screen.getByRole("alertdialog", { hidden: true });
    expect(dialog.textContent).toContain("CNTT-BCVT đã được duyệt lúc 05/10/2024 08:00 (tệp “CNTT-BCVT.xlsx”)");
    expect(dialog.textContent).toContain("CNTT-BCVT-moi.xlsx");
    fireEvent.click(within(dialog).getByRole("button", { name: "Giữ số liệu đã duyệt", hidden: true }));
    fireEvent.click(within(dialog).getByRole("button", { name: "Mở lại và tổng hợp", hidden: true }));
    expect(answers).toEqual([
      ["CNTT-BCVT", false],
      ["CNTT-BCVT", true],
    ]);
  });
});
