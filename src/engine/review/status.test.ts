import { PhuLucError } from "../errors";
import {
  approvalConflictMessage,
  approvalConflicts,
  approveUnit,
  latestReceipts,
  recordMerge,
  returnUnit,
  statusSheetRows,
  type Receipt,
} from "./status";

const EXPECTED = ["CNTT-BCVT", "TTBCXB", "THANH-TRA"];
const T1 = { by: "KHTC", at: "2026-12-01T08:00:00.000Z" };
const T2 = { by: "Hà", at: "2026-12-02T09:30:00.000Z" };
const receipt = (unit: string, sha: string, extra: Partial<Receipt> = {}): Receipt => ({
  unit,
  file: `${unit}.xlsx`,
  modified: "2026-11-30T10:00:00.000Z",
  sha256: sha,
  errors: 1,
  warnings: 2,
  explained: 1,
  ...extra,
});

describe("Tình trạng nộp", () => {
  it("a first merge: units that sent are Đã nhận with their counts, the others Chưa nộp", () => {
    const statuses = recordMerge([], EXPECTED, [receipt("CNTT-BCVT", "aa")], T1);
    expect(statuses.map((s) => [s.unit, s.state])).toEqual([
      ["CNTT-BCVT", "da-nhan"],
      ["TTBCXB", "chua-nop"],
      ["THANH-TRA", "chua-nop"],
    ]);
    expect(statuses[0]).toEqual({ ...receipt("CNTT-BCVT", "aa"), state: "da-nhan", by: "KHTC", at: T1.at });
  });

  it("re-merging the same bytes keeps Trả lại and Đã duyệt; other bytes make the unit Đã nhận again", () => {
    let statuses = recordMerge([], EXPECTED, [receipt("CNTT-BCVT", "aa"), receipt("TTBCXB", "bb")], T1);
    statuses = approveUnit(returnUnit(statuses, "TTBCXB", T2), "CNTT-BCVT", T2);
    const again = recordMerge(statuses, EXPECTED, [receipt("CNTT-BCVT", "aa"), receipt("TTBCXB", "bb")], T1);
    expect(again.map((s) => s.state)).toEqual(["da-duyet", "tra-lai", "chua-nop"]);
    expect(again[0]).toMatchObject({ by: "Hà", at: T2.at });
    const resent = recordMerge(again, EXPECTED, [receipt("TTBCXB", "cc", { errors: 0 })], T1);
    expect(resent.map((s) => s.state)).toEqual(["da-duyet", "da-nhan", "chua-nop"]);
    expect(resent[1]).toMatchObject({ sha256: "cc", errors: 0 });
  });

  it("of one unit's files the newest by modified date counts, whatever the order", () => {
    const old = receipt("TTBCXB", "old", { file: "b-thang9.xlsx", modified: "2026-10-01T00:00:00.000Z" });
    const recent = receipt("TTBCXB", "new", { file: "a-thang10.xlsx", modified: "2026-11-01T00:00:00.000Z" });
    expect(latestReceipts([recent, old]).get("TTBCXB")?.sha256).toBe("new");
    expect(latestReceipts([old, recent]).get("TTBCXB")?.sha256).toBe("new");
  });

  it("a unit outside the expected list that sent a file is listed after them", () => {
    const statuses = recordMerge([], ["TTBCXB"], [receipt("DV07", "dd"), receipt("TTBCXB", "bb")], T1);
    expect(statuses.map((s) => s.unit)).toEqual(["TTBCXB", "DV07"]);
  });

  it("return and approve need a unit that sent a file, named in the list", () => {
    const statuses = recordMerge([], EXPECTED, [receipt("CNTT-BCVT", "aa")], T1);
    expect(() => approveUnit(statuses, "TTBCXB", T2)).toThrow(/TTBCXB” chưa nộp tệp nào nên chưa thể duyệt/);
    expect(() => returnUnit(statuses, "TTBCXB", T2)).toThrow(/chưa thể trả lại/);
    let error: unknown;
    try {
      approveUnit(statuses, "KHONG-CO", T2);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PhuLucError);
    expect((error as PhuLucError).code).toBe("unknown-unit");
    expect((error as PhuLucError).messageEn).toContain("KHONG-CO");
  });

  it("finds the unit by its name without the administrative word, where only one row has it", () => {
    const units = ["UBND huyện Tri Tôn", "Huyện Chợ Mới", "Thị trấn Chợ Mới"];
    const statuses = recordMerge(
      [],
      units,
      units.map((unit, i) => receipt(unit, `h${i}`)),
      T1,
    );
    const approved = approveUnit(statuses, "Huyện Tri Tôn", T2);
    expect(approved.map((s) => [s.unit, s.state])).toEqual([
      ["UBND huyện Tri Tôn", "da-duyet"],
      ["Huyện Chợ Mới", "da-nhan"],
      ["Thị trấn Chợ Mới", "da-nhan"],
    ]);
    // Two rows are `Chợ Mới` without their word: the name must say which.
    expect(() => approveUnit(statuses, "Chợ Mới", T2)).toThrow(/Đơn vị “Chợ Mới” không có trong Tình trạng nộp/);
    expect(approveUnit(statuses, "Thị trấn Chợ Mới", T2)[2].state).toBe("da-duyet");
  });

  it("an approved unit's other file is a conflict unless reopened; the approved file itself is not", () => {
    const statuses = approveUnit(recordMerge([], EXPECTED, [receipt("CNTT-BCVT", "aa")], T1), "CNTT-BCVT", T2);
    const newer = receipt("CNTT-BCVT", "a2", { file: "CNTT-BCVT-moi.xlsx" });
    expect(approvalConflicts(statuses, [receipt("CNTT-BCVT", "aa")])).toEqual([]);
    const conflicts = approvalConflicts(statuses, [newer, receipt("TTBCXB", "bb")]);
    expect(conflicts.map((c) => [c.unit, c.file])).toEqual([["CNTT-BCVT", "CNTT-BCVT-moi.xlsx"]]);
    expect(approvalConflicts(statuses, [newer], ["CNTT-BCVT"])).toEqual([]);
    const message = approvalConflictMessage(conflicts[0]);
    expect(message.vi).toBe(
      "Đơn vị CNTT-BCVT đã được duyệt bởi Hà lúc 02/12/2026 09:30 (tệp “CNTT-BCVT.xlsx”); tệp “CNTT-BCVT-moi.xlsx” " +
        "sẽ thay đổi số liệu đã duyệt nên không được tổng hợp. Nếu thật sự cần, thêm --reopen CNTT-BCVT để mở lại việc duyệt.",
    );
    expect(message.en).toContain("--reopen CNTT-BCVT");
  });

  it("the visible sheet: a Vietnamese header and one row per unit, dates as people read them", () => {
    const statuses = recordMerge([], ["CNTT-BCVT", "TTBCXB"], [receipt("CNTT-BCVT", "aa")], T1);
    expect(statusSheetRows(statuses)).toEqual([
      [
        "Đơn vị",
        "Tình trạng",
        "Tệp",
        "Ngày sửa tệp",
        "SHA-256",
        "Lỗi",
        "Cảnh báo",
        "Đã giải trình",
        "Người cập nhật",
        "Thời điểm",
      ],
      ["CNTT-BCVT", "Đã nhận", "CNTT-BCVT.xlsx", "30/11/2026 10:00", "aa", 1, 2, 1, "KHTC", "01/12/2026 08:00"],
      ["TTBCXB", "Chưa nộp", "", "", "", "", "", "", "KHTC", "01/12/2026 08:00"],
    ]);
    expect(statusSheetRows(statuses, "en")[1][1]).toBe("Received");
  });
});
