import { fakeContext, fakeSheetFromRows, type FakeWorkbookFile } from "../../../test/fakes/fakeExcel";
import { selectCell, writeCells } from "./cells";

function file(): FakeWorkbookFile {
  return {
    sheets: [fakeSheetFromRows("Phụ lục I", [["STT"]]), fakeSheetFromRows("Phụ lục II", [["STT"]])],
    activeSheet: "Phụ lục I",
    settings: {},
  };
}

describe("selectCell / writeCells", () => {
  it("activates the finding's sheet and selects its cell in one sync", async () => {
    const f = file();
    const { context, fake } = fakeContext(f);
    await selectCell(context, "Phụ lục II", "D15");
    expect(f.activeSheet).toBe("Phụ lục II");
    expect(f.selection).toEqual({ sheet: "Phụ lục II", address: "D15" });
    expect(fake.syncCount).toBe(1);
  });

  it("writes every update in one sync", async () => {
    const f = file();
    const { context, fake } = fakeContext(f);
    await writeCells(context, [
      { sheet: "Phụ lục I", address: "G5", value: 0.942, numberFormat: "0.00%" },
      { sheet: "Phụ lục I", address: "H5", value: "Đạt" },
      { sheet: "Phụ lục II", address: "D15", value: 225091 },
    ]);
    expect(fake.syncCount).toBe(1);
    expect(f.sheets[0].cells["G5"]).toMatchObject({ value: 0.942, numberFormat: "0.00%" });
    expect(f.sheets[0].cells["H5"].value).toBe("Đạt");
    expect(f.sheets[1].cells["D15"].value).toBe(225091);
  });

  it("fails at sync for a sheet that no longer exists", async () => {
    const { context } = fakeContext(file());
    await expect(selectCell(context, "Đã xoá", "A1")).rejects.toThrow(/ItemNotFound/);
  });
});
