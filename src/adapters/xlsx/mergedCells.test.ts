import { mergedRangesXlsx } from "../../../test/helpers/zipBomb";
import { checkMergedCells, MAX_MERGED_CELLS } from "./mergedCells";
import { readWorkbook } from "./readWorkbook";

describe("merged ranges are counted before exceljs makes their cells", () => {
  it("refuses a tiny file merging two million cells, quickly and with a Vietnamese message", async () => {
    const bytes = await mergedRangesXlsx(["A10:CV20000"]);
    expect(bytes.length).toBeLessThan(20_000);
    await expect(readWorkbook(bytes, { fileName: "gop.xlsx" })).rejects.toMatchObject({
      code: "too-large",
      messageVi: expect.stringMatching(/^Tệp “gop\.xlsx” có các vùng gộp ô phủ hơn 200\.000 ô .*bỏ gộp/),
    });
  });

  it("adds up the ranges of every sheet", async () => {
    const half = `A1:J${MAX_MERGED_CELLS / 20}`; // 10 columns × 10,000 rows: half the limit
    await expect(checkMergedCells(await mergedRangesXlsx([half]), "mot.xlsx")).resolves.toBeUndefined();
    await expect(checkMergedCells(await mergedRangesXlsx([half, "L1:L2"], 2), "hai.xlsx")).rejects.toMatchObject({
      code: "too-large",
    });
  });

  it("accepts merges up to the limit, as a Phụ lục's titles and group headers are far below it", async () => {
    await expect(
      checkMergedCells(await mergedRangesXlsx([`A1:T${MAX_MERGED_CELLS / 20}`]), "du.xlsx"),
    ).resolves.toBeUndefined();
    const titles = await mergedRangesXlsx(["A1:J1", "A2:J2", "C3:E3", "A3:A4"]);
    await expect(readWorkbook(titles)).resolves.toMatchObject({ grids: [{ merges: expect.any(Array) }] });
  });
});
