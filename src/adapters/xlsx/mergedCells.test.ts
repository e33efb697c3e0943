import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { bytesOf } from "../../../test/helpers/readerWorkbooks";
import { checkMergedCells, MAX_MERGED_CELLS } from "./mergedCells";
import { readWorkbook } from "./readWorkbook";

/** A small workbook of `sheets` sheets, each given these merged ranges in its XML (as a hostile file would be). */
async function withMerges(refs: string[], sheets = 1): Promise<Uint8Array> {
  const parts = unzipSync(
    await bytesOf((workbook) => {
      for (let s = 1; s <= sheets; s++) workbook.addWorksheet(`Trang ${s}`).getCell("A1").value = "STT";
    }),
  );
  const merges = `<mergeCells count="${refs.length}">${refs.map((ref) => `<mergeCell ref="${ref}"/>`).join("")}</mergeCells>`;
  for (let s = 1; s <= sheets; s++) {
    const name = `xl/worksheets/sheet${s}.xml`;
    parts[name] = strToU8(strFromU8(parts[name]).replace("</sheetData>", `</sheetData>${merges}`));
  }
  return zipSync(parts);
}

describe("merged ranges are counted before exceljs makes their cells", () => {
  it("refuses a tiny file merging two million cells, quickly and with a Vietnamese message", async () => {
    const bytes = await withMerges(["A10:CV20000"]);
    expect(bytes.length).toBeLessThan(20_000);
    await expect(readWorkbook(bytes, { fileName: "gop.xlsx" })).rejects.toMatchObject({
      code: "too-large",
      messageVi: expect.stringMatching(/^Tệp “gop\.xlsx” có các vùng gộp ô phủ hơn 200\.000 ô .*bỏ gộp/),
    });
  });

  it("adds up the ranges of every sheet", async () => {
    const half = `A1:J${MAX_MERGED_CELLS / 20}`; // 10 columns × 10,000 rows: half the limit
    await expect(checkMergedCells(await withMerges([half]), "mot.xlsx")).resolves.toBeUndefined();
    await expect(checkMergedCells(await withMerges([half, "L1:L2"], 2), "hai.xlsx")).rejects.toMatchObject({
      code: "too-large",
    });
  });

  it("accepts merges up to the limit, as a Phụ lục's titles and group headers are far below it", async () => {
    await expect(
      checkMergedCells(await withMerges([`A1:T${MAX_MERGED_CELLS / 20}`]), "du.xlsx"),
    ).resolves.toBeUndefined();
    const titles = await withMerges(["A1:J1", "A2:J2", "C3:E3", "A3:A4"]);
    await expect(readWorkbook(titles)).resolves.toMatchObject({ grids: [{ merges: expect.any(Array) }] });
  });
});
