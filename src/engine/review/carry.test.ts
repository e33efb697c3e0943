import { mergeWorkbook } from "../merge";
import {
  blankForm,
  COL,
  filledPhuLucI,
  rowIndexOf,
  sheetOf,
  unitCopy,
  unitInput,
  withCell,
} from "../../../test/fixtures/mergeCases";
import { attachExplanations, explanationFor, isBlocking } from "./explanations";
import { carryExplanations, explainMergeFindings, mergedExplanations } from "./carry";
import { recogniseTable } from "../recognise";
import { seedGrid } from "../../../test/fixtures/seedGrids";
import { explanationListRows, feedbackListRows, findingNote, ownSheetKind } from "./sheets";
import { checkGrid } from "../check";

const filled = filledPhuLucI();
const fixed = rowIndexOf(filled, "Số thuê bao băng rộng cố định");
const flagged = withCell(unitCopy(filled, "CNTT-BCVT"), fixed, COL.ratio, "100,0");
const AT = "2026-12-02T09:00:00.000Z";
const TEXT = "Chỉ tiêu điều chỉnh còn 22% theo QĐ 123/QĐ-UBND";

function explainedInput() {
  const { table } = recogniseTable(seedGrid(flagged, { sheetName: "Phụ lục I" }));
  const e = explanationFor(table!, { cell: "E17", rule: "attainment-mismatch" }, { text: TEXT, by: "Lan", at: AT })!;
  return unitInput(flagged, "CNTT-BCVT.xlsx", { explanations: [e] });
}

describe("giải trình through the merge", () => {
  const template = sheetOf(blankForm(filled));
  const result = mergeWorkbook([template], [explainedInput(), unitInput(unitCopy(filled, "TTBCXB"), "TTBCXB.xlsx")]);

  it("goes into the consolidated Ghi chú and the log line of its row", () => {
    const note = result.sheets[0].patch.writes.find((w) => w.row === 16 && w.col === COL.note);
    expect(note?.value).toBe(TEXT);
    const logged = result.log.find((l) => l.file === "CNTT-BCVT.xlsx" && l.cell.endsWith("17"));
    expect(logged).toMatchObject({ status: "merged", explanation: TEXT });
  });

  it("explains the consolidated sheet's own finding, which no longer blocks", () => {
    const mismatch = result.findings.find((f) => f.rule === "attainment-mismatch");
    expect(mismatch).toMatchObject({ cell: "E17", explanation: TEXT });
    expect(result.findings.filter(isBlocking)).toEqual([]);
  });

  it("is re-keyed to the consolidated sheet's row, naming its unit, for the consolidated PhuLuc sheet", () => {
    const carried = carryExplanations(result, [explainedInput()]);
    expect(carried).toEqual([
      expect.objectContaining({
        sheet: "Phụ lục I",
        rule: "attainment-mismatch",
        text: TEXT,
        by: "Lan",
        unit: "CNTT-BCVT",
        cell: "E17",
      }),
    ]);
    const report = checkGrid(result.sheets[0].grid);
    const attached = attachExplanations(report.table, report.findings, carried);
    expect(attached.find((f) => f.rule === "attainment-mismatch")).toMatchObject({
      explanationUnit: "CNTT-BCVT",
      explanation: TEXT,
    });
  });

  it("a unit merged again speaks through its new files only; KHTC's own and other units' stay", () => {
    const carried = carryExplanations(result, [explainedInput()]);
    const old = { ...carried[0], text: "cũ" };
    const khtc = { ...carried[0], unit: undefined, rule: "numbering", text: "KHTC" };
    const other = { ...carried[0], unit: "TTBCXB", rule: "out-of-range", text: "TTBCXB" };
    expect(mergedExplanations([old, khtc, other], [], ["CNTT-BCVT"]).map((e) => e.text)).toEqual(["KHTC", "TTBCXB"]);
    expect(mergedExplanations([old, khtc], carried, ["CNTT-BCVT"]).map((e) => e.text)).toEqual(["KHTC", TEXT]);
    expect(mergedExplanations([old], [], ["TTBCXB"])).toEqual([old]);
  });

  it("the consolidated workbook's own stored giải trình explains a merge finding no input explains", () => {
    const carried = carryExplanations(result, [explainedInput()]);
    const unexplained = { ...result, findings: result.findings.map((f) => ({ ...f, explanation: undefined })) };
    const explained = explainMergeFindings(unexplained, carried);
    expect(explained.find((f) => f.rule === "attainment-mismatch")).toMatchObject({
      explanation: TEXT,
      explanationUnit: "CNTT-BCVT",
    });
    expect(explainMergeFindings(unexplained, [])).toBe(unexplained.findings);
  });

  it("does not travel with a superseded file", () => {
    const older = { ...explainedInput(), receivedAt: "2026-10-01T00:00:00.000Z" };
    const newer = {
      ...unitInput(unitCopy(filled, "CNTT-BCVT"), "CNTT-BCVT-moi.xlsx"),
      receivedAt: "2026-11-01T00:00:00.000Z",
    };
    const superseded = mergeWorkbook([template], [older, newer]);
    expect(carryExplanations(superseded, [older, newer])).toEqual([]);
  });
});

describe("the review round's sheets", () => {
  it("are PhuLuc's own, not Phụ lục", () => {
    expect(ownSheetKind("Tình trạng nộp")?.vi).toBe("bảng tình trạng nộp");
    expect(ownSheetKind("PHULUC")?.en).toBe("the review records");
    expect(ownSheetKind("Nhật ký tổng hợp")?.vi).toBe("nhật ký tổng hợp");
    expect(ownSheetKind("Giải trình")?.vi).toBe("danh sách giải trình kèm file nộp");
    expect(ownSheetKind("Phụ lục I")).toBeUndefined();
  });

  it("list explained findings, findings to send back, and a finding as a cell note", () => {
    const report = checkGrid(seedGrid(flagged, { sheetName: "Phụ lục I" }));
    const e = explanationFor(
      report.table!,
      { cell: "E17", rule: "attainment-mismatch" },
      { text: TEXT, by: "Lan", at: AT },
    )!;
    const findings = attachExplanations(report.table, report.findings, [{ ...e, unit: "CNTT-BCVT" }]);
    const mismatch = findings.find((f) => f.rule === "attainment-mismatch")!;
    expect(explanationListRows(findings)).toEqual([
      ["Trang tính", "Ô", "Quy tắc", "Mức độ", "Nội dung", "Giải trình", "Đơn vị", "Người giải trình", "Thời điểm"],
      [
        "Phụ lục I",
        "E17",
        "attainment-mismatch",
        "Lỗi",
        mismatch.message,
        TEXT,
        "CNTT-BCVT",
        "Lan",
        "02/12/2026 09:00",
      ],
    ]);
    expect(feedbackListRows([mismatch])[1]).toEqual([
      "Phụ lục I",
      "E17",
      "Lỗi",
      "attainment-mismatch",
      mismatch.message,
      TEXT,
    ]);
    expect(findingNote(mismatch)).toBe(`Lỗi [attainment-mismatch]: ${mismatch.message}\nĐã giải trình: ${TEXT}`);
  });
});
