/**
 * The review round in the pane's merge session (spec §10), on seed-built unit copies of Phụ lục I: the
 * consolidated template already records CNTT-BCVT as Đã duyệt (an earlier file); a new CNTT-BCVT file is held
 * out and asked about until reopened; Tình trạng nộp after the merge; Đã duyệt and Trả lại change it, Trả lại
 * with the unit's feedback workbook (findings as notes and a list sheet); the written workbook carries it.
 */
import ExcelJS from "exceljs";
import { seedWorkbookBuffer } from "../../../test/fixtures/seedGrids";
import {
  COL,
  blankForm,
  filledPhuLucI,
  leadsOf,
  rowIndexOf,
  unitCopy,
  withCell,
} from "../../../test/fixtures/mergeCases";
import { readWorkbook } from "../../adapters/xlsx/readWorkbook";
import { workbookWithReviewStore } from "../../adapters/xlsx/reviewStoreFile";
import { FEEDBACK_SHEET_NAME, emptyReviewStore, reviewStoreOf, type SubmissionStatus } from "../../engine/review";
import type { FilePayload } from "./protocol";
import { MergeSession } from "./session";

const filled = filledPhuLucI();
const internet = rowIndexOf(filled, "Tỷ lệ hộ gia đình có đường internet");
const ownRow = filled.rows.findIndex((row) => leadsOf(row[COL.lead]).includes("TTBCXB") && row[COL.ratio]);
const toBuffer = (bytes: Uint8Array) =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

async function file(name: string, seed: typeof filled): Promise<FilePayload> {
  return { name, bytes: toBuffer(await seedWorkbookBuffer([{ seed, options: { sheetName: "Phụ lục I" } }])) };
}

const APPROVED: SubmissionStatus = {
  unit: "CNTT-BCVT",
  state: "da-duyet",
  file: "CNTT-BCVT-thang9.xlsx",
  sha256: "0".repeat(64),
  errors: 0,
  warnings: 0,
  explained: 0,
  by: "KHTC",
  at: "2024-10-05T08:00:00.000Z",
};

async function consolidatedTemplate(): Promise<FilePayload> {
  const blank = await file("TONG-HOP.xlsx", blankForm(filled));
  const store = { ...emptyReviewStore(), statuses: [APPROVED] };
  return { name: "TONG-HOP.xlsx", bytes: toBuffer(await workbookWithReviewStore(blank.bytes, store)) };
}

