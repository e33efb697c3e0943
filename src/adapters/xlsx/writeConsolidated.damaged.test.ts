/**
 * Templates the reader accepts but whose XML a patch cannot rewrite, and the message the user gets for each
 * (patch/unpatchable.ts). The CLI and the pane read the template with readWorkbook before writing into it, so
 * what the reader refuses (a file that is not a zip, a zip that is not an .xlsx, an unreadable tag) never
 * reaches the writer: each case here first checks that the reader reads it.
 */
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { mergeWorkbook, type MergeResult } from "../../engine/merge";
import { LOG_SHEET_NAME } from "../../engine/merge/logSheet";
import { recogniseTable } from "../../engine/recognise";
import { budgetBySection, budgetSheet } from "../../../test/fixtures/mergeCases";
import { addGridSheet, seedLayout } from "../../../test/fixtures/seedGrids";
import { SEED_PHU_LUC_II } from "../../../test/fixtures/seedTables";
import { parseStrict } from "../../../test/helpers/xmlCheck";
import { WorksheetXml } from "./patch/worksheet";
import { readWorkbook } from "./readWorkbook";
import { writeConsolidated } from "./writeConsolidated";

const { template: seed, parts } = budgetBySection(SEED_PHU_LUC_II);
const SHEET = "Phụ lục II";

/** The Phụ lục II template as exceljs writes it, each part's text edited by `edit` (a part set undefined is removed). */
async function template(edit: (parts: Record<string, string | undefined>) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  addGridSheet(workbook, seedLayout(seed, { sheetName: SHEET }).grid);
  const files = unzipSync(new Uint8Array(await workbook.xlsx.writeBuffer()));
  const texts: Record<string, string | undefined> = Object.fromEntries(
    Object.entries(files).map(([name, data]) => [name, strFromU8(data)]),
  );
  edit(texts);
  const kept = Object.entries(texts).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return zipSync(Object.fromEntries(kept.map(([name, text]) => [name, strToU8(text)])));
}

/** The template read as the CLI reads it (it must be accepted), merged with the units. */
async function merged(bytes: Uint8Array): Promise<MergeResult> {
  const [grid] = (await readWorkbook(bytes)).grids;
  return mergeWorkbook(
    [{ grid, table: recogniseTable(grid).table! }],
    parts.map((part, i) => ({ unitId: `U${i}`, file: `u${i}.xlsx`, table: budgetSheet(part).table })),
  );
}

/** The template merged and written into, as the CLI does. */
async function written(bytes: Uint8Array): Promise<Uint8Array> {
  return writeConsolidated(bytes, await merged(bytes));
}

const SHEET_PART = "xl/worksheets/sheet1.xml";
const STYLES_PART = "xl/styles.xml";

describe("writeConsolidated on a damaged template", () => {
  it("a consolidated sheet whose <sheetData> is never closed: the sheet named, re-saving in Excel asked for", async () => {
    const bytes = await template((p) => (p[SHEET_PART] = p[SHEET_PART]!.replace("</sheetData>", "")));
    await expect(written(bytes)).rejects.toMatchObject({
      code: "bad-template",
      messageVi: expect.stringMatching(
        `^Mẫu tổng hợp bị hỏng ở trang “${SHEET}”.*Hãy mở tệp trong Excel.*tổng hợp lại\\.$`,
      ),
      messageEn: expect.stringContaining(`sheet “${SHEET}”`),
    });
  });

  it("a sheet part without <sheetData>: no cells to read, so never a consolidated sheet; WorksheetXml names it all the same", async () => {
    const bytes = await template(
      (p) => (p[SHEET_PART] = p[SHEET_PART]!.replace(/<sheetData>[\s\S]*<\/sheetData>/, "")),
    );
    expect(recogniseTable((await readWorkbook(bytes)).grids[0]).table).toBeUndefined();
    expect(() => new WorksheetXml(strFromU8(unzipSync(bytes)[SHEET_PART]), SHEET)).toThrow(
      expect.objectContaining({
        problem: expect.objectContaining({ vi: expect.stringContaining(`trang “${SHEET}”`) }),
      }),
    );
  });

  it("an empty styles part (the reader reads no formats from it; the writer needs its <styleSheet>): the part named", async () => {
    await expect(written(await template((p) => (p[STYLES_PART] = "")))).rejects.toMatchObject({
      code: "bad-template",
      messageVi: expect.stringContaining(`hỏng ở phần “${STYLES_PART}”`),
    });
  });

  it("a styles part without <cellXfs>, or none at all: written, each new format given a list of its own", async () => {
    const withoutXfs = await template(
      (p) => (p[STYLES_PART] = p[STYLES_PART]!.replace(/<cellXfs[\s\S]*<\/cellXfs>/, "")),
    );
    const withoutStyles = await template((p) => {
      p[STYLES_PART] = undefined;
      p["xl/_rels/workbook.xml.rels"] = p["xl/_rels/workbook.xml.rels"]!.replace(
        /<Relationship [^>]*styles"[^>]*\/>/,
        "",
      );
      p["[Content_Types].xml"] = p["[Content_Types].xml"]!.replace(/<Override [^>]*styles\.xml"[^>]*\/>/, "");
    });
    for (const bytes of [withoutXfs, withoutStyles]) {
      const out = await written(bytes);
      const styles = parseStrict(strFromU8(unzipSync(out)[STYLES_PART]));
      // xf 0 stays the default every unstyled cell means; the log's bold header is another.
      expect(styles.filter((e) => e.name === "cellXfs")).toHaveLength(1);
      expect(styles.filter((e) => e.name === "xf" && e.attributes.xfId !== undefined).length).toBeGreaterThan(1);
      expect((await readWorkbook(out)).grids.map((g) => g.name)).toEqual([SHEET, LOG_SHEET_NAME]);
    }
  });

  it("a sheet named as the log whose relationship's target part is missing: the sheet named, rename or delete asked for", async () => {
    const bytes = await template((p) => {
      p["xl/workbook.xml"] = p["xl/workbook.xml"]!.replace(
        "</sheets>",
        `<sheet name="${LOG_SHEET_NAME}" sheetId="9" r:id="rId99"/></sheets>`,
      );
      p["xl/_rels/workbook.xml.rels"] = p["xl/_rels/workbook.xml.rels"]!.replace(
        "</Relationships>",
        '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet9.xml"/></Relationships>',
      );
    });
    expect((await readWorkbook(bytes)).grids.map((g) => g.name)).toEqual([SHEET]); // the reader leaves it out
    await expect(written(bytes)).rejects.toMatchObject({
      code: "bad-template",
      messageVi: expect.stringMatching(`có trang “${LOG_SHEET_NAME}”.*xoá hoặc đổi tên`),
    });
  });
});