describe("the review round in the pane's merge", () => {
  it("holds an approved unit's new file until reopened, records Tình trạng nộp, approves and returns", async () => {
    const units = [
      await file("CNTT-BCVT.xlsx", unitCopy(filled, "CNTT-BCVT")),
      // TTBCXB types 85% where the ratio says otherwise: findings to return with.
      await file("TTBCXB.xlsx", withCell(unitCopy(filled, "TTBCXB"), internet, COL.actual, "85%")),
    ];
    const session = new MergeSession();
    const first = await session.merge(
      { template: await consolidatedTemplate(), units, unitSheets: [], options: {} },
      () => {},
    );
    expect(first.approvals).toEqual([expect.objectContaining({ unit: "CNTT-BCVT", file: "CNTT-BCVT.xlsx" })]);
    // Held out: the approved figures stay, nothing of the new file is merged.
    expect(first.result.units.map((u) => u.file)).toEqual(["TTBCXB.xlsx"]);
    const state = (statuses: SubmissionStatus[]) => Object.fromEntries(statuses.map((s) => [s.unit, s.state]));
    expect(state(first.statuses)).toEqual({ "CNTT-BCVT": "da-duyet", TTBCXB: "da-nhan", "THANH-TRA": "chua-nop" });

    const reopened = session.remerge({}, ["CNTT-BCVT"]);
    expect(reopened.approvals).toEqual([]);
    expect(reopened.result.units.map((u) => u.file).sort()).toEqual(["CNTT-BCVT.xlsx", "TTBCXB.xlsx"]);
    expect(state(reopened.statuses)["CNTT-BCVT"]).toBe("da-nhan");
    const received = reopened.statuses.find((s) => s.unit === "TTBCXB")!;
    expect(received).toMatchObject({ file: "TTBCXB.xlsx", sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const approved = await session.changeStatus({ action: "approve", unit: "CNTT-BCVT" });
    expect(state(approved.statuses)["CNTT-BCVT"]).toBe("da-duyet");
    expect(approved.feedback).toBeUndefined();

    const returned = await session.changeStatus({ action: "return", unit: "TTBCXB" });
    expect(state(returned.statuses)).toEqual({ "CNTT-BCVT": "da-duyet", TTBCXB: "tra-lai", "THANH-TRA": "chua-nop" });
    expect(returned.feedback).toMatchObject({ fileName: "PHAN-HOI_TTBCXB.xlsx" });
    expect(returned.feedback!.findings).toBe(received.errors! + received.warnings!);
    const feedback = new ExcelJS.Workbook();
    await feedback.xlsx.load(toBuffer(returned.feedback!.bytes));
    expect(feedback.getWorksheet(FEEDBACK_SHEET_NAME)?.rowCount).toBe(returned.feedback!.findings + 1);

    // The consolidated workbook carries the statuses (very hidden PhuLuc, visible Tình trạng nộp).
    const written = await readWorkbook(await session.write(), { fileName: "TONG-HOP.xlsx" });
    expect(state(reviewStoreOf(written.grids).statuses)).toEqual(state(returned.statuses));
    expect(written.grids.map((g) => g.name)).toContain("Tình trạng nộp");
    // …and locks the approved unit's cells: the sheet is protected when the file is opened in Excel.
    const opened = new ExcelJS.Workbook();
    await opened.xlsx.load(toBuffer(await session.write()));
    expect(opened.getWorksheet("Phụ lục I")).toMatchObject({ sheetProtection: { sheet: true } });
  }, 120_000);

  it("Trả lại or Đã duyệt of a unit that sent nothing is refused in Vietnamese", async () => {
    const session = new MergeSession();
    await session.merge(
      {
        template: await consolidatedTemplate(),
        units: [await file("TTBCXB.xlsx", unitCopy(filled, "TTBCXB"))],
        unitSheets: [],
        options: {},
      },
      () => {},
    );
    await expect(session.changeStatus({ action: "return", unit: "THANH-TRA" })).rejects.toThrow(
      "Đơn vị “THANH-TRA” chưa nộp tệp nào nên chưa thể trả lại.",
    );
  }, 60_000);

  it("a unit's sheet pasted into the open workbook gets a receipt: Đã nhận, returned as that sheet alone, approved", async () => {
    const bytes = await seedWorkbookBuffer([
      { seed: blankForm(filled), options: { sheetName: "Phụ lục I" } },
      {
        // A Tỷ lệ that its Thực hiện and Chỉ tiêu contradict: a finding on receipt.
        seed: withCell(unitCopy(filled, "TTBCXB"), ownRow, COL.ratio, "10%"),
        options: { sheetName: "TTBCXB" },
      },
    ]);
    const template = { name: "Sổ đang mở", bytes: toBuffer(bytes) };
    const merge = () =>
      new MergeSession().merge({ template, units: [], unitSheets: ["TTBCXB"], options: {} }, () => {});
    const session = new MergeSession();
    const outcome = await session.merge({ template, units: [], unitSheets: ["TTBCXB"], options: {} }, () => {});
    const status = outcome.statuses.find((s) => s.unit === "TTBCXB")!;
    expect(status).toMatchObject({
      state: "da-nhan",
      file: "TTBCXB",
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(status.modified).toBeUndefined();
    expect(status.errors! + status.warnings!).toBeGreaterThan(0);
    // The same values give the same SHA-256 (a re-merge keeps Trả lại / Đã duyệt).
    expect((await merge()).statuses.find((s) => s.unit === "TTBCXB")!.sha256).toBe(status.sha256);

    const returned = await session.changeStatus({ action: "return", unit: "TTBCXB" });
    expect(returned.statuses.find((s) => s.unit === "TTBCXB")!.state).toBe("tra-lai");
    expect(returned.feedback).toMatchObject({ fileName: "PHAN-HOI_TTBCXB.xlsx" });
    const feedback = new ExcelJS.Workbook();
    await feedback.xlsx.load(toBuffer(returned.feedback!.bytes));
    // Only the unit's sheet and the findings go back: nothing else of the consolidated workbook.
    expect(feedback.worksheets.map((ws) => ws.name)).toEqual(["TTBCXB", FEEDBACK_SHEET_NAME]);
    expect(returned.feedback!.findings).toBe(status.errors! + status.warnings!);

    const approved = await session.changeStatus({ action: "approve", unit: "TTBCXB" });
    expect(approved.statuses.find((s) => s.unit === "TTBCXB")!.state).toBe("da-duyet");
  }, 120_000);
});
